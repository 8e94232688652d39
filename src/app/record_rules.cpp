// The shared record rules of app/record_rules.hpp.
#include "app/record_rules.hpp"

#include <algorithm>

#include "domain/training_path.hpp"
#include "store/database.hpp"

namespace alis::app::record_rules {

void check_dates(const domain::Date& from, const std::optional<domain::Date>& to,
                 RecordProblems& problems) {
    if (to && *to < from) {
        problems.push_back({Kind::ends_before_start, std::nullopt, 0});
    }
}

bool within(const domain::Employment& e, const domain::Date& from,
            const std::optional<domain::Date>& to) {
    return e.starts_on <= from && (!e.ends_on || (to && *to <= *e.ends_on));
}

void check_employment_of(const std::vector<domain::Employment>& employments,
                         const domain::ServicePeriod& period, RecordProblems& problems) {
    if (!period.employment_id) {
        return;
    }
    const auto it =
        std::find_if(employments.begin(), employments.end(),
                     [&](const domain::Employment& e) { return e.id == *period.employment_id; });
    if (it == employments.end()) {
        problems.push_back({Kind::unknown_employment, std::nullopt, 0});
    } else if (!within(*it, period.starts_on, period.ends_on)) {
        problems.push_back({Kind::outside_employment, std::nullopt, 0});
    }
}

void check_room_for_one_more(const store::UnitOfWork& w, std::int64_t person_id,
                             RecordProblems& problems) {
    constexpr auto kMax = static_cast<int>(domain::kMaxPeriods);
    if (w.people().path_length(person_id) >= kMax) {
        problems.push_back({Kind::too_many_periods, std::nullopt, kMax});
    }
}

domain::AuditEvent about(domain::AuditEvent audit, std::int64_t person_id) {
    audit.subject_person_id = person_id;
    return audit;
}

}  // namespace alis::app::record_rules
