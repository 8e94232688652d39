#pragma once

// Reading the data files of rules/ and data/ (TOML): every failure names the file, the dotted key
// and the reason, as a DataFileError (a RulesetError that also says what kind of problem it is).
// Used by the rulesets, the grant rates, the cost rates and the pilot budgets, so that each file is
// checked the same way.

#include <toml++/toml.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/money.hpp"
#include "domain/provenance.hpp"
#include "domain/ruleset.hpp"

namespace alis::domain {

// The kind of problem a data file has, so that a front can say it in the user's language: the
// text is not TOML, a key is missing or unknown, a value names no source, or a value is invalid
// (the reason, in English, says how).
enum class DataFileProblem { syntax, missing, unknown_key, no_source, invalid };

template <>
struct EnumNames<DataFileProblem> {
    static constexpr std::array<std::pair<DataFileProblem, std::string_view>, 5> names{{
        {DataFileProblem::syntax, "syntax"},
        {DataFileProblem::missing, "missing"},
        {DataFileProblem::unknown_key, "unknown_key"},
        {DataFileProblem::no_source, "no_source"},
        {DataFileProblem::invalid, "invalid"},
    }};
};

// A broken data file: a RulesetError (file, key, reason) with the kind of its problem.
class DataFileError : public RulesetError {
  public:
    DataFileError(std::string file, std::string key, std::string reason, DataFileProblem problem)
        : RulesetError(std::move(file), std::move(key), std::move(reason)), problem_(problem) {}
    DataFileProblem problem() const { return problem_; }

  private:
    DataFileProblem problem_;
};

// Parses TOML text; a syntax error becomes a DataFileError with its line and column.
toml::table parse_toml(std::string_view toml_text, std::string_view file);

// Whether 0 % is a valid percentage of a key.
enum class ZeroPercent { allowed, refused };

// Reads one file's values; `key` arguments are the dotted keys that errors name.
class TomlReader {
  public:
    explicit TomlReader(std::string_view file) : file_(file) {}

    // Throws DataFileError for `key` with `reason`.
    [[noreturn]] void fail(const std::string& key, std::string reason,
                           DataFileProblem problem = DataFileProblem::invalid) const;

    // Fails on any key of `table` not in `known`, so that a misspelt key is not silently ignored.
    void refuse_unknown_keys(const toml::table& table,
                             std::initializer_list<std::string_view> known,
                             const std::string& prefix) const;

    const toml::node& require(const toml::table& table, std::string_view name,
                              const std::string& key) const;
    const toml::table& table_at(const toml::table& table, std::string_view name,
                                const std::string& key) const;
    // A string that is not empty.
    std::string string_at(const toml::table& table, std::string_view name,
                          const std::string& key) const;
    // A string that is not empty, or nullopt when the key is absent.
    std::optional<std::string> optional_string(const toml::table& table, std::string_view name,
                                               const std::string& key) const;
    // A boolean; `absent` when the key is missing.
    bool boolean_at(const toml::table& table, std::string_view name, const std::string& key,
                    bool absent) const;
    // A whole number from `low` to `high`; `what` describes it in the error ("a year").
    std::int64_t integer(const toml::node& node, const std::string& key, std::int64_t low,
                         std::int64_t high, std::string_view what) const;
    // A whole number of kroner from 0 to the largest input amount.
    Money kroner(const toml::node& node, const std::string& key) const;
    // A whole number of øre from 0 to the largest input amount.
    Money ore(const toml::node& node, const std::string& key) const;
    // A percentage from 0 (when allowed) to 100 with at most 4 decimals, e.g. 14.1, in millionths
    // (14.1 -> 141 000): exact, since every such percentage is a whole number of millionths.
    std::int64_t percent(const toml::node& node, const std::string& key, ZeroPercent zero) const;
    // The provenance keys of a value's table (`source`, `unconfirmed`, `note`), `prefix` being the
    // table's key (empty for the file's top level); fails when the value names neither a source
    // nor `unconfirmed = true`.
    Provenance provenance(const toml::table& table, const std::string& prefix) const;
    // The table `name` of one value with its provenance, e.g. { ore = 100, unconfirmed = true }:
    // refuses keys other than `value_key` and the provenance keys, reads the provenance into
    // `provenance` and returns the value's node (its key is `key` + "." + `value_key`).
    const toml::node& sourced_value(const toml::table& table, std::string_view name,
                                    const std::string& key, std::string_view value_key,
                                    Provenance& provenance) const;
    // A date written without quotes (2023-08-31).
    Date date(const toml::node& node, const std::string& key) const;
    std::optional<Date> optional_date(const toml::table& table, std::string_view name,
                                      const std::string& key) const;

  private:
    std::string file_;
};

}  // namespace alis::domain
