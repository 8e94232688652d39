// Journey 1: the leader's overview of the doctors in training, with sorting, filtering and the
// same columns as CSV and Excel.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace {

using testing::kTestPassword;
namespace client = testing::client;

class MunicipalityOverview : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4621", "Voss", "Bergen");
        early = testing::add_trainee(db, "Berit Tidlig", "4601", "2021-01-01");
        late = testing::add_trainee(db, "Anders Sen", "4601", "2025-01-01");
        testing::add_trainee(db, "Vera Voss", "4621", "2021-01-01");
        testing::add_trainee(db, "Tidligere Ansatt", "4601", "2020-01-01", "2024-12-31");
        const auto supervisor = testing::add_trainee(db, "Veileder", "4621");
        testing::assign_supervisor(db, supervisor, early);
        // Berit has a plan, but it holds no institution service.
        testing::add_education_plan(
            db, early, "2026-06-01",
            {{domain::Arena::open_general_practice, "Legekontoret", "2021-01-01", "2027-12-31"}});
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        session = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    client::Response get(const std::string& path) {
        return client::get(server.port(), path, session.headers());
    }

    testing::TestServer server;
    testing::client::SignedIn session;
    std::int64_t early = 0;
    std::int64_t late = 0;
};

TEST_F(MunicipalityOverview, ListsTheTraineesEmployedTodayWithProgressAndWarnings) {
    const auto r = get("/api/v1/municipalities/4601/trainees");
    ASSERT_EQ(r.result(), http::status::ok);
    const auto doc = boost::json::parse(r.body());
    const auto& trainees = doc.at("trainees").as_array();
    ASSERT_EQ(trainees.size(), 2u) << "Voss's trainee and the one who left are not listed";
    // Sorted by name by default.
    EXPECT_EQ(trainees[0].at("name").as_string(), "Anders Sen");
    EXPECT_EQ(trainees[1].at("name").as_string(), "Berit Tidlig");
    EXPECT_EQ(trainees[0].at("warning").as_string(), "no_supervisor");
    EXPECT_EQ(trainees[1].at("warning").as_string(), "institution_not_planned");
    EXPECT_EQ(trainees[1].at("supervisors").as_array().size(), 1u);
    EXPECT_EQ(trainees[0].at("required_months").to_number<double>(), 60.0);
    // Berit: 2021-01-01..2026-11-22 at 100 % is 70.7 calendar months; the total caps at 54
    // months of GP list practice.
    EXPECT_EQ(trainees[1].at("counted_months").to_number<double>(), 54.0);
}

TEST_F(MunicipalityOverview, SortsAndFiltersOnTheServer) {
    auto names = [&](const std::string& query) {
        const auto doc =
            boost::json::parse(get("/api/v1/municipalities/4601/trainees" + query).body());
        std::vector<std::string> result;
        for (const auto& t : doc.at("trainees").as_array()) {
            result.emplace_back(t.at("name").as_string());
        }
        return result;
    };
    EXPECT_EQ(names("?sorter=fremdrift"), (std::vector<std::string>{"Berit Tidlig", "Anders Sen"}));
    EXPECT_EQ(names("?filter=uten-veileder"), (std::vector<std::string>{"Anders Sen"}));
    EXPECT_EQ(names("?filter=varsler").size(), 2u);
    EXPECT_EQ(names("?sorter=tull&filter=tull").size(), 2u) << "unknown values fall back";
    const auto page = get("/kommuner/4601/oversikt?sorter=fremdrift&filter=uten-veileder");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("Mangler veileder"), std::string::npos);
    EXPECT_EQ(page.body().find("Berit Tidlig"), std::string::npos);
    EXPECT_NE(page.body().find("oversikt.csv?sorter=fremdrift&amp;filter=uten-veileder"),
              std::string::npos);
}

TEST_F(MunicipalityOverview, CsvAndExcelCarryTheSameColumns) {
    const auto csv = get("/kommuner/4601/oversikt.csv");
    ASSERT_EQ(csv.result(), http::status::ok);
    EXPECT_EQ(csv[http::field::content_type], "text/csv; charset=utf-8");
    EXPECT_NE(csv[http::field::content_disposition].find("alis-4601.csv"), std::string::npos);
    const std::string& body = csv.body();
    EXPECT_NE(body.find("\"Navn\";\"HPR-nummer\";\"Stilling\""), std::string::npos);
    EXPECT_NE(body.find("\"Berit Tidlig\""), std::string::npos);
    EXPECT_NE(body.find("\"54,00 / 60,00\""), std::string::npos);
    EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 3) << "header and two rows";

    const auto xlsx = get("/kommuner/4601/oversikt.xlsx");
    ASSERT_EQ(xlsx.result(), http::status::ok);
    EXPECT_EQ(xlsx[http::field::content_type],
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_TRUE(xlsx.body().starts_with("PK")) << "an Office Open XML zip";
    EXPECT_GT(xlsx.body().size(), 3000u);
}

