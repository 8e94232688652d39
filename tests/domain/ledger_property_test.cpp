// Properties of the training ledger over many generated paths: splitting a period, reordering the
// periods and the counting engine's segment sweep must agree with the rules read day by day.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "domain/ledger.hpp"
#include "domain/splitmix.hpp"

namespace alis::domain {
namespace ledger_property_test {

using Generator = SplitMix64;

Ruleset load(const std::string& id) {
    std::ifstream in(std::filesystem::path(ALIS_SOURCE_DIR) / "rules" / (id + ".toml"));
    std::stringstream text;
    text << in.rdbuf();
    return parse_ruleset(text.str(), id + ".toml");
}

const std::vector<Ruleset>& rulesets() {
    static const std::vector<Ruleset> all = {load("allmennmedisin-2019"),
                                             load("allmennmedisin-pre2019")};
    return all;
}

const Date kStart = *Date::parse_iso("2014-01-01");

// A random path: up to 12 periods between 2014 and about 2028, overlapping freely, with part-time,
// positions that do not divide evenly, leave, unregistered and ongoing periods, and sometimes LIS1.
TrainingPath random_path(Generator& g) {
    static constexpr PositionPpm kPositions[] = {1'000'000, 1'000'000, 800'000, 600'000, 500'000,
                                                 400'000,   333'333,   375'000, 250'000, 125'000};
    static constexpr Arena kArenas[] = {Arena::open_general_practice,
                                        Arena::open_general_practice,
                                        Arena::other_general_practice,
                                        Arena::institution,
                                        Arena::leave,
                                        Arena::other};
    TrainingPath path;
    path.as_of = kStart.plus_days(static_cast<std::int32_t>(g.between(0, 12 * 365)));
    if (g.chance(30)) {
        path.lis1_completed = kStart.plus_days(static_cast<std::int32_t>(g.between(-100, 3 * 365)));
    }
    const auto count = g.between(0, 12);
    for (std::int64_t i = 0; i < count; ++i) {
        PathPeriod p;
        p.from = kStart.plus_days(static_cast<std::int32_t>(g.between(0, 12 * 365)));
        if (!g.chance(15)) {
            p.to = p.from.plus_days(static_cast<std::int32_t>(g.between(0, 3 * 365)));
        }
        p.arena = kArenas[g.between(0, std::size(kArenas) - 1)];
        p.fte = kPositions[g.between(0, std::size(kPositions) - 1)];
        p.registered = !g.chance(10);
        path.periods.push_back(p);
    }
    return path;
}

// Everything in a report that does not name a period.
auto figures(const LedgerReport& r) {
    std::vector<std::tuple<std::string, MonthUnits, bool>> requirements;
    for (const RequirementStatus& s : r.requirements) {
        requirements.emplace_back(s.id, s.counted, s.met);
    }
    return std::tuple(r.months.by_arena, r.months.total, r.months.not_counted, requirements,
                      r.complete, r.projected_completion);
}

// The report's warnings as (code, period) with each period mapped through `original`.
std::set<std::pair<WarningCode, std::size_t>> warnings(const LedgerReport& r,
                                                       const std::vector<std::size_t>& original) {
    std::set<std::pair<WarningCode, std::size_t>> result;
    for (const LedgerWarning& w : r.warnings) {
        result.insert({w.code, original[w.period]});
    }
    return result;
}

std::vector<std::size_t> identity(std::size_t n) {
    std::vector<std::size_t> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        v[i] = i;
    }
    return v;
}

constexpr int kPaths = 1500;

TEST(LedgerProperty, SplittingAPeriodNeverChangesTheResult) {
    Generator g(20190301);
    int split = 0;
    for (int i = 0; i < kPaths; ++i) {
        const TrainingPath path = random_path(g);
        if (path.periods.empty()) {
            continue;
        }
        const auto index = static_cast<std::size_t>(g.between(0, path.periods.size() - 1));
        const PathPeriod& whole = path.periods[index];
        const std::int32_t last =
            whole.to ? whole.to->days_since_epoch() : whole.from.days_since_epoch() + 2000;
        if (last == whole.from.days_since_epoch()) {
            continue;
        }
        // The second piece starts on a day after `from`, up to `to` (or well into an ongoing one).
        const Date cut = Date::from_days(
            static_cast<std::int32_t>(g.between(whole.from.days_since_epoch() + 1, last)));
        TrainingPath pieces = path;
        PathPeriod second = whole;
        second.from = cut;
        pieces.periods[index].to = cut.plus_days(-1);
        pieces.periods.push_back(second);
        std::vector<std::size_t> original = identity(path.periods.size());
        original.push_back(index);

        for (const Ruleset& ruleset : rulesets()) {
            const LedgerReport a = evaluate(path, ruleset);
            const LedgerReport b = evaluate(pieces, ruleset);
            ASSERT_EQ(figures(a), figures(b)) << "path " << i << ", period " << index << " cut at "
                                              << cut.iso() << ", " << ruleset.id << "\n"
                                              << report_json(a) << report_json(b);
            EXPECT_EQ(warnings(a, identity(path.periods.size())), warnings(b, original))
                << "path " << i;
        }
        ++split;
    }
    EXPECT_GT(split, kPaths / 2);
}

TEST(LedgerProperty, TheOrderOfPeriodsNeverChangesTheResult) {
    Generator g(31122026);
    for (int i = 0; i < kPaths; ++i) {
        const TrainingPath path = random_path(g);
        // Fisher-Yates with our own generator; order[k] is the original index of new period k.
        std::vector<std::size_t> order = identity(path.periods.size());
        for (std::size_t k = order.size(); k > 1; --k) {
            std::swap(order[k - 1], order[static_cast<std::size_t>(g.between(0, k - 1))]);
        }
        TrainingPath shuffled = path;
        for (std::size_t k = 0; k < order.size(); ++k) {
            shuffled.periods[k] = path.periods[order[k]];
        }
        for (const Ruleset& ruleset : rulesets()) {
            const LedgerReport a = evaluate(path, ruleset);
            const LedgerReport b = evaluate(shuffled, ruleset);
            ASSERT_EQ(figures(a), figures(b)) << "path " << i << ", " << ruleset.id;
            ASSERT_EQ(warnings(a, identity(path.periods.size())), warnings(b, order))
                << "path " << i;
            // The same warning has the same message wherever its period sits in the input.
            for (const LedgerWarning& w : b.warnings) {
                const auto same = std::find_if(a.warnings.begin(), a.warnings.end(), [&](auto& x) {
                    return x.code == w.code && x.period == order[w.period];
                });
                ASSERT_NE(same, a.warnings.end());
                EXPECT_EQ(same->message, w.message);
            }
        }
    }
}

// The calendar months (in MonthUnits at 100 %) of the days up to as_of on which at least one
// counting-arena period runs, read day by day.
MonthUnits calendar_time_served(const TrainingPath& path) {
    std::set<std::int32_t> days;
    for (const PathPeriod& p : path.periods) {
        if (!is_counting(p.arena)) {
            continue;
        }
        const Date end = std::min(p.to.value_or(path.as_of), path.as_of);
        for (Date d = p.from; d <= end; d = d.plus_days(1)) {
            days.insert(d.days_since_epoch());
        }
    }
    MonthUnits total = 0;
    for (const std::int32_t day : days) {
        const YearMonthDay ymd = Date::from_days(day).ymd();
        total += kUnitsPerMonth / days_in_month(ymd.year, ymd.month);
    }
    return total;
}

TEST(LedgerProperty, CountedNeverExceedsCalendarTime) {
    Generator g(60);
    for (int i = 0; i < kPaths; ++i) {
        const TrainingPath path = random_path(g);
        const MonthUnits calendar = calendar_time_served(path);
        for (const Ruleset& ruleset : rulesets()) {
            const LedgerReport r = evaluate(path, ruleset);
            MonthUnits counted = 0;
            for (const MonthUnits m : r.months.by_arena) {
                EXPECT_GE(m, 0);
                counted += m;
            }
            EXPECT_LE(counted, calendar) << "path " << i << "\n" << report_json(r);
            EXPECT_LE(r.months.total, counted) << "path " << i;
            for (const RequirementStatus& s : r.requirements) {
                EXPECT_LE(s.counted, calendar) << s.id;
                EXPECT_EQ(s.remaining, std::max<MonthUnits>(0, s.required - s.counted));
                EXPECT_EQ(s.met, s.counted >= s.required);
            }
        }
    }
}

// The counting rules of docs/ledger.md applied one day at a time, as a person would: a slow,
// independent reading to hold the engine's segment sweep against.
LedgerMonths count_day_by_day(const TrainingPath& path, const Ruleset& ruleset) {
    LedgerMonths months;
    if (path.periods.empty()) {
        return months;
    }
    Date first = path.periods.front().from;
    for (const PathPeriod& p : path.periods) {
        first = std::min(first, p.from);
    }
    for (Date day = first; day <= path.as_of; day = day.plus_days(1)) {
        bool leave = false;
        std::int64_t other = 0;
        // Six groups: eligible then ineligible, each by arena.
        std::array<std::int64_t, 6> group{};
        for (const PathPeriod& p : path.periods) {
            if (day < p.from || (p.to && day > *p.to)) {
                continue;
            }
            if (p.arena == Arena::leave) {
                leave = true;
            } else if (p.arena == Arena::other) {
                other += p.fte;
            } else {
                const bool eligible =
                    p.registered &&
                    !(ruleset.min_fte_basis == MinimumFteBasis::period && p.fte < ruleset.min_fte);
                group[(eligible ? 0 : 3) + counting_index(p.arena)] += p.fte;
            }
        }
        if (leave) {
            continue;
        }
        std::int64_t total = 0;
        for (const std::int64_t x : group) {
            total += x;
        }
        if (total > kFullTime) {
            // Largest remainder: floor every share, then one ppm each to the largest remainders.
            std::array<std::int64_t, 6> remainder{};
            std::int64_t given = 0;
            for (std::size_t k = 0; k < 6; ++k) {
                remainder[k] = group[k] * kFullTime % total;
                group[k] = group[k] * kFullTime / total;
                given += group[k];
            }
            for (; given < kFullTime; ++given) {
                const auto best = static_cast<std::size_t>(
                    std::max_element(remainder.begin(), remainder.end()) - remainder.begin());
                ++group[best];
                remainder[best] = -1;
            }
        }
        const YearMonthDay ymd = day.ymd();
        const std::int64_t parts = kMonthParts / days_in_month(ymd.year, ymd.month);
        const bool before_lis1 = path.lis1_completed && day <= *path.lis1_completed;
        const bool below = ruleset.min_fte_basis == MinimumFteBasis::day && total < ruleset.min_fte;
        months.not_counted += other * parts;
        for (std::size_t a = 0; a < kCountingArenaCount; ++a) {
            months.not_counted += group[3 + a] * parts;
            if (before_lis1 || below) {
                months.not_counted += group[a] * parts;
            } else {
                months.by_arena[a] += group[a] * parts;
            }
        }
    }
    for (std::size_t a = 0; a < kCountingArenaCount; ++a) {
        if (ruleset.total_arenas[a]) {
            const MonthUnits cap =
                ruleset.caps[a] ? months_to_units(*ruleset.caps[a]) : months.by_arena[a];
            months.total += std::min(months.by_arena[a], cap);
        }
    }
    return months;
}

TEST(LedgerProperty, TheSegmentSweepAgreesWithCountingDayByDay) {
    Generator g(1482);
    for (int i = 0; i < kPaths / 3; ++i) {
        const TrainingPath path = random_path(g);
        for (const Ruleset& ruleset : rulesets()) {
            const LedgerReport r = evaluate(path, ruleset);
            const LedgerMonths expected = count_day_by_day(path, ruleset);
            ASSERT_EQ(r.months.by_arena, expected.by_arena) << "path " << i << ", " << ruleset.id;
            ASSERT_EQ(r.months.not_counted, expected.not_counted) << "path " << i;
            ASSERT_EQ(r.months.total, expected.total) << "path " << i;
        }
    }
}

TEST(LedgerProperty, TheProjectedDayIsTheFirstDayEverythingIsMet) {
    Generator g(2026);
    int projected = 0;
    for (int i = 0; i < kPaths; ++i) {
        TrainingPath path = random_path(g);
        for (const Ruleset& ruleset : rulesets()) {
            const LedgerReport r = evaluate(path, ruleset);
            if (!r.projected_completion || r.projected_completion->year() >= kLatestYear) {
                continue;
            }
            ++projected;
            // Counting stops at as_of, but as_of does not change how any day counts: so with
            // as_of on the projected day everything is met, and the day before it is not.
            TrainingPath on = path;
            on.as_of = *r.projected_completion;
            EXPECT_TRUE(evaluate(on, ruleset).complete) << "path " << i << ", " << ruleset.id;
            TrainingPath before = path;
            before.as_of = r.projected_completion->plus_days(-1);
            EXPECT_FALSE(evaluate(before, ruleset).complete) << "path " << i << ", " << ruleset.id;
            EXPECT_EQ(r.complete, *r.projected_completion <= path.as_of) << "path " << i;
        }
    }
    EXPECT_GT(projected, 20);
}

}  // namespace ledger_property_test
}  // namespace alis::domain
