#include "domain/ruleset.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

namespace alis::domain {
namespace {

// Reads one ruleset file; every failure names the file, the dotted key and the reason.
class RulesetReader {
  public:
    explicit RulesetReader(std::string_view file) : file_(file) {}

    [[noreturn]] void fail(const std::string& key, std::string reason) const {
        throw RulesetError(file_, key, std::move(reason));
    }

    // Fails on any key of `table` not in `known`, so that a misspelt key is not silently ignored.
    void refuse_unknown_keys(const toml::table& table,
                             std::initializer_list<std::string_view> known,
                             const std::string& prefix) const {
        for (const auto& [key, node] : table) {
            bool found = false;
            for (const std::string_view name : known) {
                found = found || key.str() == name;
            }
            if (!found) {
                fail(prefix + std::string(key.str()), "unknown key");
            }
        }
    }

    const toml::node& require(const toml::table& table, std::string_view name,
                              const std::string& key) const {
        const toml::node* node = table.get(name);
        if (node == nullptr) {
            fail(key, "missing");
        }
        return *node;
    }

    const toml::table& table_at(const toml::table& table, std::string_view name,
                                const std::string& key) const {
        const toml::node& node = require(table, name, key);
        if (!node.is_table()) {
            fail(key, "must be a table");
        }
        return *node.as_table();
    }

    std::string string_at(const toml::table& table, std::string_view name,
                          const std::string& key) const {
        const toml::node& node = require(table, name, key);
        if (!node.is_string()) {
            fail(key, "must be a string");
        }
        std::string value = node.as_string()->get();
        if (value.empty()) {
            fail(key, "must not be empty");
        }
        return value;
    }

    std::int64_t integer(const toml::node& node, const std::string& key, std::int64_t low,
                         std::int64_t high, std::string_view what) const {
        if (!node.is_integer()) {
            fail(key, "must be " + std::string(what));
        }
        const std::int64_t value = node.as_integer()->get();
        if (value < low || value > high) {
            fail(key, "must be " + std::string(what) + ", not " + std::to_string(value));
        }
        return value;
    }

    int months(const toml::node& node, const std::string& key) const {
        return static_cast<int>(
            integer(node, key, 1, kMaxRequirementMonths,
                    "a whole number of months from 1 to " + std::to_string(kMaxRequirementMonths)));
    }

    PositionPpm percent(const toml::node& node, const std::string& key) const {
        std::optional<PositionPpm> ppm;
        if (node.is_integer()) {
            const std::int64_t value = node.as_integer()->get();
            if (value > 0 && value <= 100) {
                ppm = static_cast<PositionPpm>(value * (kFullTime / 100));
            }
        } else if (node.is_floating_point()) {
            ppm = percent_to_ppm(node.as_floating_point()->get());
        } else {
            fail(key, "must be a percentage (a number)");
        }
        if (!ppm) {
            fail(key, "must be a percentage above 0 and at most 100, with at most 4 decimals");
        }
        return *ppm;
    }

    std::optional<Date> optional_date(const toml::table& table, std::string_view name,
                                      const std::string& key) const {
        const toml::node* node = table.get(name);
        if (node == nullptr) {
            return std::nullopt;
        }
        if (!node->is_date()) {
            fail(key, "must be a date (YYYY-MM-DD, without quotes)");
        }
        const toml::date date = node->as_date()->get();
        const auto result = Date::from_ymd(date.year, date.month, date.day);
        if (!result) {
            fail(key, "is not a date that exists");
        }
        return result;
    }

    // Reads a list of counting arenas, without duplicates and not empty.
    std::array<bool, kCountingArenaCount> arenas(const toml::node& node,
                                                 const std::string& key) const {
        if (!node.is_array() || node.as_array()->empty()) {
            fail(key, "must be a non-empty list of arenas");
        }
        std::array<bool, kCountingArenaCount> result{};
        const toml::array& list = *node.as_array();
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string element_key = key + "[" + std::to_string(i) + "]";
            if (!list[i].is_string()) {
                fail(element_key, "must be an arena name (a string)");
            }
            const std::string& name = list[i].as_string()->get();
            const auto arena = parse_enum<Arena>(name);
            if (!arena || !is_counting(*arena)) {
                fail(element_key, "'" + name +
                                      "' is not a counting arena (expected open_general_practice, "
                                      "other_general_practice or institution)");
            }
            if (result[counting_index(*arena)]) {
                fail(element_key, "'" + name + "' is listed twice");
            }
            result[counting_index(*arena)] = true;
        }
        return result;
    }

  private:
    std::string file_;
};

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
    ruleset.min_fte =
        reader.percent(reader.require(counting, "min_fte", "counting.min_fte"), "counting.min_fte");
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
        reader.arenas(reader.require(total, "arenas", "total.arenas"), "total.arenas");
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
        ruleset.caps[counting_index(*arena)] = reader.months(node, cap_key);
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
        requirement.arenas = reader.arenas(counts, prefix + ".counts");
    }
    requirement.months =
        reader.months(reader.require(table, "months", prefix + ".months"), prefix + ".months");
    return requirement;
}

}  // namespace

RulesetError::RulesetError(std::string file, std::string key, std::string reason)
    : std::runtime_error(file + ": " + (key.empty() ? std::string() : key + ": ") + reason),
      file_(std::move(file)),
      key_(std::move(key)),
      reason_(std::move(reason)) {}

Ruleset parse_ruleset(std::string_view toml_text, std::string_view file) {
    toml::table root;
    try {
        root = toml::parse(toml_text, file);
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        throw RulesetError(std::string(file), "",
                           "line " + std::to_string(begin.line) + ", column " +
                               std::to_string(begin.column) + ": " +
                               std::string(error.description()));
    }
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
