// From ALIS posts to follow-up times and protected curves (domain/stability.hpp).
#include "domain/stability.hpp"

#include <gtest/gtest.h>

#include <array>

#include "domain/municipality.hpp"

namespace alis::domain {
namespace stability_test {

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

AlisPost post(std::int64_t person, const char* from, const char* to,
              TrainingStatus status = TrainingStatus::in_training) {
    AlisPost p;
    p.person_id = person;
    p.employment_id = person * 10;
    p.municipality_number = "4601";
    p.starts_on = day(from);
    if (to != nullptr) {
        p.ends_on = day(to);
    }
    p.training_status = status;
    return p;
}

const Date kToday = day("2026-11-22");

TEST(Stability, APostIsFollowedFromItsStartToItsEndOrCensoredToday) {
    const std::vector<AlisPost> posts = {
        post(1, "2026-01-01", "2026-01-31"),  // Held 31 days, then ended.
        post(2, "2026-11-01", nullptr),       // Still held: 22 days, censored.
        post(3, "2026-11-01", "2027-06-30"),  // Ends later: still held today, censored.
        post(4, "2027-01-01", nullptr),       // Not started: not followed.
    };
    const auto s = followed_subjects(posts, StabilityOutcome::in_post, kToday);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].time.days, 31);
    EXPECT_EQ(s[0].time.end, FollowUpEnd::event);
    EXPECT_EQ(s[1].time.days, 22);
    EXPECT_EQ(s[1].time.end, FollowUpEnd::censored);
    EXPECT_EQ(s[2].time.days, 22);
    EXPECT_EQ(s[2].time.end, FollowUpEnd::censored);
    EXPECT_EQ(s[0].post, &posts[0]);
}

TEST(Stability, ADoctorWhoMovedOnIsStillInTrainingAndOneWhoLeftIsAnEvent) {
    const std::vector<AlisPost> posts = {
        // Moved from one municipality to another: two posts, one doctor, still in training.
        post(1, "2024-01-01", "2024-12-31"),
        post(1, "2025-01-01", nullptr),
        // Left the training at the end of the last post.
        post(2, "2025-01-01", "2025-03-31", TrainingStatus::left),
        post(2, "2024-01-01", "2024-12-31", TrainingStatus::left),
        // Became a specialist: followed to the end of the last post, censored there.
        post(3, "2021-01-01", "2025-12-31", TrainingStatus::specialist),
    };
    const auto s = followed_subjects(posts, StabilityOutcome::in_training, kToday);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].time.end, FollowUpEnd::censored);
    EXPECT_EQ(s[0].time.days, kToday.days_since_epoch() - day("2024-01-01").days_since_epoch() + 1);
    EXPECT_EQ(s[0].post, &posts[0]) << "the groups are read from the first post";
    EXPECT_EQ(s[1].time.end, FollowUpEnd::event);
    EXPECT_EQ(s[1].time.days, 366 + 365 - 275) << "2024-01-01 to 2025-03-31, both counted";
    EXPECT_EQ(s[1].post, &posts[3]);
    EXPECT_EQ(s[2].time.end, FollowUpEnd::censored);
    EXPECT_EQ(s[2].time.days,
              day("2025-12-31").days_since_epoch() - day("2021-01-01").days_since_epoch() + 1);
}

TEST(Stability, AStatusOfLeftWithAPostStillHeldIsNotAnEvent) {
    const std::vector<AlisPost> posts = {post(1, "2024-01-01", nullptr, TrainingStatus::left)};
    const auto s = followed_subjects(posts, StabilityOutcome::in_training, kToday);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].time.end, FollowUpEnd::censored);
}

TEST(Stability, APostEndingBeforeItStartsIsRefused) {
    const std::vector<AlisPost> posts = {post(1, "2024-01-01", "2023-12-31")};
    EXPECT_THROW(followed_subjects(posts, StabilityOutcome::in_post, kToday),
                 std::invalid_argument);
}

// Groups "a" of 6 posts (every 100 days one ends) and "b" of 3.
std::vector<SurvivalGroup> two_groups() {
    SurvivalGroup a{"a", {}};
    for (int i = 1; i <= 6; ++i) {
        a.subjects.push_back({i * 100, FollowUpEnd::event});
    }
    SurvivalGroup b{
        "b", {{50, FollowUpEnd::event}, {60, FollowUpEnd::censored}, {70, FollowUpEnd::event}}};
    return {b, a};
}

TEST(Stability, InsideTheMunicipalityEveryGroupAndStepIsShownInKeyOrder) {
    const auto f = stability_figures(two_groups(), SmallCells::shown);
    ASSERT_EQ(f.groups.size(), 2u);
    EXPECT_EQ(f.groups[0].key, "a");
    EXPECT_EQ(f.groups[1].key, "b");
    EXPECT_EQ(f.groups[0].curve.steps.size(), 6u);
    EXPECT_EQ(f.groups[1].curve.steps.size(), 3u);
    EXPECT_EQ(f.groups_left_out, 0);
    ASSERT_TRUE(f.log_rank);
    EXPECT_EQ(f.log_rank->degrees_of_freedom, 1);
}

