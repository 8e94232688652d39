#pragma once

#include <optional>
#include <string>

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

// Assigns a supervisor to a trainee from 2024-01-01.
void assign_supervisor(store::Store& store, std::int64_t supervisor, std::int64_t trainee);

}  // namespace alis::testing
