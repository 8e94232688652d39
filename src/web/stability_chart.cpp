// The charts of web/stability_chart.hpp.
#include "web/stability_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

#include "web/templates.hpp"

namespace alis::web {
namespace {

constexpr std::array<SeriesStyle, kSeriesStyles> kStyles{{
    {"#0b5cad", ""},
    {"#c30000", "8 4"},
    {"#1e6b3a", "2 3"},
    {"#6f2a99", "10 3 2 3"},
    {"#a35200", "14 4"},
    {"#1a1a1a", "4 4"},
    {"#00707a", "10 3 2 3 2 3"},
    {"#b3006b", "1 4"},
    {"#5c5c00", "18 4 4 4"},
    {"#3d4fa1", "6 2 2 2"},
}};

constexpr double kWidth = 720;
constexpr double kLeft = 56;
constexpr double kRight = 16;
constexpr double kTop = 16;
constexpr double kPlotWidth = kWidth - kLeft - kRight;

// Appends each of `parts` to `out` (GCC 12 warns falsely about "text" + std::string).
template <typename... Parts>
void append(std::string& out, const Parts&... parts) {
    (out.append(std::string_view(parts)), ...);
}

// A coordinate with one decimal: enough on screen, and short.
std::string num(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string stroke_attributes(const SeriesStyle& style) {
    std::string out = " stroke=\"" + std::string(style.colour) + "\"";
    if (!style.dash.empty()) {
        out += " stroke-dasharray=\"" + std::string(style.dash) + "\"";
    }
    return out;
}

// The opening of an accessible chart: role="img", labelled by its title and described by its desc.
std::string open_svg(double height, std::string_view title, std::string_view description,
                     std::string_view id, std::string_view css_class) {
    const std::string ids = escape_xml(id);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + std::string(css_class) +
           "\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) + "\" role=\"img\" " +
           "aria-labelledby=\"" + ids + "-title " + ids + "-desc\"><title id=\"" + ids +
           "-title\">" + escape_xml(title) + "</title><desc id=\"" + ids + "-desc\">" +
           escape_xml(description) + "</desc>";
}

std::string text_at(double x, double y, std::string_view anchor, std::string_view content,
                    std::string_view css_class = "alis-chart-label") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + std::string(anchor) +
           "\" class=\"" + std::string(css_class) + "\">" + escape_xml(content) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, std::string_view css_class) {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
           num(y2) + "\" class=\"" + std::string(css_class) + "\"/>";
}

// A step that, with 1 to 5 ticks, spans `max`: 1, 2 or 5 times a power of ten.
double nice_step(double max) {
    if (max <= 0) {
        return 1;
    }
    double step = std::pow(10.0, std::floor(std::log10(max)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (max / (step * factor) <= 5) {
            return step * factor;
        }
    }
    return step * 10;
}

}  // namespace

std::int64_t day_of_year(int years) {
    return std::llround(years * kDaysPerYear);
}

SeriesStyle series_style(std::size_t index) {
    return kStyles[index % kStyles.size()];
}

std::string legend_swatch_svg(std::size_t index) {
    return "<svg class=\"alis-swatch\" width=\"36\" height=\"12\" viewBox=\"0 0 36 12\" "
           "aria-hidden=\"true\" focusable=\"false\"><line x1=\"0\" y1=\"6\" x2=\"36\" y2=\"6\" "
           "stroke-width=\"3\"" +
           stroke_attributes(series_style(index)) + "/></svg>";
}

std::string legend_box_svg(std::size_t index) {
    return "<svg class=\"alis-swatch\" width=\"16\" height=\"12\" viewBox=\"0 0 16 12\" "
           "aria-hidden=\"true\" focusable=\"false\"><rect width=\"16\" height=\"12\" fill=\"" +
           std::string(series_style(index).colour) + "\"/></svg>";
}

std::string survival_chart_svg(std::span<const ChartCurve> curves, const SurvivalChartText& text,
                               std::string_view id) {
    constexpr double kPlotHeight = 280;
    constexpr double kRowHeight = 30;
    std::int64_t last_day = 365;
    for (const auto& c : curves) {
        if (!c.curve->steps.empty()) {
            last_day = std::max(last_day, c.curve->steps.back().time);
        }
    }
    const int years = static_cast<int>(std::ceil(static_cast<double>(last_day) / kDaysPerYear));
    const int tick_years = years <= 12 ? 1 : 2;
    const double span = years * kDaysPerYear;
    const auto x = [&](double day) { return kLeft + day / span * kPlotWidth; };
    const auto y = [&](double share) { return kTop + (1 - share) * kPlotHeight; };
    const double axis_bottom = kTop + kPlotHeight;
    const double table_top = axis_bottom + 52;
    const double height = table_top + 8 + kRowHeight * static_cast<double>(curves.size());

    std::string out = open_svg(height, text.title, text.description, id, "alis-chart");
    // The grid and axes: shares in quarters, whole years.
    for (int quarter = 0; quarter <= 4; ++quarter) {
        const double share = quarter / 4.0;
        out += line(kLeft, y(share), kLeft + kPlotWidth, y(share),
                    quarter == 0 ? "alis-chart-axis" : "alis-chart-grid");
        out += text_at(kLeft - 6, y(share) + 4, "end", std::to_string(quarter * 25) + " %");
    }
    for (int year = 0; year <= years; year += tick_years) {
        const double at = x(static_cast<double>(day_of_year(year)));
        out += line(at, axis_bottom, at, axis_bottom + 5, "alis-chart-axis");
        out += text_at(at, axis_bottom + 18, "middle", std::to_string(year));
    }
    out += line(kLeft, kTop, kLeft, axis_bottom, "alis-chart-axis");
    out += text_at(kLeft + kPlotWidth / 2, axis_bottom + 36, "middle", text.x_axis,
                   "alis-chart-title");
    out += "<text x=\"14\" y=\"" + num(kTop + kPlotHeight / 2) + "\" text-anchor=\"middle\" " +
           "transform=\"rotate(-90 14 " + num(kTop + kPlotHeight / 2) +
           ")\" class=\"alis-chart-title\">" + escape_xml(text.y_axis) + "</text>";

    for (std::size_t i = 0; i < curves.size(); ++i) {
        const auto& curve = *curves[i].curve;
        const SeriesStyle style = series_style(i);
        out += "<g class=\"alis-km-series\">";
        // The confidence band: along the upper limits, back along the lower ones, as far as the
        // curve has limits (none once it reaches 0).
        std::vector<std::pair<double, double>> upper{{0, 1}};
        std::vector<std::pair<double, double>> lower{{0, 1}};
        for (const auto& step : curve.steps) {
            if (!step.upper || !step.lower) {
                break;
            }
            const double t = static_cast<double>(step.time);
            const double upper_before = upper.back().second;
            const double lower_before = lower.back().second;
            upper.emplace_back(t, upper_before);
            upper.emplace_back(t, *step.upper);
            lower.emplace_back(t, lower_before);
            lower.emplace_back(t, *step.lower);
        }
        if (upper.size() > 1) {
            out += "<path class=\"alis-km-band\" fill=\"" + std::string(style.colour) + "\" d=\"";
            for (std::size_t k = 0; k < upper.size(); ++k) {
                append(out, k == 0 ? "M" : "L", num(x(upper[k].first)), " ",
                       num(y(upper[k].second)));
            }
            for (auto it = lower.rbegin(); it != lower.rend(); ++it) {
                append(out, "L", num(x(it->first)), " ", num(y(it->second)));
            }
            out += "Z\"/>";
        }
        // The curve: a step down at each event.
        out += "<path class=\"alis-km-line\" fill=\"none\"" + stroke_attributes(style) + " d=\"M" +
               num(x(0)) + " " + num(y(1));
        for (const auto& step : curve.steps) {
            append(out, "H", num(x(static_cast<double>(step.time))), "V", num(y(step.survival)));
        }
        out += "\"/>";
        // A tick where someone was censored.
        std::string marks;
        for (const auto& step : curve.steps) {
            if (step.censored > 0) {
                append(marks, "M", num(x(static_cast<double>(step.time))), " ",
                       num(y(step.survival) - 5), "v10");
            }
        }
        if (!marks.empty()) {
            out += "<path class=\"alis-km-censor\" fill=\"none\" stroke=\"" +
                   std::string(style.colour) + "\" d=\"" + marks + "\"/>";
        }
        out += "</g>";
    }

    // The numbers at risk: a row for each curve, its label above it with the series' line.
    out += text_at(4, table_top, "start", text.at_risk, "alis-chart-title");
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const double row = table_top + 8 + kRowHeight * static_cast<double>(i);
        const SeriesStyle style = series_style(i);
        out += "<line x1=\"4\" y1=\"" + num(row + 8) + "\" x2=\"28\" y2=\"" + num(row + 8) +
               "\" stroke-width=\"3\"" + stroke_attributes(style) + "/>";
        out += text_at(34, row + 12, "start", curves[i].label);
        for (int year = 0; year <= years; year += tick_years) {
            const auto n = domain::read_curve(*curves[i].curve, day_of_year(year)).at_risk;
            out += text_at(x(static_cast<double>(day_of_year(year))), row + 26, "middle",
                           n ? std::to_string(*n) : text.few, "alis-chart-number");
        }
    }
    out += "</svg>";
    return out;
}

std::string calendar_chart_svg(std::span<const domain::CalendarMonth> months,
                               const CalendarChartText& text, std::string_view id) {
    constexpr double kLineHeight = 200;
    constexpr double kBarHeight = 60;  // Each way from the base line.
    const double n = static_cast<double>(std::max<std::size_t>(months.size(), 1));
    const double width = kPlotWidth / n;
    std::int64_t most = 0;
    std::int64_t most_moved = 0;
    for (const auto& m : months) {
        most = std::max(most, m.in_post.value_or(0));
        most_moved = std::max({most_moved, m.joined.value_or(0), m.left.value_or(0)});
    }
    const double step = nice_step(static_cast<double>(most));
    const double top_value = std::max(step, std::ceil(static_cast<double>(most) / step) * step);
    const double moved_step = nice_step(static_cast<double>(most_moved));
    const double moved_top =
        std::max(moved_step, std::ceil(static_cast<double>(most_moved) / moved_step) * moved_step);
    const auto x = [&](std::size_t i) { return kLeft + width * static_cast<double>(i); };
    const auto y = [&](double value) { return kTop + (1 - value / top_value) * kLineHeight; };
    const double base = kTop + kLineHeight + 24 + kBarHeight;
    const auto bar = [&](double value) { return value / moved_top * kBarHeight; };
    const double height = base + kBarHeight + 40;
    const SeriesStyle in_post = series_style(kInPostSeries);
    const SeriesStyle joined = series_style(kJoinedSeries);
    const SeriesStyle left = series_style(kLeftSeries);

    std::string out = open_svg(height, text.title, text.description, id, "alis-chart");
    for (double v = 0; v <= top_value + 0.5; v += step) {
        out += line(kLeft, y(v), kLeft + kPlotWidth, y(v),
                    v == 0 ? "alis-chart-axis" : "alis-chart-grid");
        out += text_at(kLeft - 6, y(v) + 4, "end", std::to_string(static_cast<std::int64_t>(v)));
    }
    for (const double v : {moved_top, -moved_top}) {
        out += line(kLeft, base - bar(v), kLeft + kPlotWidth, base - bar(v), "alis-chart-grid");
        out += text_at(kLeft - 6, base - bar(v) + 4, "end",
                       std::to_string(static_cast<std::int64_t>(std::abs(v))));
    }
    out += line(kLeft, base, kLeft + kPlotWidth, base, "alis-chart-axis");
    out += text_at(kLeft - 6, base + 4, "end", "0");
    // Each January (or the first month) marked by its year.
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (months[i].month.month == 1 || i == 0) {
            out += line(x(i), base + kBarHeight, x(i), base + kBarHeight + 5, "alis-chart-axis");
            out += text_at(x(i), base + kBarHeight + 18, "start",
                           std::to_string(months[i].month.year));
        }
    }
    // Those who joined above the base line, those who left below it.
    std::string joined_bars;
    std::string left_bars;
    const double bar_width = std::max(width * 0.8, 0.5);
    for (std::size_t i = 0; i < months.size(); ++i) {
        const double at = x(i) + (width - bar_width) / 2;
        if (months[i].joined && *months[i].joined > 0) {
            const double h = bar(static_cast<double>(*months[i].joined));
            append(joined_bars, "M", num(at), " ", num(base), "v", num(-h), "h", num(bar_width),
                   "v", num(h), "Z");
        }
        if (months[i].left && *months[i].left > 0) {
            const double h = bar(static_cast<double>(*months[i].left));
            append(left_bars, "M", num(at), " ", num(base), "v", num(h), "h", num(bar_width), "v",
                   num(-h), "Z");
        }
    }
    out += "<path class=\"alis-calendar-joined\" fill=\"" + std::string(joined.colour) + "\" d=\"" +
           joined_bars + "\"/>";
    out += "<path class=\"alis-calendar-left\" fill=\"" + std::string(left.colour) + "\" d=\"" +
           left_bars + "\"/>";
    // Those in post: a step line with a gap at each month not shown.
    std::string path;
    bool drawing = false;
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (!months[i].in_post) {
            drawing = false;
            continue;
        }
        const double v = y(static_cast<double>(*months[i].in_post));
        if (drawing) {
            append(path, "V", num(v));
        } else {
            append(path, "M", num(x(i)), " ", num(v));
        }
        append(path, "H", num(x(i + 1)));
        drawing = true;
    }
    out += "<path class=\"alis-calendar-in-post\" fill=\"none\" stroke-width=\"2.5\"" +
           stroke_attributes(in_post) + " d=\"" + path + "\"/>";
    out += "</svg>";
    return out;
}

}  // namespace alis::web
