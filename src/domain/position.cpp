#include "domain/position.hpp"

#include <algorithm>
#include <utility>

#include "domain/training_path.hpp"

namespace alis::domain {

PeakPosition peak_position(const std::vector<PositionSpan>& existing, const PositionSpan& added) {
    const Date last_day = *Date::from_ymd(kLatestYear, 12, 31);
    const Date added_to = added.to.value_or(last_day);
    // (day, change): a span adds its percent on its first day and removes it the day after its
    // last. Removals sort before additions on the same day.
    std::vector<std::pair<Date, int>> changes;
    changes.emplace_back(added.from, added.percent);
    for (const auto& span : existing) {
        const Date to = span.to.value_or(last_day);
        if (to < added.from || added_to < span.from) {
            continue;
        }
        changes.emplace_back(std::max(span.from, added.from), span.percent);
        if (to < added_to) {
            changes.emplace_back(to.plus_days(1), -span.percent);
        }
    }
    std::sort(changes.begin(), changes.end());
    PeakPosition peak{0, added.from};
    int total = 0;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        total += changes[i].second;
        const bool last_change_of_day =
            i + 1 == changes.size() || changes[i + 1].first != changes[i].first;
        if (last_change_of_day && total > peak.percent) {
            peak = {total, changes[i].first};
        }
    }
    return peak;
}

}  // namespace alis::domain
