#include "app/auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "app/hashing.hpp"
#include "app/passwords.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

// An event of the login form, by whoever the e-mail names (set by the caller).
domain::AuditEvent event(std::int64_t now, std::string action, std::string outcome,
                         std::string address) {
    return audit_event(now, AuditOrigin{std::nullopt, "", std::move(address), "/logg-inn"},
                       std::move(action), std::move(outcome));
}

}  // namespace

domain::AuditEvent audit_event(std::int64_t now, const AuditOrigin& origin, std::string action,
                               std::string outcome) {
    domain::AuditEvent e;
    e.at = utc_iso(now);
    e.actor_account_id = origin.account_id;
    e.actor_label = origin.label;
    e.address = origin.address;
    e.target = origin.target;
    e.action = std::move(action);
    e.outcome = std::move(outcome);
    return e;
}

std::string utc_iso(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string random_token() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return to_hex(bytes, sizeof bytes);
}

AccessLogPage access_log(Application& app, std::int64_t person_id, int page, int size) {
    AccessLogPage result;
    result.page = std::max(page, 1);
    result.size = std::clamp(size, 1, kAccessLogMaxPageSize);
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.size;
    // One more than the page, to know whether there is a next one.
    result.reads = app.database().read([&](const store::Snapshot& s) {
        return s.audit().events_about(person_id, "person.read", result.size + 1, offset);
    });
    if (static_cast<int>(result.reads.size()) > result.size) {
        result.has_next = true;
        result.reads.pop_back();
    }
    return result;
}

void record_audit(Application& app, domain::AuditEvent event) {
    app.database().write([&](store::UnitOfWork& w) { w.audit().append(event); });
}

void record_audits(Application& app, const std::vector<domain::AuditEvent>& events) {
    app.database().write([&](store::UnitOfWork& w) {
        for (const auto& event : events) {
            w.audit().append(event);
        }
    });
}

namespace {

// The actor of an account: its roles as they are stored.
Actor actor_for(const store::Snapshot& s, const domain::Account& account,
                std::int64_t authenticated_at) {
    Actor actor;
    actor.account_id = account.id;
    actor.email = account.email;
    actor.display_name = account.display_name;
    actor.person_id = account.person_id;
    actor.roles = s.identity().role_grants_of(account.id);
    actor.authenticated_at = authenticated_at;
    return actor;
}

// The throttles of login and re-authentication (see kMaxFailuresPerAccountAndAddressPerHour):
// per (account, address), per address, and a delay per address for an account under attack.
// Nothing here stops the account as such, so failures elsewhere never lock its owner out.
bool throttled(const store::Snapshot& s, const std::string& email, const std::string& address,
               std::int64_t now) {
    const std::int64_t hour_ago = now - 3600;
    const auto& identity = s.identity();
    if (identity.login_failures_for_from(email, address, hour_ago) >=
            kMaxFailuresPerAccountAndAddressPerHour ||
        identity.login_failures_from(address, hour_ago) >= kMaxFailuresPerAddressPerHour) {
        return true;
    }
    return identity.login_failures_for(email, hour_ago) >= kMaxFailuresPerAccountPerHour &&
           identity.login_failures_for_from(email, address, now - kAccountUnderAttackDelaySeconds) >
               0;
}

}  // namespace

Resource person_resource(Application& app, std::int64_t person_id, domain::Date day) {
    return app.database().read([&](const store::Snapshot& s) {
        Resource r;
        r.kind = Resource::Kind::person;
        r.person_id = person_id;
        r.employing_municipalities = s.people().employing_municipalities(person_id, day);
        for (const auto& number : r.employing_municipalities) {
            if (const auto m = s.municipalities().find(number)) {
                r.employing_offices.push_back(m->alis_office);
            }
        }
        for (const auto& e : s.people().employments_of(person_id)) {
            if (day < e.starts_on &&
                std::find(r.hiring_municipalities.begin(), r.hiring_municipalities.end(),
                          e.municipality_number) == r.hiring_municipalities.end()) {
                r.hiring_municipalities.push_back(e.municipality_number);
            }
        }
        r.supervisor_person_ids = s.supervisors().supervisors_of(person_id, day);
        for (const auto& i : s.learning_log().invitations_of(person_id)) {
            if (!i.withdrawn_at) {
                r.clinical_supervisor_emails.push_back(i.email);
            }
        }
        return r;
    });
}

Resource employment_resource(std::int64_t person_id, const domain::Employment& employment,
                             std::vector<std::string> employing_municipalities) {
    Resource r;
    r.kind = Resource::Kind::employment;
    r.person_id = person_id;
    r.employing_municipalities = std::move(employing_municipalities);
    r.employment_municipality = employment.municipality_number;
    r.employment_ends_on = employment.ends_on;
    return r;
}

Resource employment_resource(Application& app, std::int64_t person_id, std::int64_t employment_id,
                             domain::Date day) {
    return app.database().read([&](const store::Snapshot& s) {
        for (const auto& e : s.people().employments_of(person_id)) {
            if (e.id == employment_id) {
                return employment_resource(person_id, e,
                                           s.people().employing_municipalities(person_id, day));
            }
        }
        return Resource{};
    });
}

Resource municipality_resource(Application& app, const std::string& number) {
    Resource r;
    r.kind = Resource::Kind::municipality;
    r.municipality_number = number;
    const auto m = app.database().read(
        [&](const store::Snapshot& s) { return s.municipalities().find(number); });
    if (m) {
        r.municipality_office = m->alis_office;
    }
    return r;
}

