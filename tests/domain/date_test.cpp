#include "domain/date.hpp"

#include <gtest/gtest.h>

namespace alis::domain {
namespace date_test {

TEST(Date, ParsesAndFormatsIsoAndNorwegian) {
    const auto d = Date::parse_iso("2026-11-22");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->iso(), "2026-11-22");
    EXPECT_EQ(d->norwegian(), "22.11.2026");
    EXPECT_EQ(d->year(), 2026);
    EXPECT_EQ(d->month(), 11);
    EXPECT_EQ(d->day(), 22);
}

TEST(Date, RefusesDatesThatDoNotExist) {
    for (const char* text : {"2023-02-29", "2023-02-30", "2024-13-01", "2024-00-10", "2024-04-31",
                             "2024-4-01", "24-04-01", "2024/04/01", "", "2024-04-0x"}) {
        EXPECT_FALSE(Date::parse_iso(text).has_value()) << text;
    }
    EXPECT_TRUE(Date::parse_iso("2024-02-29").has_value());
    EXPECT_TRUE(Date::parse_iso("2000-02-29").has_value());
    EXPECT_FALSE(Date::parse_iso("1900-02-29").has_value());
}

TEST(Date, EpochAndArithmetic) {
    EXPECT_EQ(Date::parse_iso("1970-01-01")->days_since_epoch(), 0);
    const Date d = *Date::parse_iso("2024-02-28");
    EXPECT_EQ(d.plus_days(1).iso(), "2024-02-29");
    EXPECT_EQ(d.plus_days(2).iso(), "2024-03-01");
    EXPECT_EQ(d.first_of_month().iso(), "2024-02-01");
    EXPECT_EQ(d.last_of_month().iso(), "2024-02-29");
    EXPECT_LT(*Date::parse_iso("2023-12-31"), *Date::parse_iso("2024-01-01"));
}

TEST(Date, PlusMonthsKeepsTheDayClampedToTheMonthEnd) {
    struct Case {
        const char* from;
        int months;
        const char* expected;
    };
    for (const Case& c : {
             Case{"2023-01-15", 3, "2023-04-15"},
             Case{"2023-01-31", 1, "2023-02-28"},
             Case{"2024-01-31", 1, "2024-02-29"},
             Case{"2023-11-30", 3, "2024-02-29"},
             Case{"2023-03-31", 3, "2023-06-30"},
             Case{"2023-10-31", 3, "2024-01-31"},
             Case{"2023-12-01", 1, "2024-01-01"},
             Case{"2024-02-29", 12, "2025-02-28"},
             Case{"2024-03-31", -1, "2024-02-29"},
             Case{"2024-01-15", -13, "2022-12-15"},
             Case{"2024-05-20", 0, "2024-05-20"},
         }) {
        EXPECT_EQ(Date::parse_iso(c.from)->plus_months(c.months).iso(), c.expected)
            << c.from << " + " << c.months;
    }
}

TEST(Date, DaysInMonth) {
    EXPECT_EQ(days_in_month(2023, 2), 28);
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2024, 4), 30);
    EXPECT_EQ(days_in_month(2024, 12), 31);
}

}  // namespace date_test
}  // namespace alis::domain
