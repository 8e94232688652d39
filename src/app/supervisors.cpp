#include "app/supervisors.hpp"

#include <algorithm>

namespace alis::app {

std::optional<SupervisorList> supervisor_list(store::Store& store, const std::string& number,
                                              domain::Date today) {
    auto municipality = store.municipality(number);
    if (!municipality) {
        return std::nullopt;
    }
    return SupervisorList{std::move(*municipality), store.supervisor_capacity(number),
                          store.supervisors_for(number, today)};
}

RegistrationProblem check_registration(store::Store& store,
                                       const SupervisorRegistration& registration) {
    if (!registration.hpr_number) {
        return RegistrationProblem::none;
    }
    const auto person = store.person_by_hpr(*registration.hpr_number);
    if (!person) {
        return RegistrationProblem::none;
    }
    if (person->training_status == store::TrainingStatus::in_training) {
        return RegistrationProblem::person_in_training;
    }
    if (store.supervisor_registration(registration.supervisor.municipality_number, person->id)) {
        return RegistrationProblem::already_registered;
    }
    return RegistrationProblem::none;
}

store::Supervisor register_supervisor(store::Store& store, SupervisorRegistration registration,
                                      store::AuditEvent audit) {
    std::optional<store::Person> known;
    if (registration.hpr_number) {
        known = store.person_by_hpr(*registration.hpr_number);
    }
    store::Supervisor supervisor = std::move(registration.supervisor);
    store.write([&](store::StoreWriter& writer) {
        if (known) {
            supervisor.person_id = known->id;
        } else {
            store::Person person;
            person.full_name = registration.full_name;
            person.hpr_number = registration.hpr_number;
            // An approved experienced GP is by definition no specialist, and is not in the
            // training either (check_registration refuses a doctor in training).
            person.training_status =
                supervisor.qualification == store::SupervisorQualification::specialist
                    ? store::TrainingStatus::specialist
                    : store::TrainingStatus::not_in_training;
            supervisor.person_id = writer.add_person(person);
        }
        supervisor.id = writer.add_supervisor(supervisor);
        audit.subject_person_id = supervisor.person_id;
        writer.append_audit(std::move(audit));
    });
    return supervisor;
}

void set_supervisor_capacity(store::Store& store, const std::string& number, int max_trainees,
                             store::AuditEvent audit) {
    store.write([&](store::StoreWriter& writer) {
        writer.set_supervisor_capacity(number, max_trainees);
        writer.append_audit(std::move(audit));
    });
}

namespace {

bool covers(const store::SupervisorAssignment& a, domain::Date day) {
    return a.starts_on <= day && (!a.ends_on || day <= *a.ends_on);
}

}  // namespace

AssignmentCheck check_assignment(store::Store& store, const AssignmentRequest& request) {
    AssignmentCheck check;
    check.capacity = store.supervisor_capacity(request.municipality_number);
    if (request.supervisor_person_id == request.trainee_person_id) {
        check.problem = AssignmentProblem::supervisor_is_trainee;
        return check;
    }
    if (!store.supervisor_registration(request.municipality_number, request.supervisor_person_id)) {
        check.problem = AssignmentProblem::not_registered;
        return check;
    }
    for (const auto& a : store.supervisor_assignments_of(request.trainee_person_id)) {
        if (a.supervisor_person_id == request.supervisor_person_id &&
            covers(a, request.starts_on)) {
            check.problem = AssignmentProblem::already_assigned;
            return check;
        }
        const bool overlaps_later = a.starts_on >= request.starts_on &&
                                    (!request.ends_on || a.starts_on <= *request.ends_on);
        if (overlaps_later) {
            check.problem = AssignmentProblem::later_assignment;
            check.conflict_starts_on = a.starts_on;
            return check;
        }
    }
    auto others = store.trainees_of(request.supervisor_person_id, request.starts_on);
    std::erase(others, request.trainee_person_id);
    check.trainees = static_cast<int>(others.size());
    return check;
}

store::SupervisorAssignment assign_supervisor(store::Store& store, const AssignmentRequest& request,
                                              store::AuditEvent audit) {
    const auto existing = store.supervisor_assignments_of(request.trainee_person_id);
    store::SupervisorAssignment assignment;
    assignment.supervisor_person_id = request.supervisor_person_id;
    assignment.trainee_person_id = request.trainee_person_id;
    assignment.starts_on = request.starts_on;
    assignment.ends_on = request.ends_on;
    store.write([&](store::StoreWriter& writer) {
        for (const auto& a : existing) {
            if (a.starts_on < request.starts_on && covers(a, request.starts_on)) {
                writer.end_supervisor_assignment(a.id, request.starts_on.plus_days(-1));
            }
        }
        assignment.id = writer.add_supervisor_assignment(assignment);
        audit.subject_person_id = request.trainee_person_id;
        writer.append_audit(std::move(audit));
    });
    return assignment;
}

}  // namespace alis::app
