#include "app/money_rules.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

#include "domain/ruleset.hpp"
#include "embedded.hpp"

namespace alis::app {
namespace {

constexpr std::string_view kSuffix = ".toml";

// The names of the files in `folder` ("rules/grants/"), without ".toml"; sorted, as the map is.
std::string file_names_in(std::string_view folder) {
    std::string names;
    for (const auto& [path, text] : embedded::files()) {
        if (path.starts_with(folder) && path.ends_with(kSuffix)) {
            names += (names.empty() ? "" : ", ") +
                     path.substr(folder.size(), path.size() - folder.size() - kSuffix.size());
        }
    }
    return names.empty() ? "none" : names;
}

// The file `name` of `folder` parsed with `parse`, once per name; `year_of` gives the year the
// file states, which must be its name.
template <typename T>
const T& parsed_once(std::string_view folder, const std::string& requested,
                     const std::function<T(std::string_view, std::string_view)>& parse,
                     const std::function<int(const T&)>& year_of) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<T>, std::less<>> parsed;
    const std::string name = requested.ends_with(kSuffix)
                                 ? requested.substr(0, requested.size() - kSuffix.size())
                                 : requested;
    std::lock_guard lock(mutex);
    if (const auto it = parsed.find(name); it != parsed.end()) {
        return *it->second;
    }
    const std::string file = std::string(folder) + name + std::string(kSuffix);
    const auto& files = embedded::files();
    const auto it = name.find('/') == std::string::npos ? files.find(file) : files.end();
    if (it == files.end()) {
        throw UnknownRulesYear(requested, file_names_in(folder));
    }
    auto value = std::make_unique<T>(parse(it->second, file));
    if (std::to_string(year_of(*value)) != name) {
        throw domain::RulesetError(
            file, "year",
            "is " + std::to_string(year_of(*value)) + ", but the file is named for " + name);
    }
    return *parsed.emplace(name, std::move(value)).first->second;
}

// The years named by the files of `folder`, oldest first.
std::vector<int> years_in(std::string_view folder) {
    std::vector<int> years;
    for (const auto& [path, text] : embedded::files()) {
        if (path.starts_with(folder) && path.ends_with(kSuffix)) {
            const auto name =
                path.substr(folder.size(), path.size() - folder.size() - kSuffix.size());
            if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) {
                years.push_back(std::stoi(std::string(name)));
            }
        }
    }
    std::sort(years.begin(), years.end());
    return years;
}

}  // namespace

std::vector<int> embedded_grant_years() {
    return years_in("rules/grants/");
}

std::vector<int> coverage_years() {
    const auto costs = years_in("rules/costs/");
    std::vector<int> years;
    for (const int year : embedded_grant_years()) {
        if (std::find(costs.begin(), costs.end(), year) != costs.end()) {
            years.push_back(year);
        }
    }
    return years;
}

int latest_begun_year(const std::vector<int>& years, domain::Date today) {
    int latest = years.front();
    for (const int y : years) {
        if (embedded_grant_year(std::to_string(y)).refund_from <= today) {
            latest = y;
        }
    }
    return latest;
}

std::vector<domain::PilotBudget> embedded_budgets() {
    constexpr std::string_view kFolder = "data/budgets/";
    std::vector<domain::PilotBudget> budgets;
    for (const auto& [path, text] : embedded::files()) {
        if (path.starts_with(kFolder) && path.ends_with(kSuffix)) {
            budgets.push_back(domain::parse_budget(text, path));
        }
    }
    return budgets;
}

const domain::GrantYear& embedded_grant_year(const std::string& name) {
    return parsed_once<domain::GrantYear>(
        "rules/grants/", name, domain::parse_grant_year,
        [](const domain::GrantYear& y) { return y.rates.grant_year; });
}

const domain::CostRates& embedded_cost_rates(int year) {
    return parsed_once<domain::CostRates>("rules/costs/", std::to_string(year),
                                          domain::parse_cost_rates,
                                          [](const domain::CostRates& r) { return r.year; });
}

}  // namespace alis::app