Authenticator::Authenticator(Application& app) : app_(app) {}

std::string Authenticator::hash_session_id(const std::string& session_id) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(session_id.data()),
                       session_id.size());
    return to_hex(digest, sizeof digest);
}

std::string Authenticator::start_session(std::int64_t account_id, std::string& csrf_token) {
    const std::int64_t now = app_.now();
    const std::string id = random_token();
    csrf_token = random_token();
    domain::Session session;
    session.id_hash = hash_session_id(id);
    session.account_id = account_id;
    session.csrf_token = csrf_token;
    session.created_at = now;
    session.last_seen = now;
    session.reauthenticated_at = now;
    app_.database().write([&](store::UnitOfWork& w) { w.identity().add_session(session); });
    return id;
}

LoginResult Authenticator::login(const std::string& email, const std::string& password,
                                 const std::string& address) {
    const std::int64_t now = app_.now();
    const std::string label = email.substr(0, 254);
    LoginResult result;
    std::optional<domain::Account> account;
    const bool refused = app_.database().read([&](const store::Snapshot& s) {
        if (throttled(s, label, address, now)) {
            return true;
        }
        account = s.identity().find_account_by_email(email);
        return false;
    });
    if (refused) {
        auto e = event(now, "login.throttled", "denied", address);
        e.actor_label = label;
        record_audit(app_, std::move(e));
        result.outcome = LoginOutcome::throttled;
        return result;
    }
    // Unknown accounts cost the same time as known ones, so timing does not tell them apart.
    const bool password_ok =
        verify_password(account ? account->password_hash : decoy_password_hash(), password);
    if (!account || !password_ok || account->disabled) {
        app_.database().write([&](store::UnitOfWork& w) {
            w.identity().add_login_failure(label, address, now);
            auto e = event(now, "login.failed", "failed", address);
            e.actor_label = label;
            if (account) {
                e.actor_account_id = account->id;
            }
            w.audit().append(std::move(e));
        });
        result.outcome = LoginOutcome::wrong_credentials;
        return result;
    }
    result.session_id = start_session(account->id, result.csrf_token);
    auto e = event(now, "login.succeeded", "ok", address);
    e.actor_account_id = account->id;
    e.actor_label = account->email;
    record_audit(app_, std::move(e));
    result.outcome = LoginOutcome::ok;
    return result;
}

std::optional<ResumedSession> Authenticator::resume(const std::string& session_id) {
    if (session_id.size() != 64) {
        return std::nullopt;
    }
    const std::string id_hash = hash_session_id(session_id);
    const std::int64_t now = app_.now();
    enum class Found { none, expired, live };
    std::optional<ResumedSession> resumed;
    std::int64_t last_seen = 0;
    const Found found = app_.database().read([&](const store::Snapshot& s) {
        const auto session = s.identity().find_session(id_hash);
        if (!session) {
            return Found::none;
        }
        const auto account = s.identity().find_account(session->account_id);
        if (!account || account->disabled || now - session->last_seen > kSessionIdleSeconds ||
            now - session->created_at > kSessionAbsoluteSeconds) {
            return Found::expired;
        }
        last_seen = session->last_seen;
        resumed = ResumedSession{actor_for(s, *account, session->reauthenticated_at), id_hash,
                                 session->csrf_token};
        return Found::live;
    });
    if (found == Found::expired) {
        app_.database().write([&](store::UnitOfWork& w) { w.identity().delete_session(id_hash); });
        return std::nullopt;
    }
    if (found == Found::live && now - last_seen >= kSessionTouchSeconds) {
        app_.database().write(
            [&](store::UnitOfWork& w) { w.identity().touch_session(id_hash, now); });
    }
    return resumed;
}

void Authenticator::logout(const ResumedSession& session, const std::string& address) {
    app_.database().write([&](store::UnitOfWork& w) {
        w.identity().delete_session(session.id_hash);
        auto e = event(app_.now(), "logout", "ok", address);
        e.target = "/logg-ut";
        e.actor_account_id = session.actor.account_id;
        e.actor_label = session.actor.email;
        w.audit().append(std::move(e));
    });
}

bool Authenticator::reauthenticate(const ResumedSession& session, const std::string& password,
                                   const std::string& address) {
    const std::int64_t now = app_.now();
    std::optional<domain::Account> account;
    // The same throttle as login: a stolen session must not become a password oracle.
    const bool refused = app_.database().read([&](const store::Snapshot& s) {
        if (throttled(s, session.actor.email, address, now)) {
            return true;
        }
        account = s.identity().find_account(session.actor.account_id);
        return false;
    });
    if (refused) {
        return false;
    }
    const bool ok =
        account && !account->disabled && verify_password(account->password_hash, password);
    app_.database().write([&](store::UnitOfWork& w) {
        if (ok) {
            w.identity().set_session_reauthenticated(session.id_hash, now);
        } else {
            w.identity().add_login_failure(session.actor.email, address, now);
        }
        auto e = event(now, ok ? "reauthentication.succeeded" : "reauthentication.failed",
                       ok ? "ok" : "failed", address);
        e.target = "/bekreft-passord";
        e.actor_account_id = session.actor.account_id;
        e.actor_label = session.actor.email;
        w.audit().append(std::move(e));
    });
    return ok;
}

}  // namespace alis::app
