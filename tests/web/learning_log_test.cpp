// The learning log and the objectives' approval (issue 13): the doctor records activities and
// asks for approval, the veileder and an invited supervisør advise, the leader approves only after
// that consultation and with a fresh password, rejects and reverses only with a reason; nobody
// advises on or decides their own; the progress report counts it all on screen, as CSV, Excel and
// JSON; the approval queue shows the waiting requests oldest first; and the record moves with the
// doctor to a new municipality.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace learning_log_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;
namespace json = boost::json;

class LearningLog : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        orjan = testing::add_trainee(db, "Ørjan Ås", "4601", "2025-01-01");
        siri = testing::add_trainee(db, "Siri Erfaren", "4601", "2019-01-01");
        db.write([&](store::UnitOfWork& w) {
            domain::ServicePeriod p;
            p.person_id = orjan;
            p.arena = domain::Arena::open_general_practice;
            p.place = "Sentrum legekontor";
            p.starts_on = *domain::Date::parse_iso("2025-01-01");
            period = w.people().add_service_period(p);
            return 0;
        });
        testing::assign_supervisor(db, siri, orjan);
        testing::import_demo_catalogues(server.app());
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "orjan@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, orjan);
        testing::add_account(server.app(), "siri@lege.no", domain::Role::supervisor, std::nullopt,
                             std::nullopt, siri);
        testing::add_account(server.app(), "hansen@sykehus.no", domain::Role::clinical_supervisor);
        trainee = *client::login(server.port(), "orjan@lege.no", kTestPassword);
        veileder = *client::login(server.port(), "siri@lege.no", kTestPassword);
        supervisor = *client::login(server.port(), "hansen@sykehus.no", kTestPassword);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
        // The objectives of the doctor's editions, by code.
        const auto r = get(trainee, api() + "/objectives");
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
    std::string page() const { return "/personer/" + std::to_string(orjan) + "/laeringsmaal"; }
    client::Response get(const client::SignedIn& who, const std::string& target) {
        return client::get(server.port(), target, who.headers());
    }
    client::Response api_post(const client::SignedIn& who, const std::string& target,
                              const std::string& body = "{}") {
        auto headers = who.post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        return client::request(server.port(), http::verb::post, target, body, "application/json",
                               headers);
    }
    client::Response form_post(const client::SignedIn& who, const std::string& target,
                               std::vector<std::pair<std::string, std::string>> fields) {
        fields.emplace_back("csrf_token", who.csrf_token);
        return client::request(server.port(), http::verb::post, target, client::form_body(fields),
                               "application/x-www-form-urlencoded",
                               who.post_headers(server.port()));
    }
    // The objective `code` of the progress report's JSON.
    json::object objective(const client::SignedIn& who, const std::string& code) {
        const auto r = get(who, api() + "/objectives");
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        const auto body = json::parse(r.body());
        for (const auto& c : body.at("catalogues").as_array()) {
            for (const auto& o : c.at("objectives").as_array()) {
                if (o.at("code").as_string() == code) {
                    return o.as_object();
                }
            }
        }
        ADD_FAILURE() << "no objective " << code;
        return {};
    }
    static std::string error_code(const client::Response& r) {
        return std::string(json::parse(r.body()).at("error").at("code").as_string());
    }
    // Asks for the approval of `code` and has the veileder and the supervisør advise on it.
    void request_with_advice(const std::string& code) {
        ASSERT_EQ(api_post(trainee, objective_api(code) + "/request").result(),
                  http::status::created);
        ASSERT_EQ(
            api_post(veileder, objective_api(code) + "/advice", R"({"advice": "recommended"})")
                .result(),
            http::status::created);
        ASSERT_EQ(api_post(supervisor, objective_api(code) + "/advice",
                           R"({"advice": "recommended", "reason": "Sett i daglig arbeid."})")
                      .result(),
                  http::status::created);
    }
    void invite_supervisor() {
        const auto r = api_post(trainee, api() + "/clinical-supervisors",
                                R"({"name": "Hans Hansen", "email": "Hansen@Sykehus.no"})");
        ASSERT_EQ(r.result(), http::status::created) << r.body();
    }

    // Records an activity of Ørjan supporting ALM-010 through the API; returns its id.
    std::int64_t record_activity(const std::string& title) {
        const auto r = api_post(trainee, api() + "/activities",
                                R"({"kind": "procedure", "done_on": "2026-11-20", "title": ")" +
                                    title + R"(", "objectives": [{"id": )" +
                                    std::to_string(objectives.at("ALM-010")) + "}]}");
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        return json::parse(r.body()).at("id").as_int64();
    }
    std::int64_t invitation_id() {
        return server.database().read([&](const store::Snapshot& s) {
            return s.learning_log().invitations_of(orjan).front().id;
        });
    }
    // Asks Hans to sign the activity; returns the link's token.
    std::string ask_to_sign(std::int64_t activity) {
        const auto r =
            api_post(trainee, api() + "/activities/" + std::to_string(activity) + "/sign-requests",
                     R"({"invitation": )" + std::to_string(invitation_id()) + "}");
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        const std::string link(json::parse(r.body()).at("link").as_string());
        std::smatch m;
        EXPECT_TRUE(std::regex_search(link, m, std::regex("/signering/([0-9a-f]{64})$"))) << link;
        return m.size() > 1 ? m[1].str() : std::string();
    }
    // The link's page and form as a visitor without an account: its status, body and CSRF cookie.
    struct Visit {
        client::Response page;
        std::string csrf;
    };
    Visit visit(const std::string& token) {
        auto page = client::get(server.port(), "/signering/" + token);
        auto csrf = client::set_cookie_value(page, "__Host-alis_csrf").value_or("");
        return {std::move(page), csrf};
    }
    client::Response sign_by_link(const std::string& token, const std::string& csrf, bool seen) {
        std::vector<std::pair<std::string, std::string>> fields{{"csrf_token", csrf}};
        if (seen) {
            fields.emplace_back("seen", "ja");
        }
        return client::request(server.port(), http::verb::post, "/signering/" + token,
                               client::form_body(fields), "application/x-www-form-urlencoded",
                               {{"Cookie", "__Host-alis_csrf=" + csrf},
                                {"Origin", "http://127.0.0.1:" + std::to_string(server.port())}});
    }
    std::optional<domain::ActivitySignature> signature_of(std::int64_t activity) {
        for (const auto& a : server.database().read(
                 [&](const store::Snapshot& s) { return s.learning_log().activities_of(orjan); })) {
            if (a.id == activity) {
                return a.signature;
            }
        }
        return std::nullopt;
    }

    TestServer server;
    std::int64_t orjan = 0;
    std::int64_t siri = 0;
    std::int64_t period = 0;
    std::map<std::string, std::int64_t> objectives;
    client::SignedIn trainee;
    client::SignedIn veileder;
    client::SignedIn supervisor;
    client::SignedIn leader;
};

