#include "domain/ledger.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <limits>
#include <string>
#include <utility>

namespace alis::domain {
namespace {

// How the engine works (docs/ledger.md explains the rules themselves):
//
// Days are never visited one by one. Every date has a position on a "ruler" measured in
// 1/kMonthParts of a month: month_index * kMonthParts + (day - 1) * kMonthParts / days_in_month.
// A day is worth exactly 1/days_in_month of a month, so the ruler distance between the start of
// two dates is the exact calendar time between them, and service at a constant position p (ppm)
// over a stretch of days is p * distance units. The path is cut at every period boundary (and at
// LIS1 and as_of) into segments of constant state; each segment adds rate * distance to each
// counter. A requirement that becomes met inside a segment is located by a binary search over
// the ruler, and the ruler mark is turned back into a date.

constexpr std::size_t kArenas = kCountingArenaCount;
constexpr std::size_t kWarningCodeCount = 5;
constexpr MonthUnits kNoCap = std::numeric_limits<MonthUnits>::max();
constexpr std::int32_t kNever = std::numeric_limits<std::int32_t>::max();

using ArenaAmounts = std::array<std::int64_t, kArenas>;

// The ruler parts one day of a month of `days` days is worth: kMonthParts / days, without a
// division (this runs for every segment boundary).
constexpr std::int64_t parts_per_day(int days) {
    switch (days) {
        case 28:
            return kMonthParts / 28;
        case 29:
            return kMonthParts / 29;
        case 30:
            return kMonthParts / 30;
        default:
            return kMonthParts / 31;
    }
}

// The start of `date` on the ruler.
std::int64_t ruler_mark(Date date) {
    const YearMonthDay d = date.ymd();
    const std::int64_t month_index = std::int64_t{d.year} * 12 + (d.month - 1);
    return month_index * kMonthParts +
           std::int64_t{d.day - 1} * parts_per_day(days_in_month(d.year, d.month));
}

// "22.11.2026", as Date::norwegian() writes it, without going through printf.
std::string norwegian_date(Date date) {
    const YearMonthDay d = date.ymd();
    std::string text = "00.00.0000";
    text[0] = static_cast<char>('0' + d.day / 10);
    text[1] = static_cast<char>('0' + d.day % 10);
    text[3] = static_cast<char>('0' + d.month / 10);
    text[4] = static_cast<char>('0' + d.month % 10);
    for (int i = 9, year = d.year; i >= 6; --i, year /= 10) {
        text[static_cast<std::size_t>(i)] = static_cast<char>('0' + year % 10);
    }
    return text;
}

// The first date whose start on the ruler is at or after `mark`; nullopt after 9999-12-31.
std::optional<Date> first_date_from(std::int64_t mark) {
    std::int64_t month_index = mark / kMonthParts;
    const std::int64_t rest = mark % kMonthParts;
    std::int64_t day = 1;
    if (rest != 0) {
        const auto year = static_cast<int>(std::min<std::int64_t>(month_index / 12, 10000));
        const int month = static_cast<int>(month_index % 12) + 1;
        const std::int64_t per_day = parts_per_day(days_in_month(year, month));
        day = 1 + (rest + per_day - 1) / per_day;
        if (day > days_in_month(year, month)) {
            ++month_index;
            day = 1;
        }
    }
    if (month_index >= std::int64_t{10000} * 12) {
        return std::nullopt;
    }
    return Date::from_ymd(static_cast<int>(month_index / 12),
                          static_cast<int>(month_index % 12) + 1, static_cast<int>(day));
}

// The position held on the days of one segment.
struct DayPosition {
    ArenaAmounts eligible{};    // registered posts that may count (ppm, summed over periods)
    ArenaAmounts ineligible{};  // unregistered posts, or posts below a per-post minimum
    std::int64_t other = 0;     // the arena "other"
    int leave = 0;              // how many leave periods run
    bool before_lis1 = false;

