// Journey 2: registering a doctor in training, and adding employments, service periods and leaves,
// through the HTML forms and the JSON API. Every rule is checked on the server; a refused form
// keeps what was typed and stores nothing, not even an audit event.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace trainee_records_test {

namespace json = boost::json;
using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;
using client::form_body;

class TraineeRecords : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        existing = testing::add_trainee(db, "Kari Nordmann", "4601", "2024-01-01", nullptr);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "kari@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, existing);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    client::Response post_form(const std::string& path,
                               std::vector<std::pair<std::string, std::string>> fields,
                               const client::SignedIn& who) {
        fields.emplace_back("csrf_token", who.csrf_token);
        auto headers = who.post_headers(server.port());
        return client::request(server.port(), http::verb::post, path, form_body(fields),
                               "application/x-www-form-urlencoded", headers);
    }

    client::Response post_json(const std::string& path, const json::object& body,
                               const client::SignedIn& who) {
        return client::request(server.port(), http::verb::post, path, json::serialize(body),
                               "application/json", who.post_headers(server.port()));
    }

    std::int64_t audit_rows() {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.audit().verify(); })
            .rows_checked;
    }

    std::vector<std::pair<std::string, std::string>> good_registration() const {
        return {{"full_name", "Øyvind Ærø-Ås"},
                {"hpr_number", "1234567"},
                {"lis1_completed", "31.08.2025"},
                {"ruleset", "allmennmedisin-2019"},
                {"starts_on", "01.09.2025"},
                {"ends_on", ""},
                {"fte", "80"},
                {"post_type", "gp_list"},
                {"pay_model", "self_employed"},
                {"count_as_service", "ja"},
                {"place", "Sentrum legekontor"}};
    }

    TestServer server;
    std::int64_t existing = 0;
    client::SignedIn leader;
};

TEST_F(TraineeRecords, TheLeaderRegistersADoctorWithEmploymentAndServicePeriod) {
    const auto form = client::get(server.port(), "/kommuner/4601/leger/ny", leader.headers());
    ASSERT_EQ(form.result(), http::status::ok);
    EXPECT_NE(form.body().find("name=\"hpr_number\""), std::string::npos);
    EXPECT_NE(form.body().find("<label class=\"ds-label\" for=\"hpr_number\">"), std::string::npos);

    const auto before = audit_rows();
    const auto r = post_form("/kommuner/4601/leger/ny", good_registration(), leader);
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    const std::string location(r[http::field::location]);
    ASSERT_TRUE(location.starts_with("/personer/")) << location;
    const auto id = std::stoll(location.substr(10));

    const auto person =
        server.database().read([&](const store::Snapshot& s) { return s.people().find(id); });
    ASSERT_TRUE(person);
    EXPECT_EQ(person->full_name, "Øyvind Ærø-Ås");
    EXPECT_EQ(person->hpr_number, "1234567");
    EXPECT_EQ(person->lis1_completed, domain::Date::parse_iso("2025-08-31"));
    EXPECT_EQ(person->ruleset, "allmennmedisin-2019");
    const auto employments = server.database().read(
        [&](const store::Snapshot& s) { return s.people().employments_of(id); });
    ASSERT_EQ(employments.size(), 1u);
    EXPECT_EQ(employments[0].municipality_number, "4601");
    EXPECT_EQ(employments[0].fte, 80);
    EXPECT_EQ(employments[0].pay_model, domain::PayModel::self_employed);
    EXPECT_FALSE(employments[0].ends_on);
    const auto periods = server.database().read(
        [&](const store::Snapshot& s) { return s.people().service_periods_of(id); });
    ASSERT_EQ(periods.size(), 1u);
    EXPECT_EQ(periods[0].arena, domain::Arena::open_general_practice);
    EXPECT_EQ(periods[0].place, "Sentrum legekontor");
    EXPECT_EQ(periods[0].employment_id, employments[0].id);
    EXPECT_TRUE(periods[0].employer_registered);
    EXPECT_EQ(audit_rows(), before + 1);
    const auto events = server.database().read(
        [&](const store::Snapshot& s) { return s.audit().events_about(id, 10); });
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().action, "trainee.register");
    EXPECT_EQ(events.front().actor_label, "leder@bergen.no");

    // The new doctor's page says it was saved, and the leader may add to it.
    EXPECT_TRUE(location.ends_with("?lagret=lege")) << location;
    const auto page = client::get(server.port(), location, leader.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("Legen er registrert."), std::string::npos);
    EXPECT_NE(page.body().find("Sentrum legekontor"), std::string::npos);
    EXPECT_NE(page.body().find("/tjenesteperioder/ny"), std::string::npos);
}

