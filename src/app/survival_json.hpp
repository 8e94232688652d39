#pragma once

// Kaplan–Meier curves and the log-rank test as JSON, the same for `alis stability km` and the
// stability API: {groups: [{group, n, events, median: {time, lower, upper}, steps: [{time,
// n_risk, n_event, n_censor, surv, std_err, lower, upper}]}], logrank: {chisq, df, p}}, each
// figure the shortest text that reads back as the same double, a missing one null.

#include <optional>
#include <string>
#include <vector>

#include "domain/survival.hpp"

namespace alis::app {

struct KeyedCurve {
    std::optional<std::string> key;  // The group; none for one ungrouped curve (null).
    domain::KaplanMeierCurve curve;
};

// The JSON object text; `test` absent leaves out `logrank`, an empty test writes it as null.
std::string survival_json(const std::vector<KeyedCurve>& curves,
                          const std::optional<std::optional<domain::LogRankTest>>& test);

// A figure as the JSON and CSV write it: the shortest text that reads back as the same double.
void append_figure(std::string& out, double value);

}  // namespace alis::app
