#pragma once

#include <optional>
#include <string>

#include "app/passwords.hpp"
#include "store/store.hpp"

namespace alis::app {

// A new account as an administrator describes it.
struct NewAccount {
    std::string email;
    std::string display_name;
    std::string password;
    store::Role role = store::Role::trainee;
    std::optional<std::string> municipality_number;  // Required for leader.
    std::optional<std::string> alis_office;          // Required for regional_office.
    std::optional<std::int64_t> person_id;           // The person the account belongs to.
    domain::Date starts_on;
};

// Expected failures of account administration, each with a one-line reason for the user.
class AccountError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Validates and creates an account with its first role in one transaction, audited as done by
// `by` (e.g. "cli" or an admin's e-mail). Throws AccountError with the reason when the input is
// refused (weak password, duplicate e-mail, missing scope, unknown municipality or person).
std::int64_t create_account(store::Store& store, const PasswordPolicy& policy,
                            const NewAccount& account, const std::string& by, std::int64_t now);

// Disables an account and ends all its sessions; throws AccountError for an unknown e-mail.
void disable_account(store::Store& store, const std::string& email, const std::string& by,
                     std::int64_t now);

// Adds a role to an existing account; the same rules as create_account.
std::int64_t grant_role(store::Store& store, const std::string& email, store::Role role,
                        const std::optional<std::string>& municipality_number,
                        const std::optional<std::string>& alis_office, domain::Date starts_on,
                        const std::string& by, std::int64_t now);

}  // namespace alis::app
