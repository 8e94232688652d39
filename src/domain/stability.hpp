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
