#pragma once

// What one ALIS costs the municipality in a year, by the method of the 2023 evaluation report:
// the yearly expenses minus the financing (docs/money.md, "The cost of one ALIS"). The rates
// (employer's contribution by zone, pension, the basic payment per listed patient) are data, one
// file per year (rules/costs/<year>.toml).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/grant_rates.hpp"
#include "domain/money.hpp"

namespace alis::domain {

// The zones of the employer's contribution ("arbeidsgiveravgift"), by the municipality.
enum class ContributionZone { zone_1, zone_1a, zone_2, zone_3, zone_4, zone_4a, zone_5 };

template <>
struct EnumNames<ContributionZone> {
    static constexpr std::array<std::pair<ContributionZone, std::string_view>, 7> names{{
        {ContributionZone::zone_1, "1"},
        {ContributionZone::zone_1a, "1a"},
        {ContributionZone::zone_2, "2"},
        {ContributionZone::zone_3, "3"},
        {ContributionZone::zone_4, "4"},
        {ContributionZone::zone_4a, "4a"},
        {ContributionZone::zone_5, "5"},
    }};
};

inline constexpr std::size_t kZoneCount = EnumNames<ContributionZone>::names.size();

// A rate as a share in millionths: 141 000 is 14.1 %.
using SharePpm = std::int64_t;
inline constexpr SharePpm kWholeShare = 1'000'000;

// One year's rates, each with its provenance.
struct CostRates {
    int year = 0;
    std::array<SharePpm, kZoneCount> employer_contribution{};  // indexed by ContributionZone
    std::array<Provenance, kZoneCount> employer_contribution_provenance{};
    SharePpm pension = 0;  // the employer's pension premium, a share of salary and bonus
    Provenance pension_provenance;
    Money basic_payment_per_patient;  // the state's per-capita payment per listed patient a year
    Provenance basic_payment_provenance;

    // True when any rate is unconfirmed.
    bool unconfirmed() const;
};

// The doctor's contract: a fixed salary from the municipality, or self-employed.
enum class ContractType { salaried, self_employed, unknown };

template <>
struct EnumNames<ContractType> {
    static constexpr std::array<std::pair<ContractType, std::string_view>, 3> names{{
        {ContractType::salaried, "salaried"},
        {ContractType::self_employed, "self_employed"},
        {ContractType::unknown, "unknown"},
    }};
};

// What the municipality enters for one ALIS and one year; amounts are yearly.
struct AlisCostInput {
    std::string name;  // e.g. "ALIS A"
    ContractType contract = ContractType::unknown;
    int list_length = 0;            // listed patients
    int other_gp_work_percent = 0;  // share of the position in other municipal GP work
    ContributionZone zone = ContributionZone::zone_1;
    // Expenses.
    Money salary;
    Money bonus;
    Money office;               // office operation
    int supervision_hours = 0;  // hours of supervision a year
    Money supervision_rate;     // per hour
    Money courses_and_travel;
    Money substitutes;  // during courses, the supervision group and institution service
    // Financing besides the basic payment.
    Money fee_for_service;  // fee-for-service refunds and patient co-payments
    Money grants;           // from the grant engine (or entered)
};

// The result, item by item.
struct AlisCost {
    Money salary_and_bonus;
    Money pension;
    Money employer_contribution;  // on salary, bonus and pension
    Money office;
    Money supervision;  // hours × rate
    Money courses_and_travel;
    Money substitutes;
    Money expenses;  // the sum of the above

    Money basic_payment;  // list length × the basic payment per patient
    Money fee_for_service;
    Money grants;
    Money financing;  // the sum of these three

    Money cost;  // expenses - financing: what the municipality pays itself
    // The direct training costs: supervision, courses and travel, and substitutes.
    Money direct_training;
    // direct_training / expenses in tenths of a percent, rounded half up (display only); 0 when
    // there are no expenses.
    std::int64_t direct_training_per_mille = 0;
};

// Computes one ALIS's yearly cost with `rates`. Each percentage item (pension, employer's
// contribution) is rounded to whole øre half up once; everything else is exact.
AlisCost compute_alis_cost(const AlisCostInput& input, const CostRates& rates);

// Parses and checks a year's cost rates from TOML; throws RulesetError like parse_grant_year.
CostRates parse_cost_rates(std::string_view toml_text, std::string_view file);

// A file of cost inputs (the demo's ALIS A-D): the year whose rates apply, and each ALIS.
struct CostInputs {
    int year = 0;
    Provenance provenance;
    std::vector<AlisCostInput> alis;
};

// Parses a file of cost inputs (amounts in whole kroner); throws RulesetError.
CostInputs parse_cost_inputs(std::string_view toml_text, std::string_view file);

}  // namespace alis::domain
