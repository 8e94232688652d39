// Journey 2: a leader registers a doctor in training, then the employments, service periods and
// leaves of the training record. Each write is one handler for both the HTML form and the JSON
// API: every field is validated before anything is written, and the record and its audit event are
// written in one transaction, so a failed form leaves nothing behind.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/training_records.hpp"
#include "domain/hpr.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxPlace = 200;

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
            case Kind::too_many_periods:
                input.fail("starts_on", "records.too_many_periods", {{"max", p.percent}});
                break;
            case Kind::unknown_record:
                not_found();
            case Kind::employment_has_periods:
                input.fail("reason", "records.employment_has_periods",
                           {{"date", p.date->norwegian()}});
                break;
            case Kind::period_outside_employment:
                input.fail("starts_on", "records.period_outside_employment",
                           {{"date", p.date->norwegian()}});
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

std::optional<domain::ServicePeriod> read_service_period(FormInput& input, std::int64_t person_id) {
    const auto arena = input.required_choice("arena", kServiceArenas);
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
    if (!arena || !place || !from || !to || !fte || !input.ok()) {
        return std::nullopt;
    }
    domain::ServicePeriod period;
    period.person_id = person_id;
    period.employment_id = employment;
    period.arena = *domain::parse_enum<domain::Arena>(*arena);
    period.place = *place;
    period.starts_on = *from;
    period.ends_on = end_date(to);
    period.fte = *fte;
    period.employer_registered = input.flag("employer_registered");
    return period;
}

std::optional<domain::Leave> read_leave(FormInput& input, std::int64_t person_id) {
    const auto kind = input.required_choice("kind", kLeaveKinds);
    const auto from = input.required_date("starts_on");
    const auto to = input.required_date("ends_on");
    if (!kind || !from || !to) {
        return std::nullopt;
    }
    domain::Leave leave;
    leave.person_id = person_id;
    leave.kind = *domain::parse_enum<domain::LeaveKind>(*kind);
    leave.starts_on = *from;
    leave.ends_on = *to;
    return leave;
}

Response created(const Request& request, const std::string& location, json::object body) {
    auto response = json_response(http::status::created, request.version(), body);
    response.set(http::field::location, location);
    return response;
}

// The municipality whose leader is acting on the person (the policy allowed one).
std::string acting_municipality(Services& s, const RequestContext& context, std::int64_t person) {
    if (auto number = app::acting_municipality(s.app, context.session->actor, person)) {
        return std::move(*number);
    }
    throw HttpError(http::status::forbidden, "forbidden", "error.forbidden");
}

domain::Person load_person(Services& s, const RequestContext& context) {
    return found(app::find_person(s.app, context.id("person")));
}

domain::Municipality load_municipality(Services& s, const RequestContext& context) {
    return found(app::find_municipality(s.app, context.params.at("number")));
}

// ---- Register a doctor in training. ----

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
    const std::string title = s.catalogue.text("records.register_title");
    const auto form = [&] { return trainee_form(s, context, m, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
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
        return refuse(s, request, context, input, "record_form", title, form);
    }
    const auto& done = std::get<app::RegisteredTrainee>(result);
    if (!wants_json(request)) {
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
    const std::string title = s.catalogue.text("records.employment_title");
    const auto form = [&] { return employment_form(s, context, person, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    auto result = app::add_employment(s.app, *employment,
                                      audit_event(s, request, context, "employment.add", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, "record_form", title, form);
    }
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person.id) + "?lagret=ansettelse");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   employment_json(std::get<domain::Employment>(result)));
}

// ---- A service period. ----

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
    auto period = read_service_period(input, person.id);
    const std::string title = s.catalogue.text("records.period_title");
    const auto form = [&] { return service_period_form(s, context, person, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    auto result = app::add_service_period(
        s.app, *period, audit_event(s, request, context, "service_period.add", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, "record_form", title, form);
    }
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person.id) + "?lagret=periode");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   service_period_json(std::get<domain::ServicePeriod>(result)));
}

// ---- A leave. ----

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
    auto leave = read_leave(input, person.id);
    const std::string title = s.catalogue.text("records.leave_title");
    const auto form = [&] { return leave_form(s, context, person, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    auto result =
        app::add_leave(s.app, *leave, audit_event(s, request, context, "leave.add", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, "record_form", title, form);
    }
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person.id) + "?lagret=permisjon");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   leave_json(std::get<domain::Leave>(result)));
}

// ---- Corrections: a record changed with the same fields and rules, or removed, with a reason.
// ----

