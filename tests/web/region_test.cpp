// Journey 7: the regional office sees the municipalities of its region with counts, on a small
// hand-made data set whose answers are known, and opens a municipality's overview read-only.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace region_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;

domain::Date day(const char* iso) {
    return *domain::Date::parse_iso(iso);
}

class Region : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4627", "Askøy", "Bergen");
        testing::add_municipality(db, "4624", "Bjørnafjorden", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        db.write([](store::UnitOfWork& w) {
            domain::Municipality askoy;
            askoy.number = "4627";
            askoy.name = "Askøy";
            askoy.county = "Vestland";
            askoy.centrality_class = 3;
            askoy.enterprise_status = domain::EnterpriseStatus::not_registered;
            askoy.alis_office = "Bergen";
            w.municipalities().put(askoy);
        });
        // Bergen: Alfa has GP-list service only, so institution service is neither met nor
        // planned (at risk), and a supervisor. Gamma's plan reaches completion (GP list, six
        // planned months of institution service, GP list again), and has no supervisor.
        alfa = testing::add_trainee(db, "Alfa", "4601", "2021-01-01");
        const auto gamma = testing::add_trainee(db, "Gamma", "4601", "2024-01-01", "2026-12-31");
        db.write([&](store::UnitOfWork& w) {
            domain::Employment e;
            e.person_id = gamma;
            e.municipality_number = "4601";
            e.post_type = domain::PostType::institution;
            e.starts_on = day("2027-01-01");
            e.ends_on = day("2027-06-30");
            // The ledger counts service periods; each employment here has one.
            domain::ServicePeriod period;
            period.person_id = gamma;
            period.employment_id = w.people().add_employment(e);
            period.arena = domain::Arena::institution;
            period.place = "Haukeland";
            period.starts_on = e.starts_on;
            period.ends_on = e.ends_on;
            w.people().add_service_period(period);
            e.post_type = domain::PostType::gp_list;
            e.starts_on = day("2027-07-01");
            e.ends_on.reset();
            period.employment_id = w.people().add_employment(e);
            period.arena = domain::Arena::open_general_practice;
            period.place = "Sentrum legekontor";
            period.starts_on = e.starts_on;
            period.ends_on.reset();
            w.people().add_service_period(period);
        });
        testing::add_trainee(db, "Sluttet", "4601", "2020-01-01", "2025-12-31");
        // Askøy is not a registered education enterprise: its two trainees are at risk.
        const auto delta = testing::add_trainee(db, "Delta", "4627", "2025-01-01");
        const auto epsilon = testing::add_trainee(db, "Epsilon", "4627", "2025-01-01");
        testing::add_trainee(db, "Tromsø-lege", "5501", "2025-01-01");
        // Supervisors registered in Bergen: S1 with Alfa (1 of 2), S2 with none, S3 with Delta
        // and Epsilon (2 of 2, full). Askøy has none.
        std::vector<std::int64_t> supervisors;
        db.write([&](store::UnitOfWork& w) {
            for (const char* name : {"S1", "S2", "S3"}) {
                domain::Person p;
                p.full_name = name;
                p.training_status = domain::TrainingStatus::specialist;
                const auto id = w.people().add(p);
                supervisors.push_back(id);
                domain::Supervisor x;
                x.person_id = id;
                x.municipality_number = "4601";
                x.office = "Sentrum legesenter";
                x.home_municipality_number = "4601";
                x.registered_on = day("2024-01-01");
                w.supervisors().add(x);
            }
        });
        testing::assign_supervisor(db, supervisors[0], alfa);
        testing::assign_supervisor(db, supervisors[2], delta);
        testing::assign_supervisor(db, supervisors[2], epsilon);
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "kontor@bodo.no", domain::Role::regional_office,
                             std::nullopt, "Bodø");
        testing::add_account(server.app(), "nasjonal@hdir.no", domain::Role::national);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        office = *client::login(server.port(), "kontor@bergen.no", kTestPassword);
    }

    client::Response get(const client::SignedIn& who, const std::string& path) {
        return client::get(server.port(), path, who.headers());
    }

    testing::TestServer server;
    client::SignedIn office;
    std::int64_t alfa = 0;
};

