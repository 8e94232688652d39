// Journey 5: the leader registers supervisors, sets the capacity and assigns one supervisor per
// trainee; the supervisor sees their trainees. Pages and JSON API, validation, audit and access.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cctype>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace supervisors_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;

std::string url_encode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

class Supervisors : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4627", "Askøy", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        anne = testing::add_trainee(db, "Anne Alis", "4601");
        bjorn = testing::add_trainee(db, "Bjørn Alis", "4601");
        cecilie = testing::add_trainee(db, "Cecilie Alis", "4601");
        tore = testing::add_trainee(db, "Tore Tromsø", "5501");
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "anne@alis.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, anne);
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    client::Response post_json(const client::SignedIn& who, const std::string& path,
                               const json::object& body,
                               boost::beast::http::verb method = boost::beast::http::verb::post) {
        return client::request(server.port(), method, path, json::serialize(body),
                               "application/json", who.post_headers(server.port()));
    }

    client::Response post_form(const client::SignedIn& who, const std::string& path,
                               const std::vector<std::pair<std::string, std::string>>& fields) {
        std::string body("csrf_token=");
        body.append(url_encode(who.csrf_token));
        for (const auto& [k, v] : fields) {
            body.append(1, '&').append(url_encode(k)).append(1, '=').append(url_encode(v));
        }
        return client::request(server.port(), boost::beast::http::verb::post, path, body,
                               "application/x-www-form-urlencoded",
                               who.post_headers(server.port()));
    }

    client::Response get(const client::SignedIn& who, const std::string& path) {
        return client::get(server.port(), path, who.headers());
    }

    // Registers a specialist in Bergen through the API and returns their person id.
    std::int64_t register_specialist(const std::string& name, const std::string& hpr) {
        const auto r = post_json(leader, "/api/v1/municipalities/4601/supervisors",
                                 {{"full_name", name},
                                  {"hpr_number", hpr},
                                  {"qualification", "specialist"},
                                  {"office", "Sentrum legesenter"},
                                  {"home_municipality", "4601"}});
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        return json::parse(r.body()).at("person_id").as_int64();
    }

    client::Response assign(std::int64_t trainee, std::int64_t supervisor, const char* from,
                            bool confirm = false, const char* to = nullptr) {
        json::object body{{"supervisor", supervisor}, {"starts_on", from}};
        if (to != nullptr) {
            body["ends_on"] = to;
        }
        if (confirm) {
            body["confirm_over_capacity"] = true;
        }
        return post_json(
            leader, "/api/v1/people/" + std::to_string(trainee) + "/supervisor-assignments", body);
    }

    std::int64_t audit_rows() {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.audit().verify(); })
            .rows_checked;
    }

    testing::TestServer server;
    client::SignedIn leader;
    std::int64_t anne = 0, bjorn = 0, cecilie = 0, tore = 0;
};

json::object valid_specialist() {
    return {{"full_name", "Siri Spesialist"},
            {"qualification", "specialist"},
            {"office", "Sentrum legesenter"},
            {"home_municipality", "4601"}};
}

TEST_F(Supervisors, TheLeaderRegistersASpecialistAndTheRegistrationIsAudited) {
    const auto before = audit_rows();
    const auto r = post_json(leader, "/api/v1/municipalities/4601/supervisors", valid_specialist());
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto created = json::parse(r.body()).as_object();
    EXPECT_EQ(created.at("name").as_string(), "Siri Spesialist");
    EXPECT_EQ(created.at("qualification").as_string(), "specialist");
    EXPECT_TRUE(created.at("agreement").is_null());
    EXPECT_FALSE(created.contains("trainees")) << "the load is on the list";
    EXPECT_EQ(audit_rows(), before + 1);
    const auto person_id = created.at("person_id").as_int64();
    const auto events = server.database().read(
        [&](const store::Snapshot& s) { return s.audit().events_about(person_id, 10); });
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].action, "supervisor.registered");
    EXPECT_EQ(events[0].actor_label, "leder@bergen.no");
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) { return s.people().find(person_id); })
                  ->training_status,
              domain::TrainingStatus::specialist);

    const auto list = json::parse(get(leader, "/api/v1/municipalities/4601/supervisors").body());
    EXPECT_EQ(list.at("capacity").as_int64(), 2);
    ASSERT_EQ(list.at("supervisors").as_array().size(), 1u);
    const auto page = get(leader, "/kommuner/4601/veiledere");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("Siri Spesialist"), std::string::npos);
    EXPECT_NE(page.body().find("Spesialist i allmennmedisin"), std::string::npos);
    EXPECT_NE(page.body().find("0 av 2"), std::string::npos);
}

