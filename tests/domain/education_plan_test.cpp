// The individual education plan's pure rules: what changed between revisions, when a revision
// falls due, planned positions over 100 %, and the path the ledger projects on a plan.
#include "domain/education_plan.hpp"

#include <gtest/gtest.h>

namespace alis::domain {
namespace education_plan_test {

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

PlannedPeriod period(Arena arena, const char* from, const char* to, int fte = 100) {
    return {arena, "Stedet", day(from), day(to), fte};
}

TEST(EducationPlanRules, RevisionFallsDueTwelveMonthsLater) {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"2026-11-22", "2027-11-22"},
        {"2024-02-29", "2025-02-28"},  // No 29 February next year.
        {"2027-02-28", "2028-02-28"},
        {"2026-12-31", "2027-12-31"},
    };
    for (const auto& [on, due] : cases) {
        EXPECT_EQ(revision_due(day(on)), day(due)) << on;
    }
}

TEST(EducationPlanRules, ChangesNamePeriodsAddedAndRemovedAndTextsChanged) {
    EducationPlan before;
    before.periods = {period(Arena::open_general_practice, "2026-01-01", "2026-12-31"),
                      period(Arena::institution, "2027-01-01", "2027-06-30")};
    before.courses = "A";
    const auto created = plan_changes(std::nullopt, before);
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0].kind, PlanChange::Kind::created);

    EXPECT_TRUE(plan_changes(before, before).empty());
    EducationPlan reordered = before;
    std::swap(reordered.periods[0], reordered.periods[1]);
    EXPECT_TRUE(plan_changes(before, reordered).empty()) << "order alone is no change";

    EducationPlan after = before;
    after.periods[1].to = day("2027-07-31");
    after.next_months = "Ny tekst";
    const auto changes = plan_changes(before, after);
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].kind, PlanChange::Kind::period_removed);
    EXPECT_EQ(changes[0].period->to, day("2027-06-30"));
    EXPECT_EQ(changes[1].kind, PlanChange::Kind::period_added);
    EXPECT_EQ(changes[1].period->to, day("2027-07-31"));
    EXPECT_EQ(changes[2].kind, PlanChange::Kind::next_months);
}

TEST(EducationPlanRules, OverlapOver100IsFoundOnTheFirstDay) {
    EXPECT_FALSE(first_overlap_over_100(
        {period(Arena::open_general_practice, "2027-01-01", "2027-12-31", 60),
         period(Arena::other_general_practice, "2027-03-01", "2027-03-31", 40)}));
    // Touching periods do not overlap: the second starts the day after the first ends.
    EXPECT_FALSE(
        first_overlap_over_100({period(Arena::open_general_practice, "2027-01-01", "2027-06-30"),
                                period(Arena::institution, "2027-07-01", "2027-12-31")}));
    const auto overlap = first_overlap_over_100(
        {period(Arena::open_general_practice, "2027-01-01", "2027-12-31", 60),
         period(Arena::other_general_practice, "2027-09-01", "2027-09-30", 50),
         period(Arena::other_general_practice, "2027-05-01", "2027-05-31", 50)});
    ASSERT_TRUE(overlap);
    EXPECT_EQ(overlap->day, day("2027-05-01"));
    EXPECT_EQ(overlap->period, 2u);
    EXPECT_EQ(overlap->total_fte, 110);
}

TEST(EducationPlanRules, ThePathOnThePlanIsTheActualPathUpToTodayThenThePlan) {
    TrainingPath actual;
    actual.ruleset = "allmennmedisin-2019";
    actual.as_of = day("2026-11-22");
    actual.periods = {
        {day("2024-01-01"), std::nullopt, Arena::open_general_practice, kFullTime, true},
        {day("2027-01-01"), day("2027-12-31"), Arena::institution, kFullTime, true},  // Later.
        {day("2026-11-01"), day("2026-12-31"), Arena::leave, kFullTime, true}};
    EducationPlan plan;
    plan.periods = {period(Arena::open_general_practice, "2024-01-01", "2027-03-31", 80),
                    period(Arena::institution, "2027-04-01", "2027-09-30")};
    const auto path = path_with_plan(actual, plan);
    ASSERT_EQ(path.periods.size(), 4u);
    EXPECT_EQ(path.periods[0].to, day("2026-11-22")) << "ongoing service is cut at today";
    EXPECT_EQ(path.periods[1].arena, Arena::leave);
    EXPECT_EQ(path.periods[1].to, day("2026-11-22"));
    EXPECT_EQ(path.periods[2].from, day("2026-11-23")) << "the plan starts tomorrow";
    EXPECT_EQ(path.periods[2].fte, 800'000);
    EXPECT_EQ(path.periods[3].from, day("2027-04-01"));
    EXPECT_EQ(path.as_of, actual.as_of);
    EXPECT_EQ(plan_end(plan), day("2027-09-30"));
}

}  // namespace education_plan_test
}  // namespace alis::domain
