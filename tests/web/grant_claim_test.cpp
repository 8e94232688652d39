// A municipality's claim of the national grant through the real server: the agreement register
// and a post's grant facts written through the API, the leader's claim page with what stops a
// claim and the deadline, its CSV and Excel with typed cells, and the claim refused to everyone
// but the municipality's own leader.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>

#include "app/money_rules.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/spreadsheets.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace grant_claim_test {

namespace json = boost::json;
using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

class GrantClaim : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        kari = testing::add_trainee(db, "Kari Nordmann", "4601", "2024-01-01");
        ola = testing::add_trainee(db, "Ola Nordmann", "4601", "2024-01-01");
        per = testing::add_trainee(db, "Per Hansen", "4601", "2024-01-01");
        siv = testing::add_trainee(db, "Siv Vikar", "4601", "2024-01-01");
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
        ASSERT_EQ(sign(kari, "2023-12-15").result(), http::status::created);
        ASSERT_EQ(sign(per, "2024-11-15").result(), http::status::created);
        ASSERT_EQ(sign(siv, "2023-12-15").result(), http::status::created);
        const auto r = put("/api/v1/people/" + std::to_string(siv) + "/employments/" +
                               std::to_string(employment(siv)) + "/grant-facts",
                           {{"type", "regular_gp"}, {"via_agency", true}});
        ASSERT_EQ(r.result(), http::status::ok) << r.body();
    }

    std::int64_t employment(std::int64_t person) {
        return server.database().read(
            [&](const store::Snapshot& s) { return s.people().employments_of(person).front().id; });
    }
    client::Response send(http::verb verb, const std::string& path, const json::object& body,
                          const client::SignedIn& who) {
        return client::request(server.port(), verb, path, json::serialize(body), "application/json",
                               who.post_headers(server.port()));
    }
    client::Response put(const std::string& path, const json::object& body) {
        return send(http::verb::put, path, body, leader);
    }
    client::Response sign(std::int64_t person, const char* signed_on) {
        return send(http::verb::post, "/api/v1/people/" + std::to_string(person) + "/agreements",
                    {{"employment_id", employment(person)},
                     {"template_version", "Nasjonal mal 2023"},
                     {"national_template", true},
                     {"covers_from", "2024-01-01"},
                     {"status", "signed"},
                     {"signed_on", signed_on}},
                    leader);
    }
    client::Response get(const std::string& path, const client::SignedIn& who) {
        return client::get(server.port(), path, who.headers());
    }

    TestServer server;
    std::int64_t kari = 0;
    std::int64_t ola = 0;
    std::int64_t per = 0;
    std::int64_t siv = 0;
    client::SignedIn leader;
};

