// Correcting and removing employments, service periods and leaves, through the forms and the JSON
// API: the same rules as adding, a required reason, the earlier version kept and shown on the
// person's page, an audit event in the same transaction; and the ledger's limit of periods is
// refused on the write, not found out by the pages.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "domain/training_path.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace corrections_test {

namespace json = boost::json;
using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;
using client::form_body;
using Fields = std::vector<std::pair<std::string, std::string>>;

domain::Date day(const char* iso) {
    return *domain::Date::parse_iso(iso);
}

class Corrections : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        kari = testing::add_trainee(db, "Kari Nordmann", "4601", "2024-01-01", nullptr);
        other = testing::add_trainee(db, "Ola Nordmann", "4601", "2024-01-01", nullptr);
        db.write([&](store::UnitOfWork& w) {
            employment = w.people().employments_of(kari).front().id;
            period = w.people().service_periods_of(kari).front().id;
            domain::Leave l;
            l.person_id = kari;
            l.starts_on = day("2025-04-01");
            l.ends_on = day("2025-08-31");
            leave = w.people().add_leave(l);
            l.person_id = other;
            others_leave = w.people().add_leave(l);
        });
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    client::Response send(http::verb method, const std::string& path, Fields fields,
                          const client::SignedIn& who) {
        fields.emplace_back("csrf_token", who.csrf_token);
        return client::request(server.port(), method, path, form_body(fields),
                               "application/x-www-form-urlencoded",
                               who.post_headers(server.port()));
    }
    client::Response post(const std::string& path, Fields fields) {
        return send(http::verb::post, path, std::move(fields), leader);
    }
    client::Response api(http::verb method, const std::string& path, const json::object& body,
                         const client::SignedIn& who) {
        return client::request(server.port(), method, path, json::serialize(body),
                               "application/json", who.post_headers(server.port()));
    }

    std::string person(std::int64_t id) const { return "/personer/" + std::to_string(id); }
    std::string api_path(std::int64_t id) const { return "/api/v1/people/" + std::to_string(id); }

    std::vector<domain::Leave> leaves() {
        return server.database().read(
            [&](const store::Snapshot& s) { return s.people().leaves_of(kari); });
    }
    std::vector<domain::RecordCorrection> corrections() {
        return server.database().read(
            [&](const store::Snapshot& s) { return s.people().corrections_of(kari); });
    }
    std::vector<std::string> actions() {
        std::vector<std::string> out;
        for (const auto& e : server.database().read(
                 [&](const store::Snapshot& s) { return s.audit().events_about(kari, 50); })) {
            out.push_back(e.action);
        }
        return out;
    }
    bool audited(const std::string& action) {
        const auto all = actions();
        return std::find(all.begin(), all.end(), action) != all.end();
    }
    std::string page() { return client::get(server.port(), person(kari), leader.headers()).body(); }

    TestServer server;
    std::int64_t kari = 0;
    std::int64_t other = 0;
    std::int64_t employment = 0;
    std::int64_t period = 0;
    std::int64_t leave = 0;
    std::int64_t others_leave = 0;
    client::SignedIn leader;
};

TEST_F(Corrections, TheLeaderCorrectsALeaveThroughTheFormAndThePageShowsTheEarlierVersion) {
    // The person's page links to the correction form, which holds the stored values.
    const std::string edit = person(kari) + "/permisjoner/" + std::to_string(leave);
    EXPECT_NE(page().find("href=\"" + edit + "\""), std::string::npos);
    const auto form = client::get(server.port(), edit, leader.headers());
    ASSERT_EQ(form.result(), http::status::ok);
    EXPECT_NE(form.body().find("value=\"01.04.2025\""), std::string::npos);
    EXPECT_NE(form.body().find("name=\"reason\""), std::string::npos);
    EXPECT_NE(form.body().find(edit + "/fjern"), std::string::npos);

    const auto r = post(edit, {{"kind", "parental"},
                               {"starts_on", "01.03.2025"},
                               {"ends_on", "31.08.2025"},
                               {"reason", "Permisjonen startet 1. mars."}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], person(kari) + "?lagret=rettet");
    ASSERT_EQ(leaves().size(), 1u);
    EXPECT_EQ(leaves()[0].starts_on, day("2025-03-01"));
    const auto log = corrections();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].kind, domain::RecordKind::leave);
    EXPECT_EQ(log[0].action, domain::CorrectionAction::changed);
    EXPECT_EQ(log[0].record_id, leave);
    EXPECT_NE(log[0].before.find("\"starts_on\":\"2025-04-01\""), std::string::npos);
    EXPECT_NE(log[0].after->find("\"starts_on\":\"2025-03-01\""), std::string::npos);
    EXPECT_EQ(log[0].reason, "Permisjonen startet 1. mars.");
    EXPECT_EQ(log[0].corrected_at, "2026-11-22T00:00:00Z");
    EXPECT_NE(log[0].corrected_by.find("leder@bergen.no"), std::string::npos);
    EXPECT_TRUE(audited("leave.corrected"));

    const auto body =
        client::get(server.port(), std::string(r[http::field::location]), leader.headers()).body();
    EXPECT_NE(body.find("Rettingen er lagret."), std::string::npos);
    EXPECT_NE(body.find("Permisjon rettet"), std::string::npos);
    EXPECT_NE(body.find("01.04.2025 – 31.08.2025"), std::string::npos) << "the earlier version";
    EXPECT_NE(
        body.find("Rettet av " + log[0].corrected_by + " 22.11.2026: Permisjonen startet 1. mars."),
        std::string::npos);
}

