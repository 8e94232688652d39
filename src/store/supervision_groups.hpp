#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/supervision_group.hpp"
#include "store/sql.hpp"

namespace alis::store {

// Supervision groups, their members, meetings and attendance (migration 0016).
class SupervisionGroups {
  public:
    explicit SupervisionGroups(Transaction& tx) : tx_(tx) {}

    // The municipality's groups, by name.
    std::vector<domain::SupervisionGroup> groups_of(const std::string& municipality_number) const;
    // The person's memberships of every group, oldest first.
    std::vector<domain::GroupMembership> memberships_of(std::int64_t person_id) const;
    // The group meetings the person attended, oldest first.
    std::vector<domain::GroupAttendance> attended_by(std::int64_t person_id) const;

    // The group with `group_id` when it is the municipality's, else nullopt.
    std::optional<domain::SupervisionGroup> find(const std::string& municipality_number,
                                                 std::int64_t group_id) const;
    // The group's members, by the day they joined (then by id).
    std::vector<domain::GroupMember> members_of(std::int64_t group_id) const;
    // The group's meetings, by the day held (then by id).
    std::vector<domain::GroupMeeting> meetings_of(std::int64_t group_id) const;
    // The meetings of every group the person is a member of or leads, each with the group's
    // name, by the day held.
    std::vector<std::pair<domain::GroupMeeting, std::string>> meetings_for(
        std::int64_t person_id) const;
    // Who attended the group's meetings: (meeting id, person id) pairs, by meeting.
    std::vector<std::pair<std::int64_t, std::int64_t>> attendance_of(std::int64_t group_id) const;

    std::int64_t add_group(const domain::SupervisionGroup& group);
    std::int64_t add_member(const domain::GroupMember& member);
    std::int64_t add_meeting(const domain::GroupMeeting& meeting);
    // Records that the person attended the meeting (once: again is a ConstraintViolation).
    void add_attendance(std::int64_t meeting_id, std::int64_t person_id);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
