// Coverage of the grant through the real server: the leader sees the municipality's own ALIS with
// their costs, the regional office only its region's sums, the national administrator only sums
// (never a named doctor's salary), and groups of fewer than five are withheld.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

#include "app/money_rules.hpp"
#include "domain/budget.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/money_fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace coverage_test {

namespace json = boost::json;
using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

// A salary no other figure of the test comes near, to look for in every answer.
constexpr int kKarisSalary = 1'234'567;

class Coverage : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4627", "Askøy", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        for (const auto* name :
             {"Kari Nordmann", "Ola Nordmann", "Per Hansen", "Siv Berg", "Tor Lie"}) {
            signed_post(testing::add_trainee(db, name, "4601", "2022-01-01"));
        }
        kari = db.read([](const store::Snapshot& s) {
            return s.people().trainees_employed_by("4601", TestServer::fixed_today()).front().id;
        });
        signed_post(testing::add_trainee(db, "Anne Askøy", "4627", "2022-01-01"));
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "kontor@bodo.no", domain::Role::regional_office,
                             std::nullopt, "Bodø");
        testing::add_account(server.app(), "nasjonal@hdir.no", domain::Role::national);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
        const json::object defaults{{"salary", 1'000'000}, {"bonus", 100'000},
                                    {"office", 200'000},   {"list_length", 600},
                                    {"zone", "1"},         {"fee_for_service", 500'000}};
        for (const auto* number : {"4601", "4627"}) {
            const auto r = put(
                "/api/v1/municipalities/" + std::string(number) + "/cost-defaults/2025", defaults);
            ASSERT_EQ(r.result(), http::status::ok) << number << r.body();
        }
        const auto r = put("/api/v1/municipalities/4601/cost-inputs/2025/" + std::to_string(kari),
                           {{"salary", kKarisSalary}});
        ASSERT_EQ(r.result(), http::status::ok) << r.body();
    }

    void signed_post(std::int64_t person) {
        testing::add_signed_agreement(server.database(), person, "2022-01-01", "2021-12-01");
    }
    client::Response put(const std::string& path, const json::object& body) {
        // Cost inputs are the leader's: Askøy's defaults need Askøy's leader.
        if (path.find("/4627/") != std::string::npos) {
            testing::add_account(server.app(), "leder@askoy.no", domain::Role::leader, "4627");
            const auto askoy = *client::login(server.port(), "leder@askoy.no", kTestPassword);
            return client::request(server.port(), http::verb::put, path, json::serialize(body),
                                   "application/json", askoy.post_headers(server.port()));
        }
        return client::request(server.port(), http::verb::put, path, json::serialize(body),
                               "application/json", leader.post_headers(server.port()));
    }
    client::Response get(const std::string& path, const std::string& email) {
        const auto who = *client::login(server.port(), email, kTestPassword);
        return client::get(server.port(), path, who.headers());
    }
    static json::object parsed(const client::Response& r) {
        return json::parse(r.body()).as_object();
    }

    TestServer server;
    std::int64_t kari = 0;
    client::SignedIn leader;
};

TEST_F(Coverage, TheLeaderSeesEachOwnAlisWithCostAndTheGrantOfTheClaim) {
    const auto r = get("/api/v1/municipalities/4601/coverage", "leder@bergen.no");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto body = parsed(r);
    EXPECT_EQ(body.at("year"), 2025) << "by default the latest year whose refund period began";
    const auto& alis = body.at("alis").as_array();
    ASSERT_EQ(alis.size(), 5u);
    std::int64_t grants = 0;
    std::int64_t karis = 0;
    std::int64_t others = 0;
    for (const auto& a : alis) {
        grants += a.at("grant_ore").as_int64();
        const auto expenses = a.at("expenses_ore").as_int64();
        (a.at("person_id").as_int64() == kari ? karis : others) = expenses;
        const auto grant = a.at("grant_ore").as_int64();
        const auto cost = a.at("cost_before_grant_ore").as_int64();
        ASSERT_GT(cost, 0);
        EXPECT_EQ(a.at("coverage_per_mille").as_int64(), (grant * 2000 + cost) / (2 * cost))
            << "grant / cost in tenths of a percent, half up";
    }
    EXPECT_GT(karis, others) << "her own salary over the default";
    const auto claim =
        parsed(get("/api/v1/municipalities/4601/grant-claim?grant_year=2025", "leder@bergen.no"));
    EXPECT_EQ(grants, claim.at("total_ore").as_int64()) << "the grant is the claim's";
    EXPECT_GT(grants, 0);
    const auto page = get("/kommuner/4601/dekning", "leder@bergen.no");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("Kari Nordmann"), std::string::npos);
    EXPECT_NE(page.body().find("<svg"), std::string::npos);
    EXPECT_NE(page.body().find("role=\"img\""), std::string::npos);
}

TEST_F(Coverage, TheRegionalOfficeSeesItsRegionsSumsOnlyAndSmallGroupsAreWithheld) {
    const auto r = get("/api/v1/regions/Bergen/coverage", "kontor@bergen.no");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto body = parsed(r);
    EXPECT_FALSE(body.contains("alis"));
    const auto& groups = body.at("groups").as_array();
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].at("key"), "4601");
    EXPECT_EQ(groups[0].at("alis"), 5);
    EXPECT_FALSE(groups[0].at("coverage_per_mille").is_null());
    EXPECT_EQ(groups[1].at("key"), "4627");
    EXPECT_TRUE(groups[1].at("withheld").as_bool()) << "one ALIS in Askøy";
    EXPECT_TRUE(groups[1].at("grant_ore").is_null());
    EXPECT_EQ(body.at("total").at("alis"), 6);
    const auto page = get("/regioner/Bergen/dekning", "kontor@bergen.no");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_EQ(page.body().find("Kari Nordmann"), std::string::npos);
    EXPECT_EQ(page.body().find("Anne Askøy"), std::string::npos);
    for (const auto* path :
         {"/regioner/Bod%C3%B8/dekning", "/dekning", "/api/v1/coverage", "/kommuner/4601/dekning",
          "/api/v1/municipalities/4601/coverage", "/kommuner/4601/tilskudd"}) {
        EXPECT_EQ(get(path, "kontor@bergen.no").result(), http::status::forbidden) << path;
    }
    EXPECT_EQ(get("/regioner/Bergen/dekning", "kontor@bodo.no").result(), http::status::forbidden);
}

