// Kaplan–Meier and the log-rank test on small examples checked by hand: each figure below is a
// fraction worked out on paper or a textbook value. The comparison with R on larger data is
// tests/cli/stability_reference_test.cpp.
#include "domain/survival.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace alis::domain {
namespace survival_test {

constexpr double kExact = 1e-15;

SurvivalTime left(std::int64_t days) {
    return {days, FollowUpEnd::event};
}

SurvivalTime still_in(std::int64_t days) {
    return {days, FollowUpEnd::censored};
}

// The 6-MP arm of Freireich's leukaemia trial (Gehan 1965), the textbook's first Kaplan–Meier
// example: weeks in remission, nine relapses among 21 patients.
std::vector<SurvivalTime> six_mp() {
    std::vector<SurvivalTime> s;
    for (int week : {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
        s.push_back(left(week));
    }
    for (int week : {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
        s.push_back(still_in(week));
    }
    return s;
}

// Its placebo arm: all 21 relapsed.
std::vector<SurvivalTime> placebo() {
    std::vector<SurvivalTime> s;
    for (int week : {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}) {
        s.push_back(left(week));
    }
    return s;
}

TEST(KaplanMeier, EveryDistinctTimeIsAStepWithItsCounts) {
    const std::vector<SurvivalTime> s = {left(1),     left(2), still_in(2), left(3),
                                         still_in(4), left(4), left(5)};
    const KaplanMeierCurve curve = kaplan_meier(s);
    EXPECT_EQ(curve.subjects, 7);
    EXPECT_EQ(curve.events, 5);
    ASSERT_EQ(curve.steps.size(), 5u);
    const std::int64_t at_risk[] = {7, 6, 4, 3, 1};
    const std::int64_t censored[] = {0, 1, 0, 1, 0};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(curve.steps[i].time, static_cast<std::int64_t>(i) + 1);
        EXPECT_EQ(curve.steps[i].at_risk, at_risk[i]);
        EXPECT_EQ(curve.steps[i].events, 1);
        EXPECT_EQ(curve.steps[i].censored, censored[i]);
    }
}

TEST(KaplanMeier, SurvivalIsTheProductOfTheShareThatStays) {
    const std::vector<SurvivalTime> s = {left(1),     left(2), still_in(2), left(3),
                                         still_in(4), left(4), left(5)};
    const KaplanMeierCurve curve = kaplan_meier(s);
    EXPECT_NEAR(curve.steps[0].survival, 6.0 / 7, kExact);
    EXPECT_NEAR(curve.steps[1].survival, 5.0 / 7, kExact);
    EXPECT_NEAR(curve.steps[2].survival, 15.0 / 28, kExact);
    EXPECT_NEAR(curve.steps[3].survival, 5.0 / 14, kExact);
    EXPECT_EQ(curve.steps[4].survival, 0.0);
}

TEST(KaplanMeier, StandardErrorIsGreenwoodsAndTheIntervalIsOnTheLogScale) {
    const KaplanMeierCurve curve = kaplan_meier(six_mp());
    // After week 6: S = 18/21, Var(log S) = 3 / (21 * 18).
    const KaplanMeierStep& first = curve.steps[0];
    EXPECT_EQ(first.at_risk, 21);
    EXPECT_EQ(first.events, 3);
    EXPECT_EQ(first.censored, 1);
    const double se_log = std::sqrt(3.0 / (21 * 18));
    EXPECT_NEAR(*first.std_err, 18.0 / 21 * se_log, kExact);
    EXPECT_NEAR(*first.lower, 18.0 / 21 * std::exp(-1.959963984540054 * se_log), kExact);
    EXPECT_EQ(*first.upper, 1.0);  // 1.168..., clipped.
    // After week 7: S = 18/21 * 16/17, Var(log S) = 3/(21*18) + 1/(17*16).
    const KaplanMeierStep& second = curve.steps[1];
    const double se2 = std::sqrt(3.0 / (21 * 18) + 1.0 / (17 * 16));
    EXPECT_NEAR(second.survival, 18.0 / 21 * 16 / 17, kExact);
    EXPECT_NEAR(*second.std_err, second.survival * se2, kExact);
    EXPECT_NEAR(*second.upper, second.survival * std::exp(1.959963984540054 * se2), 1e-14);
}

TEST(KaplanMeier, TheTextbookCurveOfTheSixMpArm) {
    // Kleinbaum and Klein, Survival Analysis, table 2.1: S(t) at the seven relapse times.
    const KaplanMeierCurve curve = kaplan_meier(six_mp());
    ASSERT_EQ(curve.steps.size(), 16u);
    std::vector<double> at_relapses;
    for (const KaplanMeierStep& step : curve.steps) {
        if (step.events > 0) {
            at_relapses.push_back(step.survival);
        }
    }
    const double book[] = {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482};
    ASSERT_EQ(at_relapses.size(), std::size(book));
    for (std::size_t i = 0; i < std::size(book); ++i) {
        EXPECT_NEAR(at_relapses[i], book[i], 5e-5) << "relapse " << i + 1;
    }
    EXPECT_EQ(curve.median.time, 23.0);
    EXPECT_EQ(curve.median.lower, 16.0);
    EXPECT_FALSE(curve.median.upper);
}

TEST(KaplanMeier, NoStandardErrorNorIntervalOnceEveryoneHasLeft) {
    const KaplanMeierCurve curve = kaplan_meier(placebo());
    const KaplanMeierStep& last = curve.steps.back();
    EXPECT_EQ(last.time, 23);
    EXPECT_EQ(last.survival, 0.0);
    EXPECT_FALSE(last.std_err);
    EXPECT_FALSE(last.lower);
    EXPECT_FALSE(last.upper);
    EXPECT_TRUE(curve.steps[curve.steps.size() - 2].std_err);
    EXPECT_EQ(curve.median.time, 8.0);
    EXPECT_EQ(curve.median.lower, 4.0);
    EXPECT_EQ(curve.median.upper, 12.0);
}

TEST(KaplanMeier, WithoutEventsTheCurveStaysAtOneWithNoUncertainty) {
    const std::vector<SurvivalTime> s = {still_in(10), still_in(20), still_in(20)};
    const KaplanMeierCurve curve = kaplan_meier(s);
    ASSERT_EQ(curve.steps.size(), 2u);
    for (const KaplanMeierStep& step : curve.steps) {
        EXPECT_EQ(step.survival, 1.0);
        EXPECT_EQ(step.std_err, 0.0);
        EXPECT_EQ(step.lower, 1.0);
        EXPECT_EQ(step.upper, 1.0);
    }
    EXPECT_EQ(curve.steps[1].censored, 2);
    EXPECT_FALSE(curve.median.time);
}

TEST(KaplanMeier, AMedianOnAFlatHalfIsTheMidpointToTheNextFall) {
    const std::vector<SurvivalTime> s = {left(1), left(2), left(3), left(4)};
    EXPECT_EQ(kaplan_meier(s).median.time, 2.5);
}

TEST(KaplanMeier, ACurveThatEndsAtOneHalfHasItsMedianWhereItGotThere) {
    // print.survfit's rule; quantile.survfit would say 3, the midpoint to the last time.
    const std::vector<SurvivalTime> s = {left(1), left(2), still_in(3), still_in(4)};
    EXPECT_EQ(kaplan_meier(s).median.time, 2.0);
}

TEST(KaplanMeier, TimeZeroIsATime) {
    const std::vector<SurvivalTime> s = {left(0), still_in(0), left(5)};
    const KaplanMeierCurve curve = kaplan_meier(s);
    ASSERT_EQ(curve.steps.size(), 2u);
    EXPECT_EQ(curve.steps[0].time, 0);
    EXPECT_EQ(curve.steps[0].at_risk, 3);
    EXPECT_NEAR(curve.steps[0].survival, 2.0 / 3, kExact);
}

TEST(KaplanMeier, NoSubjectsNoSteps) {
    const KaplanMeierCurve curve = kaplan_meier({});
    EXPECT_TRUE(curve.steps.empty());
    EXPECT_EQ(curve.subjects, 0);
    EXPECT_FALSE(curve.median.time);
}

TEST(KaplanMeier, ATimeOutsideTheRangeIsRefused) {
    const std::vector<SurvivalTime> negative = {left(-1)};
    EXPECT_THROW(kaplan_meier(negative), std::invalid_argument);
    const std::vector<SurvivalTime> huge = {still_in(kMaxFollowUpDays + 1)};
    EXPECT_THROW(kaplan_meier(huge), std::invalid_argument);
}

TEST(LogRank, TheTextbookTestOfSixMpAgainstPlacebo) {
    // Kleinbaum and Klein, chapter 2: chi-square 16.79 on 1 degree of freedom, p = 0.0000.
    // The exact figures: O - E = 9 - 19.2505 for 6-MP, and p = 4.17e-5.
    const std::vector<SurvivalGroup> groups = {{"6-MP", six_mp()}, {"placebo", placebo()}};
    const auto test = log_rank(groups);
    ASSERT_TRUE(test);
    EXPECT_NEAR(test->chi_square, 16.79, 0.005);
    EXPECT_EQ(test->degrees_of_freedom, 1);
    EXPECT_NEAR(test->p_value, 4.17e-5, 0.005e-5);
}

TEST(LogRank, TheOrderOfTheGroupsDoesNotMatter) {
    const std::vector<SurvivalGroup> a = {
        {"a", six_mp()}, {"b", placebo()}, {"c", {left(3), still_in(9), left(12), left(30)}}};
    const std::vector<SurvivalGroup> b = {a[2], a[0], a[1]};
    const auto first = log_rank(a);
    const auto second = log_rank(b);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->degrees_of_freedom, 2);
    EXPECT_NEAR(first->chi_square, second->chi_square, 1e-12);
    EXPECT_NEAR(first->p_value, second->p_value, 1e-15);
}

TEST(LogRank, TwoGroupsAlikeGiveNoEvidence) {
    const std::vector<SurvivalGroup> groups = {{"a", six_mp()}, {"b", six_mp()}};
    const auto test = log_rank(groups);
    ASSERT_TRUE(test);
    EXPECT_NEAR(test->chi_square, 0.0, 1e-12);
    EXPECT_NEAR(test->p_value, 1.0, 1e-12);
}

TEST(LogRank, AGroupCensoredBeforeTheFirstEventTakesNoPart) {
    // As survdiff: no expected events, so no degree of freedom for "early".
    const std::vector<SurvivalGroup> groups = {
        {"a", six_mp()}, {"b", placebo()}, {"early", {still_in(0), still_in(0)}}};
    const auto test = log_rank(groups);
    ASSERT_TRUE(test);
    EXPECT_EQ(test->degrees_of_freedom, 1);
    EXPECT_NEAR(test->chi_square, 16.79294098921654, 1e-12);  // R, without the early group.
}

TEST(LogRank, OneGroupOrNoEventsIsNoTest) {
    const std::vector<SurvivalGroup> one = {{"a", six_mp()}};
    EXPECT_FALSE(log_rank(one));
    const std::vector<SurvivalGroup> no_events = {{"a", {still_in(3)}}, {"b", {still_in(5)}}};
    EXPECT_FALSE(log_rank(no_events));
}

TEST(LogRank, ASingularVarianceGivesChiSquareZeroWhereRStops) {
    // Both leave on the same day and no one else is at risk: nothing to tell the groups apart.
    const std::vector<SurvivalGroup> groups = {{"a", {left(1)}}, {"b", {left(1)}}};
    const auto test = log_rank(groups);
    ASSERT_TRUE(test);
    EXPECT_EQ(test->chi_square, 0.0);
    EXPECT_EQ(test->degrees_of_freedom, 1);
    EXPECT_EQ(test->p_value, 1.0);
}

}  // namespace survival_test
}  // namespace alis::domain