TEST_F(Corrections, EachKindIsCorrectedAndRemovedThroughTheApi) {
    auto r = api(http::verb::put, api_path(kari) + "/employments/" + std::to_string(employment),
                 {{"starts_on", "2024-01-01"},
                  {"ends_on", nullptr},
                  {"fte", 80},
                  {"post_type", "gp_list"},
                  {"pay_model", "self_employed"},
                  {"reason", "Privat næringsdrivende, 80 %."}},
                 leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("fte").as_int64(), 80);
    r = api(http::verb::put, api_path(kari) + "/service-periods/" + std::to_string(period),
            {{"arena", "open_general_practice"},
             {"place", "Sentrum legekontor"},
             {"starts_on", "2024-01-01"},
             {"fte", 80},
             {"employer_registered", true},
             {"employment_id", employment},
             {"reason", "Riktig sted."}},
            leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("place").as_string(), "Sentrum legekontor");
    r = api(http::verb::delete_, api_path(kari) + "/leaves/" + std::to_string(leave),
            {{"reason", "Registrert på feil lege."}}, leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("removed").at("id").as_int64(), leave);
    EXPECT_TRUE(leaves().empty());
    r = api(http::verb::delete_, api_path(kari) + "/service-periods/" + std::to_string(period),
            {{"reason", "Dobbelt."}}, leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    // The record as the API and the page show it, with the corrections so far.
    const auto read = client::get(server.port(), api_path(kari), leader.headers());
    ASSERT_EQ(read.result(), http::status::ok) << read.body();
    EXPECT_EQ(json::parse(read.body()).at("corrections").as_array().size(), 4u);
    const auto body = page();
    EXPECT_NE(body.find("Permisjon fjernet"), std::string::npos);
    EXPECT_NE(body.find("Fjernet av"), std::string::npos);
    EXPECT_NE(body.find("Registrert på feil lege."), std::string::npos);
    EXPECT_NE(body.find("Tjenesteperiode rettet"), std::string::npos);

    // With its period gone, the employment may go too (and with it Bergen's access to Kari).
    r = api(http::verb::delete_, api_path(kari) + "/employments/" + std::to_string(employment),
            {{"reason", "Feil kommune."}}, leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();

    // Nothing is lost: every earlier version is in the log, newest first.
    const auto log = corrections();
    ASSERT_EQ(log.size(), 5u);
    EXPECT_EQ(log[0].kind, domain::RecordKind::employment);
    EXPECT_EQ(log[0].action, domain::CorrectionAction::removed);
    EXPECT_FALSE(log[0].after);
    EXPECT_NE(log[0].before.find("\"fte\":80"), std::string::npos) << "the last version";
    EXPECT_EQ(log[2].kind, domain::RecordKind::leave);
    EXPECT_EQ(log[4].kind, domain::RecordKind::employment);
    EXPECT_NE(log[4].before.find("\"fte\":100"), std::string::npos);
    for (const auto* action : {"employment.corrected", "service_period.corrected", "leave.removed",
                               "service_period.removed", "employment.removed"}) {
        EXPECT_TRUE(audited(action)) << action;
    }
    EXPECT_TRUE(server.database()
                    .read([&](const store::Snapshot& s) { return s.people().employments_of(kari); })
                    .empty());
}

TEST_F(Corrections, TheRemovalPageAsksWhyAndRemoves) {
    const std::string removal = person(kari) + "/permisjoner/" + std::to_string(leave) + "/fjern";
    const auto form = client::get(server.port(), removal, leader.headers());
    ASSERT_EQ(form.result(), http::status::ok);
    EXPECT_NE(form.body().find("01.04.2025 – 31.08.2025"), std::string::npos);
    auto r = post(removal, {});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("Fyll ut dette feltet."), std::string::npos);
    EXPECT_EQ(leaves().size(), 1u);
    r = post(removal, {{"reason", "Dobbelt registrert."}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], person(kari) + "?lagret=fjernet");
    EXPECT_TRUE(leaves().empty());
    EXPECT_NE(page().find("Permisjon fjernet"), std::string::npos);
    // A removed id is gone: 404 for the form, the correction and the API.
    EXPECT_EQ(client::get(server.port(), removal, leader.headers()).result(),
              http::status::not_found);
    EXPECT_EQ(api(http::verb::delete_, api_path(kari) + "/leaves/" + std::to_string(leave),
                  {{"reason", "Igjen."}}, leader)
                  .result(),
              http::status::not_found);
    EXPECT_EQ(corrections().size(), 1u);
}

TEST_F(Corrections, BadCorrectionsAreRefusedAndChangeNothing) {
    const auto before_log = corrections().size();
    const auto before_audit = actions().size();
    const std::string leave_path = person(kari) + "/permisjoner/" + std::to_string(leave);
    // No reason.
    auto r = post(leave_path,
                  {{"kind", "parental"}, {"starts_on", "01.03.2025"}, {"ends_on", "31.08.2025"}});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("value=\"01.03.2025\""), std::string::npos) << "keeps the input";
    // A reason over 1000 characters.
    r = post(leave_path, {{"kind", "parental"},
                          {"starts_on", "01.03.2025"},
                          {"ends_on", "31.08.2025"},
                          {"reason", std::string(1001, 'x')}});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("Bruk høyst 1000 tegn."), std::string::npos);
    // End before start.
    r = api(http::verb::put, api_path(kari) + "/leaves/" + std::to_string(leave),
            {{"kind", "parental"},
             {"starts_on", "2025-09-01"},
             {"ends_on", "2025-08-31"},
             {"reason", "Feil."}},
            leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("\"field\":\"ends_on\""), std::string::npos) << r.body();
    // Over 100 %: the first employment corrected to 60 %, a second of 40 % added, then the first
    // corrected to 70 % is refused; corrected again at 60 %, its old version is not counted.
    const auto first = [&](int fte, const char* post) {
        return api(http::verb::put, api_path(kari) + "/employments/" + std::to_string(employment),
                   {{"starts_on", "2024-01-01"},
                    {"fte", fte},
                    {"post_type", post},
                    {"pay_model", "salaried"},
                    {"reason", "Riktig prosent."}},
                   leader);
    };
    r = first(60, "gp_list");
    EXPECT_EQ(r.result(), http::status::ok) << r.body();
    r = api(http::verb::post, api_path(kari) + "/employments",
            {{"starts_on", "2025-01-01"},
             {"fte", 40},
             {"post_type", "institution"},
             {"pay_model", "salaried"}},
            leader);
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    r = first(70, "gp_list");
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("110 %"), std::string::npos) << r.body();
    r = first(60, "other_general_practice");
    EXPECT_EQ(r.result(), http::status::ok) << r.body();
    // A record of another person, named under Kari: 404, and the other's leave is untouched.
    r = api(
        http::verb::put, api_path(kari) + "/leaves/" + std::to_string(others_leave),
        {{"kind", "sick"}, {"starts_on", "2025-04-01"}, {"ends_on", "2025-04-02"}, {"reason", "x"}},
        leader);
    EXPECT_EQ(r.result(), http::status::not_found);
    EXPECT_EQ(
        client::get(server.port(), person(kari) + "/permisjoner/" + std::to_string(others_leave),
                    leader.headers())
            .result(),
        http::status::not_found);
    EXPECT_EQ(corrections().size(), before_log + 2);  // Only the two at 60 %.
    EXPECT_EQ(actions().size(), before_audit + 3);    // They, and the added employment.
    EXPECT_EQ(leaves()[0].starts_on, day("2025-04-01"));
}

