#include "app/auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "app/passwords.hpp"

namespace alis::app {
namespace {

std::string hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

store::AuditEvent event(std::int64_t now, std::string action, std::string outcome,
                        std::string address) {
    store::AuditEvent e;
    e.at = utc_iso(now);
    e.action = std::move(action);
    e.outcome = std::move(outcome);
    e.address = std::move(address);
    e.target = "/logg-inn";
    return e;
}

}  // namespace

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
    return hex(bytes, sizeof bytes);
}

void record_audit(store::Store& store, store::AuditEvent event) {
    store.write([&](store::StoreWriter& writer) { writer.append_audit(std::move(event)); });
}

Actor actor_for(store::Store& store, const store::Account& account, std::int64_t authenticated_at) {
    Actor actor;
    actor.account_id = account.id;
    actor.email = account.email;
    actor.display_name = account.display_name;
    actor.person_id = account.person_id;
    actor.roles = store.role_grants_of(account.id);
    actor.authenticated_at = authenticated_at;
    return actor;
}

Resource person_resource(store::Store& store, std::int64_t person_id, domain::Date day) {
    Resource r;
    r.kind = Resource::Kind::person;
    r.person_id = person_id;
    r.employing_municipalities = store.employing_municipalities(person_id, day);
    for (const auto& number : r.employing_municipalities) {
        if (const auto m = store.municipality(number)) {
            r.employing_offices.push_back(m->alis_office);
        }
    }
    for (const auto& e : store.employments_of(person_id)) {
        if (day < e.starts_on &&
            std::find(r.hiring_municipalities.begin(), r.hiring_municipalities.end(),
                      e.municipality_number) == r.hiring_municipalities.end()) {
            r.hiring_municipalities.push_back(e.municipality_number);
        }
    }
    r.supervisor_person_ids = store.supervisors_of(person_id, day);
    return r;
}

Resource municipality_resource(store::Store& store, const std::string& number) {
    Resource r;
    r.kind = Resource::Kind::municipality;
    r.municipality_number = number;
    if (const auto m = store.municipality(number)) {
        r.municipality_office = m->alis_office;
    }
    return r;
}

Authenticator::Authenticator(store::Store& store, std::function<std::int64_t()> now)
    : store_(store), now_(std::move(now)) {}

std::string Authenticator::hash_session_id(const std::string& session_id) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(session_id.data()),
                       session_id.size());
    return hex(digest, sizeof digest);
}

std::string Authenticator::start_session(std::int64_t account_id, std::string& csrf_token) {
    const std::int64_t now = now_();
    const std::string id = random_token();
    csrf_token = random_token();
    store::Session session;
    session.id_hash = hash_session_id(id);
    session.account_id = account_id;
    session.csrf_token = csrf_token;
    session.created_at = now;
    session.last_seen = now;
    session.reauthenticated_at = now;
    store_.write([&](store::StoreWriter& writer) { writer.add_session(session); });
    return id;
}

LoginResult Authenticator::login(const std::string& email, const std::string& password,
                                 const std::string& address) {
    const std::int64_t now = now_();
    const std::int64_t hour_ago = now - 3600;
    const std::string label = email.substr(0, 254);
    LoginResult result;
    if (store_.login_failures_for(label, hour_ago) >= kMaxFailuresPerAccountPerHour ||
        store_.login_failures_from(address, hour_ago) >= kMaxFailuresPerAddressPerHour) {
        auto e = event(now, "login.throttled", "denied", address);
        e.actor_label = label;
        record_audit(store_, std::move(e));
        result.outcome = LoginOutcome::throttled;
        return result;
    }
    const auto account = store_.account_by_email(email);
    // Unknown accounts cost the same time as known ones, so timing does not tell them apart.
    const bool password_ok =
        verify_password(account ? account->password_hash : decoy_password_hash(), password);
    if (!account || !password_ok || account->disabled) {
        store_.write([&](store::StoreWriter& writer) {
            writer.add_login_failure(label, address, now);
            auto e = event(now, "login.failed", "failed", address);
            e.actor_label = label;
            if (account) {
                e.actor_account_id = account->id;
            }
            writer.append_audit(std::move(e));
        });
        result.outcome = LoginOutcome::wrong_credentials;
        return result;
    }
    result.session_id = start_session(account->id, result.csrf_token);
    auto e = event(now, "login.succeeded", "ok", address);
    e.actor_account_id = account->id;
    e.actor_label = account->email;
    record_audit(store_, std::move(e));
    result.outcome = LoginOutcome::ok;
    return result;
}

std::optional<ResumedSession> Authenticator::resume(const std::string& session_id) {
    if (session_id.size() != 64) {
        return std::nullopt;
    }
    const std::string id_hash = hash_session_id(session_id);
    const auto session = store_.session(id_hash);
    if (!session) {
        return std::nullopt;
    }
    const std::int64_t now = now_();
    const auto account = store_.account(session->account_id);
    if (!account || account->disabled || now - session->last_seen > kSessionIdleSeconds ||
        now - session->created_at > kSessionAbsoluteSeconds) {
        store_.write([&](store::StoreWriter& writer) { writer.delete_session(id_hash); });
        return std::nullopt;
    }
    if (now - session->last_seen >= kSessionTouchSeconds) {
        store_.write([&](store::StoreWriter& writer) { writer.touch_session(id_hash, now); });
    }
    return ResumedSession{actor_for(store_, *account, session->reauthenticated_at), id_hash,
                          session->csrf_token};
}

void Authenticator::logout(const ResumedSession& session, const std::string& address) {
    store_.write([&](store::StoreWriter& writer) {
        writer.delete_session(session.id_hash);
        auto e = event(now_(), "logout", "ok", address);
        e.target = "/logg-ut";
        e.actor_account_id = session.actor.account_id;
        e.actor_label = session.actor.email;
        writer.append_audit(std::move(e));
    });
}

bool Authenticator::reauthenticate(const ResumedSession& session, const std::string& password,
                                   const std::string& address) {
    const std::int64_t now = now_();
    // The same throttle as login: a stolen session must not become a password oracle.
    if (store_.login_failures_for(session.actor.email, now - 3600) >=
            kMaxFailuresPerAccountPerHour ||
        store_.login_failures_from(address, now - 3600) >= kMaxFailuresPerAddressPerHour) {
        return false;
    }
    const auto account = store_.account(session.actor.account_id);
    const bool ok =
        account && !account->disabled && verify_password(account->password_hash, password);
    store_.write([&](store::StoreWriter& writer) {
        if (ok) {
            writer.set_session_reauthenticated(session.id_hash, now);
        } else {
            writer.add_login_failure(session.actor.email, address, now);
        }
        auto e = event(now, ok ? "reauthentication.succeeded" : "reauthentication.failed",
                       ok ? "ok" : "failed", address);
        e.target = "/bekreft-passord";
        e.actor_account_id = session.actor.account_id;
        e.actor_label = session.actor.email;
        writer.append_audit(std::move(e));
    });
    return ok;
}

}  // namespace alis::app
