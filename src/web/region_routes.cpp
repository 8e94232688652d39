// The regional office page (journey 7): the municipalities of one ALIS office with counts, each
// linking to its overview (read-only for the office). Access: view_region on {office} (that
// office, or national). Counts only, no person-level data, so nothing here is audited as a read.
#include <boost/json.hpp>

#include "app/region_overview.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

json::object counts_json(const app::RegionMunicipality& row) {
    return json::object{
        {"trainees", row.counts.trainees},
        {"without_supervisor", row.counts.without_supervisor},
        {"at_risk", row.at_risk},
        {"awaiting_approval", row.awaiting_approval},
        {"supervisors_with_free_capacity", row.counts.supervisors_with_free_capacity}};
}

// The region as JSON, computed once per office, day and store generation (the response cache):
// a region has dozens of municipalities and hundreds of trainees, each with a ledger.
std::shared_ptr<const std::string> region_json(Services& s, const std::string& office) {
    const domain::Date today = s.today();
    return s.cache.get_or_compute(
        "region/" + office + "/" + today.iso(), s.app.data_generation(), [&] {
            const auto overview = app::region_overview(s.app, office, today);
            if (!overview) {
                return std::string();
            }
            json::array municipalities;
            for (const auto& row : overview->municipalities) {
                auto item = counts_json(row);
                item["number"] = row.counts.municipality.number;
                item["name"] = row.counts.municipality.name;
                item["enterprise_status"] =
                    std::string(domain::to_string(row.counts.municipality.enterprise_status));
                municipalities.push_back(std::move(item));
            }
            return json::serialize(json::object{{"office", overview->office},
                                                {"as_of", overview->as_of.iso()},
                                                {"municipalities", std::move(municipalities)},
                                                {"totals", counts_json(overview->totals)}});
        });
}

// The cached JSON of the office's region; 404 for an office without municipalities.
std::shared_ptr<const std::string> load_json(Services& s, const RequestContext& context) {
    auto body = region_json(s, context.params.at("office"));
    if (body->empty()) {
        not_found();
    }
    return body;
}

json::object load_region(Services& s, const RequestContext& context) {
    return json::parse(*load_json(s, context)).as_object();
}

// Sent as cached: parsing and writing it again would give the same bytes.
Response region_api(Services& s, const Request& request, RequestContext& context) {
    return cached_response(request.version(), load_json(s, context), kJsonType);
}

Response region_page(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    auto region = load_region(s, context);
    const std::string office(region.at("office").as_string());
    json::array rows;
    for (auto& item : region.at("municipalities").as_array()) {
        auto& m = item.as_object();
        const std::string status(m.at("enterprise_status").as_string());
        m["status_label"] = t.text("enterprise_status." + status);
        const std::string base = "/kommuner/" + std::string(m.at("number").as_string());
        m["url"] = base + "/oversikt";
        m["has_without"] = m.at("without_supervisor").as_int64() > 0;
        m["has_risk"] = m.at("at_risk").as_int64() > 0;
        m["has_awaiting"] = m.at("awaiting_approval").as_int64() > 0;
        m["approvals_url"] = base + "/godkjenninger";
        rows.push_back(m);
    }
    const auto& totals = region.at("totals").as_object();
    const std::string heading = t.format("region.title", {{"office", office}});
    json::object data{{"heading", heading},
                      {"intro", t.format("region.intro", {{"count", rows.size()},
                                                          {"date", s.today().norwegian()}})},
                      {"rows", std::move(rows)},
                      {"totals", totals},
                      {"stability_url", "/regioner/" + office + "/stabilitet"},
                      {"coverage_url", "/regioner/" + office + "/dekning"},
                      {"budget_url", "/regioner/" + office + "/budsjett"}};
    return page(s, request, context, "region", heading, std::move(data));
}

}  // namespace

void register_region_routes(Routes& routes) {
    const RouteAccess kRegion{app::Action::view_region, ResourceFrom::office_param};
    routes.add(http::verb::get, "/regioner/{office}", kRegion, region_page);
    routes.add(http::verb::get, "/api/v1/regions/{office}", kRegion, region_api);
}

}  // namespace alis::web
