// The view models of web/trainee_view.hpp.
#include "web/trainee_view.hpp"

#include "app/municipality_overview.hpp"
#include "app/training_records.hpp"
#include "web/form_fields.hpp"

namespace alis::web {
namespace {

std::vector<std::string_view> ruleset_names() {
    std::vector<std::string_view> names;
    for (const auto& id : app::known_rulesets()) {
        names.push_back(id);
    }
    return names;
}

std::vector<std::string_view> service_arena_names() {
    auto names = domain::enum_names<domain::Arena>();
    std::erase(names, domain::to_string(domain::Arena::leave));
    return names;
}

}  // namespace

const std::vector<std::string_view> kRulesets = ruleset_names();
const std::vector<std::string_view> kPostTypes = domain::enum_names<domain::PostType>();
const std::vector<std::string_view> kPayModels = domain::enum_names<domain::PayModel>();
const std::vector<std::string_view> kServiceArenas = service_arena_names();
const std::vector<std::string_view> kLeaveKinds = domain::enum_names<domain::LeaveKind>();

namespace {

namespace json = boost::json;

json::array trainee_sections(const Catalogue& t, const FormInput& in) {
    auto hpr = text_field(t, in, "hpr_number", "records.hpr_number");
    hpr["hint"] = t.text("records.hpr_hint");
    hpr["inputmode"] = "numeric";
    hpr["width"] = "sm";
    auto name = text_field(t, in, "full_name", "records.full_name");
    name["autocomplete"] = "name";
    auto place = text_field(t, in, "place", "records.place");
    place["hint"] = t.text("records.place_hint");
    return json::array{
        section(
            t, "records.legend_person",
            json::array{name, hpr, date_field(t, in, "lis1_completed", "records.lis1"),
                        select_field(t, in, "ruleset", "records.ruleset", "ruleset", kRulesets)}),
        section(t, "records.legend_employment",
                json::array{
                    date_field(t, in, "starts_on", "records.starts_on"),
                    date_field(t, in, "ends_on", "records.ends_on", true),
                    percent_field(t, in, "fte", "records.fte"),
                    select_field(t, in, "post_type", "records.post_type", "post_type", kPostTypes),
                    select_field(t, in, "pay_model", "records.pay_model", "pay_model", kPayModels),
                    checkbox_field(t, in, "count_as_service", "records.count_as_service",
                                   "records.count_as_service_hint"),
                    place})};
}

}  // namespace

json::object employment_json(const domain::Employment& e) {
    return json::object{{"id", e.id},
                        {"person_id", e.person_id},
                        {"municipality", e.municipality_number},
                        {"starts_on", e.starts_on.iso()},
                        {"ends_on", date_or_null(e.ends_on)},
                        {"fte", e.fte},
                        {"post_type", domain::to_string(e.post_type)},
                        {"pay_model", domain::to_string(e.pay_model)}};
}

json::object service_period_json(const domain::ServicePeriod& p) {
    return json::object{
        {"id", p.id},
        {"person_id", p.person_id},
        {"employment_id", p.employment_id ? json::value(*p.employment_id) : json::value()},
        {"arena", domain::to_string(p.arena)},
        {"place", p.place},
        {"starts_on", p.starts_on.iso()},
        {"ends_on", date_or_null(p.ends_on)},
        {"fte", p.fte},
        {"employer_registered", p.employer_registered}};
}

json::object leave_json(const domain::Leave& l) {
    return json::object{{"id", l.id},
                        {"person_id", l.person_id},
                        {"kind", domain::to_string(l.kind)},
                        {"starts_on", l.starts_on.iso()},
                        {"ends_on", l.ends_on.iso()}};
}

std::string person_path(std::int64_t id) {
    return "/personer/" + std::to_string(id);
}

json::object trainee_form(Services& s, const RequestContext& context, const domain::Municipality& m,
                          const FormInput& input) {
    const auto& t = s.catalogue;
    return form_page(t, context, t.format("records.register_heading", {{"municipality", m.name}}),
                     t.text("records.register_intro"), "/kommuner/" + m.number + "/leger/ny",
                     "/kommuner/" + m.number + "/oversikt", "records.register_submit",
                     trainee_sections(t, input));
}

json::object employment_form(Services& s, const RequestContext& context,
                             const domain::Person& person, const FormInput& in) {
    const auto& t = s.catalogue;
    json::array fields{
        date_field(t, in, "starts_on", "records.starts_on"),
        date_field(t, in, "ends_on", "records.ends_on", true),
        percent_field(t, in, "fte", "records.fte"),
        select_field(t, in, "post_type", "records.post_type", "post_type", kPostTypes),
        select_field(t, in, "pay_model", "records.pay_model", "pay_model", kPayModels)};
    return form_page(t, context,
                     t.format("records.employment_heading", {{"name", person.full_name}}),
                     t.text("records.employment_intro"), person_path(person.id) + "/ansettelser/ny",
                     person_path(person.id), "records.save",
                     json::array{section(t, "records.legend_employment", fields)});
}

json::object service_period_form(Services& s, const RequestContext& context,
                                 const domain::Person& person, const FormInput& in) {
    const auto& t = s.catalogue;
    auto place = text_field(t, in, "place", "records.place");
    place["hint"] = t.text("records.place_hint");
    auto employment = field(t, in, "employment_id", "records.employment");
    employment["is_select"] = true;
    employment["optional"] = true;
    json::array options{json::object{{"value", ""},
                                     {"label", t.text("records.no_employment")},
                                     {"selected", in.text("employment_id").empty()}}};
    const auto record = app::training_record(s.app, person.id);
    for (const auto& e : record ? record->employments : std::vector<domain::Employment>{}) {
        const auto m = app::find_municipality(s.app, e.municipality_number);
        const std::string value = std::to_string(e.id);
        options.push_back(
            json::object{{"value", value},
                         {"label", t.format("records.employment_option",
                                            {{"municipality", m ? m->name : e.municipality_number},
                                             {"from", e.starts_on.norwegian()},
                                             {"to", e.ends_on ? e.ends_on->norwegian() : ""}})},
                         {"selected", in.text("employment_id") == value}});
    }
    employment["options"] = std::move(options);
    json::array fields{
        select_field(t, in, "arena", "records.arena", "ledger.arena", kServiceArenas),
        place,
        date_field(t, in, "starts_on", "records.starts_on"),
        date_field(t, in, "ends_on", "records.ends_on", true),
        percent_field(t, in, "fte", "records.fte"),
        checkbox_field(t, in, "employer_registered", "records.employer_registered",
                       "records.employer_registered_hint"),
        employment};
    return form_page(t, context, t.format("records.period_heading", {{"name", person.full_name}}),
                     t.text("records.period_intro"),
                     person_path(person.id) + "/tjenesteperioder/ny", person_path(person.id),
                     "records.save", json::array{section(t, "records.legend_period", fields)});
}

json::object leave_form(Services& s, const RequestContext& context, const domain::Person& person,
                        const FormInput& in) {
    const auto& t = s.catalogue;
    json::array fields{select_field(t, in, "kind", "records.leave_kind", "leave_kind", kLeaveKinds),
                       date_field(t, in, "starts_on", "records.starts_on"),
                       date_field(t, in, "ends_on", "records.leave_ends_on")};
    return form_page(t, context, t.format("records.leave_heading", {{"name", person.full_name}}),
                     t.text("records.leave_intro"), person_path(person.id) + "/permisjoner/ny",
                     person_path(person.id), "records.save",
                     json::array{section(t, "records.legend_leave", fields)});
}

}  // namespace alis::web
