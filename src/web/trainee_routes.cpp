// Journey 2: a leader registers a doctor in training, then the employments, service periods and
// leaves of the training record. Each write is one handler for both the HTML form and the JSON
// API: every field is validated before anything is written, and the record and its audit event are
// written in one transaction, so a failed form leaves nothing behind.
#include <boost/json.hpp>

#include <algorithm>
#include <functional>

#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/training_records.hpp"
#include "domain/hpr.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxPlace = 200;

// The forms' choice lists, from the enums' name tables and the known rulesets.
std::vector<std::string_view> ruleset_names() {
    std::vector<std::string_view> names;
    for (const auto& id : app::known_rulesets()) {
        names.push_back(id);
    }
    return names;
}
// A service period is in any arena but leave, which is recorded as a leave.
std::vector<std::string_view> period_arena_names() {
    auto names = domain::enum_names<domain::Arena>();
    std::erase(names, domain::to_string(domain::Arena::leave));
    return names;
}
const std::vector<std::string_view> kRulesets = ruleset_names();
const std::vector<std::string_view> kPostTypes = domain::enum_names<domain::PostType>();
const std::vector<std::string_view> kPayModels = domain::enum_names<domain::PayModel>();
const std::vector<std::string_view> kArenas = period_arena_names();
const std::vector<std::string_view> kLeaveKinds = domain::enum_names<domain::LeaveKind>();

json::value date_or_null(const std::optional<domain::Date>& date) {
    return date ? json::value(date->iso()) : json::value();
}

// ---- Form fields: one description per input, rendered by templates/_field.mustache. ----

json::object field(const Catalogue& t, const FormInput& input, std::string_view id,
                   std::string_view label_key) {
    json::object f{{"id", id},
                   {"label", t.text(label_key)},
                   {"value", input.text(id)},
                   {"hint", nullptr},
                   {"error", nullptr},
                   {"optional", false},
                   {"is_select", false},
                   {"is_checkbox", false},
                   {"inputmode", nullptr},
                   {"autocomplete", "off"},
                   {"width", "md"}};
    for (const auto& e : input.errors()) {
        if (e.field == id) {
            f["error"] = t.format(e.message_key, e.args);
            break;
        }
    }
    return f;
}

json::object text_field(const Catalogue& t, const FormInput& input, std::string_view id,
                        std::string_view label_key) {
    return field(t, input, id, label_key);
}

json::object date_field(const Catalogue& t, const FormInput& input, std::string_view id,
                        std::string_view label_key, bool optional = false) {
    auto f = field(t, input, id, label_key);
    f["hint"] = t.text("form.date_hint");
    f["optional"] = optional;
    f["width"] = "sm";
    return f;
}

json::object percent_field(const Catalogue& t, const FormInput& input, std::string_view id,
                           std::string_view label_key) {
    auto f = field(t, input, id, label_key);
    f["hint"] = t.text("records.fte_hint");
    f["inputmode"] = "numeric";
    f["width"] = "xs";
    return f;
}

json::object select_field(const Catalogue& t, const FormInput& input, std::string_view id,
                          std::string_view label_key, std::string_view label_prefix,
                          const std::vector<std::string_view>& values) {
    auto f = field(t, input, id, label_key);
    f["is_select"] = true;
    f["options"] = select_options(t, label_prefix, values, input.text(id));
    return f;
}

json::object checkbox_field(const Catalogue& t, const FormInput& input, std::string_view id,
                            std::string_view label_key, std::string_view hint_key) {
    auto f = field(t, input, id, label_key);
    f["is_checkbox"] = true;
    f["checked"] = input.flag(id);
    f["hint"] = t.text(hint_key);
    return f;
}

json::object section(const Catalogue& t, std::string_view legend_key, json::array fields) {
    return json::object{{"legend", t.text(legend_key)}, {"fields", std::move(fields)}};
}

// The data of templates/record_form.mustache.
json::object form_page(const Catalogue& t, const RequestContext& context, std::string heading,
                       std::string intro, std::string action, std::string cancel,
                       std::string_view submit_key, json::array sections) {
    // Each input is described by its hint and its error, when it has them.
    for (auto& s : sections) {
        for (auto& f : s.as_object()["fields"].as_array()) {
            auto& o = f.as_object();
            const std::string id(o["id"].as_string());
            std::string described;
            if (!o["hint"].is_null()) {
                described = id + "-hint";
            }
            if (!o["error"].is_null()) {
                described += (described.empty() ? "" : " ") + id + "-error";
            }
            o["describedby"] = described.empty() ? json::value() : json::value(described);
        }
    }
    return json::object{{"heading", std::move(heading)},
                        {"intro", std::move(intro)},
                        {"action", std::move(action)},
                        {"cancel", std::move(cancel)},
                        {"submit", t.text(submit_key)},
                        {"csrf_token", context.session ? context.session->csrf_token : ""},
                        {"sections", std::move(sections)}};
}

