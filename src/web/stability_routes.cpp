// The stability figures as JSON (issue 16; docs/statistics.md): Kaplan–Meier curves of how long
// doctors stay in their ALIS post or in the training, in groups, with the log-rank test and the
// reasons for leaving, for a municipality (its leader and its regional office), a region (its
// office and the national level) and the country. Only the municipality's own leader sees small
// groups; everyone else gets the small-cell protection.
#include <boost/json.hpp>

#include <algorithm>

#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/stability.hpp"
#include "app/survival_json.hpp"
#include "web/access.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// A query parameter naming an enum value; `fallback` when absent, 400 when it names none.
template <typename Enum>
Enum query_choice(const Request& request, std::string_view name, Enum fallback) {
    const std::string value = query_value(request, name);
    if (value.empty()) {
        return fallback;
    }
    if (const auto parsed = domain::parse_enum<Enum>(value)) {
        return *parsed;
    }
    throw HttpError(http::status::bad_request, "bad_query", "error.bad_query");
}

Response stability_answer(Services& s, const Request& request, const app::StabilityScope& scope,
                          domain::SmallCells cells) {
    const auto outcome = query_choice(request, "outcome", domain::StabilityOutcome::in_post);
    const auto grouping = query_choice(request, "group", app::StabilityGrouping::none);
    const auto report = app::stability_report(s.app, scope, outcome, grouping, cells, s.today());
    std::vector<app::KeyedCurve> curves;
    for (const auto& g : report.figures.groups) {
        curves.push_back({g.key, g.curve});
    }
    std::optional<std::optional<domain::LogRankTest>> test;
    if (report.figures.groups.size() + static_cast<std::size_t>(report.figures.groups_left_out) >
        1) {
        test = report.figures.log_rank;
    }
    auto body = json::parse(app::survival_json(curves, test)).as_object();
    json::array reasons;
    for (const auto& r : report.reasons) {
        reasons.push_back(json::object{{"reason", std::string(domain::to_string(r.reason))},
                                       {"count", r.count ? json::value(*r.count) : nullptr}});
    }
    body["as_of"] = s.today().iso();
    body["municipality"] =
        scope.municipality_number ? json::value(*scope.municipality_number) : json::value(nullptr);
    body["alis_office"] =
        scope.alis_office ? json::value(*scope.alis_office) : json::value(nullptr);
    body["outcome"] = std::string(domain::to_string(outcome));
    body["grouping"] = std::string(domain::to_string(grouping));
    body["small_cells"] = cells == domain::SmallCells::shown ? "shown" : "protected";
    body["posts"] = report.posts;
    body["groups_left_out"] = report.figures.groups_left_out;
    body["reasons"] = std::move(reasons);
    return json_response(http::status::ok, request.version(), body);
}

Response municipality_stability(Services& s, const Request& request, RequestContext& context) {
    // The municipality's own leader sees its small groups; its regional office does not.
    const bool own = also_allowed(context, app::Action::manage_municipality, s.today());
    return stability_answer(s, request, {context.params.at("number"), std::nullopt},
                            own ? domain::SmallCells::shown : domain::SmallCells::protected_);
}

Response region_stability(Services& s, const Request& request, RequestContext& context) {
    const std::string& office = context.params.at("office");
    const auto all = app::municipalities(s.app);
    if (std::none_of(all.begin(), all.end(),
                     [&](const domain::Municipality& m) { return m.alis_office == office; })) {
        not_found();  // As the region's own page: an office without municipalities.
    }
    return stability_answer(s, request, {std::nullopt, context.params.at("office")},
                            domain::SmallCells::protected_);
}

Response national_stability(Services& s, const Request& request, RequestContext& /*context*/) {
    return stability_answer(s, request, {}, domain::SmallCells::protected_);
}

}  // namespace

void register_stability_routes(Routes& routes) {
    using http::verb;
    routes.add(verb::get, "/api/v1/municipalities/{number}/stability",
               RouteAccess{app::Action::view_municipality, ResourceFrom::municipality_param},
               municipality_stability);
    routes.add(verb::get, "/api/v1/regions/{office}/stability",
               RouteAccess{app::Action::view_region, ResourceFrom::office_param}, region_stability);
    routes.add(verb::get, "/api/v1/stability",
               RouteAccess{app::Action::read_aggregates, ResourceFrom::none}, national_stability);
}

}  // namespace alis::web
