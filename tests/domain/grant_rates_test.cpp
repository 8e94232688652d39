#include "domain/grant_rates.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "data_files.hpp"
#include "domain/ruleset.hpp"

namespace alis::domain {
namespace grant_rates_test {

using testing::BrokenFile;
using testing::read_source_file;

TEST(GrantRates, EveryShippedGrantYearParsesAndNamesTheSourceOfEachValue) {
    const auto files = testing::toml_files_in("rules/grants");
    ASSERT_GE(files.size(), 3u);
    for (const std::string& file : files) {
        const GrantYear year = parse_grant_year(read_source_file(file), file);
        EXPECT_EQ("rules/grants/" + std::to_string(year.rates.grant_year) + ".toml", file);
        EXPECT_LE(year.refund_from, year.refund_to) << file;
        EXPECT_LE(year.refund_to, year.claim_deadline) << file;
        // No published rates are available here: every amount is marked as an estimate and
        // says why it is what it is.
        for (const Provenance& p : year.monthly_provenance) {
            EXPECT_TRUE(p.unconfirmed) << file;
            EXPECT_FALSE(p.note.empty()) << file;
        }
        EXPECT_TRUE(year.class6_supplement_provenance.unconfirmed) << file;
        EXPECT_TRUE(year.rates.unconfirmed) << file;
        EXPECT_TRUE(year.unconfirmed()) << file;
    }
}

// The 2025 refund period and deadline are the domain brief's example, not read from a published
// text here: marked unconfirmed, so that the claim says its figures are estimates.
TEST(GrantRates, The2025FileHasTheBriefsRefundPeriodAndDeadlineMarkedUnconfirmed) {
    const GrantYear year =
        parse_grant_year(read_source_file("rules/grants/2025.toml"), "rules/grants/2025.toml");
    EXPECT_EQ(year.refund_from.iso(), "2024-09-01");
    EXPECT_EQ(year.refund_to.iso(), "2025-05-31");
    EXPECT_EQ(year.claim_deadline.iso(), "2025-08-31");
    EXPECT_TRUE(year.refund_period_provenance.unconfirmed);
    EXPECT_TRUE(year.claim_deadline_provenance.unconfirmed);
    EXPECT_TRUE(year.refund_period_provenance.source.empty());
    EXPECT_TRUE(year.unconfirmed());
    EXPECT_EQ(year.rates.monthly_rate(GrantPostType::supervision_only).in_ore(), 400'000);
}

constexpr const char* kValid = R"(
grant_year = 2024
[refund_period]
from = 2023-09-01
to = 2024-05-31
source = "a test"
[claim_deadline]
date = 2024-08-31
unconfirmed = true
[monthly_ore.regular_gp]
ore = 100
source = "a test"
[monthly_ore.introduction_post]
ore = 200
source = "a test"
[monthly_ore.other_municipal_gp]
ore = 300
source = "a test"
[monthly_ore.supervision_only]
ore = 400
source = "a test"
[class6_supplement_ore]
ore = 50
source = "a test"
)";

TEST(GrantRates, ReadsEveryValueWithItsProvenance) {
    const GrantYear year = parse_grant_year(kValid, "test.toml");
    EXPECT_EQ(year.rates.grant_year, 2024);
    EXPECT_EQ(year.rates.monthly_rate(GrantPostType::regular_gp).in_ore(), 100);
    EXPECT_EQ(year.rates.monthly_rate(GrantPostType::introduction_post).in_ore(), 200);
    EXPECT_EQ(year.rates.monthly_rate(GrantPostType::other_municipal_gp).in_ore(), 300);
    EXPECT_EQ(year.rates.monthly_rate(GrantPostType::supervision_only).in_ore(), 400);
    EXPECT_EQ(year.rates.class6_supplement.in_ore(), 50);
    // Only the deadline is unconfirmed: the amounts are not estimates, the file as a whole is
    // not confirmed.
    EXPECT_FALSE(year.rates.unconfirmed);
    EXPECT_TRUE(year.unconfirmed());
}

TEST(GrantRates, RefusesAValueWithoutSourceAndOtherMistakes) {
    testing::expect_refused(
        kValid,
        {
            BrokenFile{"ore = 300\nsource = \"a test\"\n[monthly_ore.supervision_only]",
                       "ore = 300\n[monthly_ore.supervision_only]",
                       "monthly_ore.other_municipal_gp",
                       "an amount with neither source nor unconfirmed"},
            BrokenFile{"date = 2024-08-31\nunconfirmed = true",
                       "date = 2024-08-31\nunconfirmed = false", "claim_deadline",
                       "unconfirmed = false and no source"},
            BrokenFile{"[monthly_ore.regular_gp]", "[monthly_ore.locum]", "monthly_ore.locum",
                       "an unknown post type"},
            BrokenFile{"date = 2024-08-31", "date = 2024-05-30", "claim_deadline.date",
                       "a deadline before the period ends"},
            BrokenFile{"to = 2024-05-31", "to = 2023-08-31", "refund_period.to",
                       "a period that ends before it starts"},
            BrokenFile{"grant_year = 2024", "grant_year = 2021", "grant_year",
                       "a year before the scheme"},
            BrokenFile{"ore = 50", "ore = -50", "class6_supplement_ore.ore", "a negative amount"},
            BrokenFile{"ore = 50", "ore = 50.5", "class6_supplement_ore.ore",
                       "a fraction of an øre"},
            BrokenFile{"ore = 50", "ore = 50\nrate = 1", "class6_supplement_ore.rate",
                       "an unknown key"},
        },
        [](const std::string& text) { return parse_grant_year(text, "test.toml"); });
}

}  // namespace grant_rates_test
}  // namespace alis::domain
