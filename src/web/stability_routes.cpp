// The stability figures (issue 16; docs/statistics.md): Kaplan–Meier curves of how long doctors
// stay in their ALIS post or in the training, in groups, with the log-rank test and the reasons
// for leaving, and the calendar view of those in post month by month, for a municipality (its
// leader and its regional office), a region (its office and the national level) and the country;
// as JSON, as pages with SVG charts, and as CSV and Excel. Only the municipality's own leader sees
// small groups; everyone else gets the small-cell protection. The scope and its protection are
// decided once (scope_of) for every format.
#include <boost/json.hpp>

#include <algorithm>

#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/stability.hpp"
#include "app/survival_json.hpp"
#include "web/access.hpp"
#include "web/pipeline.hpp"
#include "web/spreadsheet.hpp"
#include "web/stability_scope.hpp"
#include "web/stability_view.hpp"

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
    throw HttpError(http::status::bad_request, "bad_query", "error.bad_query", std::string(name));
}

// What the curves show: the outcome and the grouping the request chose.
struct Choice {
    domain::StabilityOutcome outcome = domain::StabilityOutcome::in_post;
    app::StabilityGrouping grouping = app::StabilityGrouping::none;

    static Choice of(const Request& request) {
        return {query_choice(request, "outcome", domain::StabilityOutcome::in_post),
                query_choice(request, "group", app::StabilityGrouping::none)};
    }
    std::string key() const {
        return std::string(domain::to_string(outcome)) + "/" +
               std::string(domain::to_string(grouping));
    }
};

// The months of the calendar a request chose: `from` and `to` as YYYY-MM, by default the five
// years up to this month; 400 with the reason for a month or a window that cannot be shown.
struct Window {
    domain::Month from;
    domain::Month to;

    static Window of(const Services& s, const Request& request) {
        const auto month = [&](std::string_view name, domain::Month fallback) {
            const std::string text = query_value(request, name);
            if (text.empty()) {
                return fallback;
            }
            const auto parsed = domain::Month::parse_iso(text);
            if (!parsed) {
                throw HttpError(http::status::bad_request, "bad_query", "error.bad_month",
                                std::string(name));
            }
            return *parsed;
        };
        Window w;
        w.to = month("to", domain::Month::of(s.today()));
        w.from = month("from", w.to.plus(-59));
        if (const auto problem = domain::check_calendar_window(w.from, w.to, s.today())) {
            const char* key =
                *problem == domain::CalendarWindowProblem::reversed ? "error.month_window_reversed"
                : *problem == domain::CalendarWindowProblem::future ? "error.month_window_future"
                                                                    : "error.month_window_too_long";
            throw HttpError(http::status::bad_request, "bad_query", key,
                            *problem == domain::CalendarWindowProblem::reversed ? "from" : "to");
        }
        return w;
    }
    std::string key() const { return from.iso() + "/" + to.iso(); }
};

app::StabilityReport report_of(Services& s, const Scope& scope, const Choice& choice) {
    return app::stability_report(s.app, scope.scope, choice.outcome, choice.grouping, scope.cells,
                                 s.today());
}

std::string stability_json(Services& s, const Scope& scope, const Choice& choice) {
    const auto report = report_of(s, scope, choice);
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
    const auto reasons_json = [](const std::vector<app::ReasonCount>& counts) {
        json::array reasons;
        for (const auto& r : counts) {
            reasons.push_back(json::object{{"reason", std::string(domain::to_string(r.reason))},
                                           {"count", r.count ? json::value(*r.count) : nullptr}});
        }
        return reasons;
    };
    json::array by_group;
    for (const auto& g : report.reasons_by_group) {
        by_group.push_back(json::object{{"group", g.key}, {"reasons", reasons_json(g.reasons)}});
    }
    body["as_of"] = s.today().iso();
    body["municipality"] = scope.scope.municipality_number
                               ? json::value(*scope.scope.municipality_number)
                               : json::value(nullptr);
    body["alis_office"] =
        scope.scope.alis_office ? json::value(*scope.scope.alis_office) : json::value(nullptr);
    body["outcome"] = std::string(domain::to_string(choice.outcome));
    body["grouping"] = std::string(domain::to_string(choice.grouping));
    body["small_cells"] = scope.cells == domain::SmallCells::shown ? "shown" : "protected";
    body["posts"] = report.posts;
    body["groups_left_out"] = report.figures.groups_left_out;
    body["reasons"] = reasons_json(report.reasons);
    body["reasons_by_group"] = std::move(by_group);
    return json::serialize(body);
}

