#include "domain/toml_reader.hpp"

#include <utility>

#include "domain/training_path.hpp"

namespace alis::domain {

toml::table parse_toml(std::string_view toml_text, std::string_view file) {
    try {
        return toml::parse(toml_text, file);
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        throw DataFileError(std::string(file), "",
                            "line " + std::to_string(begin.line) + ", column " +
                                std::to_string(begin.column) + ": " +
                                std::string(error.description()),
                            DataFileProblem::syntax);
    }
}

void TomlReader::fail(const std::string& key, std::string reason, DataFileProblem problem) const {
    throw DataFileError(file_, key, std::move(reason), problem);
}

void TomlReader::refuse_unknown_keys(const toml::table& table,
                                     std::initializer_list<std::string_view> known,
                                     const std::string& prefix) const {
    for (const auto& [key, node] : table) {
        bool found = false;
        for (const std::string_view name : known) {
            found = found || key.str() == name;
        }
        if (!found) {
            fail(prefix + std::string(key.str()), "unknown key", DataFileProblem::unknown_key);
        }
    }
}

const toml::node& TomlReader::require(const toml::table& table, std::string_view name,
                                      const std::string& key) const {
    const toml::node* node = table.get(name);
    if (node == nullptr) {
        fail(key, "missing", DataFileProblem::missing);
    }
    return *node;
}

const toml::table& TomlReader::table_at(const toml::table& table, std::string_view name,
                                        const std::string& key) const {
    const toml::node& node = require(table, name, key);
    if (!node.is_table()) {
        fail(key, "must be a table");
    }
    return *node.as_table();
}

std::string TomlReader::string_at(const toml::table& table, std::string_view name,
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

std::optional<std::string> TomlReader::optional_string(const toml::table& table,
                                                       std::string_view name,
                                                       const std::string& key) const {
    if (table.get(name) == nullptr) {
        return std::nullopt;
    }
    return string_at(table, name, key);
}

bool TomlReader::boolean_at(const toml::table& table, std::string_view name, const std::string& key,
                            bool absent) const {
    const toml::node* node = table.get(name);
    if (node == nullptr) {
        return absent;
    }
    if (!node->is_boolean()) {
        fail(key, "must be true or false");
    }
    return node->as_boolean()->get();
}

std::int64_t TomlReader::integer(const toml::node& node, const std::string& key, std::int64_t low,
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

Money TomlReader::kroner(const toml::node& node, const std::string& key) const {
    return Money::kroner(integer(node, key, 0, kMaxInputOre / 100, "a whole number of kroner"));
}

Money TomlReader::ore(const toml::node& node, const std::string& key) const {
    return Money::ore(integer(node, key, 0, kMaxInputOre, "a whole number of øre"));
}

std::int64_t TomlReader::percent(const toml::node& node, const std::string& key,
                                 ZeroPercent zero) const {
    std::optional<std::int64_t> ppm;
    if (node.is_integer()) {
        const std::int64_t value = node.as_integer()->get();
        if (value > 0 && value <= 100) {
            ppm = value * (kFullTime / 100);
        }
        if (value == 0 && zero == ZeroPercent::allowed) {
            ppm = 0;
        }
    } else if (node.is_floating_point()) {
        const double value = node.as_floating_point()->get();
        if (value == 0.0 && zero == ZeroPercent::allowed) {
            ppm = 0;
        } else if (const auto converted = percent_to_ppm(value)) {
            ppm = *converted;
        }
    } else {
        fail(key, "must be a percentage (a number)");
    }
    if (!ppm) {
        fail(key, std::string(zero == ZeroPercent::allowed ? "must be a percentage from 0"
                                                           : "must be a percentage above 0") +
                      " and at most 100, with at most 4 decimals");
    }
    return *ppm;
}

Provenance TomlReader::provenance(const toml::table& table, const std::string& prefix) const {
    const auto key = [&](std::string_view name) {
        return prefix.empty() ? std::string(name) : prefix + "." + std::string(name);
    };
    Provenance provenance;
    provenance.source = optional_string(table, "source", key("source")).value_or("");
    provenance.unconfirmed = boolean_at(table, "unconfirmed", key("unconfirmed"), false);
    provenance.note = optional_string(table, "note", key("note")).value_or("");
    if (provenance.source.empty() && !provenance.unconfirmed) {
        fail(prefix.empty() ? "source" : prefix,
             "names no source: give `source`, or mark it `unconfirmed = true`",
             DataFileProblem::no_source);
    }
    return provenance;
}

const toml::node& TomlReader::sourced_value(const toml::table& table, std::string_view name,
                                            const std::string& key, std::string_view value_key,
                                            Provenance& provenance) const {
    const toml::table& value = table_at(table, name, key);
    refuse_unknown_keys(value, {value_key, "source", "unconfirmed", "note"}, key + ".");
    provenance = this->provenance(value, key);
    return require(value, value_key, key + "." + std::string(value_key));
}

Date TomlReader::date(const toml::node& node, const std::string& key) const {
    if (!node.is_date()) {
        fail(key, "must be a date (YYYY-MM-DD, without quotes)");
    }
    const toml::date value = node.as_date()->get();
    const auto result = Date::from_ymd(value.year, value.month, value.day);
    if (!result) {
        fail(key, "is not a date that exists");
    }
    return *result;
}

std::optional<Date> TomlReader::optional_date(const toml::table& table, std::string_view name,
                                              const std::string& key) const {
    const toml::node* node = table.get(name);
    if (node == nullptr) {
        return std::nullopt;
    }
    return date(*node, key);
}

}  // namespace alis::domain
