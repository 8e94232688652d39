#pragma once

// The training ledger: how much of a training path counts toward each requirement of a ruleset,
// what is missing, what is wrong in the data, and when the plan completes (docs/ledger.md).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/ruleset.hpp"
#include "domain/training_path.hpp"

namespace alis::domain {

// An exact amount of service. One unit is 1/(28·29·30·31) of a month at one millionth of a full
// position, so a day of any month at any valid position is a whole number of units, and a whole
// calendar month at 100 % is exactly kUnitsPerMonth.
using MonthUnits = std::int64_t;
inline constexpr std::int64_t kMonthParts = 28 * 29 * 30 * 31;  // 755'160 parts of a month
inline constexpr MonthUnits kUnitsPerMonth = kMonthParts * kFullTime;

// The given number of whole months at full position, in MonthUnits.
constexpr MonthUnits months_to_units(int months) {
    return MonthUnits{months} * kUnitsPerMonth;
}

// What counted up to and including the report date.
struct LedgerMonths {
    // Counted per counting arena (in kCountingArenas order), after scaling and before caps.
    std::array<MonthUnits, kCountingArenaCount> by_arena{};
    MonthUnits total = 0;        // the ruleset's total arenas, after caps
    MonthUnits not_counted = 0;  // service (counting arenas and "other") that counted nothing
};

// One requirement of the ruleset, as of the report date.
struct RequirementStatus {
    std::string id;
    std::string name;  // label for people, in Norwegian
    MonthUnits required = 0;
    MonthUnits counted = 0;
    MonthUnits remaining = 0;  // required - counted, never below 0
    bool met = false;
};

// Why (part of) a period is reported; the names are part of the output contract.
enum class WarningCode {
    fte_over_100,             // fte_over_100: total position above 100 %, scaled down
    below_min_fte,            // below_min_fte: position below the ruleset's minimum
    unregistered_enterprise,  // unregistered_enterprise: employer not a registered enterprise
    before_lis1,              // before_lis1: service on or before the LIS1 completion date
    other_arena,              // other_arena: service in the arena "other" counts nothing
};

// The warning's code as written in the output, e.g. "fte_over_100".
std::string_view warning_code_name(WarningCode code);

// A problem found in one period of the input.
struct LedgerWarning {
    WarningCode code = WarningCode::other_arena;
    std::size_t period = 0;  // index into TrainingPath::periods
    std::string message;     // in Norwegian bokmål
};

// Everything the ledger says about a training path.
struct LedgerReport {
    Date as_of;
    std::string ruleset;       // id
    std::string ruleset_name;  // label for people
    LedgerMonths months;
    std::vector<RequirementStatus> requirements;  // in ruleset order
    bool complete = false;                        // every requirement met at as_of
    // The first day by which (counting that day) every requirement is met when the plan is
    // followed; nullopt when the plan never meets them (or only after the year 9999).
    std::optional<Date> projected_completion;
    std::vector<LedgerWarning> warnings;  // by period, then by code
};

// Counts `path` against `ruleset` (rules in docs/ledger.md, "Counting"); throws TrainingPathError
// when the path breaks the rules that check_training_path enforces.
LedgerReport evaluate(const TrainingPath& path, const Ruleset& ruleset);

// Months rounded half up to 2 decimals with a decimal point, e.g. 5.952 months -> "5.95".
std::string format_months(MonthUnits units);

// The same with a decimal comma, as Norwegian users write numbers: "5,95".
std::string norwegian_months(MonthUnits units);

// The report as pretty-printed JSON (schema in docs/ledger.md, "Output"), ending in a newline.
std::string report_json(const LedgerReport& report);

// The report as a table for a person, in Norwegian, ending in a newline.
std::string report_text(const LedgerReport& report);

}  // namespace alis::domain