TEST_F(Supervisors, EachValidationRuleNamesItsFieldAndStoresNothing) {
    struct Case {
        const char* what;
        json::object changes;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"no name", {{"full_name", ""}}, "full_name"},
        {"HPR with letters", {{"hpr_number", "12ab567"}}, "hpr_number"},
        {"HPR too short", {{"hpr_number", "123"}}, "hpr_number"},
        {"unknown qualification", {{"qualification", "guru"}}, "qualification"},
        {"approved without date",
         {{"qualification", "approved_experienced"}, {"approval_reason", "Lang erfaring"}},
         "approved_on"},
        {"approved without reason",
         {{"qualification", "approved_experienced"}, {"approved_on", "01.03.2025"}},
         "approval_reason"},
        {"approval in the future",
         {{"qualification", "approved_experienced"},
          {"approved_on", "01.01.2027"},
          {"approval_reason", "Lang erfaring"}},
         "approved_on"},
        {"impossible approval date",
         {{"qualification", "approved_experienced"},
          {"approved_on", "31.02.2025"},
          {"approval_reason", "Lang erfaring"}},
         "approved_on"},
        {"no office", {{"office", ""}}, "office"},
        {"unknown home municipality", {{"home_municipality", "9999"}}, "home_municipality"},
        {"neighbour without agreement", {{"home_municipality", "4627"}}, "agreement_reference"},
        {"neighbour without agreement date",
         {{"home_municipality", "4627"}, {"agreement_reference", "Avtale Bergen–Askøy"}},
         "agreement_date"},
        {"agreement in the future",
         {{"home_municipality", "4627"},
          {"agreement_reference", "Avtale Bergen–Askøy"},
          {"agreement_date", "2027-01-01"}},
         "agreement_date"},
    };
    const auto before = audit_rows();
    for (const auto& c : cases) {
        auto body = valid_specialist();
        for (const auto& [k, v] : c.changes) {
            body[k] = v;
        }
        const auto r = post_json(leader, "/api/v1/municipalities/4601/supervisors", body);
        EXPECT_EQ(r.result(), http::status::unprocessable_entity) << c.what;
        const auto error = json::parse(r.body()).at("error").as_object();
        EXPECT_EQ(error.at("code").as_string(), "invalid_input") << c.what;
        bool named = false;
        for (const auto& f : error.at("fields").as_array()) {
            named = named || f.at("field").as_string() == c.field;
        }
        EXPECT_TRUE(named) << c.what << ": " << r.body();
    }
    EXPECT_TRUE(server.database()
                    .read([&](const store::Snapshot& s) {
                        return s.supervisors().registered_for("4601",
                                                              testing::TestServer::fixed_today());
                    })
                    .empty());
    EXPECT_EQ(server.database().read([&](const store::Snapshot& s) {
        return s.people().count(domain::TrainingStatus::specialist);
    }),
              0);
    EXPECT_EQ(audit_rows(), before) << "no audit event for a refused write";
}

