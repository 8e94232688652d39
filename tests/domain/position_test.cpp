// The peak position a new span would bring: the rule behind "at most 100 % at once".
#include "domain/position.hpp"

#include <gtest/gtest.h>

namespace alis::domain {
namespace position_test {

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

PositionSpan span(const char* from, const char* to, int percent) {
    return {day(from), to == nullptr ? std::nullopt : std::optional<Date>(day(to)), percent};
}

TEST(PeakPosition, AloneItIsItsOwnPercent) {
    const auto peak = peak_position({}, span("2025-01-01", "2025-12-31", 60));
    EXPECT_EQ(peak.percent, 60);
    EXPECT_EQ(peak.on, day("2025-01-01"));
}

TEST(PeakPosition, OverlapsAddUpOnTheFirstSharedDay) {
    const auto peak =
        peak_position({span("2024-01-01", "2025-03-31", 80)}, span("2025-02-01", nullptr, 40));
    EXPECT_EQ(peak.percent, 120);
    EXPECT_EQ(peak.on, day("2025-02-01"));
}

TEST(PeakPosition, APeriodEndingTheDayBeforeDoesNotCount) {
    const auto peak =
        peak_position({span("2024-01-01", "2025-01-31", 100)}, span("2025-02-01", nullptr, 100));
    EXPECT_EQ(peak.percent, 100);
}

TEST(PeakPosition, TheSameDayAtBothEndsCounts) {
    const auto peak =
        peak_position({span("2024-01-01", "2025-02-01", 50)}, span("2025-02-01", nullptr, 60));
    EXPECT_EQ(peak.percent, 110);
    EXPECT_EQ(peak.on, day("2025-02-01"));
}

TEST(PeakPosition, FindsAPeakInsideTheSpanWhereThreeMeet) {
    const auto peak =
        peak_position({span("2025-01-01", "2025-06-30", 40), span("2025-05-01", "2025-12-31", 40),
                       span("2027-01-01", nullptr, 100)},
                      span("2025-03-01", "2025-10-31", 30));
    EXPECT_EQ(peak.percent, 110);
    EXPECT_EQ(peak.on, day("2025-05-01"));
}

TEST(PeakPosition, SpansOutsideAreIgnored) {
    const auto peak =
        peak_position({span("2020-01-01", "2020-12-31", 100), span("2030-01-01", nullptr, 100)},
                      span("2025-01-01", "2025-12-31", 100));
    EXPECT_EQ(peak.percent, 100);
}

TEST(PeakPosition, AnOngoingSpanMeetsEveryLaterOne) {
    const auto peak =
        peak_position({span("2020-01-01", nullptr, 70)}, span("2099-01-01", "2099-01-01", 40));
    EXPECT_EQ(peak.percent, 110);
    EXPECT_EQ(peak.on, day("2099-01-01"));
}

}  // namespace position_test
}  // namespace alis::domain
