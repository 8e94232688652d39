#include "domain/supervision_group.hpp"

#include <algorithm>
#include <set>

#include "domain/toml_reader.hpp"

namespace alis::domain {
namespace {

// Days in `months` months of 365.25 / 12 days, rounded down: what a requirement of months asks.
int days_in_months(int months) {
    return static_cast<int>(static_cast<std::int64_t>(months) * 36525 / 1200);
}

int sourced_count(const TomlReader& reader, const toml::table& table, std::string_view name,
                  const std::string& key, int low, int high, Provenance& provenance) {
    const auto& node = reader.sourced_value(table, name, key, "value", provenance);
    std::string what("a whole number from ");
    what.append(std::to_string(low)).append(" to ").append(std::to_string(high));
    return static_cast<int>(reader.integer(node, key + ".value", low, high, what));
}

}  // namespace

std::vector<GroupRequirement> parse_group_requirements(std::string_view toml_text,
                                                       std::string_view file) {
    const TomlReader reader(file);
    const toml::table root = parse_toml(toml_text, file);
    reader.refuse_unknown_keys(root, {"requirements"}, "");
    const toml::node& list = reader.require(root, "requirements", "requirements");
    if (!list.is_array() || list.as_array()->empty()) {
        reader.fail("requirements", "must be a list of at least one [[requirements]] table");
    }
    std::vector<GroupRequirement> result;
    const toml::array& tables = *list.as_array();
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const std::string key = "requirements[" + std::to_string(i) + "]";
        if (!tables[i].is_table()) {
            reader.fail(key, "must be a table");
        }
        const toml::table& t = *tables[i].as_table();
        reader.refuse_unknown_keys(t, {"ruleset", "months", "hours", "open_practice_months"},
                                   key + ".");
        GroupRequirement r;
        r.ruleset = reader.string_at(t, "ruleset", key + ".ruleset");
        if (requirement_for(result, r.ruleset)) {
            reader.fail(key + ".ruleset", "names a ruleset already listed: " + r.ruleset);
        }
        r.months = sourced_count(reader, t, "months", key + ".months", 1, 120, r.months_source);
        r.hours = sourced_count(reader, t, "hours", key + ".hours", 1, 2000, r.hours_source);
        r.open_practice_months =
            sourced_count(reader, t, "open_practice_months", key + ".open_practice_months", 0,
                          r.months, r.open_practice_source);
        result.push_back(std::move(r));
    }
    return result;
}

const GroupRequirement* requirement_for(const std::vector<GroupRequirement>& requirements,
                                        std::string_view ruleset) {
    const auto it = std::find_if(requirements.begin(), requirements.end(),
                                 [&](const GroupRequirement& r) { return r.ruleset == ruleset; });
    return it == requirements.end() ? nullptr : &*it;
}

GroupProgress group_progress(const GroupRequirement& requirement,
                             const std::vector<GroupMembership>& memberships,
                             const std::vector<GroupAttendance>& attended,
                             const std::vector<ServicePeriod>& periods, Date as_of) {
    // The days of membership, once each (a doctor may be in two groups at a time).
    std::set<std::int32_t> days;
    for (const auto& m : memberships) {
        const Date last = std::min(m.left_on.value_or(as_of), as_of);
        for (Date d = m.joined_on; d <= last; d = d.plus_days(1)) {
            days.insert(d.days_since_epoch());
        }
    }
    GroupProgress p;
    p.member_days = static_cast<int>(days.size());
    for (const auto day : days) {
        const Date d = Date::from_days(day);
        const bool open = std::any_of(periods.begin(), periods.end(), [&](const ServicePeriod& s) {
            return s.arena == Arena::open_general_practice && s.starts_on <= d &&
                   (!s.ends_on || d <= *s.ends_on);
        });
        p.open_practice_days += open ? 1 : 0;
    }
    for (const auto& a : attended) {
        p.attended_minutes += a.held_on <= as_of ? a.minutes : 0;
    }
    p.months_met = p.member_days >= days_in_months(requirement.months);
    p.hours_met = p.attended_minutes >= requirement.hours * 60;
    p.open_practice_met = p.open_practice_days >= days_in_months(requirement.open_practice_months);
    return p;
}

std::string format_group_months(int days) {
    // Tenths of a month, rounded half up: days x 10 x 1200 / 36525.
    const std::int64_t tenths = (static_cast<std::int64_t>(days) * 12000 + 36525 / 2) / 36525;
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
}

}  // namespace alis::domain