TEST_F(Corrections, AnEmploymentKeepsItsServicePeriods) {
    // Its period cannot be left behind: no removal, and no correction that leaves it outside.
    auto r = api(http::verb::delete_, api_path(kari) + "/employments/" + std::to_string(employment),
                 {{"reason", "Feil."}}, leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("Fjern tjenesteperiodene"), std::string::npos) << r.body();
    r = post(person(kari) + "/ansettelser/" + std::to_string(employment) + "/fjern",
             {{"reason", "Feil."}});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("tjenesteperioder er del av den"), std::string::npos);
    r = post(person(kari) + "/ansettelser/" + std::to_string(employment),
             {{"starts_on", "01.06.2024"},
              {"ends_on", ""},
              {"fte", "100"},
              {"post_type", "gp_list"},
              {"pay_model", "salaried"},
              {"reason", "Startet senere."}});
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("ville ligge utenfor den"), std::string::npos);
    // A period corrected to lie outside its employment is refused too.
    r = api(http::verb::put, api_path(kari) + "/service-periods/" + std::to_string(period),
            {{"arena", "open_general_practice"},
             {"place", "Legekontoret"},
             {"starts_on", "2023-06-01"},
             {"fte", 100},
             {"employment_id", employment},
             {"reason", "Feil."}},
            leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_TRUE(corrections().empty());
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) { return s.people().employments_of(kari); })
                  .size(),
              1u);
}

