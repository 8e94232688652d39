// Login, sessions, CSRF, throttling, cookies and what the logs and pages may show.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "app/accounts.hpp"
#include "app/denied_access.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace auth_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

class Auth : public ::testing::Test {
  protected:
    void SetUp() override {
        testing::add_municipality(server.database(), "4601", "Bergen", "Bergen");
        testing::add_municipality(server.database(), "5501", "Tromsø", "Bodø");
        trainee = testing::add_trainee(server.database(), "Øyvind Ærø-Ås", "4601");
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "alis@bergen.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, trainee);
    }

    unsigned short port() { return server.port(); }
    client::Response me(const std::vector<std::pair<std::string, std::string>>& headers) {
        return client::get(port(), "/api/v1/me", headers);
    }

    TestServer server;
    std::int64_t trainee = 0;
};

TEST_F(Auth, LoginSetsAHardenedCookieWithANewSessionId) {
    const std::string planted(64, 'a');
    const auto answer = client::get(port(), "/logg-inn");
    const auto csrf = client::set_cookie_value(answer, "__Host-alis_csrf");
    ASSERT_TRUE(csrf);
    const auto post = client::request(
        port(), http::verb::post, "/logg-inn",
        "csrf_token=" + *csrf + "&email=leder%40bergen.no&password=riktig-hest-batteri-stift",
        "application/x-www-form-urlencoded",
        {{"Cookie", "__Host-alis_csrf=" + *csrf + "; __Host-alis_session=" + planted},
         {"Origin", "http://127.0.0.1:" + std::to_string(port())}});
    ASSERT_EQ(post.result(), http::status::see_other);
    const auto header = client::set_cookie_header(post, "__Host-alis_session");
    ASSERT_TRUE(header);
    for (const char* flag : {"; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax"}) {
        EXPECT_NE(header->find(flag), std::string::npos) << flag << " in " << *header;
    }
    EXPECT_EQ(header->find("Domain"), std::string::npos);
    const auto id = client::set_cookie_value(post, "__Host-alis_session");
    ASSERT_TRUE(id);
    EXPECT_EQ(id->size(), 64u) << "256-bit random id, hex";
    EXPECT_NE(*id, planted) << "session fixation: the planted id must not survive login";
    EXPECT_EQ(me({{"Cookie", "__Host-alis_session=" + planted}}).result(),
              http::status::unauthorized);
    EXPECT_EQ(me({{"Cookie", "__Host-alis_session=" + *id}}).result(), http::status::ok);
    // Only a hash of the id is stored.
    EXPECT_FALSE(server.database()
                     .read([&](const store::Snapshot& s) { return s.identity().find_session(*id); })
                     .has_value());
    EXPECT_TRUE(server.database()
                    .read([&](const store::Snapshot& s) {
                        return s.identity().find_session(app::Authenticator::hash_session_id(*id));
                    })
                    .has_value());
}

TEST_F(Auth, WrongPasswordUnknownAccountAndEmptyFieldsAreRefused) {
    unsigned status = 0;
    EXPECT_FALSE(client::login(port(), "leder@bergen.no", "feil-passord-her", &status));
    EXPECT_EQ(status, 401u);
    EXPECT_FALSE(client::login(port(), "ukjent@bergen.no", kTestPassword, &status));
    EXPECT_EQ(status, 401u);
    EXPECT_FALSE(client::login(port(), "", "", &status));
    EXPECT_EQ(status, 400u);
}

TEST_F(Auth, TheLoginFormKeepsTheEmailAndShowsAnErrorSummary) {
    const auto form = client::get(port(), "/logg-inn");
    const auto csrf = *client::set_cookie_value(form, "__Host-alis_csrf");
    const auto answer = client::request(port(), http::verb::post, "/logg-inn",
                                        "csrf_token=" + csrf + "&email=leder%40bergen.no&password=",
                                        "application/x-www-form-urlencoded",
                                        {{"Cookie", "__Host-alis_csrf=" + csrf},
                                         {"Origin", "http://127.0.0.1:" + std::to_string(port())}});
    EXPECT_EQ(answer.result(), http::status::bad_request);
    EXPECT_NE(answer.body().find("ds-error-summary"), std::string::npos);
    EXPECT_NE(answer.body().find("value=\"leder@bergen.no\""), std::string::npos);
    EXPECT_NE(answer.body().find("Skriv inn passordet ditt."), std::string::npos);
}

