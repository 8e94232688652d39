#pragma once

// What the benches at national scale share: `alis demo --scale national` as of 22.11.2026 (357
// municipalities, about 2,500 in training) in a temporary SQLite database, loaded once per
// program, and the p50/p99 counters of a timed loop.

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_data.hpp"

namespace alis::bench {

inline const domain::Date kBenchToday = *domain::Date::parse_iso("2026-11-22");

// The temporary folder of the database, removed at exit (after the application is closed).
struct BenchFolder {
    std::filesystem::path path;
    explicit BenchFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path);
    }
    ~BenchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

// The national demo, loaded on first use into a database in a folder named after `name`.
inline app::Application& national_app(const std::string& name) {
    static const BenchFolder folder(name);
    static const std::unique_ptr<app::Application> app = [] {
        const auto path = (folder.path / "national.db").string();
        auto a = app::Application::open(
            "sqlite:" + path, app::Clock{[] { return kBenchToday; }, [] { return 1795'000'000; }});
        a->migrate();
        app::DemoConfig config;
        config.scale = app::DemoScale::national;
        app::load_demo_data(*a, kBenchToday, config);
        return a;
    }();
    return *app;
}

// Sets the p50_ms and p99_ms counters of `state` from the timings `ms` (sorted here).
inline void report_percentiles(benchmark::State& state, std::vector<double>& ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * (ms.size() - 1) + 0.5))];
    };
    state.counters["p50_ms"] = at(0.50);
    state.counters["p99_ms"] = at(0.99);
}

inline double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

}  // namespace alis::bench
