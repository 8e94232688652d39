// The learning log's tasks (issues 13 and 14), through GET /api/v1/me/tasks: the doctor is told of
// a request sent back until they ask again, the veileder and an invited supervisør are asked for
// their advice until they give it, the leader sees the requests waiting and how many are ready to
// decide; the regional office sees each municipality's waiting requests; the digest announces the
// new tasks.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/digests.hpp"
#include "app/learning_objectives.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace objective_tasks_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;
namespace json = boost::json;

class ObjectiveTasks : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4627", "Askøy", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        orjan = testing::add_trainee(db, "Ørjan Ås", "4601", "2025-01-01");
        siri = testing::add_trainee(db, "Siri Erfaren", "4601", "2019-01-01");
        testing::assign_supervisor(db, siri, orjan);
        domain::AuditEvent audit;
        audit.at = "2026-11-22T08:00:00Z";
        audit.actor_label = "system";
        audit.action = "catalogue.imported";
        audit.outcome = "ok";
        app::import_demo_catalogues(server.app(), audit);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "orjan@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, orjan);
        testing::add_account(server.app(), "siri@lege.no", domain::Role::supervisor, std::nullopt,
                             std::nullopt, siri);
        testing::add_account(server.app(), "hansen@sykehus.no", domain::Role::clinical_supervisor);
        for (const auto* email : {"leder@bergen.no", "leder@tromso.no", "kontor@bergen.no",
                                  "orjan@lege.no", "siri@lege.no", "hansen@sykehus.no"}) {
            sessions.emplace(email, *client::login(server.port(), email, kTestPassword));
        }
        const auto r = get("orjan@lege.no", api() + "/objectives");
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        const auto body = json::parse(r.body());
        for (const auto& c : body.at("catalogues").as_array()) {
            for (const auto& o : c.at("objectives").as_array()) {
                objectives[std::string(o.at("code").as_string())] = o.at("id").as_int64();
            }
        }
    }

    std::string api() const { return "/api/v1/people/" + std::to_string(orjan); }
    std::string objective_api(const std::string& code) const {
        return api() + "/objectives/" + std::to_string(objectives.at(code));
    }
    std::string objective_page(const std::string& code) const {
        return "/personer/" + std::to_string(orjan) + "/laeringsmaal/" +
               std::to_string(objectives.at(code));
    }
    client::Response get(const std::string& who, const std::string& target) {
        return client::get(server.port(), target, sessions.at(who).headers());
    }
    void post(const std::string& who, const std::string& target, const std::string& body = "{}",
              http::status expected = http::status::created) {
        auto headers = sessions.at(who).post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        const auto r = client::request(server.port(), http::verb::post, target, body,
                                       "application/json", headers);
        ASSERT_EQ(r.result(), expected) << target << " " << r.body();
    }
    // The tasks of `kind` on the list of `who`.
    std::vector<json::object> tasks(const std::string& who, std::string_view kind) {
        const auto r = get(who, "/api/v1/me/tasks");
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        std::vector<json::object> found;
        const auto body = json::parse(r.body());
        for (const auto& t : body.at("tasks").as_array()) {
            if (t.at("kind").as_string() == kind) {
                found.push_back(t.as_object());
            }
        }
        return found;
    }
    void invite_hansen() {
        post("orjan@lege.no", api() + "/clinical-supervisors",
             R"({"name": "Hans Hansen", "email": "Hansen@Sykehus.no"})");
    }
    void advise(const std::string& who, const std::string& code) {
        post(who, objective_api(code) + "/advice", R"({"advice": "recommended"})");
    }

    TestServer server;
    std::map<std::string, client::SignedIn> sessions;
    std::int64_t orjan = 0;
    std::int64_t siri = 0;
    std::map<std::string, std::int64_t> objectives;
};

