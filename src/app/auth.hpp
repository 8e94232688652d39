#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/identity.hpp"
#include "domain/person.hpp"

namespace alis::app {

inline constexpr std::int64_t kSessionIdleSeconds = 30 * 60;
inline constexpr std::int64_t kSessionAbsoluteSeconds = 12 * 60 * 60;
// last_seen is written at most this often, so that reads do not all become writes.
inline constexpr std::int64_t kSessionTouchSeconds = 60;
// Login throttling (docs/security.md, "Lockout by wrong passwords"), each over the last hour:
// - one address may fail kMaxFailuresPerAccountAndAddressPerHour times for one account;
// - one address may fail kMaxFailuresPerAddressPerHour times in all (many accounts);
// - once an account has kMaxFailuresPerAccountPerHour failures from anywhere, an address that
//   has failed for it in the last kAccountUnderAttackDelaySeconds waits: a distributed guesser
//   gets one guess per address per delay, while an address that has not failed for the account
//   (the owner's usual one) still logs in.
inline constexpr int kMaxFailuresPerAccountAndAddressPerHour = 10;
inline constexpr int kMaxFailuresPerAddressPerHour = 300;
inline constexpr int kMaxFailuresPerAccountPerHour = 100;
inline constexpr std::int64_t kAccountUnderAttackDelaySeconds = 15 * 60;

enum class LoginOutcome { ok, wrong_credentials, throttled };

struct LoginResult {
    LoginOutcome outcome = LoginOutcome::wrong_credentials;
    std::string session_id;  // The cookie value (only here and in the cookie; stored hashed).
    std::string csrf_token;
};

// A session found from its cookie, with the actor it belongs to.
struct ResumedSession {
    Actor actor;
    std::string id_hash;
    std::string csrf_token;
};

// Login, sessions, logout and re-authentication for local accounts. An identity provider
// (OpenID Connect: ID-porten, HelseID) will be a second way to reach `start_session`; handlers
// only ever see a ResumedSession (see docs/decisions.md).
class Authenticator {
  public:
    // `now` gives Unix seconds; injectable for tests.
    explicit Authenticator(Application& app);

    // Checks the password (Argon2id), throttling per account and per address; on success
    // starts a new session with a fresh id (so a session id planted before login is useless).
    // Every attempt is audited; the password never is.
    LoginResult login(const std::string& email, const std::string& password,
                      const std::string& address);
    // The session for a cookie value, or nullopt when unknown, idle for 30 minutes, older than
    // 12 hours, or its account is disabled (an expired session is deleted).
    std::optional<ResumedSession> resume(const std::string& session_id);
    // Ends the session on the server.
    void logout(const ResumedSession& session, const std::string& address);
    // Checks the password again for actions that need recent authentication.
    bool reauthenticate(const ResumedSession& session, const std::string& password,
                        const std::string& address);

    // The hash a session id is stored under.
    static std::string hash_session_id(const std::string& session_id);

  private:
    std::string start_session(std::int64_t account_id, std::string& csrf_token);

    Application& app_;
};

// The facts access to a person's record is derived from, on `day`.
Resource person_resource(Application& app, std::int64_t person_id, domain::Date day);
// The facts access to one employment of a person is derived from, on `day`: its municipality and
// last day, and the municipalities that employ the person (kind none when it is not one of the
// person's employments).
Resource employment_resource(Application& app, std::int64_t person_id, std::int64_t employment_id,
                             domain::Date day);
// The same, of an employment already read, with the municipalities that employ the person today.
Resource employment_resource(std::int64_t person_id, const domain::Employment& employment,
                             std::vector<std::string> employing_municipalities);
// The facts access to a municipality is derived from.
Resource municipality_resource(Application& app, const std::string& number);

// Who does something, from where and through what: the part of an audit event that the front
// (a request, a command) knows.
struct AuditOrigin {
    std::optional<std::int64_t> account_id;
    std::string label;    // The actor's e-mail, or "anonym", "cli", "system".
    std::string address;  // The client's IP address, or "-".
    std::string target;   // The route ("POST /personer/{person}/permisjoner/ny") or object.
};

// The one way alis makes an audit event: at `now` (Unix seconds), by `origin`, `action` with
// `outcome` ("ok", "failed", "denied"). The caller sets the subject and appends it.
domain::AuditEvent audit_event(std::int64_t now, const AuditOrigin& origin, std::string action,
                               std::string outcome);

// One page of "Hvem har sett mine opplysninger": the reads of a person's record
// (`person.read`), newest first, selected directly (not among the person's other events, which
// anyone could add by being refused).
inline constexpr int kAccessLogPageSize = 50;
inline constexpr int kAccessLogMaxPageSize = 200;
struct AccessLogPage {
    std::vector<domain::AuditEvent> reads;
    int page = 1;  // From 1.
    int size = kAccessLogPageSize;
    bool has_next = false;
};
// Page `page` (from 1; anything below reads as 1) of `size` reads (1..kAccessLogMaxPageSize,
// clamped) of the person's record.
AccessLogPage access_log(Application& app, std::int64_t person_id, int page,
                         int size = kAccessLogPageSize);

// Appends one event to the audit trail in its own transaction.
void record_audit(Application& app, domain::AuditEvent event);
// Appends events to the audit trail, all in one transaction.
void record_audits(Application& app, const std::vector<domain::AuditEvent>& events);

// Unix seconds as "2026-11-22T10:15:30Z".
std::string utc_iso(std::int64_t unix_seconds);

// 32 random bytes as 64 hex digits (session ids, CSRF tokens).
std::string random_token();

}  // namespace alis::app
