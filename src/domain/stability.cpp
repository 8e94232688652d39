#include "domain/stability.hpp"

#include <map>
#include <stdexcept>

namespace alis::domain {
namespace {

// Days of follow-up from `from` to `to`, both counted: a post of one day was held for one day.
std::int64_t days_held(Date from, Date to) {
    if (to < from) {
        throw std::invalid_argument("a post ends before it starts");
    }
    return std::int64_t{to.days_since_epoch()} - from.days_since_epoch() + 1;
}

}  // namespace

std::vector<FollowedSubject> followed_subjects(std::span<const AlisPost> posts,
                                               StabilityOutcome outcome, Date today) {
    std::vector<FollowedSubject> subjects;
    if (outcome == StabilityOutcome::in_post) {
        for (const auto& p : posts) {
            if (today < p.starts_on) {
                continue;
            }
            const bool ended = p.ends_on && *p.ends_on < today;
            const Date until = ended ? *p.ends_on : today;
            subjects.push_back({{days_held(p.starts_on, until),
                                 ended ? FollowUpEnd::event : FollowUpEnd::censored},
                                &p});
        }
        return subjects;
    }
    // in_training: one subject per doctor, from their first post to their last.
    struct Span {
        const AlisPost* first = nullptr;
        std::optional<Date> last_end;
        bool open = false;  // A post still held (or without an end date).
    };
    std::map<std::int64_t, Span> doctors;
    for (const auto& p : posts) {
        if (today < p.starts_on) {
            continue;
        }
        auto& d = doctors[p.person_id];
        if (d.first == nullptr || p.starts_on < d.first->starts_on) {
            d.first = &p;
        }
        if (!p.ends_on || !(*p.ends_on < today)) {
            d.open = true;
        } else if (!d.last_end || *d.last_end < *p.ends_on) {
            d.last_end = p.ends_on;
        }
    }
    for (const auto& [person, d] : doctors) {
        const auto status = d.first->training_status;
        const bool left = status == TrainingStatus::left && !d.open && d.last_end;
        const bool finished = status == TrainingStatus::specialist && !d.open && d.last_end;
        const Date until = left || finished ? *d.last_end : today;
        subjects.push_back({{days_held(d.first->starts_on, until),
                             left ? FollowUpEnd::event : FollowUpEnd::censored},
                            d.first});
    }
    return subjects;
}

StabilityFigures stability_figures(std::vector<SurvivalGroup> groups, SmallCells cells) {
    std::sort(groups.begin(), groups.end(),
              [](const SurvivalGroup& a, const SurvivalGroup& b) { return a.key < b.key; });
    StabilityFigures figures;
    std::vector<SurvivalGroup> shown;
    for (auto& g : groups) {
        if (cells == SmallCells::protected_ &&
            static_cast<std::int64_t>(g.subjects.size()) < kMinCell) {
            ++figures.groups_left_out;
            continue;
        }
        auto curve = kaplan_meier(g.subjects);
        if (cells == SmallCells::protected_) {
            const auto few =
                std::find_if(curve.steps.begin(), curve.steps.end(),
                             [](const KaplanMeierStep& s) { return s.at_risk < kMinCell; });
            curve.steps.erase(few, curve.steps.end());
        }
        figures.groups.push_back({g.key, std::move(curve)});
        shown.push_back(std::move(g));
    }
    figures.log_rank = log_rank(shown);
    return figures;
}

}  // namespace alis::domain