    // The doctor's total position: the counting arenas, eligible or not.
    std::int64_t total() const {
        std::int64_t sum = 0;
        for (std::size_t a = 0; a < kArenas; ++a) {
            sum += eligible[a] + ineligible[a];
        }
        return sum;
    }
};

// The share of a day each group counts for, after scaling a day above 100 % down to 100 %.
struct DayShares {
    ArenaAmounts eligible{};
    ArenaAmounts ineligible{};
};

// Scales the groups of `position` so that they sum to exactly kFullTime when the total is above
// it. Each share is rounded down to a whole ppm and the few ppm left go to the largest remainders
// (ties: open, other, institution; eligible before ineligible). The shares depend only on the
// summed position per group, never on how the input splits or orders its periods.
DayShares scale_to_full_time(const DayPosition& position, std::int64_t total) {
    DayShares shares{position.eligible, position.ineligible};
    if (total <= kFullTime) {
        return shares;
    }
    std::array<std::int64_t*, 2 * kArenas> groups{};
    for (std::size_t a = 0; a < kArenas; ++a) {
        groups[a] = &shares.eligible[a];
        groups[kArenas + a] = &shares.ineligible[a];
    }
    std::array<std::int64_t, 2 * kArenas> remainder{};
    std::int64_t assigned = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::int64_t raw = *groups[g];
        *groups[g] = raw * kFullTime / total;
        remainder[g] = raw * kFullTime % total;
        assigned += *groups[g];
    }
    for (std::int64_t left = kFullTime - assigned; left > 0; --left) {
        std::size_t best = 0;
        for (std::size_t g = 1; g < groups.size(); ++g) {
            if (remainder[g] > remainder[best]) {
                best = g;
            }
        }
        ++*groups[best];
        remainder[best] = -1;
    }
    return shares;
}

// One requirement being followed through the path.
struct RequirementTrack {
    const Requirement* requirement = nullptr;
    std::array<bool, kArenas> arenas{};
    ArenaAmounts cap{};  // kNoCap where none
    ArenaAmounts counted{};
    MonthUnits target = 0;
    std::int32_t met_on = kNever;  // the day (since epoch) it is first met, if found

    // The counted amount, with caps.
    MonthUnits value() const {
        MonthUnits sum = 0;
        for (std::size_t a = 0; a < kArenas; ++a) {
            sum += std::min(counted[a], cap[a]);
        }
        return sum;
    }

    // Whether the requirement is met after `parts` more ruler parts at `rate` per part. Each
    // arena's amount is clamped at min(cap, target), which keeps the verdict and avoids overflow
    // however far ahead the question looks.
    bool met_after(const ArenaAmounts& rate, std::int64_t parts) const {
        MonthUnits sum = 0;
        for (std::size_t a = 0; a < kArenas; ++a) {
            const MonthUnits ceiling = std::min(cap[a], target);
            MonthUnits amount = counted[a];
            MonthUnits gain = 0;
            if (amount >= ceiling || __builtin_mul_overflow(rate[a], parts, &gain) ||
                gain >= ceiling - amount) {
                amount = ceiling;
            } else {
                amount += gain;
            }
            sum += amount;
        }
        return sum >= target;
    }

