// From ALIS posts to follow-up times and protected curves (domain/stability.hpp).
#include "domain/stability.hpp"

#include <gtest/gtest.h>

namespace alis::domain {
namespace {

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

}  // namespace
}  // namespace alis::domain