TEST(Stability, OutsideItAGroupOfFewerThanFiveIsLeftOutAndACurveStopsBeforeFewAreAtRisk) {
    const auto f = stability_figures(two_groups(), SmallCells::protected_);
    ASSERT_EQ(f.groups.size(), 1u);
    EXPECT_EQ(f.groups[0].key, "a");
    EXPECT_EQ(f.groups_left_out, 1);
    // At risk: 6, 5, 4, ...: the steps with 4 or fewer at risk are not shown.
    ASSERT_EQ(f.groups[0].curve.steps.size(), 2u);
    EXPECT_EQ(f.groups[0].curve.steps.back().at_risk, 5);
    EXPECT_DOUBLE_EQ(f.groups[0].curve.steps.back().survival, 4.0 / 6.0);
    EXPECT_FALSE(f.log_rank) << "one group shown: nothing to compare";
}

TEST(Stability, SubjectsAreGroupedByTheKeyOfTheirPost) {
    std::vector<AlisPost> posts;
    for (int i = 1; i <= 7; ++i) {
        auto p = post(i, "2025-01-01", i <= 2 ? "2025-06-30" : nullptr);
        p.pay_model = i % 2 == 0 ? PayModel::self_employed : PayModel::salaried;
        posts.push_back(p);
    }
    const auto subjects = followed_subjects(posts, StabilityOutcome::in_post, kToday);
    const auto f = stability_figures(
        subjects, [](const AlisPost& p) { return std::string(to_string(p.pay_model)); },
        SmallCells::shown);
    ASSERT_EQ(f.groups.size(), 2u);
    EXPECT_EQ(f.groups[0].key, "salaried");
    EXPECT_EQ(f.groups[0].curve.subjects, 4);
    EXPECT_EQ(f.groups[0].curve.events, 1);
    EXPECT_EQ(f.groups[1].key, "self_employed");
    EXPECT_EQ(f.groups[1].curve.subjects, 3);
    EXPECT_EQ(f.groups[1].curve.events, 1);
}

TEST(Stability, ACurveIsReadAtADayWithThoseAtRiskAndTheEstimateBefore) {
    const auto f = stability_figures(two_groups(), SmallCells::shown);
    const auto& a = f.groups[0].curve;  // Events at 100, 200, ..., 600.
    auto r = read_curve(a, 0);
    EXPECT_EQ(r.at_risk, 6);
    EXPECT_EQ(r.survival, 1.0);
    EXPECT_EQ(r.lower, 1.0);
    r = read_curve(a, 150);
    EXPECT_EQ(r.at_risk, 5) << "those followed 200 days or longer";
    EXPECT_DOUBLE_EQ(*r.survival, 5.0 / 6.0);
    EXPECT_EQ(r.lower, a.steps[0].lower);
    r = read_curve(a, 200);
    EXPECT_EQ(r.at_risk, 5) << "the step at 200 has them";
    EXPECT_DOUBLE_EQ(*r.survival, 4.0 / 6.0);
    r = read_curve(a, 600);
    EXPECT_EQ(r.survival, 0.0);
    EXPECT_FALSE(r.lower) << "no interval once the estimate is 0";
    r = read_curve(a, 601);
    EXPECT_EQ(r.at_risk, 0);
    EXPECT_FALSE(r.survival) << "past the last step";

    // Cut short by protection after two steps, while four were still followed.
    const auto cut = stability_figures(two_groups(), SmallCells::protected_).groups[0].curve;
    r = read_curve(cut, 250);
    EXPECT_FALSE(r.at_risk) << "some, but fewer than five";
    EXPECT_FALSE(r.survival);
}

TEST(Stability, MunicipalitiesFallInTheSizeBandsOfTheGpListFigures) {
    EXPECT_EQ(size_band(0), SizeBand::under_2000);
    EXPECT_EQ(size_band(1999), SizeBand::under_2000);
    EXPECT_EQ(size_band(2000), SizeBand::from_2000);
    EXPECT_EQ(size_band(4999), SizeBand::from_2000);
    EXPECT_EQ(size_band(5000), SizeBand::from_5000);
    EXPECT_EQ(size_band(9999), SizeBand::from_5000);
    EXPECT_EQ(size_band(10000), SizeBand::from_10000);
    EXPECT_EQ(size_band(49999), SizeBand::from_10000);
    EXPECT_EQ(size_band(50000), SizeBand::from_50000);
    EXPECT_EQ(to_string(SizeBand::from_10000), "10000_49999");
}

TEST(Stability, MonthsAreReadWrittenAndCounted) {
    const auto m = Month::parse_iso("2026-11");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->iso(), "2026-11");
    EXPECT_EQ(m->plus(2).iso(), "2027-01");
    EXPECT_EQ(m->plus(-11).iso(), "2025-12");
    EXPECT_EQ(m->plus(-23).iso(), "2024-12");
    EXPECT_EQ(months_between(*Month::parse_iso("2021-12"), *m), 59);
    EXPECT_EQ(m->first_day(), day("2026-11-01"));
    EXPECT_EQ(m->last_day(), day("2026-11-30"));
    EXPECT_EQ(Month::of(day("2024-02-29")).iso(), "2024-02");
    for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "",
                            "abcd-ef", "1899-12"}) {
        EXPECT_FALSE(Month::parse_iso(bad)) << bad;
    }
}

