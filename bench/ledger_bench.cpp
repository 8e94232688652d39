// The training ledger's speed: evaluates 100,000 synthetic training paths of 20 periods each on
// one core. Target (issue 3): at least 100,000 paths per second. Run:
//   build-ledger/alis_bench --benchmark_filter=Ledger
// and read "paths/s" (items_per_second).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "domain/ledger.hpp"
#include "domain/ruleset.hpp"
#include "domain/splitmix.hpp"
#include "domain/training_path.hpp"
#include "embedded.hpp"

namespace {

using namespace alis::domain;

constexpr std::size_t kPaths = 100'000;
constexpr std::size_t kPeriodsPerPath = 20;

using Generator = alis::domain::SplitMix64;

// A career-like path: 20 periods one after another from 2015, a fifth of them overlapping the
// one before (a second post, or leave inside a post), part-time, some unregistered or "other",
// the last one often ongoing, and as_of somewhere between 2019 and 2027.
TrainingPath synthetic_path(Generator& g) {
    static constexpr PositionPpm kPositions[] = {1'000'000, 1'000'000, 1'000'000, 800'000,
                                                 600'000,   500'000,   400'000,   333'333};
    static constexpr Arena kArenas[] = {Arena::open_general_practice,
                                        Arena::open_general_practice,
                                        Arena::open_general_practice,
                                        Arena::other_general_practice,
                                        Arena::other_general_practice,
                                        Arena::institution,
                                        Arena::leave,
                                        Arena::other};
    const Date start = *Date::from_ymd(2015, 1, 1);
    TrainingPath path;
    path.ruleset = "allmennmedisin-2019";
    path.as_of = start.plus_days(g.between(4 * 365, 12 * 365));
    if (g.chance(50)) {
        path.lis1_completed = start.plus_days(g.between(-200, 200));
    }
    path.periods.reserve(kPeriodsPerPath);
    Date cursor = start.plus_days(g.between(0, 120));
    for (std::size_t i = 0; i < kPeriodsPerPath; ++i) {
        PathPeriod p;
        const bool overlaps = i > 0 && g.chance(20);
        p.from = overlaps ? path.periods.back().from.plus_days(g.between(0, 60)) : cursor;
        p.to = p.from.plus_days(g.between(14, 240));
        p.arena = kArenas[g.between(0, static_cast<std::int32_t>(std::size(kArenas)) - 1)];
        p.fte = kPositions[g.between(0, static_cast<std::int32_t>(std::size(kPositions)) - 1)];
        p.registered = !g.chance(5);
        if (!overlaps) {
            cursor = p.to->plus_days(g.chance(70) ? 1 : g.between(1, 90));
        }
        if (i + 1 == kPeriodsPerPath && g.chance(60)) {
            p.to.reset();
        }
        path.periods.push_back(p);
    }
    return path;
}

const std::vector<TrainingPath>& paths() {
    static const std::vector<TrainingPath> all = [] {
        Generator g(3);
        std::vector<TrainingPath> v;
        v.reserve(kPaths);
        for (std::size_t i = 0; i < kPaths; ++i) {
            v.push_back(synthetic_path(g));
        }
        return v;
    }();
    return all;
}

Ruleset embedded_ruleset(const std::string& id) {
    const std::string file = "rules/" + id + ".toml";
    return parse_ruleset(alis::embedded::files().at(file), file);
}

void evaluate_all(benchmark::State& state, const Ruleset& ruleset) {
    const std::vector<TrainingPath>& all = paths();
    std::int64_t complete = 0;
    for (auto _ : state) {
        for (const TrainingPath& path : all) {
            const LedgerReport report = evaluate(path, ruleset);
            complete += report.complete ? 1 : 0;
            benchmark::DoNotOptimize(report.months.total);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
    state.counters["paths/s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * static_cast<std::int64_t>(all.size())),
        benchmark::Counter::kIsRate);
    state.counters["complete_share"] =
        static_cast<double>(complete) /
        static_cast<double>(state.iterations() * static_cast<std::int64_t>(all.size()));
}

// The figure of the issue: 100,000 paths of 20 periods, evaluated (no parsing, no rendering).
void BM_LedgerEvaluate2019(benchmark::State& state) {
    evaluate_all(state, embedded_ruleset("allmennmedisin-2019"));
}
BENCHMARK(BM_LedgerEvaluate2019)->Unit(benchmark::kMillisecond);

void BM_LedgerEvaluatePre2019(benchmark::State& state) {
    evaluate_all(state, embedded_ruleset("allmennmedisin-pre2019"));
}
BENCHMARK(BM_LedgerEvaluatePre2019)->Unit(benchmark::kMillisecond);

// For information: what `alis ledger` does per path besides counting (JSON in, JSON out), over
// the first 10,000 paths written as JSON.
std::string path_json(const TrainingPath& path) {
    std::string text = "{\"ruleset\": \"" + path.ruleset + "\", \"as_of\": \"" + path.as_of.iso() +
                       "\", \"lis1_completed\": " +
                       (path.lis1_completed ? "\"" + path.lis1_completed->iso() + "\"" : "null") +
                       ", \"periods\": [";
    for (std::size_t i = 0; i < path.periods.size(); ++i) {
        const PathPeriod& p = path.periods[i];
        text += std::string(i == 0 ? "" : ", ") + "{\"from\": \"" + p.from.iso() +
                "\", \"to\": " + (p.to ? "\"" + p.to->iso() + "\"" : "null") + ", \"arena\": \"" +
                std::string(to_string(p.arena)) +
                "\", \"fte\": " + std::to_string(static_cast<double>(p.fte) / 10'000) +
                ", \"registered\": " + (p.registered ? "true" : "false") + "}";
    }
    return text + "]}";
}

void BM_LedgerParseEvaluateRender(benchmark::State& state) {
    const Ruleset ruleset = embedded_ruleset("allmennmedisin-2019");
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 10'000; ++i) {
        texts.push_back(path_json(paths()[i]));
    }
    for (auto _ : state) {
        for (const std::string& text : texts) {
            const std::string out = report_json(evaluate(parse_training_path(text), ruleset));
            benchmark::DoNotOptimize(out.data());
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(texts.size()));
}
BENCHMARK(BM_LedgerParseEvaluateRender)->Unit(benchmark::kMillisecond);

}  // namespace
