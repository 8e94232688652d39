// `alis grant evaluate` as a user runs it: the built binary on a JSON file, its JSON, the notice
// that the rates are estimates, and one Norwegian line with exit code 2 for bad input. The rules
// themselves are tested in tests/domain/grant_test.cpp.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace grant_cli_test {

namespace json = boost::json;
using testing::CommandResult;
using testing::is_one_error_line;
using testing::run_alis;

class GrantCli : public ::testing::Test {
  protected:
    CommandResult evaluate(const std::string& text) {
        const auto path = dir_.path() / ("claim" + std::to_string(++files_) + ".json");
        std::ofstream(path, std::ios::binary) << text;
        return run_alis({"grant", "evaluate", path.string()});
    }

  private:
    testing::TempDir dir_;
    int files_ = 0;
};

constexpr const char* kInlineRates =
    R"("rates": {"grant_year": 2023, "monthly_ore": {"regular_gp": 1000000,
       "introduction_post": 900000, "other_municipal_gp": 600000, "supervision_only": 400000},
       "class6_supplement_ore": 200000})";

TEST_F(GrantCli, PrintsOneEntryPerPostAndMonthWithTheTotal) {
    const auto result = evaluate(std::string("{") + kInlineRates + R"(,
      "period": {"from": "2022-10-01", "to": "2022-12-31"},
      "centrality_class": 6,
      "agreement": {"national_template": true, "signed": "2022-11-01"},
      "posts": [{"type": "regular_gp", "fte": 50, "from": "2022-01-01", "to": "2023-12-31"},
                {"type": "introduction_post", "fte": 100, "from": "2022-10-01",
                 "to": "2023-12-31", "via_agency": true}]})");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json::object out = json::parse(result.out).as_object();
    const json::array& months = out.at("months").as_array();
    ASSERT_EQ(months.size(), 6u);
    const json::object& october = months[0].as_object();
    EXPECT_EQ(october.at("month"), "2022-10");
    EXPECT_EQ(october.at("post"), 0);
    // Signed on 1 November 2022, after 30 September 2022: in grant year 2023 it counts from
    // 1 October 2022.
    EXPECT_EQ(october.at("counted"), true);
    // (10 000 kr + 2 000 kr in class 6) × 50 %.
    EXPECT_EQ(october.at("amount_ore"), 600'000);
    EXPECT_TRUE(october.at("reasons").as_array().empty());
    const json::object& agency = months[3].as_object();
    EXPECT_EQ(agency.at("post"), 1);
    EXPECT_EQ(agency.at("counted"), false);
    EXPECT_EQ(agency.at("amount_ore"), 0);
    EXPECT_EQ(agency.at("reasons").as_array(), json::array({"via_agency"}));
    EXPECT_EQ(out.at("total_ore"), 3 * 600'000);
    // Rates written into the input name no source: the amounts are estimates, and alis says so.
    EXPECT_TRUE(is_one_error_line(result)) << result.err;
    EXPECT_NE(result.err.find("ikke bekreftet"), std::string::npos) << result.err;
}

TEST_F(GrantCli, ANamedGrantYearGivesTheRatesAndTheRefundPeriod) {
    const auto result = evaluate(R"({"rates": "2025", "centrality_class": 1,
      "agreement": {"national_template": true, "signed": "2024-01-01"},
      "posts": [{"type": "supervision_only", "fte": 100, "from": "2024-01-01",
                 "to": "2026-01-01"}]})");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json::object out = json::parse(result.out).as_object();
    const json::array& months = out.at("months").as_array();
    // The refund period of 2025: 1 September 2024 to 31 May 2025.
    ASSERT_EQ(months.size(), 9u);
    EXPECT_EQ(months.front().as_object().at("month"), "2024-09");
    EXPECT_EQ(months.back().as_object().at("month"), "2025-05");
    EXPECT_EQ(out.at("total_ore"), 9 * 400'000);
    EXPECT_NE(result.err.find("rules/grants/2025.toml"), std::string::npos) << result.err;
}

// A named grant year claims only months of its own refund period: a period beyond it is refused,
// one within it is kept, and the notice says when the file's refund period is an estimate.
TEST_F(GrantCli, APeriodOutsideTheNamedYearsRefundPeriodIsRefused) {
    const std::string posts = R"(, "centrality_class": 1,
      "agreement": {"national_template": true, "signed": "2024-01-01"},
      "posts": [{"type": "supervision_only", "fte": 100, "from": "2024-01-01",
                 "to": "2026-01-01"}]})";
    const auto beyond = evaluate(
        R"({"rates": "2025", "period": {"from": "2020-01-01", "to": "2029-12-31"})" + posts);
    EXPECT_EQ(beyond.exit_code, 2);
    EXPECT_EQ(beyond.err,
              "alis: period: perioden må ligge innenfor refusjonsperioden for tilskuddsåret 2025 "
              "(01.09.2024–31.05.2025)\n");
    EXPECT_EQ(beyond.out, "");
    const auto a_day_early = evaluate(
        R"({"rates": "2025", "period": {"from": "2024-08-31", "to": "2025-05-31"})" + posts);
    EXPECT_EQ(a_day_early.exit_code, 2) << a_day_early.out;

    const auto within = evaluate(
        R"({"rates": "2025", "period": {"from": "2024-10-01", "to": "2024-12-31"})" + posts);
    ASSERT_EQ(within.exit_code, 0) << within.err;
    const json::object out = json::parse(within.out).as_object();
    EXPECT_EQ(out.at("months").as_array().size(), 3u);
    EXPECT_EQ(out.at("total_ore"), 3 * 400'000);
    EXPECT_NE(within.err.find("ikke bekreftet"), std::string::npos) << within.err;
}

