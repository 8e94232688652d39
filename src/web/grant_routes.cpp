// The money pages (docs/money.md): a municipality's claim of the national grant for a refund
// period (its leader), as a page, CSV, Excel and JSON; the coverage of the grant for the
// municipality's own ALIS (its leader), for a region (its office) and for the country (the
// national administrator); and the regional pilot budgets (the regional office).
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "app/coverage.hpp"
#include "app/grant_claims.hpp"
#include "app/money_rules.hpp"
#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "web/access.hpp"
#include "web/cost_form_view.hpp"
#include "web/grant_view.hpp"
#include "web/pipeline.hpp"
#include "web/spreadsheet.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// The year a query parameter names among `years`; `fallback` without one; 400 for any other.
int year_of(const Request& request, std::string_view name, const std::vector<int>& years,
            int fallback) {
    const std::string text = query_value(request, name);
    if (text.empty()) {
        return fallback;
    }
    int year = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (error != std::errc() || end != text.data() + text.size() ||
        std::find(years.begin(), years.end(), year) == years.end()) {
        throw HttpError(http::status::bad_request, "unknown_year", "money.unknown_year",
                        std::string(name));
    }
    return year;
}

// The grant year a claim request asks for; by default the latest whose refund period has begun.
int grant_year_of(const Services& s, const Request& request) {
    const auto years = app::embedded_grant_years();
    return year_of(request, "grant_year", years, app::latest_begun_year(years, s.today()));
}

// The cost year a coverage request asks for; by default, as for a claim, the latest whose grant
// year's refund period has begun.
int coverage_year_of(const Services& s, const Request& request) {
    const auto years = app::coverage_years();
    return year_of(request, "year", years, app::latest_begun_year(years, s.today()));
}

app::ClaimReport claim_of(Services& s, const Request& request, const RequestContext& context) {
    return found(app::grant_claim(s.app, context.params.at("number"), grant_year_of(s, request)));
}

json::array year_links(const std::vector<int>& years, int chosen, const std::string& base,
                       std::string_view name) {
    json::array links;
    for (const int y : years) {
        links.push_back(
            json::object{{"year", y},
                         {"url", base + "?" + std::string(name) + "=" + std::to_string(y)},
                         {"current", y == chosen}});
    }
    return links;
}

Response claim_page(Services& s, const Request& request, RequestContext& context) {
    const auto report = claim_of(s, request, context);
    auto data = claim_page_data(s.catalogue, report);
    data["years"] =
        year_links(app::embedded_grant_years(), report.grant_year,
                   "/kommuner/" + report.municipality.number + "/tilskudd", "grant_year");
    const auto title = data["heading"].as_string();
    return page(s, request, context, "grant_claim", std::string(title), std::move(data));
}

Response claim_api(Services& s, const Request& request, RequestContext& context) {
    return json_response(http::status::ok, request.version(),
                         claim_json(claim_of(s, request, context)));
}

template <SheetFormat F>
Response claim_download(Services& s, const Request& request, RequestContext& context) {
    const auto report = claim_of(s, request, context);
    const auto sheet = claim_sheet(s.catalogue, report);
    const std::string stem =
        "tilskudd-" + report.municipality.number + "-" + std::to_string(report.grant_year);
    auto body = std::make_shared<const std::string>(F == SheetFormat::csv ? csv_text(sheet)
                                                                          : xlsx_bytes(sheet));
    return F == SheetFormat::csv ? download_response(request, body, kCsvType, stem + ".csv")
                                 : download_response(request, body, kXlsxType, stem + ".xlsx");
}

// Whose coverage a request asks for: the municipality's own ALIS, a region's, the country's.
enum class CoverageScope { municipality, region, country };

template <CoverageScope Scope>
app::CoverageReport coverage_of(Services& s, const RequestContext& context, int year,
                                std::string& heading, std::string& base) {
    const auto& t = s.catalogue;
    if constexpr (Scope == CoverageScope::municipality) {
        const auto& number = context.params.at("number");
        const auto m = found(app::find_municipality(s.app, number));
        heading = t.format("coverage.heading", {{"scope", m.name}});
        base = "/kommuner/" + number + "/dekning";
        return found(app::municipality_coverage(s.app, number, year));
    } else if constexpr (Scope == CoverageScope::region) {
        const auto& office = context.params.at("office");
        heading = t.format("coverage.heading",
                           {{"scope", t.format("coverage.region", {{"office", office}})}});
        base = "/regioner/" + office + "/dekning";
        return app::region_coverage(s.app, office, year);
    } else {
        heading = t.format("coverage.heading", {{"scope", t.text("coverage.country")}});
        base = "/dekning";
        return app::national_coverage(s.app, year);
    }
}

