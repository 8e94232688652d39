// The demo's money (app/demo_grants.hpp): Bergen's claim for the 2025 refund period shows every
// reason that stops a claim, and ALIS A-D of the 2023 report are Bergen's doctors with their own
// cost inputs, their cost computed by the report's method as `alis cost` computes it.
#include "app/demo_grants.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app/coverage.hpp"
#include "app/demo_data.hpp"
#include "app/grant_claims.hpp"
#include "app/money_rules.hpp"
#include "embedded.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace alis::app {
namespace demo_grants_test {

const domain::Date kToday = *domain::Date::parse_iso("2026-11-22");

class DemoGrantsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        app = testing::open_app(dir.sqlite_url(), testing::fixed_clock(kToday), 1);
        summary = load_demo_data(*app, kToday, {});
    }
    testing::TempDir dir;
    std::unique_ptr<Application> app;
    DemoSummary summary;
};

TEST_F(DemoGrantsTest, BergensClaimShowsEveryReasonThatStopsAClaim) {
    EXPECT_GT(summary.agreements, 100);
    const auto report = grant_claim(*app, "4601", 2025);
    ASSERT_TRUE(report);
    std::set<domain::GrantReason> reasons;
    for (const auto& line : report->claim.lines) {
        for (const auto& [reason, months] : line.stopped) {
            reasons.insert(reason);
        }
    }
    for (const auto reason :
         {domain::GrantReason::no_agreement, domain::GrantReason::agreement_signed_late,
          domain::GrantReason::via_agency, domain::GrantReason::not_national_template}) {
        EXPECT_TRUE(reasons.contains(reason)) << domain::to_string(reason);
    }
    EXPECT_GT(report->claim.total, domain::Money()) << "the others are claimed";
}

TEST_F(DemoGrantsTest, AlisAToDAreBergensWithTheReportsCostInputs) {
    const auto text = embedded::files().at("data/demo/alis-costs-2023.toml");
    const auto inputs = domain::parse_cost_inputs(text, "alis-costs-2023.toml");
    const auto coverage = municipality_coverage(*app, "4601", 2023);
    ASSERT_TRUE(coverage);
    for (auto input : inputs.alis) {
        input.grants = domain::Money();
        const auto expected = domain::compute_alis_cost(input, embedded_cost_rates(2023));
        const auto it = std::find_if(coverage->alis.begin(), coverage->alis.end(), [&](auto& a) {
            return a.full_name == input.name + " (rapportens eksempel)";
        });
        ASSERT_NE(it, coverage->alis.end()) << input.name;
        EXPECT_EQ(it->cost.expenses, expected.expenses) << input.name;
        EXPECT_EQ(it->cost.cost, expected.cost) << input.name;
        EXPECT_GT(it->coverage.grant, domain::Money()) << input.name << " has a signed agreement";
    }
    const auto national = national_coverage(*app, 2023);
    EXPECT_FALSE(national.total.withheld);
    EXPECT_TRUE(national.alis.empty()) << "no doctor in the country's figures";
    EXPECT_FALSE(national.by_centrality_class.empty());
}

}  // namespace demo_grants_test
}  // namespace alis::app