TEST_F(ObjectiveTasks, TheVeilederAndTheSupervisorAreAskedForTheirAdviceUntilTheyGiveIt) {
    EXPECT_TRUE(tasks("siri@lege.no", "advice_asked").empty());
    post("orjan@lege.no", objective_api("ALM-005") + "/request");
    auto asked = tasks("siri@lege.no", "advice_asked");
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].at("role").as_string(), "supervisor");
    EXPECT_EQ(asked[0].at("subject").as_string(), "Ørjan Ås");
    EXPECT_EQ(asked[0].at("objective").as_string(), "ALM-005");
    EXPECT_EQ(asked[0].at("day").as_string(), "2026-11-22");
    EXPECT_EQ(asked[0].at("url").as_string(), objective_page("ALM-005"));
    EXPECT_EQ(asked[0].at("text").as_string(),
              "Gi råd om læringsmålet ALM-005 for Ørjan Ås (bedt om godkjenning 22.11.2026)");
    // The supervisør is asked once the doctor has invited the address (in any case).
    EXPECT_TRUE(tasks("hansen@sykehus.no", "advice_asked").empty());
    invite_hansen();
    asked = tasks("hansen@sykehus.no", "advice_asked");
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].at("role").as_string(), "clinical_supervisor");
    EXPECT_EQ(asked[0].at("url").as_string(), objective_page("ALM-005"));
    // Each one's advice takes their own task away, not the other's.
    advise("siri@lege.no", "ALM-005");
    EXPECT_TRUE(tasks("siri@lege.no", "advice_asked").empty());
    EXPECT_EQ(tasks("hansen@sykehus.no", "advice_asked").size(), 1u);
    advise("hansen@sykehus.no", "ALM-005");
    EXPECT_TRUE(tasks("hansen@sykehus.no", "advice_asked").empty());
    // A recalled request is nobody's task; asked again, it is everyone's again.
    post("orjan@lege.no", objective_api("ALM-010") + "/request");
    EXPECT_EQ(tasks("hansen@sykehus.no", "advice_asked").size(), 1u);
    post("orjan@lege.no", objective_api("ALM-010") + "/recall");
    EXPECT_TRUE(tasks("hansen@sykehus.no", "advice_asked").empty());
    EXPECT_TRUE(tasks("siri@lege.no", "advice_asked").empty());
    post("orjan@lege.no", objective_api("ALM-010") + "/request");
    EXPECT_EQ(tasks("siri@lege.no", "advice_asked").size(), 1u);
    // A withdrawn invitation ends the supervisør's task.
    const auto invitations = server.database().read(
        [&](const store::Snapshot& s) { return s.learning_log().invitations_of(orjan); });
    ASSERT_EQ(invitations.size(), 1u);
    post("orjan@lege.no",
         api() + "/clinical-supervisors/" + std::to_string(invitations[0].id) + "/withdrawal", "{}",
         http::status::ok);
    EXPECT_TRUE(tasks("hansen@sykehus.no", "advice_asked").empty());
}

TEST_F(ObjectiveTasks, TheLeaderSeesTheRequestsWaitingAndHowManyAreReadyToDecide) {
    EXPECT_TRUE(tasks("leder@bergen.no", "approvals_waiting").empty());
    invite_hansen();
    post("orjan@lege.no", objective_api("ALM-005") + "/request");
    post("orjan@lege.no", objective_api("ALM-010") + "/request");
    advise("siri@lege.no", "ALM-010");
    auto waiting = tasks("leder@bergen.no", "approvals_waiting");
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].at("count").as_int64(), 2);
    EXPECT_EQ(waiting[0].at("ready").as_int64(), 0) << "the veileder alone is not consulted";
    EXPECT_EQ(waiting[0].at("url").as_string(), "/kommuner/4601/godkjenninger");
    advise("hansen@sykehus.no", "ALM-010");
    waiting = tasks("leder@bergen.no", "approvals_waiting");
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].at("ready").as_int64(), 1);
    EXPECT_EQ(waiting[0].at("text").as_string(),
              "Læringsmål som venter på godkjenning i Bergen: 2, av dem 1 klare til avgjørelse");
    // The landing page links to the queue; another municipality's leader sees none.
    EXPECT_NE(get("leder@bergen.no", "/meg").body().find("/kommuner/4601/godkjenninger"),
              std::string::npos);
    EXPECT_TRUE(tasks("leder@tromso.no", "approvals_waiting").empty());
    // Deciding takes the request off the count.
    post("leder@bergen.no", objective_api("ALM-010") + "/decision", R"({"decision": "approved"})");
    waiting = tasks("leder@bergen.no", "approvals_waiting");
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].at("count").as_int64(), 1);
    EXPECT_EQ(waiting[0].at("ready").as_int64(), 0);
    post("leder@bergen.no", objective_api("ALM-005") + "/decision",
         R"({"decision": "rejected", "reason": "Mangler observert konsultasjon."})");
    EXPECT_TRUE(tasks("leder@bergen.no", "approvals_waiting").empty());
}

