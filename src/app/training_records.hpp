#pragma once

// A doctor's training record as the leader keeps it (journey 2): reading it, registering a new
// doctor in training, and adding employments, service periods and leaves. Each write checks the
// record's rules in the unit of work that writes it, so that nothing written in between slips
// past them, and is stored with its audit event or not at all.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/departure.hpp"
#include "domain/municipality.hpp"
#include "domain/person.hpp"

namespace alis::app {

// One version of a record of the training record.
using RecordVersion = std::variant<domain::Employment, domain::ServicePeriod, domain::Leave>;

// A correction as the log keeps it, with the versions before and after it read back.
struct RecordHistory {
    domain::RecordCorrection correction;
    RecordVersion before;
    std::optional<RecordVersion> after;  // nullopt when the record was removed.
};

// A person with their employments, service periods and leaves, each oldest first, and the
// corrections of them, newest first.
// Municipality names by number.
using MunicipalityNames = std::map<std::string, std::string, std::less<>>;

struct TrainingRecord {
    domain::Person person;
    std::vector<domain::Employment> employments;
    std::vector<domain::ServicePeriod> periods;
    std::vector<domain::Leave> leaves;
    std::vector<RecordHistory> corrections;
    // The names of the municipalities that the employments, and their earlier versions, name.
    MunicipalityNames municipality_names;
    // Why the ended employments ended (domain/departure.hpp), where that was recorded.
    std::vector<domain::Departure> departures;
};

// The person's record, or nullopt for an unknown person.
std::optional<TrainingRecord> training_record(Application& app, std::int64_t person_id);
// The person with this id, or nullopt.
std::optional<domain::Person> find_person(Application& app, std::int64_t person_id);

// A rule of the training record that a write would break.
struct RecordProblem {
    enum class Kind {
        hpr_format,              // Not an HPR number (domain/hpr.hpp).
        hpr_taken,               // Another person has the HPR number.
        lis1_required,           // The ruleset counts part 3 from LIS1, and no LIS1 date is given.
        starts_before_lis1,      // The employment starts on or before LIS1 was completed (`date`).
        ends_before_start,       // The end date is before the start date.
        over_full_time,          // The total position would be `percent` % on `date`.
        unknown_employment,      // The service period names an employment the person does not have.
        outside_employment,      // The service period is not within its employment.
        too_many_periods,        // The person would have more than domain::kMaxPeriods service
                                 // periods and leaves together (`percent` holds the limit).
        unknown_record,          // The record to correct is not the person's (or was removed).
        employment_has_periods,  // Service periods are part of the employment to remove.
        period_outside_employment,  // A service period of the corrected employment would lie
                                    // outside it (`date`: the period's start).
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
// Adds a service period of the person; when it names an employment, it must lie within it. Like
// add_leave, it refuses a record that would give the person more than domain::kMaxPeriods
// service periods and leaves together (`too_many_periods`), which the ledger cannot count.
std::variant<domain::ServicePeriod, RecordProblems> add_service_period(Application& app,
                                                                       domain::ServicePeriod period,
                                                                       domain::AuditEvent audit);
// Adds a leave of the person.
std::variant<domain::Leave, RecordProblems> add_leave(Application& app, domain::Leave leave,
                                                      domain::AuditEvent audit);

// Why a record is corrected and by whom, kept with its earlier version.
struct Correction {
    std::string reason;  // 1..kMaxCorrectionReason characters.
    std::string by;      // The actor's name and e-mail: "Kari Nordmann (kari@bergen.no)".
};
inline constexpr std::size_t kMaxCorrectionReason = 1000;

// Corrections of a record of the person in the record's `person_id`: each checks the rules the
// add use case checks, against the person's other records (not the version it replaces), and
// writes the live record, the earlier version in the log of corrections (with `why`) and the audit
// event in one unit of work. A record that is not the person's is `unknown_record`. A corrected
// employment keeps its municipality, and its service periods must stay within it; an employment
// that service periods are part of cannot be removed (`employment_has_periods`).
std::variant<domain::Employment, RecordProblems> correct_employment(Application& app,
                                                                    domain::Employment corrected,
                                                                    const Correction& why,
                                                                    domain::AuditEvent audit);
std::variant<domain::ServicePeriod, RecordProblems> correct_service_period(
    Application& app, domain::ServicePeriod corrected, const Correction& why,
    domain::AuditEvent audit);
std::variant<domain::Leave, RecordProblems> correct_leave(Application& app, domain::Leave corrected,
                                                          const Correction& why,
                                                          domain::AuditEvent audit);
// Removals return the removed record, whose last version the log keeps.
std::variant<domain::Employment, RecordProblems> remove_employment(Application& app,
                                                                   std::int64_t person_id,
                                                                   std::int64_t employment_id,
                                                                   const Correction& why,
                                                                   domain::AuditEvent audit);
std::variant<domain::ServicePeriod, RecordProblems> remove_service_period(Application& app,
                                                                          std::int64_t person_id,
                                                                          std::int64_t period_id,
                                                                          const Correction& why,
                                                                          domain::AuditEvent audit);
std::variant<domain::Leave, RecordProblems> remove_leave(Application& app, std::int64_t person_id,
                                                         std::int64_t leave_id,
                                                         const Correction& why,
                                                         domain::AuditEvent audit);

// The municipality whose leader `actor` acts for on the person's record: the first leader grant
// of the actor, active today, for a municipality that employs or has hired the person; nullopt
// when the actor leads none of them.
std::optional<std::string> acting_municipality(Application& app, const Actor& actor,
                                               std::int64_t person_id);

}  // namespace alis::app