TEST_F(Supervisors, TheHtmlFormComesBackWithMessagesNextToTheFieldsAndTheInputKept) {
    const auto r = post_form(leader, "/kommuner/4601/veiledere/ny",
                             {{"full_name", "Kari <Kollega>"},
                              {"qualification", "approved_experienced"},
                              {"approved_on", "2025-13-01"},
                              {"office", "Fjordbyen legesenter"},
                              {"home_municipality", "4627"}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    const auto& body = r.body();
    EXPECT_NE(body.find("ds-error-summary"), std::string::npos);
    EXPECT_NE(body.find("aria-describedby=\"approved_on-hint approved_on-error\""),
              std::string::npos);
    EXPECT_NE(body.find("id=\"approved_on-error\">Skriv datoen som dd.mm.åååå"), std::string::npos);
    EXPECT_NE(body.find("id=\"approval_reason-error\">Fyll ut dette feltet."), std::string::npos);
    EXPECT_NE(body.find("id=\"agreement_reference-error\""), std::string::npos);
    EXPECT_NE(body.find("id=\"agreement_date-error\""), std::string::npos);
    EXPECT_EQ(body.find("id=\"office-error\""), std::string::npos);
    EXPECT_NE(body.find("value=\"Kari &lt;Kollega&gt;\""), std::string::npos) << "kept, escaped";
    EXPECT_NE(body.find("value=\"Fjordbyen legesenter\""), std::string::npos);
    EXPECT_NE(body.find("value=\"4627\" selected"), std::string::npos);
    EXPECT_NE(body.find("value=\"approved_experienced\" selected"), std::string::npos);
    EXPECT_TRUE(server.database()
                    .read([&](const store::Snapshot& s) {
                        return s.supervisors().registered_for("4601",
                                                              testing::TestServer::fixed_today());
                    })
                    .empty());

    // Corrected, the same form registers the supervisor and goes back to the list.
    const auto ok = post_form(leader, "/kommuner/4601/veiledere/ny",
                              {{"full_name", "Kari Kollega"},
                               {"qualification", "approved_experienced"},
                               {"approved_on", "01.03.2025"},
                               {"approval_reason", "Tjue års erfaring som fastlege"},
                               {"office", "Fjordbyen legesenter"},
                               {"home_municipality", "4627"},
                               {"agreement_reference", "Avtale Bergen–Askøy"},
                               {"agreement_date", "01.02.2024"}});
    ASSERT_EQ(ok.result(), http::status::see_other) << ok.body();
    EXPECT_EQ(ok[http::field::location], "/kommuner/4601/veiledere");
    const auto list = server.database().read([&](const store::Snapshot& s) {
        return s.supervisors().registered_for("4601", testing::TestServer::fixed_today());
    });
    ASSERT_EQ(list.size(), 1u);
    const auto& x = list[0].supervisor;
    EXPECT_EQ(x.qualification, domain::SupervisorQualification::approved_experienced);
    EXPECT_EQ(x.approved_on, domain::Date::from_ymd(2025, 3, 1));
    EXPECT_EQ(x.approval_reason, "Tjue års erfaring som fastlege");
    EXPECT_EQ(x.home_municipality_number, "4627");
    EXPECT_EQ(x.agreement_date, domain::Date::from_ymd(2024, 2, 1));
    const auto page = get(leader, "/kommuner/4601/veiledere").body();
    EXPECT_NE(page.find("Erfaren allmennlege godkjent av kommunen 01.03.2025"), std::string::npos);
    EXPECT_NE(page.find("Interkommunal avtale: Avtale Bergen–Askøy (01.02.2024)"),
              std::string::npos);
}

TEST_F(Supervisors, AnApprovedExperiencedGpIsNotInTrainingAndNeverShownAsHavingLeft) {
    const auto r = post_json(leader, "/api/v1/municipalities/4601/supervisors",
                             {{"full_name", "Kari Kollega"},
                              {"hpr_number", "2345678"},
                              {"qualification", "approved_experienced"},
                              {"approved_on", "01.03.2025"},
                              {"approval_reason", "Tjue års erfaring som fastlege"},
                              {"office", "Fjordbyen legesenter"},
                              {"home_municipality", "4601"}});
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto kari = json::parse(r.body()).at("person_id").as_int64();
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) { return s.people().find(kari); })
                  ->training_status,
              domain::TrainingStatus::not_in_training);

    // Her record is open to the leader of a municipality that employs her, as a GP.
    server.database().write([&](store::UnitOfWork& w) {
        domain::Employment e;
        e.person_id = kari;
        e.municipality_number = "4601";
        e.starts_on = *domain::Date::from_ymd(2005, 1, 1);
        w.people().add_employment(e);
    });
    const auto page = get(leader, "/personer/" + std::to_string(kari));
    ASSERT_EQ(page.result(), http::status::ok) << page.body();
    EXPECT_NE(page.body().find("<dd>Ikke i spesialisering</dd>"), std::string::npos);
    EXPECT_EQ(page.body().find("Sluttet"), std::string::npos);
    const auto api = get(leader, "/api/v1/people/" + std::to_string(kari));
    ASSERT_EQ(api.result(), http::status::ok) << api.body();
    EXPECT_EQ(json::parse(api.body()).at("training_status").as_string(), "not_in_training");
}

