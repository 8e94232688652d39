#include "app/digests.hpp"

#include <algorithm>
#include <set>

#include "app/accounts.hpp"
#include "app/auth.hpp"
#include "store/database.hpp"

namespace alis::app {

std::string task_key(const Task& task) {
    return std::string(domain::to_string(task.kind)) + "|" +
           std::string(domain::to_string(task.role)) + "|" + task.url + "|" +
           (task.day ? task.day->iso() : "") + "|" + std::to_string(task.count);
}

DigestRun queue_digests(Application& app, domain::Date today, const DigestWriter& write) {
    DigestRun run;
    // No structured binding: the unit of work's lambda below captures the account (clang 14).
    for (const auto& entry : accounts_with_roles(app)) {
        const domain::Account& account = entry.account;
        if (account.disabled) {
            continue;
        }
        ++run.accounts;
        Actor actor;
        actor.account_id = account.id;
        actor.email = account.email;
        actor.display_name = account.display_name;
        actor.person_id = account.person_id;
        actor.roles = entry.roles;
        const auto tasks = tasks_of(app, actor, today);
        const DigestRecipient recipient{account.id, account.email, account.display_name};
        const std::int64_t now = app.now();
        app.database().write([&](store::UnitOfWork& w) {
            auto& outbox = w.mail_outbox();
            if (outbox.is_opted_out(account.id)) {
                ++run.opted_out;
                return;
            }
            if (outbox.has_digest(account.id, today)) {
                ++run.already_queued;
                return;
            }
            const auto sent = outbox.sent_task_keys(account.id);
            const std::set<std::string> announced(sent.begin(), sent.end());
            std::set<std::string> current;
            std::vector<Task> fresh;
            for (const auto& task : tasks) {
                auto key = task_key(task);
                if (!announced.contains(key)) {
                    fresh.push_back(task);
                }
                current.insert(std::move(key));
            }
            for (const auto& key : announced) {
                if (!current.contains(key)) {
                    outbox.remove_sent_task(account.id, key);
                }
            }
            if (fresh.empty()) {
                ++run.nothing_new;
                return;
            }
            const auto text = write(recipient, fresh);
            domain::OutboxMail mail;
            mail.account_id = account.id;
            mail.digest_on = today;
            mail.recipient = account.email;
            mail.subject = text.subject;
            mail.body = text.body;
            mail.queued_at = now;
            outbox.add(mail);
            for (const auto& task : fresh) {
                outbox.add_sent_task(account.id, task_key(task), today);
            }
            ++run.queued;
        });
    }
    return run;
}

DigestChoice digest_choice(Application& app, std::int64_t account_id) {
    return app.database().read([&](const store::Snapshot& s) {
        return s.mail_outbox().is_opted_out(account_id) ? DigestChoice::opt_out
                                                        : DigestChoice::receive;
    });
}

void set_digest_choice(Application& app, std::int64_t account_id, DigestChoice choice,
                       domain::AuditEvent audit) {
    const std::int64_t now = app.now();
    app.database().write([&](store::UnitOfWork& w) {
        if (choice == DigestChoice::opt_out) {
            w.mail_outbox().put_opt_out(account_id, now);
        } else {
            w.mail_outbox().remove_opt_out(account_id);
        }
        auto e = std::move(audit);
        e.action = choice == DigestChoice::opt_out ? "account.digest_opted_out"
                                                   : "account.digest_opted_in";
        e.outcome = "ok";
        e.target = "account " + std::to_string(account_id);
        w.audit().append(std::move(e));
    });
}

std::optional<MailClaim> claim_mail(Application& app, std::int64_t lease_seconds) {
    const std::int64_t now = app.now();
    auto token = random_token();
    auto mail = app.database().write([&](store::UnitOfWork& w) {
        return w.mail_outbox().claim_next(token, now, now + lease_seconds);
    });
    if (!mail) {
        return std::nullopt;
    }
    return MailClaim{std::move(*mail), std::move(token)};
}

bool mark_mail_committing(Application& app, const MailClaim& claim) {
    const std::int64_t now = app.now();
    return app.database().write([&](store::UnitOfWork& w) {
        return w.mail_outbox().mark_committing(claim.mail.id, claim.token, now);
    });
}

bool mark_mail_sent(Application& app, const MailClaim& claim) {
    const std::int64_t now = app.now();
    return app.database().write([&](store::UnitOfWork& w) {
        return w.mail_outbox().mark_sent(claim.mail.id, claim.token, now);
    });
}

void mark_mail_failed(Application& app, const MailClaim& claim, const std::string& error,
                      MailFailure failure, const domain::RetryPolicy& policy) {
    std::optional<std::int64_t> next;
    if (failure == MailFailure::transient) {
        next = app.now() + domain::retry_delay(policy, claim.mail.attempts + 1);
    }
    const auto reason = error.substr(0, 500);
    app.database().write([&](store::UnitOfWork& w) {
        if (failure == MailFailure::uncertain) {
            w.mail_outbox().mark_uncertain(claim.mail.id, claim.token, reason);
        } else {
            w.mail_outbox().mark_failed(claim.mail.id, claim.token, next, reason);
        }
    });
}

std::vector<domain::OutboxMail> outbox(Application& app) {
    return app.database().read([](const store::Snapshot& s) { return s.mail_outbox().all(); });
}

}  // namespace alis::app
