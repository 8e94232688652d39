// The stability statistics' speed in process: Kaplan–Meier curves of 100,000 subjects in 4
// groups and the log-rank test between them (issue 16), on data shaped like bench/stability.R's
// (exponential stays with medians of 2.75 to 8.37 years, follow-up of 30 days to 10 years).
// bench/stability compares the whole `alis stability km` with R on the same file. Run:
//   build/bench/alis_bench --benchmark_filter=Stability
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "domain/splitmix.hpp"
#include "domain/survival.hpp"

namespace {

using namespace alis::domain;

constexpr std::int64_t kSubjects = 100'000;

const std::vector<SurvivalGroup>& groups() {
    static const std::vector<SurvivalGroup> all = [] {
        const double median_years[] = {2.75, 4.0, 5.91, 8.37};
        std::vector<SurvivalGroup> g = {
            {"introduction", {}}, {"substitute", {}}, {"salaried", {}}, {"self-employed", {}}};
        SplitMix64 random(16);
        for (std::int64_t i = 0; i < kSubjects; ++i) {
            const auto k = static_cast<std::size_t>(random.between(0, 3));
            const double u = (static_cast<double>(random.next() >> 11) + 0.5) / 9007199254740992.0;
            const auto stay =
                static_cast<std::int64_t>(-median_years[k] * 365.25 / std::log(2.0) * std::log(u));
            const std::int64_t followed = random.between(30, 3650);
            g[k].subjects.push_back({std::min(stay, followed),
                                     stay < followed ? FollowUpEnd::event : FollowUpEnd::censored});
        }
        return g;
    }();
    return all;
}

void BM_StabilityKaplanMeierAndLogRank(benchmark::State& state) {
    const std::vector<SurvivalGroup>& all = groups();
    for (auto _ : state) {
        for (const SurvivalGroup& g : all) {
            benchmark::DoNotOptimize(kaplan_meier(g.subjects).median.time);
        }
        benchmark::DoNotOptimize(log_rank(all)->chi_square);
    }
    state.SetItemsProcessed(state.iterations() * kSubjects);
}
BENCHMARK(BM_StabilityKaplanMeierAndLogRank)->Unit(benchmark::kMillisecond);

}  // namespace
