// The leader's overview of a municipality's doctors in training: page, JSON, CSV and Excel with
// the same columns. Access: view_municipality on {number} (the leader, its regional office).
#include <boost/json.hpp>

#include "app/auth.hpp"
#include "app/departures.hpp"
#include "app/policy.hpp"
#include "app/trainee_overview.hpp"
#include "web/access.hpp"
#include "web/overview_export.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

app::TraineeSort sort_of(const std::string& text) {
    if (text == "fremdrift") {
        return app::TraineeSort::progress;
    }
    if (text == "ferdig") {
        return app::TraineeSort::completion;
    }
    return app::TraineeSort::name;
}

app::TraineeFilter filter_of(const std::string& text) {
    if (text == "uten-veileder") {
        return app::TraineeFilter::without_supervisor;
    }
    if (text == "varsler") {
        return app::TraineeFilter::with_warning;
    }
    return app::TraineeFilter::all;
}

std::string sort_name(app::TraineeSort sort) {
    switch (sort) {
        case app::TraineeSort::progress:
            return "fremdrift";
        case app::TraineeSort::completion:
            return "ferdig";
        case app::TraineeSort::name:
            break;
    }
    return "navn";
}

std::string filter_name(app::TraineeFilter filter) {
    switch (filter) {
        case app::TraineeFilter::without_supervisor:
            return "uten-veileder";
        case app::TraineeFilter::with_warning:
            return "varsler";
        case app::TraineeFilter::all:
            break;
    }
    return "";
}

// The rows a request asked for, and the data generation they (and every body cached from them)
// belong to.
struct LoadedOverview {
    app::TraineeSelection selection;
    std::uint64_t generation = 0;
    app::TraineeSort sort = app::TraineeSort::name;
    app::TraineeFilter filter = app::TraineeFilter::all;

    const domain::Municipality& municipality() const { return selection.overview->municipality; }
    // A response-cache key for this list in `format`: the municipality, day, sort and filter.
    std::string cache_key(std::string_view format) const {
        return "overview/" + std::string(format) + "/" + municipality().number + "/" +
               selection.overview->as_of.iso() + "/" + sort_name(sort) + "/" + filter_name(filter);
    }
};

LoadedOverview load_overview(Services& s, const Request& request, const RequestContext& context) {
    LoadedOverview loaded;
    // Read first: whatever is computed after it is at least this new.
    loaded.generation = s.app.data_generation();
    loaded.sort = sort_of(query_value(request, "sorter"));
    loaded.filter = filter_of(query_value(request, "filter"));
    auto overview =
        s.app.overviews().get(s.app, context.params.at("number"), s.today(), loaded.generation);
    if (!overview) {
        not_found();
    }
    loaded.selection = app::select_trainees(std::move(overview), loaded.sort, loaded.filter);
    // Each listed trainee sees this read in "Hvem har sett mine opplysninger".
    std::vector<std::int64_t> shown;
    shown.reserve(loaded.selection.rows.size());
    for (const auto* row : loaded.selection.rows) {
        shown.push_back(row->person.id);
    }
    audit_reads(s, request, context, shown);
    return loaded;
}

Response overview_csv(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_overview(s, request, context);
    auto body = s.cache.get_or_compute(loaded.cache_key("csv"), loaded.generation, [&] {
        return csv_text(overview_sheet(loaded.selection, s.catalogue));
    });
    return download_response(request, std::move(body), kCsvType,
                             "alis-" + loaded.municipality().number + ".csv");
}

Response overview_xlsx(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_overview(s, request, context);
    auto body = s.cache.get_or_compute(loaded.cache_key("xlsx"), loaded.generation, [&] {
        return xlsx_bytes(overview_sheet(loaded.selection, s.catalogue));
    });
    return download_response(request, std::move(body), kXlsxType,
                             "alis-" + loaded.municipality().number + ".xlsx");
}