TEST_F(TraineeRecords, AFailedRegistrationKeepsTheInputShowsEveryErrorAndStoresNothing) {
    auto fields = good_registration();
    for (auto& [key, value] : fields) {
        if (key == "hpr_number")
            value = "12-34";
        if (key == "starts_on")
            value = "31.02.2026";
        if (key == "fte")
            value = "140";
        if (key == "full_name")
            value = "";
    }
    const auto before = audit_rows();
    const auto r = post_form("/kommuner/4601/leger/ny", fields, leader);
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    const auto& html = r.body();
    // The summary at the top links to each field; each field has its message.
    EXPECT_NE(html.find("ds-error-summary"), std::string::npos);
    for (const char* id : {"full_name", "hpr_number", "starts_on", "fte"}) {
        EXPECT_NE(html.find(std::string("href=\"#") + id + "\""), std::string::npos) << id;
        EXPECT_NE(html.find(std::string("id=\"") + id + "-error\""), std::string::npos) << id;
    }
    EXPECT_NE(html.find("HPR-nummeret skal være 4 til 9 sifre"), std::string::npos);
    EXPECT_NE(html.find("Skriv datoen som dd.mm.åååå"), std::string::npos);
    EXPECT_NE(html.find("Skriv et helt tall fra 1 til 100."), std::string::npos);
    // What the user typed is still there.
    EXPECT_NE(html.find("value=\"12-34\""), std::string::npos);
    EXPECT_NE(html.find("value=\"31.02.2026\""), std::string::npos);
    EXPECT_NE(html.find("value=\"Sentrum legekontor\""), std::string::npos);
    EXPECT_NE(html.find("<option value=\"self_employed\" selected>"), std::string::npos);
    EXPECT_EQ(audit_rows(), before);
    EXPECT_FALSE(server.database().read(
        [&](const store::Snapshot& s) { return s.people().find_by_hpr("1234567"); }));
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.people().trainees_employed_by("4601", TestServer::fixed_today());
                  })
                  .size(),
              1u);
}

TEST_F(TraineeRecords, RegistrationRules) {
    struct Case {
        const char* field;
        const char* value;
        const char* error_field;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"ends_on", "31.08.2025", "ends_on", "Sluttdatoen kan ikke være før startdatoen."},
        {"lis1_completed", "", "lis1_completed", "Fyll ut dette feltet."},
        {"lis1_completed", "01.10.2025", "starts_on", "må starte etter at LIS1 ble fullført"},
        {"ruleset", "allmennmedisin-1990", "ruleset", "Velg et av alternativene."},
        {"post_type", "kontor", "post_type", "Velg et av alternativene."},
        {"fte", "0", "fte", "Skriv et helt tall fra 1 til 100."},
        {"fte", "50,5", "fte", "Skriv et helt tall fra 1 til 100."},
        {"place", "", "place", "Fyll ut dette feltet."},
        {"hpr_number", "123", "hpr_number", "4 til 9 sifre"},
        {"hpr_number", "1234567890", "hpr_number", "4 til 9 sifre"},
        {"full_name", "Ola\x01Nordmann", "full_name", "tegn som ikke kan brukes"},
    };
    for (const auto& c : cases) {
        auto fields = good_registration();
        for (auto& [key, value] : fields) {
            if (key == c.field)
                value = c.value;
        }
        const auto r = post_form("/kommuner/4601/leger/ny", fields, leader);
        EXPECT_EQ(r.result(), http::status::unprocessable_entity) << c.field << "=" << c.value;
        const auto at = r.body().find(std::string("id=\"") + c.error_field + "-error\"");
        ASSERT_NE(at, std::string::npos) << c.field << "=" << c.value;
        EXPECT_NE(r.body().find(c.message, at), std::string::npos) << c.field << "=" << c.value;
    }
    EXPECT_FALSE(server.database().read(
        [&](const store::Snapshot& s) { return s.people().find_by_hpr("1234567"); }));
}

