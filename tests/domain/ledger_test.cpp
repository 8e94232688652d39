#include "domain/ledger.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace alis::domain {
namespace ledger_test {

Date date(const char* text) {
    return *Date::parse_iso(text);
}

Ruleset load(const std::string& id) {
    std::ifstream in(std::filesystem::path(ALIS_SOURCE_DIR) / "rules" / (id + ".toml"));
    std::stringstream text;
    text << in.rdbuf();
    return parse_ruleset(text.str(), id + ".toml");
}

const Ruleset& rules_2019() {
    static const Ruleset ruleset = load("allmennmedisin-2019");
    return ruleset;
}

const Ruleset& rules_pre2019() {
    static const Ruleset ruleset = load("allmennmedisin-pre2019");
    return ruleset;
}

PathPeriod period(const char* from, const char* to, Arena arena, int percent = 100,
                  bool registered = true) {
    PathPeriod p;
    p.from = date(from);
    if (to != nullptr) {
        p.to = date(to);
    }
    p.arena = arena;
    p.fte = percent * (kFullTime / 100);
    p.registered = registered;
    return p;
}

TrainingPath path_of(const char* as_of, std::vector<PathPeriod> periods) {
    TrainingPath path;
    path.as_of = date(as_of);
    path.periods = std::move(periods);
    return path;
}

MonthUnits months(const LedgerReport& report, Arena arena) {
    return report.months.by_arena[counting_index(arena)];
}

// The issue's example path, in its JSON form.
constexpr const char* kIssueExample = R"({
  "ruleset": "allmennmedisin-2019",
  "as_of": "2026-11-22",
  "lis1_completed": "2019-08-31",
  "periods": [
    {"from": "2019-09-01", "to": "2021-08-31", "arena": "open_general_practice", "fte": 100, "registered": true},
    {"from": "2021-09-01", "to": "2022-02-28", "arena": "institution", "fte": 100},
    {"from": "2022-03-01", "to": "2022-12-31", "arena": "leave"},
    {"from": "2023-01-01", "to": null, "arena": "other_general_practice", "fte": 60, "registered": true},
    {"from": "2023-01-01", "to": null, "arena": "open_general_practice", "fte": 40, "registered": true}
  ]
})";

TEST(FormatMonths, RoundsHalfUpToTwoDecimals) {
    EXPECT_EQ(format_months(0), "0.00");
    EXPECT_EQ(format_months(months_to_units(60)), "60.00");
    EXPECT_EQ(format_months(kUnitsPerMonth / 8), "0.13");  // 0.125 exactly
    EXPECT_EQ(format_months(kUnitsPerMonth / 8 - 1), "0.12");
    EXPECT_EQ(format_months(kUnitsPerMonth - 1), "1.00");
    EXPECT_EQ(format_months(kUnitsPerMonth * 5 + kUnitsPerMonth / 20), "5.05");
    // 14/28 + 5 + 14/31, the issue's "just short of 6".
    EXPECT_EQ(
        format_months(kUnitsPerMonth / 28 * 14 + 5 * kUnitsPerMonth + kUnitsPerMonth / 31 * 14),
        "5.95");
}

TEST(Ledger, FiveCalendarYearsAreExactlySixtyMonths) {
    const LedgerReport report =
        evaluate(path_of("2024-12-31", {period("2020-01-01", "2024-12-31", Arena::institution)}),
                 rules_2019());
    EXPECT_EQ(months(report, Arena::institution), months_to_units(60));
    EXPECT_EQ(report.months.total, months_to_units(60));
    ASSERT_EQ(report.requirements.size(), 3u);
    EXPECT_EQ(report.requirements[0].id, "total");
    EXPECT_TRUE(report.requirements[0].met);
    EXPECT_EQ(report.requirements[0].remaining, 0);
}

TEST(Ledger, TheIssueExample) {
    const TrainingPath path = parse_training_path(kIssueExample);
    const LedgerReport report = evaluate(path, rules_2019());
    // Open: 24 months, then 40 % from January 2023 to 22 November 2026 (46 + 22/30 months).
    EXPECT_EQ(format_months(months(report, Arena::open_general_practice)), "42.69");
    EXPECT_EQ(format_months(months(report, Arena::other_general_practice)), "28.04");
    EXPECT_EQ(months(report, Arena::institution), months_to_units(6));
    EXPECT_EQ(format_months(report.months.total), "76.73");
    EXPECT_EQ(report.months.not_counted, 0);
    EXPECT_TRUE(report.complete);
    // The total of 60 needs 30 months at 100 % after 2022: January 2023 + 30 months.
    ASSERT_TRUE(report.projected_completion.has_value());
    EXPECT_EQ(report.projected_completion->iso(), "2025-06-30");
    EXPECT_TRUE(report.warnings.empty());
}

