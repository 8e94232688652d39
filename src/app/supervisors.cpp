#include "app/supervisors.hpp"

#include <algorithm>

#include "domain/person_name.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

bool covers(const domain::SupervisorAssignment& a, domain::Date day) {
    return a.starts_on <= day && (!a.ends_on || day <= *a.ends_on);
}

RegistrationProblem check_registration(const store::Snapshot& s,
                                       const SupervisorRegistration& registration) {
    if (!registration.hpr_number) {
        return RegistrationProblem::none;
    }
    const auto person = s.people().find_by_hpr(*registration.hpr_number);
    if (!person) {
        return RegistrationProblem::none;
    }
    if (!domain::same_person_name(registration.full_name, person->full_name) ||
        person->training_status == domain::TrainingStatus::in_training) {
        return RegistrationProblem::hpr_not_usable;
    }
    if (s.supervisors().find_registration(registration.supervisor.municipality_number,
                                          person->id)) {
        return RegistrationProblem::already_registered;
    }
    return RegistrationProblem::none;
}

AssignmentCheck check_assignment(const store::Snapshot& s, const AssignmentRequest& request) {
    AssignmentCheck check;
    check.capacity = s.supervisors().capacity(request.municipality_number);
    if (request.supervisor_person_id == request.trainee_person_id) {
        check.problem = AssignmentProblem::supervisor_is_trainee;
        return check;
    }
    if (!s.supervisors().find_registration(request.municipality_number,
                                           request.supervisor_person_id)) {
        check.problem = AssignmentProblem::not_registered;
        return check;
    }
    for (const auto& a : s.supervisors().assignments_of(request.trainee_person_id)) {
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
    auto others = s.supervisors().trainees_of(request.supervisor_person_id, request.starts_on);
    std::erase(others, request.trainee_person_id);
    check.trainees = static_cast<int>(others.size());
    return check;
}

}  // namespace

std::optional<SupervisorList> supervisor_list(Application& app, const std::string& number,
                                              domain::Date today) {
    return app.database().read([&](const store::Snapshot& s) -> std::optional<SupervisorList> {
        auto municipality = s.municipalities().find(number);
        if (!municipality) {
            return std::nullopt;
        }
        return SupervisorList{std::move(*municipality), s.supervisors().capacity(number),
                              s.supervisors().registered_for(number, today)};
    });
}

RegistrationProblem check_registration(Application& app,
                                       const SupervisorRegistration& registration) {
    return app.database().read(
        [&](const store::Snapshot& s) { return check_registration(s, registration); });
}

std::variant<domain::Supervisor, RegistrationProblem> register_supervisor(
    Application& app, SupervisorRegistration registration, domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::Supervisor, RegistrationProblem> {
            // Checked again in the unit of work, so that a registration made meanwhile counts.
            if (const auto problem = check_registration(w, registration);
                problem != RegistrationProblem::none) {
                return problem;
            }
            domain::Supervisor supervisor = registration.supervisor;
            const auto known = registration.hpr_number
                                   ? w.people().find_by_hpr(*registration.hpr_number)
                                   : std::nullopt;
            if (known) {
                supervisor.person_id = known->id;
            } else {
                domain::Person person;
                person.full_name = registration.full_name;
                person.hpr_number = registration.hpr_number;
                // An approved experienced GP is by definition no specialist, and is not in the
                // training either (check_registration refuses a doctor in training).
                person.training_status =
                    supervisor.qualification == domain::SupervisorQualification::specialist
                        ? domain::TrainingStatus::specialist
                        : domain::TrainingStatus::not_in_training;
                supervisor.person_id = w.people().add(person);
            }
            supervisor.id = w.supervisors().add(supervisor);
            auto event = audit;
            event.subject_person_id = supervisor.person_id;
            w.audit().append(std::move(event));
            return supervisor;
        });
}

int supervisor_capacity(Application& app, const std::string& number) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.supervisors().capacity(number); });
}

void set_supervisor_capacity(Application& app, const std::string& number, int max_trainees,
                             domain::AuditEvent audit) {
    app.database().write([&](store::UnitOfWork& w) {
        w.supervisors().set_capacity(number, max_trainees);
        w.audit().append(audit);
    });
}

AssignmentCheck check_assignment(Application& app, const AssignmentRequest& request) {
    return app.database().read(
        [&](const store::Snapshot& s) { return check_assignment(s, request); });
}

std::variant<domain::SupervisorAssignment, AssignmentCheck> assign_supervisor(
    Application& app, const AssignmentRequest& request, Capacity capacity,
    domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SupervisorAssignment, AssignmentCheck> {
            // The checks run again in the unit of work that writes, so that nothing written
            // between the form and this write slips past them.
            const auto check = check_assignment(w, request);
            if (check.problem != AssignmentProblem::none ||
                (check.over_capacity() && capacity == Capacity::keep_within)) {
                return check;
            }
            domain::SupervisorAssignment assignment;
            assignment.supervisor_person_id = request.supervisor_person_id;
            assignment.trainee_person_id = request.trainee_person_id;
            assignment.starts_on = request.starts_on;
            assignment.ends_on = request.ends_on;
            for (const auto& a : w.supervisors().assignments_of(request.trainee_person_id)) {
                if (a.starts_on < request.starts_on && covers(a, request.starts_on)) {
                    w.supervisors().end_assignment(a.id, request.starts_on.plus_days(-1));
                }
            }
            assignment.id = w.supervisors().add_assignment(assignment);
            auto event = audit;
            event.subject_person_id = request.trainee_person_id;
            w.audit().append(std::move(event));
            return assignment;
        });
}

std::vector<SupervisedTrainee> supervised_trainees(Application& app,
                                                   std::int64_t supervisor_person_id,
                                                   domain::Date today) {
    auto result = app.database().read([&](const store::Snapshot& s) {
        std::vector<SupervisedTrainee> rows;
        for (const auto id : s.supervisors().trainees_of(supervisor_person_id, today)) {
            auto person = s.people().find(id);
            if (!person) {
                continue;
            }
            SupervisedTrainee row{std::move(*person), today, {}};
            for (const auto& a : s.supervisors().assignments_of(id)) {
                if (a.supervisor_person_id == supervisor_person_id && covers(a, today)) {
                    row.since = a.starts_on;
                }
            }
            for (const auto& n : s.people().employing_municipalities(id, today)) {
                const auto m = s.municipalities().find(n);
                row.employers.push_back(m ? m->name : n);
            }
            rows.push_back(std::move(row));
        }
        return rows;
    });
    std::sort(result.begin(), result.end(),
              [](const auto& a, const auto& b) { return a.person.full_name < b.person.full_name; });
    return result;
}

std::vector<AssignmentEntry> assignment_history(Application& app, std::int64_t trainee_person_id) {
    return app.database().read([&](const store::Snapshot& s) {
        std::vector<AssignmentEntry> entries;
        for (auto& a : s.supervisors().assignments_of(trainee_person_id)) {
            const auto p = s.people().find(a.supervisor_person_id);
            entries.push_back({std::move(a), p ? p->full_name : std::string()});
        }
        return entries;
    });
}

int supervisor_load(Application& app, std::int64_t supervisor_person_id, domain::Date day) {
    return app.database().read([&](const store::Snapshot& s) {
        return static_cast<int>(s.supervisors().trainees_of(supervisor_person_id, day).size());
    });
}

}  // namespace alis::app
