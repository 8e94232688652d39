#include "web/grant_view.hpp"

#include <vector>

#include "domain/grant_json.hpp"
#include "web/coverage_chart.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

std::string type_label(const Catalogue& t, domain::GrantPostType type) {
    return t.text("claim.post_type." + std::string(domain::to_string(type)));
}

std::string reason_label(const Catalogue& t, domain::GrantReason reason) {
    return t.text("claim.reason." + std::string(domain::to_string(reason)));
}

std::string amount_text(std::optional<domain::Money> amount) {
    return amount ? domain::format_kroner(*amount) : "";
}

}  // namespace

Cell kroner_cell(domain::Money amount) {
    return Number{static_cast<double>(amount.in_ore()) / 100.0, 2};
}

json::object claim_page_data(const Catalogue& t, const app::ClaimReport& report) {
    const auto& c = report.claim;
    json::array lines;
    json::array stopped;
    for (const auto& line : c.lines) {
        if (line.months_counted > 0) {
            lines.push_back(json::object{{"name", line.full_name},
                                         {"post", type_label(t, line.type)},
                                         {"fte", std::to_string(line.fte) + "\u00a0%"},
                                         {"months", line.months_counted},
                                         {"amount", domain::format_kroner(line.amount)}});
        }
        for (const auto& [reason, months] : line.stopped) {
            stopped.push_back(json::object{{"name", line.full_name},
                                           {"post", type_label(t, line.type)},
                                           {"reason", reason_label(t, reason)},
                                           {"months", months}});
        }
    }
    const auto period = c.period_from.norwegian() + "\u2013" + c.period_to.norwegian();
    return json::object{
        {"heading", t.format("claim.heading",
                             {{"municipality", report.municipality.name}, {"period", period}})},
        {"intro", t.format("claim.intro", {{"year", report.grant_year}, {"period", period}})},
        {"deadline", t.format("claim.deadline", {{"date", c.claim_deadline.norwegian()}})},
        {"unconfirmed", c.unconfirmed},
        {"has_lines", !lines.empty()},
        {"lines", std::move(lines)},
        {"has_stopped", !stopped.empty()},
        {"stopped", std::move(stopped)},
        {"total_months", c.months_counted},
        {"total", domain::format_kroner(c.total)},
        {"csv_url", "/kommuner/" + report.municipality.number +
                        "/tilskudd.csv?grant_year=" + std::to_string(report.grant_year)},
        {"xlsx_url", "/kommuner/" + report.municipality.number +
                         "/tilskudd.xlsx?grant_year=" + std::to_string(report.grant_year)},
        {"coverage_url", "/kommuner/" + report.municipality.number +
                             "/dekning?year=" + std::to_string(report.grant_year)}};
}

json::object claim_json(const app::ClaimReport& report) {
    const auto& c = report.claim;
    json::array lines;
    for (const auto& line : c.lines) {
        json::array stopped;
        for (const auto& [reason, months] : line.stopped) {
            stopped.push_back(json::object{{"reason", std::string(domain::to_string(reason))},
                                           {"months", months}});
        }
        lines.push_back(json::object{{"person_id", line.person_id},
                                     {"name", line.full_name},
                                     {"employment_id", line.employment_id},
                                     {"post_type", std::string(domain::to_string(line.type))},
                                     {"fte", line.fte},
                                     {"months_counted", line.months_counted},
                                     {"amount_ore", line.amount.in_ore()},
                                     {"stopped", std::move(stopped)}});
    }
    return json::object{
        {"municipality", report.municipality.number},
        {"grant_year", report.grant_year},
        {"period", json::object{{"from", c.period_from.iso()}, {"to", c.period_to.iso()}}},
        {"claim_deadline", c.claim_deadline.iso()},
        {"unconfirmed", c.unconfirmed},
        {"lines", std::move(lines)},
        {"months_counted", c.months_counted},
        {"total_ore", c.total.in_ore()}};
}

Sheet claim_sheet(const Catalogue& t, const app::ClaimReport& report) {
    Sheet sheet;
    sheet.name = t.text("claim.sheet_name");
    sheet.headers = {t.text("claim.col_name"),   t.text("claim.col_post"),
                     t.text("claim.col_fte"),    t.text("claim.col_months"),
                     t.text("claim.col_amount"), t.text("claim.col_stopped")};
    for (const auto& line : report.claim.lines) {
        std::string stopped;
        for (const auto& [reason, months] : line.stopped) {
            stopped += (stopped.empty() ? "" : "; ") + reason_label(t, reason) + " (" +
                       std::to_string(months) + ")";
        }
        sheet.rows.push_back({line.full_name, type_label(t, line.type),
                              Number{static_cast<double>(line.fte), 0},
                              Number{static_cast<double>(line.months_counted), 0},
                              kroner_cell(line.amount), stopped});
    }
    sheet.rows.push_back({t.text("claim.total"), std::monostate{}, std::monostate{},
                          Number{static_cast<double>(report.claim.months_counted), 0},
                          kroner_cell(report.claim.total),
                          report.claim.unconfirmed ? t.text("claim.unconfirmed_short") : ""});
    return sheet;
}

