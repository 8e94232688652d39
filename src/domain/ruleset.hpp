#pragma once

// A ruleset: the versioned, documented values the training ledger counts against
// (rules/*.toml; format in docs/ledger.md, "Rulesets").

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/training_path.hpp"

namespace alis::domain {

// What the minimum position is compared with.
enum class MinimumFteBasis {
    day,     // the doctor's total position that day (scheme from 2019)
    period,  // each post on its own (pre-2019 scheme: "posts at least 50 %")
};

// What a requirement counts.
enum class RequirementBasis {
    total,   // the ruleset's total: counting arenas after caps
    arenas,  // the months counted in the listed arenas, before caps
};

// The longest requirement or cap a ruleset may state, in months.
inline constexpr int kMaxRequirementMonths = 1200;

// One time requirement, e.g. "at least 6 months of institution service".
struct Requirement {
    std::string id;    // stable identifier in reports, e.g. "institution_min"
    std::string name;  // label for people, in Norwegian
    RequirementBasis basis = RequirementBasis::arenas;
    std::array<bool, kCountingArenaCount> arenas{};  // for Arenas: which counting arenas count
    int months = 0;                                  // whole months required
};

// The values one scheme counts against.
struct Ruleset {
    std::string id;    // e.g. "allmennmedisin-2019"; equals the file name without ".toml"
    std::string name;  // label for people, in Norwegian
    int version = 0;   // raised on every change of a value
    std::optional<Date> valid_from;  // first day of the scheme, where known
    std::optional<Date> valid_to;    // last day of the scheme, where known

    PositionPpm min_fte = 0;  // days (or posts) below this position count nothing
    MinimumFteBasis min_fte_basis = MinimumFteBasis::day;

    // The arenas whose months add up to months.total, and the most each may add.
    std::array<bool, kCountingArenaCount> total_arenas{};
    std::array<std::optional<int>, kCountingArenaCount> caps{};  // whole months

    std::vector<Requirement> requirements;  // in report order
};

// A broken ruleset: names the file, the key (e.g. "total.caps.institution") and the reason.
class RulesetError : public std::runtime_error {
  public:
    RulesetError(std::string file, std::string key, std::string reason);
    const std::string& file() const { return file_; }
    // The dotted key, e.g. "requirements[1].months"; empty for a TOML syntax error.
    const std::string& key() const { return key_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string file_;
    std::string key_;
    std::string reason_;
};

// Parses and checks a ruleset from its TOML text; `file` names it in errors. Throws RulesetError
// for a syntax error, a missing, unknown or mistyped key, or a value out of range.
Ruleset parse_ruleset(std::string_view toml_text, std::string_view file);

}  // namespace alis::domain
