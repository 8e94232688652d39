#pragma once

// E-mail digests (issue 14): once a day each account gets a mail that lists its new tasks
// (app::tasks_of) — the tasks no earlier digest announced — unless it opted out on /meg. A
// digest waits in the outbox until an SMTP server accepted it; these are the use cases of the
// outbox too: claiming a mail for one sender, marking it sent, counting a failure with its
// backoff. The text of a digest is the front's (web/digest_view.hpp, from the catalogue); the
// SMTP client is web's (web/smtp.hpp). docs/operations.md, "E-mail digests".

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/tasks.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/mail.hpp"

namespace alis::app {

// Whom a digest is for.
struct DigestRecipient {
    std::int64_t account_id = 0;
    std::string email;
    std::string display_name;
};

// The subject and plain-text body of one digest.
struct DigestText {
    std::string subject;
    std::string body;
};

// Writes the digest of `tasks` (the recipient's new tasks, never empty) for `recipient`.
using DigestWriter =
    std::function<DigestText(const DigestRecipient& recipient, const std::vector<Task>& tasks)>;

// What a pass of queue_digests did, account by account.
struct DigestRun {
    int accounts = 0;        // Accounts looked at (not disabled).
    int queued = 0;          // Digests put in the outbox.
    int opted_out = 0;       // Accounts that want no digest.
    int nothing_new = 0;     // Accounts with no task a digest has not announced.
    int already_queued = 0;  // Accounts whose digest of the day is in the outbox already.
};

// The key a digest remembers a task by: its kind, role, page, day and count, so that a task is
// announced again only when it changed (another day, another count). No names.
std::string task_key(const Task& task);

// Puts today's digest of every account that has new tasks and did not opt out into the outbox,
// and remembers the tasks announced; an account's second pass on one day queues nothing. Tasks
// that are no longer on an account's list are forgotten, so that they are news when they return.
DigestRun queue_digests(Application& app, domain::Date today, const DigestWriter& write);

// Whether the account wants the daily digest.
enum class DigestChoice { receive, opt_out };

// The account's choice (receive unless it opted out).
DigestChoice digest_choice(Application& app, std::int64_t account_id);

// Records the account's choice with its audit event ("account.digest_opted_out" or
// "account.digest_opted_in"), in one transaction.
void set_digest_choice(Application& app, std::int64_t account_id, DigestChoice choice,
                       domain::AuditEvent audit);

// A mail one sender holds: nobody else sends it while the claim lasts.
struct MailClaim {
    domain::OutboxMail mail;
    std::string token;
};

// Claims the oldest mail due now for `lease_seconds`, or nullopt when none is due.
std::optional<MailClaim> claim_mail(Application& app, std::int64_t lease_seconds);

// Marks that the claim's delivery is about to end (the SMTP DATA's final dot): from here on the
// mail is never claimed again by itself, since it may have been delivered. False when the claim
// ran out and someone else may hold the mail: then the delivery must not end.
bool mark_mail_committing(Application& app, const MailClaim& claim);

// Marks the mail sent now. False when the claim was lost (the mail was sent all the same).
bool mark_mail_sent(Application& app, const MailClaim& claim);

// Why a delivery failed: the server or the network may let it through later (transient), the
// server refused the mail for good (permanent), or the server may have it after all, since its
// answer to the mail's end never came (uncertain). Only a transient failure is tried again.
enum class MailFailure { transient, permanent, uncertain };

// Counts a failed attempt of the claim's mail with its one-line reason, and sets the next attempt
// by `policy` (none unless transient). An uncertain failure keeps the mark that the delivery was
// ending, so that the mail is never sent again by itself; the others clear it.
void mark_mail_failed(Application& app, const MailClaim& claim, const std::string& error,
                      MailFailure failure, const domain::RetryPolicy& policy);

// Every mail of the outbox, oldest first (for the operators' summary and the tests).
std::vector<domain::OutboxMail> outbox(Application& app);

}  // namespace alis::app