namespace {

json::object group_data(const Catalogue& t, const app::CoverageGroup& g) {
    const auto few = t.text("stability.few");
    if (g.withheld) {
        return {{"name", g.name},
                {"alis", g.coverage.alis == 0 ? "0" : few},
                {"grant", ""},
                {"cost", ""},
                {"coverage", t.text("coverage.withheld")}};
    }
    return {{"name", g.name},
            {"alis", std::to_string(g.coverage.alis)},
            {"grant", domain::format_kroner(g.coverage.grant)},
            {"cost", domain::format_kroner(g.coverage.cost_before_grant)},
            {"coverage", domain::format_per_mille(g.coverage.per_mille())}};
}

json::array groups_data(const Catalogue& t, const std::vector<app::CoverageGroup>& groups,
                        std::string_view prefix) {
    json::array list;
    for (const auto& g : groups) {
        auto row = group_data(t, g);
        if (!prefix.empty()) {
            row["name"] = t.text(std::string(prefix) + g.key);
        }
        list.push_back(std::move(row));
    }
    return list;
}

json::value per_mille_json(const app::CoverageGroup& g) {
    const auto p = g.withheld ? std::nullopt : g.coverage.per_mille();
    return p ? json::value(*p) : json::value(nullptr);
}

json::array groups_json(const std::vector<app::CoverageGroup>& groups) {
    json::array list;
    for (const auto& g : groups) {
        list.push_back(json::object{
            {"key", g.key},
            {"alis", g.withheld ? json::value(nullptr) : json::value(g.coverage.alis)},
            {"withheld", g.withheld},
            {"grant_ore",
             g.withheld ? json::value(nullptr) : json::value(g.coverage.grant.in_ore())},
            {"cost_before_grant_ore", g.withheld
                                          ? json::value(nullptr)
                                          : json::value(g.coverage.cost_before_grant.in_ore())},
            {"coverage_per_mille", per_mille_json(g)}});
    }
    return list;
}

}  // namespace

json::object coverage_page_data(const Catalogue& t, const app::CoverageReport& report,
                                const std::string& heading) {
    json::array alis;
    std::vector<CoverageBar> bars;
    for (const auto& a : report.alis) {
        const auto p = a.has_cost_inputs ? a.coverage.per_mille() : std::nullopt;
        const auto text =
            a.has_cost_inputs ? domain::format_per_mille(p) : t.text("coverage.no_cost_inputs");
        alis.push_back(json::object{
            {"name", a.full_name},
            {"pay", t.text("pay_model." + std::string(domain::to_string(a.pay)))},
            {"expenses",
             amount_text(a.has_cost_inputs ? std::optional(a.cost.expenses) : std::nullopt)},
            {"cost", amount_text(a.has_cost_inputs ? std::optional(a.cost.cost) : std::nullopt)},
            {"grant", domain::format_kroner(a.coverage.grant)},
            {"coverage", text}});
        bars.push_back({a.full_name, p, text});
    }
    auto groups = groups_data(t, report.groups, "");
    for (const auto& g : report.groups) {
        bars.push_back({g.name, g.withheld ? std::nullopt : g.coverage.per_mille(),
                        g.withheld ? t.text("coverage.withheld")
                                   : domain::format_per_mille(g.coverage.per_mille())});
    }
    const auto title =
        t.format("coverage.chart_title", {{"scope", heading}, {"year", report.year}});
    return json::object{
        {"heading", heading},
        {"intro", t.format("coverage.intro", {{"year", report.year}})},
        {"unconfirmed", report.unconfirmed},
        {"has_alis", !alis.empty()},
        {"alis", std::move(alis)},
        {"has_groups", !groups.empty()},
        {"groups", std::move(groups)},
        {"total", group_data(t, report.total)},
        {"without_cost_inputs",
         report.without_cost_inputs == 0
             ? std::string()
             : t.format("coverage.without_cost_inputs", {{"count", report.without_cost_inputs}})},
        {"has_chart", !bars.empty()},
        {"chart",
         coverage_chart_svg(bars, title, t.text("coverage.chart_description"), "coverage-chart")},
        {"chart_title", title},
        {"year", report.year}};
}

json::object coverage_json(const app::CoverageReport& report) {
    json::array alis;
    for (const auto& a : report.alis) {
        const auto p = a.has_cost_inputs ? a.coverage.per_mille() : std::nullopt;
        alis.push_back(
            json::object{{"person_id", a.person_id},
                         {"name", a.full_name},
                         {"pay_model", std::string(domain::to_string(a.pay))},
                         {"has_cost_inputs", a.has_cost_inputs},
                         {"expenses_ore", a.cost.expenses.in_ore()},
                         {"cost_before_grant_ore", a.cost.cost.in_ore()},
                         {"grant_ore", a.coverage.grant.in_ore()},
                         {"coverage_per_mille", p ? json::value(*p) : json::value(nullptr)}});
    }
    json::object body{{"year", report.year},
                      {"unconfirmed", report.unconfirmed},
                      {"without_cost_inputs", report.without_cost_inputs},
                      {"total", groups_json({report.total}).front()},
                      {"groups", groups_json(report.groups)}};
    if (!report.alis.empty()) {
        body["alis"] = std::move(alis);
    }
    if (report.national) {
        body["by_centrality_class"] = groups_json(report.by_centrality_class);
        body["by_pay_model"] = groups_json(report.by_pay_model);
    }
    return body;
}

json::object coverage_summary_data(const Catalogue& t, const app::CoverageReport& report) {
    return json::object{
        {"coverage_intro", t.format("coverage.summary_intro", {{"year", report.year}})},
        {"unconfirmed", report.unconfirmed},
        {"by_class", groups_data(t, report.by_centrality_class, "coverage.class.")},
        {"by_pay", groups_data(t, report.by_pay_model, "pay_model.")},
        {"coverage_total", group_data(t, report.total)},
        {"coverage_url", "/dekning?year=" + std::to_string(report.year)}};
}

}  // namespace alis::web
