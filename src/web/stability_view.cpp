// The view models of web/stability_view.hpp.
#include "web/stability_view.hpp"

#include <cmath>
#include <cstdio>

#include "web/stability_chart.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// The decimals of a share, a standard error or a limit in the downloads: the most a cell takes.
constexpr int kFigureDecimals = 6;

// A count as a cell shows it: the number, or "<5" when protection does not give it.
template <typename Count>
std::string count_text(const Catalogue& t, const std::optional<Count>& count) {
    return count ? std::to_string(*count) : t.text("stability.few");
}

std::string percent_text(double share) {
    return norwegian_number(share * 100, 1) + " %";
}

// The choices of a <select>: each value with its label, the current one selected.
template <typename Enum>
json::array options(const Catalogue& t, const std::string& prefix, Enum current) {
    json::array result;
    for (const auto value : domain::enum_values<Enum>()) {
        const std::string name(domain::to_string(value));
        result.push_back(json::object{
            {"value", name}, {"label", t.text(prefix + name)}, {"selected", value == current}});
    }
    return result;
}

std::string query_of(const StabilityPageInput& input) {
    return "?outcome=" + std::string(domain::to_string(input.outcome)) +
           "&group=" + std::string(domain::to_string(input.grouping));
}

}  // namespace

std::string norwegian_number(double value, int decimals) {
    return cell_text(Number{value, decimals});
}

std::string years_text(const Catalogue& t, const std::optional<double>& days) {
    return days ? norwegian_number(*days / kDaysPerYear, 1) : t.text("stability.not_reached");
}

std::string group_label(const Catalogue& t, app::StabilityGrouping grouping,
                        const std::string& key) {
    switch (grouping) {
        case app::StabilityGrouping::none:
            break;
        case app::StabilityGrouping::start_year:
            return key;
        case app::StabilityGrouping::pay_model:
            return t.text("pay_model." + key);
        case app::StabilityGrouping::post_type:
            return t.text("post_type." + key);
        case app::StabilityGrouping::alis_office:
            return t.format("stability.office_group", {{"office", key}});
        case app::StabilityGrouping::centrality:
            return t.format("stability.centrality_group", {{"class", key}});
        case app::StabilityGrouping::size_band:
            return t.text("stability.size_band." + key);
    }
    return t.text("stability.group_all");
}

std::string month_label(const Catalogue& t, domain::Month month) {
    return t.text("stability.month." + std::to_string(month.month)) + " " +
           std::to_string(month.year);
}

json::object stability_page_data(const Catalogue& t, const app::StabilityReport& report,
                                 const StabilityPageInput& input) {
    const auto& figures = report.figures;
    std::vector<ChartCurve> curves;
    json::array legend;
    json::array summary;
    json::array years;
    for (const auto& g : figures.groups) {
        const std::string label = group_label(t, input.grouping, g.key);
        curves.push_back({label, &g.curve});
        legend.push_back(
            json::object{{"swatch", legend_swatch_svg(curves.size() - 1)}, {"label", label}});
        const auto& m = g.curve.median;
        summary.push_back(
            json::object{{"label", label},
                         {"n", g.curve.subjects},
                         {"events", g.curve.events},
                         {"median", years_text(t, m.time)},
                         {"ci", years_text(t, m.lower) + "–" + years_text(t, m.upper)}});
        const std::int64_t last = g.curve.steps.empty() ? 0 : g.curve.steps.back().time;
        for (int year = 0; day_of_year(year) <= last; ++year) {
            const auto reading = domain::read_curve(g.curve, day_of_year(year));
            json::object row{{"label", label},
                             {"year", year},
                             {"at_risk", count_text(t, reading.at_risk)},
                             {"share", reading.survival ? percent_text(*reading.survival) : ""},
                             {"ci", ""}};
            if (reading.lower && reading.upper) {
                row["ci"] =
                    norwegian_number(*reading.lower * 100, 1) + "–" + percent_text(*reading.upper);
            }
            years.push_back(std::move(row));
        }
    }
    const std::string outcome_label =
        t.text("stability.outcome." + std::string(domain::to_string(input.outcome)));
    SurvivalChartText chart_text{
        .title = t.format("stability.chart_title",
                          {{"outcome", outcome_label}, {"scope", input.scope_label}}),
        .description = t.text("stability.chart_description"),
        .x_axis = t.text("stability.x_axis"),
        .y_axis = t.text("stability.y_axis"),
        .at_risk = t.text("stability.at_risk"),
        .few = t.text("stability.few")};

    // The reasons, for all and for each group shown.
    json::array reason_columns;
    for (const auto& g : report.reasons_by_group) {
        reason_columns.push_back(json::value(group_label(t, input.grouping, g.key)));
    }
    json::array reasons;
    for (std::size_t r = 0; r < report.reasons.size(); ++r) {
        json::array cells{json::value(count_text(t, report.reasons[r].count))};
        for (const auto& g : report.reasons_by_group) {
            cells.push_back(json::value(count_text(t, g.reasons[r].count)));
        }
        reasons.push_back(json::object{
            {"label", t.text("departure_reason." +
                             std::string(domain::to_string(report.reasons[r].reason)))},
            {"cells", std::move(cells)}});
    }

    json::object data{
        {"heading", input.heading},
        {"intro",
         t.format("stability.intro", {{"date", input.as_of.norwegian()}, {"posts", report.posts}})},
        {"protected", input.cells == domain::SmallCells::protected_},
        {"action", input.base},
        {"outcomes", options(t, "stability.outcome.", input.outcome)},
        {"groupings", options(t, "stability.grouping.", input.grouping)},
        {"has_curves", !curves.empty()},
        {"chart", curves.empty() ? std::string()
                                 : survival_chart_svg(curves, chart_text, "stability-chart")},
        {"chart_title", chart_text.title},
        {"legend", std::move(legend)},
        {"summary", std::move(summary)},
        {"years", std::move(years)},
        {"reason_columns", std::move(reason_columns)},
        {"reasons", std::move(reasons)},
        {"csv_url", input.base + ".csv" + query_of(input)},
        {"xlsx_url", input.base + ".xlsx" + query_of(input)},
        {"calendar_url", input.base + "/kalender"},
        {"links_heading", input.links_heading},
        {"links", input.links},
        {"has_links", !input.links.empty()}};
    if (figures.groups_left_out > 0) {
        data["left_out"] = t.format("stability.left_out", {{"count", figures.groups_left_out}});
    }
    if (const auto& test = figures.log_rank) {
        data["logrank"] = t.format(
            "stability.logrank",
            {{"chisq", norwegian_number(test->chi_square, 2)},
             {"df", test->degrees_of_freedom},
             {"p", test->p_value < 0.001 ? "< 0,001" : "= " + norwegian_number(test->p_value, 3)}});
    } else if (figures.groups.size() + static_cast<std::size_t>(figures.groups_left_out) > 1) {
        data["logrank"] = t.text("stability.no_logrank");
    }
    return data;
}