// ---- Reading input, and the record's rules as the use cases report them. ----

// The end of a span that may be open: nullopt when the field is empty (or failed).
std::optional<domain::Date> end_date(const std::optional<std::optional<domain::Date>>& to) {
    return to && *to ? **to : std::optional<domain::Date>{};
}

// Notes each problem the use case found on the field it concerns.
void note(FormInput& input, const app::RecordProblems& problems) {
    using Kind = app::RecordProblem::Kind;
    for (const auto& p : problems) {
        switch (p.kind) {
            case Kind::hpr_format:
                input.fail("hpr_number", "records.hpr_format");
                break;
            case Kind::hpr_taken:
                input.fail("hpr_number", "records.hpr_taken");
                break;
            case Kind::lis1_required:
                input.fail("lis1_completed", "form.required");
                break;
            case Kind::starts_before_lis1:
                input.fail("starts_on", "records.starts_before_lis1",
                           {{"date", p.date->norwegian()}});
                break;
            case Kind::ends_before_start:
                input.fail("ends_on", "records.end_before_start");
                break;
            case Kind::over_full_time:
                input.fail("fte", "records.over_full_time",
                           {{"percent", p.percent}, {"date", p.date->norwegian()}});
                break;
            case Kind::unknown_employment:
                input.fail("employment_id", "form.bad_choice");
                break;
            case Kind::outside_employment:
                input.fail("starts_on", "records.outside_employment");
                break;
        }
    }
}

std::optional<domain::Employment> read_employment(FormInput& input, std::int64_t person_id,
                                                  const std::string& municipality) {
    const auto from = input.required_date("starts_on");
    const auto to = input.optional_date("ends_on");
    const auto fte = input.required_int("fte", 1, 100);
    const auto post = input.required_choice("post_type", kPostTypes);
    const auto pay = input.required_choice("pay_model", kPayModels);
    if (!from || !to || !fte || !post || !pay) {
        return std::nullopt;
    }
    domain::Employment e;
    e.person_id = person_id;
    e.municipality_number = municipality;
    e.starts_on = *from;
    e.ends_on = end_date(to);
    e.fte = *fte;
    e.post_type = *domain::parse_enum<domain::PostType>(*post);
    e.pay_model = *domain::parse_enum<domain::PayModel>(*pay);
    return e;
}

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

// The answer to input with errors: 422 JSON for the API, else the record form again (only then
// built), with what was typed and the errors.
// The answer to input with errors: 422 JSON for the API, else the record form again (only then
// built), with what was typed and the errors.
Response refuse(const Services& s, const Request& request, const RequestContext& context,
                const FormInput& input, const std::string& title,
                const std::function<json::object()>& form) {
    if (input.from_json()) {
        return invalid_json(s, request, context, input);
    }
    return invalid_form(s, request, context, "record_form", title, form(), input);
}

Response created(const Request& request, const std::string& location, json::object body) {
    auto response = json_response(http::status::created, request.version(), body);
    response.set(http::field::location, location);
    return response;
}

std::string person_path(std::int64_t id) {
    return "/personer/" + std::to_string(id);
}

// The municipality whose leader is acting on the person: the first active leader grant of the
// actor for a municipality that employs or has hired the person (the policy allowed one).
// The municipality whose leader is acting on the person (the policy allowed one).
std::string acting_municipality(Services& s, const RequestContext& context, std::int64_t person) {
    if (auto number = app::acting_municipality(s.app, context.session->actor, person)) {
        return std::move(*number);
    }
    throw HttpError(http::status::forbidden, "forbidden", "error.forbidden");
}

domain::Person load_person(Services& s, const RequestContext& context) {
    const auto id = parse_id(context.params.at("person"));
    auto person = id ? app::find_person(s.app, *id) : std::nullopt;
    if (!person) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    return std::move(*person);
}

domain::Municipality load_municipality(Services& s, const RequestContext& context) {
    auto m = app::find_municipality(s.app, context.params.at("number"));
    if (!m) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    return std::move(*m);
}

// ---- Register a doctor in training. ----

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

