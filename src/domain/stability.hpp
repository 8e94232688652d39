#pragma once

// Who stays and who leaves (issue 16; shared/domain.md §6): the ALIS posts of a scope turned into
// follow-up times and Kaplan–Meier curves of two outcomes, counted from the start of the post,
// grouped, with the small-cell protection that figures shown outside the doctor's own
// municipality need (docs/statistics.md).

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/departure.hpp"
#include "domain/person.hpp"
#include "domain/survival.hpp"

namespace alis::domain {

// One ALIS post: an employment in general practice (a list post or other general practice; not
// institution service, which is part of the path, not a post), with the facts the groups and the
// outcomes need.
struct AlisPost {
    std::int64_t person_id = 0;
    std::int64_t employment_id = 0;
    std::string municipality_number;
    std::string alis_office;
    int centrality_class = 1;
    Date starts_on;
    std::optional<Date> ends_on;
    PostType post_type = PostType::gp_list;
    PayModel pay_model = PayModel::salaried;
    TrainingStatus training_status = TrainingStatus::in_training;  // The person's, today.
    std::optional<Departure> departure;
};

// What is followed:
// - in_post: each post, from its start until it ends (the event) or today (censored);
// - in_training: each doctor, from the start of their first post until they left the training
//   (the event: status `left`, at the end of their last post), censored today while in training,
//   and at the end of their last post when they became a specialist (who did not leave).
enum class StabilityOutcome { in_post, in_training };

// Whether groups built from few doctors may be shown: in full inside the doctor's own
// municipality; outside it (the region, the country) a group of fewer than kMinCell subjects is
// left out, and a curve stops before the numbers at risk fall below kMinCell.
enum class SmallCells { shown, protected_ };
inline constexpr std::int64_t kMinCell = 5;

// One subject of the follow-up and the post its groups are read from (the first post, for
// in_training).
struct FollowedSubject {
    SurvivalTime time;
    const AlisPost* post = nullptr;
};

// The subjects of `outcome` among `posts` on `today`; posts that start after today are not yet
// followed. Throws std::invalid_argument for a post that ends before it starts.
std::vector<FollowedSubject> followed_subjects(std::span<const AlisPost> posts,
                                               StabilityOutcome outcome, Date today);

// The curves of the groups (by key, in key order), and the log-rank test between those shown.
struct StabilityGroupCurve {
    std::string key;
    KaplanMeierCurve curve;
};
struct StabilityFigures {
    std::vector<StabilityGroupCurve> groups;
    std::optional<LogRankTest> log_rank;
    int groups_left_out = 0;  // Groups of fewer than kMinCell subjects, under protection.
};

// Groups the subjects by `key_of(post)` and estimates each group's curve, protected as `cells`
// says.
template <typename KeyOf>
StabilityFigures stability_figures(const std::vector<FollowedSubject>& subjects, KeyOf key_of,
                                   SmallCells cells);

// The same for keys already drawn: `groups[i]` holds the subjects of one key.
StabilityFigures stability_figures(std::vector<SurvivalGroup> groups, SmallCells cells);

// A curve read `day` days from the start, as a table or a chart under it shows it:
// - at_risk: those still followed then (the first step from `day` on has them); past the last step
//   0, or nullopt when protection cut the curve short while some were still followed (fewer than
//   kMinCell);
// - survival, lower, upper: the estimate and its interval just after the last step at or before
//   `day` (1 before the first step); nullopt past the curve's last step, and the limits once the
//   estimate is 0.
struct CurveReading {
    std::optional<std::int64_t> at_risk;
    std::optional<double> survival;
    std::optional<double> lower;
    std::optional<double> upper;
};
CurveReading read_curve(const KaplanMeierCurve& curve, std::int64_t day);

// The calendar view of the follow-up studies' figures: month by month, how many ALIS were in
// post, how many joined and how many left. A doctor counts once per stretch of posts in the scope
// (posts that overlap or follow each other without a day between are one stretch, so a doctor
// with two part-time posts is one), and a stretch:
// - is in post in every month it has a day in;
// - joined in the month of its first day;
// - left in the month of its last day, once that day has passed (an end today or later is not
//   yet a departure, as for in_post above).
// So in_post of a month is in_post of the month before, less those who left then, plus those who
// joined. Posts that start after today are not counted. Under protection a count of 1 to
// kMinCell - 1 is not given (nullopt); 0 describes nobody and is given.
struct CalendarMonth {
    Month month;
    std::optional<std::int64_t> in_post;
    std::optional<std::int64_t> joined;
    std::optional<std::int64_t> left;
};

// Why a window of months cannot be shown: it ends before it starts, it reaches past the month of
// today, or it is longer than kMaxCalendarMonths.
enum class CalendarWindowProblem { reversed, future, too_long };
inline constexpr int kMaxCalendarMonths = 240;
std::optional<CalendarWindowProblem> check_calendar_window(Month from, Month to, Date today);

// The months `from` to `to` (both included) of `posts` on `today`. Throws std::invalid_argument
// for a window check_calendar_window refuses, or a post that ends before it starts.
std::vector<CalendarMonth> stability_calendar(std::span<const AlisPost> posts, Month from, Month to,
                                              Date today, SmallCells cells);

template <typename KeyOf>
StabilityFigures stability_figures(const std::vector<FollowedSubject>& subjects, KeyOf key_of,
                                   SmallCells cells) {
    std::vector<SurvivalGroup> groups;
    for (const auto& s : subjects) {
        std::string key = key_of(*s.post);
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const SurvivalGroup& g) { return g.key == key; });
        if (it == groups.end()) {
            groups.push_back({std::move(key), {}});
            it = groups.end() - 1;
        }
        it->subjects.push_back(s.time);
    }
    return stability_figures(std::move(groups), cells);
}

}  // namespace alis::domain
