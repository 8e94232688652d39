#pragma once

// The month-by-month chart of a trainee's supervision hours against the norm (issue 14), as SVG
// text: a pure function from the months to the markup, drawn as the stability charts are
// (web/stability_chart.hpp: role="img" with a <title> and a <desc>, every text escaped; the
// numbers are in a table beside it). Held hours are solid bars, hours planned and not yet closed
// are hatched bars on top of them, and the norm is a dashed line: no series by colour alone.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/supervision.hpp"

namespace alis::web {

// The words of the chart (plain text; escaped here).
struct SupervisionChartText {
    std::string title;
    std::string description;
    std::vector<std::string> month_labels;  // One per month, under its bar ("nov.").
    std::string hours_unit;                 // Under the axis: "timer".
};

// The chart of `months` (oldest first); `id` makes the ids of its title and desc unique.
std::string supervision_chart_svg(std::span<const domain::SupervisionMonth> months,
                                  const SupervisionChartText& text, std::string_view id);

}  // namespace alis::web
