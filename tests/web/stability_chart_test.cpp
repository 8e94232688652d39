// The stability charts as SVG (web/stability_chart.hpp): curves that only ever step down, a
// confidence band, a censor tick for each step where someone was censored, a dash pattern of its
// own for each group, and every text escaped.
#include "web/stability_chart.hpp"
#include "web/templates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

namespace alis::web {
namespace stability_chart_test {

using domain::FollowUpEnd;

domain::KaplanMeierCurve curve(std::initializer_list<domain::SurvivalTime> subjects) {
    return domain::kaplan_meier(std::vector<domain::SurvivalTime>(subjects));
}

// The values of attribute `name` of every element `element` in `svg` whose class is `css_class`.
std::vector<std::string> attributes(const std::string& svg, const std::string& element,
                                    const std::string& css_class, const std::string& name) {
    std::vector<std::string> values;
    const std::regex tag("<" + element + " [^>]*class=\"" + css_class + "\"[^>]*>");
    const std::regex attribute(" " + name + "=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator();
         ++it) {
        std::smatch m;
        const std::string text = it->str();
        values.push_back(std::regex_search(text, m, attribute) ? m[1].str() : "");
    }
    return values;
}

// The numbers of a path's d, in order, with the command letter before each pair's first.
struct PathPoint {
    char command;
    double value;
};
std::vector<PathPoint> path_values(const std::string& d) {
    std::vector<PathPoint> points;
    const std::regex item("([MLHVZvhz]?)\\s*(-?[0-9.]+)?");
    char command = 0;
    for (auto it = std::sregex_iterator(d.begin(), d.end(), item); it != std::sregex_iterator();
         ++it) {
        if ((*it)[1].length() > 0) {
            command = (*it)[1].str()[0];
        }
        if ((*it)[2].length() > 0) {
            points.push_back({command, std::stod((*it)[2].str())});
        }
    }
    return points;
}

const SurvivalChartText kText{.title = "Fortsatt i stillingen <Bergen & Voss>",
                              .description = "Kurver \"med\" bånd",
                              .x_axis = "År fra start",
                              .y_axis = "Andel",
                              .at_risk = "Antall under oppfølging",
                              .few = "<5"};

TEST(StabilityChart, ACurveStepsDownFromTheTopAndOnlyDown) {
    const auto c = curve({{100, FollowUpEnd::event},
                          {200, FollowUpEnd::censored},
                          {300, FollowUpEnd::event},
                          {400, FollowUpEnd::event},
                          {900, FollowUpEnd::censored}});
    const std::vector<ChartCurve> curves = {{"Alle", &c}};
    const std::string svg = survival_chart_svg(curves, kText, "chart");
    const auto lines = attributes(svg, "path", "alis-km-line", "d");
    ASSERT_EQ(lines.size(), 1u);
    const auto points = path_values(lines[0]);
    ASSERT_GE(points.size(), 2u);
    double x = points[0].value;  // M x y
    double y = points[1].value;
    const double top = y;
    int downs = 0;
    for (std::size_t i = 2; i < points.size(); ++i) {
        if (points[i].command == 'H') {
            EXPECT_GE(points[i].value, x) << "time runs forward";
            x = points[i].value;
        } else if (points[i].command == 'V') {
            EXPECT_GE(points[i].value, y) << "the share never rises (y grows downward)";
            downs += points[i].value > y ? 1 : 0;
            y = points[i].value;
        }
    }
    EXPECT_EQ(downs, 3) << "one step down for each event";
    EXPECT_GT(y, top);
}

TEST(StabilityChart, TheBandIsDrawnAndACensorTickMarksEachStepWithCensoring) {
    const auto c = curve({{100, FollowUpEnd::event},
                          {200, FollowUpEnd::censored},
                          {200, FollowUpEnd::event},
                          {300, FollowUpEnd::censored},
                          {400, FollowUpEnd::event},
                          {500, FollowUpEnd::censored},
                          {500, FollowUpEnd::censored}});
    int censored_steps = 0;
    for (const auto& s : c.steps) {
        censored_steps += s.censored > 0 ? 1 : 0;
    }
    ASSERT_EQ(censored_steps, 3);
    const std::vector<ChartCurve> curves = {{"Alle", &c}};
    const std::string svg = survival_chart_svg(curves, kText, "chart");
    const auto bands = attributes(svg, "path", "alis-km-band", "d");
    ASSERT_EQ(bands.size(), 1u);
    EXPECT_TRUE(bands[0].starts_with("M") && bands[0].ends_with("Z")) << bands[0];
    const auto marks = attributes(svg, "path", "alis-km-censor", "d");
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(std::count(marks[0].begin(), marks[0].end(), 'M'), censored_steps);

    // Without censoring, no ticks.
    const auto none = curve({{100, FollowUpEnd::event}, {200, FollowUpEnd::event}});
    const std::vector<ChartCurve> uncensored = {{"Alle", &none}};
    EXPECT_TRUE(
        attributes(survival_chart_svg(uncensored, kText, "c"), "path", "alis-km-censor", "d")
            .empty());
}

TEST(StabilityChart, EachGroupHasADashPatternOfItsOwnAsWellAsAColour) {
    std::vector<domain::KaplanMeierCurve> all;
    for (std::size_t i = 0; i < kSeriesStyles; ++i) {
        all.push_back(curve({{static_cast<std::int64_t>(100 + i), FollowUpEnd::event},
                             {400, FollowUpEnd::censored}}));
    }
    std::vector<ChartCurve> curves;
    for (std::size_t i = 0; i < all.size(); ++i) {
        curves.push_back({"Gruppe " + std::to_string(i), &all[i]});
    }
    const std::string svg = survival_chart_svg(curves, kText, "chart");
    const auto dashes = attributes(svg, "path", "alis-km-line", "stroke-dasharray");
    const auto colours = attributes(svg, "path", "alis-km-line", "stroke");
    ASSERT_EQ(dashes.size(), kSeriesStyles);
    EXPECT_EQ(std::set<std::string>(dashes.begin(), dashes.end()).size(), kSeriesStyles);
    EXPECT_EQ(std::set<std::string>(colours.begin(), colours.end()).size(), kSeriesStyles);
    // The legend's sample of a series is drawn in the same style.
    const std::string swatch = legend_swatch_svg(1);
    EXPECT_NE(swatch.find("stroke-dasharray=\"" + dashes[1] + "\""), std::string::npos);
    EXPECT_NE(swatch.find("aria-hidden=\"true\""), std::string::npos);
}

TEST(StabilityChart, ItIsAnImageWithATitleAndADescriptionAndItsTextIsEscaped) {
    const auto c = curve({{100, FollowUpEnd::event}, {200, FollowUpEnd::censored}});
    const std::vector<ChartCurve> curves = {{"Fastlønn <b>&</b>", &c}};
    const std::string svg = survival_chart_svg(curves, kText, "km");
    EXPECT_TRUE(svg.starts_with("<svg "));
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("aria-labelledby=\"km-title km-desc\""), std::string::npos);
    EXPECT_NE(svg.find("<title id=\"km-title\">Fortsatt i stillingen &lt;Bergen &amp; Voss&gt;"
                       "</title>"),
              std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"km-desc\">Kurver &quot;med&quot; bånd</desc>"),
              std::string::npos);
    EXPECT_NE(svg.find("Fastlønn &lt;b&gt;&amp;&lt;/b&gt;"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_EQ(escape_xml("a<'\">&"), "a&lt;&#39;&quot;&gt;&amp;");
}

TEST(StabilityChart, TheNumbersAtRiskAreUnderTheChartAndFewAreNotShown) {
    // Ten subjects, one leaving every 100 days; protected, the curve stops at five at risk.
    std::vector<domain::SurvivalTime> subjects;
    for (int i = 1; i <= 10; ++i) {
        subjects.push_back({i * 100, FollowUpEnd::event});
    }
    const auto figures =
        domain::stability_figures({{"a", subjects}}, domain::SmallCells::protected_);
    const auto& c = figures.groups[0].curve;
    const std::vector<ChartCurve> curves = {{"Alle", &c}};
    const std::string svg = survival_chart_svg(curves, kText, "chart");
    std::vector<std::string> numbers;
    const std::regex number("class=\"alis-chart-number\">([^<]*)<");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), number);
         it != std::sregex_iterator(); ++it) {
        numbers.push_back((*it)[1].str());
    }
    // Years 0 and 1 (day 0 and 365: 10 and 7 at risk), and 2 (day 731, after the cut): "<5".
    EXPECT_EQ(numbers, (std::vector<std::string>{"10", "7", "&lt;5"}));
}

