#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace alis::testing {

inline constexpr const char* kTestPassword = "riktig-hest-batteri-stift";

// Inserts a municipality with the given number, name and ALIS office.
void add_municipality(store::Store& store, const std::string& number, const std::string& name,
                      const std::string& office);

// Inserts a person in training employed by `municipality` from `from` (ongoing unless `to`).
std::int64_t add_trainee(store::Store& store, const std::string& name,
                         const std::string& municipality, const char* from = "2024-01-01",
                         const char* to = nullptr);

// Creates an account through the real use case (password rules, Argon2id, audit), with one role
// starting 2020-01-01; returns its id.
std::int64_t add_account(store::Store& store, const std::string& email, store::Role role,
                         std::optional<std::string> municipality = std::nullopt,
                         std::optional<std::string> office = std::nullopt,
                         std::optional<std::int64_t> person = std::nullopt);

// One planned period of an individual education plan: arena, place, ISO dates, position %.
struct PlannedPeriod {
    domain::Arena arena;
    const char* place;
    const char* from;
    const char* to;
    int fte = 100;
};

// Appends a revision of the person's individual education plan, revised on `revised_on` (ISO),
// holding `periods`.
void add_education_plan(store::Store& store, std::int64_t person, const char* revised_on,
                        const std::vector<PlannedPeriod>& periods);

// Assigns a supervisor to a trainee from 2024-01-01.
void assign_supervisor(store::Store& store, std::int64_t supervisor, std::int64_t trainee);

}  // namespace alis::testing
