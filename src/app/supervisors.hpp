#pragma once

// Supervisors (journey 5): the supervisors a municipality registers, the one supervisor
// (veileder) of each trainee, and the capacity rule (at most N trainees per supervisor at a time).

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/municipality.hpp"
#include "domain/person.hpp"
#include "domain/supervisor.hpp"

namespace alis::app {

// The supervisors registered for a municipality, with its capacity setting.
struct SupervisorList {
    domain::Municipality municipality;
    int capacity = domain::kDefaultSupervisorCapacity;
    std::vector<domain::SupervisorSummary> supervisors;  // By name, trainees counted on `today`.
};

// The supervisors of the municipality on `today`; nullopt for an unknown municipality.
std::optional<SupervisorList> supervisor_list(Application& app, const std::string& number,
                                              domain::Date today);

// A supervisor to register. `supervisor` is complete except person_id; the person is found by
// HPR number and name (a supervisor already known to alis, e.g. registered by a neighbour) or
// created when the HPR number is unknown.
struct SupervisorRegistration {
    std::string full_name;
    std::optional<std::string> hpr_number;
    domain::Supervisor supervisor;
};

// A registration names a person by HPR number; an existing person is linked only when the name
// matches too (domain::same_person_name). What the answer says never depends on anything the
// caller did not send: a known HPR number under another name and a doctor in training get the
// same problem.
enum class RegistrationProblem {
    none,
    hpr_not_usable,      // The HPR number is known under another name, or is a doctor in
                         // training (who cannot be a supervisor).
    already_registered,  // The person (name and HPR number) is already a supervisor of this
                         // municipality.
};

// Checks the rules that need the data (the form checks the rest).
RegistrationProblem check_registration(Application& app,
                                       const SupervisorRegistration& registration);

// Registers the supervisor (creating the person when new) and appends `audit`, in one unit of
// work that checks the registration again; returns the registration with its ids, or the
// problem that stopped it.
std::variant<domain::Supervisor, RegistrationProblem> register_supervisor(
    Application& app, SupervisorRegistration registration, domain::AuditEvent audit);

// The municipality's capacity setting (the default when it has none).
int supervisor_capacity(Application& app, const std::string& number);

// Sets the municipality's capacity and appends `audit`, in one transaction.
void set_supervisor_capacity(Application& app, const std::string& number, int max_trainees,
                             domain::AuditEvent audit);

// A supervisor for a trainee from a day, until a day or open-ended.
struct AssignmentRequest {
    std::string municipality_number;  // Whose supervisors may be chosen.
    std::int64_t trainee_person_id = 0;
    std::int64_t supervisor_person_id = 0;
    domain::Date starts_on;
    std::optional<domain::Date> ends_on;
};

enum class AssignmentProblem {
    none,
    not_registered,         // The supervisor is not registered for the municipality.
    already_assigned,       // The supervisor is already the trainee's on the start day.
    later_assignment,       // Another assignment starts on or after the start and overlaps.
    supervisor_is_trainee,  // The supervisor and the trainee are the same person.
};

struct AssignmentCheck {
    AssignmentProblem problem = AssignmentProblem::none;
    std::optional<domain::Date> conflict_starts_on;  // later_assignment: when it starts.
    int trainees = 0;  // The supervisor's other trainees on the start day.
    int capacity = domain::kDefaultSupervisorCapacity;
    bool over_capacity() const { return trainees + 1 > capacity; }
};

// Checks an assignment against the data: registration, overlaps, and the supervisor's load.
AssignmentCheck check_assignment(Application& app, const AssignmentRequest& request);

// Whether an assignment may take the supervisor over the municipality's capacity (the leader
// confirmed it).
enum class Capacity { keep_within, may_exceed };

// Assigns the supervisor: the trainee's current assignment ends the day before the new start, so
// a trainee never has two supervisors at once; appends `audit`; all in one unit of work that runs
// check_assignment again first. Returns the new assignment, or the check that stopped it (a
// problem, or over capacity with Capacity::keep_within).
std::variant<domain::SupervisorAssignment, AssignmentCheck> assign_supervisor(
    Application& app, const AssignmentRequest& request, Capacity capacity,
    domain::AuditEvent audit);

// One of a supervisor's trainees on a day: since when, and the names of their employers.
struct SupervisedTrainee {
    domain::Person person;
    domain::Date since;
    std::vector<std::string> employers;
};
// The trainees assigned to the supervisor on `today`, by name.
std::vector<SupervisedTrainee> supervised_trainees(Application& app,
                                                   std::int64_t supervisor_person_id,
                                                   domain::Date today);

// One assignment of a trainee, with the supervisor's name.
struct AssignmentEntry {
    domain::SupervisorAssignment assignment;
    std::string supervisor_name;
};
// Every assignment of the trainee, oldest first.
std::vector<AssignmentEntry> assignment_history(Application& app, std::int64_t trainee_person_id);

// How many trainees the supervisor has on `day`, over every municipality.
int supervisor_load(Application& app, std::int64_t supervisor_person_id, domain::Date day);

}  // namespace alis::app