TEST_F(Corrections, OnlyTheLeaderOfTheMunicipalityCorrectsAndNeverTheirOwnRecord) {
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    const json::object body{{"reason", "Feil."}};
    EXPECT_EQ(
        api(http::verb::delete_, api_path(kari) + "/leaves/" + std::to_string(leave), body, tromso)
            .result(),
        http::status::forbidden);
    EXPECT_EQ(send(http::verb::post, person(kari) + "/permisjoner/" + std::to_string(leave),
                   {{"kind", "sick"},
                    {"starts_on", "01.04.2025"},
                    {"ends_on", "02.04.2025"},
                    {"reason", "x"}},
                   tromso)
                  .result(),
              http::status::forbidden);
    // A leader who is themselves a doctor employed by the municipality: not their own record.
    testing::add_account(server.app(), "kari@bergen.no", domain::Role::leader, "4601", std::nullopt,
                         kari);
    const auto own = *client::login(server.port(), "kari@bergen.no", kTestPassword);
    EXPECT_EQ(
        api(http::verb::delete_, api_path(kari) + "/leaves/" + std::to_string(leave), body, own)
            .result(),
        http::status::forbidden);
    EXPECT_EQ(client::get(server.port(), person(kari) + "/permisjoner/" + std::to_string(leave),
                          own.headers())
                  .result(),
              http::status::forbidden);
    // Signed in as Kari's own leader account, the page offers no correction links.
    EXPECT_EQ(client::get(server.port(), person(kari), own.headers())
                  .body()
                  .find("/permisjoner/" + std::to_string(leave)),
              std::string::npos);
    EXPECT_EQ(leaves().size(), 1u);
    EXPECT_TRUE(corrections().empty());
}

TEST_F(Corrections, AWriteBeyondTheLedgersLimitOfPeriodsIsRefused) {
    // Kari has one service period and one leave; fill up to the limit directly, for speed.
    server.database().write([&](store::UnitOfWork& w) {
        const auto have = w.people().path_length(kari);
        for (int i = have; i < static_cast<int>(domain::kMaxPeriods); ++i) {
            domain::Leave l;
            l.person_id = kari;
            l.starts_on = day("2020-01-01").plus_days(i);
            l.ends_on = l.starts_on;
            w.people().add_leave(l);
        }
    });
    const auto before = actions().size();
    auto r =
        api(http::verb::post, api_path(kari) + "/leaves",
            {{"kind", "sick"}, {"starts_on", "2026-10-01"}, {"ends_on", "2026-10-01"}}, leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("Det er registrert så mange perioder"), std::string::npos) << r.body();
    EXPECT_NE(r.body().find("høyst 1000"), std::string::npos);
    r = api(http::verb::post, api_path(kari) + "/service-periods",
            {{"arena", "institution"},
             {"place", "Haukeland"},
             {"starts_on", "2026-10-01"},
             {"ends_on", "2026-10-31"},
             {"fte", 100}},
            leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("høyst 1000"), std::string::npos) << r.body();
    EXPECT_EQ(server.database().read(
                  [&](const store::Snapshot& s) { return s.people().path_length(kari); }),
              static_cast<int>(domain::kMaxPeriods));
    EXPECT_EQ(actions().size(), before);
    // The pages still answer, and a removal makes room for one more.
    EXPECT_EQ(client::get(server.port(), person(kari), leader.headers()).result(),
              http::status::ok);
    r = api(http::verb::delete_, api_path(kari) + "/leaves/" + std::to_string(leave),
            {{"reason", "Feil."}}, leader);
    ASSERT_EQ(r.result(), http::status::ok);
    r = api(http::verb::post, api_path(kari) + "/leaves",
            {{"kind", "sick"}, {"starts_on", "2026-10-01"}, {"ends_on", "2026-10-01"}}, leader);
    EXPECT_EQ(r.result(), http::status::created) << r.body();
}

}  // namespace corrections_test
}  // namespace alis::web
