// Journey 6: the municipality's general education plan ("generell utdanningsplan"). The plan is
// published without login at a stable address (view_public); its leader edits it
// (manage_municipality on {number}). Each write serves the HTML form (303 back to the edit page,
// or the form again with its errors) and the JSON API (200/201 with the stored object, 422).
#include <boost/json.hpp>

#include <algorithm>

#include "app/auth.hpp"
#include "app/general_plan.hpp"
#include "app/municipality_overview.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/general_plan_view.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

app::GeneralPlan load_plan(Services& s, const std::string& number) {
    return found(app::general_plan(s.app, number));
}

// The arena named by {arena:id}, when it belongs to the municipality {number}; 404 otherwise, so
// that one municipality's leader cannot reach another's arenas through their own number.
domain::LearningArena arena_of(Services& s, const RequestContext& context) {
    return found(app::find_learning_arena(s.app, context.params.at("number"), context.id("arena")));
}

domain::PlanResponsibility responsibility_of(Services& s, const RequestContext& context) {
    return found(app::find_plan_responsibility(s.app, context.params.at("number"),
                                               context.id("responsibility")));
}

// A text of several lines (a textarea): line breaks are kept, every other rule is required_text's.
std::optional<std::string> paragraph_text(FormInput& input, std::string_view field,
                                          std::size_t max_length, bool required) {
    std::string text;
    for (const char c : input.text(field)) {
        if (c != '\r') {
            text += c;
        }
    }
    if (text.empty() && !required) {
        return std::string();
    }
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::replace(flat.begin(), flat.end(), '\t', ' ');
    FormInput probe(std::map<std::string, std::string>{{std::string(field), flat}});
    if (!probe.required_text(field, max_length)) {
        for (const auto& e : probe.errors()) {
            input.fail(e.field, e.message_key, e.args);
        }
        return std::nullopt;
    }
    return text;
}

// ---- Public reads ----

// The same for everyone and unchanged until a write or the next day: anonymous answers come from
// the response cache, which every write through this server invalidates.
Response public_page(Services& s, const Request& request, RequestContext& context) {
    const std::string& number = context.params.at("number");
    const auto render = [&] {
        const auto plan = load_plan(s, number);
        const auto title =
            s.catalogue.format("general_plan.public_title", {{"name", plan.municipality.name}});
        json::object data = general_plan_view(s.catalogue, plan);
        data["heading"] = title;
        return page(s, request, context, "general_plan", title, std::move(data));
    };
    if (context.session) {
        return render();
    }
    if (!app::find_municipality(s.app, number)) {
        not_found();
    }
    const auto body = s.cache.get_or_compute("general-plan/" + number + "/" + s.today().iso(),
                                             s.app.data_generation(),
                                             [&] { return std::string(render().body()); });
    return cached_response(request.version(), body, kHtmlType);
}

Response public_api(Services& s, const Request& request, RequestContext& context) {
    return json_response(http::status::ok, request.version(),
                         general_plan_json(load_plan(s, context.params.at("number"))));
}

// ---- The edit pages ----

Response edit_page(Services& s, const Request& request, RequestContext& context) {
    const auto plan = load_plan(s, context.params.at("number"));
    json::object data = general_plan_edit_data(s, context, plan, PlanForm::none, nullptr);
    const std::string saved = query_value(request, "lagret");
    if (saved == "status" || saved == "arena" || saved == "ansvar" || saved == "fjernet") {
        data["saved"] = s.catalogue.text("general_plan.saved." + saved);
    }
    return page(s, request, context, "general_plan_edit", general_plan_edit_title(s, plan),
                std::move(data));
}

// The answer to a failed write: 422 JSON, or the edit page again with the failed form's input.
Response refuse_edit(Services& s, const Request& request, const RequestContext& context,
                     const FormInput& input, PlanForm form) {
    const auto plan = load_plan(s, context.params.at("number"));
    return refuse(s, request, context, input, "general_plan_edit", general_plan_edit_title(s, plan),
                  [&] { return general_plan_edit_data(s, context, plan, form, &input); });
}

