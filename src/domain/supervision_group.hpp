#pragma once

// The supervision group ("veiledningsgruppe", issue 14): what each ruleset requires of it
// (rules/supervision/groups.toml) and how far a doctor has come, from their memberships, the
// group meetings they attended and their training path's service periods. Pure: "today" is a
// parameter.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/person.hpp"
#include "domain/provenance.hpp"

namespace alis::domain {

// What a ruleset requires of the supervision group, each value with its provenance.
struct GroupRequirement {
    std::string ruleset;  // A ruleset id, e.g. "allmennmedisin-2019".
    int months = 24;
    Provenance months_source;
    int hours = 120;
    Provenance hours_source;
    int open_practice_months = 12;  // Of the months, at least this many in open practice.
    Provenance open_practice_source;
};

// Parses and checks the requirements file; `file` names it in errors. Throws DataFileError for
// bad TOML, a missing, unknown or unsourced key, a value out of range or a ruleset listed twice.
std::vector<GroupRequirement> parse_group_requirements(std::string_view toml_text,
                                                       std::string_view file);

// The requirement of `ruleset` among `requirements`, or nullptr.
const GroupRequirement* requirement_for(const std::vector<GroupRequirement>& requirements,
                                        std::string_view ruleset);

// A municipality's supervision group, led by a group supervisor.
struct SupervisionGroup {
    std::int64_t id = 0;
    std::string municipality_number;
    std::string name;
    std::int64_t group_supervisor_person_id = 0;
    Date starts_on;
};

// A doctor taking part in a group (migration 0016's supervision_group_members).
struct GroupMember {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    std::int64_t person_id = 0;
    Date joined_on;
    std::optional<Date> left_on;
};

// A meeting of a group; who attended is kept per member.
struct GroupMeeting {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    Date held_on;
    int duration_minutes = 180;
    std::string topic;
};

// A doctor's time in one supervision group: from the day they joined, to the day they left
// (inclusive) or ongoing.
struct GroupMembership {
    Date joined_on;
    std::optional<Date> left_on;
};

// One group meeting the doctor attended.
struct GroupAttendance {
    Date held_on;
    int minutes = 0;
};

// How far the doctor has come on `as_of`. Days count once however many groups overlap them;
// months are days / (365.25 / 12), as the requirement's months.
struct GroupProgress {
    int member_days = 0;         // Days in a group, up to as_of.
    int open_practice_days = 0;  // Of those, days with a service period in open practice.
    int attended_minutes = 0;    // Meetings attended, up to as_of.
    bool months_met = false;
    bool hours_met = false;
    bool open_practice_met = false;

    bool met() const { return months_met && hours_met && open_practice_met; }
};

GroupProgress group_progress(const GroupRequirement& requirement,
                             const std::vector<GroupMembership>& memberships,
                             const std::vector<GroupAttendance>& attended,
                             const std::vector<ServicePeriod>& periods, Date as_of);

// Whole days as months for people, with one decimal and a decimal comma: "11,5".
std::string format_group_months(int days);

}  // namespace alis::domain