// What the correction handlers need of each kind of record.
struct EmploymentRecords {
    using Record = domain::Employment;
    static constexpr std::string_view param = "employment";
    static constexpr std::string_view audit = "employment";
    static constexpr std::string_view title = "records.correct_employment_title";
    static const std::vector<Record>& of(const app::TrainingRecord& r) { return r.employments; }
    static FormInput input_of(const Record& e) {
        return FormInput({{"starts_on", e.starts_on.norwegian()},
                          {"ends_on", e.ends_on ? e.ends_on->norwegian() : ""},
                          {"fte", std::to_string(e.fte)},
                          {"post_type", std::string(domain::to_string(e.post_type))},
                          {"pay_model", std::string(domain::to_string(e.pay_model))}});
    }
    static std::optional<Record> read(FormInput& input, const Record& stored) {
        return read_employment(input, stored.person_id, stored.municipality_number);
    }
    static json::object form(Services& s, const RequestContext& context,
                             const domain::Person& person, const FormInput& in, Correcting id) {
        return employment_form(s, context, person, in, id);
    }
    static constexpr std::string_view remove_title = "records.remove_employment_title";
    static json::object json(const Record& r) { return employment_json(r); }
    static constexpr auto correct = app::correct_employment;
    static constexpr auto remove = app::remove_employment;
};

struct ServicePeriodRecords {
    using Record = domain::ServicePeriod;
    static constexpr std::string_view param = "period";
    static constexpr std::string_view audit = "service_period";
    static constexpr std::string_view title = "records.correct_period_title";
    static const std::vector<Record>& of(const app::TrainingRecord& r) { return r.periods; }
    static FormInput input_of(const Record& p) {
        std::map<std::string, std::string> fields{
            {"arena", std::string(domain::to_string(p.arena))},
            {"place", p.place},
            {"starts_on", p.starts_on.norwegian()},
            {"ends_on", p.ends_on ? p.ends_on->norwegian() : ""},
            {"fte", std::to_string(p.fte)},
            {"employment_id", p.employment_id ? std::to_string(*p.employment_id) : ""}};
        if (p.employer_registered) {
            fields.emplace("employer_registered", "ja");
        }
        return FormInput(std::move(fields));
    }
    static std::optional<Record> read(FormInput& input, const Record& stored) {
        return read_service_period(input, stored.person_id);
    }
    static json::object form(Services& s, const RequestContext& context,
                             const domain::Person& person, const FormInput& in, Correcting id) {
        return service_period_form(s, context, person, in, id);
    }
    static constexpr std::string_view remove_title = "records.remove_period_title";
    static json::object json(const Record& r) { return service_period_json(r); }
    static constexpr auto correct = app::correct_service_period;
    static constexpr auto remove = app::remove_service_period;
};

struct LeaveRecords {
    using Record = domain::Leave;
    static constexpr std::string_view param = "leave";
    static constexpr std::string_view audit = "leave";
    static constexpr std::string_view title = "records.correct_leave_title";
    static const std::vector<Record>& of(const app::TrainingRecord& r) { return r.leaves; }
    static FormInput input_of(const Record& l) {
        return FormInput({{"kind", std::string(domain::to_string(l.kind))},
                          {"starts_on", l.starts_on.norwegian()},
                          {"ends_on", l.ends_on.norwegian()}});
    }
    static std::optional<Record> read(FormInput& input, const Record& stored) {
        return read_leave(input, stored.person_id);
    }
    static json::object form(Services& s, const RequestContext& context,
                             const domain::Person& person, const FormInput& in, Correcting id) {
        return leave_form(s, context, person, in, id);
    }
    static constexpr std::string_view remove_title = "records.remove_leave_title";
    static json::object json(const Record& r) { return leave_json(r); }
    static constexpr auto correct = app::correct_leave;
    static constexpr auto remove = app::remove_leave;
};

// The person in the path and their record of the kind named by the path (404 when it is not
// theirs, or no longer there).
template <typename K>
std::pair<domain::Person, typename K::Record> load_record(Services& s,
                                                          const RequestContext& context) {
    auto record = found(app::training_record(s.app, context.id("person")));
    const auto id = context.id(K::param);
    const auto& records = K::of(record);
    const auto it = std::find_if(records.begin(), records.end(),
                                 [&](const typename K::Record& r) { return r.id == id; });
    if (it == records.end()) {
        not_found();
    }
    return {std::move(record.person), *it};
}

// The reason, and who gives it: the signed-in actor's name and e-mail.
std::optional<app::Correction> read_correction(FormInput& input, const RequestContext& context) {
    auto reason = input.multiline_text("reason", app::kMaxCorrectionReason);
    if (reason && reason->empty()) {
        input.fail("reason", "form.required");
        return std::nullopt;
    }
    if (!reason) {
        return std::nullopt;
    }
    const auto& actor = context.session->actor;
    return app::Correction{std::move(*reason), actor.display_name.empty()
                                                   ? actor.email
                                                   : actor.display_name + " (" + actor.email + ")"};
}

// The answer to a correction that was stored: back to the person's page, or the JSON.
Response corrected(const Request& request, std::int64_t person, std::string_view saved,
                   json::object body) {
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person) + "?lagret=" + std::string(saved));
    }
    return json_response(http::status::ok, request.version(), body);
}

std::string title_of(Services& s, std::string_view key) {
    return s.catalogue.text(std::string(key));
}

template <typename K>
Response correction_page(Services& s, const Request& request, RequestContext& context) {
    const auto [person, record] = load_record<K>(s, context);
    const auto input = K::input_of(record);
    auto data = K::form(s, context, person, input, record.id);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", title_of(s, K::title), std::move(data));
}

