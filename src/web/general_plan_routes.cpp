// Journey 6: the municipality's general education plan ("generell utdanningsplan"). The plan is
// published without login at a stable address (view_public); its leader edits it
// (manage_municipality on {number}). Each write serves the HTML form (303 back to the edit page,
// or the form again with its errors) and the JSON API (200/201 with the stored object, 422).
#include <boost/json.hpp>

#include <algorithm>

#include "app/auth.hpp"
#include "app/general_plan.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

const std::vector<std::string_view> kStatuses = {"registered", "temporarily_registered",
                                                 "not_registered"};
const std::vector<std::string_view> kArenaKinds = {
    "gp_office",           "nursing_home",          "out_of_hours_service",
    "child_health_clinic", "hospital_by_agreement", "other"};

std::string public_url(const std::string& number) {
    return "/kommuner/" + number + "/utdanningsplan";
}

std::string edit_url(const std::string& number) {
    return public_url(number) + "/rediger";
}

app::GeneralPlan load_plan(Services& s, const std::string& number) {
    return found(app::general_plan(s.store, number));
}

// The arena named by {arena:id}, when it belongs to the municipality {number}; 404 otherwise, so
// that one municipality's leader cannot reach another's arenas through their own number.
store::LearningArena arena_of(Services& s, const RequestContext& context) {
    auto arena = found(s.store.learning_arena(context.id("arena")));
    if (arena.municipality_number != context.params.at("number")) {
        not_found();
    }
    return arena;
}

