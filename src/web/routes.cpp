// Every route alis serves. Each handler parses input, calls one use case and renders the result.
#include <boost/json.hpp>

#include "app/municipality_overview.hpp"
#include "app/training_records.hpp"
#include "embedded.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

json::object municipality_json(const domain::MunicipalitySummary& summary) {
    const auto& m = summary.municipality;
    return {{"number", m.number},
            {"name", m.name},
            {"county", m.county},
            {"centrality_class", m.centrality_class},
            {"enterprise_status", std::string(domain::to_string(m.enterprise_status))},
            {"alis_office", m.alis_office},
            {"trainees", summary.trainees}};
}

std::string municipalities_json(Services& services, domain::Date today) {
    const auto overview = app::municipality_overview(services.app, today);
    json::array list;
    for (const auto& region : overview.regions) {
        for (const auto& summary : region.municipalities) {
            list.push_back(municipality_json(summary));
        }
    }
    return json::serialize(
        json::object{{"as_of", overview.as_of.iso()}, {"municipalities", std::move(list)}});
}

// The overview changes only with writes or the date: answered from the response cache.
Response municipalities_api(Services& services, const Request& request, RequestContext&) {
    const domain::Date today = services.today();
    const auto body = services.cache.get_or_compute(
        "api/municipalities/" + today.iso(), services.app.data_generation(),
        [&] { return municipalities_json(services, today); });
    return cached_response(request.version(), body, kJsonType);
}

// The front page's body: the same for everyone, the layout around it is the reader's.
std::string home_body(Services& services, domain::Date today) {
    const auto& catalogue = services.catalogue;
    const auto overview = app::municipality_overview(services.app, today);
    json::array regions;
    for (const auto& region : overview.regions) {
        json::array rows;
        for (const auto& summary : region.municipalities) {
            json::object row = municipality_json(summary);
            const auto status =
                std::string(domain::to_string(summary.municipality.enterprise_status));
            row["status_label"] = catalogue.text("enterprise_status." + status);
            row["status_color"] = status_color(summary.municipality.enterprise_status);
            rows.push_back(std::move(row));
        }
        regions.push_back(json::object{
            {"id", regions.size() + 1},
            {"heading", catalogue.format("home.region", {{"name", region.alis_office}})},
            {"summary", catalogue.format("home.region_summary",
                                         {{"municipalities", region.municipalities.size()},
                                          {"trainees", region.trainees}})},
            {"municipalities", std::move(rows)}});
    }
    json::object data{
        {"intro", catalogue.format("home.intro", {{"as_of", overview.as_of.norwegian()}})},
        {"regions", std::move(regions)}};
    return services.templates.render_body("home", std::move(data), services.static_files.urls());
}

Response home_page(Services& services, const Request& request, RequestContext& context) {
    const domain::Date today = services.today();
    const auto generation = services.app.data_generation();
    const auto title = services.catalogue.text("home.title");
    const auto body = services.cache.get_or_compute("home-body/" + today.iso(), generation,
                                                    [&] { return home_body(services, today); });
    if (context.session) {
        // The layout shows who is signed in, so only the body is shared.
        return page_from_body(services, request, context, title, *body);
    }
    const auto page = services.cache.get_or_compute("home/" + today.iso(), generation, [&] {
        return services.templates.render_layout(title, *body, services.static_files.urls());
    });
    return cached_response(request.version(), page, kHtmlType);
}

// The OpenAPI document of the JSON API (api/openapi.json, compiled into the binary), served as
// written. tests/web/openapi_test.cpp keeps it true to the registered routes and real answers.
Response openapi_document(Services&, const Request& request, RequestContext&) {
    static const std::string_view document = embedded::files().at("api/openapi.json");
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "application/json");
    response.body() = std::string(document);
    return response;
}

Response text_response(http::status status, unsigned version, std::string body,
                       const char* content_type = "text/plain; charset=utf-8") {
    Response response{status, version};
    response.set(http::field::content_type, content_type);
    response.body() = std::move(body);
    return response;
}

Response health(Services&, const Request& request, RequestContext&) {
    return text_response(http::status::ok, request.version(), "ok\n");
}

Response ready(Services& s, const Request& request, RequestContext&) {
    if (!s.app.ready()) {
        throw HttpError(http::status::service_unavailable, "database_unavailable",
                        "error.unavailable");
    }
    return text_response(http::status::ok, request.version(), "ready\n");
}

Response static_file(Services& s, const Request& request, RequestContext& context) {
    return s.static_files.serve(request, "", context.params.at("name"));
}

Response hashed_static_file(Services& s, const Request& request, RequestContext& context) {
    return s.static_files.serve(request, context.params.at("hash"), context.params.at("name"));
}

}  // namespace

const char* status_color(domain::EnterpriseStatus status) {
    switch (status) {
        case domain::EnterpriseStatus::registered:
            return "success";
        case domain::EnterpriseStatus::temporarily_registered:
            return "warning";
        case domain::EnterpriseStatus::not_registered:
            return "danger";
    }
    return "neutral";
}

domain::Person load_person(Services& services, const RequestContext& context) {
    return found(app::find_person(services.app, context.id("person")));
}

void register_account_routes(Routes& routes);
void register_person_routes(Routes& routes);
void register_municipality_routes(Routes& routes);
void register_trainee_routes(Routes& routes);
void register_correction_routes(Routes& routes);
void register_departure_routes(Routes& routes);
void register_stability_routes(Routes& routes);
void register_supervisor_routes(Routes& routes);
void register_supervision_routes(Routes& routes);
void register_course_routes(Routes& routes);
void register_region_routes(Routes& routes);
void register_general_plan_routes(Routes& routes);
void register_education_plan_routes(Routes& routes);
void register_document_routes(Routes& routes);
void register_signed_document_routes(Routes& routes);
void register_document_template_routes(Routes& routes);
void register_calendar_routes(Routes& routes);
void register_grant_routes(Routes& routes);
void register_grant_record_routes(Routes& routes);
void register_learning_log_routes(Routes& routes);
void register_training_record_routes(Routes& routes);

void register_routes(Router& router, Services& services) {
    Routes routes(router, services);
    using http::verb;
    // Aggregates and operations endpoints: no person-level data.
    const RouteAccess kPublic{app::Action::view_public};
    routes.add(verb::get, "/", kPublic, home_page);
    routes.add(verb::get, "/api/v1/municipalities", kPublic, municipalities_api);
    routes.add(verb::get, "/api/v1/openapi.json", kPublic, openapi_document);
    routes.add(verb::get, "/healthz", kPublic, health);
    routes.add(verb::get, "/readyz", kPublic, ready);
    routes.add(verb::get, "/static/{name}", kPublic, static_file);
    routes.add(verb::get, "/static/{hash}/{name}", kPublic, hashed_static_file);
    register_account_routes(routes);
    register_person_routes(routes);
    register_municipality_routes(routes);
    register_trainee_routes(routes);
    register_correction_routes(routes);
    register_departure_routes(routes);
    register_stability_routes(routes);
    register_supervisor_routes(routes);
    register_supervision_routes(routes);
    register_course_routes(routes);
    register_region_routes(routes);
    register_general_plan_routes(routes);
    register_education_plan_routes(routes);
    register_document_routes(routes);
    register_signed_document_routes(routes);
    register_document_template_routes(routes);
    register_calendar_routes(routes);
    register_grant_routes(routes);
    register_grant_record_routes(routes);
    register_learning_log_routes(routes);
    register_training_record_routes(routes);
}

}  // namespace alis::web
