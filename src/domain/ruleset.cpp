#include "domain/ruleset.hpp"

#include "domain/toml_reader.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

namespace alis::domain {
namespace {

using RulesetReader = TomlReader;

int months(const RulesetReader& reader, const toml::node& node, const std::string& key) {
    return static_cast<int>(reader.integer(
        node, key, 1, kMaxRequirementMonths,
        "a whole number of months from 1 to " + std::to_string(kMaxRequirementMonths)));
}

// Reads a list of counting arenas, without duplicates and not empty.
std::array<bool, kCountingArenaCount> arenas(const RulesetReader& reader, const toml::node& node,
                                             const std::string& key) {
    if (!node.is_array() || node.as_array()->empty()) {
        reader.fail(key, "must be a non-empty list of arenas");
    }
    std::array<bool, kCountingArenaCount> result{};
    const toml::array& list = *node.as_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string element_key = key + "[" + std::to_string(i) + "]";
        if (!list[i].is_string()) {
            reader.fail(element_key, "must be an arena name (a string)");
        }
        const std::string& name = list[i].as_string()->get();
        const auto arena = parse_enum<Arena>(name);
        if (!arena || !is_counting(*arena)) {
            reader.fail(element_key,
                        "'" + name +
                            "' is not a counting arena (expected open_general_practice, "
                            "other_general_practice or institution)");
        }
        if (result[counting_index(*arena)]) {
            reader.fail(element_key, "'" + name + "' is listed twice");
        }
        result[counting_index(*arena)] = true;
    }
    return result;
}

bool is_identifier(std::string_view text, bool allow_dash, bool allow_underscore) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        (allow_dash && c == '-') || (allow_underscore && c == '_');
        if (!ok) {
            return false;
        }
    }
    return true;
}

void read_counting(const RulesetReader& reader, const toml::table& root, Ruleset& ruleset) {
    const toml::table& counting = reader.table_at(root, "counting", "counting");
    reader.refuse_unknown_keys(counting, {"min_fte", "min_fte_applies_to"}, "counting.");
    ruleset.min_fte = static_cast<PositionPpm>(
        reader.percent(reader.require(counting, "min_fte", "counting.min_fte"), "counting.min_fte",
                       ZeroPercent::refused));
    const std::string basis =
        reader.string_at(counting, "min_fte_applies_to", "counting.min_fte_applies_to");
    if (basis == "day") {
        ruleset.min_fte_basis = MinimumFteBasis::day;
    } else if (basis == "period") {
        ruleset.min_fte_basis = MinimumFteBasis::period;
    } else {
        reader.fail("counting.min_fte_applies_to",
                    "must be \"day\" or \"period\", not \"" + basis + "\"");
    }
}

void read_total(const RulesetReader& reader, const toml::table& root, Ruleset& ruleset) {
    const toml::table& total = reader.table_at(root, "total", "total");
    reader.refuse_unknown_keys(total, {"arenas", "caps"}, "total.");
    ruleset.total_arenas =
        arenas(reader, reader.require(total, "arenas", "total.arenas"), "total.arenas");
    if (total.get("caps") == nullptr) {
        return;
    }
    const toml::table& caps = reader.table_at(total, "caps", "total.caps");
    for (const auto& [key, node] : caps) {
        const std::string name(key.str());
        const std::string cap_key = "total.caps." + name;
        const auto arena = parse_enum<Arena>(name);
        if (!arena || !is_counting(*arena)) {
            reader.fail(cap_key, "unknown key: not a counting arena");
        }
        if (!ruleset.total_arenas[counting_index(*arena)]) {
            reader.fail(cap_key, "caps an arena that total.arenas does not list");
        }
        ruleset.caps[counting_index(*arena)] = months(reader, node, cap_key);
    }
}

Requirement read_requirement(const RulesetReader& reader, const toml::node& node,
                             const std::string& prefix) {
    if (!node.is_table()) {
        reader.fail(prefix, "must be a table ([[requirements]])");
    }
    const toml::table& table = *node.as_table();
    reader.refuse_unknown_keys(table, {"id", "name", "counts", "months"}, prefix + ".");
    Requirement requirement;
    requirement.id = reader.string_at(table, "id", prefix + ".id");
    if (!is_identifier(requirement.id, false, true)) {
        reader.fail(prefix + ".id", "must use only a-z, 0-9 and _");
    }
    requirement.name = reader.string_at(table, "name", prefix + ".name");
    const toml::node& counts = reader.require(table, "counts", prefix + ".counts");
    if (counts.is_string()) {
        if (counts.as_string()->get() != "total") {
            reader.fail(prefix + ".counts", "must be \"total\" or a list of arenas");
        }
        requirement.basis = RequirementBasis::total;
    } else {
        requirement.basis = RequirementBasis::arenas;
        requirement.arenas = arenas(reader, counts, prefix + ".counts");
    }
    requirement.months =
        months(reader, reader.require(table, "months", prefix + ".months"), prefix + ".months");
    return requirement;
}

}  // namespace

RulesetError::RulesetError(std::string file, std::string key, std::string reason)
    : std::runtime_error(file + ": " + (key.empty() ? std::string() : key + ": ") + reason),
      file_(std::move(file)),
      key_(std::move(key)),
      reason_(std::move(reason)) {}

Ruleset parse_ruleset(std::string_view toml_text, std::string_view file) {
    const toml::table root = parse_toml(toml_text, file);
    const RulesetReader reader(file);
    reader.refuse_unknown_keys(
        root,
        {"id", "name", "version", "valid_from", "valid_to", "counting", "total", "requirements"},
        "");

    Ruleset ruleset;
    ruleset.id = reader.string_at(root, "id", "id");
    if (!is_identifier(ruleset.id, true, false)) {
        reader.fail("id", "must use only a-z, 0-9 and -");
    }
    ruleset.name = reader.string_at(root, "name", "name");
    ruleset.version =
        static_cast<int>(reader.integer(reader.require(root, "version", "version"), "version", 1,
                                        1'000'000, "a whole number from 1"));
    ruleset.valid_from = reader.optional_date(root, "valid_from", "valid_from");
    ruleset.valid_to = reader.optional_date(root, "valid_to", "valid_to");
    if (ruleset.valid_from && ruleset.valid_to && *ruleset.valid_to < *ruleset.valid_from) {
        reader.fail("valid_to", "is before valid_from");
    }

    read_counting(reader, root, ruleset);
    read_total(reader, root, ruleset);

    const toml::node& list = reader.require(root, "requirements", "requirements");
    if (!list.is_array() || list.as_array()->empty()) {
        reader.fail("requirements", "must be at least one [[requirements]] table");
    }
    const toml::array& requirements = *list.as_array();
    for (std::size_t i = 0; i < requirements.size(); ++i) {
        const std::string prefix = "requirements[" + std::to_string(i) + "]";
        Requirement requirement = read_requirement(reader, requirements[i], prefix);
        for (const Requirement& earlier : ruleset.requirements) {
            if (earlier.id == requirement.id) {
                reader.fail(prefix + ".id", "'" + requirement.id + "' is used twice");
            }
        }
        ruleset.requirements.push_back(std::move(requirement));
    }
    return ruleset;
}

}  // namespace alis::domain
