#pragma once

// The coverage chart as SVG text (docs/money.md, "Coverage"): one horizontal bar per group, its
// length the share of the cost before the grant that the grant pays, with a line at 100 %. An
// image for assistive technology (role="img" with a <title> and a <desc>); the numbers are in the
// table beside it on the page.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace alis::web {

struct CoverageBar {
    std::string label;
    std::optional<std::int64_t> per_mille;  // nullopt: not shown (withheld, or no cost)
    std::string value_text;                 // "87,5 %" or the reason it is not shown
};

// The chart of `bars`, scaled to the largest coverage or 100 %, whichever is more; `id` makes the
// ids of the title and desc unique on the page.
std::string coverage_chart_svg(std::span<const CoverageBar> bars, std::string_view title,
                               std::string_view description, std::string_view id);

}  // namespace alis::web