TEST_F(MunicipalityOverview, FormulaLikeNamesAreDefusedInCsv) {
    testing::add_trainee(server.database(), "=HYPERLINK(\"http://x\")", "4601");
    const auto body = get("/kommuner/4601/oversikt.csv").body();
    EXPECT_NE(body.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << body;
}

TEST_F(MunicipalityOverview, AListReadIsAuditedOncePerPersonPerWindow) {
    auto reads_of = [&](std::int64_t person) {
        int n = 0;
        for (const auto& e : server.database().read(
                 [&](const store::Snapshot& s) { return s.audit().events_about(person, 100); })) {
            n += e.action == "person.read" ? 1 : 0;
        }
        return n;
    };
    ASSERT_EQ(get("/kommuner/4601/oversikt").result(), http::status::ok);
    EXPECT_EQ(reads_of(early), 1);
    EXPECT_EQ(reads_of(late), 1);
    // Re-sorting and downloading within the window: the trail already says the leader saw them.
    ASSERT_EQ(get("/kommuner/4601/oversikt?sorter=fremdrift").result(), http::status::ok);
    ASSERT_EQ(get("/kommuner/4601/oversikt.csv").result(), http::status::ok);
    EXPECT_EQ(reads_of(early), 1);
    // Another account sees them: audited for that account.
    testing::add_account(server.app(), "leder2@bergen.no", domain::Role::leader, "4601");
    const auto other = *client::login(server.port(), "leder2@bergen.no", kTestPassword);
    ASSERT_EQ(client::get(server.port(), "/kommuner/4601/oversikt", other.headers()).result(),
              http::status::ok);
    EXPECT_EQ(reads_of(early), 2);
    // After the window, the same list is audited again.
    server.advance_clock(ListReadWindow::kListReadWindowSeconds);
    session = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    ASSERT_EQ(get("/kommuner/4601/oversikt").result(), http::status::ok);
    EXPECT_EQ(reads_of(early), 3);
    EXPECT_EQ(reads_of(late), 3);  // Once by each leader, then again after the window.
}

TEST_F(MunicipalityOverview, ProjectedCompletionFollowsTheIndividualPlan) {
    auto completion_of = [&](const char* name) {
        const auto doc = boost::json::parse(get("/api/v1/municipalities/4601/trainees").body());
        for (const auto& t : doc.at("trainees").as_array()) {
            if (t.at("name").as_string() == name) {
                return t.at("projected_completion");
            }
        }
        ADD_FAILURE() << name << " missing";
        return boost::json::value{};
    };
    // Berit's plan holds no institution service: the plan never reaches completion.
    EXPECT_TRUE(completion_of("Berit Tidlig").is_null());
    EXPECT_NE(get("/kommuner/4601/oversikt").body().find("Ikke innen planen"), std::string::npos);
    // A revision plans six months at the hospital from 2027: her projected completion is the
    // plan's, though her service periods do not change. 54 of 60 months are counted on
    // 2026-11-22 (GP list capped); the hospital's six months complete the 60 and the
    // institution requirement on 2027-06-30.
    testing::add_education_plan(
        server.database(), early, "2026-11-20",
        {{domain::Arena::institution, "Haukeland", "2027-01-01", "2027-06-30"}});
    const auto completion = completion_of("Berit Tidlig");
    ASSERT_TRUE(completion.is_string()) << completion;
    EXPECT_EQ(completion.as_string(), "2027-06-30");
    EXPECT_NE(get("/kommuner/4601/oversikt").body().find("30.06.2027"), std::string::npos);
}

TEST_F(MunicipalityOverview, AChangeShowsAtOnceInEverySortAndFormat) {
    // Read every form once, so each is cached.
    const std::vector<std::string> paths = {
        "/kommuner/4601/oversikt", "/kommuner/4601/oversikt?sorter=ferdig",
        "/kommuner/4601/oversikt.csv", "/api/v1/municipalities/4601/trainees"};
    for (const auto& path : paths) {
        ASSERT_EQ(get(path).result(), http::status::ok) << path;
        EXPECT_EQ(get(path).body().find("Nils Ny"), std::string::npos) << path;
    }
    // A write through another Database object on the same database: another process (the CLI, a
    // second server) that this server's caches cannot hear about directly.
    auto other = store::open_database(server.database_url(), 1);
    testing::add_trainee(*other, "Nils Ny", "4601", "2026-01-01");
    for (const auto& path : paths) {
        EXPECT_NE(get(path).body().find("Nils Ny"), std::string::npos) << path;
    }
    // A change of a row already listed shows as well: Anders gets a supervisor.
    const auto supervisor = testing::add_trainee(*other, "Siri Veileder", "4621");
    testing::assign_supervisor(*other, supervisor, late);
    const auto doc = boost::json::parse(get("/api/v1/municipalities/4601/trainees").body());
    for (const auto& t : doc.at("trainees").as_array()) {
        if (t.at("name").as_string() == "Anders Sen") {
            EXPECT_EQ(t.at("supervisors").as_array().size(), 1u);
        }
    }
}

TEST_F(MunicipalityOverview, TheRegionalOfficeNeverGetsTheLeadersCachedPage) {
    // The leader's page (with the links to the forms) is computed and cached first.
    const auto leader_page = get("/kommuner/4601/oversikt");
    ASSERT_EQ(leader_page.result(), http::status::ok);
    ASSERT_NE(leader_page.body().find("/kommuner/4601/leger/ny"), std::string::npos);
    testing::add_account(server.app(), "kontor@alis.no", domain::Role::regional_office,
                         std::nullopt, "Bergen");
    const auto office = *client::login(server.port(), "kontor@alis.no", kTestPassword);
    const auto office_page =
        client::get(server.port(), "/kommuner/4601/oversikt", office.headers());
    ASSERT_EQ(office_page.result(), http::status::ok);
    EXPECT_NE(office_page.body().find("Berit Tidlig"), std::string::npos);
    EXPECT_EQ(office_page.body().find("/kommuner/4601/leger/ny"), std::string::npos);
    EXPECT_EQ(office_page.body().find("/veileder\""), std::string::npos)
        << "no links to assign a supervisor";
    // The signed-in bar is the reader's own, not the one of whoever filled the cache.
    EXPECT_EQ(office_page.body().find(session.csrf_token), std::string::npos);
}

TEST_F(MunicipalityOverview, UnknownMunicipalityIs404) {
    EXPECT_EQ(get("/kommuner/9999/oversikt").result(), http::status::not_found);
}

}  // namespace
}  // namespace alis::web
