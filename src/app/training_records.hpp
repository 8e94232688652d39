#pragma once

// A doctor's training record as the leader keeps it (journey 2): reading it, registering a new
// doctor in training, and adding employments, service periods and leaves. Each write checks the
// record's rules in the unit of work that writes it, so that nothing written in between slips
// past them, and is stored with its audit event or not at all.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/municipality.hpp"
#include "domain/person.hpp"

namespace alis::app {

// A person with their employments, service periods and leaves, each oldest first.
struct TrainingRecord {
    domain::Person person;
    std::vector<domain::Employment> employments;
    std::vector<domain::ServicePeriod> periods;
    std::vector<domain::Leave> leaves;
};

// The person's record, or nullopt for an unknown person.
std::optional<TrainingRecord> training_record(Application& app, std::int64_t person_id);
// The person with this id, or nullopt.
std::optional<domain::Person> find_person(Application& app, std::int64_t person_id);

// A rule of the training record that a write would break.
struct RecordProblem {
    enum class Kind {
        hpr_format,          // Not an HPR number (domain/hpr.hpp).
        hpr_taken,           // Another person has the HPR number.
        lis1_required,       // The ruleset counts part 3 from LIS1, and no LIS1 date is given.
        starts_before_lis1,  // The employment starts on or before LIS1 was completed (`date`).
        ends_before_start,   // The end date is before the start date.
        over_full_time,      // The total position would be `percent` % on `date`.
        unknown_employment,  // The service period names an employment the person does not have.
        outside_employment,  // The service period is not within its employment.
    };
    Kind kind;
    std::optional<domain::Date> date;
    int percent = 0;
};
using RecordProblems = std::vector<RecordProblem>;

// Whether the first employment of a new doctor also counts as a service period.
enum class CountAsService { no, yes };

// A doctor in training to register with their first employment. The employment's person and
// municipality are filled in by the use case.
struct TraineeRegistration {
    domain::Person person;  // Name, HPR number, LIS1 date, ruleset.
    domain::Employment employment;
    CountAsService count_as_service = CountAsService::yes;
    std::optional<std::string> place;  // Of the service period; the municipality's name if none.
};

struct RegisteredTrainee {
    domain::Person person;
    domain::Employment employment;
    std::optional<domain::ServicePeriod> period;
};

// The rulesets a doctor may be registered under, the default first.
const std::vector<std::string>& known_rulesets();

// Registers the doctor in training with their first employment by `municipality` (and, unless
// told otherwise, a service period for it: the arena follows the post type, and the employer
// counts as registered unless the municipality is not a registered education enterprise).
std::variant<RegisteredTrainee, RecordProblems> register_trainee(
    Application& app, const domain::Municipality& municipality, TraineeRegistration registration,
    domain::AuditEvent audit);

// Adds an employment of the person by `employment.municipality_number`.
std::variant<domain::Employment, RecordProblems> add_employment(Application& app,
                                                                domain::Employment employment,
                                                                domain::AuditEvent audit);
// Adds a service period of the person; when it names an employment, it must lie within it.
std::variant<domain::ServicePeriod, RecordProblems> add_service_period(Application& app,
                                                                       domain::ServicePeriod period,
                                                                       domain::AuditEvent audit);
// Adds a leave of the person.
std::variant<domain::Leave, RecordProblems> add_leave(Application& app, domain::Leave leave,
                                                      domain::AuditEvent audit);

// The municipality whose leader `actor` acts for on the person's record: the first leader grant
// of the actor, active today, for a municipality that employs or has hired the person; nullopt
// when the actor leads none of them.
std::optional<std::string> acting_municipality(Application& app, const Actor& actor,
                                               std::int64_t person_id);

}  // namespace alis::app