TEST_F(ObjectiveTasks, TheDoctorIsToldOfARequestSentBackUntilAskingAgain) {
    invite_hansen();
    post("orjan@lege.no", objective_api("ALM-005") + "/request");
    EXPECT_TRUE(tasks("orjan@lege.no", "objective_returned").empty()) << "not decided yet";
    post("leder@bergen.no", objective_api("ALM-005") + "/decision",
         R"({"decision": "rejected", "reason": "Mangler observert konsultasjon."})");
    auto returned = tasks("orjan@lege.no", "objective_returned");
    ASSERT_EQ(returned.size(), 1u);
    EXPECT_EQ(returned[0].at("role").as_string(), "trainee");
    EXPECT_EQ(returned[0].at("objective").as_string(), "ALM-005");
    EXPECT_EQ(returned[0].at("day").as_string(), "2026-11-22");
    EXPECT_EQ(returned[0].at("url").as_string(), objective_page("ALM-005"));
    EXPECT_NE(std::string(returned[0].at("text").as_string()).find("ALM-005 ble sendt tilbake"),
              std::string::npos);
    // Asking again takes it away; a recall of that request brings it back, as the rejection is
    // again the last decision.
    post("orjan@lege.no", objective_api("ALM-005") + "/request");
    EXPECT_TRUE(tasks("orjan@lege.no", "objective_returned").empty());
    post("orjan@lege.no", objective_api("ALM-005") + "/recall");
    EXPECT_EQ(tasks("orjan@lege.no", "objective_returned").size(), 1u);
    // An approval reversed is sent back too.
    post("orjan@lege.no", objective_api("ALM-010") + "/request");
    advise("siri@lege.no", "ALM-010");
    advise("hansen@sykehus.no", "ALM-010");
    post("leder@bergen.no", objective_api("ALM-010") + "/decision", R"({"decision": "approved"})");
    EXPECT_EQ(tasks("orjan@lege.no", "objective_returned").size(), 1u) << "an approval is not";
    post("leder@bergen.no", objective_api("ALM-010") + "/reversal",
         R"({"reason": "Godkjent ved en feil."})");
    returned = tasks("orjan@lege.no", "objective_returned");
    ASSERT_EQ(returned.size(), 2u);
    EXPECT_EQ(returned[0].at("objective").as_string(), "ALM-005") << "by the decision";
    EXPECT_EQ(returned[1].at("objective").as_string(), "ALM-010");
    // Nobody else is told: the veileder's list has no such task.
    EXPECT_TRUE(tasks("siri@lege.no", "objective_returned").empty());
}

TEST_F(ObjectiveTasks, TheRegionalOfficeSeesEachMunicipalitysRequestsWaitingForApproval) {
    const auto askoy = testing::add_trainee(server.database(), "Aud Askøy", "4627", "2025-01-01");
    post("orjan@lege.no", objective_api("ALM-005") + "/request");
    post("orjan@lege.no", objective_api("ALM-010") + "/request");
    // Aud asks for one through the store: she has no account here.
    server.database().write([&](store::UnitOfWork& w) {
        domain::ObjectiveEvent e;
        e.person_id = askoy;
        e.objective_id = objectives.at("ALM-005");
        e.actor_person_id = askoy;
        e.actor_label = "Aud Askøy (aud@lege.no)";
        e.at = "2026-11-21T10:00:00Z";
        return w.learning_log().append_event(e);
    });
    const auto r = get("kontor@bergen.no", "/api/v1/regions/Bergen");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto body = json::parse(r.body());
    std::map<std::string, std::int64_t> awaiting;
    for (const auto& m : body.at("municipalities").as_array()) {
        awaiting[std::string(m.at("number").as_string())] = m.at("awaiting_approval").as_int64();
    }
    EXPECT_EQ(awaiting, (std::map<std::string, std::int64_t>{{"4601", 2}, {"4627", 1}}));
    EXPECT_EQ(body.at("totals").at("awaiting_approval").as_int64(), 3);
    // The page shows the count with a link to the municipality's approval queue.
    const auto page = get("kontor@bergen.no", "/regioner/Bergen");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("<a class=\"ds-link\" href=\"/kommuner/4601/godkjenninger\">2</a>"),
              std::string::npos);
    EXPECT_NE(page.body().find("Læringsmål som venter på godkjenning"), std::string::npos);
    // A decided request no longer waits.
    invite_hansen();
    advise("siri@lege.no", "ALM-005");
    advise("hansen@sykehus.no", "ALM-005");
    post("leder@bergen.no", objective_api("ALM-005") + "/decision", R"({"decision": "approved"})");
    const auto after = json::parse(get("kontor@bergen.no", "/api/v1/regions/Bergen").body());
    EXPECT_EQ(after.at("totals").at("awaiting_approval").as_int64(), 2);
}