std::string calendar_json(Services& s, const Scope& scope, const Window& window) {
    const auto months =
        app::stability_calendar(s.app, scope.scope, window.from, window.to, scope.cells, s.today());
    const auto count = [](const std::optional<std::int64_t>& c) {
        return c ? json::value(*c) : json::value(nullptr);
    };
    json::array list;
    for (const auto& m : months) {
        list.push_back(json::object{{"month", m.month.iso()},
                                    {"in_post", count(m.in_post)},
                                    {"joined", count(m.joined)},
                                    {"left", count(m.left)}});
    }
    return json::serialize(json::object{
        {"as_of", s.today().iso()},
        {"municipality", scope.scope.municipality_number
                             ? json::value(*scope.scope.municipality_number)
                             : json::value(nullptr)},
        {"alis_office",
         scope.scope.alis_office ? json::value(*scope.scope.alis_office) : json::value(nullptr)},
        {"small_cells", scope.cells == domain::SmallCells::shown ? "shown" : "protected"},
        {"from", window.from.iso()},
        {"to", window.to.iso()},
        {"months", std::move(list)}});
}

// A body of the scope computed once per key, day and data generation (the response cache).
template <typename Compute>
std::shared_ptr<const std::string> cached(Services& s, const Scope& scope, std::string_view what,
                                          const std::string& key, Compute compute) {
    // Read first: whatever is computed after it is at least this new.
    const auto generation = s.app.data_generation();
    return s.cache.get_or_compute("stability/" + std::string(what) + "/" + scope.cache_key + "/" +
                                      key + "/" + s.today().iso(),
                                  generation, compute);
}

template <ScopeKind Kind>
Response stability_api(Services& s, const Request& request, RequestContext& context) {
    const Scope scope = scope_of(s, context, Kind);
    const Choice choice = Choice::of(request);
    return cached_response(
        request.version(),
        cached(s, scope, "json", choice.key(), [&] { return stability_json(s, scope, choice); }),
        kJsonType);
}

template <ScopeKind Kind>
Response calendar_api(Services& s, const Request& request, RequestContext& context) {
    const Scope scope = scope_of(s, context, Kind);
    const Window window = Window::of(s, request);
    return cached_response(request.version(),
                           cached(s, scope, "calendar-json", window.key(),
                                  [&] { return calendar_json(s, scope, window); }),
                           kJsonType);
}

template <ScopeKind Kind>
Response stability_page(Services& s, const Request& request, RequestContext& context) {
    const Scope scope = scope_of(s, context, Kind);
    const Choice choice = Choice::of(request);
    Links links = links_of(s, context, Kind, scope, "");
    const auto body = cached(s, scope, "page", choice.key() + "/" + links.key, [&] {
        StabilityPageInput input{.heading = scope.heading,
                                 .scope_label = scope.label,
                                 .base = scope.base,
                                 .outcome = choice.outcome,
                                 .grouping = choice.grouping,
                                 .cells = scope.cells,
                                 .as_of = s.today(),
                                 .links_heading = links.heading,
                                 .links = std::move(links.items)};
        return s.templates.render_body(
            "stability", stability_page_data(s.catalogue, report_of(s, scope, choice), input),
            s.static_files.urls());
    });
    return page_from_body(s, request, context, scope.heading, *body);
}

template <ScopeKind Kind>
Response calendar_page(Services& s, const Request& request, RequestContext& context) {
    const Scope scope = scope_of(s, context, Kind);
    const Window window = Window::of(s, request);
    const std::string heading =
        s.catalogue.format("stability.calendar.title", {{"scope", scope.label}});
    const auto body = cached(s, scope, "calendar-page", window.key(), [&] {
        const CalendarPageInput input{.heading = heading,
                                      .scope_label = scope.label,
                                      .base = scope.base + "/kalender",
                                      .curves_url = scope.base,
                                      .from = window.from,
                                      .to = window.to,
                                      .cells = scope.cells,
                                      .as_of = s.today()};
        const auto months = app::stability_calendar(s.app, scope.scope, window.from, window.to,
                                                    scope.cells, s.today());
        return s.templates.render_body("stability_calendar",
                                       calendar_page_data(s.catalogue, months, input),
                                       s.static_files.urls());
    });
    return page_from_body(s, request, context, heading, *body);
}

