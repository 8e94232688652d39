// The view models of web/general_plan_view.hpp.
#include "web/general_plan_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// One sentence with a status change's dates, e.g. "Midlertidig registrert fra 01.03.2026 til
// 28.02.2027."
std::string status_period(const Catalogue& t, const domain::EnterpriseStatusChange& c) {
    const std::string status(domain::to_string(c.status));
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

}  // namespace

std::string general_plan_url(const std::string& number) {
    return "/kommuner/" + number + "/utdanningsplan";
}

std::string general_plan_edit_url(const std::string& number) {
    return general_plan_url(number) + "/rediger";
}

json::object enterprise_status_json(const domain::EnterpriseStatusChange& c) {
    return {{"status", std::string(domain::to_string(c.status))},
            {"valid_from", c.valid_from.iso()},
            {"valid_until", date_or_null(c.valid_until)},
            {"applied_on", date_or_null(c.applied_on)},
            {"changed_at", c.changed_at}};
}

json::object learning_arena_json(const domain::LearningArena& a) {
    return {{"id", a.id},
            {"kind", std::string(domain::to_string(a.kind))},
            {"name", a.name},
            {"offers", a.offers}};
}

json::object plan_responsibility_json(const domain::PlanResponsibility& r) {
    return {{"id", r.id},
            {"area", r.area},
            {"responsible", r.responsible},
            {"description", r.description}};
}

json::object general_plan_json(const app::GeneralPlan& plan) {
    json::array history;
    for (const auto& c : plan.status_history) {
        history.push_back(enterprise_status_json(c));
    }
    json::array arenas;
    for (const auto& a : plan.arenas) {
        arenas.push_back(learning_arena_json(a));
    }
    json::array responsibilities;
    for (const auto& r : plan.responsibilities) {
        responsibilities.push_back(plan_responsibility_json(r));
    }
    const auto* current = plan.current_status();
    return {
        {"municipality",
         json::object{{"number", plan.municipality.number}, {"name", plan.municipality.name}}},
        {"url", general_plan_url(plan.municipality.number)},
        {"published", plan.published()},
        {"enterprise_status", std::string(domain::to_string(plan.municipality.enterprise_status))},
        {"status", current ? json::value(enterprise_status_json(*current)) : json::value()},
        {"status_history", std::move(history)},
        {"arenas", std::move(arenas)},
        {"responsibilities", std::move(responsibilities)},
        {"changed_at", plan.changed ? json::value(plan.changed->changed_at) : json::value()}};
}

json::object general_plan_view(const Catalogue& t, const app::GeneralPlan& plan) {
    const auto status = plan.municipality.enterprise_status;
    json::object data{
        {"number", plan.municipality.number},
        {"name", plan.municipality.name},
        {"public_url", general_plan_url(plan.municipality.number)},
        {"edit_url", general_plan_edit_url(plan.municipality.number)},
        {"status_label", t.text("enterprise_status." + std::string(domain::to_string(status)))},
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
            {"label", t.text("enterprise_status." + std::string(domain::to_string(c.status)))},
            {"period", status_period(t, c)},
            {"recorded", domain::norwegian_day(c.changed_at)}});
    }
    data["has_history"] = history.size() > 1;
    data["history"] = std::move(history);
    json::array arenas;
    for (const auto& a : plan.arenas) {
        const std::string base =
            general_plan_url(plan.municipality.number) + "/arenaer/" + std::to_string(a.id);
        arenas.push_back(json::object{
            {"id", a.id},
            {"kind", t.text("general_plan.kind." + std::string(domain::to_string(a.kind)))},
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
            {"remove_url", general_plan_url(plan.municipality.number) + "/ansvar/" +
                               std::to_string(r.id) + "/fjern"},
            {"remove_label",
             t.format("general_plan.remove_responsibility_label", {{"area", r.area}})}});
    }
    data["has_responsibilities"] = !responsibilities.empty();
    data["responsibilities"] = std::move(responsibilities);
    if (plan.changed) {
        data["changed"] = t.format("general_plan.changed",
                                   {{"date", domain::norwegian_day(plan.changed->changed_at)}});
    }
    return data;
}

std::string general_plan_edit_title(const Services& s, const app::GeneralPlan& plan) {
    return s.catalogue.format("general_plan.edit_title", {{"name", plan.municipality.name}});
}

json::object general_plan_edit_data(Services& s, const RequestContext& context,
                                    const app::GeneralPlan& plan, PlanForm failed,
                                    const FormInput* input) {
    const auto& t = s.catalogue;
    json::object data = general_plan_view(t, plan);
    data["heading"] = general_plan_edit_title(s, plan);
    data["csrf_token"] = context.session->csrf_token;
    const auto typed = [&](PlanForm form, std::string_view field, std::string fallback) {
        return failed == form && input != nullptr ? input->text(field) : fallback;
    };
    const auto* current = plan.current_status();
    const std::string status =
        typed(PlanForm::status, "status",
              std::string(domain::to_string(plan.municipality.enterprise_status)));
    data["status_form"] = json::object{
        {"action", general_plan_url(plan.municipality.number) + "/status"},
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
        {"action", general_plan_url(plan.municipality.number) + "/arenaer"},
        {"options",
         select_options(t, "general_plan.kind", kArenaKinds, typed(PlanForm::arena, "kind", ""))},
        {"name", typed(PlanForm::arena, "name", "")},
        {"offers", typed(PlanForm::arena, "offers", "")}};
    data["responsibility_form"] =
        json::object{{"action", general_plan_url(plan.municipality.number) + "/ansvar"},
                     {"area", typed(PlanForm::responsibility, "area", "")},
                     {"responsible", typed(PlanForm::responsibility, "responsible", "")},
                     {"description", typed(PlanForm::responsibility, "description", "")}};
    return data;
}

std::string learning_arena_title(const Services& s, const domain::LearningArena& arena) {
    return s.catalogue.format("general_plan.arena_title", {{"name", arena.name}});
}

json::object learning_arena_form_data(Services& s, const RequestContext& context,
                                      const domain::LearningArena& arena,
                                      const app::GeneralPlan& plan, const FormInput* input) {
    const auto value = [&](std::string_view field, const std::string& stored) {
        return input != nullptr ? input->text(field) : stored;
    };
    return {{"heading", learning_arena_title(s, arena)},
            {"edit_url", general_plan_edit_url(plan.municipality.number)},
            {"action",
             general_plan_url(plan.municipality.number) + "/arenaer/" + std::to_string(arena.id)},
            {"csrf_token", context.session->csrf_token},
            {"options", select_options(s.catalogue, "general_plan.kind", kArenaKinds,
                                       value("kind", std::string(domain::to_string(arena.kind))))},
            {"name", value("name", arena.name)},
            {"offers", value("offers", arena.offers)}};
}

}  // namespace alis::web
