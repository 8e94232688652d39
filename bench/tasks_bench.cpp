// The leader's task list ("Mine oppgaver", issue 14) at national scale: p99 < 20 ms. The data is
// `alis demo --scale national` as of 22.11.2026 (357 municipalities, about 2,500 in training),
// loaded once into a temporary SQLite database; the leader is Bergen's (the largest list). Run:
//   build/release/alis_bench --benchmark_filter=Tasks --benchmark_repetitions=5
// and read the medians of the p50_ms and p99_ms counters: "warm" is the list while the data is
// unchanged (the leader's overview is kept per data generation), "after_write" the first list
// after a write (a capacity set back and forth), when the overview is computed again.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "app/supervisors.hpp"
#include "app/tasks.hpp"
#include "national_data.hpp"

namespace {

using namespace alis;
using bench::elapsed_ms;
using bench::kBenchToday;

const domain::Date kToday = kBenchToday;

app::Application& national_app() {
    return bench::national_app("alis-tasks-bench");
}

app::Actor bergen_leader() {
    app::Actor actor;
    actor.account_id = 1;
    actor.email = "leder.bergen@demo.alis.no";
    actor.roles.push_back({0, 1, domain::Role::leader, std::string("4601"), std::nullopt,
                           *domain::Date::parse_iso("2020-01-01"), std::nullopt});
    return actor;
}

void report(benchmark::State& state, std::vector<double>& ms, std::size_t tasks) {
    bench::report_percentiles(state, ms);
    state.counters["tasks"] = static_cast<double>(tasks);
}

// Times Bergen's leader's task list once per iteration, after `before` (untimed).
template <typename Before>
void time_leader_tasks(benchmark::State& state, Before before) {
    auto& app = national_app();
    const auto actor = bergen_leader();
    std::vector<double> ms;
    std::size_t tasks = app::tasks_of(app, actor, kToday).size();
    for (auto _ : state) {
        state.PauseTiming();
        before(app, actor);
        state.ResumeTiming();
        const auto start = std::chrono::steady_clock::now();
        const auto list = app::tasks_of(app, actor, kToday);
        ms.push_back(elapsed_ms(start));
        tasks = list.size();
        benchmark::DoNotOptimize(list.data());
    }
    report(state, ms, tasks);
}

void BM_TasksLeaderNationalWarm(benchmark::State& state) {
    time_leader_tasks(state, [](app::Application&, const app::Actor&) {});
}
BENCHMARK(BM_TasksLeaderNationalWarm)->Unit(benchmark::kMillisecond);

void BM_TasksLeaderNationalAfterWrite(benchmark::State& state) {
    int capacity = 2;
    time_leader_tasks(state, [&](app::Application& app, const app::Actor& actor) {
        capacity = capacity == 2 ? 3 : 2;
        domain::AuditEvent audit;
        audit.at = "2026-11-22T10:00:00Z";
        audit.actor_label = actor.email;
        audit.action = "supervisor_capacity.changed";
        audit.outcome = "ok";
        audit.target = "bench";
        audit.address = "127.0.0.1";
        app::set_supervisor_capacity(app, "4601", capacity, audit);
    });
}
BENCHMARK(BM_TasksLeaderNationalAfterWrite)->Unit(benchmark::kMillisecond)->Iterations(100);

}  // namespace