std::string overview_json(const LoadedOverview& loaded) {
    json::array trainees;
    for (const app::TraineeRow* entry : loaded.selection.rows) {
        const auto& row = *entry;
        json::object item{{"person_id", row.person.id},
                          {"name", row.person.full_name},
                          {"fte", row.fte},
                          {"counted_months", json::parse(domain::format_months(row.counted))},
                          {"required_months", json::parse(domain::format_months(row.required))},
                          {"complete", row.complete},
                          {"error", nullptr}};
        if (row.ledger_failure) {
            // Nothing of the ledger is known; the row says why.
            item["counted_months"] = item["required_months"] = item["complete"] = nullptr;
            item["error"] =
                json::object{{"code", "ledger_failed"}, {"message", row.ledger_failure->message}};
        }
        item["post_type"] =
            row.post ? json::value(std::string(domain::to_string(*row.post))) : json::value();
        item["pay_model"] =
            row.pay ? json::value(std::string(domain::to_string(*row.pay))) : json::value();
        json::array supervisors;
        for (const auto& name : row.supervisors) {
            supervisors.push_back(json::value(name));
        }
        item["supervisors"] = std::move(supervisors);
        item["projected_completion"] =
            row.projected_completion ? json::value(row.projected_completion->iso()) : json::value();
        const std::string key = warning_key(row.warning);
        item["warning"] = row.warning == app::UrgentWarning::none
                              ? json::value()
                              : json::value(key.substr(key.rfind('.') + 1));
        item["supervision"] = json::object{{"months", row.supervision.months},
                                           {"held_minutes", row.supervision.held_minutes},
                                           {"norm_minutes", row.supervision.norm_minutes},
                                           {"under_norm", row.supervision.under_norm()}};
        trainees.push_back(std::move(item));
    }
    return json::serialize(json::object{{"municipality", loaded.municipality().number},
                                        {"as_of", loaded.selection.overview->as_of.iso()},
                                        {"trainees", std::move(trainees)}});
}

Response overview_api(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_overview(s, request, context);
    return cached_response(request.version(),
                           s.cache.get_or_compute(loaded.cache_key("json"), loaded.generation,
                                                  [&] { return overview_json(loaded); }),
                           kJsonType);
}

// Whether to offer the leader's links (supervisors, choosing a supervisor): the policy decides,
// the page only hides links the reader could not follow (the regional office reads only).
bool can_manage(Services& s, const RequestContext& context, const std::string& number) {
    return context.session && app::decide(context.session->actor, app::Action::manage_municipality,
                                          app::municipality_resource(s.app, number),
                                          s.today()) == app::Decision::allow;
}

