#pragma once

// Individual supervision (issue 14): a trainee's meetings with their veileder, planned by either,
// changed while open, closed by the veileder (then frozen, with addenda after), and the hours
// counted against the norm the municipality chose. Who may see the private minutes is decided by
// app::decide (read_supervision_minutes), never here or in a front.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/person.hpp"
#include "domain/supervision.hpp"
#include "domain/supervision_group.hpp"

namespace alis::app {

// The norms compiled into alis (rules/supervision/norms.toml), parsed once; throws
// domain::RulesetError when the file is broken (a bug of the build, caught by its test).
const domain::SupervisionNorms& supervision_norms();

// A trainee's supervision as their pages show it.
struct SupervisionRecord {
    domain::Person person;
    std::vector<domain::SupervisionMeeting> meetings;      // By the day held.
    std::vector<domain::SupervisionAddendum> addenda;      // By meeting, in the order written.
    std::map<std::int64_t, std::string> supervisor_names;  // Of the meetings' veiledere.
    const domain::SupervisionNorm* norm = nullptr;  // The employing municipality's (or default).
    std::optional<domain::Date> started_on;         // The trainee's first employment: when the norm
                                                    // starts to count.
};

// The supervision of the person on `today`; nullopt for an unknown person.
std::optional<SupervisionRecord> supervision_record(Application& app, std::int64_t person_id,
                                                    domain::Date today);

// The facts access to one meeting of a person is derived from, on `day`: the person's (as
// person_resource) with kind meeting and the meeting's veileder; kind none when the meeting is not
// the person's.
Resource meeting_resource(Application& app, std::int64_t person_id, std::int64_t meeting_id,
                          domain::Date day);
// The same for a meeting already read, from the person's resource (read by the route's access),
// or from another meeting's resource of the same person.
Resource meeting_resource(Resource person, const domain::SupervisionMeeting& meeting);

// What a meeting form sets: the day, the duration and the texts (checked by the front).
struct MeetingInput {
    domain::Date held_on;
    int duration_minutes = 60;
    std::string topics;
    std::string minutes;
};

enum class MeetingProblem {
    none,
    no_supervisor,    // The trainee has no veileder today to meet.
    unknown_meeting,  // No such meeting of this trainee.
    closed,           // The meeting is closed: it is frozen (add an addendum instead).
    not_closed,       // An addendum is for a closed meeting; an open one is changed instead.
};

// Plans a meeting of the trainee with their veileder today (the actor, when they are it; else
// the trainee's veileder), signed by the actor, and appends `audit`, in one unit of work.
std::variant<domain::SupervisionMeeting, MeetingProblem> plan_meeting(
    Application& app, std::int64_t trainee_person_id, const MeetingInput& input, const Actor& actor,
    domain::AuditEvent audit, domain::Date today);

// Changes an open meeting and appends `audit`; unknown_meeting or closed when it cannot.
std::variant<domain::SupervisionMeeting, MeetingProblem> change_meeting(
    Application& app, std::int64_t trainee_person_id, std::int64_t meeting_id,
    const MeetingInput& input, domain::AuditEvent audit);

// Closes an open meeting, signed by the actor, and appends `audit`.
std::variant<domain::SupervisionMeeting, MeetingProblem> close_meeting(
    Application& app, std::int64_t trainee_person_id, std::int64_t meeting_id, const Actor& actor,
    domain::AuditEvent audit);

// Appends an addendum to a closed meeting, signed by the actor, and `audit`.
std::variant<domain::SupervisionAddendum, MeetingProblem> add_addendum(
    Application& app, std::int64_t trainee_person_id, std::int64_t meeting_id,
    const std::string& text, const Actor& actor, domain::AuditEvent audit);

// The norm the municipality chose (the default when none).
const domain::SupervisionNorm& supervision_norm_of(Application& app, const std::string& number);

// Sets the municipality's norm and appends `audit`; false (nothing written) for an unknown norm.
bool set_supervision_norm(Application& app, const std::string& number, const std::string& norm,
                          domain::AuditEvent audit);

// What the person's ruleset requires of the supervision group, and how far they have come on
// `today` (rules/supervision/groups.toml, domain::group_progress).
struct GroupStatus {
    domain::GroupRequirement requirement;
    domain::GroupProgress progress;
};
// The person's group status; nullopt for an unknown person or a ruleset with no requirement.
std::optional<GroupStatus> group_status(Application& app, std::int64_t person_id,
                                        domain::Date today);

}  // namespace alis::app