TEST_F(GrantClaim, TheLeadersPageShowsTheEligibleMonthsAmountsDeadlineAndWhatStopsTheClaim) {
    const auto r = get("/kommuner/4601/tilskudd?grant_year=2025", leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto& page = r.body();
    const auto& year = app::embedded_grant_year("2025");
    const auto month = year.rates.monthly_rate(domain::GrantPostType::regular_gp);
    // Kari: every month of the period; Per: from December (signed 15 November).
    EXPECT_NE(page.find(domain::format_kroner(month.times(9))), std::string::npos);
    EXPECT_NE(page.find(domain::format_kroner(month.times(6))), std::string::npos);
    EXPECT_NE(page.find(domain::format_kroner(month.times(15))), std::string::npos) << "the total";
    EXPECT_NE(page.find(year.claim_deadline.norwegian()), std::string::npos);
    EXPECT_NE(page.find("Hva stopper kravet"), std::string::npos);
    EXPECT_NE(page.find("Ingen signert ALIS-avtale"), std::string::npos) << "Ola";
    EXPECT_NE(page.find("ALIS-avtalen er signert for sent"), std::string::npos) << "Per";
    EXPECT_NE(page.find("Ansatt gjennom vikarbyrå"), std::string::npos) << "Siv";
    EXPECT_EQ(page.find("Anslag: satsene") != std::string::npos, year.unconfirmed())
        << "the estimate notice exactly when a rate is unconfirmed";
}

TEST_F(GrantClaim, TheJsonTotalIsTheSumOfItsLinesAndTheExportsHoldTypedNumbers) {
    const auto r = get("/api/v1/municipalities/4601/grant-claim?grant_year=2025", leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto body = json::parse(r.body()).as_object();
    std::int64_t sum = 0;
    for (const auto& line : body.at("lines").as_array()) {
        sum += line.at("amount_ore").as_int64();
    }
    EXPECT_EQ(body.at("lines").as_array().size(), 4u);
    EXPECT_EQ(body.at("total_ore").as_int64(), sum);
    EXPECT_GT(sum, 0);
    EXPECT_EQ(body.at("claim_deadline"), "2025-08-31");

    const auto csv =
        testing::parse_csv(get("/kommuner/4601/tilskudd.csv?grant_year=2025", leader).body());
    ASSERT_EQ(csv.size(), 6u) << "a header, four lines and the total";
    EXPECT_EQ(csv[0][0], "Lege");
    const auto xlsx = get("/kommuner/4601/tilskudd.xlsx?grant_year=2025", leader);
    ASSERT_EQ(xlsx.result(), http::status::ok);
    const auto cells = testing::read_xlsx_cells(xlsx.body());
    ASSERT_EQ(cells.size(), 6u);
    const auto& total = cells.back();
    EXPECT_TRUE(total[3].number) << "months";
    EXPECT_TRUE(total[4].number) << "the amount";
    EXPECT_DOUBLE_EQ(std::stod(total[4].text), static_cast<double>(sum) / 100.0);
}

TEST_F(GrantClaim, OnlyTheMunicipalitysOwnLeaderSeesItsClaim) {
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    const auto office = *client::login(server.port(), "kontor@bergen.no", kTestPassword);
    for (const auto* path : {"/kommuner/4601/tilskudd", "/kommuner/4601/tilskudd.csv",
                             "/api/v1/municipalities/4601/grant-claim"}) {
        EXPECT_EQ(get(path, tromso).result(), http::status::forbidden) << path;
        EXPECT_EQ(get(path, office).result(), http::status::forbidden) << path;
        EXPECT_NE(client::get(server.port(), path).result(), http::status::ok) << path;
    }
    EXPECT_EQ(get("/kommuner/9999/tilskudd", leader).result(), http::status::not_found);
}

TEST_F(GrantClaim, AYearAlisHasNoRatesForIsABadRequestWithANorwegianMessage) {
    auto r = get("/api/v1/municipalities/4601/grant-claim?grant_year=1999", leader);
    ASSERT_EQ(r.result(), http::status::bad_request);
    const auto error = json::parse(r.body()).at("error");
    EXPECT_EQ(error.at("code"), "unknown_year");
    EXPECT_EQ(error.at("field"), "grant_year");
    EXPECT_NE(std::string(error.at("message").as_string()).find("Alis har ikke satser"),
              std::string::npos);
    r = get("/kommuner/4601/tilskudd?grant_year=abc", leader);
    EXPECT_EQ(r.result(), http::status::bad_request);
    EXPECT_NE(r.body().find("Alis har ikke satser"), std::string::npos);
}

TEST_F(GrantClaim, TheRegisterRefusesInconsistentAgreementsAndAuditsWhatItKeeps) {
    const std::string path = "/api/v1/people/" + std::to_string(ola) + "/agreements";
    json::object body{{"employment_id", employment(ola)},
                      {"template_version", "Nasjonal mal 2023"},
                      {"covers_from", "2024-01-01"},
                      {"status", "signed"}};
    auto r = send(http::verb::post, path, body, leader);
    ASSERT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("error").at("field"), "signed_on");
    body["signed_on"] = "2027-01-01";
    r = send(http::verb::post, path, body, leader);
    ASSERT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    EXPECT_NE(r.body().find("senere enn i dag"), std::string::npos);
    body["employment_id"] = employment(kari);  // not Ola's
    body["signed_on"] = "2024-01-01";
    EXPECT_EQ(send(http::verb::post, path, body, leader).result(), http::status::not_found);
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    body["employment_id"] = employment(ola);
    EXPECT_EQ(send(http::verb::post, path, body, tromso).result(), http::status::forbidden);

    body["national_template"] = false;
    r = send(http::verb::post, path, body, leader);
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto saved = json::parse(r.body()).as_object();
    EXPECT_EQ(saved.at("warning"), "not_national_template");
    body["national_template"] = true;
    r = send(http::verb::put, path + "/" + std::to_string(saved.at("id").as_int64()), body, leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_TRUE(json::parse(r.body()).at("warning").is_null());
    std::vector<std::string> actions;
    for (const auto& e : server.database().read(
             [&](const store::Snapshot& s) { return s.audit().events_about(ola, 20); })) {
        actions.push_back(e.action);
    }
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "agreement.recorded"), 1);
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "agreement.changed"), 1);
}

// The register's warnings in the leader's overview, once the training's own are dealt with: a
// supervisor and a plan with institution service for each of the four.
TEST_F(GrantClaim, TheOverviewWarnsOfAMissingALateAndANonTemplateAgreement) {
    auto& db = server.database();
    const auto supervisor = testing::add_trainee(db, "Veileder Vik", "4601", "2020-01-01");
    for (const auto person : {kari, ola, per, siv}) {
        testing::assign_supervisor(db, supervisor, person);
        testing::add_education_plan(
            db, person, "2026-06-01",
            {{domain::Arena::open_general_practice, "Legekontoret", "2024-01-01", "2026-12-31"},
             {domain::Arena::institution, "Haukeland", "2027-01-01", "2027-06-30"}});
    }
    std::map<std::int64_t, std::string> warnings;
    const auto warnings_now = [&] {
        const auto r = get("/api/v1/municipalities/4601/trainees", leader);
        EXPECT_EQ(r.result(), http::status::ok);
        std::map<std::int64_t, std::string> out;
        const auto body = json::parse(r.body());
        for (const auto& t : body.at("trainees").as_array()) {
            const auto& w = t.at("warning");
            out[t.at("person_id").as_int64()] = w.is_null() ? "" : std::string(w.as_string());
        }
        return out;
    };
    warnings = warnings_now();
    EXPECT_EQ(warnings[ola], "no_signed_agreement");
    EXPECT_EQ(warnings[per], "agreement_signed_late");
    EXPECT_EQ(warnings[kari], "");
    const std::string path = "/api/v1/people/" + std::to_string(ola) + "/agreements";
    const auto r = send(http::verb::post, path,
                        {{"employment_id", employment(ola)},
                         {"template_version", "Kommunens mal"},
                         {"national_template", false},
                         {"covers_from", "2024-01-01"},
                         {"status", "signed"},
                         {"signed_on", "2023-12-01"}},
                        leader);
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    EXPECT_EQ(warnings_now()[ola], "agreement_not_national_template");
    const auto page = get("/kommuner/4601/oversikt", leader).body();
    EXPECT_NE(page.find("ALIS-avtalen følger ikke den nasjonale malen"), std::string::npos);
    EXPECT_NE(page.find("ALIS-avtalen er signert etter at perioden begynte"), std::string::npos);
}

}  // namespace grant_claim_test
}  // namespace alis::web
