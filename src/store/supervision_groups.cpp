#include "store/supervision_groups.hpp"

namespace alis::store {
namespace {

constexpr const char* kGroupsOf =
    "SELECT id, municipality_number, name, group_supervisor_person_id, starts_on"
    " FROM supervision_groups WHERE municipality_number = $1 ORDER BY name, id";
constexpr const char* kMembershipsOf =
    "SELECT joined_on, left_on FROM supervision_group_members WHERE person_id = $1"
    " ORDER BY joined_on, id";
constexpr const char* kAttendedBy =
    "SELECT m.held_on, m.duration_minutes FROM supervision_group_attendance a"
    " JOIN supervision_group_meetings m ON m.id = a.meeting_id WHERE a.person_id = $1"
    " ORDER BY m.held_on, m.id";
constexpr const char* kFindGroup =
    "SELECT id, municipality_number, name, group_supervisor_person_id, starts_on"
    " FROM supervision_groups WHERE municipality_number = $1 AND id = $2";
constexpr const char* kMembersOf =
    "SELECT id, group_id, person_id, joined_on, left_on FROM supervision_group_members"
    " WHERE group_id = $1 ORDER BY joined_on, id";
constexpr const char* kGroupMeetingsOf =
    "SELECT id, group_id, held_on, duration_minutes, topic FROM supervision_group_meetings"
    " WHERE group_id = $1 ORDER BY held_on, id";
constexpr const char* kMeetingsFor =
    "SELECT m.id, m.group_id, m.held_on, m.duration_minutes, m.topic, g.name"
    " FROM supervision_group_meetings m JOIN supervision_groups g ON g.id = m.group_id"
    " WHERE g.group_supervisor_person_id = $1 OR m.group_id IN"
    " (SELECT group_id FROM supervision_group_members WHERE person_id = $1)"
    " ORDER BY m.held_on, m.id";
constexpr const char* kAttendanceOf =
    "SELECT a.meeting_id, a.person_id FROM supervision_group_attendance a"
    " JOIN supervision_group_meetings m ON m.id = a.meeting_id WHERE m.group_id = $1"
    " ORDER BY a.meeting_id, a.person_id";

constexpr const char* kAddGroup =
    "INSERT INTO supervision_groups (municipality_number, name, group_supervisor_person_id,"
    " starts_on) VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kAddMember =
    "INSERT INTO supervision_group_members (group_id, person_id, joined_on, left_on)"
    " VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kAddGroupMeeting =
    "INSERT INTO supervision_group_meetings (group_id, held_on, duration_minutes, topic)"
    " VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kAddAttendance =
    "INSERT INTO supervision_group_attendance (meeting_id, person_id) VALUES ($1, $2)";

}  // namespace

std::vector<domain::SupervisionGroup> SupervisionGroups::groups_of(
    const std::string& municipality_number) const {
    return tx_.rows(kGroupsOf, {municipality_number}, [](const Row& row) {
        return domain::SupervisionGroup{row.integer(0), row.text(1), row.text(2), row.integer(3),
                                        row.date(4)};
    });
}

std::vector<domain::GroupMembership> SupervisionGroups::memberships_of(
    std::int64_t person_id) const {
    return tx_.rows(kMembershipsOf, {person_id}, [](const Row& row) {
        return domain::GroupMembership{row.date(0), row.optional_date(1)};
    });
}

std::vector<domain::GroupAttendance> SupervisionGroups::attended_by(std::int64_t person_id) const {
    return tx_.rows(kAttendedBy, {person_id}, [](const Row& row) {
        return domain::GroupAttendance{row.date(0), static_cast<int>(row.integer(1))};
    });
}

std::optional<domain::SupervisionGroup> SupervisionGroups::find(
    const std::string& municipality_number, std::int64_t group_id) const {
    auto rows = tx_.rows(kFindGroup, {municipality_number, group_id}, [](const Row& row) {
        return domain::SupervisionGroup{row.integer(0), row.text(1), row.text(2), row.integer(3),
                                        row.date(4)};
    });
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::move(rows.front());
}

std::vector<domain::GroupMember> SupervisionGroups::members_of(std::int64_t group_id) const {
    return tx_.rows(kMembersOf, {group_id}, [](const Row& row) {
        return domain::GroupMember{row.integer(0), row.integer(1), row.integer(2), row.date(3),
                                   row.optional_date(4)};
    });
}

std::vector<domain::GroupMeeting> SupervisionGroups::meetings_of(std::int64_t group_id) const {
    return tx_.rows(kGroupMeetingsOf, {group_id}, [](const Row& row) {
        return domain::GroupMeeting{row.integer(0), row.integer(1), row.date(2),
                                    static_cast<int>(row.integer(3)), row.text(4)};
    });
}

std::vector<std::pair<std::int64_t, std::int64_t>> SupervisionGroups::attendance_of(
    std::int64_t group_id) const {
    return tx_.rows(kAttendanceOf, {group_id}, [](const Row& row) {
        return std::pair{row.integer(0), row.integer(1)};
    });
}

std::int64_t SupervisionGroups::add_group(const domain::SupervisionGroup& g) {
    return tx_.insert(kAddGroup,
                      {g.municipality_number, g.name, g.group_supervisor_person_id, g.starts_on});
}

std::int64_t SupervisionGroups::add_member(const domain::GroupMember& m) {
    return tx_.insert(kAddMember, {m.group_id, m.person_id, m.joined_on, m.left_on});
}

std::int64_t SupervisionGroups::add_meeting(const domain::GroupMeeting& m) {
    return tx_.insert(kAddGroupMeeting, {m.group_id, m.held_on, m.duration_minutes, m.topic});
}

void SupervisionGroups::add_attendance(std::int64_t meeting_id, std::int64_t person_id) {
    tx_.execute(kAddAttendance, {meeting_id, person_id});
}

std::vector<std::pair<domain::GroupMeeting, std::string>> SupervisionGroups::meetings_for(
    std::int64_t person_id) const {
    return tx_.rows(kMeetingsFor, {person_id}, [](const Row& row) {
        return std::pair{domain::GroupMeeting{row.integer(0), row.integer(1), row.date(2),
                                              static_cast<int>(row.integer(3)), row.text(4)},
                         row.text(5)};
    });
}

}  // namespace alis::store
