#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/passwords.hpp"
#include "domain/audit_event.hpp"
#include "domain/identity.hpp"

namespace alis::app {

// A new account as an administrator describes it.
struct NewAccount {
    std::string email;
    std::string display_name;
    std::string password;
    domain::Role role = domain::Role::trainee;
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
std::int64_t create_account(Application& app, const PasswordPolicy& policy,
                            const NewAccount& account, const std::string& by);
// The same with `password_hash`, hash_password(account.password) computed once by a caller that
// gives many accounts one password (the tests' accounts): an Argon2id hash costs some 20 ms.
std::int64_t create_account(Application& app, const PasswordPolicy& policy,
                            const NewAccount& account, const std::string& by,
                            const std::string& password_hash);

// An account with the roles it holds, for the administrator's list.
struct AccountWithRoles {
    domain::Account account;
    std::vector<domain::RoleGrant> roles;
};
// Every account, by e-mail, with its roles.
std::vector<AccountWithRoles> accounts_with_roles(Application& app);
// The account with this e-mail, or nullopt.
std::optional<domain::Account> find_account_by_email(Application& app, const std::string& email);

// The account's role grants, in the order they were given.
std::vector<domain::RoleGrant> roles_of(Application& app, std::int64_t account_id);

enum class DisableOutcome {
    disabled,
    unknown_account,    // No account with the id.
    last_active_admin,  // The account is the last enabled one with an admin role today: alis
                        // would have nobody left to administer it.
};

// Disables the account with this id and ends all its sessions, in one transaction with `audit`
// (who and from where; the action and subject are set here), unless it is unknown or the last
// active administrator (checked in the same transaction, whoever asks, the CLI too).
DisableOutcome disable_account(Application& app, std::int64_t account_id, domain::AuditEvent audit);

// An audit event for administration done outside a request (the command line): `by` is the
// actor's label, e.g. "cli".
domain::AuditEvent administration_event(Application& app, const std::string& by);

// Adds a role to an existing account; the same rules as create_account.
std::int64_t grant_role(Application& app, const std::string& email, domain::Role role,
                        const std::optional<std::string>& municipality_number,
                        const std::optional<std::string>& alis_office, domain::Date starts_on,
                        const std::string& by);

}  // namespace alis::app
