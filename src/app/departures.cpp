#include "app/departures.hpp"

#include <algorithm>

#include "store/database.hpp"

namespace alis::app {
namespace {

domain::TrainingStatus status_after(const domain::Departure& d) {
    return d.reason == domain::DepartureReason::became_specialist
               ? domain::TrainingStatus::specialist
               : domain::TrainingStatus::left;
}

}  // namespace

std::variant<domain::Departure, DepartureProblem> record_departure(Application& app,
                                                                   std::int64_t person_id,
                                                                   domain::Departure departure,
                                                                   const Actor& actor,
                                                                   domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::Departure, DepartureProblem> {
            const auto person = w.people().find(person_id);
            if (!person) {
                return DepartureProblem::unknown_employment;
            }
            const auto employments = w.people().employments_of(person_id);
            const auto employment =
                std::find_if(employments.begin(), employments.end(),
                             [&](const auto& e) { return e.id == departure.employment_id; });
            if (employment == employments.end()) {
                return DepartureProblem::unknown_employment;
            }
            if (!employment->ends_on) {
                return DepartureProblem::still_employed;
            }
            if (departure.training_ended &&
                std::any_of(employments.begin(), employments.end(), [&](const auto& e) {
                    return e.id != employment->id &&
                           (!e.ends_on || *e.ends_on > *employment->ends_on);
                })) {
                return DepartureProblem::later_employment;
            }
            const auto earlier = w.people().departures_of(person_id);
            const auto before = std::find_if(earlier.begin(), earlier.end(), [&](const auto& d) {
                return d.employment_id == departure.employment_id;
            });
            departure.recorded_at = audit.at;
            departure.recorded_by = signature_of(actor);
            w.people().put_departure(departure);
            if (departure.training_ended) {
                w.people().set_training_status(person_id, status_after(departure));
            } else if (before != earlier.end() && before->training_ended &&
                       person->training_status == status_after(*before)) {
                w.people().set_training_status(person_id, domain::TrainingStatus::in_training);
            }
            audit.action = before == earlier.end() ? "departure.recorded" : "departure.changed";
            audit.subject_person_id = person_id;
            w.audit().append(audit);
            return departure;
        });
}

std::vector<domain::EndedEmployment> recent_departures(Application& app, const std::string& number,
                                                       domain::Date today) {
    return app.database().read([&](const store::Snapshot& s) {
        return s.people().ended_employments(number, today.plus_days(-kDepartureRecordDays), today);
    });
}

}  // namespace alis::app
