#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "store/sql.hpp"

namespace alis::store {

// Accounts, their role grants, login sessions and failed logins. Sessions and login failures are
// no data: writing them leaves the data generation as it was.
class Identity {
  public:
    explicit Identity(Transaction& tx) : tx_(tx) {}

    std::optional<domain::Account> find_account(std::int64_t id) const;
    // The account with this e-mail (case-insensitive), or nullopt.
    std::optional<domain::Account> find_account_by_email(const std::string& email) const;
    // Every account, by e-mail.
    std::vector<domain::Account> accounts() const;
    // The account's role grants in the order they were given.
    std::vector<domain::RoleGrant> role_grants_of(std::int64_t account_id) const;
    std::optional<domain::Session> find_session(const std::string& id_hash) const;
    // Failed logins for an e-mail, or from an address, at or after `since` (Unix seconds).
    int login_failures_for(const std::string& email, std::int64_t since) const;
    int login_failures_from(const std::string& address, std::int64_t since) const;
    // Failed logins for an e-mail from one address at or after `since`.
    int login_failures_for_from(const std::string& email, const std::string& address,
                                std::int64_t since) const;
    // Whether the account is enabled and holds an admin grant that covers `day`.
    bool is_active_admin(std::int64_t account_id, domain::Date day) const;
    // The enabled accounts holding an admin grant that covers `day`.
    int active_admin_accounts(domain::Date day) const;

    // Adds an account and returns its id; a duplicate e-mail is a ConstraintViolation.
    std::int64_t add_account(const domain::Account& account);
    void set_account_disabled(std::int64_t account_id, bool disabled);
    void set_password_hash(std::int64_t account_id, const std::string& hash);
    std::int64_t add_role_grant(const domain::RoleGrant& grant);
    void remove_role_grant(std::int64_t grant_id);
    void add_session(const domain::Session& session);
    void touch_session(const std::string& id_hash, std::int64_t last_seen);
    void set_session_reauthenticated(const std::string& id_hash, std::int64_t at);
    void delete_session(const std::string& id_hash);
    // Ends every session of an account (logout everywhere, disabled account).
    void delete_sessions_of(std::int64_t account_id);

    // When the account's secret calendar address was made (migration 0022), or nullopt.
    std::optional<std::string> calendar_feed_of(std::int64_t account_id) const;
    // The account whose calendar address has the token with this SHA-256 (hex), or nullopt.
    std::optional<std::int64_t> account_of_calendar_feed(const std::string& token_sha256) const;
    // Gives the account a new calendar address, in place of the one it had.
    void set_calendar_feed(std::int64_t account_id, const std::string& token_sha256,
                           const std::string& created_at);
    // Revokes the account's calendar address.
    void delete_calendar_feed(std::int64_t account_id);
    void add_login_failure(const std::string& email, const std::string& address, std::int64_t at);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