TEST_F(Region, CountsPerMunicipalityMatchTheHandMadeData) {
    const auto r = get(office, "/api/v1/regions/Bergen");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto doc = json::parse(r.body());
    const auto& list = doc.at("municipalities").as_array();
    ASSERT_EQ(list.size(), 3u) << "Tromsø belongs to Bodø";
    auto row = [&](const char* name) {
        for (const auto& m : list) {
            if (m.at("name").as_string() == name) {
                return m.as_object();
            }
        }
        ADD_FAILURE() << name << " missing";
        return json::object{};
    };
    const auto bergen = row("Bergen");
    EXPECT_EQ(bergen.at("trainees").as_int64(), 2) << "the one who left is not counted";
    EXPECT_EQ(bergen.at("without_supervisor").as_int64(), 1);
    EXPECT_EQ(bergen.at("at_risk").as_int64(), 1);
    EXPECT_EQ(bergen.at("supervisors_with_free_capacity").as_int64(), 2);
    const auto askoy = row("Askøy");
    EXPECT_EQ(askoy.at("trainees").as_int64(), 2);
    EXPECT_EQ(askoy.at("without_supervisor").as_int64(), 0);
    EXPECT_EQ(askoy.at("at_risk").as_int64(), 2);
    EXPECT_EQ(askoy.at("supervisors_with_free_capacity").as_int64(), 0);
    const auto bjornafjorden = row("Bjørnafjorden");
    EXPECT_EQ(bjornafjorden.at("trainees").as_int64(), 0);
    EXPECT_EQ(bjornafjorden.at("at_risk").as_int64(), 0);
    const auto& totals = doc.at("totals");
    EXPECT_EQ(totals.at("trainees").as_int64(), 4);
    EXPECT_EQ(totals.at("without_supervisor").as_int64(), 1);
    EXPECT_EQ(totals.at("at_risk").as_int64(), 3);
    EXPECT_EQ(totals.at("supervisors_with_free_capacity").as_int64(), 2);
}

TEST_F(Region, InstitutionServiceInTheIndividualPlanTakesATraineeOutOfRisk) {
    auto bergen_at_risk = [&] {
        const auto doc = json::parse(get(office, "/api/v1/regions/Bergen").body());
        for (const auto& m : doc.at("municipalities").as_array()) {
            if (m.at("name").as_string() == "Bergen") {
                return m.at("at_risk").as_int64();
            }
        }
        return std::int64_t{-1};
    };
    ASSERT_EQ(bergen_at_risk(), 1) << "Alfa: GP list only, no institution service anywhere";
    // Alfa's individual plan: six months at the hospital, then the GP list again. Nothing in the
    // service periods changes; the plan alone reaches completion.
    testing::add_education_plan(
        server.database(), alfa, "2026-11-01",
        {{domain::Arena::institution, "Haukeland", "2027-01-01", "2027-06-30"},
         {domain::Arena::open_general_practice, "Sentrum legekontor", "2027-07-01", "2028-12-31"}});
    EXPECT_EQ(bergen_at_risk(), 0);
}

TEST_F(Region, TheCountsFollowWritesAtOnce) {
    ASSERT_EQ(json::parse(get(office, "/api/v1/regions/Bergen").body())
                  .at("totals")
                  .at("supervisors_with_free_capacity")
                  .as_int64(),
              2);
    server.database().write([](store::UnitOfWork& w) { w.supervisors().set_capacity("4601", 1); });
    EXPECT_EQ(json::parse(get(office, "/api/v1/regions/Bergen").body())
                  .at("totals")
                  .at("supervisors_with_free_capacity")
                  .as_int64(),
              1)
        << "S1 is now full; the cached answer is not reused after a write";
}

TEST_F(Region, ThePageLinksEachMunicipalitysOverviewWhichTheOfficeReadsOnly) {
    const auto page = get(office, "/regioner/Bergen");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("href=\"/kommuner/4601/oversikt\""), std::string::npos);
    EXPECT_NE(page.body().find("href=\"/kommuner/4627/oversikt\""), std::string::npos);
    EXPECT_EQ(page.body().find("Tromsø"), std::string::npos);
    EXPECT_NE(page.body().find("Ikke registrert"), std::string::npos);
    EXPECT_EQ(get(office, "/kommuner/4627/oversikt").result(), http::status::ok);
    EXPECT_EQ(get(office, "/kommuner/5501/oversikt").result(), http::status::forbidden);
    const auto me = get(office, "/meg").body();
    EXPECT_NE(me.find("href=\"/regioner/Bergen\""), std::string::npos);
}

TEST_F(Region, OnlyThatOfficeAndTheNationalAuthoritySeeTheRegion) {
    const auto bodo = *client::login(server.port(), "kontor@bodo.no", kTestPassword);
    const auto leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    const auto national = *client::login(server.port(), "nasjonal@hdir.no", kTestPassword);
    EXPECT_EQ(get(bodo, "/api/v1/regions/Bergen").result(), http::status::forbidden);
    EXPECT_EQ(get(bodo, "/regioner/Bergen").result(), http::status::forbidden);
    EXPECT_EQ(get(bodo, "/api/v1/regions/Bod%C3%B8").result(), http::status::ok);
    EXPECT_EQ(get(office, "/api/v1/regions/Bod%C3%B8").result(), http::status::forbidden);
    EXPECT_EQ(get(leader, "/api/v1/regions/Bergen").result(), http::status::forbidden);
    EXPECT_EQ(get(national, "/api/v1/regions/Bergen").result(), http::status::ok);
    EXPECT_EQ(get(national, "/api/v1/regions/Ingensteds").result(), http::status::not_found);
    EXPECT_EQ(client::get(server.port(), "/api/v1/regions/Bergen").result(),
              http::status::unauthorized);
}

}  // namespace region_test
}  // namespace alis::web
