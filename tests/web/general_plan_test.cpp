// Journey 6: the municipality's general education plan, public without login and edited by its
// leader through forms and the JSON API, with validation, audit and a consistent enterprise status.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace general_plan_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [key, value] : fields) {
        if (!body.empty()) {
            body += '&';
        }
        body += key + '=';
        for (const unsigned char c : value) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
                body += static_cast<char>(c);
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "%%%02X", c);
                body += hex;
            }
        }
    }
    return body;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class GeneralPlan : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4621", "Voss", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        const auto trainee = testing::add_trainee(db, "Lege Bergen", "4601");
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "alis@bergen.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, trainee);
        testing::add_account(server.app(), "nasjonal@a.no", domain::Role::national);
        testing::add_account(server.app(), "admin@a.no", domain::Role::admin);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    client::Response form_post(const client::SignedIn& who, const std::string& path,
                               std::vector<std::pair<std::string, std::string>> fields) {
        fields.emplace_back("csrf_token", who.csrf_token);
        return client::request(server.port(), http::verb::post, path, form_encode(fields),
                               "application/x-www-form-urlencoded",
                               who.post_headers(server.port()));
    }

    client::Response api(http::verb method, const std::string& path, const json::object& body) {
        return client::request(server.port(), method, path, json::serialize(body),
                               "application/json", leader.post_headers(server.port()));
    }

    client::Response anonymous_get(const std::string& path) {
        return client::get(server.port(), path);
    }

    std::int64_t audit_rows() {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.audit().verify(); })
            .rows_checked;
    }

    std::string last_audit_action() {
        const auto head =
            server.database().read([&](const store::Snapshot& s) { return s.audit().verify(); });
        return server.database()
            .read([&](const store::Snapshot& s) { return s.audit().find(head.head_id); })
            ->action;
    }

    testing::TestServer server;
    client::SignedIn leader;
};

const std::vector<std::pair<std::string, std::string>> kArena = {
    {"kind", "gp_office"},
    {"name", "Danmarksplass legekontor"},
    {"offers", "Åpen uselektert allmennpraksis.\nAkutte og kroniske sykdommer."}};

TEST_F(GeneralPlan, AMunicipalityWithoutAPlanGetsAClearPublicPageAndUnknownOnesA404) {
    const auto page = anonymous_get("/kommuner/4621/utdanningsplan");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_TRUE(contains(page.body(), "Generell utdanningsplan for Voss"));
    EXPECT_TRUE(contains(page.body(), "Voss har ikke publisert en generell utdanningsplan"));
    EXPECT_TRUE(contains(page.body(), "Registrert")) << "the status is shown all the same";
    const auto doc = json::parse(anonymous_get("/api/v1/municipalities/4621/general-plan").body());
    EXPECT_FALSE(doc.at("published").as_bool());
    EXPECT_TRUE(doc.at("status").is_null());
    EXPECT_EQ(doc.at("enterprise_status").as_string(), "registered");
    for (const char* path : {"/kommuner/9999/utdanningsplan", "/kommuner/abcd/utdanningsplan",
                             "/api/v1/municipalities/9999/general-plan"}) {
        EXPECT_EQ(anonymous_get(path).result(), http::status::not_found) << path;
    }
}

