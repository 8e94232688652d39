// The grant engine's rules, one table per rule; every case names what it shows.
#include "domain/grant.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "domain/grant_json.hpp"
#include "domain/json_input.hpp"

namespace alis::domain {
namespace grant_test {

Date d(const char* iso) {
    return *Date::parse_iso(iso);
}

// Made-up rates for the tests, chosen so that each amount shows where it came from.
GrantRates test_rates(int grant_year) {
    GrantRates rates;
    rates.grant_year = grant_year;
    rates.monthly = {Money::ore(1'000'000), Money::ore(900'000), Money::ore(600'000),
                     Money::ore(400'000)};
    rates.class6_supplement = Money::ore(200'000);
    return rates;
}

GrantPost full_post(const char* from, const char* to) {
    GrantPost post;
    post.from = d(from);
    post.to = d(to);
    return post;
}

// One post, the whole of grant year 2023's refund period, an agreement on the template signed
// well before.
GrantClaimInput base_input() {
    GrantClaimInput input;
    input.rates = test_rates(2023);
    input.period_from = d("2022-10-01");
    input.period_to = d("2023-05-31");
    input.centrality_class = 3;
    input.agreement = {true, d("2022-06-15")};
    input.posts = {full_post("2022-01-01", "2025-12-31")};
    return input;
}

// The entry of `post` in month "YYYY-MM".
const GrantMonth& month_of(const GrantClaim& claim, const std::string& month,
                           std::size_t post = 0) {
    for (const GrantMonth& m : claim.months) {
        if (m.post == post && Date::from_ymd(m.year, m.month, 1)->iso().substr(0, 7) == month) {
            return m;
        }
    }
    throw std::runtime_error("no entry for " + month);
}

std::vector<std::string> reason_names(const GrantMonth& m) {
    std::vector<std::string> names;
    for (const GrantReason r : m.reasons) {
        names.emplace_back(to_string(r));
    }
    return names;
}

// A month and what the engine must say about it.
struct Expect {
    const char* month;
    bool counted;
    std::vector<std::string> reasons;
};

struct RuleCase {
    const char* why;
    GrantClaimInput input;
    std::vector<Expect> months;
};

void check(const RuleCase& c) {
    const GrantClaim claim = evaluate_grant(c.input);
    for (const Expect& e : c.months) {
        const GrantMonth& m = month_of(claim, e.month);
        EXPECT_EQ(m.counted, e.counted) << c.why << ": " << e.month;
        EXPECT_EQ(reason_names(m), e.reasons) << c.why << ": " << e.month;
        EXPECT_EQ(m.amount.in_ore() != 0, e.counted) << c.why << ": " << e.month;
    }
}

TEST(Grant, LastsThreeMonthsAddsMonthsKeepingTheDay) {
    struct Case {
        const char* from;
        const char* to;
        bool lasts;
        const char* why;
    };
    for (const Case& c : {
             Case{"2023-01-01", "2023-03-31", true, "1 Jan + 3 months - 1 day is 31 Mar"},
             Case{"2023-01-01", "2023-03-30", false, "one day short"},
             Case{"2023-01-15", "2023-04-14", true, "the day of the month is kept"},
             Case{"2023-01-15", "2023-04-13", false, "one day short of 14 Apr"},
             Case{"2023-11-30", "2024-02-28", true, "30 Nov + 3 months is 29 Feb (leap year)"},
             Case{"2023-11-30", "2024-02-27", false, "one day short in the leap year"},
             Case{"2022-11-30", "2023-02-27", true, "28 Feb (clamped) - 1 day is 27 Feb"},
             Case{"2022-11-30", "2023-02-26", false, "one day short in a common year"},
             Case{"2023-01-31", "2023-04-29", true, "31 Jan + 3 months is 30 Apr (clamped)"},
             Case{"2023-01-31", "2023-04-28", false, "one day short of the clamped end"},
         }) {
        EXPECT_EQ(lasts_three_months(d(c.from), d(c.to)), c.lasts) << c.why;
    }
}

TEST(Grant, AMonthCountsOnlyWhenThePostCoversEveryDay) {
    RuleCase starts_on_2nd{"a post starting on the 2nd", base_input(), {}};
    starts_on_2nd.input.posts = {full_post("2022-11-02", "2023-05-31")};
    starts_on_2nd.months = {{"2022-10", false, {"post_not_whole_month"}},
                            {"2022-11", false, {"post_not_whole_month"}},
                            {"2022-12", true, {}}};
    RuleCase starts_on_1st{"a post starting on the 1st", base_input(), {}};
    starts_on_1st.input.posts = {full_post("2022-11-01", "2023-05-31")};
    starts_on_1st.months = {{"2022-11", true, {}}};
    RuleCase ends_on_30th{"a post ending on the 30th of a 31-day month", base_input(), {}};
    ends_on_30th.input.posts = {full_post("2022-10-01", "2023-01-30")};
    ends_on_30th.months = {{"2022-12", true, {}}, {"2023-01", false, {"post_not_whole_month"}}};
    RuleCase ends_on_31st{"a post ending on the 31st", base_input(), {}};
    ends_on_31st.input.posts = {full_post("2022-10-01", "2023-01-31")};
    ends_on_31st.months = {{"2023-01", true, {}}, {"2023-02", false, {"post_not_whole_month"}}};
    for (const RuleCase& c : {starts_on_2nd, starts_on_1st, ends_on_30th, ends_on_31st}) {
        check(c);
    }
}

TEST(Grant, FebruaryOfALeapYearHas29Days) {
    GrantClaimInput input = base_input();
    input.rates = test_rates(2024);
    input.period_from = d("2023-09-01");
    input.period_to = d("2024-05-31");
    RuleCase ends_28th{"the post ends on 28 Feb of a leap year", input, {}};
    ends_28th.input.posts = {full_post("2023-09-01", "2024-02-28")};
    ends_28th.months = {{"2024-01", true, {}}, {"2024-02", false, {"post_not_whole_month"}}};
    RuleCase ends_29th{"the post ends on 29 Feb", input, {}};
    ends_29th.input.posts = {full_post("2023-09-01", "2024-02-29")};
    ends_29th.months = {{"2024-02", true, {}}, {"2024-03", false, {"post_not_whole_month"}}};
    GrantClaimInput common = base_input();
    RuleCase ends_28th_common{"28 Feb ends February in a common year", common, {}};
    ends_28th_common.input.posts = {full_post("2022-10-01", "2023-02-28")};
    ends_28th_common.months = {{"2023-02", true, {}}, {"2023-03", false, {"post_not_whole_month"}}};
    for (const RuleCase& c : {ends_28th, ends_29th, ends_28th_common}) {
        check(c);
    }
}

TEST(Grant, TheAgreementMustBeSignedByTheFirstOfTheMonth) {
    GrantClaimInput input = base_input();
    input.rates = test_rates(2024);
    input.period_from = d("2023-09-01");
    input.period_to = d("2024-05-31");
    RuleCase on_1st{"signed on the 1st: that month counts", input, {}};
    on_1st.input.agreement = {true, d("2024-01-01")};
    on_1st.months = {{"2023-12", false, {"agreement_signed_late"}}, {"2024-01", true, {}}};
    RuleCase on_2nd{"signed on the 2nd: the next month is the first", input, {}};
    on_2nd.input.agreement = {true, d("2024-01-02")};
    on_2nd.months = {{"2024-01", false, {"agreement_signed_late"}}, {"2024-02", true, {}}};
    RuleCase none{"no agreement", input, {}};
    none.input.agreement = {true, std::nullopt};
    none.months = {{"2024-01", false, {"no_agreement"}}};
    RuleCase own_template{"an agreement not on the national template", input, {}};
    own_template.input.agreement = {false, d("2023-01-01")};
    own_template.months = {{"2024-01", false, {"not_national_template"}}};
    RuleCase both{"not on the template and signed late: both reasons", input, {}};
    both.input.agreement = {false, d("2024-03-10")};
    both.months = {{"2024-03", false, {"not_national_template", "agreement_signed_late"}},
                   {"2024-04", false, {"not_national_template"}}};
    for (const RuleCase& c : {on_1st, on_2nd, none, own_template, both}) {
        check(c);
    }
}

TEST(Grant, AgreementsSignedAfter30September2022CountFrom1OctoberIn2023Only) {
    GrantClaimInput input = base_input();
    input.period_from = d("2022-09-01");
    RuleCase late{"grant year 2023, signed 15 Jan 2023: back-dated to 1 Oct 2022", input, {}};
    late.input.agreement = {true, d("2023-01-15")};
    late.months = {{"2022-09", false, {"agreement_signed_late"}},
                   {"2022-10", true, {}},
                   {"2023-01", true, {}}};
    RuleCase on_30_sep{"signed 30 Sep 2022: not after it, so not back-dated", input, {}};
    on_30_sep.input.agreement = {true, d("2022-09-30")};
    on_30_sep.months = {{"2022-09", false, {"agreement_signed_late"}}, {"2022-10", true, {}}};
    GrantClaimInput later = input;
    later.rates = test_rates(2024);
    later.period_from = d("2023-09-01");
    later.period_to = d("2024-05-31");
    RuleCase other_year{"grant year 2024: no back-dating", later, {}};
    other_year.input.agreement = {true, d("2023-10-15")};
    other_year.months = {{"2023-10", false, {"agreement_signed_late"}}, {"2023-11", true, {}}};
    for (const RuleCase& c : {late, on_30_sep, other_year}) {
        check(c);
    }
    EXPECT_EQ(effective_signing_date(d("2023-03-01"), 2023), d("2022-10-01"));
    EXPECT_EQ(effective_signing_date(d("2022-09-30"), 2023), d("2022-09-30"));
    EXPECT_EQ(effective_signing_date(d("2023-03-01"), 2022), d("2023-03-01"));
}

TEST(Grant, AGpSubstituteMustBeEngagedForThreeMonthsFrom2023) {
    GrantClaimInput input = base_input();
    RuleCase three{"substitute 31 Jan to 29 Apr 2023 lasts 3 months", input, {}};
    three.input.posts = {full_post("2023-01-31", "2023-04-29")};
    three.input.posts[0].substitute = true;
    three.months = {
        {"2023-02", true, {}}, {"2023-03", true, {}}, {"2023-04", false, {"post_not_whole_month"}}};
    RuleCase short_one{"substitute 31 Jan to 28 Apr 2023 is one day short", input, {}};
    short_one.input.posts = {full_post("2023-01-31", "2023-04-28")};
    short_one.input.posts[0].substitute = true;
    short_one.months = {{"2023-02", false, {"substitute_shorter_than_3_months"}},
                        {"2023-03", false, {"substitute_shorter_than_3_months"}}};
    RuleCase not_substitute{"the same dates in a regular post count", input, {}};
    not_substitute.input.posts = {full_post("2023-01-31", "2023-04-28")};
    not_substitute.months = {{"2023-02", true, {}}, {"2023-03", true, {}}};
    GrantClaimInput y2022 = input;
    y2022.rates = test_rates(2022);
    y2022.period_from = d("2022-01-01");
    y2022.period_to = d("2022-09-30");
    RuleCase before_rule{"grant year 2022: the 3-month rule does not apply yet", y2022, {}};
    before_rule.input.agreement = {true, d("2021-12-01")};
    before_rule.input.posts = {full_post("2022-03-01", "2022-04-30")};
    before_rule.input.posts[0].substitute = true;
    before_rule.months = {{"2022-03", true, {}}, {"2022-04", true, {}}};
    for (const RuleCase& c : {three, short_one, not_substitute, before_rule}) {
        check(c);
    }
}

TEST(Grant, NoGrantThroughAStaffingAgencyNorOutsideThePeriod) {
    RuleCase agency{"a doctor employed through a staffing agency", base_input(), {}};
    agency.input.posts[0].via_agency = true;
    agency.months = {{"2022-10", false, {"via_agency"}}, {"2023-05", false, {"via_agency"}}};
    RuleCase partial{"months that lie partly outside the period", base_input(), {}};
    partial.input.period_from = d("2022-10-15");
    partial.input.period_to = d("2023-05-30");
    partial.months = {{"2022-10", false, {"month_outside_period"}},
                      {"2022-11", true, {}},
                      {"2023-05", false, {"month_outside_period"}}};
    for (const RuleCase& c : {agency, partial}) {
        check(c);
    }
}

TEST(Grant, AMonthsAmountIsTheRateTimesThePositionRoundedHalfUp) {
    struct Case {
        GrantPostType type;
        PositionPpm fte;
        int centrality_class;
        Money monthly;  // the regular GP rate, when the case sets its own
        std::int64_t expected;
        const char* why;
    };
    for (const Case& c : {
             Case{GrantPostType::regular_gp, kFullTime, 3, Money(), 1'000'000, "full time"},
             Case{GrantPostType::regular_gp, 600'000, 3, Money(), 600'000, "60 %"},
             Case{GrantPostType::regular_gp, kFullTime, 6, Money(), 1'200'000,
                  "class 6 adds the supplement"},
             Case{GrantPostType::regular_gp, 600'000, 6, Money(), 720'000,
                  "the supplement is scaled by the position too"},
             Case{GrantPostType::regular_gp, kFullTime, 5, Money(), 1'000'000,
                  "class 5 has no supplement"},
             Case{GrantPostType::introduction_post, kFullTime, 1, Money(), 900'000,
                  "introduction post"},
             Case{GrantPostType::other_municipal_gp, 500'000, 1, Money(), 300'000,
                  "other municipal GP work at 50 %"},
             Case{GrantPostType::supervision_only, kFullTime, 1, Money(), 400'000,
                  "supervision only"},
             Case{GrantPostType::regular_gp, 333'333, 1, Money(), 333'333, "33,3333 %"},
             Case{GrantPostType::regular_gp, 500'000, 1, Money::ore(1'000'001), 500'001,
                  "500 000,5 øre rounds half up"},
             Case{GrantPostType::regular_gp, 500'000, 1, Money::ore(1), 1, "half an øre rounds up"},
             Case{GrantPostType::regular_gp, 250'000, 1, Money::ore(1), 0,
                  "a quarter of an øre rounds down"},
         }) {
        GrantRates rates = test_rates(2023);
        if (c.monthly != Money()) {
            rates.monthly[0] = c.monthly;
        }
        EXPECT_EQ(month_amount(rates, c.type, c.fte, c.centrality_class).in_ore(), c.expected)
            << c.why;
    }
}

TEST(Grant, EachPostCountsOnItsOwnAndTheClaimIsTheSumOfItsMonths) {
    GrantClaimInput input = base_input();
    GrantPost first = full_post("2022-10-01", "2023-01-15");
    GrantPost second = full_post("2023-01-16", "2023-05-31");
    first.fte = second.fte = 500'000;
    GrantPost alongside = full_post("2022-01-01", "2025-01-01");
    alongside.type = GrantPostType::supervision_only;
    alongside.fte = 200'000;
    input.posts = {first, second, alongside};
    const GrantClaim claim = evaluate_grant(input);
    // 3 posts × 8 months, by post and then by month.
    ASSERT_EQ(claim.months.size(), 24u);
    EXPECT_EQ(claim.months[0].post, 0u);
    EXPECT_EQ(claim.months[8].post, 1u);
    EXPECT_EQ(claim.months[8].month, 10);
    // January is split between two posts: neither covers all of it, so neither counts it.
    EXPECT_FALSE(month_of(claim, "2023-01", 0).counted);
    EXPECT_FALSE(month_of(claim, "2023-01", 1).counted);
    EXPECT_TRUE(month_of(claim, "2023-01", 2).counted);
    // Post 0: Oct-Dec at 500 000; post 1: Feb-May at 500 000; post 2: 8 months at 80 000.
    EXPECT_EQ(claim.total.in_ore(), 3 * 500'000 + 4 * 500'000 + 8 * 80'000);
    std::int64_t sum = 0;
    for (const GrantMonth& m : claim.months) {
        sum += m.amount.in_ore();
    }
    EXPECT_EQ(sum, claim.total.in_ore());
}

TEST(Grant, RefusesInputOutsideItsLimits) {
    struct Case {
        const char* why;
        GrantClaimInput input;
        const char* field;
        const char* problem;
    };
    std::vector<Case> cases;
    cases.push_back({"period ends before it starts", base_input(), "period.to", "to_before_from"});
    cases.back().input.period_to = d("2022-09-30");
    cases.push_back({"centrality class 7", base_input(), "centrality_class", "centrality_class"});
    cases.back().input.centrality_class = 7;
    cases.push_back({"post ends before it starts", base_input(), "posts[0].to", "to_before_from"});
    cases.back().input.posts[0].to = d("2021-12-31");
    cases.push_back({"a substitute in an introduction post", base_input(), "posts[0].substitute",
                     "substitute_not_regular_gp"});
    cases.back().input.posts[0].substitute = true;
    cases.back().input.posts[0].type = GrantPostType::introduction_post;
    cases.push_back({"121 months", base_input(), "period", "period_too_long"});
    cases.back().input.period_to = d("2032-10-31");
    for (const Case& c : cases) {
        try {
            (void)evaluate_grant(c.input);
            ADD_FAILURE() << c.why << ": accepted";
        } catch (const GrantInputError& e) {
            EXPECT_EQ(e.field(), c.field) << c.why;
            EXPECT_EQ(e.problem(), c.problem) << c.why;
        }
    }
}

TEST(GrantJson, ReadsTheInputAndWritesOneEntryPerPostAndMonth) {
    const GrantRequest request = parse_grant_request(R"({
      "rates": {"grant_year": 2023,
                "monthly_ore": {"regular_gp": 1000000, "introduction_post": 900000,
                                "other_municipal_gp": 600000, "supervision_only": 400000},
                "class6_supplement_ore": 200000},
      "period": {"from": "2022-10-01", "to": "2022-11-30"},
      "centrality_class": 6,
      "agreement": {"national_template": true, "signed": "2022-10-01"},
      "posts": [{"type": "regular_gp", "fte": 60, "from": "2022-10-02", "to": "2023-12-31",
                 "via_agency": false, "substitute": false}]
    })");
    EXPECT_FALSE(request.rates_file.has_value());
    EXPECT_TRUE(request.input.rates.unconfirmed);
    EXPECT_EQ(request.input.posts.at(0).fte, 600'000);
    EXPECT_EQ(grant_claim_json(evaluate_grant(request.input)),
              "{\n  \"months\": [\n"
              "    {\"month\": \"2022-10\", \"post\": 0, \"counted\": false, \"amount_ore\": 0, "
              "\"reasons\": [\"post_not_whole_month\"]},\n"
              "    {\"month\": \"2022-11\", \"post\": 0, \"counted\": true, \"amount_ore\": "
              "720000, \"reasons\": []}\n"
              "  ],\n  \"total_ore\": 720000\n}\n");
}

TEST(GrantJson, ANamedRateFileMayGiveThePeriod) {
    const GrantRequest request = parse_grant_request(
        R"({"rates": "2023", "centrality_class": 1, "agreement": null, "posts": []})");
    EXPECT_EQ(request.rates_file, "2023");
    EXPECT_FALSE(request.period_given);
}

TEST(GrantJson, MalformedJsonSaysWhere) {
    try {
        (void)parse_grant_request("{\n  \"rates\": ,");
        ADD_FAILURE() << "accepted";
    } catch (const JsonSyntaxError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_EQ(e.column(), 12u);
    }
}

TEST(GrantJson, NamesTheFieldAndTheProblemOfBadInput) {
    const std::string rates =
        R"("rates": {"grant_year": 2023, "monthly_ore": {"regular_gp": 1, "introduction_post": 1, "other_municipal_gp": 1, "supervision_only": 1}, "class6_supplement_ore": 0})";
    const std::string period = R"("period": {"from": "2022-10-01", "to": "2023-05-31"})";
    const auto with = [&](const std::string& rest) {
        return "{" + rates + ", " + period + ", " + rest + "}";
    };
    // The start of a request whose one post each case finishes.
    const std::string post_a = "{" + rates + ", " + period +
                               R"(, "centrality_class": 1, "posts": [{"type": "regular_gp", )";
    for (
        const auto& [json, field, problem] :
        std::vector<std::tuple<std::string, std::string, std::string>>{
            {"[]", "input", "expected_object"},
            {with(R"("centrality_class": 1)"), "posts", "missing"},
            {with(R"("centrality_class": 7, "posts": [])"), "centrality_class", "centrality_class"},
            {with(R"("centrality_class": "6", "posts": [])"), "centrality_class",
             "expected_whole_number"},
            {with(R"("centrality_class": 1, "posts": [], "extra": 1)"), "extra", "unknown_field"},
            {post_a + R"("fte": 0, "from": "2022-10-01", "to": "2023-01-01"}]})", "posts[0].fte",
             "fte"},
            {post_a + R"("fte": 100.00001, "from": "2022-10-01", "to": "2023-01-01"}]})",
             "posts[0].fte", "fte"},
            {post_a + R"("fte": 100, "from": "2023-02-29", "to": "2023-05-01"}]})", "posts[0].from",
             "bad_date"},
            {post_a + R"("fte": 100, "from": "2022-10-01"}]})", "posts[0].to", "missing"},
            {post_a + R"("fte": 100, "from": "2022-10-01", "to": "2023-01-01", "via_agency": 1}]})",
             "posts[0].via_agency", "expected_boolean"},
            {with(
                 R"("centrality_class": 1, "posts": [{"type": "locum", "fte": 100, "from": "2022-10-01", "to": "2023-01-01"}])"),
             "posts[0].type", "unknown_post_type"},
            {R"({"rates": 2023, "centrality_class": 1, "posts": []})", "rates", "rates"},
            {R"({"rates": {"grant_year": 2023}, "period": {"from": "2022-10-01", "to": "2023-05-31"}, "centrality_class": 1, "posts": []})",
             "rates.monthly_ore", "missing"},
            {"{" + rates + R"(, "centrality_class": 1, "posts": []})", "period", "missing"},
        }) {
        try {
            (void)parse_grant_request(json);
            ADD_FAILURE() << json << ": accepted";
        } catch (const GrantInputError& e) {
            EXPECT_EQ(e.field(), field) << json;
            EXPECT_EQ(e.problem(), problem) << json;
        }
    }
}

}  // namespace grant_test
}  // namespace alis::domain
