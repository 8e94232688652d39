// How many signed training records `alis record verify` checks a second (issue 13: above 10,000).
// Run:
//   build/release/alis_bench --benchmark_filter=RecordVerify --benchmark_repetitions=10
//     --benchmark_report_aggregates_only=true
// and read the median of "records_per_second". A long record (12 service periods and 80 approved
// objectives: every objective of a completed path) and one two years in (4 periods, 20
// objectives), each with the supervision summary and signed by a fresh key; each iteration is the
// whole check of the file's text: parsing, the canonical JSON written again, and the Ed25519
// signature verified over it.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/audit_head.hpp"
#include "app/signed_training_record.hpp"
#include "domain/training_record.hpp"

namespace {

std::string record_of(const alis::app::AuditSigningKey& key, int years, int objectives) {
    using namespace alis::domain;
    TrainingRecordContent c;
    c.issued_at = "2026-11-22T10:15:30Z";
    c.as_of = *Date::parse_iso("2026-11-22");
    c.identity = {"Kari Nordmann", "9144889"};
    c.ledger = {"allmennmedisin-2019", "60.00", true};
    for (int year = 2020; year < 2020 + years; ++year) {
        for (const char* half : {"-01-01", "-07-01"}) {
            RecordServicePeriod p;
            p.from = *Date::parse_iso(std::to_string(year) + half);
            p.to = p.from.plus_days(180);
            p.arena = year % 3 == 0 ? "institution" : "open_general_practice";
            p.place = "Sentrum legekontor";
            p.municipality_number = "4601";
            p.municipality_name = "Bergen";
            p.position_percent = 100;
            p.counted_months = "6.00";
            c.service_periods.push_back(std::move(p));
        }
    }
    for (int i = 1; i <= objectives; ++i) {
        c.objectives.push_back({"ALM-" + std::to_string(100 + i),
                                "Læringsmål nummer " + std::to_string(i) + " i allmennmedisin",
                                "2025-05-02T09:00:00Z", "Lena Leder (leder@bergen.kommune.no)"});
    }
    c.supervision = RecordSupervision{110, 26400, 1, "Helsedirektoratets veiledning", 210};
    return record_file_json(alis::app::sign_training_record(std::move(c), key));
}

// state.range(0) years of service (two periods a year) and state.range(1) approved objectives.
void BM_RecordVerify(benchmark::State& state) {
    const auto key = alis::app::AuditSigningKey::generate();
    const std::string text =
        record_of(key, static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    if (!alis::app::verify_training_record(text).ok()) {
        state.SkipWithError("the record does not verify");
        return;
    }
    for (auto _ : state) {
        auto result = alis::app::verify_training_record(text);
        benchmark::DoNotOptimize(result);
    }
    state.counters["records_per_second"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["bytes"] = static_cast<double>(text.size());
}
// A completed path (six years, every objective) and one two years in (two years, 20 objectives).
BENCHMARK(BM_RecordVerify)->Args({6, 80})->Args({2, 20});

// What `alis record verify` does with many files: 1,000 records (each signed by its own key) at
// once on every core (app::verify_training_records); wall-clock time, so the rate is of the batch.
void BM_RecordVerifyBatch(benchmark::State& state) {
    std::vector<std::string> texts;
    for (int i = 0; i < 1000; ++i) {
        texts.push_back(record_of(alis::app::AuditSigningKey::generate(),
                                  static_cast<int>(state.range(0)),
                                  static_cast<int>(state.range(1))));
    }
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    for (auto _ : state) {
        auto results = alis::app::verify_training_records(views);
        if (!results.back().ok()) {
            state.SkipWithError("a record does not verify");
            return;
        }
        benchmark::DoNotOptimize(results);
    }
    state.counters["records_per_second"] = benchmark::Counter(
        static_cast<double>(state.iterations() * texts.size()), benchmark::Counter::kIsRate);
    state.counters["threads"] = static_cast<double>(std::thread::hardware_concurrency());
}
BENCHMARK(BM_RecordVerifyBatch)
    ->Args({6, 80})
    ->Args({2, 20})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
