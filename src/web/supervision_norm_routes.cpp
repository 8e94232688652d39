// The supervision norm a municipality counts its trainees' hours against (issue 14): its leader
// chooses one of rules/supervision/norms.toml on a page or through the API (manage_municipality).
#include <boost/json.hpp>

#include "app/municipality_overview.hpp"
#include "app/supervision.hpp"
#include "web/access.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/supervision_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

std::vector<std::string_view> norm_ids() {
    std::vector<std::string_view> ids;
    for (const auto& norm : app::supervision_norms().norms) {
        ids.push_back(norm.id);
    }
    return ids;
}

json::object norm_form(Services& s, const RequestContext& context, const domain::Municipality& m,
                       const FormInput& in) {
    const auto& t = s.catalogue;
    auto choice = select_field(t, in, "norm", "supervision.norm_field", "supervision.norm_option",
                               norm_ids());
    // The norms' names are data (rules/supervision/norms.toml), not catalogue keys.
    json::array options;
    for (const auto& norm : app::supervision_norms().norms) {
        options.push_back(json::object{
            {"value", norm.id}, {"label", norm.name}, {"selected", norm.id == in.text("norm")}});
    }
    choice["options"] = std::move(options);
    choice["hint"] = t.text("supervision.norm_hint");
    const std::string back = "/kommuner/" + m.number + "/veiledere";
    return form_page(t, context, t.format("supervision.norm_title", {{"name", m.name}}),
                     t.text("supervision.norm_intro"), back + "/norm", back,
                     "supervision.norm_save",
                     json::array{section(t, "supervision.norm_legend", json::array{choice})});
}

Response norm_page(Services& s, const Request& request, RequestContext& context) {
    const auto m = found(app::find_municipality(s.app, context.params.at("number")));
    const FormInput input(
        std::map<std::string, std::string>{{"norm", app::supervision_norm_of(s.app, m.number).id}});
    auto data = norm_form(s, context, m, input);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form",
                s.catalogue.format("supervision.norm_title", {{"name", m.name}}), std::move(data));
}

Response set_norm(Services& s, const Request& request, RequestContext& context) {
    const auto m = found(app::find_municipality(s.app, context.params.at("number")));
    auto input = FormInput::from_request(request);
    const auto norm = input.required_choice("norm", norm_ids());
    if (norm && !app::set_supervision_norm(
                    s.app, m.number, *norm,
                    audit_event(s, request, context, "supervision_norm.changed", "ok"))) {
        input.fail("norm", "form.bad_choice");
    }
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form",
                      s.catalogue.format("supervision.norm_title", {{"name", m.name}}),
                      [&] { return norm_form(s, context, m, input); });
    }
    if (wants_json(request)) {
        return json_response(
            http::status::ok, request.version(),
            json::object{{"municipality", m.number},
                         {"norm", norm_json(app::supervision_norm_of(s.app, m.number))}});
    }
    return redirect(request.version(), "/kommuner/" + m.number + "/veiledere");
}

}  // namespace

void register_supervision_norm_routes(Routes& routes) {
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    using http::verb;
    routes.add(verb::get, "/kommuner/{number}/veiledere/norm", kManage, norm_page);
    routes.add(verb::post, "/kommuner/{number}/veiledere/norm", kManage, set_norm);
    routes.add(verb::put, "/api/v1/municipalities/{number}/supervision-norm", kManage, set_norm);
}

}  // namespace alis::web
