// The norms of supervision hours (rules/supervision/norms.toml) and the month-by-month count of
// a trainee's meetings against a norm.
#include "domain/supervision.hpp"

#include <gtest/gtest.h>

#include "data_files.hpp"

namespace alis::domain {
namespace supervision_test {

const char* kFile = "rules/supervision/norms.toml";

SupervisionNorms norms() {
    return parse_supervision_norms(testing::read_source_file(kFile), kFile);
}

SupervisionMeeting meeting(const char* day, int minutes, bool closed) {
    SupervisionMeeting m;
    m.held_on = *Date::parse_iso(day);
    m.duration_minutes = minutes;
    if (closed) {
        m.closed_at = "2026-11-20T10:00:00Z";
        m.closed_by = "Siri";
    }
    return m;
}

TEST(SupervisionNorms, TheFileHoldsBothNormsWithTheirSources) {
    const auto n = norms();
    EXPECT_EQ(n.default_id, "scheme_2019");
    const auto* scheme = n.find("scheme_2019");
    ASSERT_NE(scheme, nullptr);
    EXPECT_EQ(scheme->hours_per_month, 4);
    EXPECT_EQ(scheme->months_per_year_tenths, 105);
    EXPECT_EQ(scheme->minutes_per_month(), 210) << "4 h x 10.5 months / 12";
    EXPECT_FALSE(scheme->hours_source.source.empty());
    const auto* vest = n.find("alis_vest");
    ASSERT_NE(vest, nullptr);
    EXPECT_EQ(vest->minutes_per_month(), 120);
    EXPECT_TRUE(vest->months_source.unconfirmed);
    EXPECT_EQ(&n.chosen(""), n.find("scheme_2019"));
    EXPECT_EQ(&n.chosen("ukjent"), n.find("scheme_2019"));
    EXPECT_EQ(&n.chosen("alis_vest"), vest);
}

TEST(SupervisionNorms, ABrokenFileIsRefusedNamingTheKey) {
    const auto parse = [](const std::string& text) { return parse_supervision_norms(text, kFile); };
    testing::expect_refused(
        testing::read_source_file(kFile),
        {
            {"default = \"scheme_2019\"", "default = \"ingen\"", "default", "no such norm"},
            {"value = 4\n", "value = 0\n", "norms[0].hours_per_month.value", "no hours"},
            {"value = 10.5", "value = 10.55", "norms[0].months_per_year.value", "two decimals"},
            {"value = 10.5", "value = 13", "norms[0].months_per_year.value", "over 12 months"},
            {"id = \"alis_vest\"", "id = \"scheme_2019\"", "norms[1].id", "an id twice"},
            {"value = 2\nsource", "value = 2\nsauce", "norms[1].hours_per_month.sauce",
             "a misspelt key"},
            {"unconfirmed = true\n", "", "norms[1].months_per_year", "a value without a source"},
        },
        parse);
}

TEST(SupervisionMonths, ClosedMeetingsCountAsHeldAndOpenOnesApart) {
    const auto n = norms();
    const auto& norm = *n.find("scheme_2019");
    const std::vector<SupervisionMeeting> meetings = {
        meeting("2026-08-31", 60, true),  meeting("2026-09-01", 90, true),
        meeting("2026-09-20", 45, false), meeting("2026-10-05", 120, true),
        meeting("2025-01-01", 600, true),  // Outside the months: ignored.
    };
    const auto months = supervision_months(meetings, norm, *Month::parse_iso("2026-08"),
                                           *Month::parse_iso("2026-10"));
    ASSERT_EQ(months.size(), 3u);
    EXPECT_EQ(months[0].held_minutes, 60);
    EXPECT_EQ(months[1].held_minutes, 90);
    EXPECT_EQ(months[1].open_minutes, 45);
    EXPECT_EQ(months[2].held_minutes, 120);
    EXPECT_EQ(months[2].norm_minutes, 210);
}

TEST(NormWindow, TheLastThreeCompleteMonthsAreComparedWithTheNorm) {
    const auto n = norms();
    const auto& norm = *n.find("scheme_2019");
    const Date today = *Date::parse_iso("2026-11-22");
    // 630 minutes expected over August to October; November does not count yet.
    std::vector<SupervisionMeeting> meetings = {
        meeting("2026-08-10", 210, true), meeting("2026-09-10", 210, true),
        meeting("2026-10-10", 200, true), meeting("2026-11-02", 600, true)};
    auto window = norm_window(meetings, norm, std::nullopt, today);
    EXPECT_EQ(window.months, 3);
    EXPECT_EQ(window.held_minutes, 620);
    EXPECT_EQ(window.norm_minutes, 630);
    EXPECT_TRUE(window.under_norm());
    meetings.push_back(meeting("2026-10-20", 10, true));
    EXPECT_FALSE(norm_window(meetings, norm, std::nullopt, today).under_norm()) << "exactly 630";
    meetings.push_back(meeting("2026-10-21", 600, false));
    EXPECT_EQ(norm_window(meetings, norm, std::nullopt, today).held_minutes, 630)
        << "an open meeting is not held";
    // A trainee who started in October is measured over October alone; one starting this month
    // not at all.
    window = norm_window({}, norm, *Date::parse_iso("2026-10-15"), today);
    EXPECT_EQ(window.months, 1);
    EXPECT_TRUE(window.under_norm());
    window = norm_window({}, norm, *Date::parse_iso("2026-11-01"), today);
    EXPECT_EQ(window.months, 0);
    EXPECT_FALSE(window.under_norm());
}

TEST(FormatHours, MinutesReadAsHoursWithADecimalComma) {
    EXPECT_EQ(format_hours(0), "0");
    EXPECT_EQ(format_hours(240), "4");
    EXPECT_EQ(format_hours(210), "3,5");
    EXPECT_EQ(format_hours(15), "0,25");
    EXPECT_EQ(format_hours(630), "10,5");
    EXPECT_EQ(format_hours(20), "0,33");
    EXPECT_EQ(format_hours(-90), "-1,5");
}

}  // namespace supervision_test
}  // namespace alis::domain