TEST_F(Auth, ReplayingTheCookieAfterLogoutGives401) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    EXPECT_EQ(me(session->headers()).result(), http::status::ok);
    const auto out = client::request(port(), http::verb::post, "/logg-ut", "", "",
                                     session->post_headers(port()));
    EXPECT_EQ(out.result(), http::status::see_other);
    EXPECT_EQ(me(session->headers()).result(), http::status::unauthorized);
}

TEST_F(Auth, SessionsExpireAfter30MinutesIdle) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    // Activity keeps the session alive.
    server.advance_clock(20 * 60);
    EXPECT_EQ(me(session->headers()).result(), http::status::ok);
    server.advance_clock(20 * 60);
    EXPECT_EQ(me(session->headers()).result(), http::status::ok);
    server.advance_clock(30 * 60 + 1);
    EXPECT_EQ(me(session->headers()).result(), http::status::unauthorized);
}

TEST_F(Auth, ASessionIdleFor29MinutesLivesAndOneIdleFor31IsGone) {
    static_assert(app::kSessionIdleSeconds == 30 * 60);
    const auto kept = client::login(port(), "leder@bergen.no", kTestPassword);
    const auto left = client::login(port(), "alis@bergen.no", kTestPassword);
    ASSERT_TRUE(kept && left);
    server.advance_clock(29 * 60);
    EXPECT_EQ(me(kept->headers()).result(), http::status::ok);
    // That request counted as use (last seen is written once it is kSessionTouchSeconds old):
    // another 29 minutes later the session still lives, 58 minutes after login.
    server.advance_clock(29 * 60);
    EXPECT_EQ(me(kept->headers()).result(), http::status::ok);
    // The other was not used for 58 minutes; and the first, idle for 31, is gone too.
    EXPECT_EQ(me(left->headers()).result(), http::status::unauthorized);
    server.advance_clock(31 * 60);
    EXPECT_EQ(me(kept->headers()).result(), http::status::unauthorized);
}

TEST_F(Auth, SessionsExpireAfter12HoursWhateverTheActivity) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    for (int i = 0; i < 36; ++i) {  // 36 x 20 min = 12 h
        server.advance_clock(20 * 60);
        if (i < 35) {
            ASSERT_EQ(me(session->headers()).result(), http::status::ok) << i;
        }
    }
    server.advance_clock(1);
    EXPECT_EQ(me(session->headers()).result(), http::status::unauthorized);
}

TEST_F(Auth, CrossOriginFormPostsAreRefused) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    auto headers = session->post_headers(port());
    headers[1].second = "http://evil.example";
    EXPECT_EQ(client::request(port(), http::verb::post, "/logg-ut", "", "", headers).result(),
              http::status::forbidden);
    // Neither Origin nor Referer: refused as well.
    EXPECT_EQ(client::request(
                  port(), http::verb::post, "/logg-ut", "", "",
                  {{"Cookie", session->session_cookie}, {"X-CSRF-Token", session->csrf_token}})
                  .result(),
              http::status::forbidden);
    EXPECT_EQ(me(session->headers()).result(), http::status::ok) << "still signed in";
}

TEST_F(Auth, MissingOrWrongCsrfTokensAreRefused) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    const std::string origin = "http://127.0.0.1:" + std::to_string(port());
    const auto missing = client::request(port(), http::verb::post, "/logg-ut", "", "",
                                         {{"Cookie", session->session_cookie}, {"Origin", origin}});
    EXPECT_EQ(missing.result(), http::status::forbidden);
    const auto wrong =
        client::request(port(), http::verb::post, "/logg-ut", "csrf_token=" + std::string(64, '0'),
                        "application/x-www-form-urlencoded",
                        {{"Cookie", session->session_cookie}, {"Origin", origin}});
    EXPECT_EQ(wrong.result(), http::status::forbidden);
    EXPECT_EQ(boost::json::parse(client::request(port(), http::verb::post, "/logg-ut", "", "",
                                                 {{"Cookie", session->session_cookie},
                                                  {"Origin", origin},
                                                  {"Accept", "application/json"}})
                                     .body())
                  .at("error")
                  .at("code")
                  .as_string(),
              "csrf_failed");
    EXPECT_EQ(me(session->headers()).result(), http::status::ok) << "nothing happened";
    // The login form needs its double-submit token too.
    const auto login = client::request(port(), http::verb::post, "/logg-inn",
                                       "email=leder%40bergen.no&password=riktig-hest-batteri-stift",
                                       "application/x-www-form-urlencoded", {{"Origin", origin}});
    EXPECT_EQ(login.result(), http::status::forbidden);
}