Sheet stability_steps_table(const Catalogue& t, const app::StabilityReport& report,
                            app::StabilityGrouping grouping) {
    Sheet table{
        .name = t.text("stability.export.sheet"), .headers = {}, .rows = {}, .column_width = 18};
    for (const char* column : {"group", "days", "at_risk", "events", "censored", "survival",
                               "std_err", "lower", "upper"}) {
        table.headers.push_back(t.text(std::string("stability.export.") + column));
    }
    const auto count = [](std::int64_t n) { return Cell(Number{static_cast<double>(n), 0}); };
    const auto figure = [](const std::optional<double>& value) {
        return value ? Cell(Number{*value, kFigureDecimals}) : Cell();
    };
    for (const auto& g : report.figures.groups) {
        const std::string label = group_label(t, grouping, g.key);
        for (const auto& s : g.curve.steps) {
            table.rows.push_back({label, count(s.time), count(s.at_risk), count(s.events),
                                  count(s.censored), figure(s.survival), figure(s.std_err),
                                  figure(s.lower), figure(s.upper)});
        }
    }
    return table;
}

json::object calendar_page_data(const Catalogue& t,
                                const std::vector<domain::CalendarMonth>& months,
                                const CalendarPageInput& input) {
    json::array rows;
    for (const auto& m : months) {
        rows.push_back(json::object{{"month", month_label(t, m.month)},
                                    {"in_post", count_text(t, m.in_post)},
                                    {"joined", count_text(t, m.joined)},
                                    {"left", count_text(t, m.left)}});
    }
    const CalendarChartText chart_text{
        .title = t.format("stability.calendar.chart_title", {{"from", month_label(t, input.from)},
                                                             {"to", month_label(t, input.to)},
                                                             {"scope", input.scope_label}}),
        .description = t.text("stability.calendar.chart_description")};
    const std::string query = "?from=" + input.from.iso() + "&to=" + input.to.iso();
    return json::object{
        {"heading", input.heading},
        {"intro", t.format("stability.calendar.intro", {{"date", input.as_of.norwegian()}})},
        {"protected", input.cells == domain::SmallCells::protected_},
        {"action", input.base},
        {"from", input.from.iso()},
        {"to", input.to.iso()},
        {"chart", calendar_chart_svg(months, chart_text, "calendar-chart")},
        {"chart_title", chart_text.title},
        {"legend", json::array{json::object{{"swatch", legend_swatch_svg(kInPostSeries)},
                                            {"label", t.text("stability.calendar.in_post")}},
                               json::object{{"swatch", legend_box_svg(kJoinedSeries)},
                                            {"label", t.text("stability.calendar.joined")}},
                               json::object{{"swatch", legend_box_svg(kLeftSeries)},
                                            {"label", t.text("stability.calendar.left")}}}},
        {"rows", std::move(rows)},
        {"csv_url", input.base + ".csv" + query},
        {"xlsx_url", input.base + ".xlsx" + query},
        {"curves_url", input.curves_url}};
}

Sheet calendar_table(const Catalogue& t, const std::vector<domain::CalendarMonth>& months) {
    Sheet table{.name = t.text("stability.export.calendar_sheet"),
                .headers = {},
                .rows = {},
                .column_width = 18};
    for (const char* column : {"month", "in_post", "joined", "left"}) {
        table.headers.push_back(t.text(std::string("stability.export.") + column));
    }
    const auto cell = [&](const std::optional<std::int64_t>& count) {
        return count ? Cell(Number{static_cast<double>(*count), 0}) : Cell(t.text("stability.few"));
    };
    for (const auto& m : months) {
        table.rows.push_back({m.month.iso(), cell(m.in_post), cell(m.joined), cell(m.left)});
    }
    return table;
}

}  // namespace alis::web
