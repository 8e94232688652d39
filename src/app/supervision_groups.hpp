#pragma once

// Supervision groups (issue 14): the leader creates a municipality's group with its group
// supervisor, adds the doctors who take part, and records the group's meetings with the hours and
// who attended. What the ruleset requires of the group is app::group_status (app/supervision.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/supervision_group.hpp"

namespace alis::app {

// One group as its page shows it.
struct GroupRecord {
    domain::SupervisionGroup group;
    std::string supervisor_name;
    std::vector<domain::GroupMember> members;                    // By the day joined.
    std::vector<domain::GroupMeeting> meetings;                  // By the day held.
    std::map<std::int64_t, std::vector<std::int64_t>> attended;  // Meeting id: person ids.
    std::map<std::int64_t, std::string> names;                   // Of the members.
};

// The municipality's groups, by name, each with its members, meetings and attendance.
std::vector<GroupRecord> group_records(Application& app, const std::string& number);

// The municipality's group `group_id`; nullopt when it has none with that id.
std::optional<GroupRecord> group_record(Application& app, const std::string& number,
                                        std::int64_t group_id);

enum class GroupProblem {
    none,
    unknown_group,              // No such group in the municipality.
    supervisor_not_registered,  // The group supervisor is not a supervisor of the municipality.
    not_a_trainee,              // The member is not a doctor in training employed there that day.
    already_member,             // The person is a member of the group on that day already.
    not_a_member,               // An attendee was not a member of the group on the meeting's day.
    before_start,               // The day is before the group started.
};

// Creates the group (its supervisor registered for the municipality) and appends
// `audit`, in one unit of work; the group with its id, or the problem.
std::variant<domain::SupervisionGroup, GroupProblem> create_group(Application& app,
                                                                  domain::SupervisionGroup group,
                                                                  domain::AuditEvent audit);

// Adds a member (a doctor in training employed by the municipality on the day they join).
std::variant<domain::GroupMember, GroupProblem> add_group_member(Application& app,
                                                                 const std::string& number,
                                                                 domain::GroupMember member,
                                                                 domain::AuditEvent audit);

// Records a meeting and who attended it (each a member on its day).
std::variant<domain::GroupMeeting, GroupProblem> record_group_meeting(
    Application& app, const std::string& number, domain::GroupMeeting meeting,
    const std::vector<std::int64_t>& attended, domain::AuditEvent audit);

}  // namespace alis::app