store::PlanResponsibility responsibility_of(Services& s, const RequestContext& context) {
    auto responsibility = found(s.store.plan_responsibility(context.id("responsibility")));
    if (responsibility.municipality_number != context.params.at("number")) {
        not_found();
    }
    return responsibility;
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

json::value date_or_null(const std::optional<domain::Date>& d) {
    return d ? json::value(d->iso()) : json::value();
}

// "2026-11-22T10:15:30Z" as 22.11.2026.
std::string norwegian_day(const std::string& utc) {
    const auto d = domain::Date::parse_iso(utc.substr(0, 10));
    return d ? d->norwegian() : utc;
}

json::object status_json(const store::EnterpriseStatusChange& c) {
    return {{"status", std::string(store::to_string(c.status))},
            {"valid_from", c.valid_from.iso()},
            {"valid_until", date_or_null(c.valid_until)},
            {"applied_on", date_or_null(c.applied_on)},
            {"changed_at", c.changed_at}};
}

json::object arena_json(const store::LearningArena& a) {
    return {{"id", a.id},
            {"kind", std::string(store::to_string(a.kind))},
            {"name", a.name},
            {"offers", a.offers}};
}

json::object responsibility_json(const store::PlanResponsibility& r) {
    return {{"id", r.id},
            {"area", r.area},
            {"responsible", r.responsible},
            {"description", r.description}};
}

json::object plan_json(const app::GeneralPlan& plan) {
    json::array history;
    for (const auto& c : plan.status_history) {
        history.push_back(status_json(c));
    }
    json::array arenas;
    for (const auto& a : plan.arenas) {
        arenas.push_back(arena_json(a));
    }
    json::array responsibilities;
    for (const auto& r : plan.responsibilities) {
        responsibilities.push_back(responsibility_json(r));
    }
    const auto* current = plan.current_status();
    return {
        {"municipality",
         json::object{{"number", plan.municipality.number}, {"name", plan.municipality.name}}},
        {"url", public_url(plan.municipality.number)},
        {"published", plan.published()},
        {"enterprise_status", std::string(store::to_string(plan.municipality.enterprise_status))},
        {"status", current ? json::value(status_json(*current)) : json::value()},
        {"status_history", std::move(history)},
        {"arenas", std::move(arenas)},
        {"responsibilities", std::move(responsibilities)},
        {"changed_at", plan.changed ? json::value(plan.changed->changed_at) : json::value()}};
}

// One sentence with a status change's dates, e.g. "Midlertidig registrert fra 01.03.2026 til
// 28.02.2027."
std::string status_period(const Catalogue& t, const store::EnterpriseStatusChange& c) {
    const std::string status(store::to_string(c.status));
    std::string text =
        c.valid_until
            ? t.format("general_plan.period_until." + status,
                       {{"from", c.valid_from.norwegian()}, {"until", c.valid_until->norwegian()}})
            : t.format("general_plan.period." + status, {{"from", c.valid_from.norwegian()}});
    if (c.applied_on) {
        // Appended in two steps: GCC 12 warns (falsely) about " " + std::string here.
        text.append(1, ' ').append(
            t.format("general_plan.applied", {{"date", c.applied_on->norwegian()}}));
    }
    return text;
}

// What the public page and the edit page both show: status, arenas, responsibilities.
json::object plan_view(const Catalogue& t, const app::GeneralPlan& plan) {
    const auto status = plan.municipality.enterprise_status;
    json::object data{
        {"number", plan.municipality.number},
        {"name", plan.municipality.name},
        {"public_url", public_url(plan.municipality.number)},
        {"edit_url", edit_url(plan.municipality.number)},
        {"status_label", t.text("enterprise_status." + std::string(store::to_string(status)))},
        {"status_color", status_color(status)},
        {"published", plan.published()},
        {"none_published",
         t.format("general_plan.none_published", {{"name", plan.municipality.name}})}};
    if (const auto* current = plan.current_status()) {
        data["status_period"] = status_period(t, *current);
    }
    json::array history;
    for (const auto& c : plan.status_history) {
        history.push_back(json::object{
            {"label", t.text("enterprise_status." + std::string(store::to_string(c.status)))},
            {"period", status_period(t, c)},
            {"recorded", norwegian_day(c.changed_at)}});
    }
    data["has_history"] = history.size() > 1;
    data["history"] = std::move(history);
    json::array arenas;
    for (const auto& a : plan.arenas) {
        const std::string base =
            public_url(plan.municipality.number) + "/arenaer/" + std::to_string(a.id);
        arenas.push_back(json::object{
            {"id", a.id},
            {"kind", t.text("general_plan.kind." + std::string(store::to_string(a.kind)))},
            {"name", a.name},
            {"offers", a.offers},
            {"edit_url", base},
            {"edit_label", t.format("general_plan.edit_arena_label", {{"name", a.name}})},
            {"remove_url", base + "/fjern"},
            {"remove_label", t.format("general_plan.remove_arena_label", {{"name", a.name}})}});
    }
    data["has_arenas"] = !arenas.empty();
    data["arenas"] = std::move(arenas);
    json::array responsibilities;
    for (const auto& r : plan.responsibilities) {
        responsibilities.push_back(json::object{
            {"id", r.id},
            {"area", r.area},
            {"responsible", r.responsible},
            {"description", r.description},
            {"remove_url",
             public_url(plan.municipality.number) + "/ansvar/" + std::to_string(r.id) + "/fjern"},
            {"remove_label",
             t.format("general_plan.remove_responsibility_label", {{"area", r.area}})}});
    }
    data["has_responsibilities"] = !responsibilities.empty();
    data["responsibilities"] = std::move(responsibilities);
    if (plan.changed) {
        data["changed"] =
            t.format("general_plan.changed", {{"date", norwegian_day(plan.changed->changed_at)}});
    }
    return data;
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
        json::object data = plan_view(s.catalogue, plan);
        data["heading"] = title;
        return page(s, request, context, "general_plan", title, std::move(data));
    };
    if (context.session) {
        return render();
    }
    if (!s.store.municipality(number)) {
        not_found();
    }
    const auto body = s.cache.get_or_compute("general-plan/" + number + "/" + s.today().iso(),
                                             s.store.data_generation(),
                                             [&] { return std::string(render().body()); });
    return cached_response(request.version(), body, kHtmlType);
}

Response public_api(Services& s, const Request& request, RequestContext& context) {
    return json_response(http::status::ok, request.version(),
                         plan_json(load_plan(s, context.params.at("number"))));
}