TEST_F(Auth, An11thLoginAttemptFromOneAddressWithinTheHourIsThrottled) {
    unsigned status = 0;
    for (int i = 0; i < app::kMaxFailuresPerAccountAndAddressPerHour; ++i) {
        ASSERT_FALSE(client::login(port(), "leder@bergen.no",
                                   "feil-passord-nr-" + std::to_string(i), &status));
        ASSERT_EQ(status, 401u) << i;
    }
    // Even the right password is refused from here now: throttled, not broken into.
    EXPECT_FALSE(client::login(port(), "leder@bergen.no", kTestPassword, &status));
    EXPECT_EQ(status, 429u);
    // Another account from the same address is not locked by it.
    EXPECT_TRUE(client::login(port(), "alis@bergen.no", kTestPassword));
    // No permanent lockout: an hour later the account opens again.
    server.advance_clock(3601);
    EXPECT_TRUE(client::login(port(), "leder@bergen.no", kTestPassword));
}

// The finding: 100 wrong passwords in 2 seconds from anywhere locked the account for an hour.
TEST_F(Auth, WrongPasswordsFromOneAddressDoNotLockTheOwnerOut) {
    app::Authenticator auth(server.app());
    const std::string attacker = "203.0.113.7", owner = "198.51.100.20";
    int wrong = 0, throttled = 0;
    for (int i = 0; i < 100; ++i) {
        const auto r = auth.login("leder@bergen.no", "feil-passord-" + std::to_string(i), attacker);
        wrong += r.outcome == app::LoginOutcome::wrong_credentials ? 1 : 0;
        throttled += r.outcome == app::LoginOutcome::throttled ? 1 : 0;
    }
    EXPECT_EQ(wrong, app::kMaxFailuresPerAccountAndAddressPerHour);
    EXPECT_EQ(throttled, 100 - wrong);
    // The owner, from their usual address, logs in; the attacker stays throttled.
    EXPECT_EQ(auth.login("leder@bergen.no", kTestPassword, owner).outcome, app::LoginOutcome::ok);
    EXPECT_EQ(auth.login("leder@bergen.no", kTestPassword, attacker).outcome,
              app::LoginOutcome::throttled);
    server.advance_clock(1800);
    EXPECT_EQ(auth.login("leder@bergen.no", "feil", attacker).outcome, app::LoginOutcome::throttled)
        << "within the hour";
    server.advance_clock(1801);
    EXPECT_EQ(auth.login("leder@bergen.no", kTestPassword, attacker).outcome, app::LoginOutcome::ok)
        << "no permanent lockout";
}

TEST_F(Auth, AnAccountUnderAttackFromManyAddressesSlowsEachOfThemDown) {
    app::Authenticator auth(server.app());
    // 100 failures from 100 addresses (a botnet) within the hour.
    for (int i = 0; i < app::kMaxFailuresPerAccountPerHour; ++i) {
        server.database().write([&](store::UnitOfWork& w) {
            w.identity().add_login_failure("leder@bergen.no", "10.0.0." + std::to_string(i),
                                           server.now());
        });
    }
    // Each of them waits now, even with the right password...
    EXPECT_EQ(auth.login("leder@bergen.no", kTestPassword, "10.0.0.5").outcome,
              app::LoginOutcome::throttled);
    // ...a new address gets one guess, then waits too...
    EXPECT_EQ(auth.login("leder@bergen.no", "feil", "10.0.1.1").outcome,
              app::LoginOutcome::wrong_credentials);
    EXPECT_EQ(auth.login("leder@bergen.no", kTestPassword, "10.0.1.1").outcome,
              app::LoginOutcome::throttled);
    // ...and the owner's address, which has not failed, logs in.
    EXPECT_EQ(auth.login("leder@bergen.no", kTestPassword, "198.51.100.20").outcome,
              app::LoginOutcome::ok);
    // After the delay, an address of the botnet may try once more.
    server.advance_clock(app::kAccountUnderAttackDelaySeconds + 1);
    EXPECT_EQ(auth.login("leder@bergen.no", kTestPassword, "10.0.0.5").outcome,
              app::LoginOutcome::ok);
}

