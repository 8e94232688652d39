// The store's contract for the e-mail digests (migration 0020), on SQLite and on PostgreSQL: a
// mail is claimed by one sender at a time, a claim that ran out is free again unless the delivery
// was ending, a failure keeps the mail with its attempts and next attempt, a sent mail is never
// claimed again, and a second digest of one account and day is refused.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/postgres.hpp"

namespace alis::store {
namespace mail_outbox_store_test {

const std::vector<std::string> kBackends = {"sqlite", "postgresql"};
const domain::Date kDay = *domain::Date::parse_iso("2026-11-22");
constexpr std::int64_t kNow = 1795305600;

class MailOutboxStore : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        db_ = open_database(database_.url(), 2);
        db_->migrate();
        db_->write([&](UnitOfWork& w) {
            domain::Account a;
            a.email = "kari@alis.no";
            a.display_name = "Kari Nordmann";
            a.password_hash = "x";
            account = w.identity().add_account(a);
        });
    }
    std::int64_t add_mail(std::optional<domain::Date> day) {
        domain::OutboxMail mail;
        mail.account_id = account;
        mail.digest_on = day;
        mail.recipient = "kari@alis.no";
        mail.subject = "Nye oppgaver i alis";
        mail.body = "Hei Kari,\n";
        mail.queued_at = kNow;
        return db_->write([&](UnitOfWork& w) { return w.mail_outbox().add(mail); });
    }
    std::optional<domain::OutboxMail> claim(const std::string& token, std::int64_t now) {
        return db_->write(
            [&](UnitOfWork& w) { return w.mail_outbox().claim_next(token, now, now + 600); });
    }
    domain::OutboxMail only_mail() {
        const auto all = db_->read([](const Snapshot& s) { return s.mail_outbox().all(); });
        EXPECT_EQ(all.size(), 1u);
        return all.at(0);
    }

    testing::TestDatabase database_{GetParam()};
    std::unique_ptr<Database> db_;
    std::int64_t account = 0;
};

TEST_P(MailOutboxStore, AMailIsClaimedByOneSenderAtATimeAndNeverAgainOnceSent) {
    const auto id = add_mail(kDay);
    const auto first = claim("a", kNow);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->id, id);
    EXPECT_EQ(first->subject, "Nye oppgaver i alis");
    EXPECT_FALSE(claim("b", kNow + 1)) << "a second instance does not take a claimed mail";
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) {
        return w.mail_outbox().mark_sent(id, "b", kNow);
    })) << "only the claim's holder marks it";
    EXPECT_TRUE(
        db_->write([&](UnitOfWork& w) { return w.mail_outbox().mark_sent(id, "a", kNow); }));
    EXPECT_FALSE(claim("c", kNow + 100000)) << "a sent mail is never claimed again";
    const auto mail = only_mail();
    EXPECT_EQ(mail.sent_at, kNow);
    EXPECT_EQ(mail.attempts, 1);
}

TEST_P(MailOutboxStore, AFailureKeepsTheMailWithItsAttemptsUntilItsNextAttempt) {
    const auto id = add_mail(kDay);
    ASSERT_TRUE(claim("a", kNow));
    EXPECT_TRUE(db_->write([&](UnitOfWork& w) {
        return w.mail_outbox().mark_failed(id, "a", kNow + 60, "connection refused");
    }));
    auto mail = only_mail();
    EXPECT_EQ(mail.attempts, 1);
    EXPECT_EQ(mail.next_attempt_at, kNow + 60);
    EXPECT_EQ(mail.last_error, "connection refused");
    EXPECT_EQ(mail.sent_at, std::nullopt);
    EXPECT_FALSE(claim("b", kNow + 59)) << "not before its next attempt";
    ASSERT_TRUE(claim("b", kNow + 60));
    EXPECT_TRUE(db_->write(
        [&](UnitOfWork& w) { return w.mail_outbox().mark_failed(id, "b", std::nullopt, "550"); }));
    EXPECT_FALSE(claim("c", kNow + 100000)) << "a mail given up is not tried again";
    EXPECT_EQ(only_mail().attempts, 2);
}

