#include "store/identity.hpp"

namespace alis::store {
namespace {

#define ALIS_ACCOUNT_COLUMNS "id, email, display_name, person_id, password_hash, disabled"
constexpr const char* kFindAccount = "SELECT " ALIS_ACCOUNT_COLUMNS " FROM accounts WHERE id = $1";
constexpr const char* kFindAccountByEmail =
    "SELECT " ALIS_ACCOUNT_COLUMNS " FROM accounts WHERE email = $1";
constexpr const char* kAccounts = "SELECT " ALIS_ACCOUNT_COLUMNS " FROM accounts ORDER BY email";
#undef ALIS_ACCOUNT_COLUMNS
constexpr const char* kRoleGrantsOf =
    "SELECT id, account_id, role, municipality_number, alis_office, starts_on, ends_on"
    " FROM role_grants WHERE account_id = $1 ORDER BY id";
constexpr const char* kFindSession =
    "SELECT id_hash, account_id, csrf_token, created_at, last_seen, reauthenticated_at"
    " FROM sessions WHERE id_hash = $1";
constexpr const char* kLoginFailuresFor =
    "SELECT count(*) FROM login_failures WHERE email = $1 AND at >= $2";
constexpr const char* kLoginFailuresFrom =
    "SELECT count(*) FROM login_failures WHERE address = $1 AND at >= $2";
constexpr const char* kLoginFailuresForFrom =
    "SELECT count(*) FROM login_failures WHERE email = $1 AND address = $2 AND at >= $3";
#define ALIS_ACTIVE_ADMIN                                               \
    " FROM accounts a JOIN role_grants g ON g.account_id = a.id"        \
    " WHERE a.disabled = $1 AND g.role = 'admin' AND g.starts_on <= $2" \
    " AND (g.ends_on IS NULL OR g.ends_on >= $2)"
constexpr const char* kActiveAdminAccounts = "SELECT count(DISTINCT a.id)" ALIS_ACTIVE_ADMIN;
constexpr const char* kIsActiveAdmin = "SELECT count(*)" ALIS_ACTIVE_ADMIN " AND a.id = $3";
#undef ALIS_ACTIVE_ADMIN

constexpr const char* kAddAccount =
    "INSERT INTO accounts (email, display_name, person_id, password_hash, disabled)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr const char* kSetAccountDisabled = "UPDATE accounts SET disabled = $2 WHERE id = $1";
constexpr const char* kSetPasswordHash = "UPDATE accounts SET password_hash = $2 WHERE id = $1";
constexpr const char* kAddRoleGrant =
    "INSERT INTO role_grants (account_id, role, municipality_number, alis_office, starts_on,"
    " ends_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr const char* kRemoveRoleGrant = "DELETE FROM role_grants WHERE id = $1";
constexpr const char* kAddSession =
    "INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, last_seen,"
    " reauthenticated_at) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen = $2 WHERE id_hash = $1";
constexpr const char* kReauthenticated =
    "UPDATE sessions SET reauthenticated_at = $2 WHERE id_hash = $1";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE id_hash = $1";
constexpr const char* kDeleteSessionsOf = "DELETE FROM sessions WHERE account_id = $1";
constexpr const char* kCalendarFeedOf =
    "SELECT created_at FROM calendar_feeds WHERE account_id = $1";
constexpr const char* kAccountOfCalendarFeed =
    "SELECT account_id FROM calendar_feeds WHERE token_sha256 = $1";
constexpr const char* kDeleteCalendarFeed = "DELETE FROM calendar_feeds WHERE account_id = $1";
constexpr const char* kAddCalendarFeed =
    "INSERT INTO calendar_feeds (account_id, token_sha256, created_at) VALUES ($1, $2, $3)";
constexpr const char* kAddLoginFailure =
    "INSERT INTO login_failures (email, address, at) VALUES ($1, $2, $3)";

domain::Account read_account(const Row& row) {
    domain::Account a;
    a.id = row.integer(0);
    a.email = row.text(1);
    a.display_name = row.text(2);
    a.person_id = row.optional_integer(3);
    a.password_hash = row.text(4);
    a.disabled = row.boolean(5);
    return a;
}

}  // namespace

std::optional<domain::Account> Identity::find_account(std::int64_t id) const {
    return tx_.row(kFindAccount, {id}, read_account);
}

std::optional<domain::Account> Identity::find_account_by_email(const std::string& email) const {
    return tx_.row(kFindAccountByEmail, {email}, read_account);
}

std::vector<domain::Account> Identity::accounts() const {
    return tx_.rows(kAccounts, {}, read_account);
}

std::vector<domain::RoleGrant> Identity::role_grants_of(std::int64_t account_id) const {
    return tx_.rows(kRoleGrantsOf, {account_id}, [](const Row& row) {
        domain::RoleGrant g;
        g.id = row.integer(0);
        g.account_id = row.integer(1);
        g.role = row.enumeration<domain::Role>(2);
        g.municipality_number = row.optional_text(3);
        g.alis_office = row.optional_text(4);
        g.starts_on = row.date(5);
        g.ends_on = row.optional_date(6);
        return g;
    });
}

std::optional<domain::Session> Identity::find_session(const std::string& id_hash) const {
    return tx_.row(kFindSession, {id_hash}, [](const Row& row) {
        domain::Session x;
        x.id_hash = row.text(0);
        x.account_id = row.integer(1);
        x.csrf_token = row.text(2);
        x.created_at = row.integer(3);
        x.last_seen = row.integer(4);
        x.reauthenticated_at = row.integer(5);
        return x;
    });
}

int Identity::login_failures_for(const std::string& email, std::int64_t since) const {
    return static_cast<int>(tx_.integer(kLoginFailuresFor, {email, since}));
}

int Identity::login_failures_from(const std::string& address, std::int64_t since) const {
    return static_cast<int>(tx_.integer(kLoginFailuresFrom, {address, since}));
}

int Identity::login_failures_for_from(const std::string& email, const std::string& address,
                                      std::int64_t since) const {
    return static_cast<int>(tx_.integer(kLoginFailuresForFrom, {email, address, since}));
}

bool Identity::is_active_admin(std::int64_t account_id, domain::Date day) const {
    return tx_.integer(kIsActiveAdmin, {false, day, account_id}) > 0;
}

int Identity::active_admin_accounts(domain::Date day) const {
    return static_cast<int>(tx_.integer(kActiveAdminAccounts, {false, day}));
}

std::int64_t Identity::add_account(const domain::Account& a) {
    return tx_.insert(kAddAccount,
                      {a.email, a.display_name, a.person_id, a.password_hash, a.disabled});
}

void Identity::set_account_disabled(std::int64_t account_id, bool disabled) {
    tx_.execute(kSetAccountDisabled, {account_id, disabled});
}

void Identity::set_password_hash(std::int64_t account_id, const std::string& hash) {
    tx_.execute(kSetPasswordHash, {account_id, hash});
}

std::int64_t Identity::add_role_grant(const domain::RoleGrant& g) {
    return tx_.insert(kAddRoleGrant, {g.account_id, g.role, g.municipality_number, g.alis_office,
                                      g.starts_on, g.ends_on});
}

void Identity::remove_role_grant(std::int64_t grant_id) {
    tx_.execute(kRemoveRoleGrant, {grant_id});
}

void Identity::add_session(const domain::Session& x) {
    tx_.execute(kAddSession, {x.id_hash, x.account_id, x.csrf_token, x.created_at, x.last_seen,
                              x.reauthenticated_at});
}

void Identity::touch_session(const std::string& id_hash, std::int64_t last_seen) {
    tx_.execute(kTouchSession, {id_hash, last_seen});
}

void Identity::set_session_reauthenticated(const std::string& id_hash, std::int64_t at) {
    tx_.execute(kReauthenticated, {id_hash, at});
}

void Identity::delete_session(const std::string& id_hash) {
    tx_.execute(kDeleteSession, {id_hash});
}

void Identity::delete_sessions_of(std::int64_t account_id) {
    tx_.execute(kDeleteSessionsOf, {account_id});
}

void Identity::add_login_failure(const std::string& email, const std::string& address,
                                 std::int64_t at) {
    tx_.execute(kAddLoginFailure, {email, address, at});
}

std::optional<std::string> Identity::calendar_feed_of(std::int64_t account_id) const {
    return tx_.row(kCalendarFeedOf, {account_id}, [](const Row& row) { return row.instant(0); });
}

std::optional<std::int64_t> Identity::account_of_calendar_feed(
    const std::string& token_sha256) const {
    return tx_.row(kAccountOfCalendarFeed, {token_sha256},
                   [](const Row& row) { return row.integer(0); });
}

void Identity::set_calendar_feed(std::int64_t account_id, const std::string& token_sha256,
                                 const std::string& created_at) {
    tx_.execute(kDeleteCalendarFeed, {account_id});
    tx_.execute(kAddCalendarFeed, {account_id, token_sha256, created_at});
}

void Identity::delete_calendar_feed(std::int64_t account_id) {
    tx_.execute(kDeleteCalendarFeed, {account_id});
}

}  // namespace alis::store