TEST_F(GeneralPlan, TheLeaderAddsChangesAndRemovesAnArenaAndThePublicPageFollows) {
    // Read (and cached) before the edit: the edit must still show at once.
    ASSERT_FALSE(contains(anonymous_get("/kommuner/4601/utdanningsplan").body(), "Danmarksplass"));
    const auto before = audit_rows();
    const auto added = form_post(leader, "/kommuner/4601/utdanningsplan/arenaer", kArena);
    ASSERT_EQ(added.result(), http::status::see_other) << added.body();
    EXPECT_EQ(added[http::field::location], "/kommuner/4601/utdanningsplan/rediger?lagret=arena");
    const auto arenas = server.database().read(
        [&](const store::Snapshot& s) { return s.municipalities().learning_arenas("4601"); });
    ASSERT_EQ(arenas.size(), 1u);
    EXPECT_EQ(arenas[0].offers, "Åpen uselektert allmennpraksis.\nAkutte og kroniske sykdommer.");
    EXPECT_EQ(audit_rows(), before + 1);
    EXPECT_EQ(last_audit_action(), "general_plan.arena_added");

    const auto page = anonymous_get("/kommuner/4601/utdanningsplan");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_TRUE(contains(page.body(), "Danmarksplass legekontor"));
    EXPECT_TRUE(contains(page.body(), "Legekontor"));
    EXPECT_TRUE(contains(page.body(), "Sist endret 22.11.2026."));
    EXPECT_FALSE(contains(page.body(), "har ikke publisert"));

    const std::string arena_path =
        "/kommuner/4601/utdanningsplan/arenaer/" + std::to_string(arenas[0].id);
    const auto form = client::get(server.port(), arena_path, leader.headers());
    ASSERT_EQ(form.result(), http::status::ok);
    EXPECT_TRUE(contains(form.body(), "value=\"Danmarksplass legekontor\""));
    const auto changed = form_post(leader, arena_path,
                                   {{"kind", "nursing_home"},
                                    {"name", "Fyllingsdalen sykehjem"},
                                    {"offers", "Geriatri og lindrende behandling."}});
    ASSERT_EQ(changed.result(), http::status::see_other) << changed.body();
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.municipalities().find_learning_arena(arenas[0].id);
                  })
                  ->kind,
              domain::ArenaKind::nursing_home);
    EXPECT_EQ(last_audit_action(), "general_plan.arena_changed");
    EXPECT_TRUE(
        contains(anonymous_get("/kommuner/4601/utdanningsplan").body(), "Fyllingsdalen sykehjem"));

    const auto removed = form_post(leader, arena_path + "/fjern", {});
    ASSERT_EQ(removed.result(), http::status::see_other);
    EXPECT_TRUE(server.database()
                    .read([&](const store::Snapshot& s) {
                        return s.municipalities().learning_arenas("4601");
                    })
                    .empty());
    EXPECT_EQ(last_audit_action(), "general_plan.arena_removed");
    EXPECT_EQ(audit_rows(), before + 3) << "the removal keeps its audit record";
    EXPECT_FALSE(contains(anonymous_get("/kommuner/4601/utdanningsplan").body(), "Fyllingsdalen"));
}

TEST_F(GeneralPlan, StatusChangesKeepTheMunicipalitysEnterpriseStatusConsistent) {
    const auto before = audit_rows();
    const auto r = form_post(leader, "/kommuner/4601/utdanningsplan/status",
                             {{"status", "temporarily_registered"},
                              {"valid_from", "01.09.2026"},
                              {"valid_until", "31.08.2027"},
                              {"applied_on", "15.06.2026"}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) { return s.municipalities().find("4601"); })
                  ->enterprise_status,
              domain::EnterpriseStatus::temporarily_registered);
    EXPECT_EQ(audit_rows(), before + 1);
    EXPECT_EQ(last_audit_action(), "general_plan.status_changed");
    const auto page = anonymous_get("/kommuner/4601/utdanningsplan").body();
    EXPECT_TRUE(contains(page, "Midlertidig registrert fra 01.09.2026 til 31.08.2027."));
    EXPECT_TRUE(contains(page, "Søknad om registrering ble sendt 15.06.2026."));
    // The front page and its JSON show the same status.
    const auto list = json::parse(anonymous_get("/api/v1/municipalities").body());
    for (const auto& m : list.at("municipalities").as_array()) {
        if (m.at("number").as_string() == "4601") {
            EXPECT_EQ(m.at("enterprise_status").as_string(), "temporarily_registered");
        }
    }
    // Through the API, a full registration: the history keeps both, newest first.
    const auto put = api(http::verb::put, "/api/v1/municipalities/4601/general-plan/status",
                         {{"status", "registered"}, {"valid_from", "2026-11-01"}});
    ASSERT_EQ(put.result(), http::status::ok) << put.body();
    const auto stored = json::parse(put.body());
    EXPECT_EQ(stored.at("status").as_string(), "registered");
    EXPECT_EQ(stored.at("valid_from").as_string(), "2026-11-01");
    EXPECT_TRUE(stored.at("valid_until").is_null());
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) { return s.municipalities().find("4601"); })
                  ->enterprise_status,
              domain::EnterpriseStatus::registered);
    const auto plan = json::parse(anonymous_get("/api/v1/municipalities/4601/general-plan").body());
    EXPECT_EQ(plan.at("enterprise_status").as_string(), "registered");
    ASSERT_EQ(plan.at("status_history").as_array().size(), 2u);
    EXPECT_EQ(plan.at("status_history").at(1).at("status").as_string(), "temporarily_registered");
}