TEST_F(Supervisors, AKnownHprNumberReusesThePersonOnlyWithTheSameName) {
    const std::string neutral = "Vi kan ikke registrere veilederen med dette HPR-nummeret.";
    server.database().write([&](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Lege i spesialisering";
        p.hpr_number = "7777777";
        w.people().add(p);
    });
    // A doctor in training, under their own name or another: the same neutral answer, which
    // tells nothing about them.
    for (const char* name : {"Siri Spesialist", "Lege i spesialisering"}) {
        auto body = valid_specialist();
        body["full_name"] = name;
        body["hpr_number"] = "7777777";
        const auto r = post_json(leader, "/api/v1/municipalities/4601/supervisors", body);
        ASSERT_EQ(r.result(), http::status::unprocessable_entity) << name;
        EXPECT_EQ(json::parse(r.body()).at("error").at("field").as_string(), "hpr_number");
        EXPECT_NE(r.body().find(neutral), std::string::npos) << r.body();
        EXPECT_EQ(r.body().find("in_training"), std::string::npos) << r.body();
        EXPECT_EQ(r.body().find("spesialisering\""), std::string::npos) << r.body();
    }

    const auto siri = register_specialist("Siri Spesialist", "1234567");
    auto r = post_json(leader, "/api/v1/municipalities/4601/supervisors",
                       {{"full_name", "Siri Spesialist"},
                        {"hpr_number", "1234567"},
                        {"qualification", "specialist"},
                        {"office", "Sentrum legesenter"},
                        {"home_municipality", "4601"}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity) << "registered twice";
    EXPECT_EQ(json::parse(r.body()).at("error").at("field").as_string(), "hpr_number");
    // Bergen gives Siri a trainee, so that a load would show.
    ASSERT_EQ(assign(anne, siri, "01.11.2026").result(), http::status::created);

    // Tromsø types the HPR number with another name: refused alike, and neither Siri's stored
    // name nor her status or load is in the answer; nothing is written.
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    const json::object other{{"full_name", "Per Gjetter"},
                             {"hpr_number", "1234567"},
                             {"qualification", "approved_experienced"},
                             {"approved_on", "01.01.2026"},
                             {"approval_reason", "Erfaren"},
                             {"office", "Legevakta"},
                             {"home_municipality", "5501"}};
    const auto before = audit_rows();
    for (const auto& name : {"Per Gjetter", "Siri S."}) {
        auto body = other;
        body["full_name"] = name;
        r = post_json(tromso, "/api/v1/municipalities/5501/supervisors", body);
        ASSERT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
        EXPECT_NE(r.body().find(neutral), std::string::npos) << r.body();
        EXPECT_EQ(r.body().find("Siri Spesialist"), std::string::npos) << r.body();
        EXPECT_EQ(r.body().find("specialist"), std::string::npos) << r.body();
        EXPECT_EQ(r.body().find("trainees"), std::string::npos) << r.body();
        const auto html = post_form(tromso, "/kommuner/5501/veiledere/ny",
                                    {{"full_name", name},
                                     {"hpr_number", "1234567"},
                                     {"qualification", "specialist"},
                                     {"office", "Legevakta"},
                                     {"home_municipality", "5501"}});
        ASSERT_EQ(html.result(), http::status::unprocessable_entity);
        EXPECT_EQ(html.body().find("Siri Spesialist"), std::string::npos);
    }
    EXPECT_EQ(audit_rows(), before);
    EXPECT_EQ(json::parse(get(tromso, "/api/v1/municipalities/5501/supervisors").body())
                  .at("supervisors")
                  .as_array()
                  .size(),
              0u);

    // With the same name (trimmed, any case) it is the same person, whose load counts over both
    // municipalities; the answer holds what Tromsø sent and the ids, not her stored name or load.
    auto body = other;
    body["full_name"] = "  siri SPESIALIST ";
    body["qualification"] = "specialist";
    body["home_municipality"] = "4601";
    body["agreement_reference"] = "Avtale Tromsø–Bergen";
    body["agreement_date"] = "01.01.2026";
    body.erase("approved_on");
    body.erase("approval_reason");
    r = post_json(tromso, "/api/v1/municipalities/5501/supervisors", body);
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto created = json::parse(r.body()).as_object();
    EXPECT_EQ(created.at("person_id").as_int64(), siri);
    EXPECT_EQ(r.body().find("Siri Spesialist"), std::string::npos) << r.body();
    EXPECT_FALSE(created.contains("trainees")) << r.body();
    const auto list = json::parse(get(tromso, "/api/v1/municipalities/5501/supervisors").body());
    ASSERT_EQ(list.at("supervisors").as_array().size(), 1u);
    EXPECT_EQ(list.at("supervisors").as_array()[0].at("trainees").as_int64(), 1);
}

TEST_F(Supervisors, CapacityIsAMunicipalitySettingFrom1To10) {
    auto r = post_json(leader, "/api/v1/municipalities/4601/supervisor-capacity",
                       {{"max_trainees", 11}}, boost::beast::http::verb::put);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    r = post_json(leader, "/api/v1/municipalities/4601/supervisor-capacity",
                  {{"max_trainees", "to"}}, boost::beast::http::verb::put);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_EQ(server.database().read(
                  [&](const store::Snapshot& s) { return s.supervisors().capacity("4601"); }),
              2);
    r = post_json(leader, "/api/v1/municipalities/4601/supervisor-capacity", {{"max_trainees", 3}},
                  boost::beast::http::verb::put);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(server.database().read(
                  [&](const store::Snapshot& s) { return s.supervisors().capacity("4601"); }),
              3);

    const auto form =
        post_form(leader, "/kommuner/4601/veiledere/kapasitet", {{"max_trainees", "0"}});
    ASSERT_EQ(form.result(), http::status::unprocessable_entity);
    EXPECT_NE(form.body().find("id=\"max_trainees-error\">Skriv et helt tall fra 1 til 10."),
              std::string::npos);
    EXPECT_NE(form.body().find("value=\"0\""), std::string::npos);
    const auto ok =
        post_form(leader, "/kommuner/4601/veiledere/kapasitet", {{"max_trainees", "1"}});
    EXPECT_EQ(ok.result(), http::status::see_other);
    EXPECT_EQ(server.database().read(
                  [&](const store::Snapshot& s) { return s.supervisors().capacity("4601"); }),
              1);
    EXPECT_EQ(server.database().read(
                  [&](const store::Snapshot& s) { return s.supervisors().capacity("5501"); }),
              2)
        << "per municipality";
}

TEST_F(Supervisors, GoingOverCapacityNeedsConfirmationAndShowsAsAWarning) {
    const auto siri = register_specialist("Siri Spesialist", "1234567");
    ASSERT_EQ(assign(anne, siri, "2026-01-01").result(), http::status::created);
    ASSERT_EQ(assign(bjorn, siri, "2026-01-01").result(), http::status::created);
    const auto before = audit_rows();
    auto r = assign(cecilie, siri, "2026-01-01");
    ASSERT_EQ(r.result(), http::status::conflict) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("error").at("code").as_string(), "over_capacity");
    EXPECT_TRUE(
        server.database()
            .read([&](const store::Snapshot& s) { return s.supervisors().assignments_of(cecilie); })
            .empty());
    EXPECT_EQ(audit_rows(), before);

    // The HTML form comes back with the warning and a checkbox to confirm.
    const auto path = "/personer/" + std::to_string(cecilie) + "/veileder";
    const auto page = post_form(
        leader, path, {{"supervisor", std::to_string(siri)}, {"starts_on", "01.01.2026"}});
    ASSERT_EQ(page.result(), http::status::conflict);
    EXPECT_NE(page.body().find("Veilederen har allerede 2 ALIS, og kapasiteten er 2."),
              std::string::npos);
    EXPECT_NE(page.body().find("name=\"confirm_over_capacity\""), std::string::npos);
    EXPECT_NE(page.body().find("value=\"01.01.2026\""), std::string::npos);
    EXPECT_TRUE(
        server.database()
            .read([&](const store::Snapshot& s) { return s.supervisors().assignments_of(cecilie); })
            .empty());

    const auto confirmed = post_form(leader, path,
                                     {{"supervisor", std::to_string(siri)},
                                      {"starts_on", "01.01.2026"},
                                      {"confirm_over_capacity", "ja"}});
    ASSERT_EQ(confirmed.result(), http::status::see_other) << confirmed.body();
    EXPECT_EQ(server.database().read([&](const store::Snapshot& s) {
        return s.supervisors().supervisors_of(cecilie, testing::TestServer::fixed_today());
    }),
              std::vector<std::int64_t>{siri});
    const auto events = server.database().read(
        [&](const store::Snapshot& s) { return s.audit().events_about(cecilie, 5); });
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].action, "supervisor.assigned_over_capacity");

    const auto list = json::parse(get(leader, "/api/v1/municipalities/4601/supervisors").body());
    const auto& row = list.at("supervisors").as_array()[0];
    EXPECT_EQ(row.at("trainees").as_int64(), 3);
    EXPECT_TRUE(row.at("over_capacity").as_bool());
    const auto html = get(leader, "/kommuner/4601/veiledere").body();
    EXPECT_NE(html.find("3 av 2"), std::string::npos);
    EXPECT_NE(html.find("Over kapasitet"), std::string::npos);

    // A higher capacity takes the warning away.
    post_json(leader, "/api/v1/municipalities/4601/supervisor-capacity", {{"max_trainees", 3}},
              boost::beast::http::verb::put);
    EXPECT_EQ(get(leader, "/kommuner/4601/veiledere").body().find("Over kapasitet"),
              std::string::npos);
}

