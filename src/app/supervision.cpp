#include "app/supervision.hpp"

#include <algorithm>

#include "app/auth.hpp"
#include "app/courses.hpp"
#include "app/training_ledger.hpp"
#include "domain/ruleset.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

constexpr std::string_view kNormsFile = "rules/supervision/norms.toml";
constexpr std::string_view kGroupsFile = "rules/supervision/groups.toml";

// The norm that applies to a trainee on `day`: their first employing municipality's choice.
const domain::SupervisionNorm& norm_for(const store::Snapshot& s, std::int64_t person_id,
                                        domain::Date day) {
    const auto employers = s.people().employing_municipalities(person_id, day);
    const auto chosen = employers.empty() ? std::nullopt : s.supervision().norm_of(employers[0]);
    return supervision_norms().chosen(chosen.value_or(""));
}

// The veileder a new meeting of the trainee is with: the actor when they are the trainee's
// veileder today, else the trainee's (first) veileder today.
std::optional<std::int64_t> veileder_for(const store::Snapshot& s, std::int64_t trainee,
                                         const Actor& actor, domain::Date today) {
    const auto supervisors = s.supervisors().supervisors_of(trainee, today);
    if (supervisors.empty()) {
        return std::nullopt;
    }
    if (actor.person_id &&
        std::find(supervisors.begin(), supervisors.end(), *actor.person_id) != supervisors.end()) {
        return *actor.person_id;
    }
    return supervisors.front();
}

}  // namespace

const domain::SupervisionNorms& supervision_norms() {
    static const domain::SupervisionNorms norms =
        domain::parse_supervision_norms(compiled_in_file(kNormsFile), kNormsFile);
    return norms;
}

const std::vector<domain::CourseRequirement>& course_requirements() {
    static constexpr std::string_view kCoursesFile = "rules/courses/courses.toml";
    static const std::vector<domain::CourseRequirement> all =
        domain::parse_course_requirements(compiled_in_file(kCoursesFile), kCoursesFile);
    return all;
}

std::optional<GroupStatus> group_status(Application& app, std::int64_t person_id,
                                        domain::Date today) {
    static const std::vector<domain::GroupRequirement> requirements =
        domain::parse_group_requirements(compiled_in_file(kGroupsFile), kGroupsFile);
    return app.database().read([&](const store::Snapshot& s) -> std::optional<GroupStatus> {
        const auto person = s.people().find(person_id);
        if (!person) {
            return std::nullopt;
        }
        const auto* requirement = domain::requirement_for(
            requirements, person->ruleset ? std::string_view(*person->ruleset) : kDefaultRuleset);
        if (!requirement) {
            return std::nullopt;
        }
        return GroupStatus{
            *requirement,
            domain::group_progress(*requirement, s.supervision_groups().memberships_of(person_id),
                                   s.supervision_groups().attended_by(person_id),
                                   s.people().service_periods_of(person_id), today)};
    });
}

std::optional<SupervisionRecord> supervision_record(Application& app, std::int64_t person_id,
                                                    domain::Date today) {
    return app.database().read([&](const store::Snapshot& s) -> std::optional<SupervisionRecord> {
        auto person = s.people().find(person_id);
        if (!person) {
            return std::nullopt;
        }
        SupervisionRecord r;
        r.person = std::move(*person);
        r.meetings = s.supervision().meetings_of(person_id);
        r.addenda = s.supervision().addenda_of(person_id);
        for (const auto& m : r.meetings) {
            if (!r.supervisor_names.contains(m.supervisor_person_id)) {
                const auto supervisor = s.people().find(m.supervisor_person_id);
                r.supervisor_names[m.supervisor_person_id] =
                    supervisor ? supervisor->full_name : "";
            }
        }
        r.norm = &norm_for(s, person_id, today);
        for (const auto& e : s.people().employments_of(person_id)) {
            if (!r.started_on || e.starts_on < *r.started_on) {
                r.started_on = e.starts_on;
            }
        }
        return r;
    });
}

Resource meeting_resource(Resource person, const domain::SupervisionMeeting& meeting) {
    const bool of_person =
        person.kind == Resource::Kind::person || person.kind == Resource::Kind::meeting;
    if (!of_person || person.person_id != meeting.trainee_person_id) {
        return Resource{};
    }
    person.kind = Resource::Kind::meeting;
    person.meeting_supervisor_person_id = meeting.supervisor_person_id;
    return person;
}

Resource meeting_resource(Application& app, std::int64_t person_id, std::int64_t meeting_id,
                          domain::Date day) {
    const auto meeting = app.database().read(
        [&](const store::Snapshot& s) { return s.supervision().find(person_id, meeting_id); });
    if (!meeting) {
        return Resource{};
    }
    return meeting_resource(person_resource(app, person_id, day), *meeting);
}