TEST_F(Auth, DisablingAnAccountEndsAllItsSessions) {
    const auto first = client::login(port(), "leder@bergen.no", kTestPassword);
    const auto second = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(first && second);
    const auto account = app::find_account_by_email(server.app(), "leder@bergen.no");
    ASSERT_TRUE(account);
    app::disable_account(server.app(), account->id,
                         app::administration_event(server.app(), "test"));
    EXPECT_EQ(me(first->headers()).result(), http::status::unauthorized);
    EXPECT_EQ(me(second->headers()).result(), http::status::unauthorized);
    unsigned status = 0;
    EXPECT_FALSE(client::login(port(), "leder@bergen.no", kTestPassword, &status));
    EXPECT_EQ(status, 401u);
}

TEST_F(Auth, AnonymousPagesRedirectToLoginAndApiAnswers401) {
    const auto page = client::get(port(), "/meg");
    EXPECT_EQ(page.result(), http::status::see_other);
    EXPECT_EQ(page[http::field::location], "/logg-inn?neste=/meg");
    const auto api = client::get(port(), "/api/v1/me");
    EXPECT_EQ(api.result(), http::status::unauthorized);
    EXPECT_EQ(boost::json::parse(api.body()).at("error").at("code").as_string(), "unauthenticated");
}

// Logs in through the form with `next` as the neste field (sent percent-encoded, byte for byte)
// and returns the redirect's Location.
std::string location_after_login(unsigned short port, const std::string& next) {
    const auto form = client::get(port, "/logg-inn");
    const auto csrf = client::set_cookie_value(form, "__Host-alis_csrf");
    if (!csrf) {
        ADD_FAILURE() << "the login form set no CSRF cookie";
        return {};
    }
    const auto answer =
        client::request(port, http::verb::post, "/logg-inn",
                        "csrf_token=" + *csrf +
                            "&email=leder%40bergen.no&password=riktig-hest-batteri-stift&neste=" +
                            boost::urls::encode(next, boost::urls::unreserved_chars),
                        "application/x-www-form-urlencoded",
                        {{"Cookie", "__Host-alis_csrf=" + *csrf},
                         {"Origin", "http://127.0.0.1:" + std::to_string(port)}});
    EXPECT_EQ(answer.result(), http::status::see_other) << next;
    EXPECT_TRUE(client::set_cookie_value(answer, "__Host-alis_session")) << "signed in: " << next;
    return std::string(answer[http::field::location]);
}

TEST_F(Auth, LoginFollowsALocalNextPageWithItsQuery) {
    for (const char* next : {"/kommuner/4601/oversikt?sorter=navn", "/meg/innsyn", "/personer/1"}) {
        EXPECT_EQ(location_after_login(port(), next), next);
    }
}

TEST_F(Auth, LoginOnlyFollowsLocalNextPages) {
    // Other hosts, other schemes, backslashes browsers read as slashes, whitespace and control
    // characters (header injection), and nothing at all.
    const std::vector<std::string> refused = {"https://evil.example/",
                                              "https://evil.example",
                                              "//evil.example/x",
                                              "//evil.example",
                                              "/\\evil.example",
                                              "/\\evil.example/x",
                                              "\\\\evil.example",
                                              "javascript:alert(1)",
                                              "evil.example/x",
                                              "/kommuner/4601/oversikt?sorter=navn navn",
                                              "/meg\tx",
                                              "/meg\nLocation: x",
                                              "/meg\r\nSet-Cookie: a=b",
                                              std::string("/meg\0x", 6),
                                              "/meg\x7f",
                                              ""};
    for (const auto& next : refused) {
        EXPECT_EQ(location_after_login(port(), next), "/meg") << "neste=" << next;
    }
}

TEST_F(Auth, NoPasswordOrTokenEverReachesTheLog) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    client::login(port(), "leder@bergen.no", "et-helt-annet-hemmelig-passord");
    client::get(port(), "/personer/" + std::to_string(trainee), session->headers());
    client::request(port(), http::verb::post, "/logg-ut", "", "", session->post_headers(port()));
    server.stop();
    const std::string log = server.log_text();
    ASSERT_NE(log.find("/logg-inn"), std::string::npos) << "the log has the requests";
    for (const std::string& secret :
         {std::string(kTestPassword), std::string("et-helt-annet-hemmelig-passord"),
          session->session_id, session->csrf_token}) {
        EXPECT_EQ(log.find(secret), std::string::npos) << secret;
    }
}

