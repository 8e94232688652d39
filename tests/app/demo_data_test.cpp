// The demo generator: the same seed gives the same data, and the scale option gives exactly the
// number of doctors in training asked for.
#include "app/demo_data.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace alis::app {
namespace {

const domain::Date kToday = *domain::Date::parse_iso("2026-11-22");

TEST(DemoData, BergenGetsExactlyTheTraineesAskedFor) {
    testing::TempDir dir;
    auto app = testing::open_app(dir.sqlite_url(), testing::fixed_clock(kToday), 1);
    const auto summary = load_demo_data(*app, kToday, 2019, 120);
    app->database().read([&](const store::Snapshot& s) {
        EXPECT_EQ(s.people().trainees_employed_by("4601", kToday).size(), 120u);
        // Every one of them has a service period today, so the ledger has something to count.
        for (const auto& person : s.people().trainees_employed_by("4601", kToday)) {
            bool serving = false;
            for (const auto& p : s.people().service_periods_of(person.id)) {
                serving =
                    serving || (p.starts_on <= kToday && (!p.ends_on || kToday <= *p.ends_on));
            }
            EXPECT_TRUE(serving) << person.full_name;
        }
    });
    EXPECT_GT(summary.people, 120);
}

TEST(DemoData, TheSameSeedGivesTheSameData) {
    testing::TempDir a_dir;
    testing::TempDir b_dir;
    auto a = testing::open_app(a_dir.sqlite_url(), testing::fixed_clock(kToday), 1);
    auto b = testing::open_app(b_dir.sqlite_url(), testing::fixed_clock(kToday), 1);
    const auto first = load_demo_data(*a, kToday, 7);
    const auto second = load_demo_data(*b, kToday, 7);
    EXPECT_EQ(first.people, second.people);
    EXPECT_EQ(first.employments, second.employments);
    const auto trainees = [&](Application& app) {
        return app.database().read([&](const store::Snapshot& s) {
            return s.people().trainees_employed_by("4601", kToday);
        });
    };
    const auto a_trainees = trainees(*a);
    const auto b_trainees = trainees(*b);
    ASSERT_EQ(a_trainees.size(), b_trainees.size());
    for (std::size_t i = 0; i < a_trainees.size(); ++i) {
        EXPECT_EQ(a_trainees[i].full_name, b_trainees[i].full_name);
        EXPECT_EQ(a_trainees[i].hpr_number, b_trainees[i].hpr_number);
    }
}

}  // namespace
}  // namespace alis::app
