// The learning log at national scale (issue 13/14). The data is `alis demo --scale national` as
// of 22.11.2026 (bench/national_data.hpp), to which this program adds, untimed:
//   - one Bergen doctor with 120 objectives (a non-demo ALM edition that tops the demo catalogues
//     up to 120) and 600 activities (two objectives each, every other one signed), with events on
//     40 of them: the progress report, target < 2 ms;
//   - for every doctor in training in the country, requests on four objectives: one open and not
//     advised on, one open and consulted (veileder and supervisør), one approved, one rejected:
//     Bergen's approval queue (the largest municipality), target p99 < 20 ms, and Bergen's
//     leader's task list, which counts that queue.
// Run:
//   build/release/alis_bench --benchmark_filter=LearningLog --benchmark_repetitions=5
// and read the medians of the p50_ms and p99_ms counters.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/learning_log.hpp"
#include "app/tasks.hpp"
#include "national_data.hpp"
#include "store/database.hpp"
#include "web/progress_report.hpp"

namespace {

using namespace alis;
using bench::elapsed_ms;
using bench::kBenchToday;
using domain::ObjectiveActorRole;
using domain::ObjectiveEventKind;

constexpr int kObjectives = 120;
constexpr int kActivities = 600;

struct LearningLogData {
    app::Application* app = nullptr;
    std::int64_t doctor = 0;
    std::size_t objectives = 0;  // Of the doctor's record, as the report counts them.
    std::size_t activities = 0;
    std::size_t requests = 0;  // Open requests in the country.
    std::size_t doctors_asking = 0;
};

domain::ObjectiveEvent bench_event(std::int64_t person, std::int64_t objective,
                                   ObjectiveEventKind kind, ObjectiveActorRole role,
                                   const std::string& at) {
    domain::ObjectiveEvent e;
    e.person_id = person;
    e.objective_id = objective;
    e.kind = kind;
    e.actor_role = role;
    e.actor_person_id = role == ObjectiveActorRole::trainee ? std::optional(person) : std::nullopt;
    e.actor_label = "Benk (bench@alis.invalid)";
    e.municipality_number =
        role == ObjectiveActorRole::leader ? std::optional<std::string>("4601") : std::nullopt;
    e.at = at;
    e.reason = kind == ObjectiveEventKind::rejected ? "Mangler aktiviteter" : "";
    return e;
}

// The doctor's ALM edition topped up so that their record holds kObjectives objectives.
std::vector<std::int64_t> add_bench_edition(app::Application& app, std::int64_t doctor) {
    const auto before = app::learning_record(app, doctor, kBenchToday);
    std::size_t others = 0;
    std::optional<domain::CatalogueEdition> alm;
    for (const auto& c : before->catalogues) {
        if (c.edition.catalogue == domain::Catalogue::alm) {
            alm = c.edition;
        } else {
            others += c.objectives.size();
        }
    }
    std::vector<std::int64_t> ids;
    app.database().write([&](store::UnitOfWork& w) {
        auto edition = *alm;
        edition.edition = "alm-bench";
        edition.demo = false;  // Preferred to the demo edition of the same start.
        const auto edition_id = w.learning_objectives().append_edition(edition);
        for (std::size_t i = 0; others + i < static_cast<std::size_t>(kObjectives); ++i) {
            domain::LearningObjective o;
            o.edition_id = edition_id;
            o.code = "ALM-" + std::to_string(500 + i);
            o.position = static_cast<int>(i);
            o.title = "Læringsmål " + std::to_string(i) + " for benken";
            o.description = "Beskrivelse";
            o.activities = "Kliniske situasjoner";
            o.assessment = "Vurdering";
            o.arenas = {domain::Arena::institution};
            ids.push_back(w.learning_objectives().append_objective(o));
        }
        return 0;
    });
    return ids;
}

const LearningLogData& data() {
    static const LearningLogData d = [] {
        LearningLogData r;
        auto& app = bench::national_app("alis-learning-log-bench");
        r.app = &app;
        std::vector<domain::Person> bergen;
        std::vector<domain::Person> everyone;
        app.database().read([&](const store::Snapshot& s) {
            bergen = s.people().trainees_employed_by("4601", kBenchToday);
            for (const auto& m : s.municipalities().all()) {
                for (auto& p : s.people().trainees_employed_by(m.number, kBenchToday)) {
                    everyone.push_back(std::move(p));
                }
            }
        });
        r.doctor = bergen.back().id;
        const auto objectives = add_bench_edition(app, r.doctor);
        app.database().write([&](store::UnitOfWork& w) {
            for (int a = 0; a < kActivities; ++a) {
                domain::LearningActivity activity;
                activity.person_id = r.doctor;
                activity.kind = domain::ActivityKind::clinical_case;
                activity.done_on = kBenchToday.plus_days(-(a % 700) - 1);
                activity.title = "Aktivitet " + std::to_string(a);
                activity.reflection = "Refleksjon over det jeg lærte, og hva jeg gjør neste gang.";
                activity.recorded_at = activity.done_on.iso() + "T15:00:00Z";
                activity.recorded_by = "Benk (bench@alis.invalid)";
                const auto first = objectives[a % objectives.size()];
                const auto second = objectives[(a * 7 + 3) % objectives.size()];
                activity.objective_ids = {std::min(first, second), std::max(first, second)};
                if (first == second) {
                    activity.objective_ids = {first};
                }
                const auto id = w.learning_log().add_activity(activity);
                if (a % 2 == 0) {
                    w.learning_log().append_signature({0, id, std::nullopt,
                                                       "Supervisør (bench@alis.invalid)",
                                                       activity.recorded_at});
                }
            }
            // Events on 40 objectives: 20 approved, 10 open and consulted, 10 rejected.
            for (std::size_t i = 0; i < 40; ++i) {
                const auto o = objectives[i];
                const std::string at = "2026-10-01T10:00:00Z";
                w.learning_log().append_event(bench_event(
                    r.doctor, o, ObjectiveEventKind::requested, ObjectiveActorRole::trainee, at));
                if (i < 30) {
                    w.learning_log().append_event(bench_event(r.doctor, o,
                                                              ObjectiveEventKind::recommended,
                                                              ObjectiveActorRole::supervisor, at));
                    w.learning_log().append_event(
                        bench_event(r.doctor, o, ObjectiveEventKind::recommended,
                                    ObjectiveActorRole::clinical_supervisor, at));
                }
                if (i < 20) {
                    w.learning_log().append_event(bench_event(
                        r.doctor, o, ObjectiveEventKind::approved, ObjectiveActorRole::leader, at));
                } else if (i >= 30) {
                    w.learning_log().append_event(bench_event(
                        r.doctor, o, ObjectiveEventKind::rejected, ObjectiveActorRole::leader, at));
                }
            }
            return 0;
        });
        // Every doctor in training once: four requests on the first objectives of their record.
        std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> asking;
        std::set<std::int64_t> seen{r.doctor};
        for (const auto& p : everyone) {
            if (!seen.insert(p.id).second) {
                continue;
            }
            const auto record = app::learning_record(app, p.id, kBenchToday);
            if (!record || record->catalogues.empty() ||
                record->catalogues.front().objectives.size() < 4) {
                continue;
            }
            std::vector<std::int64_t> first_four;
            for (std::size_t i = 0; i < 4; ++i) {
                first_four.push_back(record->catalogues.front().objectives[i].objective.id);
            }
            asking.emplace_back(p.id, std::move(first_four));
        }
        app.database().write([&](store::UnitOfWork& w) {
            const std::string at = "2026-11-01T10:00:00Z";
            for (const auto& entry : asking) {
                const auto person = entry.first;
                const auto& of = entry.second;
                const auto event = [&](std::size_t i, ObjectiveEventKind kind,
                                       ObjectiveActorRole role) {
                    w.learning_log().append_event(bench_event(person, of[i], kind, role, at));
                };
                for (std::size_t i = 0; i < 4; ++i) {
                    event(i, ObjectiveEventKind::requested, ObjectiveActorRole::trainee);
                }
                for (std::size_t i = 1; i < 4; ++i) {
                    event(i, ObjectiveEventKind::recommended, ObjectiveActorRole::supervisor);
                    event(i, ObjectiveEventKind::advised_against,
                          ObjectiveActorRole::clinical_supervisor);
                }
                event(2, ObjectiveEventKind::approved, ObjectiveActorRole::leader);
                event(3, ObjectiveEventKind::rejected, ObjectiveActorRole::leader);
            }
            return 0;
        });
        r.doctors_asking = asking.size();
        const auto record = app::learning_record(app, r.doctor, kBenchToday);
        for (const auto& c : record->catalogues) {
            r.objectives += c.objectives.size();
        }
        r.activities = record->activities.size();
        std::vector<std::int64_t> askers;
        for (const auto& entry : asking) {
            askers.push_back(entry.first);
        }
        r.requests = app.database().read([&](const store::Snapshot& s) {
            return s.learning_log().open_requests_of(askers).size();
        });
        return r;
    }();
    return d;
}

// Times `work` once per iteration and reports the percentiles.
template <typename Work>
void time_each(benchmark::State& state, Work work) {
    std::vector<double> ms;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        work();
        ms.push_back(elapsed_ms(start));
    }
    bench::report_percentiles(state, ms);
}

