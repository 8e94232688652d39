#include "domain/training_path.hpp"

#include <gtest/gtest.h>

#include <string>

namespace alis::domain {
namespace training_path_test {

// A valid path with one period whose fields are given as JSON text.
std::string path_with_period(const std::string& period_fields) {
    return R"({"ruleset": "allmennmedisin-2019", "as_of": "2026-11-22", "periods": [)"
           R"({"from": "2020-01-01", "to": "2020-12-31", "arena": "institution"}, {)" +
           period_fields + "}]}";
}

// The field and reason of the error parsing `json` gives; fails the test if it parses.
TrainingPathError error_of(const std::string& json) {
    try {
        parse_training_path(json);
    } catch (const TrainingPathError& e) {
        return e;
    }
    ADD_FAILURE() << "parsed without error: " << json;
    return TrainingPathError("", "");
}

TEST(TrainingPath, ParsesTheIssueExample) {
    const TrainingPath path = parse_training_path(R"({
      "ruleset": "allmennmedisin-2019",
      "as_of": "2026-11-22",
      "lis1_completed": "2019-08-31",
      "periods": [
        {"from": "2019-09-01", "to": "2021-08-31", "arena": "open_general_practice", "fte": 100, "registered": true},
        {"from": "2021-09-01", "to": "2022-02-28", "arena": "institution", "fte": 100},
        {"from": "2022-03-01", "to": "2022-12-31", "arena": "leave"},
        {"from": "2023-01-01", "to": null, "arena": "other_general_practice", "fte": 60, "registered": true},
        {"from": "2023-01-01", "to": null, "arena": "open_general_practice", "fte": 40, "registered": false}
      ]
    })");
    EXPECT_EQ(path.ruleset, "allmennmedisin-2019");
    EXPECT_EQ(path.as_of.iso(), "2026-11-22");
    ASSERT_TRUE(path.lis1_completed.has_value());
    EXPECT_EQ(path.lis1_completed->iso(), "2019-08-31");
    ASSERT_EQ(path.periods.size(), 5u);
    EXPECT_EQ(path.periods[0].arena, Arena::open_general_practice);
    EXPECT_EQ(path.periods[1].arena, Arena::institution);
    EXPECT_EQ(path.periods[2].arena, Arena::leave);
    EXPECT_EQ(path.periods[3].arena, Arena::other_general_practice);
    EXPECT_EQ(path.periods[2].to->iso(), "2022-12-31");
    EXPECT_FALSE(path.periods[3].to.has_value());
    EXPECT_EQ(path.periods[3].fte, 600'000);
    EXPECT_TRUE(path.periods[3].registered);
    EXPECT_FALSE(path.periods[4].registered);
}

TEST(TrainingPath, FteAndRegisteredHaveDefaults) {
    const TrainingPath path = parse_training_path(
        path_with_period(R"("from": "2021-01-01", "to": null, "arena": "open_general_practice")"));
    EXPECT_EQ(path.periods[1].fte, kFullTime);
    EXPECT_TRUE(path.periods[1].registered);
    EXPECT_FALSE(path.lis1_completed.has_value());
}

TEST(TrainingPath, RulesetIsOptionalAndLis1MayBeNull) {
    const TrainingPath path =
        parse_training_path(R"({"as_of": "2026-11-22", "lis1_completed": null, "periods": []})");
    EXPECT_TRUE(path.ruleset.empty());
    EXPECT_FALSE(path.lis1_completed.has_value());
    EXPECT_TRUE(path.periods.empty());
}

TEST(TrainingPath, FteAcceptsUpToFourDecimals) {
    const TrainingPath path = parse_training_path(
        path_with_period(R"("from": "2021-01-01", "to": null, "arena": "other", "fte": 37.5)"));
    EXPECT_EQ(path.periods[1].fte, 375'000);
    EXPECT_EQ(percent_to_ppm(33.3333), 333'333);
    EXPECT_FALSE(percent_to_ppm(33.33333).has_value());
    EXPECT_FALSE(percent_to_ppm(0.0).has_value());
    EXPECT_FALSE(percent_to_ppm(100.0001).has_value());
    EXPECT_EQ(percent_to_ppm(100.0), kFullTime);
}

TEST(TrainingPath, ArenaNamesRoundTrip) {
    for (const Arena arena : {Arena::open_general_practice, Arena::other_general_practice,
                              Arena::institution, Arena::leave, Arena::other}) {
        EXPECT_EQ(parse_enum<Arena>(to_string(arena)), arena);
    }
    EXPECT_FALSE(parse_enum<Arena>("hospital").has_value());
    EXPECT_FALSE(parse_enum<Arena>("Open_General_Practice").has_value());
}

struct BadInput {
    std::string json;
    std::string field;
    std::string reason_part;
};

class TrainingPathBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(TrainingPathBadInput, NamesTheFieldAndIndex) {
    const BadInput& bad = GetParam();
    const TrainingPathError error = error_of(bad.json);
    EXPECT_EQ(error.field(), bad.field) << bad.json;
    EXPECT_NE(error.reason().find(bad.reason_part), std::string::npos)
        << "reason: " << error.reason();
    EXPECT_EQ(std::string(error.what()), error.field() + ": " + error.reason());
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, TrainingPathBadInput,
    ::testing::Values(
        BadInput{R"({"as_of": "2026-11-22", "periods": [1, 2,, 3]})", "input",
                 "malformed JSON at line 1, column 42"},
        BadInput{"{\"as_of\": \"2026-11-22\",\n \"periods\": [", "input",
                 "malformed JSON at line 2"},
        BadInput{"", "input", "malformed JSON"}, BadInput{"[]", "input", "must be a JSON object"},
        BadInput{R"({"periods": []})", "as_of", "missing"},
        BadInput{R"({"as_of": "2026-11-22"})", "periods", "missing"},
        BadInput{R"({"as_of": "2026-11-22", "periods": {}})", "periods", "must be a list"},
        BadInput{R"({"as_of": "22.11.2026", "periods": []})", "as_of", "is not a date"},
        BadInput{R"({"as_of": 20261122, "periods": []})", "as_of", "not a number"},
        BadInput{R"({"as_of": "2026-11-22", "periods": [], "colour": 1})", "colour",
                 "unknown field"},
        BadInput{R"({"as_of": "2026-11-22", "ruleset": 7, "periods": []})", "ruleset",
                 "must be a string"},
        BadInput{R"({"as_of": "1899-12-31", "periods": []})", "as_of", "outside the supported"},
        BadInput{R"({"as_of": "2026-11-22", "lis1_completed": "2019-02-29", "periods": []})",
                 "lis1_completed", "'2019-02-29' is not a date that exists"},
        BadInput{path_with_period(R"("from": "2023-02-30", "to": null, "arena": "other")"),
                 "periods[1].from", "'2023-02-30' is not a date that exists"},
        BadInput{path_with_period(R"("from": "2023-02-01", "to": "2023-01-31", "arena": "other")"),
                 "periods[1].to", "2023-01-31 is before from (2023-02-01)"},
        BadInput{path_with_period(R"("from": "2023-02-01", "arena": "other")"), "periods[1].to",
                 "missing"},
        BadInput{path_with_period(R"("to": null, "arena": "other")"), "periods[1].from", "missing"},
        BadInput{path_with_period(R"("from": "2023-02-01", "to": null)"), "periods[1].arena",
                 "missing"},
        BadInput{path_with_period(R"("from": "2023-02-01", "to": null, "arena": "hospital")"),
                 "periods[1].arena", "unknown arena 'hospital'"},
        BadInput{path_with_period(R"("from": "2023-02-01", "to": null, "arena": 3)"),
                 "periods[1].arena", "must be a string"},
        BadInput{
            path_with_period(R"("from": "2023-02-01", "to": null, "arena": "other", "fte": 0)"),
            "periods[1].fte", "0 is out of range"},
        BadInput{
            path_with_period(R"("from": "2023-02-01", "to": null, "arena": "other", "fte": 100.5)"),
            "periods[1].fte", "100.5 is out of range"},
        BadInput{
            path_with_period(R"("from": "2023-02-01", "to": null, "arena": "other", "fte": -20)"),
            "periods[1].fte", "-20 is out of range"},
        BadInput{
            path_with_period(R"("from": "2023-02-01", "to": null, "arena": "other", "fte": "50")"),
            "periods[1].fte", "must be a number"},
        BadInput{path_with_period(
                     R"("from": "2023-02-01", "to": null, "arena": "other", "fte": 12.34567)"),
                 "periods[1].fte", "12.34567 has more than 4 decimals"},
        BadInput{path_with_period(
                     R"("from": "2023-02-01", "to": null, "arena": "other", "registered": "no")"),
                 "periods[1].registered", "must be true or false"},
        BadInput{path_with_period(R"("from": "2023-02-01", "to": null, "arena": "other", "x": 1)"),
                 "periods[1].x", "unknown field"},
        BadInput{R"({"as_of": "2026-11-22", "periods": [7]})", "periods[0]", "must be an object"}));

TEST(TrainingPath, CheckRefusesAConstructedPathWithToBeforeFrom) {
    TrainingPath path;
    path.as_of = *Date::parse_iso("2026-11-22");
    path.periods.push_back(
        {*Date::parse_iso("2020-01-01"), Date::parse_iso("2019-12-31"), Arena::institution});
    try {
        check_training_path(path);
        ADD_FAILURE() << "accepted to before from";
    } catch (const TrainingPathError& e) {
        EXPECT_EQ(e.field(), "periods[0].to");
    }
    path.periods[0].to = path.periods[0].from;
    EXPECT_NO_THROW(check_training_path(path));
    path.periods[0].fte = 0;
    EXPECT_THROW(check_training_path(path), TrainingPathError);
}

TEST(TrainingPath, RefusesMoreThanTheMaximumNumberOfPeriods) {
    std::string json = R"({"as_of": "2026-11-22", "periods": [)";
    for (std::size_t i = 0; i <= kMaxPeriods; ++i) {
        json += std::string(i == 0 ? "" : ",") +
                R"({"from": "2020-01-01", "to": null, "arena": "other"})";
    }
    json += "]}";
    EXPECT_EQ(error_of(json).field(), "periods");
}

}  // namespace training_path_test
}  // namespace alis::domain