Response saved(const Request& request, const std::string& number, const std::string& what,
               http::status status, json::object body) {
    if (wants_json(request)) {
        auto response = json_response(status, request.version(), body);
        if (status == http::status::created) {
            // As every create of the API: Location is where the new object can be read.
            response.set(http::field::location,
                         "/api/v1/municipalities/" + number + "/general-plan");
        }
        return response;
    }
    return redirect(request.version(), general_plan_edit_url(number) + "?lagret=" + what);
}

// ---- Writes ----

Response set_status(Services& s, const Request& request, RequestContext& context) {
    const std::string& number = context.params.at("number");
    auto input = FormInput::from_request(request);
    const auto status = input.required_choice("status", kStatuses);
    const auto from = input.required_date("valid_from");
    const auto until = input.optional_date("valid_until");
    const auto applied = input.optional_date("applied_on");
    if (status && from && until && applied) {
        for (const auto& problem :
             app::check_status_dates(*domain::parse_enum<domain::EnterpriseStatus>(*status), *from,
                                     *until, *applied, s.today())) {
            input.fail(problem.field, problem.message_key);
        }
    }
    if (!input.ok()) {
        return refuse_edit(s, request, context, input, PlanForm::status);
    }
    domain::EnterpriseStatusChange change;
    change.municipality_number = number;
    change.status = *domain::parse_enum<domain::EnterpriseStatus>(*status);
    change.valid_from = *from;
    change.valid_until = *until;
    change.applied_on = *applied;
    change.id = app::record_enterprise_status(
        s.app, change, audit_event(s, request, context, "general_plan.status_changed", "ok"));
    const auto stored = app::enterprise_status_history(s.app, number);
    return saved(request, number, "status", http::status::ok,
                 enterprise_status_json(stored.front()));
}

// Reads and checks an arena's fields; nullopt (with the errors in `input`) when any is wrong.
std::optional<domain::LearningArena> arena_input(FormInput& input, const std::string& number) {
    const auto kind = input.required_choice("kind", kArenaKinds);
    const auto name = input.required_text("name", app::kArenaNameMax);
    const auto offers = paragraph_text(input, "offers", app::kArenaOffersMax, true);
    if (!input.ok()) {
        return std::nullopt;
    }
    domain::LearningArena arena;
    arena.municipality_number = number;
    arena.kind = *domain::parse_enum<domain::ArenaKind>(*kind);
    arena.name = *name;
    arena.offers = *offers;
    return arena;
}

Response add_arena(Services& s, const Request& request, RequestContext& context) {
    const std::string& number = context.params.at("number");
    auto input = FormInput::from_request(request);
    auto arena = arena_input(input, number);
    if (!arena) {
        return refuse_edit(s, request, context, input, PlanForm::arena);
    }
    arena->id = app::add_learning_arena(
        s.app, *arena, audit_event(s, request, context, "general_plan.arena_added", "ok"));
    return saved(request, number, "arena", http::status::created, learning_arena_json(*arena));
}

Response arena_page(Services& s, const Request& request, RequestContext& context) {
    const auto arena = arena_of(s, context);
    const auto plan = load_plan(s, arena.municipality_number);
    return page(s, request, context, "general_plan_arena", learning_arena_title(s, arena),
                learning_arena_form_data(s, context, arena, plan, nullptr));
}

Response update_arena(Services& s, const Request& request, RequestContext& context) {
    const auto stored = arena_of(s, context);
    auto input = FormInput::from_request(request);
    auto arena = arena_input(input, stored.municipality_number);
    if (!arena) {
        return refuse(s, request, context, input, "general_plan_arena",
                      learning_arena_title(s, stored), [&] {
                          return learning_arena_form_data(
                              s, context, stored, load_plan(s, stored.municipality_number), &input);
                      });
    }
    arena->id = stored.id;
    app::update_learning_arena(
        s.app, *arena, audit_event(s, request, context, "general_plan.arena_changed", "ok"));
    return saved(request, stored.municipality_number, "arena", http::status::ok,
                 learning_arena_json(*arena));
}

