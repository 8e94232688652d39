// The finding: the ledger refuses a path of more than 1,000 periods by throwing, and one trainee
// with 1,001 leaves made the person's page, the municipality's overview in every format and the
// region page answer 500. Now a list never fails because of one row: the row says "Kan ikke
// beregnes" and why, the rest is served; the person's page shows the record without the ledger.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace ledger_failure_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;

class LedgerFailure : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_trainee(db, "Ola Beregnet", "4601", "2024-01-01");
        broken = testing::add_trainee(db, "Per Permisjon", "4601", "2020-01-01");
        // 1,001 one-day leaves, written past the use cases, as old data or another writer could.
        db.write([&](store::UnitOfWork& w) {
            const auto first = *domain::Date::parse_iso("2020-02-01");
            for (int i = 0; i < 1001; ++i) {
                domain::Leave leave;
                leave.person_id = broken;
                leave.starts_on = leave.ends_on = first.plus_days(i);
                w.people().add_leave(leave);
            }
        });
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "hdir@x.no", domain::Role::national);
    }

    client::Response get(const std::string& email, const std::string& path) {
        const auto who = client::login(server.port(), email, kTestPassword);
        EXPECT_TRUE(who) << email;
        return client::get(server.port(), path, who->headers());
    }

    testing::TestServer server;
    std::int64_t broken = 0;
};

TEST_F(LedgerFailure, EveryListShowsTheOtherTraineesAndSaysWhyOneCannotBeComputed) {
    const std::string reason = "flere perioder";
    const auto html = get("leder@bergen.no", "/kommuner/4601/oversikt");
    ASSERT_EQ(html.result(), http::status::ok) << html.body();
    EXPECT_NE(html.body().find("Ola Beregnet"), std::string::npos);
    EXPECT_NE(html.body().find("Per Permisjon"), std::string::npos);
    EXPECT_NE(html.body().find("Kan ikke beregnes"), std::string::npos);
    EXPECT_NE(html.body().find(reason), std::string::npos);

    for (const char* path : {"/kommuner/4601/oversikt.csv", "/kommuner/4601/oversikt.xlsx"}) {
        const auto r = get("leder@bergen.no", path);
        ASSERT_EQ(r.result(), http::status::ok) << path;
        if (std::string(path).ends_with(".csv")) {
            EXPECT_NE(r.body().find("Ola Beregnet"), std::string::npos);
            EXPECT_NE(r.body().find("\"Kan ikke beregnes: Utdanningsløpet har flere perioder"),
                      std::string::npos)
                << r.body();
        } else {
            EXPECT_GT(r.body().size(), 1000u);
        }
    }

    const auto api = get("leder@bergen.no", "/api/v1/municipalities/4601/trainees");
    ASSERT_EQ(api.result(), http::status::ok) << api.body();
    const auto doc = json::parse(api.body());
    const auto& rows = doc.at("trainees").as_array();
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& row : rows) {
        if (row.at("name").as_string() == "Per Permisjon") {
            EXPECT_EQ(row.at("error").at("code").as_string(), "ledger_failed");
            EXPECT_NE(std::string(row.at("error").at("message").as_string())
                          .find("at most 1000 are allowed"),
                      std::string::npos);
            EXPECT_TRUE(row.at("counted_months").is_null());
            EXPECT_TRUE(row.at("complete").is_null());
            EXPECT_EQ(row.at("warning").as_string(), "ledger_failed");
        } else {
            EXPECT_TRUE(row.at("error").is_null());
            EXPECT_TRUE(row.at("counted_months").is_number());
        }
    }

    // The region: both trainees counted, the one without a ledger as at risk.
    for (const char* who : {"kontor@bergen.no", "hdir@x.no"}) {
        const auto region = get(who, "/api/v1/regions/Bergen");
        ASSERT_EQ(region.result(), http::status::ok) << who << region.body();
        const auto totals = json::parse(region.body()).at("totals");
        EXPECT_EQ(totals.at("trainees").as_int64(), 2);
        EXPECT_GE(totals.at("at_risk").as_int64(), 1);
        const auto page = get(who, "/regioner/Bergen");
        ASSERT_EQ(page.result(), http::status::ok) << who;
        EXPECT_NE(page.body().find("Bergen"), std::string::npos);
    }
}

TEST_F(LedgerFailure, ThePersonsPageShowsTheRecordAndSaysTheLedgerCannotBeComputed) {
    const std::string person = std::to_string(broken);
    const auto page = get("leder@bergen.no", "/personer/" + person);
    ASSERT_EQ(page.result(), http::status::ok) << page.body();
    EXPECT_NE(page.body().find("Per Permisjon"), std::string::npos);
    EXPECT_NE(page.body().find("Kan ikke beregnes"), std::string::npos);
    EXPECT_NE(page.body().find("flere perioder"), std::string::npos);
    EXPECT_NE(page.body().find("Legekontoret"), std::string::npos) << "the record is shown";

    const auto api = get("leder@bergen.no", "/api/v1/people/" + person);
    ASSERT_EQ(api.result(), http::status::ok) << api.body();
    const auto doc = json::parse(api.body());
    EXPECT_TRUE(doc.at("ledger").is_null());
    EXPECT_EQ(doc.at("ledger_error").at("code").as_string(), "ledger_failed");
    EXPECT_EQ(doc.at("leaves").as_array().size(), 1001u);
}

TEST_F(LedgerFailure, TheEducationPlanSaysWhyInsteadOfFailing) {
    const std::string plan = "/personer/" + std::to_string(broken) + "/utdanningsplan";
    for (const std::string& path : {plan, plan + "/utskrift"}) {
        const auto page = get("leder@bergen.no", path);
        EXPECT_EQ(page.result(), http::status::conflict) << path;
        EXPECT_NE(page.body().find("kan ikke beregnes"), std::string::npos) << path;
    }
    const auto api =
        get("leder@bergen.no", "/api/v1/people/" + std::to_string(broken) + "/education-plan");
    EXPECT_EQ(api.result(), http::status::conflict);
    EXPECT_EQ(json::parse(api.body()).at("error").at("code").as_string(), "ledger_failed");
}

}  // namespace ledger_failure_test
}  // namespace alis::web
