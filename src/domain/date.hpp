#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alis::domain {

// A date split into its calendar fields; month is 1-12.
struct YearMonthDay {
    int year = 1970;
    int month = 1;
    int day = 1;
};

// A calendar date in the proleptic Gregorian calendar, without time zone.
// "Today" is always passed in as a Date; nothing in domain/ reads a clock.
class Date {
  public:
    // The epoch day 0 is 1970-01-01.
    constexpr Date() = default;

    // Builds a date from year, month (1-12) and day; returns nullopt for a date that does not
    // exist.
    static std::optional<Date> from_ymd(int year, int month, int day);

    // Parses exactly "YYYY-MM-DD"; returns nullopt for any other text or a date that does not
    // exist.
    static std::optional<Date> parse_iso(std::string_view text);

    // Builds a date from a count of days since 1970-01-01.
    static constexpr Date from_days(std::int32_t days) {
        Date d;
        d.days_ = days;
        return d;
    }

    std::int32_t days_since_epoch() const { return days_; }
    int year() const;
    int month() const;
    int day() const;
    // Year, month and day at once (one conversion instead of three).
    YearMonthDay ymd() const;

    // "2026-11-22".
    std::string iso() const;
    // "22.11.2026", as Norwegian users write dates.
    std::string norwegian() const;

    Date plus_days(std::int32_t n) const { return from_days(days_ + n); }
    // The first day of this date's month.
    Date first_of_month() const;
    // The last day of this date's month.
    Date last_of_month() const;
    // The same day `n` calendar months later (earlier for a negative `n`), clamped to the last
    // day of a shorter month: 31 January plus one month is 28 (or 29) February.
    Date plus_months(int n) const;

    friend constexpr auto operator<=>(Date, Date) = default;

  private:
    std::int32_t days_ = 0;
};

// A calendar month, e.g. November 2026: the unit of the stability calendar (docs/statistics.md).
struct Month {
    int year = 1970;
    int month = 1;  // 1-12.

    // The month `d` falls in.
    static Month of(Date d);
    // Parses exactly "YYYY-MM" (year 1900-9999, month 01-12); nullopt for any other text.
    static std::optional<Month> parse_iso(std::string_view text);

    Date first_day() const;
    Date last_day() const;
    // The month `n` months later (earlier for a negative n).
    Month plus(int n) const;
    // "2026-11".
    std::string iso() const;

    friend constexpr auto operator<=>(const Month&, const Month&) = default;
};

// The number of months from `from` to `to`: 0 for the same month, negative when `to` is earlier.
int months_between(Month from, Month to);

// Number of days in the given month (1-12) of the given year.
int days_in_month(int year, int month);

bool is_leap_year(int year);

// "22.11.2026" of a stored instant "2026-11-22T10:15:30Z": the day it fell on in UTC, as the pages
// show when something was recorded; the instant as it is when it starts with no date.
std::string norwegian_day(std::string_view instant);

}  // namespace alis::domain
