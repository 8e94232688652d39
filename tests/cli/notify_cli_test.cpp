// `alis notify` as an operator runs it, against a real SMTP server on loopback (aiosmtpd,
// tests/support/smtp_sink.py): each account's digest of its new tasks is delivered once, with
// names, task texts and links and nothing private; a second run sends nothing new; while the
// server is down the mail stays in the outbox with its attempts counted and goes out once the
// server is back; an account that opted out gets nothing; bad arguments exit 2.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "app/accounts.hpp"
#include "app/digests.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/process.hpp"
#include "support/smtp_sink.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace notify_cli_test {

using testing::CommandResult;
using testing::is_one_error_line;
using testing::run_alis;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class NotifyCli : public ::testing::Test {
  protected:
    void SetUp() override {
        app = testing::open_app(dir.sqlite_url());
        auto& db = app->database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        kari = testing::add_trainee(db, "Kari Nordmann", "4601");
        // A planned meeting far ahead (alis notify reads the real clock), with private texts.
        db.write([&](store::UnitOfWork& w) {
            domain::Person siri;
            siri.full_name = "Siri Veileder";
            domain::SupervisionMeeting m;
            m.trainee_person_id = kari;
            m.supervisor_person_id = w.people().add(siri);
            m.held_on = *domain::Date::parse_iso("2099-01-05");
            m.topics = "Hemmelig tema om pasient";
            m.minutes = "Hemmelig referat";
            m.planned_at = "2026-11-01T09:30:00Z";
            m.planned_by = "Siri Veileder (siri@alis.no)";
            w.supervision().add(m);
        });
        kari_account = testing::add_account(*app, "kari@alis.no", domain::Role::trainee,
                                            std::nullopt, std::nullopt, kari);
        testing::add_account(*app, "leder@bergen.no", domain::Role::leader, "4601");
    }
    CommandResult notify(std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"notify",         "--db",
                                      dir.sqlite_url(), "--smtp",
                                      sink.address(),   "--once",
                                      "--base-url",     "https://alis.example.no/",
                                      "--from",         "alis@bergen.kommune.no",
                                      "--retry-base",   "0",
                                      "--timeout",      "10"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_alis(args);
    }
    // The one message to `email`, or an empty text.
    std::string message_to(const std::string& email) const {
        std::string found;
        for (const auto& m : sink.messages()) {
            if (m.starts_with("X-Envelope-To: " + email + "\r\n")) {
                EXPECT_EQ(found, "") << "a second message to " << email;
                found = m;
            }
        }
        return found;
    }

    testing::TempDir dir;
    testing::SmtpSink sink;
    std::unique_ptr<app::Application> app;
    std::int64_t kari = 0;
    std::int64_t kari_account = 0;
};

TEST_F(NotifyCli, DeliversEachDigestOnceWithItsTasksAndLinksAndNothingPrivate) {
    sink.start();
    const auto r = notify();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "2 digest(s) queued")) << r.out;
    ASSERT_EQ(sink.messages().size(), 2u) << r.out << r.err;

    const auto mail = message_to("kari@alis.no");
    EXPECT_TRUE(has(mail, "Subject: Nye oppgaver i alis\r\n")) << mail;
    EXPECT_TRUE(has(mail, "From: alis@bergen.kommune.no\r\n"));
    EXPECT_TRUE(has(mail, "Content-Type: text/plain; charset=utf-8\r\n"));
    EXPECT_TRUE(has(mail, "Message-ID: <alis-mail-"));
    EXPECT_TRUE(has(mail, "Date: "));
    EXPECT_TRUE(has(mail, "Hei kari,")) << "the account's name (the fixture's: before the @)";
    EXPECT_TRUE(has(mail, "Forbered veiledningsmøtet 05.01.2099")) << mail;
    EXPECT_TRUE(has(mail, "Lag den individuelle utdanningsplanen din"));
    EXPECT_TRUE(has(mail, "https://alis.example.no/personer/" + std::to_string(kari) +
                              "/utdanningsplan/revider"));
    EXPECT_TRUE(has(mail, "https://alis.example.no/meg"));
    EXPECT_FALSE(has(mail, "Hemmelig")) << "no topics or minutes of a meeting";
    const auto leader = message_to("leder@bergen.no");
    EXPECT_TRUE(has(leader, "Uten veileder i Bergen: 1")) << leader;
    EXPECT_FALSE(has(leader, "Hemmelig"));

    const auto again = notify();
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(has(again.out, "0 digest(s) queued")) << again.out;
    EXPECT_TRUE(has(again.out, "0 sent")) << again.out;
    EXPECT_EQ(sink.messages().size(), 2u) << "nothing is sent twice";
}

TEST_F(NotifyCli, KeepsTheMailWhileTheServerIsDownAndSendsItOnceWhenItIsBack) {
    const auto down = notify();
    ASSERT_EQ(down.exit_code, 0) << down.err;
    EXPECT_TRUE(has(down.out, "1 failed")) << down.out;
    auto mails = app::outbox(*app);
    ASSERT_EQ(mails.size(), 2u);
    int attempts = 0;
    for (const auto& m : mails) {
        EXPECT_EQ(m.sent_at, std::nullopt);
        attempts += m.attempts;
    }
    EXPECT_EQ(attempts, 1) << "one attempt, then the pass stops while the server is down";

    ASSERT_EQ(notify().exit_code, 0);
    attempts = 0;
    for (const auto& m : app::outbox(*app)) {
        attempts += m.attempts;
        EXPECT_EQ(m.last_error.empty(), m.attempts == 0) << "a failure's reason is kept";
    }
    EXPECT_EQ(attempts, 2);

    sink.start();
    const auto up = notify();
    ASSERT_EQ(up.exit_code, 0) << up.err;
    EXPECT_TRUE(has(up.out, "2 sent")) << up.out;
    EXPECT_EQ(sink.messages().size(), 2u);
    EXPECT_NE(message_to("kari@alis.no"), "");
    for (const auto& m : app::outbox(*app)) {
        EXPECT_NE(m.sent_at, std::nullopt);
    }
    ASSERT_EQ(notify().exit_code, 0);
    EXPECT_EQ(sink.messages().size(), 2u) << "a mail sent after retries is sent once";
}