template <CoverageScope Scope>
Response coverage_page(Services& s, const Request& request, RequestContext& context) {
    const int year = coverage_year_of(s, request);
    std::string heading;
    std::string base;
    const auto report = coverage_of<Scope>(s, context, year, heading, base);
    auto data = coverage_page_data(s.catalogue, report, heading);
    data["years"] = year_links(app::coverage_years(), year, base, "year");
    if constexpr (Scope == CoverageScope::municipality) {
        // The leader's forms of the cost inputs: the municipality's defaults and each ALIS's own.
        const auto& number = context.params.at("number");
        data["defaults_url"] = cost_form_path(number, year, std::nullopt);
        data["defaults_label"] = s.catalogue.format("coverage.defaults_link", {{"year", year}});
        auto& rows = data["alis"].as_array();
        for (std::size_t i = 0; i < rows.size() && i < report.alis.size(); ++i) {
            rows[i].as_object()["cost_url"] =
                cost_form_path(number, year, report.alis[i].person_id);
        }
    }
    if constexpr (Scope == CoverageScope::country) {
        data["by_class"] = coverage_summary_data(s.catalogue, report)["by_class"];
        data["by_pay"] = coverage_summary_data(s.catalogue, report)["by_pay"];
        data["national"] = true;
    }
    return page(s, request, context, "coverage", heading, std::move(data));
}

template <CoverageScope Scope>
Response coverage_api(Services& s, const Request& request, RequestContext& context) {
    std::string heading;
    std::string base;
    return json_response(
        http::status::ok, request.version(),
        coverage_json(coverage_of<Scope>(s, context, coverage_year_of(s, request), heading, base)));
}

// The regional office's page of pilot budgets: the shipped ones, computed as `alis budget` does.
Response budget_page(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    json::array budgets;
    for (const auto& budget : app::embedded_budgets()) {
        const auto result = domain::compute_budget(budget);
        json::array lines;
        for (const auto& line : result.lines) {
            lines.push_back(json::object{{"name", line.name},
                                         {"amount", domain::format_kroner(line.per_year)}});
        }
        const auto years = std::to_string(budget.years);
        const auto candidates = std::to_string(budget.candidates);
        budgets.push_back(json::object{
            {"title",
             t.format("budget.text.title",
                      {{"name", budget.name}, {"candidates", candidates}, {"years", years}})},
            {"lines", std::move(lines)},
            {"gross_per_year", domain::format_kroner(result.gross_per_year)},
            {"co_payments_label",
             t.format("budget.text.co_payments_per_year",
                      {{"candidates", candidates},
                       {"co_payment", domain::format_kroner(budget.co_payment_per_candidate)}})},
            {"co_payments_per_year", domain::format_kroner(result.co_payments_per_year)},
            {"net_per_year", domain::format_kroner(result.net_per_year)},
            {"gross_total_label", t.format("budget.text.gross_total", {{"years", years}})},
            {"gross_total", domain::format_kroner(result.gross_total)},
            {"net_total_label", t.format("budget.text.net_total", {{"years", years}})},
            {"net_total", domain::format_kroner(result.net_total)},
            {"source",
             budget.provenance.source.empty()
                 ? std::string()
                 : t.format("budget.text.source", {{"source", budget.provenance.source}})},
            {"unconfirmed",
             budget.provenance.unconfirmed
                 ? t.format("budget.text.unconfirmed", {{"note", budget.provenance.note}})
                 : std::string()}});
    }
    const auto heading = t.format("budget.page.heading", {{"office", context.params.at("office")}});
    return page(s, request, context, "budgets", heading,
                json::object{{"heading", heading}, {"budgets", std::move(budgets)}});
}

}  // namespace

void register_grant_routes(Routes& routes) {
    using http::verb;
    const RouteAccess kClaim{app::Action::view_grant_claim, ResourceFrom::municipality_param};
    routes.add(verb::get, "/kommuner/{number}/tilskudd", kClaim, claim_page);
    routes.add(verb::get, "/kommuner/{number}/tilskudd.csv", kClaim,
               claim_download<SheetFormat::csv>);
    routes.add(verb::get, "/kommuner/{number}/tilskudd.xlsx", kClaim,
               claim_download<SheetFormat::xlsx>);
    routes.add(verb::get, "/api/v1/municipalities/{number}/grant-claim", kClaim, claim_api);

    const RouteAccess kOwn{app::Action::manage_costs, ResourceFrom::municipality_param};
    const RouteAccess kRegion{app::Action::view_coverage, ResourceFrom::office_param};
    const RouteAccess kCountry{app::Action::view_coverage, ResourceFrom::none};
    routes.add(verb::get, "/kommuner/{number}/dekning", kOwn,
               coverage_page<CoverageScope::municipality>);
    routes.add(verb::get, "/api/v1/municipalities/{number}/coverage", kOwn,
               coverage_api<CoverageScope::municipality>);
    routes.add(verb::get, "/regioner/{office}/dekning", kRegion,
               coverage_page<CoverageScope::region>);
    routes.add(verb::get, "/api/v1/regions/{office}/coverage", kRegion,
               coverage_api<CoverageScope::region>);
    routes.add(verb::get, "/dekning", kCountry, coverage_page<CoverageScope::country>);
    routes.add(verb::get, "/api/v1/coverage", kCountry, coverage_api<CoverageScope::country>);

    routes.add(verb::get, "/regioner/{office}/budsjett",
               RouteAccess{app::Action::view_region, ResourceFrom::office_param}, budget_page);
}

}  // namespace alis::web
