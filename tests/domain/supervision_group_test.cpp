// What each ruleset requires of the supervision group (rules/supervision/groups.toml), and a
// doctor's progress against it from memberships, attendance and service periods.
#include "domain/supervision_group.hpp"

#include <gtest/gtest.h>

#include "data_files.hpp"

namespace alis::domain {
namespace supervision_group_test {

const char* kFile = "rules/supervision/groups.toml";

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

GroupRequirement scheme_2019() {
    const auto all = parse_group_requirements(testing::read_source_file(kFile), kFile);
    return *requirement_for(all, "allmennmedisin-2019");
}

ServicePeriod period(Arena arena, const char* from, const char* to) {
    ServicePeriod p;
    p.arena = arena;
    p.starts_on = day(from);
    if (to != nullptr) {
        p.ends_on = day(to);
    }
    return p;
}

TEST(GroupRequirements, EveryRulesetHasOneWithItsSources) {
    const auto all = parse_group_requirements(testing::read_source_file(kFile), kFile);
    for (const auto* id : {"allmennmedisin-2019", "allmennmedisin-pre2019"}) {
        const auto* r = requirement_for(all, id);
        ASSERT_NE(r, nullptr) << id;
        EXPECT_EQ(r->months, 24) << id;
        EXPECT_EQ(r->hours, 120) << id;
    }
    const auto r = scheme_2019();
    EXPECT_EQ(r.open_practice_months, 12);
    EXPECT_FALSE(r.open_practice_source.source.empty());
    EXPECT_TRUE(requirement_for(all, "allmennmedisin-pre2019")->hours_source.unconfirmed);
    EXPECT_EQ(requirement_for(all, "ukjent"), nullptr);
}

TEST(GroupRequirements, ABrokenFileIsRefusedNamingTheKey) {
    const auto parse = [](const std::string& text) {
        return parse_group_requirements(text, kFile);
    };
    testing::expect_refused(
        testing::read_source_file(kFile),
        {
            {"value = 24\nsource = \"domain brief §3 (Legeforeningen)",
             "value = 0\nsource = \"domain brief §3 (Legeforeningen)",
             "requirements[0].months.value", "no months"},
            {"value = 12\n", "value = 30\n", "requirements[0].open_practice_months.value",
             "more open practice than months"},
            {"ruleset = \"allmennmedisin-pre2019\"", "ruleset = \"allmennmedisin-2019\"",
             "requirements[1].ruleset", "a ruleset twice"},
            {"[requirements.hours]\nvalue = 120\nsource",
             "[requirements.hours]\nvalue = 120\nkilde", "requirements[0].hours.kilde",
             "a misspelt key"},
        },
        parse);
}

TEST(GroupProgress, TwoYearsAndTheHoursWithOneInOpenPracticeMeetTheRequirement) {
    const auto r = scheme_2019();
    const std::vector<ServicePeriod> periods = {
        period(Arena::other_general_practice, "2024-01-01", "2024-12-31"),
        period(Arena::open_general_practice, "2025-01-01", nullptr)};
    std::vector<GroupAttendance> attended;
    for (int i = 0; i < 40; ++i) {
        attended.push_back({day("2024-02-01").plus_days(i * 14), 180});  // 120 hours in all.
    }
    auto p = group_progress(r, {{day("2024-01-01"), std::nullopt}}, attended, periods,
                            day("2025-12-31"));
    EXPECT_EQ(p.member_days, 731);
    EXPECT_EQ(p.open_practice_days, 365);
    EXPECT_EQ(p.attended_minutes, 7200);
    EXPECT_TRUE(p.met());
    // A day short of two years, or an hour short: not met.
    p = group_progress(r, {{day("2024-01-02"), std::nullopt}}, attended, periods,
                       day("2025-12-30"));
    EXPECT_FALSE(p.months_met);
    attended.pop_back();
    attended.push_back({day("2025-12-01"), 120});
    EXPECT_FALSE(
        group_progress(r, {{day("2024-01-01"), std::nullopt}}, attended, periods, day("2025-12-31"))
            .hours_met);
}

TEST(GroupProgress, OverlappingGroupsCountADayOnceAndOpenPracticeIsChecked) {
    const auto r = scheme_2019();
    const std::vector<ServicePeriod> nursing_home = {
        period(Arena::other_general_practice, "2023-01-01", nullptr)};
    const std::vector<GroupMembership> twice = {{day("2024-01-01"), day("2025-12-31")},
                                                {day("2024-06-01"), day("2024-12-31")}};
    const auto p = group_progress(r, twice, {}, nursing_home, day("2026-11-22"));
    EXPECT_EQ(p.member_days, 731) << "the second group's days are already counted";
    EXPECT_TRUE(p.months_met);
    EXPECT_EQ(p.open_practice_days, 0);
    EXPECT_FALSE(p.open_practice_met) << "no year in open practice";
    EXPECT_FALSE(p.met());
    // Meetings after today do not count yet, nor days after it.
    const auto early = group_progress(r, {{day("2026-11-01"), std::nullopt}},
                                      {{day("2026-12-01"), 120}}, nursing_home, day("2026-11-22"));
    EXPECT_EQ(early.member_days, 22);
    EXPECT_EQ(early.attended_minutes, 0);
}

TEST(GroupProgress, MonthsReadWithOneDecimal) {
    EXPECT_EQ(format_group_months(0), "0,0");
    EXPECT_EQ(format_group_months(731), "24,0");
    EXPECT_EQ(format_group_months(365), "12,0");
    EXPECT_EQ(format_group_months(15), "0,5");
}

}  // namespace supervision_group_test
}  // namespace alis::domain