TEST_F(Auth, TheTraineeSeesWhoReadTheirRecord) {
    const auto leader = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(leader);
    EXPECT_EQ(
        client::get(port(), "/personer/" + std::to_string(trainee), leader->headers()).result(),
        http::status::ok);
    const auto self = client::login(port(), "alis@bergen.no", kTestPassword);
    ASSERT_TRUE(self);
    const auto log = client::get(port(), "/api/v1/me/access-log", self->headers());
    ASSERT_EQ(log.result(), http::status::ok);
    const auto reads = boost::json::parse(log.body()).at("reads").as_array();
    ASSERT_EQ(reads.size(), 1u);
    EXPECT_EQ(reads[0].at("who").as_string(), "leder@bergen.no");
    const auto page = client::get(port(), "/meg/innsyn", self->headers());
    EXPECT_NE(page.body().find("Hvem har sett mine opplysninger"), std::string::npos);
    EXPECT_NE(page.body().find("leder@bergen.no"), std::string::npos);
}

TEST_F(Auth, TheOldLeaderLosesAccessTheDayTheTraineeMoves) {
    // Moved from Bergen to Tromsø on 2026-11-22 (the server's today).
    const auto mover =
        testing::add_trainee(server.database(), "Kari Flytter", "4601", "2020-01-01", "2026-11-21");
    server.database().write([&](store::UnitOfWork& w) {
        domain::Employment e;
        e.person_id = mover;
        e.municipality_number = "5501";
        e.starts_on = *domain::Date::parse_iso("2026-11-22");
        w.people().add_employment(e);
    });
    testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
    const auto bergen = client::login(port(), "leder@bergen.no", kTestPassword);
    const auto tromso = client::login(port(), "leder@tromso.no", kTestPassword);
    ASSERT_TRUE(bergen && tromso);
    const std::string path = "/api/v1/people/" + std::to_string(mover);
    EXPECT_EQ(client::get(port(), path, bergen->headers()).result(), http::status::forbidden);
    const auto record = client::get(port(), path, tromso->headers());
    ASSERT_EQ(record.result(), http::status::ok);
    // The new employer sees the whole record, the Bergen years included.
    EXPECT_NE(record.body().find("\"municipality\":\"4601\""), std::string::npos);
    // The denial is in the audit trail.
    bool denial = false;
    for (const auto& e : server.database().read(
             [&](const store::Snapshot& s) { return s.audit().events_about(mover, 50); })) {
        denial = denial || (e.action == "access.denied" && e.actor_label == "leder@bergen.no");
    }
    EXPECT_TRUE(denial);
}

TEST_F(Auth, HostileTextIsStoredExactlyAndRenderedInert) {
    const std::vector<std::string> payloads = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' OR '1'='1",
        "</td><svg onload=alert(1)>",
        "{{t.app.name}}",
        "O'Hara",
        "Øyvind Ærø-Ås",
    };
    const auto leader = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(leader);
    for (const auto& name : payloads) {
        const auto id = testing::add_trainee(server.database(), name, "4601");
        const auto json =
            client::get(port(), "/api/v1/people/" + std::to_string(id), leader->headers());
        ASSERT_EQ(json.result(), http::status::ok) << name;
        EXPECT_EQ(boost::json::parse(json.body()).at("name").as_string(), name);
        const auto html =
            client::get(port(), "/personer/" + std::to_string(id), leader->headers()).body();
        EXPECT_EQ(html.find("<script>alert"), std::string::npos) << name;
        EXPECT_EQ(html.find("<img src=x"), std::string::npos) << name;
        EXPECT_EQ(html.find("<svg onload"), std::string::npos) << name;
    }
    const auto ohara = testing::add_trainee(server.database(), "Siobhan O'Hara", "4601");
    const auto page =
        client::get(port(), "/personer/" + std::to_string(ohara), leader->headers()).body();
    EXPECT_NE(page.find("Siobhan O&apos;Hara"), std::string::npos);
    const auto norwegian =
        client::get(port(), "/personer/" + std::to_string(trainee), leader->headers()).body();
    EXPECT_NE(norwegian.find("Øyvind Ærø-Ås"), std::string::npos);
}

