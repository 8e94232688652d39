// The grant engine's speed: the claim of 3,000 ALIS over one refund period (issue 15: under
// 50 ms). Run:
//   build/bench/alis_bench --benchmark_filter=Grant --benchmark_repetitions=10
// and read the median of "GrantClaim3000".
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/money_rules.hpp"
#include "domain/grant.hpp"
#include "domain/grant_json.hpp"
#include "domain/splitmix.hpp"

namespace {

using namespace alis::domain;

constexpr std::size_t kAlis = 3'000;

// One ALIS in the refund period of 2025: one to three posts (a fifth of them a substitute's, a
// few through an agency), an agreement mostly signed in time, every centrality class.
GrantClaimInput synthetic_claim(SplitMix64& g, const GrantYear& year) {
    static constexpr GrantPostType kTypes[] = {
        GrantPostType::regular_gp, GrantPostType::regular_gp, GrantPostType::introduction_post,
        GrantPostType::other_municipal_gp, GrantPostType::supervision_only};
    static constexpr PositionPpm kPositions[] = {1'000'000, 1'000'000, 800'000,
                                                 600'000,   500'000,   333'333};
    GrantClaimInput input;
    input.rates = year.rates;
    input.period_from = year.refund_from;
    input.period_to = year.refund_to;
    input.centrality_class = static_cast<int>(g.between(1, 6));
    if (!g.chance(5)) {
        input.agreement.national_template = !g.chance(3);
        input.agreement.signed_on =
            year.refund_from.plus_days(static_cast<std::int32_t>(g.between(-400, 120)));
    }
    const auto posts = g.between(1, 3);
    for (std::int64_t i = 0; i < posts; ++i) {
        GrantPost post;
        post.type = kTypes[g.between(0, 4)];
        post.fte = kPositions[g.between(0, 5)];
        post.from = year.refund_from.plus_days(static_cast<std::int32_t>(g.between(-200, 200)));
        post.to = post.from.plus_days(static_cast<std::int32_t>(g.between(20, 500)));
        post.via_agency = g.chance(2);
        post.substitute = post.type == GrantPostType::regular_gp && g.chance(20);
        input.posts.push_back(post);
    }
    return input;
}

const std::vector<GrantClaimInput>& claims() {
    static const std::vector<GrantClaimInput> all = [] {
        const GrantYear& year = alis::app::embedded_grant_year("2025");
        SplitMix64 g(15);
        std::vector<GrantClaimInput> v;
        v.reserve(kAlis);
        for (std::size_t i = 0; i < kAlis; ++i) {
            v.push_back(synthetic_claim(g, year));
        }
        return v;
    }();
    return all;
}

// The figure of the issue: the claims of 3,000 ALIS over one refund period, evaluated.
void BM_GrantClaim3000(benchmark::State& state) {
    const std::vector<GrantClaimInput>& all = claims();
    for (auto _ : state) {
        std::int64_t total = 0;
        for (const GrantClaimInput& input : all) {
            total += evaluate_grant(input).total.in_ore();
        }
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(BM_GrantClaim3000)->Unit(benchmark::kMillisecond);

// For information: the same with the claims written as JSON, as `alis grant evaluate` does.
void BM_GrantClaim3000Json(benchmark::State& state) {
    const std::vector<GrantClaimInput>& all = claims();
    for (auto _ : state) {
        std::size_t bytes = 0;
        for (const GrantClaimInput& input : all) {
            bytes += grant_claim_json(evaluate_grant(input)).size();
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(BM_GrantClaim3000Json)->Unit(benchmark::kMillisecond);

}  // namespace