TEST_F(LearningLog, TheProgressReportShowsEachCatalogueMarkedDemoWithTheObjectivesAtRisk) {
    ASSERT_TRUE(objectives.contains("ALM-055"));
    ASSERT_FALSE(objectives.empty());
    const auto r = get(trainee, page());
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_NE(r.body().find("ALM – læringsmål i allmennmedisin"), std::string::npos);
    EXPECT_NE(r.body().find("FKM – felles kompetansemål"), std::string::npos);
    EXPECT_NE(r.body().find("ikke Helsedirektoratets offisielle tekster"), std::string::npos)
        << "a demo edition says so";
    EXPECT_NE(r.body().find("Ny læringsaktivitet"), std::string::npos) << "the doctor's own";
    // ALM-055 is reached in institution service, which Ørjan's path does not hold.
    auto o = objective(trainee, "ALM-055");
    EXPECT_TRUE(o.at("at_risk").as_bool());
    EXPECT_EQ(o.at("status").as_string(), "not_started");
    EXPECT_FALSE(objective(trainee, "ALM-005").at("at_risk").as_bool());
    // Once institution service is planned, it is no longer at risk.
    testing::add_education_plan(
        server.database(), orjan, "2026-11-01",
        {{domain::Arena::institution, "Haukeland", "2027-01-01", "2027-06-30"}});
    EXPECT_FALSE(objective(trainee, "ALM-055").at("at_risk").as_bool());
    // The leader reads it, without the doctor's buttons; another municipality's leader cannot.
    const auto lead = get(leader, page());
    ASSERT_EQ(lead.result(), http::status::ok);
    EXPECT_EQ(lead.body().find("Ny læringsaktivitet"), std::string::npos);
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    EXPECT_EQ(get(tromso, page()).result(), http::status::forbidden);
    EXPECT_EQ(get(tromso, api() + "/objectives").result(), http::status::forbidden);
}