// The calendar of `posts` from January to June 2026, as (in post, joined, left) per month; a
// protected count is -1.
std::vector<std::array<std::int64_t, 3>> calendar(const std::vector<AlisPost>& posts,
                                                  SmallCells cells = SmallCells::shown,
                                                  Date today = day("2026-06-15")) {
    std::vector<std::array<std::int64_t, 3>> result;
    for (const auto& m : stability_calendar(posts, *Month::parse_iso("2026-01"),
                                            *Month::parse_iso("2026-06"), today, cells)) {
        result.push_back({m.in_post.value_or(-1), m.joined.value_or(-1), m.left.value_or(-1)});
    }
    return result;
}

TEST(Stability, TheCalendarCountsThoseInPostAndThoseWhoJoinedAndLeftEachMonth) {
    const std::vector<AlisPost> posts = {
        post(1, "2025-06-01", "2026-02-10"),  // Before the window, left in February.
        post(2, "2026-02-15", nullptr),       // Joined in February.
        post(3, "2026-03-01", "2026-03-20"),  // Joined and left in March.
        // Two part-time posts at once, then one following without a gap: one stretch.
        post(4, "2026-01-01", "2026-04-30"), post(4, "2026-01-01", "2026-02-28"),
        post(4, "2026-05-01", nullptr),
        // A post that ends later this month has not ended yet.
        post(5, "2026-01-10", "2026-06-30"),
        // Back after a gap: a second stretch.
        post(6, "2026-01-01", "2026-01-31"), post(6, "2026-04-01", nullptr),
        post(7, "2026-07-01", nullptr),  // Not started: not counted.
    };
    using Row = std::array<std::int64_t, 3>;
    const std::vector<Row> expected = {
        Row{4, 3, 1},  // January: 1, 4, 5, 6 in post; 4, 5, 6 joined; 6 left.
        Row{4, 1, 1},  // February: 1 (left on the 10th), 2, 4, 5; 2 joined; 1 left.
        Row{4, 1, 1},  // March: 2, 3, 4, 5; 3 joined and left.
        Row{4, 1, 0},  // April: 2, 4, 5, 6 (back).
        Row{4, 0, 0},  // May.
        Row{4, 0, 0},  // June: 5 ends on the 30th, after today.
    };
    const auto rows = calendar(posts);
    EXPECT_EQ(rows, expected);
    // In post is last month's, less those who left then, plus those who joined.
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i][0], rows[i - 1][0] - rows[i - 1][2] + rows[i][1]) << i;
    }
}

TEST(Stability, OutsideTheMunicipalityAMonthCellOfOneToFourIsNotGiven) {
    std::vector<AlisPost> posts;
    for (int i = 1; i <= 6; ++i) {
        posts.push_back(post(i, "2025-01-01", i == 1 ? "2026-03-15" : nullptr));
    }
    const auto rows = calendar(posts, SmallCells::protected_);
    EXPECT_EQ(rows[0], (std::array<std::int64_t, 3>{6, 0, 0})) << "0 describes nobody";
    EXPECT_EQ(rows[2], (std::array<std::int64_t, 3>{6, 0, -1}));
    EXPECT_EQ(rows[3], (std::array<std::int64_t, 3>{5, 0, 0}));
    posts.pop_back();
    posts.pop_back();
    EXPECT_EQ(calendar(posts, SmallCells::protected_)[3][0], -1) << "four in post";
    EXPECT_EQ(calendar(posts, SmallCells::shown)[3][0], 3);
}

TEST(Stability, ACalendarWindowMustRunForwardEndThisMonthAtTheLatestAndBeAtMostTwentyYears) {
    const auto m = [](const char* text) { return *Month::parse_iso(text); };
    EXPECT_FALSE(check_calendar_window(m("2021-12"), m("2026-11"), kToday));
    EXPECT_FALSE(check_calendar_window(m("2026-11"), m("2026-11"), kToday));
    EXPECT_EQ(check_calendar_window(m("2026-11"), m("2026-10"), kToday),
              CalendarWindowProblem::reversed);
    EXPECT_EQ(check_calendar_window(m("2026-01"), m("2026-12"), kToday),
              CalendarWindowProblem::future);
    EXPECT_FALSE(check_calendar_window(m("2006-12"), m("2026-11"), kToday));
    EXPECT_EQ(check_calendar_window(m("2006-11"), m("2026-11"), kToday),
              CalendarWindowProblem::too_long);
    EXPECT_THROW(stability_calendar({}, m("2026-12"), m("2026-11"), kToday, SmallCells::shown),
                 std::invalid_argument);
}

}  // namespace stability_test
}  // namespace alis::domain
