#pragma once

// The money rules compiled into alis, parsed and checked once: the grant years
// (rules/grants/<year>.toml) and the cost rates (rules/costs/<year>.toml); docs/money.md.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "domain/alis_cost.hpp"
#include "domain/budget.hpp"
#include "domain/date.hpp"
#include "domain/grant_rates.hpp"

namespace alis::app {

// A year that alis holds no file for; `known` lists the ones it holds ("2023, 2024").
class UnknownRulesYear : public std::runtime_error {
  public:
    UnknownRulesYear(std::string name, std::string known)
        : std::runtime_error("unknown year '" + name + "' (known: " + known + ")"),
          name_(std::move(name)),
          known_(std::move(known)) {}
    const std::string& name() const { return name_; }
    const std::string& known() const { return known_; }

  private:
    std::string name_;
    std::string known_;
};

// The grant year `name` ("2023" or "2023.toml"), parsed once. Throws UnknownRulesYear, or
// domain::RulesetError when the file is broken or its grant_year is not the one it is named for.
const domain::GrantYear& embedded_grant_year(const std::string& name);

// The cost rates of `year`, parsed once; throws like embedded_grant_year.
const domain::CostRates& embedded_cost_rates(int year);

// The grant years alis holds rates for, oldest first.
std::vector<int> embedded_grant_years();
// The years alis can compute coverage for: those with both a grant year and cost rates.
std::vector<int> coverage_years();

// The latest of `years` (grant years, oldest first, not empty) whose refund period has begun on
// `today`, else the first: the year a claim or coverage page shows unless asked for another.
int latest_begun_year(const std::vector<int>& years, domain::Date today);

// The pilot budgets shipped in data/budgets/, by file name, each parsed (throws
// domain::RulesetError for a broken file).
std::vector<domain::PilotBudget> embedded_budgets();

}  // namespace alis::app