TEST_F(TraineeRecords, AKnownHprNumberIsRefusedWithoutTellingAboutThePerson) {
    server.database().write([&](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Hemmelig Person";
        p.hpr_number = "1234567";
        p.training_status = domain::TrainingStatus::specialist;
        w.people().add(p);
    });
    const auto before = audit_rows();
    const std::string neutral = "Vi kan ikke registrere legen med dette HPR-nummeret.";
    for (const char* name : {"Øyvind Ærø-Ås", "Hemmelig Person"}) {
        auto fields = good_registration();
        fields[0].second = name;
        const auto html = post_form("/kommuner/4601/leger/ny", fields, leader);
        ASSERT_EQ(html.result(), http::status::unprocessable_entity) << name;
        EXPECT_NE(html.body().find(neutral), std::string::npos);
        const json::object body{{"full_name", name},
                                {"hpr_number", "1234567"},
                                {"lis1_completed", "2025-08-31"},
                                {"ruleset", "allmennmedisin-2019"},
                                {"starts_on", "2025-09-01"},
                                {"fte", 100},
                                {"post_type", "gp_list"},
                                {"pay_model", "salaried"},
                                {"count_as_service", false}};
        const auto api = post_json("/api/v1/municipalities/4601/trainees", body, leader);
        ASSERT_EQ(api.result(), http::status::unprocessable_entity) << api.body();
        EXPECT_NE(api.body().find(neutral), std::string::npos) << api.body();
        if (std::string(name) != "Hemmelig Person") {
            EXPECT_EQ(html.body().find("Hemmelig Person"), std::string::npos);
            EXPECT_EQ(api.body().find("Hemmelig Person"), std::string::npos);
        }
        // Nor their training status (the page's own text has "Spesialist" in other places).
        EXPECT_EQ(api.body().find("specialist"), std::string::npos) << api.body();
        EXPECT_EQ(api.body().find("Spesialist"), std::string::npos) << api.body();
    }
    EXPECT_EQ(audit_rows(), before);
}

TEST_F(TraineeRecords, PreTwentyNineteenRulesNeedNoLis1) {
    auto fields = good_registration();
    for (auto& [key, value] : fields) {
        if (key == "ruleset")
            value = "allmennmedisin-pre2019";
        if (key == "lis1_completed")
            value = "";
    }
    EXPECT_EQ(post_form("/kommuner/4601/leger/ny", fields, leader).result(),
              http::status::see_other);
    const auto person = server.database().read(
        [&](const store::Snapshot& s) { return s.people().find_by_hpr("1234567"); });
    ASSERT_TRUE(person);
    EXPECT_FALSE(person->lis1_completed);
}

TEST_F(TraineeRecords, ADuplicateHprNumberIsRefusedNextToTheField) {
    ASSERT_EQ(post_form("/kommuner/4601/leger/ny", good_registration(), leader).result(),
              http::status::see_other);
    const auto r = post_form("/kommuner/4601/leger/ny", good_registration(), leader);
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("Kontroller navn og HPR-nummer"), std::string::npos);
}