std::variant<domain::SupervisionMeeting, MeetingProblem> plan_meeting(
    Application& app, std::int64_t trainee_person_id, const MeetingInput& input, const Actor& actor,
    domain::AuditEvent audit, domain::Date today) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SupervisionMeeting, MeetingProblem> {
            const auto veileder = veileder_for(w, trainee_person_id, actor, today);
            if (!veileder || *veileder == trainee_person_id) {
                return MeetingProblem::no_supervisor;
            }
            domain::SupervisionMeeting m;
            m.trainee_person_id = trainee_person_id;
            m.supervisor_person_id = *veileder;
            m.held_on = input.held_on;
            m.duration_minutes = input.duration_minutes;
            m.topics = input.topics;
            m.minutes = input.minutes;
            m.planned_at = audit.at;
            m.planned_by = signature_of(actor);
            m.id = w.supervision().add(m);
            audit.subject_person_id = trainee_person_id;
            w.audit().append(audit);
            return m;
        });
}

// Runs `change` on the trainee's open meeting and appends `audit`, in one unit of work; the
// problem instead when there is no such meeting or it is closed.
template <typename Change>
std::variant<domain::SupervisionMeeting, MeetingProblem> with_open_meeting(
    Application& app, std::int64_t trainee_person_id, std::int64_t meeting_id,
    domain::AuditEvent& audit, Change change) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SupervisionMeeting, MeetingProblem> {
            auto m = w.supervision().find(trainee_person_id, meeting_id);
            if (!m) {
                return MeetingProblem::unknown_meeting;
            }
            if (m->is_closed()) {
                return MeetingProblem::closed;
            }
            change(w, *m);
            audit.subject_person_id = trainee_person_id;
            w.audit().append(audit);
            return *m;
        });
}

std::variant<domain::SupervisionMeeting, MeetingProblem> change_meeting(
    Application& app, std::int64_t trainee_person_id, std::int64_t meeting_id,
    const MeetingInput& input, domain::AuditEvent audit) {
    return with_open_meeting(app, trainee_person_id, meeting_id, audit,
                             [&](store::UnitOfWork& w, domain::SupervisionMeeting& m) {
                                 m.held_on = input.held_on;
                                 m.duration_minutes = input.duration_minutes;
                                 m.topics = input.topics;
                                 m.minutes = input.minutes;
                                 w.supervision().update(m);
                             });
}

std::variant<domain::SupervisionMeeting, MeetingProblem> close_meeting(
    Application& app, std::int64_t trainee_person_id, std::int64_t meeting_id, const Actor& actor,
    domain::AuditEvent audit) {
    return with_open_meeting(app, trainee_person_id, meeting_id, audit,
                             [&](store::UnitOfWork& w, domain::SupervisionMeeting& m) {
                                 m.closed_at = audit.at;
                                 m.closed_by = signature_of(actor);
                                 w.supervision().close(trainee_person_id, meeting_id, *m.closed_at,
                                                       *m.closed_by);
                             });
}

std::variant<domain::SupervisionAddendum, MeetingProblem> add_addendum(
    Application& app, std::int64_t trainee_person_id, std::int64_t meeting_id,
    const std::string& text, const Actor& actor, domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SupervisionAddendum, MeetingProblem> {
            const auto m = w.supervision().find(trainee_person_id, meeting_id);
            if (!m) {
                return MeetingProblem::unknown_meeting;
            }
            if (!m->is_closed()) {
                return MeetingProblem::not_closed;
            }
            domain::SupervisionAddendum a;
            a.meeting_id = meeting_id;
            a.text = text;
            a.written_at = audit.at;
            a.written_by = signature_of(actor);
            a.id = w.supervision().append_addendum(a);
            audit.subject_person_id = trainee_person_id;
            w.audit().append(audit);
            return a;
        });
}

const domain::SupervisionNorm& supervision_norm_of(Application& app, const std::string& number) {
    const auto chosen = app.database().read(
        [&](const store::Snapshot& s) { return s.supervision().norm_of(number); });
    return supervision_norms().chosen(chosen.value_or(""));
}

bool set_supervision_norm(Application& app, const std::string& number, const std::string& norm,
                          domain::AuditEvent audit) {
    if (!supervision_norms().find(norm)) {
        return false;
    }
    app.database().write([&](store::UnitOfWork& w) {
        w.supervision().set_norm(number, norm);
        w.audit().append(audit);
    });
    return true;
}

}  // namespace alis::app