void BM_LearningLogProgressReport(benchmark::State& state) {
    const auto& d = data();
    time_each(state, [&] {
        const auto record = app::learning_record(*d.app, d.doctor, kBenchToday);
        auto body = boost::json::serialize(web::progress_report_json(*record, kBenchToday));
        benchmark::DoNotOptimize(body.data());
    });
    state.counters["objectives"] = static_cast<double>(d.objectives);
    state.counters["activities"] = static_cast<double>(d.activities);
}
BENCHMARK(BM_LearningLogProgressReport)->Unit(benchmark::kMillisecond)->Iterations(200);

// The record alone, without the JSON: what the store and the states cost.
void BM_LearningLogRecordOnly(benchmark::State& state) {
    const auto& d = data();
    time_each(state, [&] {
        const auto record = app::learning_record(*d.app, d.doctor, kBenchToday);
        benchmark::DoNotOptimize(record->catalogues.data());
    });
}
BENCHMARK(BM_LearningLogRecordOnly)->Unit(benchmark::kMillisecond)->Iterations(200);

void BM_LearningLogApprovalQueueBergen(benchmark::State& state) {
    const auto& d = data();
    std::size_t queued = 0;
    time_each(state, [&] {
        const auto queue = app::approval_queue(*d.app, "4601", kBenchToday);
        queued = queue.size();
        benchmark::DoNotOptimize(queue.data());
    });
    state.counters["queued"] = static_cast<double>(queued);
    state.counters["open_in_country"] = static_cast<double>(d.requests);
    state.counters["doctors_asking"] = static_cast<double>(d.doctors_asking);
}
BENCHMARK(BM_LearningLogApprovalQueueBergen)->Unit(benchmark::kMillisecond)->Iterations(100);

void BM_LearningLogLeaderTasksBergen(benchmark::State& state) {
    const auto& d = data();
    app::Actor leader;
    leader.account_id = 1;
    leader.email = "leder.bergen@demo.alis.no";
    leader.roles.push_back({0, 1, domain::Role::leader, std::string("4601"), std::nullopt,
                            *domain::Date::parse_iso("2020-01-01"), std::nullopt});
    app::tasks_of(*d.app, leader, kBenchToday);  // The overview, kept per data generation.
    time_each(state, [&] {
        const auto list = app::tasks_of(*d.app, leader, kBenchToday);
        benchmark::DoNotOptimize(list.data());
    });
}
BENCHMARK(BM_LearningLogLeaderTasksBergen)->Unit(benchmark::kMillisecond)->Iterations(100);

}  // namespace