TEST(Ledger, SharesAboveFullTimeAddUpToExactlyOneDay) {
    // Three posts of 50 %: each is scaled to a third, which is not a whole number of ppm.
    const LedgerReport report =
        evaluate(path_of("2023-01-31",
                         {period("2023-01-01", "2023-01-31", Arena::open_general_practice, 50),
                          period("2023-01-01", "2023-01-31", Arena::other_general_practice, 50),
                          period("2023-01-01", "2023-01-31", Arena::institution, 50)}),
                 rules_2019());
    MonthUnits sum = 0;
    for (const MonthUnits m : report.months.by_arena) {
        sum += m;
        EXPECT_EQ(format_months(m), "0.33");
    }
    EXPECT_EQ(sum, kUnitsPerMonth);
    EXPECT_EQ(report.months.total, kUnitsPerMonth);
    EXPECT_EQ(report.warnings.size(), 3u);
}

TEST(Ledger, WarningsAreOrderedByPeriodAndWrittenInNorwegian) {
    TrainingPath path = path_of(
        "2020-12-31", {period("2020-06-01", "2020-12-31", Arena::open_general_practice, 100, false),
                       period("2020-01-01", "2020-12-31", Arena::open_general_practice, 30),
                       period("2020-01-01", "2020-03-31", Arena::other, 20)});
    path.lis1_completed = date("2020-01-31");
    const LedgerReport report = evaluate(path, rules_2019());
    // Period 0 makes June-December 130 % and is unregistered; period 1 is 30 %: before LIS1 in
    // January, alone and below 50 % from February to May, part of 130 % from June; period 2 is
    // in the arena "other".
    ASSERT_EQ(report.warnings.size(), 6u);
    const auto expect = [&](std::size_t i, std::size_t period, WarningCode code,
                            const std::string& part) {
        EXPECT_EQ(report.warnings[i].period, period) << i;
        EXPECT_EQ(report.warnings[i].code, code) << i;
        EXPECT_NE(report.warnings[i].message.find(part), std::string::npos)
            << i << ": " << report.warnings[i].message;
    };
    expect(0, 0, WarningCode::fte_over_100, "over 100 % fra 01.06.2020");
    expect(1, 0, WarningCode::unregistered_enterprise, "registrert utdanningsvirksomhet");
    expect(2, 1, WarningCode::fte_over_100, "over 100 % fra 01.06.2020");
    expect(3, 1, WarningCode::below_min_fte, "under 50 % fra 01.02.2020");
    expect(4, 1, WarningCode::before_lis1, "til og med 31.01.2020");
    expect(5, 2, WarningCode::other_arena, "«other»");
    EXPECT_EQ(warning_code_name(report.warnings[5].code), "other_arena");
}

TEST(Ledger, PerPostMinimumSaysWhichPosition) {
    const LedgerReport report =
        evaluate(path_of("2017-12-31",
                         {period("2017-01-01", "2017-06-30", Arena::open_general_practice, 40)}),
                 rules_pre2019());
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_EQ(report.warnings[0].code, WarningCode::below_min_fte);
    EXPECT_NE(report.warnings[0].message.find("40 %"), std::string::npos);
    EXPECT_EQ(report.months.not_counted, months_to_units(6) / 10 * 4);
}

TEST(Ledger, OngoingLeaveMeansNever) {
    const LedgerReport report =
        evaluate(path_of("2022-12-31", {period("2019-01-01", "2019-06-30", Arena::institution),
                                        period("2019-07-01", nullptr, Arena::open_general_practice),
                                        period("2021-01-01", nullptr, Arena::leave)}),
                 rules_2019());
    EXPECT_EQ(months(report, Arena::open_general_practice), months_to_units(18));
    EXPECT_FALSE(report.projected_completion.has_value());
}

TEST(Ledger, ACompletionBeyondTheCalendarIsNever) {
    Ruleset ruleset = rules_2019();
    ruleset.min_fte = 1;
    ruleset.requirements.resize(1);
    ruleset.requirements[0].months = kMaxRequirementMonths;
    ruleset.caps = {};
    TrainingPath path = path_of("2022-12-31", {period("2020-01-01", nullptr, Arena::institution)});
    path.periods[0].fte = 1;  // a millionth of a position: 1200 months take 1.2 billion months
    const LedgerReport report = evaluate(path, ruleset);
    EXPECT_FALSE(report.projected_completion.has_value());
    // 36 months at a millionth of a position: one unit per month part.
    EXPECT_EQ(months(report, Arena::institution), 36 * kMonthParts);
}