TEST_F(Auth, ThePersonPageShowsTheTrainingLedger) {
    const auto leader = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(leader);
    const auto html =
        client::get(port(), "/personer/" + std::to_string(trainee), leader->headers()).body();
    EXPECT_NE(html.find("Utdanningsløp"), std::string::npos);
    EXPECT_NE(html.find("Institusjonstjeneste"), std::string::npos);
    EXPECT_NE(html.find("role=\"img\""), std::string::npos) << "bars and timeline are labelled";
    EXPECT_NE(html.find("I dag 22.11.2026"), std::string::npos);
    EXPECT_NE(html.find("01.01.2024"), std::string::npos) << "the timeline's data as a table";
    const auto json =
        client::get(port(), "/api/v1/people/" + std::to_string(trainee), leader->headers());
    const auto doc = boost::json::parse(json.body());
    const auto& requirements = doc.at("ledger").at("requirements").as_array();
    ASSERT_EQ(requirements.size(), 3u);
    EXPECT_EQ(requirements[0].at("id").as_string(), "total");
}

TEST_F(Auth, ReauthenticationIsThrottledLikeLogin) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    // A stolen session is no password oracle: its address is throttled after a few guesses.
    for (int i = 0; i < app::kMaxFailuresPerAccountAndAddressPerHour; ++i) {
        server.database().write([&](store::UnitOfWork& w) {
            w.identity().add_login_failure("leder@bergen.no", "127.0.0.1", server.now());
        });
    }
    const auto r = client::request(
        port(), http::verb::post, "/bekreft-passord", std::string("password=") + kTestPassword,
        "application/x-www-form-urlencoded", session->post_headers(port()));
    EXPECT_EQ(r.result(), http::status::unauthorized) << "even the right password is refused";
}

TEST_F(Auth, WrongPasswordsOnReauthenticationAreThrottledLikeLogins) {
    const auto session = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(session);
    const auto reauthenticate = [&](const std::string& password) {
        return client::request(
                   port(), http::verb::post, "/bekreft-passord",
                   "csrf_token=" + session->csrf_token + "&password=" + password + "&neste=%2Fmeg",
                   "application/x-www-form-urlencoded", session->post_headers(port()))
            .result();
    };
    ASSERT_EQ(reauthenticate(kTestPassword), http::status::see_other);
    // As many wrong passwords as a login may try in an hour, through the form itself.
    for (int i = 0; i < app::kMaxFailuresPerAccountPerHour; ++i) {
        ASSERT_NE(reauthenticate("feil-passord-nr-" + std::to_string(i)), http::status::see_other)
            << i;
    }
    // Now even the right password is refused, on the form and at the login alike.
    EXPECT_NE(reauthenticate(kTestPassword), http::status::see_other);
    unsigned status = 0;
    EXPECT_FALSE(client::login(port(), "leder@bergen.no", kTestPassword, &status));
    EXPECT_EQ(status, 429u);
    // The session itself is not ended by it, and an hour later the password opens again.
    EXPECT_EQ(me(session->headers()).result(), http::status::ok);
    // (Each step stays below the 30 idle minutes, so that the session lives through them.)
    server.advance_clock(25 * 60);
    EXPECT_NE(reauthenticate(kTestPassword), http::status::see_other);
    server.advance_clock(25 * 60);
    EXPECT_EQ(me(session->headers()).result(), http::status::ok);
    server.advance_clock(11 * 60);
    EXPECT_EQ(reauthenticate(kTestPassword), http::status::see_other);
}

TEST_F(Auth, ListsAndExportsAreAuditedAsReadsOfEachRecord) {
    const auto leader = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(leader);
    ASSERT_EQ(client::get(port(), "/kommuner/4601/oversikt.csv", leader->headers()).result(),
              http::status::ok);
    const auto self = client::login(port(), "alis@bergen.no", kTestPassword);
    const auto log = client::get(port(), "/api/v1/me/access-log", self->headers());
    const auto doc = boost::json::parse(log.body());
    const auto& reads = doc.at("reads").as_array();
    ASSERT_EQ(reads.size(), 1u);
    EXPECT_EQ(reads[0].at("what").as_string(), "GET /kommuner/{number}/oversikt.csv");
}

