// `alis budget` as a user runs it: the built binary on the shipped budgets and on broken files.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace budget_cli_test {

namespace json = boost::json;
using testing::is_one_error_line;
using testing::run_alis;

std::string shipped(const std::string& name) {
    return (std::filesystem::path(ALIS_SOURCE_DIR) / "data" / "budgets" / (name + ".toml"))
        .string();
}

TEST(BudgetCli, AlisVestAsJson) {
    const auto result = run_alis({"budget", shipped("alis-vest"), "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const json::object out = json::parse(result.out).as_object();
    EXPECT_EQ(out.at("gross_per_year"), 5'600'000);
    EXPECT_EQ(out.at("co_payments_per_year"), 600'000);
    EXPECT_EQ(out.at("net_per_year"), 5'000'000);
    EXPECT_EQ(out.at("gross_total"), 28'000'000);
    EXPECT_EQ(out.at("net_total"), 25'000'000);
}

TEST(BudgetCli, TextShowsEachLineAndTheSumsInNorwegian) {
    const std::string nbsp = "\u00a0";
    const auto result = run_alis({"budget", shipped("alis-vest")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("ALIS-Vest: 12 kandidater, 5 år\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("  Per kandidat: 2" + nbsp + "400" + nbsp + "000" + nbsp + "kr\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("  Netto for 5 år: 25" + nbsp + "000" + nbsp + "000" + nbsp + "kr\n"),
              std::string::npos)
        << result.out;
    const auto nord = run_alis({"budget", shipped("alis-nord")});
    ASSERT_EQ(nord.exit_code, 0) << nord.err;
    EXPECT_NE(nord.out.find("  Brutto per år: 6" + nbsp + "400" + nbsp + "000" + nbsp + "kr\n"),
              std::string::npos)
        << nord.out;
    EXPECT_NE(nord.out.find("Merk: tallene er ikke bekreftet"), std::string::npos) << nord.out;
}

TEST(BudgetCli, ABrokenFileGivesOneLineAndExitCode2) {
    testing::TempDir dir;
    const auto write = [&](const std::string& name, const std::string& text) {
        const auto path = dir.path() / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    };
    const std::string both = write("both.toml",
                                   "name = \"X\"\nyears = 1\ncandidates = 1\n"
                                   "co_payment_per_candidate = 0\n[[line]]\nname = \"A\"\n"
                                   "amount = 1\nper_candidate = 1\n");
    const auto result = run_alis({"budget", both});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(result)) << result.err;
    EXPECT_EQ(result.err, "alis: «" + both +
                              "»: line[0] har en ugyldig verdi (must have either `amount` or "
                              "`per_candidate`, not both or neither)\n");
    const std::string huge = write("huge.toml",
                                   "name = \"X\"\nyears = 100\ncandidates = 100000\n"
                                   "co_payment_per_candidate = 0\n[[line]]\nname = \"A\"\n"
                                   "per_candidate = 10_000_000_000_000\n");
    const auto overflow = run_alis({"budget", huge});
    EXPECT_EQ(overflow.exit_code, 2) << overflow.err;
    EXPECT_TRUE(is_one_error_line(overflow)) << overflow.err;
    const std::string broken = write("syntax.toml", "name = \n");
    const auto syntax = run_alis({"budget", broken});
    EXPECT_EQ(syntax.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(syntax)) << syntax.err;
    EXPECT_TRUE(syntax.err.starts_with("alis: «" + broken + "» er ikke gyldig TOML (line 1"))
        << syntax.err;
    const auto missing_key = run_alis({"budget", write("years.toml", "name = \"X\"\n")});
    EXPECT_EQ(missing_key.exit_code, 2);
    EXPECT_EQ(missing_key.err,
              "alis: «" + (dir.path() / "years.toml").string() + "»: years mangler\n");
    const auto missing = run_alis({"budget", "/nonexistent/budget.toml"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(missing)) << missing.err;
}

}  // namespace budget_cli_test
}  // namespace alis::cli
