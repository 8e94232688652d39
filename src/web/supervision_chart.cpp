// The chart of web/supervision_chart.hpp.
#include "web/supervision_chart.hpp"

#include <algorithm>
#include <initializer_list>

#include "web/stability_chart.hpp"
#include "web/templates.hpp"

namespace alis::web {
namespace {

constexpr int kChartWidth = 720;
constexpr int kChartHeight = 260;
constexpr int kMarginLeft = 48;
constexpr int kMarginRight = 16;
constexpr int kMarginTop = 16;
constexpr int kPlotHeight = 190;  // The bars' area; the month labels go under it.

// Appends each of `parts` to `out`, so that no "literal" + std::string is built (GCC 12 warns
// falsely about it, docs/decisions.md).
void append_parts(std::string& out, std::initializer_list<std::string_view> parts) {
    for (const auto part : parts) {
        out.append(part);
    }
}

// ` name="value"` of a whole number.
std::string attr(std::string_view name, int value) {
    std::string out(" ");
    append_parts(out, {name, "=\"", std::to_string(value), "\""});
    return out;
}

}  // namespace

std::string supervision_chart_svg(std::span<const domain::SupervisionMonth> months,
                                  const SupervisionChartText& text, std::string_view id) {
    const std::string ids = escape_xml(id);
    int top_minutes = 60;
    for (const auto& m : months) {
        top_minutes = std::max({top_minutes, m.held_minutes + m.open_minutes, m.norm_minutes});
    }
    const int top_hours = (top_minutes + 59) / 60 + 1;  // Whole hours, with room above.
    const auto y_of = [&](int minutes) {
        return kMarginTop + kPlotHeight - minutes * kPlotHeight / (top_hours * 60);
    };
    const int count = std::max<int>(1, static_cast<int>(months.size()));
    const int slot = (kChartWidth - kMarginLeft - kMarginRight) / count;
    const int bar = slot * 3 / 5;
    const std::string held_colour(series_style(0).colour);
    const auto norm_style = series_style(1);
    const std::string pattern = ids + "-open";
    const std::string width = std::to_string(kChartWidth);
    const std::string height = std::to_string(kChartHeight);

    std::string svg;
    append_parts(svg,
                 {"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"alis-chart\" viewBox=\"0 0 ",
                  width, " ", height, "\" role=\"img\" aria-labelledby=\"", ids, "-title ", ids,
                  "-desc\"><title id=\"", ids, "-title\">", escape_xml(text.title),
                  "</title><desc id=\"", ids, "-desc\">", escape_xml(text.description), "</desc>"});
    append_parts(
        svg, {"<defs><pattern id=\"", pattern,
              "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
              "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
              "<rect width=\"2\" height=\"6\" fill=\"",
              held_colour, "\"/></pattern></defs>"});
    // The hour lines and their labels.
    const int step = top_hours <= 6 ? 1 : (top_hours + 5) / 6;
    for (int h = 0; h <= top_hours; h += step) {
        const int y = y_of(h * 60);
        append_parts(svg, {"<line", attr("x1", kMarginLeft), attr("y1", y),
                           attr("x2", kChartWidth - kMarginRight), attr("y2", y),
                           " class=\"alis-chart-grid\"/><text", attr("x", kMarginLeft - 6),
                           attr("y", y + 4), " text-anchor=\"end\" class=\"alis-chart-label\">",
                           std::to_string(h), "</text>"});
    }
    append_parts(svg, {"<text", attr("x", 4), attr("y", kMarginTop + 4),
                       " class=\"alis-chart-label\">", escape_xml(text.hours_unit), "</text>"});
    for (int i = 0; i < static_cast<int>(months.size()); ++i) {
        const auto& m = months[static_cast<std::size_t>(i)];
        const int x = kMarginLeft + i * slot + (slot - bar) / 2;
        const int held_top = y_of(m.held_minutes);
        const int open_top = y_of(m.held_minutes + m.open_minutes);
        if (m.held_minutes > 0) {
            append_parts(svg,
                         {"<rect", attr("x", x), attr("y", held_top), attr("width", bar),
                          attr("height", y_of(0) - held_top), " fill=\"", held_colour, "\"/>"});
        }
        if (m.open_minutes > 0) {
            append_parts(svg, {"<rect", attr("x", x), attr("y", open_top), attr("width", bar),
                               attr("height", held_top - open_top), " fill=\"url(#", pattern,
                               ")\" stroke=\"", held_colour, "\"/>"});
        }
        // The norm of the month: a dashed line across its slot.
        const int norm_y = y_of(m.norm_minutes);
        append_parts(svg, {"<line", attr("x1", kMarginLeft + i * slot), attr("y1", norm_y),
                           attr("x2", kMarginLeft + (i + 1) * slot), attr("y2", norm_y),
                           " stroke=\"", norm_style.colour, "\" stroke-dasharray=\"",
                           norm_style.dash, "\" stroke-width=\"2\"/>"});
        const std::string label = static_cast<std::size_t>(i) < text.month_labels.size()
                                      ? text.month_labels[static_cast<std::size_t>(i)]
                                      : m.month.iso();
        append_parts(svg, {"<text", attr("x", kMarginLeft + i * slot + slot / 2),
                           attr("y", kMarginTop + kPlotHeight + 20),
                           " text-anchor=\"middle\" class=\"alis-chart-label\">", escape_xml(label),
                           "</text>"});
    }
    append_parts(svg, {"<line", attr("x1", kMarginLeft), attr("y1", y_of(0)),
                       attr("x2", kChartWidth - kMarginRight), attr("y2", y_of(0)),
                       " class=\"alis-chart-axis\"/></svg>"});
    return svg;
}

}  // namespace alis::web