TEST_F(Auth, AnswersWithoutASessionAre401NotCsrfErrors) {
    const auto r = client::request(
        port(), http::verb::post, "/logg-ut", "", "",
        {{"Origin", "http://127.0.0.1:" + std::to_string(port())}, {"Accept", "application/json"}});
    EXPECT_EQ(r.result(), http::status::unauthorized);
    // Signed in, the login form carries the session's token, so logging in again works.
    const auto first = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(first);
    const auto form = client::get(port(), "/logg-inn", first->headers());
    EXPECT_NE(form.body().find(first->csrf_token), std::string::npos);
}

TEST_F(Auth, UnknownIdsLookLikeForeignOnesAndLooseIdsAreRefused) {
    testing::add_account(server.app(), "admin@bergen.no", domain::Role::admin);
    const auto leader = client::login(port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(leader);
    EXPECT_EQ(client::get(port(), "/api/v1/people/987654", leader->headers()).result(),
              http::status::forbidden);
    const auto admin = client::login(port(), "admin@bergen.no", kTestPassword);
    ASSERT_TRUE(admin);
    const auto loose = client::request(port(), http::verb::post, "/admin/kontoer/1x/deaktiver", "",
                                       "", admin->post_headers(port()));
    EXPECT_EQ(loose.result(), http::status::not_found);
    EXPECT_FALSE(server.database()
                     .read([&](const store::Snapshot& s) {
                         return s.identity().find_account_by_email("leder@bergen.no");
                     })
                     ->disabled);
}

// The finding: the access log took the person's newest 500 events and only then kept the reads,
// so 500 denied requests by anyone pushed the reads out.
TEST_F(Auth, DeniedRequestsNeitherFloodTheTrailNorHideReadsFromTheAccessLog) {
    testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
    const auto leader = client::login(port(), "leder@bergen.no", kTestPassword);
    const auto other = client::login(port(), "leder@tromso.no", kTestPassword);
    ASSERT_TRUE(leader && other);
    const std::string record = "/api/v1/people/" + std::to_string(trainee);
    ASSERT_EQ(client::get(port(), record, leader->headers()).result(), http::status::ok);
    const auto rows = [&] {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.audit().verify(); })
            .rows_checked;
    };
    const auto before = rows();
    for (int i = 0; i < 500; ++i) {
        ASSERT_EQ(client::get(port(), i % 2 ? record : "/personer/" + std::to_string(trainee),
                              other->headers())
                      .result(),
                  http::status::forbidden);
    }
    EXPECT_EQ(rows(), before + 1) << "the first denial of the minute, at once";
    // A minute later the next denial writes the counts of the one before (one per route).
    server.advance_clock(app::DeniedAccessWindow::kWindowSeconds);
    ASSERT_EQ(client::get(port(), record, other->headers()).result(), http::status::forbidden);
    EXPECT_LE(rows(), before + 4);
    const auto denials = server.database().read([&](const store::Snapshot& s) {
        std::vector<std::string> targets;
        for (std::int64_t id = before + 1; id <= before + 4; ++id) {
            if (const auto e = s.audit().find(id); e && e->action == "access.denied") {
                targets.push_back(e->target);
            }
        }
        return targets;
    });
    EXPECT_NE(std::find(denials.begin(), denials.end(), "GET /api/v1/people/{person} \u00d7250"),
              denials.end());
    EXPECT_NE(std::find(denials.begin(), denials.end(), "GET /personer/{person} \u00d7249"),
              denials.end());

    const auto self = client::login(port(), "alis@bergen.no", kTestPassword);
    ASSERT_TRUE(self);
    const auto log =
        boost::json::parse(client::get(port(), "/api/v1/me/access-log", self->headers()).body());
    const auto& reads = log.at("reads").as_array();
    ASSERT_FALSE(reads.empty());
    EXPECT_EQ(reads.back().at("who").as_string(), "leder@bergen.no");
    EXPECT_EQ(reads.back().at("what").as_string(), "GET /api/v1/people/{person}");
}