Response remove_arena(Services& s, const Request& request, RequestContext& context) {
    const auto arena = arena_of(s, context);
    app::remove_learning_arena(
        s.app, arena, audit_event(s, request, context, "general_plan.arena_removed", "ok"));
    return saved(request, arena.municipality_number, "fjernet", http::status::ok,
                 json::object{{"removed", learning_arena_json(arena)}});
}

Response add_responsibility(Services& s, const Request& request, RequestContext& context) {
    const std::string& number = context.params.at("number");
    auto input = FormInput::from_request(request);
    const auto area = input.required_text("area", app::kResponsibilityAreaMax);
    const auto responsible = input.required_text("responsible", app::kResponsibleMax);
    const auto description =
        paragraph_text(input, "description", app::kResponsibilityDescriptionMax, false);
    if (!input.ok()) {
        return refuse_edit(s, request, context, input, PlanForm::responsibility);
    }
    domain::PlanResponsibility r;
    r.municipality_number = number;
    r.area = *area;
    r.responsible = *responsible;
    r.description = *description;
    r.id = app::add_plan_responsibility(
        s.app, r, audit_event(s, request, context, "general_plan.responsibility_added", "ok"));
    return saved(request, number, "ansvar", http::status::created, plan_responsibility_json(r));
}

Response remove_responsibility(Services& s, const Request& request, RequestContext& context) {
    const auto r = responsibility_of(s, context);
    app::remove_plan_responsibility(
        s.app, r, audit_event(s, request, context, "general_plan.responsibility_removed", "ok"));
    return saved(request, r.municipality_number, "fjernet", http::status::ok,
                 json::object{{"removed", plan_responsibility_json(r)}});
}

}  // namespace

void register_general_plan_routes(Routes& routes) {
    const RouteAccess kPublic{app::Action::view_public};
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    using http::verb;
    // Published without login, as the regulation requires.
    routes.add(verb::get, "/kommuner/{number}/utdanningsplan", kPublic, public_page);
    routes.add(verb::get, "/api/v1/municipalities/{number}/general-plan", kPublic, public_api);
    // The leader's pages and form posts.
    routes.add(verb::get, "/kommuner/{number}/utdanningsplan/rediger", kManage, edit_page);
    routes.add(verb::post, "/kommuner/{number}/utdanningsplan/status", kManage, set_status);
    routes.add(verb::post, "/kommuner/{number}/utdanningsplan/arenaer", kManage, add_arena);
    routes.add(verb::get, "/kommuner/{number}/utdanningsplan/arenaer/{arena:id}", kManage,
               arena_page);
    routes.add(verb::post, "/kommuner/{number}/utdanningsplan/arenaer/{arena:id}", kManage,
               update_arena);
    routes.add(verb::post, "/kommuner/{number}/utdanningsplan/arenaer/{arena:id}/fjern", kManage,
               remove_arena);
    routes.add(verb::post, "/kommuner/{number}/utdanningsplan/ansvar", kManage, add_responsibility);
    routes.add(verb::post, "/kommuner/{number}/utdanningsplan/ansvar/{responsibility:id}/fjern",
               kManage, remove_responsibility);
    // The same writes as JSON.
    routes.add(verb::put, "/api/v1/municipalities/{number}/general-plan/status", kManage,
               set_status);
    routes.add(verb::post, "/api/v1/municipalities/{number}/general-plan/arenas", kManage,
               add_arena);
    routes.add(verb::put, "/api/v1/municipalities/{number}/general-plan/arenas/{arena:id}", kManage,
               update_arena);
    routes.add(verb::delete_, "/api/v1/municipalities/{number}/general-plan/arenas/{arena:id}",
               kManage, remove_arena);
    routes.add(verb::post, "/api/v1/municipalities/{number}/general-plan/responsibilities", kManage,
               add_responsibility);
    routes.add(verb::delete_,
               "/api/v1/municipalities/{number}/general-plan/responsibilities/{responsibility:id}",
               kManage, remove_responsibility);
}

}  // namespace alis::web