TEST_F(Supervisors, ANewSupervisorEndsTheCurrentOneAndOverlapsAreRefused) {
    const auto siri = register_specialist("Siri Spesialist", "1234567");
    const auto per = register_specialist("Per Spesialist", "2345678");
    ASSERT_EQ(assign(anne, siri, "2025-01-01").result(), http::status::created);
    EXPECT_EQ(assign(anne, siri, "2025-06-01").result(), http::status::unprocessable_entity)
        << "already the supervisor";
    const auto r = assign(anne, per, "2026-06-01");
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    auto history = server.database().read(
        [&](const store::Snapshot& s) { return s.supervisors().assignments_of(anne); });
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].ends_on, domain::Date::from_ymd(2026, 5, 31));
    EXPECT_FALSE(history[1].ends_on.has_value());
    EXPECT_EQ(server.database().read([&](const store::Snapshot& s) {
        return s.supervisors().supervisors_of(anne, testing::TestServer::fixed_today());
    }),
              std::vector<std::int64_t>{per});

    // Per's assignment runs on from 2026-06-01: an earlier start that reaches it is refused.
    const auto ola = register_specialist("Ola Spesialist", "3456789");
    auto refused = assign(anne, ola, "2026-03-01");
    ASSERT_EQ(refused.result(), http::status::unprocessable_entity);
    EXPECT_EQ(json::parse(refused.body()).at("error").at("field").as_string(), "starts_on");
    refused = assign(bjorn, siri, "2026-03-01", false, "2026-02-01");
    ASSERT_EQ(refused.result(), http::status::unprocessable_entity);
    EXPECT_EQ(json::parse(refused.body()).at("error").at("field").as_string(), "ends_on");
    refused = assign(bjorn, siri, "");
    EXPECT_EQ(refused.result(), http::status::unprocessable_entity);
    EXPECT_EQ(
        server.database()
            .read([&](const store::Snapshot& s) { return s.supervisors().assignments_of(anne); })
            .size(),
        2u);
    EXPECT_TRUE(
        server.database()
            .read([&](const store::Snapshot& s) { return s.supervisors().assignments_of(bjorn); })
            .empty());
}

