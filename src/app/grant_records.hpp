#pragma once

// The leader's records of the money (docs/money.md, "Claims from the store"): the grant facts of
// a post, the agreement register and the cost inputs of each ALIS and year with the
// municipality's defaults. Each write is one unit of work with its audit event.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/agreement.hpp"
#include "domain/audit_event.hpp"
#include "domain/coverage.hpp"

namespace alis::app {

// Why a money record cannot be written.
enum class GrantRecordProblem {
    unknown_employment,      // Not an employment of this person (a 404 to the caller).
    unknown_agreement,       // Not an agreement of this person's employment (a 404).
    substitute_not_gp_post,  // A GP substitute holds a regular GP post only.
    covers_to_before_from,   // The agreement's period ends before it begins.
    signed_date_and_status,  // A signed agreement needs its date, and a draft has none.
    signed_in_future,        // Signed after today.
    unknown_municipality,    // No municipality with that number (a 404).
    not_employed_there,      // The person has no employment in that municipality that year.
};

// Records the grant facts of the person's employment `facts.employment_id` ("grant_post.recorded").
std::variant<domain::GrantPostFacts, GrantRecordProblem> record_grant_facts(
    Application& app, std::int64_t person_id, domain::GrantPostFacts facts,
    domain::AuditEvent audit);

// Adds the agreement to the register ("agreement.recorded"), or, with a non-zero id, changes the
// one of that id ("agreement.changed"), signed by `actor`; `today` bounds the signing date.
std::variant<domain::Agreement, GrantRecordProblem> record_agreement(Application& app,
                                                                     std::int64_t person_id,
                                                                     domain::Agreement agreement,
                                                                     const Actor& actor,
                                                                     domain::AuditEvent audit);

// Records a cost entry: the municipality's defaults for the year (no person_id,
// "cost_defaults.recorded") or an ALIS's own ("cost_input.recorded"), who must have an
// employment in the municipality that year.
std::variant<domain::RecordedCostEntry, GrantRecordProblem> record_cost_entry(
    Application& app, domain::RecordedCostEntry entry, const Actor& actor,
    domain::AuditEvent audit);

// The agreements of the person's employments, by employment.
std::vector<domain::Agreement> agreements_of(Application& app, std::int64_t person_id);

}  // namespace alis::app