TEST_F(TraineeRecords, TheJsonApiRegistersAndAnswersErrorsAsJson) {
    const json::object good{{"full_name", "Per Hansen"},
                            {"hpr_number", "7654321"},
                            {"lis1_completed", "2025-08-31"},
                            {"ruleset", "allmennmedisin-2019"},
                            {"starts_on", "2025-09-01"},
                            {"fte", 100},
                            {"post_type", "other_general_practice"},
                            {"pay_model", "salaried"},
                            {"count_as_service", true},
                            {"place", "Bergen legevakt"}};
    const auto r = post_json("/api/v1/municipalities/4601/trainees", good, leader);
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto body = json::parse(r.body()).as_object();
    EXPECT_EQ(body.at("name").as_string(), "Per Hansen");
    EXPECT_EQ(body.at("employment").at("fte").as_int64(), 100);
    EXPECT_EQ(body.at("service_period").at("arena").as_string(), "other_general_practice");
    EXPECT_EQ(r[http::field::location],
              "/api/v1/people/" + std::to_string(body.at("id").as_int64()));

    auto bad = good;
    bad["hpr_number"] = "9999999";
    bad["fte"] = 101;
    bad["starts_on"] = "2025-13-01";
    const auto refused = post_json("/api/v1/municipalities/4601/trainees", bad, leader);
    ASSERT_EQ(refused.result(), http::status::unprocessable_entity);
    const auto error = json::parse(refused.body()).at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "invalid_input");
    EXPECT_EQ(error.at("field").as_string(), "starts_on");
    std::set<std::string> fields;
    for (const auto& f : error.at("fields").as_array()) {
        fields.insert(std::string(f.at("field").as_string()));
        EXPECT_FALSE(f.at("message").as_string().empty());
    }
    EXPECT_EQ(fields, (std::set<std::string>{"starts_on", "fte"}));
    EXPECT_FALSE(server.database().read(
        [&](const store::Snapshot& s) { return s.people().find_by_hpr("9999999"); }));

    const auto not_json =
        client::request(server.port(), http::verb::post, "/api/v1/municipalities/4601/trainees",
                        "[1,2", "application/json", leader.post_headers(server.port()));
    EXPECT_EQ(not_json.result(), http::status::bad_request);
    EXPECT_NE(not_json.body().find("bad_json"), std::string::npos);
}

TEST_F(TraineeRecords, OnlyTheLeaderOfTheMunicipalityMayRegister) {
    const auto office = *client::login(server.port(), "kontor@bergen.no", kTestPassword);
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    const auto trainee = *client::login(server.port(), "kari@lege.no", kTestPassword);
    for (const auto* who : {&office, &tromso, &trainee}) {
        EXPECT_EQ(post_form("/kommuner/4601/leger/ny", good_registration(), *who).result(),
                  http::status::forbidden);
    }
    EXPECT_FALSE(server.database().read(
        [&](const store::Snapshot& s) { return s.people().find_by_hpr("1234567"); }));
    // The overview offers the form to the leader, not to the regional office.
    EXPECT_NE(client::get(server.port(), "/kommuner/4601/oversikt", leader.headers())
                  .body()
                  .find("/kommuner/4601/leger/ny"),
              std::string::npos);
    EXPECT_EQ(client::get(server.port(), "/kommuner/4601/oversikt", office.headers())
                  .body()
                  .find("/kommuner/4601/leger/ny"),
              std::string::npos);
}

TEST_F(TraineeRecords, ServicePeriodsMayNotGoOverFullTime) {
    const std::string path = "/personer/" + std::to_string(existing) + "/tjenesteperioder/ny";
    // The fixture's period: 100 % from 01.01.2024, ongoing.
    const auto r = post_form(path,
                             {{"arena", "institution"},
                              {"place", "Haukeland universitetssjukehus"},
                              {"starts_on", "01.03.2026"},
                              {"ends_on", "31.08.2026"},
                              {"fte", "50"},
                              {"employer_registered", "ja"}},
                             leader);
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("blir stillingen 150 % fra 01.03.2026"), std::string::npos);
    EXPECT_NE(r.body().find("value=\"Haukeland universitetssjukehus\""), std::string::npos);
    EXPECT_EQ(
        server.database()
            .read([&](const store::Snapshot& s) { return s.people().service_periods_of(existing); })
            .size(),
        1u);
}

TEST_F(TraineeRecords, AServicePeriodIsAddedAndCountsInTheLedger) {
    const std::string person = "/personer/" + std::to_string(existing);
    const auto before =
        server.database()
            .read([&](const store::Snapshot& s) { return s.people().service_periods_of(existing); })
            .size();
    const auto r = post_form(person + "/tjenesteperioder/ny",
                             {{"arena", "institution"},
                              {"place", "Haukeland universitetssjukehus"},
                              {"starts_on", "2023-01-01"},
                              {"ends_on", "31.12.2023"},
                              {"fte", "100"},
                              {"employer_registered", "ja"}},
                             leader);
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], person + "?lagret=periode");
    const auto periods = server.database().read(
        [&](const store::Snapshot& s) { return s.people().service_periods_of(existing); });
    ASSERT_EQ(periods.size(), before + 1);
    EXPECT_EQ(periods.front().arena, domain::Arena::institution);
    EXPECT_FALSE(periods.front().employment_id);

    const auto api =
        client::get(server.port(), "/api/v1/people/" + std::to_string(existing), leader.headers());
    const auto ledger = json::parse(api.body()).at("ledger");
    bool institution_counted = false;
    for (const auto& req : ledger.at("requirements").as_array()) {
        if (req.at("id").as_string() == "institution_min") {
            institution_counted = req.at("met").as_bool();
        }
    }
    EXPECT_TRUE(institution_counted) << api.body();
}