TEST_F(GrantCli, BadInputGivesOneNorwegianLineAndExitCode2) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const std::string rest =
        R"(, "period": {"from": "2022-10-01", "to": "2023-05-31"}, "centrality_class": 1, )";
    for (
        const Case& c : {
            Case{"{\"rates\": ", "alis: ugyldig JSON på linje 1, kolonne 11\n"},
            Case{R"({"rates": "2019", "centrality_class": 1, "posts": []})",
                 "alis: rates: ukjent tilskuddsår «2019» (kjente: 2023, 2024, 2025)\n"},
            Case{R"({"rates": "../2023", "centrality_class": 1, "posts": []})",
                 "alis: rates: ukjent tilskuddsår «../2023» (kjente: 2023, 2024, 2025)\n"},
            Case{
                std::string("{") + kInlineRates + rest +
                    R"("posts": [{"type": "locum", "fte": 100, "from": "2022-10-01", "to": "2023-01-01"}]})",
                "alis: posts[0].type: ukjent stillingstype «locum» (regular_gp, "
                "introduction_post, other_municipal_gp eller supervision_only)\n"},
            Case{
                std::string("{") + kInlineRates + rest +
                    R"("posts": [{"type": "regular_gp", "fte": 100, "from": "2022-10-01", "to": "2022-09-01"}]})",
                "alis: posts[0].to: sluttdatoen er før startdatoen\n"},
            Case{
                std::string("{") + kInlineRates + rest +
                    R"("posts": [{"type": "regular_gp", "fte": 100, "from": "2022-02-30", "to": "2023-01-01"}]})",
                "alis: posts[0].from: «2022-02-30» er ikke en dato som finnes (skriv "
                "ÅÅÅÅ-MM-DD)\n"},
        }) {
        const auto result = evaluate(c.input);
        EXPECT_EQ(result.exit_code, 2) << c.input;
        EXPECT_EQ(result.err, c.expected) << c.input;
        EXPECT_EQ(result.out, "") << c.input;
    }
    const auto missing = run_alis({"grant", "evaluate", "/nonexistent/claim.json"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.err,
              "alis: kan ikke lese «/nonexistent/claim.json»: filen finnes ikke eller kan ikke "
              "leses\n");
}

}  // namespace grant_cli_test
}  // namespace alis::cli
