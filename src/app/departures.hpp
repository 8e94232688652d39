#pragma once

// Recording why a doctor left an ALIS post and where they went (domain/departure.hpp): the
// leader's use case when an employment has ended, and its correction (recorded again).

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/departure.hpp"

namespace alis::app {

// Why a departure cannot be recorded.
enum class DepartureProblem {
    unknown_employment,  // Not an employment of this person (a 404 to the caller).
    still_employed,      // The employment has no end date yet.
    later_employment,    // training_ended, but the person is employed after this one ends.
};

// Records the departure from the person's employment `departure.employment_id`, signed by
// `actor`, at the audit event's instant, in one unit of work with the audit event: its action
// becomes "departure.recorded", or "departure.changed" when it replaces one recorded before.
// With `training_ended` (refused while the person has another employment that lasts beyond this
// one's end: the training goes on there) the person's training status becomes `specialist` (when
// the reason is became_specialist) or `left`; recorded again without it, a status that the
// departure had set goes back to `in_training`.
std::variant<domain::Departure, DepartureProblem> record_departure(Application& app,
                                                                   std::int64_t person_id,
                                                                   domain::Departure departure,
                                                                   const Actor& actor,
                                                                   domain::AuditEvent audit);

// The municipality's employments that ended in the last kDepartureRecordDays up to `today`, with
// the departures recorded from them: what its leader may still record or correct.
std::vector<domain::EndedEmployment> recent_departures(Application& app, const std::string& number,
                                                       domain::Date today);

}  // namespace alis::app
