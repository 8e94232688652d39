#pragma once

// A regional pilot budget (docs/money.md, "Pilot budgets"): yearly lines, some a fixed amount and
// some an amount per candidate, minus a co-payment per candidate from the municipalities.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/grant_rates.hpp"
#include "domain/money.hpp"

namespace alis::domain {

// One line of the budget: a yearly amount, or an amount per candidate and year.
struct BudgetLine {
    std::string name;
    std::optional<Money> amount;         // per year
    std::optional<Money> per_candidate;  // per candidate and year
};

struct PilotBudget {
    std::string name;
    int years = 1;
    int candidates = 0;
    Money co_payment_per_candidate;  // per year, from the candidate's municipality
    std::vector<BudgetLine> lines;
    Provenance provenance;  // optional in the file: where the figures come from
};

struct BudgetLineAmount {
    std::string name;
    Money per_year;
};

struct BudgetResult {
    std::vector<BudgetLineAmount> lines;  // in the file's order
    Money gross_per_year;
    Money co_payments_per_year;  // candidates × co-payment
    Money net_per_year;          // gross - co-payments
    Money gross_total;           // over all the years
    Money net_total;
};

inline constexpr int kMaxBudgetYears = 100;
inline constexpr int kMaxBudgetCandidates = 100'000;
inline constexpr std::size_t kMaxBudgetLines = 1'000;

// Parses and checks a budget from its TOML text; `file` names it in errors. Throws RulesetError
// for a syntax error, a missing, unknown or mistyped key, a value out of range, or a line with
// both or neither of `amount` and `per_candidate`.
PilotBudget parse_budget(std::string_view toml_text, std::string_view file);

// The budget's sums; exact, nothing is rounded.
BudgetResult compute_budget(const PilotBudget& budget);

// {"gross_per_year", "co_payments_per_year", "net_per_year", "gross_total", "net_total"} in
// whole kroner (a budget's inputs are whole kroner, so are its sums), ending in a newline.
std::string budget_json(const BudgetResult& result);

}  // namespace alis::domain