// ---- The edit pages ----

// Which of the edit page's forms a failed post came from, so only it shows what was typed.
enum class PlanForm { none, status, arena, responsibility };

std::string edit_title(const Services& s, const app::GeneralPlan& plan) {
    return s.catalogue.format("general_plan.edit_title", {{"name", plan.municipality.name}});
}

json::object edit_data(Services& s, const RequestContext& context, const app::GeneralPlan& plan,
                       PlanForm failed, const FormInput* input) {
    const auto& t = s.catalogue;
    json::object data = plan_view(t, plan);
    data["heading"] = edit_title(s, plan);
    data["csrf_token"] = context.session->csrf_token;
    const auto typed = [&](PlanForm form, std::string_view field, std::string fallback) {
        return failed == form && input != nullptr ? input->text(field) : fallback;
    };
    const auto* current = plan.current_status();
    const std::string status =
        typed(PlanForm::status, "status",
              std::string(store::to_string(plan.municipality.enterprise_status)));
    data["status_form"] = json::object{
        {"action", public_url(plan.municipality.number) + "/status"},
        {"options", select_options(t, "enterprise_status", kStatuses, status)},
        {"valid_from",
         typed(PlanForm::status, "valid_from", current ? current->valid_from.norwegian() : "")},
        {"valid_until",
         typed(PlanForm::status, "valid_until",
               current && current->valid_until ? current->valid_until->norwegian() : "")},
        {"applied_on",
         typed(PlanForm::status, "applied_on",
               current && current->applied_on ? current->applied_on->norwegian() : "")}};
    data["arena_form"] = json::object{
        {"action", public_url(plan.municipality.number) + "/arenaer"},
        {"options",
         select_options(t, "general_plan.kind", kArenaKinds, typed(PlanForm::arena, "kind", ""))},
        {"name", typed(PlanForm::arena, "name", "")},
        {"offers", typed(PlanForm::arena, "offers", "")}};
    data["responsibility_form"] =
        json::object{{"action", public_url(plan.municipality.number) + "/ansvar"},
                     {"area", typed(PlanForm::responsibility, "area", "")},
                     {"responsible", typed(PlanForm::responsibility, "responsible", "")},
                     {"description", typed(PlanForm::responsibility, "description", "")}};
    return data;
}

Response edit_page(Services& s, const Request& request, RequestContext& context) {
    const auto plan = load_plan(s, context.params.at("number"));
    json::object data = edit_data(s, context, plan, PlanForm::none, nullptr);
    const std::string saved = query_value(request, "lagret");
    if (saved == "status" || saved == "arena" || saved == "ansvar" || saved == "fjernet") {
        data["saved"] = s.catalogue.text("general_plan.saved." + saved);
    }
    return page(s, request, context, "general_plan_edit", edit_title(s, plan), std::move(data));
}

// The answer to a failed write: 422 JSON, or the edit page again with the failed form's input.
Response refuse_edit(Services& s, const Request& request, const RequestContext& context,
                     const FormInput& input, PlanForm form) {
    const auto plan = load_plan(s, context.params.at("number"));
    return refuse(s, request, context, input, "general_plan_edit", edit_title(s, plan),
                  [&] { return edit_data(s, context, plan, form, &input); });
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
    return redirect(request.version(), edit_url(number) + "?lagret=" + what);
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
        for (const auto& problem : app::check_status_dates(*store::parse_enterprise_status(*status),
                                                           *from, *until, *applied, s.today())) {
            input.fail(problem.field, problem.message_key);
        }
    }
    if (!input.ok()) {
        return refuse_edit(s, request, context, input, PlanForm::status);
    }
    store::EnterpriseStatusChange change;
    change.municipality_number = number;
    change.status = *store::parse_enterprise_status(*status);
    change.valid_from = *from;
    change.valid_until = *until;
    change.applied_on = *applied;
    change.id = app::record_enterprise_status(
        s.store, change, audit_event(s, request, context, "general_plan.status_changed", "ok"));
    const auto stored = s.store.enterprise_status_history(number);
    return saved(request, number, "status", http::status::ok, status_json(stored.front()));
}

