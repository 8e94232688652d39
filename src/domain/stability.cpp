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

CurveReading read_curve(const KaplanMeierCurve& curve, std::int64_t day) {
    CurveReading reading;
    const auto next = std::find_if(curve.steps.begin(), curve.steps.end(),
                                   [&](const KaplanMeierStep& s) { return s.time >= day; });
    if (next != curve.steps.end()) {
        reading.at_risk = next->at_risk;
    } else if (curve.steps.empty()) {
        reading.at_risk = curve.subjects > 0 ? std::nullopt : std::optional<std::int64_t>(0);
    } else {
        const auto& last = curve.steps.back();
        const std::int64_t remaining = last.at_risk - last.events - last.censored;
        reading.at_risk = remaining > 0 ? std::nullopt : std::optional<std::int64_t>(0);
    }
    if (curve.steps.empty() || curve.steps.back().time < day) {
        return reading;
    }
    const auto at = std::find_if(curve.steps.rbegin(), curve.steps.rend(),
                                 [&](const KaplanMeierStep& s) { return s.time <= day; });
    if (at == curve.steps.rend()) {
        reading.survival = reading.lower = reading.upper = 1.0;
    } else {
        reading.survival = at->survival;
        reading.lower = at->lower;
        reading.upper = at->upper;
    }
    return reading;
}

std::optional<CalendarWindowProblem> check_calendar_window(Month from, Month to, Date today) {
    if (to < from) {
        return CalendarWindowProblem::reversed;
    }
    if (Month::of(today) < to) {
        return CalendarWindowProblem::future;
    }
    if (months_between(from, to) >= kMaxCalendarMonths) {
        return CalendarWindowProblem::too_long;
    }
    return std::nullopt;
}

std::vector<CalendarMonth> stability_calendar(std::span<const AlisPost> posts, Month from, Month to,
                                              Date today, SmallCells cells) {
    if (check_calendar_window(from, to, today)) {
        throw std::invalid_argument("a calendar window that cannot be shown");
    }
    // Each doctor's posts that have started, in order, with an end that has not passed open.
    struct Held {
        Date from;
        std::optional<Date> to;
    };
    std::map<std::int64_t, std::vector<Held>> doctors;
    for (const auto& p : posts) {
        if (today < p.starts_on) {
            continue;
        }
        if (p.ends_on && *p.ends_on < p.starts_on) {
            throw std::invalid_argument("a post ends before it starts");
        }
        const bool ended = p.ends_on && *p.ends_on < today;
        doctors[p.person_id].push_back({p.starts_on, ended ? p.ends_on : std::nullopt});
    }
    const int months = months_between(from, to) + 1;
    // Differences of in_post from one month to the next, and the counts of each month.
    std::vector<std::int64_t> change(static_cast<std::size_t>(months) + 1, 0);
    std::vector<std::int64_t> joined(static_cast<std::size_t>(months), 0);
    std::vector<std::int64_t> left(static_cast<std::size_t>(months), 0);
    const auto count_stretch = [&](const Held& h) {
        const int first = months_between(from, Month::of(h.from));
        const int last = h.to ? months_between(from, Month::of(*h.to)) : months - 1;
        if (last < 0 || first >= months) {
            return;
        }
        change[static_cast<std::size_t>(std::max(first, 0))] += 1;
        change[static_cast<std::size_t>(std::min(last, months - 1)) + 1] -= 1;
        if (first >= 0) {
            ++joined[static_cast<std::size_t>(first)];
        }
        if (h.to && last < months) {
            ++left[static_cast<std::size_t>(last)];
        }
    };
    for (auto& [person, held] : doctors) {
        std::sort(held.begin(), held.end(),
                  [](const Held& a, const Held& b) { return a.from < b.from; });
        Held stretch = held.front();
        for (std::size_t i = 1; i < held.size(); ++i) {
            if (stretch.to && stretch.to->plus_days(1) < held[i].from) {
                count_stretch(stretch);
                stretch = held[i];
            } else if (stretch.to && (!held[i].to || *stretch.to < *held[i].to)) {
                stretch.to = held[i].to;
            }
        }
        count_stretch(stretch);
    }
    const auto cell = [&](std::int64_t count) {
        const bool hidden = cells == SmallCells::protected_ && count > 0 && count < kMinCell;
        return hidden ? std::nullopt : std::optional<std::int64_t>(count);
    };
    std::vector<CalendarMonth> result;
    std::int64_t in_post = 0;
    for (int i = 0; i < months; ++i) {
        const auto at = static_cast<std::size_t>(i);
        in_post += change[at];
        result.push_back({from.plus(i), cell(in_post), cell(joined[at]), cell(left[at])});
    }
    return result;
}

}  // namespace alis::domain