TEST_F(Supervisors, OnlySupervisorsRegisteredForTheMunicipalityCanBeChosen) {
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    const auto r = post_json(tromso, "/api/v1/municipalities/5501/supervisors",
                             {{"full_name", "Tromsø-veileder"},
                              {"qualification", "specialist"},
                              {"office", "Legevakta"},
                              {"home_municipality", "5501"}});
    ASSERT_EQ(r.result(), http::status::created);
    const auto theirs = json::parse(r.body()).at("person_id").as_int64();
    for (const std::int64_t id : {theirs, bjorn, std::int64_t{99999}}) {
        const auto refused = assign(anne, id, "2026-01-01");
        ASSERT_EQ(refused.result(), http::status::unprocessable_entity) << id;
        EXPECT_EQ(json::parse(refused.body()).at("error").at("field").as_string(), "supervisor");
    }
    EXPECT_TRUE(
        server.database()
            .read([&](const store::Snapshot& s) { return s.supervisors().assignments_of(anne); })
            .empty());
    const auto form = get(leader, "/personer/" + std::to_string(anne) + "/veileder");
    ASSERT_EQ(form.result(), http::status::ok);
    EXPECT_EQ(form.body().find("Tromsø-veileder"), std::string::npos);
}

TEST_F(Supervisors, OnlyTheLeaderOfTheMunicipalityMayRegisterAssignOrSeeTheList) {
    const auto siri = register_specialist("Siri Spesialist", "1234567");
    testing::add_account(server.app(), "siri@veileder.no", domain::Role::supervisor, std::nullopt,
                         std::nullopt, siri);
    ASSERT_EQ(assign(anne, siri, "2026-01-01").result(), http::status::created);
    const auto before = audit_rows();
    const auto before_list =
        server.database()
            .read([&](const store::Snapshot& s) {
                return s.supervisors().registered_for("4601", testing::TestServer::fixed_today());
            })
            .size();
    for (const char* email :
         {"leder@tromso.no", "anne@alis.no", "siri@veileder.no", "kontor@bergen.no"}) {
        const auto who = *client::login(server.port(), email, kTestPassword);
        const auto after_login = audit_rows();
        EXPECT_EQ(
            post_json(who, "/api/v1/municipalities/4601/supervisors", valid_specialist()).result(),
            http::status::forbidden)
            << email;
        EXPECT_EQ(post_form(who, "/kommuner/4601/veiledere/ny",
                            {{"full_name", "X"}, {"qualification", "specialist"}})
                      .result(),
                  http::status::forbidden)
            << email;
        EXPECT_EQ(post_json(who, "/api/v1/municipalities/4601/supervisor-capacity",
                            {{"max_trainees", 9}}, boost::beast::http::verb::put)
                      .result(),
                  http::status::forbidden)
            << email;
        EXPECT_EQ(
            post_json(who, "/api/v1/people/" + std::to_string(bjorn) + "/supervisor-assignments",
                      {{"supervisor", siri}, {"starts_on", "2026-01-01"}})
                .result(),
            http::status::forbidden)
            << email;
        EXPECT_EQ(get(who, "/kommuner/4601/veiledere").result(), http::status::forbidden) << email;
        // The first denial is audited at once; the repeats of the same minute are counted and
        // written once the minute has passed (app/denied_access.hpp).
        EXPECT_EQ(audit_rows(), after_login + 1) << email;
    }
    EXPECT_GT(audit_rows(), before);
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.supervisors().registered_for("4601",
                                                            testing::TestServer::fixed_today());
                  })
                  .size(),
              before_list);
    EXPECT_EQ(server.database().read(
                  [&](const store::Snapshot& s) { return s.supervisors().capacity("4601"); }),
              2);
    EXPECT_TRUE(
        server.database()
            .read([&](const store::Snapshot& s) { return s.supervisors().assignments_of(bjorn); })
            .empty());
    // The leader may not pick a supervisor for a trainee of another municipality.
    EXPECT_EQ(assign(tore, siri, "2026-01-01").result(), http::status::forbidden);
}

