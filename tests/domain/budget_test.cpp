#include "domain/budget.hpp"

#include <gtest/gtest.h>

#include <string>

#include "data_files.hpp"
#include "domain/ruleset.hpp"

namespace alis::domain {
namespace budget_test {

using testing::BrokenFile;
using testing::read_source_file;

PilotBudget shipped(const std::string& name) {
    const std::string file = "data/budgets/" + name + ".toml";
    return parse_budget(read_source_file(file), file);
}

TEST(Budget, AlisVestComesOutAsItsProjectDescriptionSays) {
    const PilotBudget budget = shipped("alis-vest");
    EXPECT_EQ(budget.name, "ALIS-Vest");
    EXPECT_EQ(budget.lines.size(), 6u);
    const BudgetResult r = compute_budget(budget);
    EXPECT_EQ(r.gross_per_year, Money::kroner(5'600'000));
    EXPECT_EQ(r.co_payments_per_year, Money::kroner(600'000));
    EXPECT_EQ(r.net_per_year, Money::kroner(5'000'000));
    EXPECT_EQ(r.gross_total, Money::kroner(28'000'000));
    EXPECT_EQ(r.net_total, Money::kroner(25'000'000));
    // The line per candidate is 12 × 200 000 kr.
    EXPECT_EQ(r.lines.at(3).per_year, Money::kroner(2'400'000));
    EXPECT_EQ(budget_json(r),
              "{\"gross_per_year\":5600000,\"co_payments_per_year\":600000,\"net_per_year\":"
              "5000000,\"gross_total\":28000000,\"net_total\":25000000}\n");
}

TEST(Budget, AlisNordHas32PostsAt200000AYear) {
    const PilotBudget budget = shipped("alis-nord");
    EXPECT_EQ(budget.candidates, 32);
    EXPECT_TRUE(budget.provenance.unconfirmed);
    const BudgetResult r = compute_budget(budget);
    EXPECT_EQ(r.gross_per_year, Money::kroner(6'400'000));
    EXPECT_EQ(r.net_per_year, Money::kroner(6'400'000));
}

TEST(Budget, RefusesABrokenFile) {
    const std::string valid =
        "name = \"Test\"\nyears = 2\ncandidates = 3\nco_payment_per_candidate = 10\n"
        "[[line]]\nname = \"A\"\namount = 100\n";
    EXPECT_EQ(compute_budget(parse_budget(valid, "t.toml")).net_total, Money::kroner(2 * 70));
    testing::expect_refused(
        valid,
        {
            BrokenFile{"amount = 100", "amount = 100\nper_candidate = 5", "line[0]", "both kinds"},
            BrokenFile{"amount = 100", "", "line[0]", "neither kind"},
            BrokenFile{"amount = 100", "amount = 100.5", "line[0].amount", "a fraction of a krone"},
            BrokenFile{"amount = 100", "amount = -1", "line[0].amount", "a negative amount"},
            BrokenFile{"years = 2", "years = 0", "years", "no years"},
            BrokenFile{"years = 2", "", "years", "years missing"},
            BrokenFile{"candidates = 3", "candidates = \"3\"", "candidates", "a string"},
            BrokenFile{"[[line]]\nname = \"A\"\namount = 100\n", "", "line", "no lines"},
            BrokenFile{"name = \"Test\"", "name = \"Test\"\nowner = \"x\"", "owner",
                       "an unknown key"},
        },
        [](const std::string& text) { return parse_budget(text, "t.toml"); });
}

}  // namespace budget_test
}  // namespace alis::domain
