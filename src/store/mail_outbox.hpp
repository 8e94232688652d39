#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/mail.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The e-mail digests' three tables (migration 0020): the accounts that asked for no digest, the
// tasks a digest already announced, and the outbox of mails to send. A mail is claimed by one
// sender at a time: the claim is a single UPDATE in a write, which both backends serialise (and
// PostgreSQL's writes take one advisory lock across every alis instance).
class MailOutbox {
  public:
    explicit MailOutbox(Transaction& tx) : tx_(tx) {}

    // True when the account asked for no digest.
    bool is_opted_out(std::int64_t account_id) const;
    // The keys (app::task_key) of the tasks a digest announced to the account.
    std::vector<std::string> sent_task_keys(std::int64_t account_id) const;
    // True when the account's digest of `day` is in the outbox (sent or not).
    bool has_digest(std::int64_t account_id, domain::Date day) const;
    // Every mail of the outbox, oldest first.
    std::vector<domain::OutboxMail> all() const;

    // Records that the account wants no digest from `at` (Unix seconds); again changes nothing.
    void put_opt_out(std::int64_t account_id, std::int64_t at);
    // Records that the account wants the digest again.
    void remove_opt_out(std::int64_t account_id);
    // Forgets that a digest announced the task `key` to the account.
    void remove_sent_task(std::int64_t account_id, const std::string& key);
    // Records that a digest of `day` announced the task `key` to the account.
    void add_sent_task(std::int64_t account_id, const std::string& key, domain::Date day);
    // Adds a mail to the outbox, due at once; returns its id. A second digest of one account and
    // day is a ConstraintViolation.
    std::int64_t add(const domain::OutboxMail& mail);

    // Claims the oldest mail due at `now` (not sent, not given up, its next attempt not later,
    // no live claim and no unfinished delivery) for `token` until `claimed_until`; nullopt when
    // none is due.
    std::optional<domain::OutboxMail> claim_next(const std::string& token, std::int64_t now,
                                                 std::int64_t claimed_until);
    // Marks, while `token` holds the claim, that the mail's delivery is about to end: from now on
    // it may have been delivered, so it is never claimed again. False when the claim was lost.
    bool mark_committing(std::int64_t id, const std::string& token, std::int64_t at);
    // Marks the mail sent at `at` and ends the claim; false when `token` no longer held it.
    bool mark_sent(std::int64_t id, const std::string& token, std::int64_t at);
    // Counts a failed attempt (the server does not have the mail), ends the claim and sets the
    // next attempt (nullopt: given up). False when `token` no longer held the claim.
    bool mark_failed(std::int64_t id, const std::string& token,
                     std::optional<std::int64_t> next_attempt_at, const std::string& error);
    // Counts an attempt whose end got no answer, ends the claim and keeps the mark that the
    // delivery was ending: the server may have the mail, so it is never claimed again. False
    // when `token` no longer held the claim or the delivery was not ending.
    bool mark_uncertain(std::int64_t id, const std::string& token, const std::string& error);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