TEST_F(Supervisors, TheSupervisorSeesTheirTraineesAndMayOpenTheirRecords) {
    const auto siri = register_specialist("Siri Spesialist", "1234567");
    testing::add_account(server.app(), "siri@veileder.no", domain::Role::supervisor, std::nullopt,
                         std::nullopt, siri);
    ASSERT_EQ(assign(anne, siri, "2026-01-01").result(), http::status::created);
    ASSERT_EQ(assign(bjorn, siri, "2025-01-01", false, "2025-12-31").result(),
              http::status::created);
    const auto who = *client::login(server.port(), "siri@veileder.no", kTestPassword);
    const auto me = get(who, "/meg").body();
    EXPECT_NE(me.find("href=\"/meg/veiledning\""), std::string::npos);
    const auto api = json::parse(get(who, "/api/v1/me/trainees").body());
    const auto& trainees = api.at("trainees").as_array();
    ASSERT_EQ(trainees.size(), 1u) << "Bjørn's supervision has ended";
    EXPECT_EQ(trainees[0].at("name").as_string(), "Anne Alis");
    EXPECT_EQ(trainees[0].at("since").as_string(), "2026-01-01");
    const auto page = get(who, "/meg/veiledning");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("href=\"/personer/" + std::to_string(anne) + "\""),
              std::string::npos);
    EXPECT_EQ(page.body().find("Bjørn Alis"), std::string::npos);
    EXPECT_EQ(get(who, "/personer/" + std::to_string(anne)).result(), http::status::ok);
    EXPECT_EQ(get(who, "/personer/" + std::to_string(bjorn)).result(), http::status::forbidden);
    // Anne sees in her access log that her supervisor's list showed her.
    bool listed = false;
    for (const auto& e : server.database().read(
             [&](const store::Snapshot& s) { return s.audit().events_about(anne, 20); })) {
        listed = listed || (e.action == "person.read" && e.actor_label == "siri@veileder.no");
    }
    EXPECT_TRUE(listed);
}

TEST_F(Supervisors, TheLeadersPagesLinkToTheSupervisorPages) {
    const auto me = get(leader, "/meg").body();
    EXPECT_NE(me.find("href=\"/kommuner/4601/veiledere\""), std::string::npos);
    const auto overview = get(leader, "/kommuner/4601/oversikt").body();
    EXPECT_NE(overview.find("href=\"/kommuner/4601/veiledere\""), std::string::npos);
    EXPECT_NE(overview.find("href=\"/personer/" + std::to_string(anne) + "/veileder\""),
              std::string::npos);
    const auto office = *client::login(server.port(), "kontor@bergen.no", kTestPassword);
    const auto read_only = get(office, "/kommuner/4601/oversikt");
    ASSERT_EQ(read_only.result(), http::status::ok);
    EXPECT_EQ(read_only.body().find("/veileder"), std::string::npos)
        << "the regional office reads the overview without the leader's links";
}

}  // namespace supervisors_test
}  // namespace alis::web
