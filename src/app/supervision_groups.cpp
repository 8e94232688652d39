#include "app/supervision_groups.hpp"

#include <algorithm>

#include "store/database.hpp"

namespace alis::app {
namespace {

GroupRecord read_group_record(const store::Snapshot& s, domain::SupervisionGroup group) {
    GroupRecord record;
    if (const auto supervisor = s.people().find(group.group_supervisor_person_id)) {
        record.supervisor_name = supervisor->full_name;
    }
    record.members = s.supervision_groups().members_of(group.id);
    record.meetings = s.supervision_groups().meetings_of(group.id);
    for (const auto& [meeting, person] : s.supervision_groups().attendance_of(group.id)) {
        record.attended[meeting].push_back(person);
    }
    for (const auto& m : record.members) {
        if (!record.names.contains(m.person_id)) {
            if (const auto p = s.people().find(m.person_id)) {
                record.names.emplace(m.person_id, p->full_name);
            }
        }
    }
    record.group = std::move(group);
    return record;
}

bool member_on(const std::vector<domain::GroupMember>& members, std::int64_t person_id,
               domain::Date day) {
    return std::any_of(members.begin(), members.end(), [&](const domain::GroupMember& m) {
        return m.person_id == person_id && m.joined_on <= day && (!m.left_on || day <= *m.left_on);
    });
}

}  // namespace

std::vector<GroupRecord> group_records(Application& app, const std::string& number) {
    return app.database().read([&](const store::Snapshot& s) {
        std::vector<GroupRecord> records;
        for (auto& group : s.supervision_groups().groups_of(number)) {
            records.push_back(read_group_record(s, std::move(group)));
        }
        return records;
    });
}

std::optional<GroupRecord> group_record(Application& app, const std::string& number,
                                        std::int64_t group_id) {
    return app.database().read([&](const store::Snapshot& s) -> std::optional<GroupRecord> {
        auto group = s.supervision_groups().find(number, group_id);
        if (!group) {
            return std::nullopt;
        }
        return read_group_record(s, std::move(*group));
    });
}

std::variant<domain::SupervisionGroup, GroupProblem> create_group(Application& app,
                                                                  domain::SupervisionGroup group,
                                                                  domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SupervisionGroup, GroupProblem> {
            if (!w.supervisors().find_registration(group.municipality_number,
                                                   group.group_supervisor_person_id)) {
                return GroupProblem::supervisor_not_registered;
            }
            group.id = w.supervision_groups().add_group(group);
            audit.subject_person_id = group.group_supervisor_person_id;
            w.audit().append(audit);
            return group;
        });
}

std::variant<domain::GroupMember, GroupProblem> add_group_member(Application& app,
                                                                 const std::string& number,
                                                                 domain::GroupMember member,
                                                                 domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::GroupMember, GroupProblem> {
            const auto group = w.supervision_groups().find(number, member.group_id);
            if (!group) {
                return GroupProblem::unknown_group;
            }
            if (member.joined_on < group->starts_on) {
                return GroupProblem::before_start;
            }
            const auto trainees = w.people().trainees_employed_by(number, member.joined_on);
            if (std::none_of(trainees.begin(), trainees.end(),
                             [&](const auto& p) { return p.id == member.person_id; })) {
                return GroupProblem::not_a_trainee;
            }
            if (member_on(w.supervision_groups().members_of(group->id), member.person_id,
                          member.joined_on)) {
                return GroupProblem::already_member;
            }
            member.id = w.supervision_groups().add_member(member);
            audit.subject_person_id = member.person_id;
            w.audit().append(audit);
            return member;
        });
}

std::variant<domain::GroupMeeting, GroupProblem> record_group_meeting(
    Application& app, const std::string& number, domain::GroupMeeting meeting,
    const std::vector<std::int64_t>& attended, domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::GroupMeeting, GroupProblem> {
            const auto group = w.supervision_groups().find(number, meeting.group_id);
            if (!group) {
                return GroupProblem::unknown_group;
            }
            if (meeting.held_on < group->starts_on) {
                return GroupProblem::before_start;
            }
            const auto members = w.supervision_groups().members_of(group->id);
            for (const auto person : attended) {
                if (!member_on(members, person, meeting.held_on)) {
                    return GroupProblem::not_a_member;
                }
            }
            meeting.id = w.supervision_groups().add_meeting(meeting);
            auto unique = attended;
            std::sort(unique.begin(), unique.end());
            unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
            for (const auto person : unique) {
                w.supervision_groups().add_attendance(meeting.id, person);
            }
            w.audit().append(audit);
            return meeting;
        });
}

}  // namespace alis::app