// The downloads: the steps of the curves, or the months of the calendar, as CSV or Excel.

Sheet steps_table(Services& s, const Scope& scope, const Choice& choice) {
    return stability_steps_table(s.catalogue, report_of(s, scope, choice), choice.grouping);
}

Sheet months_table(Services& s, const Scope& scope, const Window& window) {
    return calendar_table(s.catalogue, app::stability_calendar(s.app, scope.scope, window.from,
                                                               window.to, scope.cells, s.today()));
}

Response send_download(const Request& request, std::shared_ptr<const std::string> body,
                       SheetFormat format, const std::string& stem) {
    return format == SheetFormat::csv
               ? download_response(request, std::move(body), kCsvType, stem + ".csv")
               : download_response(request, std::move(body), kXlsxType, stem + ".xlsx");
}

template <ScopeKind Kind, SheetFormat F>
Response stability_download(Services& s, const Request& request, RequestContext& context) {
    const Scope scope = scope_of(s, context, Kind);
    const Choice choice = Choice::of(request);
    const auto body = cached(s, scope, F == SheetFormat::csv ? "csv" : "xlsx", choice.key(), [&] {
        const auto table = steps_table(s, scope, choice);
        return F == SheetFormat::csv ? csv_text(table) : xlsx_bytes(table);
    });
    return send_download(request, body, F, scope.file_stem);
}

template <ScopeKind Kind, SheetFormat F>
Response calendar_download(Services& s, const Request& request, RequestContext& context) {
    const Scope scope = scope_of(s, context, Kind);
    const Window window = Window::of(s, request);
    const auto body = cached(s, scope, F == SheetFormat::csv ? "calendar-csv" : "calendar-xlsx",
                             window.key(), [&] {
                                 const auto table = months_table(s, scope, window);
                                 return F == SheetFormat::csv ? csv_text(table) : xlsx_bytes(table);
                             });
    return send_download(request, body, F, scope.file_stem + "-maaneder");
}

// The routes of one scope: the API, the pages and their downloads.
template <ScopeKind Kind>
void add_scope(Routes& routes, const std::string& api, const std::string& page,
               const RouteAccess& access) {
    using http::verb;
    routes.add(verb::get, api + "/stability", access, stability_api<Kind>);
    routes.add(verb::get, api + "/stability/calendar", access, calendar_api<Kind>);
    routes.add(verb::get, page, access, stability_page<Kind>);
    routes.add(verb::get, page + ".csv", access, stability_download<Kind, SheetFormat::csv>);
    routes.add(verb::get, page + ".xlsx", access, stability_download<Kind, SheetFormat::xlsx>);
    routes.add(verb::get, page + "/kalender", access, calendar_page<Kind>);
    routes.add(verb::get, page + "/kalender.csv", access,
               calendar_download<Kind, SheetFormat::csv>);
    routes.add(verb::get, page + "/kalender.xlsx", access,
               calendar_download<Kind, SheetFormat::xlsx>);
}

}  // namespace

void register_stability_routes(Routes& routes) {
    add_scope<ScopeKind::municipality>(
        routes, "/api/v1/municipalities/{number}", "/kommuner/{number}/stabilitet",
        RouteAccess{app::Action::view_municipality, ResourceFrom::municipality_param});
    add_scope<ScopeKind::region>(routes, "/api/v1/regions/{office}",
                                 "/regioner/{office}/stabilitet",
                                 RouteAccess{app::Action::view_region, ResourceFrom::office_param});
    add_scope<ScopeKind::country>(routes, "/api/v1", "/stabilitet",
                                  RouteAccess{app::Action::read_aggregates, ResourceFrom::none});
}

}  // namespace alis::web