// Reads and checks an arena's fields; nullopt (with the errors in `input`) when any is wrong.
std::optional<store::LearningArena> arena_input(FormInput& input, const std::string& number) {
    const auto kind = input.required_choice("kind", kArenaKinds);
    const auto name = input.required_text("name", app::kArenaNameMax);
    const auto offers = paragraph_text(input, "offers", app::kArenaOffersMax, true);
    if (!input.ok()) {
        return std::nullopt;
    }
    store::LearningArena arena;
    arena.municipality_number = number;
    arena.kind = *store::parse_arena_kind(*kind);
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
        s.store, *arena, audit_event(s, request, context, "general_plan.arena_added", "ok"));
    return saved(request, number, "arena", http::status::created, arena_json(*arena));
}

std::string arena_title(const Services& s, const store::LearningArena& arena) {
    return s.catalogue.format("general_plan.arena_title", {{"name", arena.name}});
}

json::object arena_form_data(Services& s, const RequestContext& context,
                             const store::LearningArena& arena, const app::GeneralPlan& plan,
                             const FormInput* input) {
    const auto value = [&](std::string_view field, const std::string& stored) {
        return input != nullptr ? input->text(field) : stored;
    };
    return {
        {"heading", arena_title(s, arena)},
        {"edit_url", edit_url(plan.municipality.number)},
        {"action", public_url(plan.municipality.number) + "/arenaer/" + std::to_string(arena.id)},
        {"csrf_token", context.session->csrf_token},
        {"options", select_options(s.catalogue, "general_plan.kind", kArenaKinds,
                                   value("kind", std::string(store::to_string(arena.kind))))},
        {"name", value("name", arena.name)},
        {"offers", value("offers", arena.offers)}};
}

Response arena_page(Services& s, const Request& request, RequestContext& context) {
    const auto arena = arena_of(s, context);
    const auto plan = load_plan(s, arena.municipality_number);
    return page(s, request, context, "general_plan_arena", arena_title(s, arena),
                arena_form_data(s, context, arena, plan, nullptr));
}

Response update_arena(Services& s, const Request& request, RequestContext& context) {
    const auto stored = arena_of(s, context);
    auto input = FormInput::from_request(request);
    auto arena = arena_input(input, stored.municipality_number);
    if (!arena) {
        return refuse(s, request, context, input, "general_plan_arena", arena_title(s, stored),
                      [&] {
                          return arena_form_data(s, context, stored,
                                                 load_plan(s, stored.municipality_number), &input);
                      });
    }
    arena->id = stored.id;
    app::update_learning_arena(
        s.store, *arena, audit_event(s, request, context, "general_plan.arena_changed", "ok"));
    return saved(request, stored.municipality_number, "arena", http::status::ok,
                 arena_json(*arena));
}

Response remove_arena(Services& s, const Request& request, RequestContext& context) {
    const auto arena = arena_of(s, context);
    app::remove_learning_arena(
        s.store, arena, audit_event(s, request, context, "general_plan.arena_removed", "ok"));
    return saved(request, arena.municipality_number, "fjernet", http::status::ok,
                 json::object{{"removed", arena_json(arena)}});
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
    store::PlanResponsibility r;
    r.municipality_number = number;
    r.area = *area;
    r.responsible = *responsible;
    r.description = *description;
    r.id = app::add_plan_responsibility(
        s.store, r, audit_event(s, request, context, "general_plan.responsibility_added", "ok"));
    return saved(request, number, "ansvar", http::status::created, responsibility_json(r));
}

Response remove_responsibility(Services& s, const Request& request, RequestContext& context) {
    const auto r = responsibility_of(s, context);
    app::remove_plan_responsibility(
        s.store, r, audit_event(s, request, context, "general_plan.responsibility_removed", "ok"));
    return saved(request, r.municipality_number, "fjernet", http::status::ok,
                 json::object{{"removed", responsibility_json(r)}});
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