TEST_F(LearningLog, TheDoctorRecordsAnActivityThatCountsInTheReportAndTheDownloads) {
    const auto form = get(trainee, "/personer/" + std::to_string(orjan) + "/aktiviteter/ny?maal=" +
                                       std::to_string(objectives.at("ALM-010")));
    ASSERT_EQ(form.result(), http::status::ok) << form.body();
    EXPECT_NE(
        form.body().find("value=\"" + std::to_string(objectives.at("ALM-010")) + "\" checked"),
        std::string::npos)
        << "coming from the objective, its box is ticked";
    // A mistake keeps what was typed: no objective ticked and a day to come.
    auto r = form_post(trainee, "/personer/" + std::to_string(orjan) + "/aktiviteter/ny",
                       {{"kind", "clinical_case"},
                        {"done_on", "01.12.2026"},
                        {"title", "Pasient med hodepine"},
                        {"reflection", ""}});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("Pasient med hodepine"), std::string::npos);
    r = form_post(trainee, "/personer/" + std::to_string(orjan) + "/aktiviteter/ny",
                  {{"kind", "clinical_case"},
                   {"done_on", "01.12.2026"},
                   {"title", "Pasient med hodepine"},
                   {"objective_1_id", std::to_string(objectives.at("ALM-010"))}});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("etter i dag"), std::string::npos) << r.body();
    r = form_post(trainee, "/personer/" + std::to_string(orjan) + "/aktiviteter/ny",
                  {{"kind", "clinical_case"},
                   {"done_on", "20.11.2026"},
                   {"service_period", std::to_string(period)},
                   {"title", "Pasient med hodepine"},
                   {"reflection", "Jeg spurte for lite om medisinbruk."},
                   {"objective_1_id", std::to_string(objectives.at("ALM-010"))},
                   {"objective_2_id", std::to_string(objectives.at("ALM-005"))}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    auto o = objective(trainee, "ALM-010");
    EXPECT_EQ(o.at("status").as_string(), "in_progress");
    EXPECT_EQ(o.at("activities").as_int64(), 1);
    // Through the API, with an objective of no edition of the doctor's: 422, nothing stored.
    r = api_post(trainee, api() + "/activities",
                 R"({"kind": "procedure", "done_on": "2026-11-21", "title": "Sutur",
                     "objectives": [{"id": 999999}]})");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    r = get(trainee, api() + "/activities");
    ASSERT_EQ(r.result(), http::status::ok);
    const auto activities = json::parse(r.body());
    ASSERT_EQ(activities.at("activities").as_array().size(), 1u);
    EXPECT_EQ(activities.at("activities").at(0).at("service_period_id").as_int64(), period);
    // The downloads carry the same figures.
    const auto csv = get(trainee, page() + ".csv");
    ASSERT_EQ(csv.result(), http::status::ok);
    EXPECT_NE(csv.body().find("\"ALM-010\""), std::string::npos);
    EXPECT_NE(csv.body().find("\"Under arbeid\""), std::string::npos);
    const auto xlsx = get(trainee, page() + ".xlsx");
    ASSERT_EQ(xlsx.result(), http::status::ok);
    EXPECT_EQ(xlsx.body().substr(0, 2), "PK") << "a zip, as .xlsx files are";
    // The leader cannot write in the doctor's log.
    EXPECT_EQ(api_post(leader, api() + "/activities",
                       R"({"kind": "other", "done_on": "2026-11-21", "title": "x",
                           "objectives": [{"id": 1}]})")
                  .result(),
              http::status::forbidden);
}

TEST_F(LearningLog, ApprovalNeedsTheVeiledersAndASupervisorsAdviceAndAFreshPassword) {
    const auto path = objective_api("ALM-005");
    auto r = api_post(trainee, path + "/request");
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    r = api_post(trainee, path + "/request");
    EXPECT_EQ(r.result(), http::status::conflict);
    EXPECT_EQ(error_code(r), "already_requested");
    // Not yet consulted: the leader cannot approve, but sees the request in the queue.
    r = api_post(leader, path + "/decision", R"({"decision": "approved"})");
    EXPECT_EQ(r.result(), http::status::conflict);
    EXPECT_EQ(error_code(r), "not_consulted");
    r = get(leader, "/api/v1/municipalities/4601/objective-requests");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    auto queue = json::parse(r.body());
    ASSERT_EQ(queue.at("requests").as_array().size(), 1u);
    EXPECT_EQ(queue.at("requests").at(0).at("code").as_string(), "ALM-005");
    EXPECT_FALSE(queue.at("requests").at(0).at("consulted").as_bool());
    // The veileder advises; the supervisør may only once the doctor has invited them.
    EXPECT_EQ(api_post(veileder, path + "/advice", R"({"advice": "recommended"})").result(),
              http::status::created);
    EXPECT_EQ(api_post(supervisor, path + "/advice", R"({"advice": "recommended"})").result(),
              http::status::forbidden);
    invite_supervisor();
    r = api_post(supervisor, path + "/advice", R"({"advice": "maybe"})");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_EQ(api_post(supervisor, path + "/advice", R"({"advice": "recommended"})").result(),
              http::status::created);
    r = get(leader, "/api/v1/municipalities/4601/objective-requests");
    queue = json::parse(r.body());
    EXPECT_TRUE(queue.at("requests").at(0).at("consulted").as_bool());
    // Eleven minutes after the login the leader must confirm the password first.
    server.advance_clock(11 * 60);
    r = api_post(leader, path + "/decision", R"({"decision": "approved"})");
    EXPECT_EQ(r.result(), http::status::forbidden);
    EXPECT_EQ(error_code(r), "reauthentication_required");
    const auto objective_page =
        get(leader, page() + "/" + std::to_string(objectives.at("ALM-005")));
    ASSERT_EQ(objective_page.result(), http::status::ok);
    EXPECT_NE(objective_page.body().find("/bekreft-passord?neste="), std::string::npos);
    EXPECT_EQ(objective(leader, "ALM-005").at("status").as_string(), "requested");
    leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    r = api_post(leader, path + "/decision", R"({"decision": "approved"})");
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    auto o = objective(trainee, "ALM-005");
    EXPECT_EQ(o.at("status").as_string(), "approved");
    EXPECT_NE(std::string(o.at("approved_by").as_string()).find("leder@bergen.no"),
              std::string::npos);
    EXPECT_TRUE(json::parse(get(leader, "/api/v1/municipalities/4601/objective-requests").body())
                    .at("requests")
                    .as_array()
                    .empty());
    r = api_post(trainee, path + "/request");
    EXPECT_EQ(error_code(r), "already_approved");
    // A reversal is a new event with a reason; the approval event stays in the history.
    r = api_post(leader, path + "/reversal", R"({"reason": ""})");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    r = api_post(leader, path + "/reversal", R"({"reason": "Godkjent ved en feil."})");
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    EXPECT_EQ(objective(trainee, "ALM-005").at("status").as_string(), "in_progress");
    const auto events = server.database().read(
        [&](const store::Snapshot& s) { return s.learning_log().events_of(orjan); });
    ASSERT_EQ(events.size(), 5u);
    EXPECT_EQ(events[3].kind, domain::ObjectiveEventKind::approved);
    EXPECT_EQ(events[3].municipality_number, "4601");
    EXPECT_EQ(events[4].kind, domain::ObjectiveEventKind::reversed);
}