json::object trainee_form(Services& s, const RequestContext& context, const domain::Municipality& m,
                          const FormInput& input) {
    const auto& t = s.catalogue;
    return form_page(t, context, t.format("records.register_heading", {{"municipality", m.name}}),
                     t.text("records.register_intro"), "/kommuner/" + m.number + "/leger/ny",
                     "/kommuner/" + m.number + "/oversikt", "records.register_submit",
                     trainee_sections(t, input));
}

Response new_trainee_page(Services& s, const Request& request, RequestContext& context) {
    const auto m = load_municipality(s, context);
    const FormInput defaults({{"fte", "100"},
                              {"ruleset", "allmennmedisin-2019"},
                              {"post_type", "gp_list"},
                              {"pay_model", "salaried"},
                              {"count_as_service", "ja"}});
    auto data = trainee_form(s, context, m, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.register_title"),
                std::move(data));
}

Response register_trainee(Services& s, const Request& request, RequestContext& context) {
    const auto m = load_municipality(s, context);
    auto input = FormInput::from_request(request);
    const auto name = input.required_text("full_name", kMaxName);
    const auto hpr = input.required_text("hpr_number", 20);
    if (hpr && !domain::is_hpr_number(*hpr)) {
        // The use case checks it too; checked here as well, so the form shows it with the rest.
        input.fail("hpr_number", "records.hpr_format");
    }
    const auto ruleset = input.required_choice("ruleset", kRulesets);
    const auto lis1 = input.optional_date("lis1_completed");
    auto employment = read_employment(input, 0, m.number);
    const bool count_as_service = input.flag("count_as_service");
    const auto place = count_as_service ? input.required_text("place", kMaxPlace)
                                        : input.optional_text("place", kMaxPlace);
    const auto form = [&] { return trainee_form(s, context, m, input); };
    const std::string title = s.catalogue.text("records.register_title");
    if (!input.ok()) {
        return refuse(s, request, context, input, title, form);
    }
    app::TraineeRegistration registration;
    registration.person.full_name = *name;
    registration.person.hpr_number = *hpr;
    registration.person.lis1_completed = end_date(lis1);
    registration.person.ruleset = *ruleset;
    registration.employment = *employment;
    registration.count_as_service =
        count_as_service ? app::CountAsService::yes : app::CountAsService::no;
    registration.place = place;
    auto result = app::register_trainee(s.app, m, std::move(registration),
                                        audit_event(s, request, context, "trainee.register", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, title, form);
    }
    const auto& done = std::get<app::RegisteredTrainee>(result);
    if (!input.from_json()) {
        return redirect(request.version(), person_path(done.person.id) + "?lagret=lege");
    }
    json::object body{
        {"id", done.person.id},
        {"name", done.person.full_name},
        {"hpr_number", *done.person.hpr_number},
        {"lis1_completed", date_or_null(done.person.lis1_completed)},
        {"ruleset", *done.person.ruleset},
        {"employment", employment_json(done.employment)},
        {"service_period",
         done.period ? json::value(service_period_json(*done.period)) : json::value()}};
    return created(request, "/api/v1/people/" + std::to_string(done.person.id), std::move(body));
}

// ---- An employment of a registered doctor. ----

// ---- An employment of a registered doctor. ----

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

Response new_employment_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const FormInput defaults({{"fte", "100"}, {"post_type", "gp_list"}, {"pay_model", "salaried"}});
    auto data = employment_form(s, context, person, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.employment_title"),
                std::move(data));
}

Response add_employment(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const std::string municipality = acting_municipality(s, context, person.id);
    auto input = FormInput::from_request(request);
    auto employment = read_employment(input, person.id, municipality);
    const auto form = [&] { return employment_form(s, context, person, input); };
    const std::string title = s.catalogue.text("records.employment_title");
    if (!input.ok()) {
        return refuse(s, request, context, input, title, form);
    }
    auto result = app::add_employment(s.app, *employment,
                                      audit_event(s, request, context, "employment.add", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, title, form);
    }
    if (!input.from_json()) {
        return redirect(request.version(), person_path(person.id) + "?lagret=ansettelse");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   employment_json(std::get<domain::Employment>(result)));
}

// ---- A service period. ----

// ---- A service period. ----

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
    json::array fields{select_field(t, in, "arena", "records.arena", "ledger.arena", kArenas),
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

Response new_service_period_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const FormInput defaults(
        {{"fte", "100"}, {"arena", "open_general_practice"}, {"employer_registered", "ja"}});
    auto data = service_period_form(s, context, person, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.period_title"),
                std::move(data));
}