TEST(Ledger, EvaluateRefusesAnInvalidPath) {
    const TrainingPath path =
        path_of("2022-12-31", {period("2020-01-01", "2019-12-31", Arena::open_general_practice)});
    EXPECT_THROW(evaluate(path, rules_2019()), TrainingPathError);
}

TEST(Ledger, AnEmptyPathCountsNothingAndNeverCompletes) {
    const LedgerReport report = evaluate(path_of("2022-12-31", {}), rules_2019());
    EXPECT_EQ(report.months.total, 0);
    EXPECT_FALSE(report.complete);
    EXPECT_FALSE(report.projected_completion.has_value());
    for (const RequirementStatus& r : report.requirements) {
        EXPECT_EQ(r.remaining, r.required);
    }
}

TEST(ReportJson, HasEveryFieldOfTheContract) {
    const TrainingPath path = parse_training_path(R"({
      "ruleset": "allmennmedisin-2019", "as_of": "2023-12-31",
      "periods": [
        {"from": "2023-01-01", "to": "2023-12-31", "arena": "open_general_practice"},
        {"from": "2023-07-01", "to": "2023-07-31", "arena": "other_general_practice", "fte": 50}
      ]})");
    const std::string text = report_json(evaluate(path, rules_2019()));
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    // Months are written with exactly two decimals.
    EXPECT_NE(text.find("\"open_general_practice\": 11.67,"), std::string::npos) << text;
    EXPECT_NE(text.find("\"total\": 12.00,"), std::string::npos) << text;

    const boost::json::object report = boost::json::parse(text).as_object();
    EXPECT_EQ(report.at("as_of").as_string(), "2023-12-31");
    EXPECT_EQ(report.at("ruleset").as_string(), "allmennmedisin-2019");
    const boost::json::object& m = report.at("months").as_object();
    for (const char* key : {"open_general_practice", "other_general_practice", "institution",
                            "total", "not_counted"}) {
        EXPECT_TRUE(m.contains(key)) << key;
    }
    EXPECT_DOUBLE_EQ(m.at("other_general_practice").to_number<double>(), 0.33);
    const boost::json::array& requirements = report.at("requirements").as_array();
    ASSERT_EQ(requirements.size(), 3u);
    const boost::json::object& first = requirements[0].as_object();
    EXPECT_EQ(first.at("id").as_string(), "total");
    EXPECT_DOUBLE_EQ(first.at("required").to_number<double>(), 60.0);
    EXPECT_DOUBLE_EQ(first.at("counted").to_number<double>(), 12.0);
    EXPECT_DOUBLE_EQ(first.at("remaining").to_number<double>(), 48.0);
    EXPECT_FALSE(first.at("met").as_bool());
    EXPECT_FALSE(report.at("complete").as_bool());
    EXPECT_TRUE(report.at("projected_completion").is_null());
    const boost::json::array& warnings = report.at("warnings").as_array();
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[1].as_object().at("code").as_string(), "fte_over_100");
    EXPECT_EQ(warnings[1].as_object().at("period").as_int64(), 1);
    EXPECT_NE(
        std::string(warnings[1].as_object().at("message").as_string()).find("Samlet stilling"),
        std::string::npos);
}

TEST(ReportJson, WritesTheProjectedDate) {
    const LedgerReport report = evaluate(parse_training_path(kIssueExample), rules_2019());
    const boost::json::object parsed = boost::json::parse(report_json(report)).as_object();
    EXPECT_EQ(parsed.at("projected_completion").as_string(), "2025-06-30");
    EXPECT_TRUE(parsed.at("complete").as_bool());
    EXPECT_TRUE(parsed.at("warnings").as_array().empty());
}

TEST(ReportText, IsATableInNorwegian) {
    const LedgerReport report = evaluate(parse_training_path(kIssueExample), rules_2019());
    const std::string text = report_text(report);
    EXPECT_NE(text.find("Utdanningsregnskap per 22.11.2026"), std::string::npos) << text;
    EXPECT_NE(text.find("(allmennmedisin-2019)"), std::string::npos);
    EXPECT_NE(text.find("Institusjonstjeneste"), std::string::npos);
    EXPECT_NE(text.find("42,69"), std::string::npos);
    EXPECT_NE(text.find("Forventet fullført: 30.06.2025"), std::string::npos);
    EXPECT_NE(text.find("Advarsler: ingen"), std::string::npos);
    EXPECT_EQ(text.back(), '\n');
}

}  // namespace ledger_test
}  // namespace alis::domain
