#include "domain/education_plan.hpp"

#include <algorithm>

namespace alis::domain {

std::vector<PlanChange> plan_changes(const std::optional<EducationPlan>& previous,
                                     const EducationPlan& current) {
    if (!previous) {
        return {PlanChange{PlanChange::Kind::created, std::nullopt}};
    }
    std::vector<PlanChange> changes;
    // Periods are compared as multisets: a period kept as it was is no change, wherever it moved
    // in the list.
    std::vector<bool> matched(current.periods.size(), false);
    for (const auto& old_period : previous->periods) {
        bool kept = false;
        for (std::size_t i = 0; i < current.periods.size(); ++i) {
            if (!matched[i] && current.periods[i] == old_period) {
                matched[i] = true;
                kept = true;
                break;
            }
        }
        if (!kept) {
            changes.push_back({PlanChange::Kind::period_removed, old_period});
        }
    }
    for (std::size_t i = 0; i < current.periods.size(); ++i) {
        if (!matched[i]) {
            changes.push_back({PlanChange::Kind::period_added, current.periods[i]});
        }
    }
    if (previous->supervision_group != current.supervision_group) {
        changes.push_back({PlanChange::Kind::supervision_group, std::nullopt});
    }
    if (previous->courses != current.courses) {
        changes.push_back({PlanChange::Kind::courses, std::nullopt});
    }
    if (previous->next_months != current.next_months) {
        changes.push_back({PlanChange::Kind::next_months, std::nullopt});
    }
    return changes;
}

Date revision_due(Date revised_on) {
    const auto ymd = revised_on.ymd();
    const int year = ymd.year + 1;
    return *Date::from_ymd(year, ymd.month, std::min(ymd.day, days_in_month(year, ymd.month)));
}

std::optional<PlanOverlap> first_overlap_over_100(const std::vector<PlannedPeriod>& periods) {
    // The total position can only rise on a day some period starts, so those days suffice.
    std::optional<PlanOverlap> first;
    for (const auto& start : periods) {
        const Date day = start.from;
        if (first && first->day <= day) {
            continue;
        }
        int total = 0;
        std::optional<std::size_t> crossing;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const auto& p = periods[i];
            if (p.from <= day && day <= p.to) {
                total += p.fte;
                if (total > 100 && !crossing) {
                    crossing = i;
                }
            }
        }
        if (crossing) {
            first = PlanOverlap{day, *crossing, total};
        }
    }
    return first;
}

TrainingPath path_with_plan(const TrainingPath& actual, const EducationPlan& plan) {
    TrainingPath path = actual;
    path.periods.clear();
    const Date today = actual.as_of;
    for (auto period : actual.periods) {
        if (period.from > today) {
            continue;
        }
        if (!period.to || *period.to > today) {
            period.to = today;
        }
        path.periods.push_back(period);
    }
    const Date tomorrow = today.plus_days(1);
    for (const auto& planned : plan.periods) {
        if (planned.to < tomorrow) {
            continue;
        }
        PathPeriod period;
        period.from = std::max(planned.from, tomorrow);
        period.to = planned.to;
        period.arena = planned.arena;
        period.fte = static_cast<PositionPpm>(planned.fte) * (kFullTime / 100);
        period.registered = true;
        path.periods.push_back(period);
    }
    return path;
}

std::optional<Date> plan_end(const EducationPlan& plan) {
    std::optional<Date> end;
    for (const auto& p : plan.periods) {
        if (!end || p.to > *end) {
            end = p.to;
        }
    }
    return end;
}

TrainingPath clip_path(const TrainingPath& path, Date from, Date to) {
    TrainingPath clipped = path;
    clipped.periods.clear();
    for (auto period : path.periods) {
        if (period.from > to || (period.to && *period.to < from)) {
            continue;
        }
        period.from = std::max(period.from, from);
        period.to = period.to ? std::min(*period.to, to) : to;
        clipped.periods.push_back(period);
    }
    return clipped;
}

}  // namespace alis::domain