TEST_F(TraineeRecords, AServicePeriodMustLieWithinTheEmploymentItBelongsTo) {
    const auto employment =
        server.database()
            .read([&](const store::Snapshot& s) { return s.people().employments_of(existing); })
            .front();
    const auto r = post_json("/api/v1/people/" + std::to_string(existing) + "/service-periods",
                             {{"arena", "open_general_practice"},
                              {"place", "Legekontoret"},
                              {"starts_on", "2023-06-01"},
                              {"ends_on", "2023-12-31"},
                              {"fte", 20},
                              {"employer_registered", true},
                              {"employment_id", employment.id}},
                             leader);
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_EQ(json::parse(r.body()).at("error").at("field").as_string(), "starts_on");

    const auto unknown =
        post_json("/api/v1/people/" + std::to_string(existing) + "/service-periods",
                  {{"arena", "open_general_practice"},
                   {"place", "Legekontoret"},
                   {"starts_on", "2023-06-01"},
                   {"fte", 20},
                   {"employment_id", 999999}},
                  leader);
    ASSERT_EQ(unknown.result(), http::status::unprocessable_entity);
    EXPECT_EQ(json::parse(unknown.body()).at("error").at("field").as_string(), "employment_id");
}

TEST_F(TraineeRecords, EmploymentsAndLeavesThroughTheApi) {
    const std::string base = "/api/v1/people/" + std::to_string(existing);
    // Over full time with the fixture's 100 % employment.
    const auto over = post_json(base + "/employments",
                                {{"starts_on", "2026-01-01"},
                                 {"fte", 20},
                                 {"post_type", "other_general_practice"},
                                 {"pay_model", "salaried"}},
                                leader);
    ASSERT_EQ(over.result(), http::status::unprocessable_entity);
    EXPECT_EQ(json::parse(over.body()).at("error").at("field").as_string(), "fte");

    const auto ok = post_json(base + "/employments",
                              {{"starts_on", "2022-01-01"},
                               {"ends_on", "2023-12-31"},
                               {"fte", 20},
                               {"post_type", "other_general_practice"},
                               {"pay_model", "salaried"}},
                              leader);
    ASSERT_EQ(ok.result(), http::status::created) << ok.body();
    EXPECT_EQ(json::parse(ok.body()).at("municipality").as_string(), "4601");

    const auto leave = post_json(
        base + "/leaves",
        {{"kind", "parental"}, {"starts_on", "2025-01-01"}, {"ends_on", "2025-06-30"}}, leader);
    ASSERT_EQ(leave.result(), http::status::created) << leave.body();
    const auto backwards = post_json(
        base + "/leaves",
        {{"kind", "sick"}, {"starts_on", "2025-01-01"}, {"ends_on", "2024-06-30"}}, leader);
    ASSERT_EQ(backwards.result(), http::status::unprocessable_entity);
    EXPECT_EQ(json::parse(backwards.body()).at("error").at("field").as_string(), "ends_on");
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) { return s.people().leaves_of(existing); })
                  .size(),
              1u);
    EXPECT_EQ(
        server.database()
            .read([&](const store::Snapshot& s) { return s.people().employments_of(existing); })
            .size(),
        2u);
}