// The municipality's employments that ended in the last year (app::recent_departures), as rows.
json::array departures_data(Services& s, const std::string& number, domain::Date today) {
    const auto& t = s.catalogue;
    json::array rows;
    for (const auto& ended : app::recent_departures(s.app, number, today)) {
        const auto& e = ended.employment;
        json::object row{
            {"name", ended.full_name},
            {"ended_on", e.ends_on ? e.ends_on->norwegian() : ""},
            {"post", t.text("post_type." + std::string(domain::to_string(e.post_type)))},
            {"recorded", ended.departure.has_value()},
            {"url", departure_path(e.person_id, e.id)},
            {"link", t.text(ended.departure ? "departure.change" : "departure.record")}};
        row["departure"] = ended.departure
                               ? t.text("departure_reason." +
                                        std::string(domain::to_string(ended.departure->reason)))
                               : t.text("departure.not_recorded");
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string overview_body(Services& s, const LoadedOverview& loaded, bool manage) {
    const auto& t = s.catalogue;
    const auto& municipality = loaded.municipality();
    const std::string base = "/kommuner/" + municipality.number + "/oversikt";
    // Only the known names go back into links, whatever the request carried.
    const std::string sort = sort_name(loaded.sort);
    const std::string filter = filter_name(loaded.filter);
    const std::string query = "?sorter=" + sort + (filter.empty() ? "" : "&filter=" + filter);
    json::array rows;
    for (const auto& c : cells_of(loaded.selection, t)) {
        rows.push_back(json::object{{"id", c.id},
                                    {"name", c.name},
                                    {"post", c.post},
                                    {"pay", c.pay},
                                    {"supervisor", c.supervisor.empty() ? "–" : c.supervisor},
                                    {"counted", c.counted},
                                    {"required", c.required},
                                    {"percent", c.percent},
                                    {"bar_width", std::to_string(c.percent)},
                                    {"completion", c.completion},
                                    {"warning", c.warning},
                                    {"has_warning", c.has_warning},
                                    {"supervision", c.supervision},
                                    {"under_supervision_norm", c.under_supervision_norm},
                                    {"computed", c.computed}});
    }
    auto link = [&](const std::string& new_sort, const std::string& new_filter) {
        std::string url = base + "?sorter=" + (new_sort.empty() ? "navn" : new_sort);
        if (!new_filter.empty()) {
            url += "&filter=" + new_filter;
        }
        return url;
    };
    auto option = [&](const char* key, const std::string& url, bool current) {
        return json::object{{"label", t.text(key)}, {"url", url}, {"current", current}};
    };
    json::array sorts{
        option("overview.sort_name", link("navn", filter), sort == "navn"),
        option("overview.sort_progress", link("fremdrift", filter), sort == "fremdrift"),
        option("overview.sort_completion", link("ferdig", filter), sort == "ferdig")};
    json::array filters{
        option("overview.filter_all", link(sort, ""), filter.empty()),
        option("overview.filter_without_supervisor", link(sort, "uten-veileder"),
               filter == "uten-veileder"),
        option("overview.filter_warnings", link(sort, "varsler"), filter == "varsler")};
    json::object data{
        {"heading", t.format("overview.title", {{"name", municipality.name}})},
        {"summary",
         t.format("overview.summary", {{"shown", loaded.selection.rows.size()},
                                       {"total", loaded.selection.total},
                                       {"date", loaded.selection.overview->as_of.norwegian()}})},
        {"rows", std::move(rows)},
        {"has_rows", !loaded.selection.rows.empty()},
        {"sorts", std::move(sorts)},
        {"filters", std::move(filters)},
        {"can_manage", manage},
        {"supervisors_url", "/kommuner/" + municipality.number + "/veiledere"},
        {"general_plan_url", "/kommuner/" + municipality.number + "/utdanningsplan"},
        {"stability_url", "/kommuner/" + municipality.number + "/stabilitet"},
        {"approvals_url", "/kommuner/" + municipality.number + "/godkjenninger"},
        {"csv_url", base + ".csv" + query},
        {"xlsx_url", base + ".xlsx" + query}};
    // The leader's own municipality: links to the forms (the regional office only reads), and the
    // employments that ended in the last year, with why the doctor left or a link to record it.
    if (manage) {
        data["manage_base"] = "/kommuner/" + municipality.number;
        auto departures = departures_data(s, municipality.number, loaded.selection.overview->as_of);
        data["has_departures"] = !departures.empty();
        data["departures"] = std::move(departures);
    }
    return s.templates.render_body("municipality_overview", std::move(data), s.static_files.urls());
}

// The page body does not depend on who reads it beyond whether they may manage the
// municipality, so it is cached per list and that; the layout around it is the reader's.
Response overview_page(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_overview(s, request, context);
    const bool manage = can_manage(s, context, loaded.municipality().number);
    const auto body =
        s.cache.get_or_compute(loaded.cache_key(manage ? "html-manage" : "html"), loaded.generation,
                               [&] { return overview_body(s, loaded, manage); });
    return page_from_body(
        s, request, context,
        s.catalogue.format("overview.title", {{"name", loaded.municipality().name}}), *body);
}

}  // namespace

void register_municipality_routes(Routes& routes) {
    const RouteAccess kView{app::Action::view_municipality, ResourceFrom::municipality_param};
    using http::verb;
    routes.add(verb::get, "/kommuner/{number}/oversikt", kView, overview_page);
    routes.add(verb::get, "/kommuner/{number}/oversikt.csv", kView, overview_csv);
    routes.add(verb::get, "/kommuner/{number}/oversikt.xlsx", kView, overview_xlsx);
    routes.add(verb::get, "/api/v1/municipalities/{number}/trainees", kView, overview_api);
}

}  // namespace alis::web
