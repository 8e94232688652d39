#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/application.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace alis::app {

// A demo account, printed by `alis demo` so that people can try each role.
struct DemoLogin {
    std::string email;
    std::string role;  // What the account is for, in Norwegian.
};

inline constexpr const char* kDemoPassword = "demo-passord-2026";

// How much demo data `load_demo_data` makes.
enum class DemoScale {
    demo,      // About 220 doctors in training and eight years of history: quick to load.
    national,  // All of Norway: about 2,500 in training, 1,500 supervisors, ten years of history.
};

}  // namespace alis::app

namespace alis::domain {
template <>
struct EnumNames<app::DemoScale> {
    static constexpr std::array<std::pair<app::DemoScale, std::string_view>, 2> names{{
        {app::DemoScale::demo, "demo"},
        {app::DemoScale::national, "national"},
    }};
};
}  // namespace alis::domain

namespace alis::app {

// What to generate. The same configuration and date always give the same data.
struct DemoConfig {
    std::uint64_t seed = 2019;
    DemoScale scale = DemoScale::demo;
    // When > 0, doctors are added to Bergen (4601) until that many are in training there, for
    // measuring pages at scale.
    int bergen_trainees = 0;
};

struct DemoSummary {
    std::vector<DemoLogin> logins;
    int municipalities = 0;
    int people = 0;  // The generated doctors, not counting the supervisors.
    int in_training = 0;
    int employments = 0;
    int leaves = 0;
    int departures = 0;
    int supervisors = 0;
    int plan_revisions = 0;
    int agreements = 0;    // In the agreement register (app/demo_grants.hpp).
    int cost_entries = 0;  // Cost inputs and municipalities' defaults.
};

// The first day of the month `months` after the month of `d` (negative: before); the demo's
// generators place their records by whole months.
domain::Date month_start(domain::Date d, int months);

// Loads the demo data into an empty, migrated store: the real municipalities of
// data/municipalities.csv and fictional doctors with employment histories (part-time, moves,
// institution service, parental and other leave, salaried and self-employed) around `as_of`,
// spread over the municipalities by population, then their supervisors and education plans, and
// one account per role (kDemoPassword). Writes in three transactions (people, supervisors,
// plans), through the store's units of work only. Throws store::StoreError on failure.
DemoSummary load_demo_data(Application& app, domain::Date as_of, const DemoConfig& config);

}  // namespace alis::app