TEST_F(NotifyCli, ASenderKilledBeforeTheServersAnswerNeverSendsThatMailAgain) {
    sink.start(/*hold_first=*/60);
    {
        testing::ChildProcess sender({ALIS_BINARY, "notify", "--db", dir.sqlite_url(), "--smtp",
                                      sink.address(), "--once", "--timeout", "120"});
        for (int i = 0; i < 400 && sink.messages().empty(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ASSERT_EQ(sink.messages().size(), 1u) << "the server has the first mail";
        sender.signal(SIGKILL);  // Before the server's 250: alis cannot know it arrived.
        sender.wait();
    }
    const auto restarted = notify();
    ASSERT_EQ(restarted.exit_code, 0) << restarted.err;
    EXPECT_TRUE(has(restarted.out, "1 sent")) << "only the other mail: " << restarted.out;
    EXPECT_EQ(sink.messages().size(), 2u);
    EXPECT_NE(message_to("kari@alis.no"), "");  // Each address once (message_to checks).
    EXPECT_NE(message_to("leder@bergen.no"), "");
}

TEST_F(NotifyCli, AnAccountThatOptedOutGetsNothing) {
    auto audit = app::administration_event(*app, "test@alis.invalid");
    app::set_digest_choice(*app, kari_account, app::DigestChoice::opt_out, audit);
    sink.start();
    const auto r = notify();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "1 opted out")) << r.out;
    EXPECT_EQ(sink.messages().size(), 1u);
    EXPECT_EQ(message_to("kari@alis.no"), "");
    EXPECT_NE(message_to("leder@bergen.no"), "");
}

TEST_F(NotifyCli, WithStartTlsRequiredAServerWithoutItKeepsTheMail) {
    sink.start();
    const auto r = notify({"--starttls"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.err, "STARTTLS")) << r.err;
    EXPECT_EQ(sink.messages().size(), 0u) << "nothing goes out in clear text";
    EXPECT_EQ(app::outbox(*app).size(), 2u);
}

TEST_F(NotifyCli, TheServerSendsTheDaysDigestsOnItsScheduleWhenGivenAnSmtpServer) {
    sink.start();
    testing::ChildProcess server({ALIS_BINARY, "serve", "--db", dir.sqlite_url(), "--listen",
                                  "127.0.0.1:0", "--access-log", "off", "--smtp", sink.address(),
                                  "--digest-hour", "0", "--public-url", "https://alis.example.no"});
    ASSERT_TRUE(server.wait_for_output("is listening on")) << server.stderr_text();
    // The schedule's first pass runs at start; poll for its mails rather than wait a fixed time.
    for (int i = 0; i < 200 && sink.messages().size() < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(), 0) << server.stderr_text();
    EXPECT_EQ(sink.messages().size(), 2u) << server.stderr_text();
    EXPECT_TRUE(has(message_to("kari@alis.no"), "https://alis.example.no/meg"));
    const auto again = notify();
    EXPECT_TRUE(has(again.out, "0 digest(s) queued")) << "the day's digests went out already";
    EXPECT_EQ(sink.messages().size(), 2u);
}

TEST_F(NotifyCli, BadArgumentsExitTwoAndAnUnreachableDatabaseOneWithOneLine) {
    const std::vector<std::vector<std::string>> bad = {
        {"notify", "--db", dir.sqlite_url(), "--once"},
        {"notify", "--db", dir.sqlite_url(), "--smtp", "mail.example.no", "--once"},
        {"notify", "--db", dir.sqlite_url(), "--smtp", "127.0.0.1:70000", "--once"},
        {"notify", "--db", dir.sqlite_url(), "--smtp", "127.0.0.1:25", "--from", "alis", "--once"},
        {"notify", "--db", dir.sqlite_url(), "--smtp", "127.0.0.1:25", "--retry-base", "-1"},
        {"serve", "--db", dir.sqlite_url(), "--listen", "127.0.0.1:0", "--smtp", "nohost"},
        {"serve", "--db", dir.sqlite_url(), "--smtp", "127.0.0.1:25", "--digest-hour", "24"},
    };
    for (const auto& args : bad) {
        const auto r = run_alis(args);
        EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[4] << ": " << r.err;
        EXPECT_TRUE(is_one_error_line(r)) << r.err;
    }
    const auto missing = run_alis({"notify", "--db", "sqlite:" + (dir.path() / "none.db").string(),
                                   "--smtp", "127.0.0.1:25", "--once"});
    EXPECT_EQ(missing.exit_code, 1) << missing.err;
    EXPECT_TRUE(is_one_error_line(missing)) << missing.err;
    const auto unreachable = run_alis({"notify", "--db", "postgresql://alis@127.0.0.1:1/alis",
                                       "--smtp", "127.0.0.1:25", "--once"});
    EXPECT_EQ(unreachable.exit_code, 1) << unreachable.err;
    EXPECT_TRUE(is_one_error_line(unreachable)) << unreachable.err;
}

}  // namespace notify_cli_test
}  // namespace alis::cli