template <typename K>
Response correct_record(Services& s, const Request& request, RequestContext& context) {
    // Named, not a structured binding: clang 14 cannot capture a binding in a lambda.
    const auto loaded = load_record<K>(s, context);
    const auto& person = loaded.first;
    const auto& stored = loaded.second;
    auto input = FormInput::from_request(request);
    auto record = K::read(input, stored);
    const auto why = read_correction(input, context);
    const std::string title = title_of(s, K::title);
    const auto form = [&] { return K::form(s, context, person, input, stored.id); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    record->id = stored.id;
    auto result =
        K::correct(s.app, *record, *why,
                   audit_event(s, request, context, std::string(K::audit) + ".corrected", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, "record_form", title, form);
    }
    return corrected(request, person.id, "rettet", K::json(std::get<typename K::Record>(result)));
}

template <typename K>
Response removal_page(Services& s, const Request& request, RequestContext& context) {
    const auto [person, record] = load_record<K>(s, context);
    const FormInput input(std::map<std::string, std::string>{});
    auto data = removal_form(s, context, person, record, record.id, input);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", title_of(s, K::remove_title), std::move(data));
}

template <typename K>
Response remove_record(Services& s, const Request& request, RequestContext& context) {
    // Named, not a structured binding: clang 14 cannot capture a binding in a lambda.
    const auto loaded = load_record<K>(s, context);
    const auto& person = loaded.first;
    const auto& stored = loaded.second;
    auto input = FormInput::from_request(request);
    const auto why = read_correction(input, context);
    const std::string title = title_of(s, K::remove_title);
    const auto form = [&] { return removal_form(s, context, person, stored, stored.id, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    auto result =
        K::remove(s.app, person.id, stored.id, *why,
                  audit_event(s, request, context, std::string(K::audit) + ".removed", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, "record_form", title, form);
    }
    return corrected(request, person.id, "fjernet",
                     json::object{{"removed", K::json(std::get<typename K::Record>(result))}});
}

// The pages and the API of correcting and removing one kind of record: the record's page, its
// removal page and its API resource (each named in full, so that a route is found by its path).
template <typename K>
void add_correction_routes(Routes& routes, const RouteAccess& access, const char* record,
                           const char* removal, const char* resource) {
    using http::verb;
    routes.add(verb::get, record, access, correction_page<K>);
    routes.add(verb::post, record, access, correct_record<K>);
    routes.add(verb::get, removal, access, removal_page<K>);
    routes.add(verb::post, removal, access, remove_record<K>);
    routes.add(verb::put, resource, access, correct_record<K>);
    routes.add(verb::delete_, resource, access, remove_record<K>);
}

}  // namespace

void register_trainee_routes(Routes& routes) {
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    const RouteAccess kEdit{app::Action::edit_training_record, ResourceFrom::person_param};
    using http::verb;
    routes.add(verb::get, "/kommuner/{number}/leger/ny", kManage, new_trainee_page);
    routes.add(verb::post, "/kommuner/{number}/leger/ny", kManage, register_trainee);
    routes.add(verb::post, "/api/v1/municipalities/{number}/trainees", kManage, register_trainee);
    routes.add(verb::get, "/personer/{person:id}/ansettelser/ny", kEdit, new_employment_page);
    routes.add(verb::post, "/personer/{person:id}/ansettelser/ny", kEdit, add_employment);
    routes.add(verb::post, "/api/v1/people/{person:id}/employments", kEdit, add_employment);
    routes.add(verb::get, "/personer/{person:id}/tjenesteperioder/ny", kEdit,
               new_service_period_page);
    routes.add(verb::post, "/personer/{person:id}/tjenesteperioder/ny", kEdit, add_service_period);
    routes.add(verb::post, "/api/v1/people/{person:id}/service-periods", kEdit, add_service_period);
    routes.add(verb::get, "/personer/{person:id}/permisjoner/ny", kEdit, new_leave_page);
    routes.add(verb::post, "/personer/{person:id}/permisjoner/ny", kEdit, add_leave);
    routes.add(verb::post, "/api/v1/people/{person:id}/leaves", kEdit, add_leave);
    // Corrections keep the earlier version (app/training_records.hpp); the same access as adding.
    add_correction_routes<EmploymentRecords>(
        routes, kEdit, "/personer/{person:id}/ansettelser/{employment:id}",
        "/personer/{person:id}/ansettelser/{employment:id}/fjern",
        "/api/v1/people/{person:id}/employments/{employment:id}");
    add_correction_routes<ServicePeriodRecords>(
        routes, kEdit, "/personer/{person:id}/tjenesteperioder/{period:id}",
        "/personer/{person:id}/tjenesteperioder/{period:id}/fjern",
        "/api/v1/people/{person:id}/service-periods/{period:id}");
    add_correction_routes<LeaveRecords>(routes, kEdit,
                                        "/personer/{person:id}/permisjoner/{leave:id}",
                                        "/personer/{person:id}/permisjoner/{leave:id}/fjern",
                                        "/api/v1/people/{person:id}/leaves/{leave:id}");
}

}  // namespace alis::web
