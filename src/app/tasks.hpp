#pragma once

// "Mine oppgaver" (issue 14): what a person must do now, computed from the data for each of
// their roles active today, each task with the page where it is done. One computation for the
// landing page (/meg) and the API (/api/v1/me/tasks). Each role's tasks read only what that role
// may see: the trainee their own record, the veileder their trainees', the leader their
// municipality's, the regional office its region's counts, the national administrator nothing
// but links.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/identity.hpp"

namespace alis::app {

// What a task asks for. The names (below) are stable: the API's `kind`.
enum class TaskKind {
    prepare_meeting,              // Trainee: the next planned supervision meeting.
    make_education_plan,          // Trainee: no individual education plan yet.
    revise_education_plan,        // Trainee: the plan is due for revision.
    meeting_due,                  // Veileder: no meeting with a trainee this month yet.
    close_minutes,                // Veileder: a meeting held and not closed.
    trainees_without_supervisor,  // Leader: trainees with no veileder today.
    plan_revisions_due,           // Leader: trainees whose plan is due for revision.
    institution_unplanned,        // Leader: institution service neither met nor planned.
    supervisors_over_capacity,    // Leader: supervisors with more trainees than the capacity.
    grant_claim_due,              // Leader: a refund period ended, its claim deadline to come.
    municipality_warnings,        // Regional office: a municipality with many warnings.
    aggregate_view,       // National: a view of the aggregate figures (subject: "stability", ...).
    sign_alis_agreement,  // Trainee: the latest version of an ALIS agreement to sign.
    sign_supervision_agreement,  // Veileder: the latest version of a supervision agreement.
    courses_missing,             // Trainee: required courses not completed yet (count: how many).
    objective_returned,  // Trainee: a request rejected or an approval reversed, not asked again.
    advice_asked,        // Veileder, supervisør: an open request they have not advised on yet.
    approvals_waiting,   // Leader: open requests (count), of them consulted (ready).
    sign_off_asked,      // Supervisør: a doctor's activities waiting for this account's signature.
};

}  // namespace alis::app

namespace alis::domain {
template <>
struct EnumNames<app::TaskKind> {
    static constexpr std::array<std::pair<app::TaskKind, std::string_view>, 19> names{{
        {app::TaskKind::prepare_meeting, "prepare_meeting"},
        {app::TaskKind::make_education_plan, "make_education_plan"},
        {app::TaskKind::revise_education_plan, "revise_education_plan"},
        {app::TaskKind::meeting_due, "meeting_due"},
        {app::TaskKind::close_minutes, "close_minutes"},
        {app::TaskKind::trainees_without_supervisor, "trainees_without_supervisor"},
        {app::TaskKind::plan_revisions_due, "plan_revisions_due"},
        {app::TaskKind::institution_unplanned, "institution_unplanned"},
        {app::TaskKind::supervisors_over_capacity, "supervisors_over_capacity"},
        {app::TaskKind::grant_claim_due, "grant_claim_due"},
        {app::TaskKind::municipality_warnings, "municipality_warnings"},
        {app::TaskKind::aggregate_view, "aggregate_view"},
        {app::TaskKind::sign_alis_agreement, "sign_alis_agreement"},
        {app::TaskKind::sign_supervision_agreement, "sign_supervision_agreement"},
        {app::TaskKind::courses_missing, "courses_missing"},
        {app::TaskKind::objective_returned, "objective_returned"},
        {app::TaskKind::advice_asked, "advice_asked"},
        {app::TaskKind::approvals_waiting, "approvals_waiting"},
        {app::TaskKind::sign_off_asked, "sign_off_asked"},
    }};
};
}  // namespace alis::domain

namespace alis::app {

// One thing to do. `subject` names who or what it is about (a trainee, a municipality, a grant
// year), `count` how many when the task stands for several, `day` the day it concerns (the
// meeting, the due day, the deadline, the request or decision), `url` the page where it is done;
// `objective` the learning objective's code when it is about one, `ready` how many of `count`
// can be done now (the leader's consulted requests).
struct Task {
    TaskKind kind = TaskKind::prepare_meeting;
    domain::Role role = domain::Role::trainee;
    std::string subject;
    int count = 0;
    std::optional<domain::Date> day;
    std::string url;
    std::string objective = {};
    std::optional<int> ready = {};
};

// How many of its municipalities a regional office's list names, most warnings first.
inline constexpr int kRegionTaskMunicipalities = 5;

// The actor's tasks on `today`, role by role in the order of their grants, each role's most
// urgent first. Grants not active today give none.
std::vector<Task> tasks_of(Application& app, const Actor& actor, domain::Date today);

}  // namespace alis::app