TEST_F(GeneralPlan, TheJsonApiAnswers201And200WithTheStoredObjectAnd422WithEveryField) {
    const auto created = api(http::verb::post, "/api/v1/municipalities/4601/general-plan/arenas",
                             {{"kind", "hospital_by_agreement"},
                              {"name", "Haukeland universitetssjukehus"},
                              {"offers", "Institusjonstjeneste i seks måneder."}});
    ASSERT_EQ(created.result(), http::status::created) << created.body();
    const auto arena = json::parse(created.body());
    const auto id = arena.at("id").as_int64();
    EXPECT_EQ(arena.at("kind").as_string(), "hospital_by_agreement");
    const std::string path =
        "/api/v1/municipalities/4601/general-plan/arenas/" + std::to_string(id);
    const auto updated = api(http::verb::put, path,
                             {{"kind", "hospital_by_agreement"},
                              {"name", "Haukeland"},
                              {"offers", "ALM 055 og ALM 085."}});
    ASSERT_EQ(updated.result(), http::status::ok) << updated.body();
    EXPECT_EQ(json::parse(updated.body()).at("name").as_string(), "Haukeland");

    const auto bad = api(http::verb::post, "/api/v1/municipalities/4601/general-plan/arenas",
                         {{"kind", "spa"}, {"name", ""}, {"offers", "x"}});
    ASSERT_EQ(bad.result(), http::status::unprocessable_entity);
    const auto error = json::parse(bad.body()).at("error");
    EXPECT_EQ(error.at("code").as_string(), "invalid_input");
    EXPECT_EQ(error.at("field").as_string(), "kind");
    EXPECT_EQ(error.at("fields").as_array().size(), 2u);
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.municipalities().learning_arenas("4601");
                  })
                  .size(),
              1u);

    const auto responsibility =
        api(http::verb::post, "/api/v1/municipalities/4601/general-plan/responsibilities",
            {{"area", "Overordnet ansvar"}, {"responsible", "Kommuneoverlege"}});
    ASSERT_EQ(responsibility.result(), http::status::created) << responsibility.body();
    const auto rid = json::parse(responsibility.body()).at("id").as_int64();
    EXPECT_EQ(json::parse(responsibility.body()).at("description").as_string(), "");
    const auto plan = json::parse(anonymous_get("/api/v1/municipalities/4601/general-plan").body());
    EXPECT_TRUE(plan.at("published").as_bool());
    EXPECT_EQ(plan.at("responsibilities").at(0).at("responsible").as_string(), "Kommuneoverlege");
    EXPECT_FALSE(plan.at("changed_at").is_null());

    const auto gone =
        api(http::verb::delete_,
            "/api/v1/municipalities/4601/general-plan/responsibilities/" + std::to_string(rid), {});
    ASSERT_EQ(gone.result(), http::status::ok);
    EXPECT_EQ(json::parse(gone.body()).at("removed").at("area").as_string(), "Overordnet ansvar");
    EXPECT_TRUE(server.database()
                    .read([&](const store::Snapshot& s) {
                        return s.municipalities().responsibilities("4601");
                    })
                    .empty());
    EXPECT_EQ(last_audit_action(), "general_plan.responsibility_removed");
    ASSERT_EQ(api(http::verb::delete_, path, {}).result(), http::status::ok);
    EXPECT_EQ(api(http::verb::delete_, path, {}).result(), http::status::not_found);
}

// One invalid post per rule: the message next to its field, the input kept, nothing stored and
// nothing audited.
struct Invalid {
    std::string path;  // Under /kommuner/4601/utdanningsplan.
    std::vector<std::pair<std::string, std::string>> fields;
    std::string field;    // The field the message belongs to.
    std::string message;  // Part of the message.
    std::string kept;     // A value that must be in the form again.
};