TEST_F(ObjectiveTasks, TheSupervisorIsAskedToSignUntilSignedOrTheLinkExpires) {
    invite_hansen();
    const auto invitation = server.database().read([&](const store::Snapshot& s) {
        return s.learning_log().invitations_of(orjan).front().id;
    });
    // Ørjan records three activities and asks Hans to sign two of them.
    std::vector<std::int64_t> activities;
    for (const auto* title : {"Observert konsultasjon", "Hjemmebesøk", "Kasus"}) {
        auto headers = sessions.at("orjan@lege.no").post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        const auto r = client::request(
            server.port(), http::verb::post, api() + "/activities",
            std::string(R"({"kind": "procedure", "done_on": "2026-11-20", "title": ")") + title +
                R"(", "objectives": [{"id": )" + std::to_string(objectives.at("ALM-010")) + "}]}",
            "application/json", headers);
        ASSERT_EQ(r.result(), http::status::created) << r.body();
        activities.push_back(json::parse(r.body()).at("id").as_int64());
    }
    EXPECT_TRUE(tasks("hansen@sykehus.no", "sign_off_asked").empty());
    const auto ask = [&](std::int64_t activity) {
        post("orjan@lege.no", api() + "/activities/" + std::to_string(activity) + "/sign-requests",
             R"({"invitation": )" + std::to_string(invitation) + "}");
    };
    ask(activities[0]);
    ask(activities[1]);
    ask(activities[1]);  // Asked twice: still one activity to sign.
    auto asked = tasks("hansen@sykehus.no", "sign_off_asked");
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].at("role").as_string(), "clinical_supervisor");
    EXPECT_EQ(asked[0].at("subject").as_string(), "Ørjan Ås");
    EXPECT_EQ(asked[0].at("count").as_int64(), 2);
    EXPECT_EQ(asked[0].at("url").as_string(),
              "/personer/" + std::to_string(orjan) + "/laeringsmaal");
    EXPECT_EQ(asked[0].at("text").as_string(),
              "Signer læringsaktiviteter for Ørjan Ås som du har sett i daglig arbeid: 2");
    // Nobody else is asked: not the veileder, not the leader.
    EXPECT_TRUE(tasks("siri@lege.no", "sign_off_asked").empty());
    EXPECT_TRUE(tasks("leder@bergen.no", "sign_off_asked").empty());
    // Signing one leaves one; once the links expire (14 days) nothing is asked.
    post("hansen@sykehus.no", api() + "/activities/" + std::to_string(activities[0]) + "/signature",
         "{}", http::status::ok);
    asked = tasks("hansen@sykehus.no", "sign_off_asked");
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].at("count").as_int64(), 1);
    server.advance_clock(14 * 24 * 60 * 60 + 1);
    sessions.insert_or_assign("hansen@sykehus.no",
                              *client::login(server.port(), "hansen@sykehus.no", kTestPassword));
    EXPECT_TRUE(tasks("hansen@sykehus.no", "sign_off_asked").empty());
}

TEST_F(ObjectiveTasks, TheDigestAnnouncesTheAdviceAskedFor) {
    post("orjan@lege.no", objective_api("ALM-005") + "/request");
    std::map<std::string, std::vector<app::Task>> sent;
    app::queue_digests(server.app(), server.fixed_today(),
                       [&](const app::DigestRecipient& recipient, const std::vector<app::Task>& t) {
                           sent[recipient.email] = t;
                           return app::DigestText{"Nye oppgaver i alis", "Hei,\n"};
                       });
    ASSERT_TRUE(sent.contains("siri@lege.no"));
    const auto& siri_tasks = sent.at("siri@lege.no");
    EXPECT_TRUE(std::any_of(siri_tasks.begin(), siri_tasks.end(), [](const app::Task& t) {
        return t.kind == app::TaskKind::advice_asked && t.objective == "ALM-005";
    }));
    ASSERT_TRUE(sent.contains("leder@bergen.no"));
    const auto& leader_tasks = sent.at("leder@bergen.no");
    EXPECT_TRUE(std::any_of(leader_tasks.begin(), leader_tasks.end(), [](const app::Task& t) {
        return t.kind == app::TaskKind::approvals_waiting && t.count == 1;
    }));
}

}  // namespace objective_tasks_test
}  // namespace alis::web
