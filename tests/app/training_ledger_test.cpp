// A person's record in the store, read as a training path by the ledger.
#include "app/training_ledger.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace alis::app {
namespace training_ledger_test {

domain::Date day(const char* iso) {
    return *domain::Date::parse_iso(iso);
}

TEST(TrainingLedger, ServicePeriodsAndLeavesBecomePeriods) {
    testing::TempDir dir;
    auto app = testing::open_app(dir.sqlite_url(), testing::fixed_clock(), 1);
    testing::add_municipality(app->database(), "4601", "Bergen", "Bergen");
    std::int64_t id = 0;
    app->database().write([&](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Kari";
        p.lis1_completed = day("2019-08-31");
        p.ruleset = "allmennmedisin-2019";
        id = w.people().add(p);
        domain::ServicePeriod gp;
        gp.person_id = id;
        gp.place = "Sentrum legekontor";
        gp.starts_on = day("2019-09-01");
        gp.ends_on = day("2021-08-31");
        w.people().add_service_period(gp);
        domain::ServicePeriod hospital = gp;
        hospital.arena = domain::Arena::institution;
        hospital.place = "Haukeland universitetssjukehus";
        hospital.starts_on = day("2021-09-01");
        hospital.ends_on = day("2022-02-28");
        w.people().add_service_period(hospital);
        domain::ServicePeriod other = gp;
        other.arena = domain::Arena::other_general_practice;
        other.place = "Kvitsøy sjukeheim";
        other.employer_registered = false;
        other.fte = 60;
        other.starts_on = day("2023-01-01");
        other.ends_on.reset();
        w.people().add_service_period(other);
        domain::Leave leave;
        leave.person_id = id;
        leave.starts_on = day("2022-03-01");
        leave.ends_on = day("2022-12-31");
        w.people().add_leave(leave);
    });
    const auto outcome = person_ledger(*app, id, day("2026-11-22"));
    ASSERT_TRUE(outcome);
    const auto* ledger = std::get_if<PersonLedger>(&*outcome);
    ASSERT_TRUE(ledger);
    const auto& periods = ledger->path.periods;
    ASSERT_EQ(periods.size(), 4u);
    EXPECT_EQ(periods[0].arena, domain::Arena::open_general_practice);
    EXPECT_EQ(periods[1].arena, domain::Arena::institution);
    EXPECT_EQ(periods[2].arena, domain::Arena::other_general_practice);
    EXPECT_EQ(periods[2].fte, 600'000);
    EXPECT_FALSE(periods[2].registered) << "the employer was not a registered education enterprise";
    EXPECT_TRUE(periods[0].registered);
    EXPECT_EQ(periods[3].arena, domain::Arena::leave);
    EXPECT_EQ(ledger->path.lis1_completed, day("2019-08-31"));

    const auto& report = ledger->report;
    EXPECT_EQ(report.ruleset, "allmennmedisin-2019");
    // 24 months of GP list practice and 6 of institution; the unregistered years count nothing.
    EXPECT_EQ(domain::format_months(report.months.total), "30.00");
    bool warned = false;
    for (const auto& w : report.warnings) {
        warned = warned || w.code == domain::WarningCode::unregistered_enterprise;
    }
    EXPECT_TRUE(warned);
    EXPECT_FALSE(person_ledger(*app, id + 99, day("2026-11-22")));
}

TEST(TrainingLedger, EmbeddedRulesetsLoadAndUnknownIdsDoNot) {
    ASSERT_NE(embedded_ruleset("allmennmedisin-2019"), nullptr);
    ASSERT_NE(embedded_ruleset("allmennmedisin-pre2019"), nullptr);
    EXPECT_EQ(embedded_ruleset("allmennmedisin-2019"), embedded_ruleset("allmennmedisin-2019"));
    EXPECT_EQ(embedded_ruleset("no-such-ruleset"), nullptr);
}

}  // namespace training_ledger_test
}  // namespace alis::app