TEST_F(Coverage, TheNationalAdministratorSeesSumsButNeverANamedDoctorsSalary) {
    const std::string salary_ore = std::to_string(std::int64_t{kKarisSalary} * 100);
    const std::string salary_kroner = std::to_string(kKarisSalary);
    const std::string salary_shown = domain::format_kroner(domain::Money::kroner(kKarisSalary));
    for (const auto* path : {"/api/v1/coverage", "/dekning", "/meg",
                             "/api/v1/regions/Bergen/coverage", "/regioner/Bergen/dekning"}) {
        const auto r = get(path, "nasjonal@hdir.no");
        ASSERT_EQ(r.result(), http::status::ok) << path;
        for (const auto* name : {"Kari", "Ola", "Per Hansen", "Siv", "Tor Lie", "Anne"}) {
            EXPECT_EQ(r.body().find(name), std::string::npos) << path << " names " << name;
        }
        EXPECT_EQ(r.body().find(salary_ore), std::string::npos) << path;
        EXPECT_EQ(r.body().find(salary_kroner), std::string::npos) << path;
        EXPECT_EQ(r.body().find(salary_shown), std::string::npos) << path;
    }
    const auto body = parsed(get("/api/v1/coverage", "nasjonal@hdir.no"));
    EXPECT_FALSE(body.contains("alis"));
    EXPECT_EQ(body.at("total").at("alis"), 6);
    ASSERT_EQ(body.at("by_pay_model").as_array().size(), 1u);
    EXPECT_EQ(body.at("by_pay_model").as_array()[0].at("key"), "salaried");
    EXPECT_EQ(body.at("by_centrality_class").as_array()[0].at("alis"), 6);
    EXPECT_NE(get("/meg", "nasjonal@hdir.no").body().find("Etter sentralitetsklasse"),
              std::string::npos);
    for (const auto* path : {"/kommuner/4601/dekning", "/api/v1/municipalities/4601/coverage",
                             "/api/v1/municipalities/4601/grant-claim"}) {
        EXPECT_EQ(get(path, "nasjonal@hdir.no").result(), http::status::forbidden) << path;
    }
}