TEST_F(LearningLog, TheDoctorRecallsARequestAndARejectionNeedsAReasonTheDoctorSees) {
    const auto path = objective_api("ALM-010");
    auto r = api_post(trainee, path + "/recall");
    EXPECT_EQ(r.result(), http::status::conflict);
    EXPECT_EQ(error_code(r), "no_open_request");
    ASSERT_EQ(api_post(trainee, path + "/request").result(), http::status::created);
    ASSERT_EQ(api_post(trainee, path + "/recall").result(), http::status::created);
    EXPECT_EQ(objective(trainee, "ALM-010").at("status").as_string(), "in_progress");
    // By the pages' forms: ask again, then the leader rejects, first without a reason.
    const auto page_path = page() + "/" + std::to_string(objectives.at("ALM-010"));
    r = form_post(trainee, page_path + "/be-om-godkjenning", {});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    auto shown = get(leader, page_path);
    ASSERT_EQ(shown.result(), http::status::ok);
    EXPECT_NE(shown.body().find(page_path + "/avgjorelse"), std::string::npos);
    EXPECT_NE(shown.body().find("id=\"decision-approved\" name=\"decision\" value=\"approved\" "
                                "disabled"),
              std::string::npos)
        << "approval is not offered before the consultation";
    r = form_post(leader, page_path + "/avgjorelse", {{"decision", "rejected"}, {"reason", ""}});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    r = form_post(leader, page_path + "/avgjorelse",
                  {{"decision", "rejected"}, {"reason", "Mangler observert konsultasjon."}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    shown = get(trainee, page_path);
    ASSERT_EQ(shown.result(), http::status::ok);
    EXPECT_NE(shown.body().find("Mangler observert konsultasjon."), std::string::npos);
    EXPECT_NE(shown.body().find(page_path + "/be-om-godkjenning"), std::string::npos)
        << "the doctor may ask again";
}

TEST_F(LearningLog, NobodyAdvisesOnOrDecidesTheirOwnObjectives) {
    // Ørjan is also a leader in Bergen, and Siri's trainee account is hers too.
    testing::add_account(server.app(), "orjan.leder@bergen.no", domain::Role::leader, "4601",
                         std::nullopt, orjan);
    const auto orjan_leader = *client::login(server.port(), "orjan.leder@bergen.no", kTestPassword);
    invite_supervisor();
    const auto path = objective_api("ALM-005");
    request_with_advice("ALM-005");
    auto r = api_post(orjan_leader, path + "/decision", R"({"decision": "approved"})");
    EXPECT_EQ(r.result(), http::status::forbidden) << "a leader never approves their own";
    EXPECT_EQ(api_post(trainee, path + "/advice", R"({"advice": "recommended"})").result(),
              http::status::forbidden);
    EXPECT_EQ(api_post(veileder, path + "/decision", R"({"decision": "approved"})").result(),
              http::status::forbidden);
    EXPECT_EQ(api_post(supervisor, path + "/decision", R"({"decision": "approved"})").result(),
              http::status::forbidden);
    // A doctor cannot invite themselves as supervisør.
    r = api_post(trainee, api() + "/clinical-supervisors",
                 R"({"name": "Ørjan", "email": "ORJAN@lege.no"})");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    // The schema refuses it too: no event on one's own objective but as the doctor.
    EXPECT_THROW(server.database().write([&](store::UnitOfWork& w) {
        domain::ObjectiveEvent e;
        e.person_id = orjan;
        e.objective_id = objectives.at("ALM-005");
        e.kind = domain::ObjectiveEventKind::approved;
        e.actor_role = domain::ObjectiveActorRole::leader;
        e.actor_person_id = orjan;
        e.actor_label = "Ørjan";
        e.at = "2026-11-22T12:00:00Z";
        return w.learning_log().append_event(e);
    }),
                 store::ConstraintViolation);
    EXPECT_EQ(objective(trainee, "ALM-005").at("status").as_string(), "requested");
}

TEST_F(LearningLog, AWithdrawnSupervisorCanNoLongerAdvise) {
    invite_supervisor();
    auto r = get(trainee, api() + "/clinical-supervisors");
    ASSERT_EQ(r.result(), http::status::ok);
    const auto list = json::parse(r.body());
    ASSERT_EQ(list.at("clinical_supervisors").as_array().size(), 1u);
    EXPECT_EQ(list.at("clinical_supervisors").at(0).at("email").as_string(), "hansen@sykehus.no");
    const auto id = list.at("clinical_supervisors").at(0).at("id").as_int64();
    r = api_post(trainee, api() + "/clinical-supervisors",
                 R"({"name": "Hans Hansen", "email": "hansen@sykehus.no"})");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << "invited already";
    const auto path = objective_api("ALM-015");
    ASSERT_EQ(api_post(trainee, path + "/request").result(), http::status::created);
    // The supervisør reads the objective's page and gets the advice form.
    const auto shown = get(supervisor, page() + "/" + std::to_string(objectives.at("ALM-015")));
    ASSERT_EQ(shown.result(), http::status::ok);
    EXPECT_NE(shown.body().find("Ditt råd til lederen"), std::string::npos);
    ASSERT_EQ(
        api_post(trainee, api() + "/clinical-supervisors/" + std::to_string(id) + "/withdrawal")
            .result(),
        http::status::ok);
    EXPECT_EQ(api_post(supervisor, path + "/advice", R"({"advice": "recommended"})").result(),
              http::status::forbidden);
    EXPECT_EQ(get(supervisor, page()).result(), http::status::forbidden);
    EXPECT_EQ(
        api_post(trainee, api() + "/clinical-supervisors/" + std::to_string(id) + "/withdrawal")
            .result(),
        http::status::not_found)
        << "withdrawn once";
}

TEST_F(LearningLog, AfterAMoveTheNewLeaderSeesTheApprovalsAndTheOldOneNothing) {
    invite_supervisor();
    request_with_advice("ALM-005");
    ASSERT_EQ(
        api_post(leader, objective_api("ALM-005") + "/decision", R"({"decision": "approved"})")
            .result(),
        http::status::created);
    // Ørjan leaves Bergen and is employed by Tromsø from today.
    server.database().write([&](store::UnitOfWork& w) {
        for (auto e : w.people().employments_of(orjan)) {
            e.ends_on = *domain::Date::parse_iso("2026-11-21");
            w.people().update_employment(e);
        }
        domain::Employment e;
        e.person_id = orjan;
        e.municipality_number = "5501";
        e.starts_on = *domain::Date::parse_iso("2026-11-22");
        return w.people().add_employment(e);
    });
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    auto o = objective(tromso, "ALM-005");
    EXPECT_EQ(o.at("status").as_string(), "approved") << "the record moves with the doctor";
    const auto report = get(tromso, page());
    ASSERT_EQ(report.result(), http::status::ok);
    EXPECT_EQ(get(leader, page()).result(), http::status::forbidden);
    EXPECT_EQ(get(leader, api() + "/objectives").result(), http::status::forbidden);
    // What happens after the move is Tromsø's: Bergen's queue no longer shows Ørjan.
    ASSERT_EQ(api_post(trainee, objective_api("ALM-010") + "/request").result(),
              http::status::created);
    EXPECT_TRUE(json::parse(get(leader, "/api/v1/municipalities/4601/objective-requests").body())
                    .at("requests")
                    .as_array()
                    .empty());
    const auto queue =
        json::parse(get(tromso, "/api/v1/municipalities/5501/objective-requests").body());
    ASSERT_EQ(queue.at("requests").as_array().size(), 1u);
    EXPECT_EQ(queue.at("requests").at(0).at("code").as_string(), "ALM-010");
}

// The link in the mail starts with the installation's public address (--public-url), whatever
// Host the doctor's request came with; without one, with the request's own.
TEST_F(LearningLog, TheMailedLinkStartsWithThePublicAddressWhenOneIsSet) {
    invite_supervisor();
    const auto first = ask_to_sign(record_activity("Sutur av kuttskade"));
    server.set_public_url("https://alis.bergen.kommune.no");
    const auto second = ask_to_sign(record_activity("Reponering av skulder"));
    const auto mails =
        server.database().read([](const store::Snapshot& s) { return s.mail_outbox().all(); });
    ASSERT_EQ(mails.size(), 2u);
    const auto host = "http://127.0.0.1:" + std::to_string(server.port());
    EXPECT_NE(mails[0].body.find(host + "/signering/" + first), std::string::npos) << mails[0].body;
    EXPECT_NE(mails[1].body.find("https://alis.bergen.kommune.no/signering/" + second),
              std::string::npos)
        << mails[1].body;
    EXPECT_EQ(mails[1].body.find(host), std::string::npos) << mails[1].body;
}

TEST_F(LearningLog, AnInvitedSupervisorSignsByTheMailedOneTimeLinkOnce) {
    invite_supervisor();
    const auto activity = record_activity("Sutur av kuttskade");
    const auto token = ask_to_sign(activity);
    // The mail waits in the outbox, to the invited address, with the link.
    const auto mails =
        server.database().read([](const store::Snapshot& s) { return s.mail_outbox().all(); });
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(mails[0].recipient, "hansen@sykehus.no");
    EXPECT_NE(mails[0].body.find("/signering/" + token), std::string::npos);
    EXPECT_NE(mails[0].body.find("Sutur av kuttskade"), std::string::npos);
    // Without an account: the page shows what is signed; not ticking "seen" signs nothing.
    auto v = visit(token);
    ASSERT_EQ(v.page.result(), http::status::ok) << v.page.body();
    EXPECT_NE(v.page.body().find("Sutur av kuttskade"), std::string::npos);
    EXPECT_NE(v.page.body().find("ALM-010"), std::string::npos);
    EXPECT_EQ(sign_by_link(token, v.csrf, false).result(), http::status::unprocessable_entity);
    EXPECT_FALSE(signature_of(activity));
    EXPECT_EQ(sign_by_link(token, "", true).result(), http::status::forbidden) << "no CSRF token";
    auto r = sign_by_link(token, v.csrf, true);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_NE(r.body().find("Aktiviteten er signert"), std::string::npos);
    const auto signature = signature_of(activity);
    ASSERT_TRUE(signature);
    EXPECT_EQ(signature->signer_label, "Hans Hansen (hansen@sykehus.no)");
    EXPECT_FALSE(signature->signer_person_id);
    const auto audited = server.database().read([&](const store::Snapshot& s) {
        return s.audit().events_about(orjan, "activity.signed_by_link", 10, 0);
    });
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited[0].actor_label, "hansen@sykehus.no");
    // Used: a second use gets a clear page, never a second signature.
    v = visit(token);
    EXPECT_EQ(v.page.result(), http::status::gone);
    EXPECT_NE(v.page.body().find("allerede brukt"), std::string::npos);
    EXPECT_EQ(sign_by_link(token, v.csrf, true).result(), http::status::gone);
    // Tampered with: one digit changed is no link.
    auto tampered = token;
    tampered[10] = tampered[10] == 'a' ? 'b' : 'a';
    v = visit(tampered);
    EXPECT_EQ(v.page.result(), http::status::not_found);
    EXPECT_NE(v.page.body().find("Lenken er ugyldig"), std::string::npos);
    EXPECT_EQ(sign_by_link(tampered, v.csrf, true).result(), http::status::not_found);
    EXPECT_EQ(visit("not-a-token").page.result(), http::status::not_found);
    // The progress report shows the signature; a signed activity is not asked again.
    EXPECT_EQ(objective(trainee, "ALM-010").at("signed_activities").as_int64(), 1);
    r = api_post(trainee, api() + "/activities/" + std::to_string(activity) + "/sign-requests",
                 R"({"invitation": )" + std::to_string(invitation_id()) + "}");
    EXPECT_EQ(r.result(), http::status::conflict);
}

TEST_F(LearningLog, ALinkExpiresAfterFourteenDaysAndAWithdrawnAddressIsNotAsked) {
    invite_supervisor();
    const auto activity = record_activity("Kasus med brystsmerter");
    const auto token = ask_to_sign(activity);
    server.advance_clock(14 * 24 * 60 * 60 + 1);
    auto v = visit(token);
    EXPECT_EQ(v.page.result(), http::status::gone);
    EXPECT_NE(v.page.body().find("utløpt"), std::string::npos);
    EXPECT_EQ(sign_by_link(token, v.csrf, true).result(), http::status::gone);
    EXPECT_FALSE(signature_of(activity));
    // Only an open invitation of the doctor's may be asked; only the doctor's activity.
    trainee = *client::login(server.port(), "orjan@lege.no", kTestPassword);
    leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    ASSERT_EQ(api_post(trainee, api() + "/clinical-supervisors/" + std::to_string(invitation_id()) +
                                    "/withdrawal")
                  .result(),
              http::status::ok);
    auto r = api_post(trainee, api() + "/activities/" + std::to_string(activity) + "/sign-requests",
                      R"({"invitation": )" + std::to_string(invitation_id()) + "}");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    r = api_post(leader, api() + "/activities/" + std::to_string(activity) + "/sign-requests",
                 R"({"invitation": 1})");
    EXPECT_EQ(r.result(), http::status::forbidden);
}

TEST_F(LearningLog, ASupervisorWithAnAccountSignsWhatWasAskedOfThemAndNothingElse) {
    invite_supervisor();
    const auto asked = record_activity("Observert konsultasjon");
    const auto other = record_activity("Hjemmebesøk");
    ask_to_sign(asked);
    const auto sign = [&](const client::SignedIn& who, std::int64_t activity) {
        return api_post(who, api() + "/activities/" + std::to_string(activity) + "/signature");
    };
    // The objective's page offers Hans the button for what was asked of him.
    const auto shown = get(supervisor, page() + "/" + std::to_string(objectives.at("ALM-010")));
    ASSERT_EQ(shown.result(), http::status::ok);
    EXPECT_NE(shown.body().find("/aktiviteter/" + std::to_string(asked) + "/signer"),
              std::string::npos);
    EXPECT_EQ(shown.body().find("/aktiviteter/" + std::to_string(other) + "/signer"),
              std::string::npos);
    EXPECT_EQ(sign(supervisor, other).result(), http::status::forbidden) << "not asked";
    EXPECT_EQ(sign(trainee, asked).result(), http::status::forbidden) << "not one's own";
    EXPECT_EQ(sign(veileder, asked).result(), http::status::forbidden);
    auto r = sign(supervisor, asked);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto signature = signature_of(asked);
    ASSERT_TRUE(signature);
    EXPECT_NE(signature->signer_label.find("hansen@sykehus.no"), std::string::npos);
    // The request is used: a second signature is refused.
    EXPECT_EQ(sign(supervisor, asked).result(), http::status::forbidden);
    EXPECT_EQ(objective(trainee, "ALM-010").at("signed_activities").as_int64(), 1);
}

TEST_F(LearningLog, TheDoctorAttachesFilesToAnUnsignedActivityAndItsReadersDownloadThem) {
    const auto activity = record_activity("Prosedyrelogg");
    const std::string files = api() + "/activities/" + std::to_string(activity) + "/attachments";
    const auto attach = [&](const client::SignedIn& who, const std::string& target,
                            const std::string& name, const std::string& bytes) {
        return client::request(
            server.port(), http::verb::post, target,
            client::multipart_body({}, {{"file", name, "application/pdf", bytes}}),
            client::kMultipartType, who.post_headers(server.port()));
    };
    const std::string pdf = "%PDF-1.4\nprosedyrelogg\n";
    auto r = attach(trainee, files, "C:\\Mine filer\\logg.pdf", pdf);
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto kept = json::parse(r.body()).as_object();
    EXPECT_EQ(kept.at("file_name").as_string(), "logg.pdf");
    EXPECT_EQ(kept.at("media_type").as_string(), "application/pdf");
    EXPECT_EQ(kept.at("byte_size").as_int64(), static_cast<std::int64_t>(pdf.size()));
    EXPECT_EQ(kept.at("sha256").as_string().size(), 64u);
    const std::string url(kept.at("url").as_string());
    EXPECT_EQ(r[http::field::location], url);
    // The veileder and the leader read it back as it was sent, as a download.
    for (const auto* who : {&veileder, &leader}) {
        r = get(*who, url);
        ASSERT_EQ(r.result(), http::status::ok);
        EXPECT_EQ(r.body(), pdf);
        EXPECT_EQ(r[http::field::content_type], "application/pdf");
        EXPECT_NE(std::string(r[http::field::content_disposition]).find("attachment"),
                  std::string::npos);
    }
    // Listed with the activity in the API and on the progress report, with a form to add more.
    r = get(trainee, api() + "/activities");
    const auto listed = json::parse(r.body()).at("activities").as_array();
    ASSERT_EQ(listed.size(), 1u);
    ASSERT_EQ(listed[0].at("attachments").as_array().size(), 1u);
    EXPECT_EQ(listed[0].at("attachments").as_array()[0].at("url").as_string(), url);
    const std::string page_file = "/personer/" + std::to_string(orjan) + "/aktiviteter/" +
                                  std::to_string(activity) + "/vedlegg";
    r = get(trainee, page());
    EXPECT_NE(r.body().find(page_file + "/" + std::to_string(kept.at("id").as_int64())),
              std::string::npos);
    EXPECT_NE(r.body().find("action=\"" + page_file + "\""), std::string::npos);
    EXPECT_NE(r.body().find("Last ned logg.pdf"), std::string::npos);
    // The page's form: multipart with the CSRF token as a part, back to the report.
    {
        auto headers = trainee.post_headers(server.port());
        headers.pop_back();
        r = client::request(
            server.port(), http::verb::post, page_file,
            client::multipart_body(
                {{"csrf_token", trainee.csrf_token}},
                {{"file", "bilde.png", "image/png", std::string("\x89PNG\r\n\x1a\n", 8) + "data"}}),
            client::kMultipartType, headers);
        EXPECT_EQ(r.result(), http::status::see_other) << r.body();
        EXPECT_NE(std::string(r[http::field::location]).find("lagret=vedlegg"), std::string::npos);
    }
    // Bad files are refused in Norwegian, and nothing is kept.
    r = attach(trainee, files, "notat.pdf", "bare tekst, ingen PDF");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_EQ(error_code(r), "invalid_input");
    EXPECT_NE(r.body().find("PDF-, PNG- eller JPEG-fil"), std::string::npos);
    EXPECT_EQ(attach(trainee, files, "tom.pdf", "").result(), http::status::unprocessable_entity);
    const auto count = [&] {
        return server.database().read([&](const store::Snapshot& s) {
            return s.learning_log().activities_of(orjan).front().attachments.size();
        });
    };
    EXPECT_EQ(count(), 2u);
    // Nobody else attaches, and another municipality reads nothing.
    EXPECT_EQ(attach(leader, files, "x.pdf", pdf).result(), http::status::forbidden);
    EXPECT_EQ(attach(veileder, files, "x.pdf", pdf).result(), http::status::forbidden);
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    EXPECT_EQ(get(tromso, url).result(), http::status::forbidden);
    // A file of one activity is not found under another.
    const auto other = record_activity("Annen aktivitet");
    EXPECT_EQ(get(trainee, api() + "/activities/" + std::to_string(other) + "/attachments/" +
                               std::to_string(kept.at("id").as_int64()))
                  .result(),
              http::status::not_found);
    // Ten files at most.
    while (count() < domain::kMaxActivityAttachments) {
        ASSERT_EQ(attach(trainee, files, "flere.pdf", pdf).result(), http::status::created);
    }
    r = attach(trainee, files, "en-for-mye.pdf", pdf);
    EXPECT_EQ(r.result(), http::status::conflict);
    EXPECT_EQ(error_code(r), "too_many_files");
    // Once signed, the activity keeps what it had: no more files.
    invite_supervisor();
    ask_to_sign(activity);
    ASSERT_EQ(api_post(supervisor, api() + "/activities/" + std::to_string(activity) + "/signature")
                  .result(),
              http::status::ok);
    r = attach(trainee, files, "sent.pdf", pdf);
    EXPECT_EQ(r.result(), http::status::conflict);
    EXPECT_EQ(error_code(r), "already_signed");
    EXPECT_EQ(count(), domain::kMaxActivityAttachments);
}

// The demo writes each doctor's history in turn, so its requests are stored in another order
// than they were asked for: the queue still lists them oldest first.
TEST(LearningLogQueue, TheQueueListsTheRequestsOldestFirstWhateverOrderTheyWereStoredIn) {
    TestServer demo({}, true);
    const auto leader =
        client::login(demo.port(), "leder.bergen@demo.alis.no", "demo-passord-2026");
    ASSERT_TRUE(leader);
    const auto r = client::get(demo.port(), "/api/v1/municipalities/4601/objective-requests",
                               leader->headers());
    ASSERT_EQ(r.result(), boost::beast::http::status::ok) << r.body();
    const auto requests = json::parse(r.body()).at("requests").as_array();
    ASSERT_GE(requests.size(), 2u) << "the demo has requests of two doctors in Bergen";
    for (std::size_t i = 1; i < requests.size(); ++i) {
        EXPECT_LE(requests[i - 1].at("requested_at").as_string(),
                  requests[i].at("requested_at").as_string())
            << r.body();
        EXPECT_GE(requests[i - 1].at("days_waiting").as_int64(),
                  requests[i].at("days_waiting").as_int64());
    }
    const auto page = client::get(demo.port(), "/kommuner/4601/godkjenninger", leader->headers());
    ASSERT_EQ(page.result(), boost::beast::http::status::ok);
    const auto first = page.body().find(std::string(requests[0].at("name").as_string()));
    const auto second = page.body().find(std::string(requests[1].at("name").as_string()));
    ASSERT_NE(first, std::string::npos);
    EXPECT_LT(first, second) << "the page shows the same order";
}

}  // namespace learning_log_test
}  // namespace alis::web
