#include "app/accounts.hpp"

#include "app/auth.hpp"

namespace alis::app {
namespace {

std::string password_reason(PasswordProblem problem) {
    switch (problem) {
        case PasswordProblem::too_short:
            return "the password must be at least 12 characters";
        case PasswordProblem::too_long:
            return "the password must be at most 128 characters";
        case PasswordProblem::too_common:
            return "the password is in the list of common passwords; choose another";
    }
    return "the password is not accepted";
}

void check_scope(store::Store& store, store::Role role,
                 const std::optional<std::string>& municipality_number,
                 const std::optional<std::string>& alis_office) {
    if (role == store::Role::leader) {
        if (!municipality_number) {
            throw AccountError("a leader needs --municipality NUMBER");
        }
        if (!store.municipality(*municipality_number)) {
            throw AccountError("no municipality with number " + *municipality_number);
        }
    }
    if (role == store::Role::regional_office && !alis_office) {
        throw AccountError("a regional office account needs --office NAME");
    }
}

store::AuditEvent admin_event(const std::string& by, std::int64_t now, std::string action,
                              std::string target) {
    store::AuditEvent e;
    e.at = utc_iso(now);
    e.actor_label = by;
    e.action = std::move(action);
    e.target = std::move(target);
    e.outcome = "ok";
    e.address = "-";
    return e;
}

std::int64_t add_grant(store::StoreWriter& writer, std::int64_t account_id, store::Role role,
                       const std::optional<std::string>& municipality_number,
                       const std::optional<std::string>& alis_office, domain::Date starts_on) {
    store::RoleGrant grant;
    grant.account_id = account_id;
    grant.role = role;
    grant.municipality_number = municipality_number;
    grant.alis_office = alis_office;
    grant.starts_on = starts_on;
    return writer.add_role_grant(grant);
}

}  // namespace

std::int64_t create_account(store::Store& store, const PasswordPolicy& policy,
                            const NewAccount& account, const std::string& by, std::int64_t now) {
    if (account.email.find('@') == std::string::npos || account.email.size() > 254) {
        throw AccountError("'" + account.email + "' is not an e-mail address");
    }
    if (account.display_name.empty()) {
        throw AccountError("the account needs a name (--name)");
    }
    if (const auto problem = policy.check(account.password)) {
        throw AccountError(password_reason(*problem));
    }
    check_scope(store, account.role, account.municipality_number, account.alis_office);
    if (account.person_id && !store.person(*account.person_id)) {
        throw AccountError("no person with id " + std::to_string(*account.person_id));
    }
    if (store.account_by_email(account.email)) {
        throw AccountError("an account with e-mail " + account.email + " exists already");
    }
    store::Account row;
    row.email = account.email;
    row.display_name = account.display_name;
    row.person_id = account.person_id;
    row.password_hash = hash_password(account.password);
    std::int64_t id = 0;
    store.write([&](store::StoreWriter& writer) {
        id = writer.add_account(row);
        add_grant(writer, id, account.role, account.municipality_number, account.alis_office,
                  account.starts_on);
        auto e = admin_event(by, now, "account.created",
                             "account " + std::to_string(id) + " role " +
                                 std::string(store::to_string(account.role)));
        e.subject_person_id = account.person_id;
        writer.append_audit(std::move(e));
    });
    return id;
}

void disable_account(store::Store& store, const std::string& email, const std::string& by,
                     std::int64_t now) {
    const auto account = store.account_by_email(email);
    if (!account) {
        throw AccountError("no account with e-mail " + email);
    }
    store.write([&](store::StoreWriter& writer) {
        writer.set_account_disabled(account->id, true);
        writer.delete_sessions_of(account->id);
        auto e = admin_event(by, now, "account.disabled", "account " + std::to_string(account->id));
        e.subject_person_id = account->person_id;
        writer.append_audit(std::move(e));
    });
}

std::int64_t grant_role(store::Store& store, const std::string& email, store::Role role,
                        const std::optional<std::string>& municipality_number,
                        const std::optional<std::string>& alis_office, domain::Date starts_on,
                        const std::string& by, std::int64_t now) {
    const auto account = store.account_by_email(email);
    if (!account) {
        throw AccountError("no account with e-mail " + email);
    }
    check_scope(store, role, municipality_number, alis_office);
    std::int64_t id = 0;
    store.write([&](store::StoreWriter& writer) {
        id = add_grant(writer, account->id, role, municipality_number, alis_office, starts_on);
        writer.append_audit(admin_event(by, now, "role.granted",
                                        "account " + std::to_string(account->id) + " role " +
                                            std::string(store::to_string(role))));
    });
    return id;
}

}  // namespace alis::app
