#pragma once

// Coverage = grant / cost (docs/money.md, "Coverage"): for each ALIS of a municipality (its
// leader), for the municipalities of a region (its regional office) and for the country by
// region, centrality class and pay model (the national administrator). Outside the
// municipality only sums are given, and a group of fewer than domain::kMinCell ALIS is withheld,
// so no named doctor's salary, nor one doctor's alone, leaves the municipality.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/alis_cost.hpp"
#include "domain/coverage.hpp"
#include "domain/person.hpp"

namespace alis::app {

// One ALIS of the municipality in the year: the cost before the grant and the grant claimed.
struct AlisCoverage {
    std::int64_t person_id = 0;
    std::string full_name;
    domain::PayModel pay = domain::PayModel::salaried;
    bool has_cost_inputs = false;  // an own entry or the municipality's defaults for the year
    domain::AlisCost cost;         // computed without grants: `cost.cost` is before the grant
    domain::Coverage coverage;
};

// The sums of one group: a municipality, a region, a centrality class or a pay model.
struct CoverageGroup {
    std::string key;  // "4601", "Bergen", "6", "salaried"
    std::string name;
    domain::Coverage coverage;
    bool withheld = false;  // fewer than kMinCell ALIS: only that is said
};

struct CoverageReport {
    int year = 0;                       // the cost year; the grant is its grant year's claim
    bool unconfirmed = false;           // some grant or cost rate used is an estimate
    int without_cost_inputs = 0;        // ALIS left out of the sums: nothing entered for them
    std::vector<AlisCoverage> alis;     // the municipality's own, by name; empty elsewhere
    std::vector<CoverageGroup> groups;  // by municipality (region) or by region (country)
    bool national = false;              // the country: the two groupings below
    std::vector<CoverageGroup> by_centrality_class;  // the country only
    std::vector<CoverageGroup> by_pay_model;         // the country only
    CoverageGroup total;
};

// The coverage of municipality `number` in `year`; nullopt for an unknown municipality. Throws
// UnknownRulesYear when alis holds no grant year or no cost rates for `year`.
std::optional<CoverageReport> municipality_coverage(Application& app, const std::string& number,
                                                    int year);
// The coverage of one ALIS of municipality `number` in `year` (`alis` names the person, with
// their pay model), as municipality_coverage computes it; when no post of theirs earns the grant
// in the refund period, their cost from `own` and `defaults` alone, with no grant. Nullopt when
// nothing is entered for them, own or default. Throws like municipality_coverage.
std::optional<AlisCoverage> alis_coverage(Application& app, const std::string& number, int year,
                                          AlisCoverage alis, const domain::CostEntry* own,
                                          const domain::CostEntry* defaults);
// The coverage of the municipalities of regional office `office`, by municipality.
CoverageReport region_coverage(Application& app, const std::string& office, int year);
// The coverage of the country, by region, centrality class and pay model.
CoverageReport national_coverage(Application& app, int year);

}  // namespace alis::app