TEST_F(Coverage, CostInputsAreTheLeadersAndBadInputIsRefusedInNorwegian) {
    auto r = put("/api/v1/municipalities/4601/cost-inputs/2023/" + std::to_string(kari),
                 {{"salary", -5}, {"zone", "9"}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    const auto fields = json::parse(r.body()).at("error").at("fields").as_array();
    EXPECT_EQ(fields.size(), 2u);
    r = put("/api/v1/municipalities/4601/cost-inputs/2019/" + std::to_string(kari),
            {{"salary", 1}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity) << "not employed there in 2019";
    EXPECT_NE(r.body().find("ingen ansettelse i kommunen"), std::string::npos);
    EXPECT_EQ(put("/api/v1/municipalities/4601/cost-defaults/abc", {}).result(),
              http::status::not_found);
    // Grant year 2025's refund period begins on 1 September 2024: a doctor who left at the end of
    // 2024 earns part of that grant, so their 2025 inputs may be entered; 2023's may not.
    const auto left =
        testing::add_trainee(server.database(), "Ny Lege", "4601", "2024-10-01", "2024-12-31");
    const auto inputs = "/api/v1/municipalities/4601/cost-inputs/";
    EXPECT_EQ(put(inputs + std::string("2025/") + std::to_string(left), {{"salary", 1}}).result(),
              http::status::ok);
    EXPECT_EQ(put(inputs + std::string("2023/") + std::to_string(left), {{"salary", 1}}).result(),
              http::status::unprocessable_entity);
    EXPECT_EQ(
        get("/kommuner/4601/kostnader/2023/" + std::to_string(left), "leder@bergen.no").result(),
        http::status::not_found);
    EXPECT_EQ(get("/api/v1/coverage?year=2022", "nasjonal@hdir.no").result(),
              http::status::bad_request)
        << "no grant year nor cost rates for 2022";
    const auto office = *client::login(server.port(), "kontor@bergen.no", kTestPassword);
    EXPECT_EQ(client::request(server.port(), http::verb::put,
                              "/api/v1/municipalities/4601/cost-defaults/2023", "{}",
                              "application/json", office.post_headers(server.port()))
                  .result(),
              http::status::forbidden);
}

TEST_F(Coverage, EveryGrantYearWithCostRatesHasCoverageAndSaysItsAmountsAreEstimates) {
    for (const int year : app::coverage_years()) {
        const auto body =
            parsed(get("/api/v1/coverage?year=" + std::to_string(year), "nasjonal@hdir.no"));
        EXPECT_EQ(body.at("year"), year);
        EXPECT_TRUE(body.at("unconfirmed").as_bool()) << year << ": no rate is confirmed";
        // The fixture's cost inputs are for 2025 alone: other years list the ALIS without them.
        EXPECT_EQ(body.at("without_cost_inputs"), year == 2025 ? 0 : 6) << year;
        const auto page =
            get("/kommuner/4601/dekning?year=" + std::to_string(year), "leder@bergen.no");
        ASSERT_EQ(page.result(), http::status::ok) << year;
        EXPECT_NE(page.body().find("Anslag:"), std::string::npos) << year;
    }
    EXPECT_GE(app::coverage_years().size(), 3u) << "2023, 2024 and 2025";
    const auto me = get("/meg", "nasjonal@hdir.no").body();
    EXPECT_NE(me.find("/dekning?year=2025"), std::string::npos) << "the landing's year";
}

// The leader's form of the cost inputs: reached from the coverage page and the doctor's page,
// amounts in kroner as users write them, errors beside the fields with what was typed kept, and
// the ALIS's computed cost beside the form after saving, from the same write as the API's.
TEST_F(Coverage, TheLeaderEntersCostsInAFormAndSeesTheComputedCostBesideIt) {
    const std::string form = "/kommuner/4601/kostnader/2025/" + std::to_string(kari);
    const auto coverage = get("/kommuner/4601/dekning", "leder@bergen.no").body();
    EXPECT_NE(coverage.find("href=\"" + form + "\""), std::string::npos);
    EXPECT_NE(coverage.find("href=\"/kommuner/4601/kostnader/2025\""), std::string::npos);
    EXPECT_NE(get("/personer/" + std::to_string(kari), "leder@bergen.no")
                  .body()
                  .find("href=\"" + form + "\""),
              std::string::npos)
        << "the doctor's page links the form";
    auto page = get(form, "leder@bergen.no");
    ASSERT_EQ(page.result(), http::status::ok) << page.body();
    EXPECT_NE(page.body().find("value=\"1\u00a0234\u00a0567\""), std::string::npos)
        << "the recorded salary, as the form reads it back";
    EXPECT_NE(page.body().find("standardverdi: 1\u00a0000\u00a0000\u00a0kr"), std::string::npos)
        << "an empty field's default";
    const auto post = [&](const std::vector<std::pair<std::string, std::string>>& fields) {
        return client::request(server.port(), http::verb::post, form, client::form_body(fields),
                               "application/x-www-form-urlencoded",
                               leader.post_headers(server.port()));
    };
    auto r = post({{"salary", "1 234 567,5O"}, {"bonus", "12 34"}, {"list_length", "913"}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    EXPECT_NE(r.body().find("id=\"salary-error\""), std::string::npos);
    EXPECT_NE(r.body().find("id=\"bonus-error\""), std::string::npos);
    EXPECT_NE(r.body().find("Skriv beløpet i kroner"), std::string::npos);
    EXPECT_NE(r.body().find("value=\"1 234 567,5O\""), std::string::npos) << "kept as typed";
    EXPECT_NE(r.body().find("value=\"913\""), std::string::npos);
    r = post({{"salary", "1 100 000,50"}, {"courses_and_travel", "40000"}, {"zone", "1a"}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], form + "?lagret=ja");
    const auto stored = server.database().read([](const store::Snapshot& s) {
        return s.grants().cost_entries({"4601", std::nullopt}, 2025);
    });
    const auto mine = std::find_if(stored.begin(), stored.end(),
                                   [&](const auto& e) { return e.person_id == kari; });
    ASSERT_NE(mine, stored.end());
    EXPECT_EQ(mine->entry.salary->in_ore(), 110'000'050) << "exact to the øre";
    EXPECT_EQ(mine->entry.courses_and_travel->in_ore(), 4'000'000);
    EXPECT_FALSE(mine->entry.bonus) << "empty: the default";
    page = get(form + "?lagret=ja", "leder@bergen.no");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("Kostnadene er lagret"), std::string::npos);
    // Beside the form: the same figures as the coverage of the municipality.
    const auto body = parsed(get("/api/v1/municipalities/4601/coverage", "leder@bergen.no"));
    for (const auto& a : body.at("alis").as_array()) {
        if (a.at("person_id").as_int64() == kari) {
            const auto cost = domain::Money::ore(a.at("cost_before_grant_ore").as_int64());
            const auto grant = domain::Money::ore(a.at("grant_ore").as_int64());
            EXPECT_NE(page.body().find(domain::format_kroner(cost)), std::string::npos);
            EXPECT_NE(page.body().find(domain::format_kroner(grant)), std::string::npos);
            EXPECT_NE(
                page.body().find(domain::format_per_mille(a.at("coverage_per_mille").as_int64())),
                std::string::npos);
        }
    }
    // The API answers in øre, exactly, and takes the same kroner.
    r = put("/api/v1/municipalities/4601/cost-inputs/2025/" + std::to_string(kari),
            {{"salary", "1234567,89"}, {"office", 250'000}});
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(parsed(r).at("salary_ore"), 123'456'789);
    EXPECT_EQ(parsed(r).at("office_ore"), 25'000'000);
    // The defaults' form posts through the same write.
    r = client::request(server.port(), http::verb::post, "/kommuner/4601/kostnader/2025",
                        client::form_body({{"salary", "900 000"}}),
                        "application/x-www-form-urlencoded", leader.post_headers(server.port()));
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    // Not the leader's doctor that year, another municipality's form, or anyone else: refused.
    EXPECT_EQ(
        get("/kommuner/4601/kostnader/2019/" + std::to_string(kari), "leder@bergen.no").result(),
        http::status::not_found);
    EXPECT_EQ(get("/kommuner/4627/kostnader/2025", "leder@bergen.no").result(),
              http::status::forbidden);
    for (const auto* who : {"kontor@bergen.no", "nasjonal@hdir.no"}) {
        EXPECT_EQ(get(form, who).result(), http::status::forbidden) << who;
    }
    const auto without_token =
        client::request(server.port(), http::verb::post, form, client::form_body({{"salary", "1"}}),
                        "application/x-www-form-urlencoded", leader.headers());
    EXPECT_EQ(without_token.result(), http::status::forbidden) << "CSRF";
}

TEST_F(Coverage, TheRegionalOfficeReadsThePilotBudgetsAsAlisBudgetComputesThem) {
    const auto page = get("/regioner/Bergen/budsjett", "kontor@bergen.no");
    ASSERT_EQ(page.result(), http::status::ok);
    for (const auto& budget : app::embedded_budgets()) {
        const auto result = domain::compute_budget(budget);
        EXPECT_NE(page.body().find(budget.name), std::string::npos);
        EXPECT_NE(page.body().find(domain::format_kroner(result.net_total)), std::string::npos)
            << budget.name;
        EXPECT_NE(page.body().find(domain::format_kroner(result.gross_per_year)), std::string::npos)
            << budget.name;
    }
    EXPECT_EQ(get("/regioner/Bergen/budsjett", "leder@bergen.no").result(),
              http::status::forbidden);
    EXPECT_EQ(get("/regioner/Bergen/budsjett", "kontor@bodo.no").result(), http::status::forbidden);
}

}  // namespace coverage_test
}  // namespace alis::web
