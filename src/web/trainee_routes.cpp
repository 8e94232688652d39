// Journey 2: a leader registers a doctor in training, then the employments, service periods and
// leaves of the training record. Each write is one handler for both the HTML form and the JSON
// API: every field is validated before anything is written, and the record and its audit event are
// written in one transaction, so a failed form leaves nothing behind. Corrections are in
// web/correction_routes.cpp.
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
#include "web/record_input.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

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
}

}  // namespace alis::web
