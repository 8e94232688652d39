#include "domain/date.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace alis::domain {
namespace {

struct Civil {
    int year;
    int month;
    int day;
};

std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    using namespace std::chrono;
    return static_cast<std::int32_t>(
        sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count());
}

Civil civil_from_days(std::int32_t z) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{days{z}}};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) {
        return 29;
    }
    return kDays[month - 1];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return from_days(
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto number = [&](std::size_t pos, std::size_t len) -> int {
        int value = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return -1;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int y = number(0, 4);
    const int m = number(5, 2);
    const int d = number(8, 2);
    if (y < 0 || m < 0 || d < 0) {
        return std::nullopt;
    }
    return from_ymd(y, m, d);
}

int Date::year() const {
    return civil_from_days(days_).year;
}
int Date::month() const {
    return civil_from_days(days_).month;
}
int Date::day() const {
    return civil_from_days(days_).day;
}

YearMonthDay Date::ymd() const {
    const Civil c = civil_from_days(days_);
    return {c.year, c.month, c.day};
}

std::string Date::iso() const {
    const Civil c = civil_from_days(days_);
    if (c.year < 0 || c.year > 9999) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
        return buf;
    }
    // Written by hand: cache keys take this on every request, and snprintf cost 1 % of one.
    std::string text = "0000-00-00";
    const auto digits = [&](std::size_t end, int value, int count) {
        for (int i = 0; i < count; ++i, value /= 10) {
            text[end - static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
        }
    };
    digits(3, c.year, 4);
    digits(6, static_cast<int>(c.month), 2);
    digits(9, static_cast<int>(c.day), 2);
    return text;
}

std::string Date::norwegian() const {
    const Civil c = civil_from_days(days_);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", c.day, c.month, c.year);
    return buf;
}

Date Date::first_of_month() const {
    const Civil c = civil_from_days(days_);
    return from_days(days_ - (c.day - 1));
}

Date Date::last_of_month() const {
    const Civil c = civil_from_days(days_);
    return from_days(days_ + (days_in_month(c.year, c.month) - c.day));
}

Date Date::plus_months(int n) const {
    const Civil c = civil_from_days(days_);
    const int months = c.year * 12 + (c.month - 1) + n;
    const int year = months >= 0 ? months / 12 : (months - 11) / 12;
    const int month = months - year * 12 + 1;
    const int day = std::min(c.day, days_in_month(year, month));
    return from_days(
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Month Month::of(Date d) {
    const auto ymd = d.ymd();
    return {ymd.year, ymd.month};
}

std::optional<Month> Month::parse_iso(std::string_view text) {
    // "YYYY-MM" is the first day's "YYYY-MM-DD" without "-01".
    const auto first = text.size() == 7 ? Date::parse_iso(std::string(text) + "-01") : std::nullopt;
    if (!first || first->year() < 1900) {
        return std::nullopt;
    }
    return of(*first);
}

Date Month::first_day() const {
    return *Date::from_ymd(year, month, 1);
}

Date Month::last_day() const {
    return first_day().last_of_month();
}

Month Month::plus(int n) const {
    return of(first_day().plus_months(n));
}

std::string Month::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

std::string norwegian_day(std::string_view instant) {
    const auto day = Date::parse_iso(instant.substr(0, 10));
    return day ? day->norwegian() : std::string(instant);
}

int months_between(Month from, Month to) {
    return (to.year - from.year) * 12 + (to.month - from.month);
}

}  // namespace alis::domain