TEST_F(GeneralPlan, EveryValidationRuleShowsItsMessageKeepsTheInputAndStoresNothing) {
    const std::string long_name(121, 'a');
    const std::string long_offers(2001, 'b');
    const std::vector<Invalid> cases = {
        {"/status", {{"status", ""}, {"valid_from", "01.01.2026"}}, "status", "Fyll ut", ""},
        {"/status",
         {{"status", "kanskje"}, {"valid_from", "01.01.2026"}},
         "status",
         "Velg et av",
         ""},
        {"/status", {{"status", "registered"}, {"valid_from", ""}}, "valid_from", "Fyll ut", ""},
        {"/status",
         {{"status", "registered"}, {"valid_from", "31.02.2026"}},
         "valid_from",
         "dd.mm.åååå",
         "31.02.2026"},
        {"/status",
         {{"status", "registered"}, {"valid_from", "01.01.2027"}},
         "valid_from",
         "senere enn i dag",
         "01.01.2027"},
        {"/status",
         {{"status", "temporarily_registered"}, {"valid_from", "01.01.2026"}},
         "valid_until",
         "gjelder til",
         "01.01.2026"},
        {"/status",
         {{"status", "temporarily_registered"},
          {"valid_from", "01.06.2026"},
          {"valid_until", "01.05.2026"}},
         "valid_until",
         "før fra-datoen",
         "01.05.2026"},
        {"/status",
         {{"status", "temporarily_registered"},
          {"valid_from", "01.01.2026"},
          {"valid_until", "01.11.2026"}},
         "valid_until",
         "utløpt",
         "01.11.2026"},
        {"/status",
         {{"status", "registered"}, {"valid_from", "01.01.2026"}, {"valid_until", "01.01.2028"}},
         "valid_until",
         "Bare midlertidig",
         "01.01.2028"},
        {"/status",
         {{"status", "not_registered"}, {"valid_from", "01.01.2026"}, {"applied_on", "2027-01-01"}},
         "applied_on",
         "Søknadsdatoen",
         "2027-01-01"},
        {"/arenaer",
         {{"kind", ""}, {"name", "Sentrum"}, {"offers", "Alt"}},
         "kind",
         "Fyll ut",
         "Sentrum"},
        {"/arenaer",
         {{"kind", "spa"}, {"name", "Sentrum"}, {"offers", "Alt"}},
         "kind",
         "Velg et av",
         "Sentrum"},
        {"/arenaer",
         {{"kind", "other"}, {"name", " "}, {"offers", "Alt"}},
         "name",
         "Fyll ut",
         "Alt"},
        {"/arenaer",
         {{"kind", "other"}, {"name", long_name}, {"offers", "Alt"}},
         "name",
         "høyst 120 tegn",
         long_name},
        {"/arenaer",
         {{"kind", "other"}, {"name", "Sentrum\x01"}, {"offers", "Alt"}},
         "name",
         "tegn som ikke kan brukes",
         ""},
        {"/arenaer",
         {{"kind", "other"}, {"name", "Sentrum"}, {"offers", ""}},
         "offers",
         "Fyll ut",
         "Sentrum"},
        {"/arenaer",
         {{"kind", "other"}, {"name", "Sentrum"}, {"offers", long_offers}},
         "offers",
         "høyst 2000 tegn",
         "Sentrum"},
        {"/ansvar",
         {{"area", ""}, {"responsible", "Kommuneoverlege"}},
         "area",
         "Fyll ut",
         "Kommuneoverlege"},
        {"/ansvar",
         {{"area", "Veiledning"}, {"responsible", ""}},
         "responsible",
         "Fyll ut",
         "Veiledning"},
        {"/ansvar",
         {{"area", "Veiledning"},
          {"responsible", "Veilederne"},
          {"description", std::string(1001, 'c')}},
         "description",
         "høyst 1000 tegn",
         "Veilederne"},
    };
    const auto audit_before = audit_rows();
    for (const auto& c : cases) {
        SCOPED_TRACE(c.path + " " + c.field + ": " + c.message);
        const auto r = form_post(leader, "/kommuner/4601/utdanningsplan" + c.path, c.fields);
        ASSERT_EQ(r.result(), http::status::unprocessable_entity);
        const std::string& body = r.body();
        EXPECT_TRUE(contains(body, "class=\"ds-error-summary\""));
        EXPECT_TRUE(contains(body, "href=\"#" + c.field + "\""));
        const auto at = body.find("id=\"" + c.field + "-error\">");
        ASSERT_NE(at, std::string::npos) << "a message next to the field";
        EXPECT_NE(body.substr(at, 300).find(c.message), std::string::npos) << body.substr(at, 300);
        EXPECT_TRUE(contains(body, "aria-invalid=\"true\""));
        if (!c.kept.empty()) {
            EXPECT_TRUE(contains(body, c.kept)) << "the user's input is kept";
        }
    }
    EXPECT_EQ(audit_rows(), audit_before) << "a refused form leaves no audit row";
    server.database().read([](const store::Snapshot& s) {
        EXPECT_TRUE(s.municipalities().learning_arenas("4601").empty());
        EXPECT_TRUE(s.municipalities().responsibilities("4601").empty());
        EXPECT_TRUE(s.municipalities().status_history("4601").empty());
        EXPECT_FALSE(s.municipalities().general_plan_change("4601").has_value());
        EXPECT_EQ(s.municipalities().find("4601")->enterprise_status,
                  domain::EnterpriseStatus::registered);
    });
}