    // The fewest ruler parts (at least 1) after which the requirement is met at `rate`, searching
    // up to `limit`; nullopt when it is not met within `limit`.
    std::optional<std::int64_t> parts_until_met(const ArenaAmounts& rate,
                                                std::int64_t limit) const {
        if (limit < 1 || !met_after(rate, limit)) {
            return std::nullopt;
        }
        std::int64_t low = 1;
        std::int64_t high = limit;
        while (low < high) {
            const std::int64_t middle = low + (high - low) / 2;
            if (met_after(rate, middle)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    // The ruler parts after which no arena grows any more at `rate` (every one at its ceiling).
    std::int64_t parts_until_saturated(const ArenaAmounts& rate) const {
        std::int64_t parts = 1;
        for (std::size_t a = 0; a < kArenas; ++a) {
            const MonthUnits ceiling = std::min(cap[a], target);
            if (rate[a] > 0 && counted[a] < ceiling) {
                parts = std::max(parts, (ceiling - counted[a] + rate[a] - 1) / rate[a]);
            }
        }
        return parts;
    }
};

enum class EventKind : std::uint8_t { start, end, lis1_passed, as_of_passed };

struct Event {
    std::int32_t day;
    EventKind kind;
    std::uint32_t period;
};

constexpr std::size_t code_index(WarningCode code) {
    return static_cast<std::size_t>(code);
}

// Norwegian percentage: 50 -> "50", 37.5 -> "37,5".
std::string percent_text(PositionPpm ppm) {
    std::string text = std::to_string(ppm / 10'000);
    std::int32_t fraction = ppm % 10'000;
    if (fraction != 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, 4 - digits.size(), '0');
        while (digits.back() == '0') {
            digits.pop_back();
        }
        text += "," + digits;
    }
    return text;
}

// Follows one path through time. Used once per evaluate().
class LedgerEngine {
  public:
    LedgerEngine(const TrainingPath& path, const Ruleset& ruleset)
        : path_(path),
          ruleset_(ruleset),
          first_seen_(path.periods.size() * kWarningCodeCount, kNever) {
        active_.reserve(path.periods.size());
        tracks_.reserve(ruleset.requirements.size());
        snapshot_requirements_.resize(ruleset.requirements.size());
        for (const Requirement& requirement : ruleset.requirements) {
            RequirementTrack track;
            track.requirement = &requirement;
            track.target = months_to_units(requirement.months);
            track.cap.fill(kNoCap);
            if (requirement.basis == RequirementBasis::total) {
                track.arenas = ruleset.total_arenas;
                for (std::size_t a = 0; a < kArenas; ++a) {
                    if (ruleset.caps[a]) {
                        track.cap[a] = months_to_units(*ruleset.caps[a]);
                    }
                }
            } else {
                track.arenas = requirement.arenas;
            }
            tracks_.push_back(track);
        }
    }

    LedgerReport run() {
        build_events();
        std::size_t i = 0;
        std::int32_t day = events_.empty() ? 0 : events_.front().day;
        std::int64_t mark = ruler_mark(Date::from_days(day));
        while (i < events_.size()) {
            day = events_[i].day;
            while (i < events_.size() && events_[i].day == day) {
                apply(events_[i]);
                ++i;
            }
            if (i == events_.size()) {
                break;
            }
            const std::int32_t next = events_[i].day;
            const std::int64_t next_mark = ruler_mark(Date::from_days(next));
            if (!active_.empty()) {
                count_segment(day, mark, next_mark - mark);
            }
            mark = next_mark;
        }
        follow_plan_beyond(day, mark);
        return report();
    }

  private:
    bool is_eligible(const PathPeriod& period) const {
        return period.registered && !(ruleset_.min_fte_basis == MinimumFteBasis::period &&
                                      period.fte < ruleset_.min_fte);
    }

    void build_events() {
        events_.reserve(2 * path_.periods.size() + 2);
        for (std::size_t p = 0; p < path_.periods.size(); ++p) {
            const PathPeriod& period = path_.periods[p];
            const auto index = static_cast<std::uint32_t>(p);
            events_.push_back({period.from.days_since_epoch(), EventKind::start, index});
            if (period.to) {
                events_.push_back({period.to->days_since_epoch() + 1, EventKind::end, index});
            }
        }
        if (path_.lis1_completed) {
            position_.before_lis1 = true;
            events_.push_back(
                {path_.lis1_completed->days_since_epoch() + 1, EventKind::lis1_passed, 0});
        }
        events_.push_back({path_.as_of.days_since_epoch() + 1, EventKind::as_of_passed, 0});
        std::sort(events_.begin(), events_.end(),
                  [](const Event& a, const Event& b) { return a.day < b.day; });
    }

    void apply(const Event& event) {
        switch (event.kind) {
            case EventKind::start:
            case EventKind::end: {
                const bool start = event.kind == EventKind::start;
                const PathPeriod& period = path_.periods[event.period];
                const std::int64_t sign = start ? 1 : -1;
                if (period.arena == Arena::leave) {
                    position_.leave += start ? 1 : -1;
                } else if (period.arena == Arena::other) {
                    position_.other += sign * period.fte;
                } else {
                    ArenaAmounts& group =
                        is_eligible(period) ? position_.eligible : position_.ineligible;
                    group[counting_index(period.arena)] += sign * period.fte;
                }
                if (start) {
                    active_.push_back(event.period);
                } else {
                    const auto found = std::find(active_.begin(), active_.end(), event.period);
                    *found = active_.back();
                    active_.pop_back();
                }
                break;
            }
            case EventKind::lis1_passed:
                position_.before_lis1 = false;
                break;
            case EventKind::as_of_passed:
                take_snapshot();
                break;
        }
    }

    void take_snapshot() {
        snapshot_counted_ = counted_;
        snapshot_not_counted_ = not_counted_;
        for (std::size_t r = 0; r < tracks_.size(); ++r) {
            snapshot_requirements_[r] = tracks_[r].value();
        }
    }

    // Whether the days of the current state count at all (as opposed to counting nothing).
    bool days_count(std::int64_t total) const {
        if (position_.leave > 0 || position_.before_lis1) {
            return false;
        }
        return !(ruleset_.min_fte_basis == MinimumFteBasis::day && total < ruleset_.min_fte);
    }

    // What each requirement gains per ruler part in the current state.
    ArenaAmounts requirement_rate(const RequirementTrack& track, const DayShares& shares,
                                  bool count) const {
        ArenaAmounts rate{};
        if (!count) {
            return rate;
        }
        for (std::size_t a = 0; a < kArenas; ++a) {
            rate[a] = track.arenas[a] ? shares.eligible[a] : 0;
        }
        return rate;
    }

    // Counts the days from `day` over `parts` ruler parts (at least one day) in the current state.
    void count_segment(std::int32_t day, std::int64_t mark, std::int64_t parts) {
        if (position_.leave > 0) {
            return;
        }
        const std::int64_t total = position_.total();
        note_warnings(day, total);
        const DayShares shares = scale_to_full_time(position_, total);
        const bool count = days_count(total);
        std::int64_t lost = position_.other;
        for (std::size_t a = 0; a < kArenas; ++a) {
            lost += shares.ineligible[a] + (count ? 0 : shares.eligible[a]);
            counted_[a] += count ? shares.eligible[a] * parts : 0;
        }
        not_counted_ += lost * parts;
        for (RequirementTrack& track : tracks_) {
            const ArenaAmounts rate = requirement_rate(track, shares, count);
            if (track.met_on == kNever) {
                if (const auto needed = track.parts_until_met(rate, parts)) {
                    track.met_on = last_day_counted(mark + *needed);
                }
            }
            for (std::size_t a = 0; a < kArenas; ++a) {
                track.counted[a] += rate[a] * parts;
            }
        }
    }

    // After the last boundary the state never changes: only ongoing periods run.
    void follow_plan_beyond(std::int32_t day, std::int64_t mark) {
        if (active_.empty()) {
            return;
        }
        if (position_.leave > 0) {
            return;
        }
        const std::int64_t total = position_.total();
        note_warnings(day, total);
        const DayShares shares = scale_to_full_time(position_, total);
        const bool count = days_count(total);
        for (RequirementTrack& track : tracks_) {
            if (track.met_on != kNever) {
                continue;
            }
            const ArenaAmounts rate = requirement_rate(track, shares, count);
            if (const auto needed =
                    track.parts_until_met(rate, track.parts_until_saturated(rate))) {
                track.met_on = last_day_counted(mark + *needed);
            }
        }
    }

    // The day whose end first reaches ruler mark `mark`, or kNever beyond the calendar.
    static std::int32_t last_day_counted(std::int64_t mark) {
        const auto next = first_date_from(mark);
        return next ? next->days_since_epoch() - 1 : kNever;
    }

    void note(std::uint32_t period, WarningCode code, std::int32_t day) {
        std::int32_t& seen = first_seen_[period * kWarningCodeCount + code_index(code)];
        seen = std::min(seen, day);
    }

    // Records, for each period running from `day` on, the first day of each warning's condition.
    void note_warnings(std::int32_t day, std::int64_t total) {
        std::int64_t ineligible = 0;
        for (const std::int64_t amount : position_.ineligible) {
            ineligible += amount;
        }
        const bool below_day_minimum =
            ruleset_.min_fte_basis == MinimumFteBasis::day && total < ruleset_.min_fte;
        const bool anything =
            position_.other > 0 || (total > 0 && (position_.before_lis1 || ineligible > 0 ||
                                                  total > kFullTime || below_day_minimum));
        if (!anything) {
            return;
        }
        for (const std::uint32_t p : active_) {
            const PathPeriod& period = path_.periods[p];
            if (period.arena == Arena::leave) {
                continue;
            }
            if (period.arena == Arena::other) {
                note(p, WarningCode::other_arena, day);
                continue;
            }
            if (position_.before_lis1) {
                note(p, WarningCode::before_lis1, day);
                continue;
            }
            if (!period.registered) {
                note(p, WarningCode::unregistered_enterprise, day);
            } else if (!is_eligible(period) || below_day_minimum) {
                note(p, WarningCode::below_min_fte, day);
            }
            if (total > kFullTime) {
                note(p, WarningCode::fte_over_100, day);
            }
        }
    }

    std::string warning_message(WarningCode code, const PathPeriod& period,
                                std::int32_t first_day) const {
        const std::string from = norwegian_date(Date::from_days(first_day));
        switch (code) {
            case WarningCode::fte_over_100:
                return "Samlet stilling er over 100 % fra " + from +
                       "; de samtidige periodene skaleres ned så dagen teller som 100 %.";
            case WarningCode::below_min_fte:
                if (ruleset_.min_fte_basis == MinimumFteBasis::period) {
                    return "Stillingen på " + percent_text(period.fte) +
                           " % er under minstekravet på " + percent_text(ruleset_.min_fte) +
                           " %; perioden teller ikke.";
                }
                return "Samlet stilling er under " + percent_text(ruleset_.min_fte) + " % fra " +
                       from + "; slike dager teller ikke.";
            case WarningCode::unregistered_enterprise:
                return "Arbeidsgiveren var ikke registrert utdanningsvirksomhet; tjenesten teller "
                       "ikke.";
            case WarningCode::before_lis1:
                return "Tjeneste til og med " + norwegian_date(*path_.lis1_completed) +
                       " (LIS1 fullført) teller ikke.";
            case WarningCode::other_arena:
                return "Tjeneste i arenaen «other» teller ikke mot kravene.";
        }
        return {};
    }

    LedgerReport report() const {
        LedgerReport report;
        report.as_of = path_.as_of;
        report.ruleset = ruleset_.id;
        report.ruleset_name = ruleset_.name;
        report.months.by_arena = snapshot_counted_;
        report.months.not_counted = snapshot_not_counted_;
        for (std::size_t a = 0; a < kArenas; ++a) {
            if (ruleset_.total_arenas[a]) {
                const MonthUnits cap =
                    ruleset_.caps[a] ? months_to_units(*ruleset_.caps[a]) : kNoCap;
                report.months.total += std::min(snapshot_counted_[a], cap);
            }
        }
        report.complete = true;
        report.requirements.reserve(tracks_.size());
        std::int32_t completion = std::numeric_limits<std::int32_t>::min();
        for (std::size_t r = 0; r < tracks_.size(); ++r) {
            const RequirementTrack& track = tracks_[r];
            RequirementStatus status;
            status.id = track.requirement->id;
            status.name = track.requirement->name;
            status.required = track.target;
            status.counted = snapshot_requirements_[r];
            status.remaining = std::max<MonthUnits>(0, status.required - status.counted);
            status.met = status.counted >= status.required;
            report.complete = report.complete && status.met;
            completion = std::max(completion, track.met_on);
            report.requirements.push_back(std::move(status));
        }
        if (!tracks_.empty() && completion != kNever) {
            report.projected_completion = Date::from_days(completion);
        }
        report.warnings.reserve(static_cast<std::size_t>(
            std::count_if(first_seen_.begin(), first_seen_.end(),
                          [](std::int32_t first) { return first != kNever; })));
        for (std::size_t p = 0; p < path_.periods.size(); ++p) {
            for (std::size_t c = 0; c < kWarningCodeCount; ++c) {
                const std::int32_t first = first_seen_[p * kWarningCodeCount + c];
                if (first != kNever) {
                    const auto code = static_cast<WarningCode>(c);
                    report.warnings.push_back(
                        {code, p, warning_message(code, path_.periods[p], first)});
                }
            }
        }
        return report;
    }

    const TrainingPath& path_;
    const Ruleset& ruleset_;
    std::vector<Event> events_;
    std::vector<std::uint32_t> active_;  // periods running in the current state
    DayPosition position_;
    ArenaAmounts counted_{};
    MonthUnits not_counted_ = 0;
    std::vector<RequirementTrack> tracks_;
    ArenaAmounts snapshot_counted_{};
    MonthUnits snapshot_not_counted_ = 0;
    std::vector<MonthUnits> snapshot_requirements_;
    std::vector<std::int32_t> first_seen_;  // per period and code: first day seen, or kNever
};

}  // namespace

std::string_view warning_code_name(WarningCode code) {
    switch (code) {
        case WarningCode::fte_over_100:
            return "fte_over_100";
        case WarningCode::below_min_fte:
            return "below_min_fte";
        case WarningCode::unregistered_enterprise:
            return "unregistered_enterprise";
        case WarningCode::before_lis1:
            return "before_lis1";
        case WarningCode::other_arena:
            return "other_arena";
    }
    return "";
}

LedgerReport evaluate(const TrainingPath& path, const Ruleset& ruleset) {
    check_training_path(path);
    LedgerEngine engine(path, ruleset);
    return engine.run();
}

}  // namespace alis::domain
