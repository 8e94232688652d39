#include "store/mail_outbox.hpp"

namespace alis::store {
namespace {

constexpr const char* kIsOptedOut = "SELECT count(*) FROM digest_opt_outs WHERE account_id = $1";
constexpr const char* kSentTaskKeys =
    "SELECT task_key FROM digest_sent_tasks WHERE account_id = $1 ORDER BY task_key";
constexpr const char* kHasDigest =
    "SELECT count(*) FROM mail_outbox WHERE account_id = $1 AND digest_on = $2";
#define ALIS_OUTBOX_COLUMNS                                                                      \
    "id, account_id, digest_on, recipient, subject, body, queued_at, attempts, next_attempt_at," \
    " sent_at, last_error"
constexpr const char* kAllMail = "SELECT " ALIS_OUTBOX_COLUMNS " FROM mail_outbox ORDER BY id";

constexpr const char* kPutOptOut =
    "INSERT INTO digest_opt_outs (account_id, opted_out_at) VALUES ($1, $2)"
    " ON CONFLICT (account_id) DO NOTHING";
constexpr const char* kRemoveOptOut = "DELETE FROM digest_opt_outs WHERE account_id = $1";
constexpr const char* kAddSentTask =
    "INSERT INTO digest_sent_tasks (account_id, task_key, sent_on) VALUES ($1, $2, $3)"
    " ON CONFLICT (account_id, task_key) DO NOTHING";
constexpr const char* kRemoveSentTask =
    "DELETE FROM digest_sent_tasks WHERE account_id = $1 AND task_key = $2";
constexpr const char* kAddMail =
    "INSERT INTO mail_outbox (account_id, digest_on, recipient, subject, body, queued_at,"
    " attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $6) RETURNING id";
// The one statement that claims: the row is picked and taken in one UPDATE, and the conditions
// are repeated outside the subquery so that a row another writer took in between is not taken.
constexpr const char* kClaimNextMail =
    "UPDATE mail_outbox SET claim_token = $1, claimed_until = $3"
    " WHERE id = (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND committing_at IS NULL"
    " AND next_attempt_at IS NOT NULL AND next_attempt_at <= $2"
    " AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY next_attempt_at, id LIMIT 1)"
    " AND sent_at IS NULL AND committing_at IS NULL"
    " AND (claimed_until IS NULL OR claimed_until < $2)"
    " RETURNING " ALIS_OUTBOX_COLUMNS;
constexpr const char* kMarkCommitting =
    "UPDATE mail_outbox SET committing_at = $3 WHERE id = $1 AND claim_token = $2"
    " AND sent_at IS NULL RETURNING id";
constexpr const char* kMarkSent =
    "UPDATE mail_outbox SET sent_at = $3, attempts = attempts + 1, claim_token = NULL,"
    " claimed_until = NULL, last_error = NULL WHERE id = $1 AND claim_token = $2"
    " AND sent_at IS NULL RETURNING id";
constexpr const char* kMarkFailed =
    "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $3, last_error = $4,"
    " claim_token = NULL, claimed_until = NULL, committing_at = NULL"
    " WHERE id = $1 AND claim_token = $2 AND sent_at IS NULL RETURNING id";
// No next attempt, and committing_at stays: the mail may have arrived.
constexpr const char* kMarkUncertain =
    "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = NULL, last_error = $3,"
    " claim_token = NULL, claimed_until = NULL"
    " WHERE id = $1 AND claim_token = $2 AND sent_at IS NULL AND committing_at IS NOT NULL"
    " RETURNING id";
#undef ALIS_OUTBOX_COLUMNS

domain::OutboxMail read_mail(const Row& row) {
    domain::OutboxMail mail;
    mail.id = row.integer(0);
    mail.account_id = row.optional_integer(1);
    mail.digest_on = row.optional_date(2);
    mail.recipient = row.text(3);
    mail.subject = row.text(4);
    mail.body = row.text(5);
    mail.queued_at = row.integer(6);
    mail.attempts = static_cast<int>(row.integer(7));
    mail.next_attempt_at = row.optional_integer(8);
    mail.sent_at = row.optional_integer(9);
    mail.last_error = row.optional_text(10).value_or("");
    return mail;
}

}  // namespace

bool MailOutbox::is_opted_out(std::int64_t account_id) const {
    return tx_.integer(kIsOptedOut, {account_id}) > 0;
}

std::vector<std::string> MailOutbox::sent_task_keys(std::int64_t account_id) const {
    return tx_.rows(kSentTaskKeys, {account_id}, [](const Row& row) { return row.text(0); });
}

bool MailOutbox::has_digest(std::int64_t account_id, domain::Date day) const {
    return tx_.integer(kHasDigest, {account_id, day}) > 0;
}

std::vector<domain::OutboxMail> MailOutbox::all() const {
    return tx_.rows(kAllMail, {}, read_mail);
}

void MailOutbox::put_opt_out(std::int64_t account_id, std::int64_t at) {
    tx_.execute(kPutOptOut, {account_id, at});
}

void MailOutbox::remove_opt_out(std::int64_t account_id) {
    tx_.execute(kRemoveOptOut, {account_id});
}

void MailOutbox::remove_sent_task(std::int64_t account_id, const std::string& key) {
    tx_.execute(kRemoveSentTask, {account_id, key});
}

void MailOutbox::add_sent_task(std::int64_t account_id, const std::string& key, domain::Date day) {
    tx_.execute(kAddSentTask, {account_id, key, day});
}

std::int64_t MailOutbox::add(const domain::OutboxMail& m) {
    return tx_.insert(kAddMail,
                      {m.account_id, m.digest_on, m.recipient, m.subject, m.body, m.queued_at});
}

std::optional<domain::OutboxMail> MailOutbox::claim_next(const std::string& token, std::int64_t now,
                                                         std::int64_t claimed_until) {
    return tx_.row(kClaimNextMail, {token, now, claimed_until}, read_mail);
}

bool MailOutbox::mark_committing(std::int64_t id, const std::string& token, std::int64_t at) {
    return tx_.row(kMarkCommitting, {id, token, at}, read_id).has_value();
}

bool MailOutbox::mark_sent(std::int64_t id, const std::string& token, std::int64_t at) {
    return tx_.row(kMarkSent, {id, token, at}, read_id).has_value();
}

bool MailOutbox::mark_failed(std::int64_t id, const std::string& token,
                             std::optional<std::int64_t> next_attempt_at,
                             const std::string& error) {
    return tx_.row(kMarkFailed, {id, token, next_attempt_at, error}, read_id).has_value();
}

bool MailOutbox::mark_uncertain(std::int64_t id, const std::string& token,
                                const std::string& error) {
    return tx_.row(kMarkUncertain, {id, token, error}, read_id).has_value();
}

}  // namespace alis::store
