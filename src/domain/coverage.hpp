#pragma once

// Coverage (recommendation 5 of the 2023 evaluation): how much of what an ALIS costs the
// municipality the national grant pays (docs/money.md, "Coverage"). The cost inputs a
// municipality enters per ALIS and year fall back, field by field, on its defaults for the year.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/alis_cost.hpp"
#include "domain/money.hpp"

namespace alis::domain {

// The inputs of one ALIS's cost as entered: a field left empty takes the municipality's default
// for the year, and a field empty in both counts as 0. Amounts are yearly.
struct CostEntry {
    std::optional<int> list_length;
    std::optional<int> other_gp_work_percent;
    std::optional<ContributionZone> zone;
    std::optional<Money> salary;
    std::optional<Money> bonus;
    std::optional<Money> office;
    std::optional<int> supervision_hours;
    std::optional<Money> supervision_rate;
    std::optional<Money> courses_and_travel;
    std::optional<Money> substitutes;
    std::optional<Money> fee_for_service;
};

// The cost input of an ALIS named `name` with contract `contract`: each field from `own`, else
// from `defaults`, else 0 (zone 1); grants are left at 0, as coverage compares the grant with the
// cost before it.
AlisCostInput merged_cost_input(std::string name, ContractType contract, const CostEntry& own,
                                const CostEntry& defaults);

// The entry that gives `input` back (every field set; its grants are not part of an entry).
CostEntry cost_entry_of(const AlisCostInput& input);

// A cost entry as the store keeps it: an ALIS's own for a year in a municipality, or (person_id
// nullopt) the municipality's defaults for the year.
struct RecordedCostEntry {
    std::optional<std::int64_t> person_id;
    std::string municipality_number;
    int year = 0;
    CostEntry entry;
    std::string recorded_at;  // UTC, "2026-11-22T10:15:30Z"; the audit event's instant
    std::string recorded_by;  // name and e-mail
};

// A sum of grants against a sum of costs before the grant.
struct Coverage {
    int alis = 0;             // how many ALIS the sums hold
    Money grant;              // the grant claimed for them
    Money cost_before_grant;  // expenses - basic payment - fee-for-service
    void add(Money grant_of_one, Money cost_of_one);

    // grant / cost before grant in tenths of a percent, rounded half up (display only); nullopt
    // when the cost before the grant is 0 or less (the other financing covers it all).
    std::optional<std::int64_t> per_mille() const;
};

// "87,5 %" for 875 per mille, "—" for nullopt: how the pages and exports show a coverage.
std::string format_per_mille(std::optional<std::int64_t> per_mille);

}  // namespace alis::domain
