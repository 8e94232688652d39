#include "web/coverage_chart.hpp"

#include <algorithm>

#include "web/stability_chart.hpp"
#include "web/templates.hpp"

namespace alis::web {
namespace {

constexpr int kLabelWidth = 220;
constexpr int kBarArea = 420;
constexpr int kValueWidth = 120;
constexpr int kRowHeight = 28;
constexpr int kBarsTop = 16;
constexpr int kBottom = 28;

}  // namespace

std::string coverage_chart_svg(std::span<const CoverageBar> bars, std::string_view title,
                               std::string_view description, std::string_view id) {
    std::int64_t largest = 1'000;  // 100 % at least, so the line is always inside
    for (const auto& bar : bars) {
        largest = std::max(largest, bar.per_mille.value_or(0));
    }
    const int width = kLabelWidth + kBarArea + kValueWidth;
    const int height = kBarsTop + kRowHeight * static_cast<int>(bars.size()) + kBottom;
    const auto x_of = [&](std::int64_t per_mille) {
        return kLabelWidth + static_cast<int>(per_mille * kBarArea / largest);
    };
    const std::string ids(id);
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"alis-chart\" viewBox=\"0 0 " +
        std::to_string(width) + " " + std::to_string(height) +
        "\" role=\"img\" aria-labelledby=\"" + ids + "-title " + ids + "-desc\">";
    svg += "<title id=\"" + ids + "-title\">" + escape_xml(title) + "</title>";
    svg += "<desc id=\"" + ids + "-desc\">" + escape_xml(description) + "</desc>";
    const auto colour = std::string(series_style(0).colour);
    int y = kBarsTop;
    for (const auto& bar : bars) {
        svg += "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y + 18) +
               "\" text-anchor=\"end\" font-size=\"13\">" + escape_xml(bar.label) + "</text>";
        if (bar.per_mille && *bar.per_mille > 0) {
            svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 5) +
                   "\" width=\"" + std::to_string(x_of(*bar.per_mille) - kLabelWidth) +
                   "\" height=\"" + std::to_string(kRowHeight - 10) + "\" fill=\"" + colour +
                   "\"/>";
        }
        svg += "<text x=\"" + std::to_string(kLabelWidth + kBarArea + 8) + "\" y=\"" +
               std::to_string(y + 18) + "\" font-size=\"13\">" + escape_xml(bar.value_text) +
               "</text>";
        y += kRowHeight;
    }
    const auto full = std::to_string(x_of(1'000));
    svg += "<line x1=\"" + full + "\" y1=\"" + std::to_string(kBarsTop) + "\" x2=\"" + full +
           "\" y2=\"" + std::to_string(y) +
           "\" stroke=\"#1e1e1e\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>";
    svg += "<text x=\"" + full + "\" y=\"" + std::to_string(y + 18) +
           "\" text-anchor=\"middle\" font-size=\"12\">100 %</text>";
    svg += "</svg>";
    return svg;
}

}  // namespace alis::web
