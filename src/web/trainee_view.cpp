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

std::string person_path(std::int64_t id) {
    return "/personer/" + std::to_string(id);
}

namespace {

// Where a kind of record lives under the person's page, and the name of its messages.
struct KindNames {
    std::string_view segment;  // "ansettelser"
    std::string_view key;      // "employment", as in records.employment_heading
};

KindNames names_of(domain::RecordKind kind) {
    switch (kind) {
        case domain::RecordKind::employment:
            return {"ansettelser", "employment"};
        case domain::RecordKind::service_period:
            return {"tjenesteperioder", "period"};
        case domain::RecordKind::leave:
            break;
    }
    return {"permisjoner", "leave"};
}

std::string key(std::string_view prefix, std::string_view name, std::string_view suffix = {}) {
    return std::string(prefix) + std::string(name) + std::string(suffix);
}

json::object reason_field(const Catalogue& t, const FormInput& in) {
    return textarea_field(t, in, "reason", "records.reason", "records.reason_hint");
}

// A record form: adding a record of `kind` to `person`, or correcting the record `correcting`
// (with the reason, and a link to removing it instead).
json::object record_page(Services& s, const RequestContext& context, const domain::Person& person,
                         domain::RecordKind kind, const FormInput& in, Correcting correcting,
                         json::array fields) {
    const auto& t = s.catalogue;
    const auto names = names_of(kind);
    json::array sections{section(t, key("records.legend_", names.key), std::move(fields))};
    if (!correcting) {
        return form_page(
            t, context,
            t.format(key("records.", names.key, "_heading"), {{"name", person.full_name}}),
            t.text(key("records.", names.key, "_intro")), record_path(person.id, kind, "ny"),
            person_path(person.id), "records.save", std::move(sections));
    }
    sections.push_back(section(t, "records.legend_correction", json::array{reason_field(t, in)}));
    const std::string id = std::to_string(*correcting);
    auto data = form_page(
        t, context,
        t.format(key("records.correct_", names.key, "_heading"), {{"name", person.full_name}}),
        t.text("records.correct_intro"), record_path(person.id, kind, id), person_path(person.id),
        "records.save_correction", std::move(sections));
    data["remove_url"] = record_path(person.id, kind, id + "/fjern");
    data["remove_label"] = t.text(key("records.remove_", names.key));
    return data;
}

std::string period_text(const Catalogue& t, const domain::Date& from,
                        const std::optional<domain::Date>& to) {
    return from.norwegian() + " – " + (to ? to->norwegian() : t.text("person.ongoing"));
}

}  // namespace

std::string record_path(std::int64_t person, domain::RecordKind kind, std::string_view rest) {
    return person_path(person) + "/" + std::string(names_of(kind).segment) + "/" +
           std::string(rest);
}

std::string departure_path(std::int64_t person, std::int64_t employment) {
    return record_path(person, domain::RecordKind::employment,
                       std::to_string(employment) + "/avslutning");
}

std::string certificate_path(std::int64_t person, std::int64_t employment) {
    return record_path(person, domain::RecordKind::employment,
                       std::to_string(employment) + "/tjenesteattest.pdf");
}

domain::RecordKind kind_of(const app::RecordVersion& record) {
    static constexpr domain::RecordKind kinds[] = {domain::RecordKind::employment,
                                                   domain::RecordKind::service_period,
                                                   domain::RecordKind::leave};
    return kinds[record.index()];
}

std::string municipality_label(const app::MunicipalityNames& names, const std::string& number) {
    const auto it = names.find(number);
    return it == names.end() ? number : it->second + " (" + number + ")";
}

std::string describe(const Catalogue& t, const app::RecordVersion& record,
                     const app::MunicipalityNames& names) {
    if (const auto* e = std::get_if<domain::Employment>(&record)) {
        return t.format(
            "records.describe_employment",
            {{"municipality", municipality_label(names, e->municipality_number)},
             {"period", period_text(t, e->starts_on, e->ends_on)},
             {"fte", e->fte},
             {"post", t.text("post_type." + std::string(domain::to_string(e->post_type)))}});
    }
    if (const auto* p = std::get_if<domain::ServicePeriod>(&record)) {
        return t.format(
            "records.describe_period",
            {{"arena", t.text("ledger.arena." + std::string(domain::to_string(p->arena)))},
             {"place", p->place},
             {"period", period_text(t, p->starts_on, p->ends_on)},
             {"fte", p->fte}});
    }
    const auto& l = std::get<domain::Leave>(record);
    return t.format("records.describe_leave",
                    {{"kind", t.text("leave_kind." + std::string(domain::to_string(l.kind)))},
                     {"period", period_text(t, l.starts_on, l.ends_on)}});
}

json::object removal_form(Services& s, const RequestContext& context, const domain::Person& person,
                          const app::RecordVersion& record, std::int64_t record_id,
                          const app::MunicipalityNames& municipalities, const FormInput& in) {
    const auto& t = s.catalogue;
    const auto kind = kind_of(record);
    const auto names = names_of(kind);
    return form_page(
        t, context,
        t.format(key("records.remove_", names.key, "_heading"), {{"name", person.full_name}}),
        t.format("records.remove_intro", {{"record", describe(t, record, municipalities)}}),
        record_path(person.id, kind, std::to_string(record_id) + "/fjern"),
        record_path(person.id, kind, std::to_string(record_id)), key("records.remove_", names.key),
        json::array{section(t, "records.legend_correction", json::array{reason_field(t, in)})});
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
                             const domain::Person& person, const FormInput& in,
                             Correcting correcting) {
    const auto& t = s.catalogue;
    json::array fields{
        date_field(t, in, "starts_on", "records.starts_on"),
        date_field(t, in, "ends_on", "records.ends_on", true),
        percent_field(t, in, "fte", "records.fte"),
        select_field(t, in, "post_type", "records.post_type", "post_type", kPostTypes),
        select_field(t, in, "pay_model", "records.pay_model", "pay_model", kPayModels)};
    return record_page(s, context, person, domain::RecordKind::employment, in, correcting,
                       std::move(fields));
}

json::object service_period_form(Services& s, const RequestContext& context,
                                 const domain::Person& person, const FormInput& in,
                                 Correcting correcting) {
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
    return record_page(s, context, person, domain::RecordKind::service_period, in, correcting,
                       std::move(fields));
}

json::object leave_form(Services& s, const RequestContext& context, const domain::Person& person,
                        const FormInput& in, Correcting correcting) {
    const auto& t = s.catalogue;
    json::array fields{select_field(t, in, "kind", "records.leave_kind", "leave_kind", kLeaveKinds),
                       date_field(t, in, "starts_on", "records.starts_on"),
                       date_field(t, in, "ends_on", "records.leave_ends_on")};
    return record_page(s, context, person, domain::RecordKind::leave, in, correcting,
                       std::move(fields));
}

}  // namespace alis::web
