#pragma once

// The stability charts as SVG text (issue 16; docs/statistics.md, "The pages"): pure functions
// from the figures to the markup the pages put inside a <figure>. Each chart is an image for
// assistive technology (role="img" with a <title> and a <desc>); its numbers are in a table on the
// page. No series is told apart by colour alone: each has its own dash pattern too.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/stability.hpp"
#include "domain/survival.hpp"

namespace alis::web {

// The days of a year on the charts' axes and in the pages' years (Julian years).
inline constexpr double kDaysPerYear = 365.25;

// How one series is drawn: a colour with a contrast of at least 3:1 on white, and a dash pattern
// (SVG stroke-dasharray; empty is a solid line). The first kSeriesStyles series all differ in
// both; after that the styles repeat.
struct SeriesStyle {
    std::string_view colour;
    std::string_view dash;
};
inline constexpr std::size_t kSeriesStyles = 10;
SeriesStyle series_style(std::size_t index);

// A small line in series `index`'s style, and a box of its colour (for bars), for a legend beside
// the chart (aria-hidden).
std::string legend_swatch_svg(std::size_t index);
std::string legend_box_svg(std::size_t index);

// The series of the calendar chart: in post (a line), joined (bars above the base line), left
// (bars below it).
inline constexpr std::size_t kInPostSeries = 0;
inline constexpr std::size_t kJoinedSeries = 2;
inline constexpr std::size_t kLeftSeries = 1;

// The day `years` whole years from the start (365.25 days a year): where the chart's numbers at
// risk, and the pages' tables under it, read the curves.
std::int64_t day_of_year(int years);

// One curve of a survival chart: its group's label and its Kaplan–Meier curve.
struct ChartCurve {
    std::string label;
    const domain::KaplanMeierCurve* curve = nullptr;
};

// The words of a survival chart (all plain text; escaped here).
struct SurvivalChartText {
    std::string title;        // The <title>: what the chart shows.
    std::string description;  // The <desc>: how to read it, and where the numbers are.
    std::string x_axis;       // The time axis, in years from the start.
    std::string y_axis;       // The share still in post (or in training).
    std::string at_risk;      // The heading of the numbers at risk under the chart.
    std::string few;          // A number at risk of 1 to domain::kMinCell - 1 not shown: "<5".
};

// The step chart of the curves: each curve's steps from 100 % at time 0, its 95 % confidence
// band (where the curve has one), a tick at each step where someone was censored, and under the
// chart the numbers at risk at each whole year. A curve cut short by small-cell protection ends
// where it was cut, and its numbers at risk after that are `text.few`. `id` makes the ids of the
// title and desc unique on the page.
std::string survival_chart_svg(std::span<const ChartCurve> curves, const SurvivalChartText& text,
                               std::string_view id);

// The words of a calendar chart.
struct CalendarChartText {
    std::string title;
    std::string description;
};

// The calendar view: the doctors in post each month as a line, those who joined as bars above a
// base line and those who left as bars below it, the months along the bottom with each January
// marked by its year. A protected count (nullopt) is not drawn: the line has a gap and the month
// has no bar.
std::string calendar_chart_svg(std::span<const domain::CalendarMonth> months,
                               const CalendarChartText& text, std::string_view id);

}  // namespace alis::web