Response add_service_period(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    acting_municipality(s, context, person.id);
    auto input = FormInput::from_request(request);
    const auto arena = input.required_choice("arena", kArenas);
    const auto place = input.required_text("place", kMaxPlace);
    const auto from = input.required_date("starts_on");
    const auto to = input.optional_date("ends_on");
    const auto fte = input.required_int("fte", 1, 100);
    std::optional<std::int64_t> employment;
    if (input.present("employment_id")) {
        employment = parse_id(input.text("employment_id"));
        if (!employment) {
            input.fail("employment_id", "form.bad_choice");
        }
    }
    const auto form = [&] { return service_period_form(s, context, person, input); };
    const std::string title = s.catalogue.text("records.period_title");
    if (!input.ok()) {
        return refuse(s, request, context, input, title, form);
    }
    domain::ServicePeriod period;
    period.person_id = person.id;
    period.employment_id = employment;
    period.arena = *domain::parse_enum<domain::Arena>(*arena);
    period.place = *place;
    period.starts_on = *from;
    period.ends_on = end_date(to);
    period.fte = *fte;
    period.employer_registered = input.flag("employer_registered");
    auto result = app::add_service_period(
        s.app, period, audit_event(s, request, context, "service_period.add", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, title, form);
    }
    if (!input.from_json()) {
        return redirect(request.version(), person_path(person.id) + "?lagret=periode");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   service_period_json(std::get<domain::ServicePeriod>(result)));
}

// ---- A leave. ----

// ---- A leave. ----

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

Response new_leave_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const FormInput defaults(std::map<std::string, std::string>{{"kind", "parental"}});
    auto data = leave_form(s, context, person, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.leave_title"),
                std::move(data));
}

Response add_leave(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    acting_municipality(s, context, person.id);
    auto input = FormInput::from_request(request);
    const auto kind = input.required_choice("kind", kLeaveKinds);
    const auto from = input.required_date("starts_on");
    const auto to = input.required_date("ends_on");
    const auto form = [&] { return leave_form(s, context, person, input); };
    const std::string title = s.catalogue.text("records.leave_title");
    if (!input.ok()) {
        return refuse(s, request, context, input, title, form);
    }
    domain::Leave leave;
    leave.person_id = person.id;
    leave.kind = *domain::parse_enum<domain::LeaveKind>(*kind);
    leave.starts_on = *from;
    leave.ends_on = *to;
    auto result = app::add_leave(s.app, leave, audit_event(s, request, context, "leave.add", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, title, form);
    }
    if (!input.from_json()) {
        return redirect(request.version(), person_path(person.id) + "?lagret=permisjon");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   leave_json(std::get<domain::Leave>(result)));
}

}  // namespace

void register_trainee_routes(Router& router, Services& services) {
    Services* s = &services;
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    const RouteAccess kEdit{app::Action::edit_training_record, ResourceFrom::person_param};
    const auto bind = [s](Response (*handler)(Services&, const Request&, RequestContext&)) {
        return [s, handler](const Request& r, RequestContext& c) { return handler(*s, r, c); };
    };
    router.add(http::verb::get, "/kommuner/{number}/leger/ny", kManage, bind(new_trainee_page));
    router.add(http::verb::post, "/kommuner/{number}/leger/ny", kManage, bind(register_trainee));
    router.add(http::verb::post, "/api/v1/municipalities/{number}/trainees", kManage,
               bind(register_trainee));
    router.add(http::verb::get, "/personer/{person}/ansettelser/ny", kEdit,
               bind(new_employment_page));
    router.add(http::verb::post, "/personer/{person}/ansettelser/ny", kEdit, bind(add_employment));
    router.add(http::verb::post, "/api/v1/people/{person}/employments", kEdit,
               bind(add_employment));
    router.add(http::verb::get, "/personer/{person}/tjenesteperioder/ny", kEdit,
               bind(new_service_period_page));
    router.add(http::verb::post, "/personer/{person}/tjenesteperioder/ny", kEdit,
               bind(add_service_period));
    router.add(http::verb::post, "/api/v1/people/{person}/service-periods", kEdit,
               bind(add_service_period));
    router.add(http::verb::get, "/personer/{person}/permisjoner/ny", kEdit, bind(new_leave_page));
    router.add(http::verb::post, "/personer/{person}/permisjoner/ny", kEdit, bind(add_leave));
    router.add(http::verb::post, "/api/v1/people/{person}/leaves", kEdit, bind(add_leave));
}

}  // namespace alis::web
