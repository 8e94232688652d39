#pragma once

// Supervisors (journey 5): the supervisors a municipality registers, the one supervisor
// (veileder) of each trainee, and the capacity rule (at most N trainees per supervisor at a time).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "store/store.hpp"

namespace alis::app {

// The supervisors registered for a municipality, with its capacity setting.
struct SupervisorList {
    store::Municipality municipality;
    int capacity = store::kDefaultSupervisorCapacity;
    std::vector<store::SupervisorSummary> supervisors;  // By name, trainees counted on `today`.
};

// The supervisors of the municipality on `today`; nullopt for an unknown municipality.
std::optional<SupervisorList> supervisor_list(store::Store& store, const std::string& number,
                                              domain::Date today);

// A supervisor to register. `supervisor` is complete except person_id; the person is found by
// HPR number (a supervisor already known to alis, e.g. registered by a neighbour) or created.
struct SupervisorRegistration {
    std::string full_name;
    std::optional<std::string> hpr_number;
    store::Supervisor supervisor;
};

enum class RegistrationProblem {
    none,
    person_in_training,  // The HPR number belongs to a doctor in training.
    already_registered,  // The person is already a supervisor of this municipality.
};

// Checks the rules that need the data (the form checks the rest).
RegistrationProblem check_registration(store::Store& store,
                                       const SupervisorRegistration& registration);

// Registers the supervisor (creating the person when new) and appends `audit`, in one
// transaction; returns the registration with its ids.
store::Supervisor register_supervisor(store::Store& store, SupervisorRegistration registration,
                                      store::AuditEvent audit);

// Sets the municipality's capacity and appends `audit`, in one transaction.
void set_supervisor_capacity(store::Store& store, const std::string& number, int max_trainees,
                             store::AuditEvent audit);

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
    int capacity = store::kDefaultSupervisorCapacity;
    bool over_capacity() const { return trainees + 1 > capacity; }
};

// Checks an assignment against the data: registration, overlaps, and the supervisor's load.
AssignmentCheck check_assignment(store::Store& store, const AssignmentRequest& request);

// Assigns the supervisor: the trainee's current assignment ends the day before the new start, so
// a trainee never has two supervisors at once; appends `audit`; all in one transaction. Returns
// the new assignment. Call check_assignment first.
store::SupervisorAssignment assign_supervisor(store::Store& store, const AssignmentRequest& request,
                                              store::AuditEvent audit);

}  // namespace alis::app