TEST_F(Auth, TheAccessLogShowsEveryReadAPageAtATime) {
    server.database().write([&](store::UnitOfWork& w) {
        for (int i = 0; i < 120; ++i) {
            domain::AuditEvent e;
            e.at = app::utc_iso(server.now() + i);
            e.actor_label = "leser" + std::to_string(i) + "@bergen.no";
            e.action = i % 2 ? "person.read" : "access.denied";
            e.outcome = "ok";
            e.address = "-";
            e.target = "GET /personer/{person}";
            e.subject_person_id = trainee;
            w.audit().append(e);
        }
    });
    // 60 reads among 120 events; page size 25.
    const auto self = client::login(port(), "alis@bergen.no", kTestPassword);
    ASSERT_TRUE(self);
    const auto api = [&](const std::string& query) {
        return boost::json::parse(
                   client::get(port(), "/api/v1/me/access-log" + query, self->headers()).body())
            .as_object();
    };
    auto page = api("?limit=25");
    ASSERT_EQ(page.at("reads").as_array().size(), 25u);
    EXPECT_EQ(page.at("reads").as_array()[0].at("who").as_string(), "leser119@bergen.no");
    EXPECT_EQ(page.at("next").as_string(), "/api/v1/me/access-log?page=2&limit=25");
    page = api("?page=3&limit=25");
    ASSERT_EQ(page.at("reads").as_array().size(), 10u);
    EXPECT_EQ(page.at("reads").as_array()[9].at("who").as_string(), "leser1@bergen.no");
    EXPECT_TRUE(page.at("next").is_null());
    EXPECT_EQ(api("").at("reads").as_array().size(), 50u);
    // The page: 50 a page, newest first, with links both ways.
    const auto first = client::get(port(), "/meg/innsyn", self->headers());
    ASSERT_EQ(first.result(), http::status::ok);
    EXPECT_NE(first.body().find("leser119@bergen.no"), std::string::npos);
    EXPECT_EQ(first.body().find("leser19@bergen.no"), std::string::npos);
    EXPECT_NE(first.body().find("href=\"/meg/innsyn?side=2\""), std::string::npos);
    const auto second = client::get(port(), "/meg/innsyn?side=2", self->headers());
    EXPECT_NE(second.body().find("leser19@bergen.no"), std::string::npos);
    EXPECT_NE(second.body().find("Side 2"), std::string::npos);
    EXPECT_NE(second.body().find("href=\"/meg/innsyn?side=1\""), std::string::npos);
    EXPECT_EQ(second.body().find("side=3"), std::string::npos);
    EXPECT_EQ(second.body().find("leser18@bergen.no"), std::string::npos) << "not a read";
}

TEST_F(Auth, TheLastActiveAdministratorCannotDisableTheirOwnAccount) {
    const auto admin_id =
        testing::add_account(server.app(), "admin@bergen.no", domain::Role::admin);
    const auto admin = client::login(port(), "admin@bergen.no", kTestPassword);
    ASSERT_TRUE(admin);
    const auto disable = [&](std::int64_t id) {
        return client::request(port(), http::verb::post,
                               "/admin/kontoer/" + std::to_string(id) + "/deaktiver", "", "",
                               admin->post_headers(port()));
    };
    const auto disabled = [&](std::int64_t id) {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.identity().find_account(id); })
            ->disabled;
    };
    const auto refused = disable(admin_id);
    EXPECT_EQ(refused.result(), http::status::conflict);
    EXPECT_NE(refused.body().find("den siste aktive administratorkontoen"), std::string::npos);
    EXPECT_FALSE(disabled(admin_id));
    EXPECT_EQ(me(admin->headers()).result(), http::status::ok) << "the session is kept";
    // A second administrator: now the first may go, and the second is then the last.
    const auto second = testing::add_account(server.app(), "admin2@bergen.no", domain::Role::admin);
    const auto other = client::login(port(), "admin2@bergen.no", kTestPassword);
    ASSERT_TRUE(other);
    EXPECT_EQ(disable(admin_id).result(), http::status::ok);
    EXPECT_TRUE(disabled(admin_id));
    const auto last = client::request(port(), http::verb::post,
                                      "/admin/kontoer/" + std::to_string(second) + "/deaktiver", "",
                                      "", other->post_headers(port()));
    EXPECT_EQ(last.result(), http::status::conflict);
    EXPECT_FALSE(disabled(second));
}

TEST_F(Auth, AnOverlongEmailIsRefusedWithoutBeingStored) {
    unsigned status = 0;
    std::string email(100000, 'a');
    email += "@x.no";  // Not `string + "@x.no"`: GCC 12 warns falsely (array-bounds) on that.
    EXPECT_FALSE(client::login(port(), email, "whatever-password", &status));
    EXPECT_EQ(status, 401u);
    EXPECT_EQ(server.database().read([&](const store::Snapshot& s) {
        return s.identity().login_failures_from("127.0.0.1", 0);
    }),
              0);
}

}  // namespace auth_test
}  // namespace alis::web