TEST_F(GeneralPlan, OnlyTheMunicipalitysOwnLeaderMayEditIt) {
    for (const char* email :
         {"leder@tromso.no", "kontor@bergen.no", "alis@bergen.no", "nasjonal@a.no", "admin@a.no"}) {
        SCOPED_TRACE(email);
        const auto who = *client::login(server.port(), email, kTestPassword);
        EXPECT_EQ(client::get(server.port(), "/kommuner/4601/utdanningsplan/rediger", who.headers())
                      .result(),
                  http::status::forbidden);
        EXPECT_EQ(form_post(who, "/kommuner/4601/utdanningsplan/arenaer", kArena).result(),
                  http::status::forbidden);
        EXPECT_EQ(client::request(server.port(), http::verb::put,
                                  "/api/v1/municipalities/4601/general-plan/status",
                                  R"({"status":"not_registered","valid_from":"2026-01-01"})",
                                  "application/json", who.post_headers(server.port()))
                      .result(),
                  http::status::forbidden);
    }
    server.database().read([](const store::Snapshot& s) {
        EXPECT_TRUE(s.municipalities().learning_arenas("4601").empty());
        EXPECT_TRUE(s.municipalities().status_history("4601").empty());
    });
    // Anonymous: to the login page, and no write.
    EXPECT_EQ(anonymous_get("/kommuner/4601/utdanningsplan/rediger").result(),
              http::status::see_other);
    // The leader's own edit page works, and links the public page.
    const auto own =
        client::get(server.port(), "/kommuner/4601/utdanningsplan/rediger", leader.headers());
    ASSERT_EQ(own.result(), http::status::ok);
    EXPECT_TRUE(contains(own.body(), "href=\"/kommuner/4601/utdanningsplan\""));
}

TEST_F(GeneralPlan, ALeaderCannotReachAnotherMunicipalitysArenaThroughTheirOwnNumber) {
    const auto created = api(http::verb::post, "/api/v1/municipalities/4601/general-plan/arenas",
                             {{"kind", "gp_office"}, {"name", "Bergen"}, {"offers", "Alt"}});
    ASSERT_EQ(created.result(), http::status::created);
    const auto id = std::to_string(json::parse(created.body()).at("id").as_int64());
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    EXPECT_EQ(
        form_post(tromso, "/kommuner/5501/utdanningsplan/arenaer/" + id + "/fjern", {}).result(),
        http::status::not_found);
    EXPECT_EQ(client::request(server.port(), http::verb::delete_,
                              "/api/v1/municipalities/5501/general-plan/arenas/" + id, "", "",
                              tromso.post_headers(server.port()))
                  .result(),
              http::status::not_found);
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.municipalities().learning_arenas("4601");
                  })
                  .size(),
              1u);
}

TEST_F(GeneralPlan, TheLeadersOverviewLinksTheEditPageAndTheOfficesOnlyThePublicPlan) {
    const auto own = client::get(server.port(), "/kommuner/4601/oversikt", leader.headers());
    ASSERT_EQ(own.result(), http::status::ok);
    EXPECT_TRUE(contains(own.body(), "href=\"/kommuner/4601/utdanningsplan/rediger\""));
    const auto office = *client::login(server.port(), "kontor@bergen.no", kTestPassword);
    const auto read = client::get(server.port(), "/kommuner/4601/oversikt", office.headers());
    ASSERT_EQ(read.result(), http::status::ok);
    EXPECT_FALSE(contains(read.body(), "/utdanningsplan/rediger"));
    EXPECT_TRUE(contains(read.body(), "href=\"/kommuner/4601/utdanningsplan\""));
    EXPECT_TRUE(contains(anonymous_get("/").body(), "href=\"/kommuner/4601/utdanningsplan\""));
}

}  // namespace general_plan_test
}  // namespace alis::web
