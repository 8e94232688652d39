#include "domain/alis_cost.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <string>

#include "data_files.hpp"
#include "domain/ruleset.hpp"

namespace alis::domain {
namespace alis_cost_test {

using testing::BrokenFile;
using testing::read_source_file;

// Made-up rates whose items can be followed by hand.
CostRates test_rates() {
    CostRates rates;
    rates.year = 2023;
    rates.employer_contribution.fill(100'000);  // 10 % in every zone
    rates.employer_contribution[static_cast<std::size_t>(ContributionZone::zone_5)] = 0;
    rates.pension = 125'000;  // 12.5 %
    rates.basic_payment_per_patient = Money::kroner(500);
    return rates;
}

TEST(AlisCost, CostIsExpensesMinusFinancingItemByItem) {
    AlisCostInput input;
    input.list_length = 800;
    input.salary = Money::ore(100'000'001);  // 1 000 000,01 kr
    input.bonus = Money::kroner(0);
    input.office = Money::kroner(100'000);
    input.supervision_hours = 42;
    input.supervision_rate = Money::kroner(1'000);
    input.courses_and_travel = Money::kroner(30'000);
    input.substitutes = Money::kroner(28'000);
    input.fee_for_service = Money::kroner(400'000);
    input.grants = Money::kroner(96'000);
    const AlisCost c = compute_alis_cost(input, test_rates());
    // 12.5 % of 100 000 001 øre is 12 500 000,125 øre: rounded once, to 12 500 000 øre.
    EXPECT_EQ(c.pension.in_ore(), 12'500'000);
    // 10 % of 112 500 001 øre is 11 250 000,1 øre: 11 250 000 øre.
    EXPECT_EQ(c.employer_contribution.in_ore(), 11'250'000);
    EXPECT_EQ(c.supervision, Money::kroner(42'000));
    EXPECT_EQ(c.expenses.in_ore(), 100'000'001 + 12'500'000 + 11'250'000 + 10'000'000 + 4'200'000 +
                                       3'000'000 + 2'800'000);
    EXPECT_EQ(c.basic_payment, Money::kroner(400'000));
    EXPECT_EQ(c.financing, Money::kroner(400'000 + 400'000 + 96'000));
    EXPECT_EQ(c.cost, c.expenses - c.financing);
    EXPECT_EQ(c.direct_training, Money::kroner(42'000 + 30'000 + 28'000));
    // 100 000 kr of 1 437 500,01 kr is 6.956... %: 70 tenths of a percent.
    EXPECT_EQ(c.direct_training_per_mille, 70);

    input.zone = ContributionZone::zone_5;
    EXPECT_EQ(compute_alis_cost(input, test_rates()).employer_contribution, Money());
    EXPECT_EQ(compute_alis_cost(AlisCostInput{}, test_rates()).direct_training_per_mille, 0);
}

TEST(AlisCost, TheDemoReproducesTheReportsTableOfAlisAToD) {
    const CostRates rates =
        parse_cost_rates(read_source_file("rules/costs/2023.toml"), "rules/costs/2023.toml");
    const CostInputs inputs = parse_cost_inputs(read_source_file("data/demo/alis-costs-2023.toml"),
                                                "data/demo/alis-costs-2023.toml");
    EXPECT_EQ(inputs.year, rates.year);
    EXPECT_TRUE(inputs.provenance.unconfirmed);
    struct Row {
        const char* name;
        int list_length;
        int other_gp_work_percent;
        const char* expenses;
        const char* financing;
        const char* cost;
    };
    // The report's table (millions of kroner, one decimal) and the figures it keeps of each.
    const Row report[] = {
        {"ALIS A", 913, 0, "2,1", "2,4", "-0,3"},
        {"ALIS B", 341, 40, "1,9", "1,0", "0,9"},
        {"ALIS C", 645, 20, "2,4", "1,0", "1,4"},
        {"ALIS D", 444, 0, "1,8", "1,4", "0,5"},
    };
    ASSERT_EQ(inputs.alis.size(), std::size(report));
    Money expenses;
    Money direct;
    for (std::size_t i = 0; i < std::size(report); ++i) {
        const Row& row = report[i];
        const AlisCostInput& input = inputs.alis[i];
        EXPECT_EQ(input.name, row.name);
        EXPECT_EQ(input.list_length, row.list_length) << row.name;
        EXPECT_EQ(input.other_gp_work_percent, row.other_gp_work_percent) << row.name;
        const AlisCost c = compute_alis_cost(input, rates);
        EXPECT_EQ(format_millions(c.expenses), row.expenses) << row.name;
        EXPECT_EQ(format_millions(c.financing), row.financing) << row.name;
        EXPECT_EQ(format_millions(c.cost), row.cost) << row.name;
        expenses += c.expenses;
        direct += c.direct_training;
    }
    // The report estimated the direct training costs at about 5 % of the total.
    const std::int64_t per_mille = scale(direct, 1'000, expenses.in_ore()).in_ore();
    EXPECT_GE(per_mille, 45);
    EXPECT_LE(per_mille, 60);
}

TEST(AlisCost, TheRatesFileMarksEveryRateUnconfirmed) {
    const CostRates rates =
        parse_cost_rates(read_source_file("rules/costs/2023.toml"), "rules/costs/2023.toml");
    EXPECT_TRUE(rates.unconfirmed());
    EXPECT_EQ(rates.employer_contribution[static_cast<std::size_t>(ContributionZone::zone_1)],
              141'000);
    EXPECT_EQ(rates.employer_contribution[static_cast<std::size_t>(ContributionZone::zone_5)], 0);
    for (const Provenance& p : rates.employer_contribution_provenance) {
        EXPECT_TRUE(p.unconfirmed);
        EXPECT_FALSE(p.note.empty());
    }
}

TEST(AlisCost, RefusesBrokenRates) {
    const std::string valid = read_source_file("rules/costs/2023.toml");
    testing::expect_refused(
        valid,
        {
            BrokenFile{"[employer_contribution.\"5\"]", "[employer_contribution.\"6\"]",
                       "employer_contribution.6", "an unknown zone"},
            BrokenFile{"percent = 15\nunconfirmed = true", "percent = 15", "pension",
                       "a rate with neither source nor unconfirmed"},
            BrokenFile{"percent = 15", "percent = 101", "pension.percent", "above 100 %"},
            BrokenFile{"kroner = 1_000", "kroner = 10.5", "basic_payment_per_patient.kroner",
                       "a fraction of a krone"},
        },
        [](const std::string& text) { return parse_cost_rates(text, "t.toml"); });
}

}  // namespace alis_cost_test
}  // namespace alis::domain
