#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/date.hpp"

namespace alis::app {

// A demo account, printed by `alis demo` so that people can try each role.
struct DemoLogin {
    std::string email;
    std::string role;  // What the account is for, in Norwegian.
};

inline constexpr const char* kDemoPassword = "demo-passord-2026";

struct DemoSummary {
    std::vector<DemoLogin> logins;
    int municipalities = 0;
    int people = 0;
    int employments = 0;
    int leaves = 0;
};

// Loads the demo data into an empty, migrated store in one transaction: the real municipalities
// of data/municipalities.csv and fictional doctors with employment histories (part-time, moves,
// parental leave, salaried and self-employed) around `as_of`. The same seed and date always give
// the same data. `bergen_trainees` > 0 adds doctors to Bergen (4601) until that many are in
// training there, for measuring at scale. Throws store::StoreError (nothing is written) on
// failure.
DemoSummary load_demo_data(Application& app, domain::Date as_of, std::uint64_t seed,
                           int bergen_trainees = 0);

}  // namespace alis::app