TEST_P(MailOutboxStore, AClaimThatRanOutIsFreeAgainUnlessItsDeliveryWasEnding) {
    const auto id = add_mail(kDay);
    ASSERT_TRUE(claim("killed", kNow));
    // The sender was killed while connecting: after the lease another sender takes the mail.
    const auto again = claim("restarted", kNow + 601);
    ASSERT_TRUE(again);
    // This one was killed after it marked the end of the delivery: the mail may have arrived, so
    // it is never sent again by itself.
    EXPECT_TRUE(db_->write([&](UnitOfWork& w) {
        return w.mail_outbox().mark_committing(id, "restarted", kNow + 602);
    }));
    EXPECT_FALSE(claim("third", kNow + 100000));
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) {
        return w.mail_outbox().mark_committing(id, "killed", kNow + 603);
    })) << "the lost claim's holder cannot end the delivery";
    // No answer to the mail's end: counted, and still never claimed again.
    EXPECT_TRUE(db_->write([&](UnitOfWork& w) {
        return w.mail_outbox().mark_uncertain(id, "restarted", "no answer");
    }));
    EXPECT_FALSE(claim("fourth", kNow + 100000));
    EXPECT_EQ(only_mail().attempts, 1);
}

TEST_P(MailOutboxStore, AFailureAfterTheEndWasMarkedButRefusedByTheServerIsTriedAgain) {
    const auto id = add_mail(kDay);
    ASSERT_TRUE(claim("a", kNow));
    ASSERT_TRUE(
        db_->write([&](UnitOfWork& w) { return w.mail_outbox().mark_committing(id, "a", kNow); }));
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) {
        return w.mail_outbox().mark_uncertain(id, "b", "no answer");
    })) << "only the claim's holder";
    // A 451 to the final dot: the server does not have it.
    EXPECT_TRUE(db_->write(
        [&](UnitOfWork& w) { return w.mail_outbox().mark_failed(id, "a", kNow + 60, "451"); }));
    EXPECT_TRUE(claim("b", kNow + 60));
}

TEST_P(MailOutboxStore, OptOutsAndAnnouncedTasksAreKeptPerAccountAndADigestIsOncePerDay) {
    add_mail(kDay);
    EXPECT_THROW(add_mail(kDay), ConstraintViolation);
    db_->write([&](UnitOfWork& w) {
        w.mail_outbox().put_opt_out(account, kNow);
        w.mail_outbox().put_opt_out(account, kNow + 1);
        w.mail_outbox().add_sent_task(account, "make_education_plan|trainee|/p|", kDay);
        w.mail_outbox().add_sent_task(account, "make_education_plan|trainee|/p|", kDay);
        w.mail_outbox().add_sent_task(account, "meeting_due|supervisor|/q|2026-11-30|0", kDay);
        w.mail_outbox().remove_sent_task(account, "meeting_due|supervisor|/q|2026-11-30|0");
    });
    db_->read([&](const Snapshot& s) {
        EXPECT_TRUE(s.mail_outbox().is_opted_out(account));
        EXPECT_TRUE(s.mail_outbox().has_digest(account, kDay));
        EXPECT_FALSE(s.mail_outbox().has_digest(account, kDay.plus_days(1)));
        EXPECT_EQ(s.mail_outbox().sent_task_keys(account),
                  std::vector<std::string>{"make_education_plan|trainee|/p|"});
    });
    db_->write([&](UnitOfWork& w) { w.mail_outbox().remove_opt_out(account); });
    EXPECT_FALSE(
        db_->read([&](const Snapshot& s) { return s.mail_outbox().is_opted_out(account); }));
}

INSTANTIATE_TEST_SUITE_P(Backends, MailOutboxStore, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

}  // namespace mail_outbox_store_test
}  // namespace alis::store