TEST_F(TraineeRecords, TheTraineeMayReadButNotEditTheirOwnRecord) {
    const auto trainee = *client::login(server.port(), "kari@lege.no", kTestPassword);
    const std::string person = "/personer/" + std::to_string(existing);
    const auto page = client::get(server.port(), person, trainee.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_EQ(page.body().find("/tjenesteperioder/ny"), std::string::npos);
    EXPECT_EQ(
        client::get(server.port(), person + "/tjenesteperioder/ny", trainee.headers()).result(),
        http::status::forbidden);
    EXPECT_EQ(post_form(person + "/permisjoner/ny",
                        {{"kind", "sick"}, {"starts_on", "01.01.2026"}, {"ends_on", "02.01.2026"}},
                        trainee)
                  .result(),
              http::status::forbidden);
    EXPECT_TRUE(server.database()
                    .read([&](const store::Snapshot& s) { return s.people().leaves_of(existing); })
                    .empty());
}

TEST_F(TraineeRecords, TheLeaderOfAHiringMunicipalityMayPrepareTheRecordBeforeTheFirstDay) {
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    const std::string base = "/api/v1/people/" + std::to_string(existing);
    EXPECT_EQ(client::get(server.port(), base, tromso.headers()).result(), http::status::forbidden);
    // Bergen's leader ends the employment; Tromsø hires from next year.
    server.database().write([&](store::UnitOfWork& w) {
        domain::Employment e;
        e.person_id = existing;
        e.municipality_number = "5501";
        e.starts_on = *domain::Date::parse_iso("2027-01-01");
        w.people().add_employment(e);
    });
    EXPECT_EQ(client::get(server.port(), base, tromso.headers()).result(), http::status::ok);
}

TEST_F(TraineeRecords, ALeaderInTrainingNeverEditsTheirOwnRecord) {
    // The leader of Bergen is also a doctor in training employed by Bergen.
    const auto self = testing::add_trainee(server.database(), "Leder Lege", "4601");
    testing::add_account(server.app(), "leder-lege@bergen.no", domain::Role::leader, "4601",
                         std::nullopt, self);
    const auto who = *client::login(server.port(), "leder-lege@bergen.no", kTestPassword);
    const auto record = [&](std::int64_t person) {
        const auto r =
            client::get(server.port(), "/api/v1/people/" + std::to_string(person), who.headers());
        EXPECT_EQ(r.result(), http::status::ok) << person;
        return json::parse(r.body()).as_object();
    };
    const std::vector<std::pair<std::string, json::object>> writes = {
        {"/employments",
         {{"starts_on", "2022-01-01"},
          {"ends_on", "2023-12-31"},
          {"fte", 20},
          {"post_type", "other_general_practice"},
          {"pay_model", "salaried"}}},
        {"/service-periods",
         {{"arena", "institution"},
          {"place", "Haukeland universitetssjukehus"},
          {"starts_on", "2023-01-01"},
          {"ends_on", "2023-12-31"},
          {"fte", 100},
          {"employer_registered", true}}},
        {"/leaves", {{"kind", "parental"}, {"starts_on", "2025-01-01"}, {"ends_on", "2025-06-30"}}},
    };
    const auto own_before = record(self);
    for (const auto& [path, body] : writes) {
        const auto r = post_json("/api/v1/people/" + std::to_string(self) + path, body, who);
        EXPECT_EQ(r.result(), http::status::forbidden) << path << ": " << r.body();
    }
    const auto form =
        post_form("/personer/" + std::to_string(self) + "/permisjoner/ny",
                  {{"kind", "sick"}, {"starts_on", "01.01.2026"}, {"ends_on", "02.01.2026"}}, who);
    EXPECT_EQ(form.result(), http::status::forbidden);
    EXPECT_EQ(json::serialize(record(self)), json::serialize(own_before))
        << "nothing was stored on their own record";

    // The same writes on a colleague's record are the leader's to make.
    for (const auto& [path, body] : writes) {
        const auto r = post_json("/api/v1/people/" + std::to_string(existing) + path, body, who);
        EXPECT_EQ(r.result(), http::status::created) << path << ": " << r.body();
    }
    const auto colleague = record(existing);
    EXPECT_EQ(colleague.at("employments").as_array().size(), 2u);
    EXPECT_EQ(colleague.at("service_periods").as_array().size(), 2u);
    EXPECT_EQ(colleague.at("leaves").as_array().size(), 1u);
}

}  // namespace trainee_records_test
}  // namespace alis::web
