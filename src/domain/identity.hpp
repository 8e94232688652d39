#pragma once

// Accounts, the roles they hold, and their login sessions.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace alis::domain {

enum class Role {
    trainee,
    supervisor,
    clinical_supervisor,
    leader,
    regional_office,
    national,
    admin
};
template <>
struct EnumNames<Role> {
    static constexpr std::array<std::pair<Role, std::string_view>, 7> names{{
        {Role::trainee, "trainee"},
        {Role::supervisor, "supervisor"},
        {Role::clinical_supervisor, "clinical_supervisor"},
        {Role::leader, "leader"},
        {Role::regional_office, "regional_office"},
        {Role::national, "national"},
        {Role::admin, "admin"},
    }};
};

// A login. `person_id` links the account to the person it belongs to (trainee, supervisor).
struct Account {
    std::int64_t id = 0;
    std::string email;
    std::string display_name;
    std::optional<std::int64_t> person_id;
    std::string password_hash;  // Argon2id, in libsodium's encoded form.
    bool disabled = false;
};

// A role an account holds, scoped and bounded by dates.
struct RoleGrant {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    Role role = Role::trainee;
    std::optional<std::string> municipality_number;  // For leader.
    std::optional<std::string> alis_office;          // For regional_office.
    Date starts_on;
    std::optional<Date> ends_on;
};

// A login session, stored by the hash of its id. Times are Unix seconds.
struct Session {
    std::string id_hash;
    std::int64_t account_id = 0;
    std::string csrf_token;
    std::int64_t created_at = 0;
    std::int64_t last_seen = 0;
    std::int64_t reauthenticated_at = 0;
};

}  // namespace alis::domain