TEST(StabilityChart, TheCalendarDrawsTheLineWithGapsAndTheBarsEachWay) {
    std::vector<domain::CalendarMonth> months;
    const auto first = *domain::Month::parse_iso("2025-11");
    for (int i = 0; i < 4; ++i) {
        months.push_back({first.plus(i), 10 + i, i == 1 ? std::nullopt : std::optional(i), 2});
    }
    months[2].in_post.reset();  // Protected: a gap in the line.
    const std::string svg =
        calendar_chart_svg(months, {.title = "Måned <for> måned", .description = "d"}, "cal");
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("Måned &lt;for&gt; måned"), std::string::npos);
    const auto line = attributes(svg, "path", "alis-calendar-in-post", "d");
    ASSERT_EQ(line.size(), 1u);
    EXPECT_EQ(std::count(line[0].begin(), line[0].end(), 'M'), 2) << "one gap: two pieces";
    const auto joined = attributes(svg, "path", "alis-calendar-joined", "d");
    const auto left = attributes(svg, "path", "alis-calendar-left", "d");
    // Joined: months 2 and 3 (month 0 had 0, month 1 is protected); left: all four.
    EXPECT_EQ(std::count(joined[0].begin(), joined[0].end(), 'M'), 2);
    EXPECT_EQ(std::count(left[0].begin(), left[0].end(), 'M'), 4);
    EXPECT_NE(svg.find(">2026<"), std::string::npos) << "January marked by its year";
}

}  // namespace stability_chart_test
}  // namespace alis::web
