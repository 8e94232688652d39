#include "app/accounts.hpp"

#include "app/auth.hpp"
#include "store/database.hpp"

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

void check_scope(const store::Snapshot& s, domain::Role role,
                 const std::optional<std::string>& municipality_number,
                 const std::optional<std::string>& alis_office) {
    if (role == domain::Role::leader) {
        if (!municipality_number) {
            throw AccountError("a leader needs --municipality NUMBER");
        }
        if (!s.municipalities().find(*municipality_number)) {
            throw AccountError("no municipality with number " + *municipality_number);
        }
    }
    if (role == domain::Role::regional_office && !alis_office) {
        throw AccountError("a regional office account needs --office NAME");
    }
}

// The checks of a new account that need no database, in the order their reasons are given.
void check_new_account(const PasswordPolicy& policy, const NewAccount& account) {
    if (account.email.find('@') == std::string::npos || account.email.size() > 254) {
        throw AccountError("'" + account.email + "' is not an e-mail address");
    }
    if (account.display_name.empty()) {
        throw AccountError("the account needs a name (--name)");
    }
    if (const auto problem = policy.check(account.password)) {
        throw AccountError(password_reason(*problem));
    }
}

domain::AuditEvent admin_event(const std::string& by, std::int64_t now, std::string action,
                               std::string target) {
    return audit_event(now, AuditOrigin{std::nullopt, by, "-", std::move(target)},
                       std::move(action), "ok");
}

std::int64_t add_grant(store::UnitOfWork& w, std::int64_t account_id, domain::Role role,
                       const std::optional<std::string>& municipality_number,
                       const std::optional<std::string>& alis_office, domain::Date starts_on) {
    domain::RoleGrant grant;
    grant.account_id = account_id;
    grant.role = role;
    grant.municipality_number = municipality_number;
    grant.alis_office = alis_office;
    grant.starts_on = starts_on;
    return w.identity().add_role_grant(grant);
}

}  // namespace

domain::AuditEvent administration_event(Application& app, const std::string& by) {
    return admin_event(by, app.now(), "", "");
}

namespace {

// Stores an account that check_new_account has passed, with its password's hash.
std::int64_t insert_account(Application& app, const NewAccount& account, const std::string& by,
                            const std::string& password_hash) {
    domain::Account row;
    row.email = account.email;
    row.display_name = account.display_name;
    row.person_id = account.person_id;
    row.password_hash = password_hash;
    const std::int64_t now = app.now();
    return app.database().write([&](store::UnitOfWork& w) {
        check_scope(w, account.role, account.municipality_number, account.alis_office);
        if (account.person_id && !w.people().find(*account.person_id)) {
            throw AccountError("no person with id " + std::to_string(*account.person_id));
        }
        if (w.identity().find_account_by_email(account.email)) {
            throw AccountError("an account with e-mail " + account.email + " exists already");
        }
        const std::int64_t id = w.identity().add_account(row);
        add_grant(w, id, account.role, account.municipality_number, account.alis_office,
                  account.starts_on);
        auto e = admin_event(by, now, "account.created",
                             "account " + std::to_string(id) + " role " +
                                 std::string(domain::to_string(account.role)));
        e.subject_person_id = account.person_id;
        w.audit().append(std::move(e));
        return id;
    });
}

}  // namespace

std::int64_t create_account(Application& app, const PasswordPolicy& policy,
                            const NewAccount& account, const std::string& by) {
    check_new_account(policy, account);
    return insert_account(app, account, by, hash_password(account.password));
}

std::int64_t create_account(Application& app, const PasswordPolicy& policy,
                            const NewAccount& account, const std::string& by,
                            const std::string& password_hash) {
    check_new_account(policy, account);
    return insert_account(app, account, by, password_hash);
}

std::vector<AccountWithRoles> accounts_with_roles(Application& app) {
    return app.database().read([](const store::Snapshot& s) {
        std::vector<AccountWithRoles> result;
        for (auto& account : s.identity().accounts()) {
            auto roles = s.identity().role_grants_of(account.id);
            result.push_back({std::move(account), std::move(roles)});
        }
        return result;
    });
}

std::optional<domain::Account> find_account_by_email(Application& app, const std::string& email) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.identity().find_account_by_email(email); });
}

std::vector<domain::RoleGrant> roles_of(Application& app, std::int64_t account_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.identity().role_grants_of(account_id); });
}

DisableOutcome disable_account(Application& app, std::int64_t account_id,
                               domain::AuditEvent audit) {
    const domain::Date today = app.today();
    return app.database().write([&](store::UnitOfWork& w) {
        const auto account = w.identity().find_account(account_id);
        if (!account) {
            return DisableOutcome::unknown_account;
        }
        if (w.identity().is_active_admin(account_id, today) &&
            w.identity().active_admin_accounts(today) <= 1) {
            return DisableOutcome::last_active_admin;
        }
        w.identity().set_account_disabled(account_id, true);
        w.identity().delete_sessions_of(account_id);
        auto e = audit;
        e.action = "account.disabled";
        e.outcome = "ok";
        e.target = "account " + std::to_string(account_id);
        e.subject_person_id = account->person_id;
        w.audit().append(std::move(e));
        return DisableOutcome::disabled;
    });
}

std::int64_t grant_role(Application& app, const std::string& email, domain::Role role,
                        const std::optional<std::string>& municipality_number,
                        const std::optional<std::string>& alis_office, domain::Date starts_on,
                        const std::string& by) {
    const std::int64_t now = app.now();
    return app.database().write([&](store::UnitOfWork& w) {
        const auto account = w.identity().find_account_by_email(email);
        if (!account) {
            throw AccountError("no account with e-mail " + email);
        }
        check_scope(w, role, municipality_number, alis_office);
        const std::int64_t id =
            add_grant(w, account->id, role, municipality_number, alis_office, starts_on);
        w.audit().append(admin_event(by, now, "role.granted",
                                     "account " + std::to_string(account->id) + " role " +
                                         std::string(domain::to_string(role))));
        return id;
    });
}

}  // namespace alis::app
