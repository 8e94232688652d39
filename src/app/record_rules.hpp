#pragma once

// The rules that a trainee's records must keep, shared by adding a record
// (app/training_records.cpp) and correcting one (app/record_corrections.cpp). Each check appends
// what it finds to `problems`; the use case refuses the write when any is found. Internal to app.

#include <optional>
#include <vector>

#include "app/training_records.hpp"
#include "domain/audit_event.hpp"
#include "domain/position.hpp"

namespace alis::store {
class UnitOfWork;
}  // namespace alis::store

namespace alis::app::record_rules {

using Kind = RecordProblem::Kind;

// A record must not end before it starts.
void check_dates(const domain::Date& from, const std::optional<domain::Date>& to,
                 RecordProblems& problems);

// At most 100 % on any day: the new span against the ones already stored.
template <typename Record>
void check_full_time(const std::vector<Record>& existing, const domain::PositionSpan& added,
                     RecordProblems& problems) {
    std::vector<domain::PositionSpan> spans;
    for (const auto& other : existing) {
        spans.push_back({other.starts_on, other.ends_on, other.fte});
    }
    const auto peak = domain::peak_position(spans, added);
    if (peak.percent > 100) {
        problems.push_back({Kind::over_full_time, peak.on, peak.percent});
    }
}

// Whether the span [from, to] lies within the employment's span.
bool within(const domain::Employment& e, const domain::Date& from,
            const std::optional<domain::Date>& to);

// The period's employment must be one of the person's, and the period must lie within it.
void check_employment_of(const std::vector<domain::Employment>& employments,
                         const domain::ServicePeriod& period, RecordProblems& problems);

// The ledger counts at most domain::kMaxPeriods service periods and leaves: one more must fit.
void check_room_for_one_more(const store::UnitOfWork& w, std::int64_t person_id,
                             RecordProblems& problems);

// The audit event, about the person whose record it is.
domain::AuditEvent about(domain::AuditEvent audit, std::int64_t person_id);

}  // namespace alis::app::record_rules
