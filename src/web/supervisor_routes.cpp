// Supervisors (journey 5): the leader registers supervisors, sets the capacity and assigns one
// supervisor per trainee; a supervisor sees their trainees. Pages and JSON API share one handler
// per write. Access is declared per route (manage_municipality on {number}, edit_training_record
// on {person:id}, view_own_account for one's own trainees) and decided by the central policy.
#include <boost/json.hpp>

#include <algorithm>

#include "app/auth.hpp"
#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/supervisors.hpp"
#include "app/training_records.hpp"
#include "domain/hpr.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/supervisor_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::size_t kNameMax = 200;
constexpr std::size_t kReasonMax = 1000;

domain::Municipality municipality_of(Services& s, const RequestContext& context) {
    return found(app::find_municipality(s.app, context.params.at("number")));
}

// ---- The list ----

Response supervisors_page(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    const auto list = app::supervisor_list(s.app, context.params.at("number"), s.today());
    if (!list) {
        not_found();
    }
    auto data = supervisor_list_view(s, *list);
    return page(s, request, context, "supervisors",
                t.format("supervisors.title", {{"name", list->municipality.name}}),
                std::move(data));
}

Response supervisors_api(Services& s, const Request& request, RequestContext& context) {
    const auto list = app::supervisor_list(s.app, context.params.at("number"), s.today());
    if (!list) {
        not_found();
    }
    json::array items;
    for (const auto& row : list->supervisors) {
        items.push_back(
            supervisor_json(row.supervisor, row.full_name, row.trainees, list->capacity));
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"municipality", list->municipality.number},
                                      {"as_of", s.today().iso()},
                                      {"capacity", list->capacity},
                                      {"supervisors", std::move(items)}});
}

// ---- Registering a supervisor ----

Response new_supervisor_form(Services& s, const Request& request, RequestContext& context) {
    const auto m = municipality_of(s, context);
    auto data = new_supervisor_data(s, m, context, m.number, "specialist");
    data["value"] = json::object{};
    return page(s, request, context, "supervisor_form",
                s.catalogue.format("supervisors.new_title", {{"name", m.name}}), std::move(data));
}

Response create_supervisor(Services& s, const Request& request, RequestContext& context) {
    const auto m = municipality_of(s, context);
    const domain::Date today = s.today();
    auto input = FormInput::from_request(request);
    app::SupervisorRegistration r;
    r.supervisor.municipality_number = m.number;
    r.supervisor.registered_on = today;

    const auto name = input.required_text("full_name", kNameMax);
    const auto hpr = input.optional_text("hpr_number", 9);
    if (hpr && !domain::is_hpr_number(*hpr)) {
        input.fail("hpr_number", "supervisors.bad_hpr");
    }
    const auto qualification = input.required_choice("qualification", kQualifications);
    const bool approved =
        qualification && *qualification == "approved_experienced";  // Only then: date, reason.
    std::optional<domain::Date> approved_on;
    std::optional<std::string> reason;
    if (approved) {
        approved_on = input.required_date("approved_on");
        if (approved_on && *approved_on > today) {
            input.fail("approved_on", "supervisors.date_in_future");
        }
        reason = input.required_text("approval_reason", kReasonMax);
    }
    const auto office = input.required_text("office", kNameMax);
    const std::string home = input.text("home_municipality");
    if (home.empty()) {
        input.fail("home_municipality", "form.required");
    } else if (!app::find_municipality(s.app, home)) {
        input.fail("home_municipality", "supervisors.unknown_municipality");
    }
    std::optional<std::string> agreement;
    std::optional<domain::Date> agreement_date;
    if (!home.empty() && home != m.number) {
        agreement = input.required_text("agreement_reference", kNameMax);
        agreement_date = input.required_date("agreement_date");
        if (agreement_date && *agreement_date > today) {
            input.fail("agreement_date", "supervisors.date_in_future");
        }
    }
    if (input.ok()) {
        r.full_name = *name;
        r.hpr_number = hpr;
        r.supervisor.qualification =
            *domain::parse_enum<domain::SupervisorQualification>(*qualification);
        r.supervisor.approved_on = approved_on;
        r.supervisor.approval_reason = reason;
        r.supervisor.office = *office;
        r.supervisor.home_municipality_number = home;
        r.supervisor.agreement_reference = agreement;
        r.supervisor.agreement_date = agreement_date;
    }
    std::optional<domain::Supervisor> created;
    if (input.ok()) {
        auto result = app::register_supervisor(
            s.app, r, audit_event(s, request, context, "supervisor.registered", "ok"));
        if (auto* supervisor = std::get_if<domain::Supervisor>(&result)) {
            created = std::move(*supervisor);
        } else {
            switch (std::get<app::RegistrationProblem>(result)) {
                case app::RegistrationProblem::hpr_not_usable:
                    input.fail("hpr_number", "supervisors.hpr_not_usable");
                    break;
                case app::RegistrationProblem::already_registered:
                    input.fail("hpr_number", "supervisors.already_registered");
                    break;
                case app::RegistrationProblem::none:
                    break;
            }
        }
    }
    if (!input.ok() || !created) {
        return refuse(s, request, context, input, "supervisor_form",
                      s.catalogue.format("supervisors.new_title", {{"name", m.name}}), [&] {
                          return new_supervisor_data(
                              s, m, context, home,
                              qualification.value_or(input.text("qualification")));
                      });
    }
    if (wants_json(request)) {
        // What the caller sent and the ids, nothing read about a person already known: not their
        // stored name, status or load (those are on the municipality's list of supervisors).
        auto response = json_response(http::status::created, request.version(),
                                      supervisor_json(*created, r.full_name, std::nullopt, 0));
        // As every create of the API: Location is where the new object can be read.
        response.set(http::field::location, "/api/v1/municipalities/" + m.number + "/supervisors");
        return response;
    }
    return redirect(request.version(), "/kommuner/" + m.number + "/veiledere");
}

// ---- Capacity ----

Response capacity_form(Services& s, const Request& request, RequestContext& context) {
    const auto m = municipality_of(s, context);
    auto data = capacity_data(s, m, context);
    data["value"] =
        json::object{{"max_trainees", std::to_string(app::supervisor_capacity(s.app, m.number))}};
    return page(s, request, context, "supervisor_capacity",
                s.catalogue.format("supervisors.capacity_title", {{"name", m.name}}),
                std::move(data));
}

Response set_capacity(Services& s, const Request& request, RequestContext& context) {
    const auto m = municipality_of(s, context);
    auto input = FormInput::from_request(request);
    const auto max = input.required_int("max_trainees", 1, 10);
    if (!input.ok()) {
        return refuse(s, request, context, input, "supervisor_capacity",
                      s.catalogue.format("supervisors.capacity_title", {{"name", m.name}}),
                      [&] { return capacity_data(s, m, context); });
    }
    app::set_supervisor_capacity(
        s.app, m.number, *max,
        audit_event(s, request, context, "supervisor_capacity.changed", "ok"));
    if (wants_json(request)) {
        return json_response(http::status::ok, request.version(),
                             json::object{{"municipality", m.number}, {"capacity", *max}});
    }
    return redirect(request.version(), "/kommuner/" + m.number + "/veiledere");
}

// ---- Assigning a supervisor to a trainee ----

// The trainee of {person} and the municipality whose supervisors the actor may choose from: one
// the actor leads that employs or has hired the trainee (the policy has allowed the route).
Trainee trainee_of(Services& s, const RequestContext& context) {
    const auto id = context.id("person");
    auto person = found(app::find_person(s.app, id));
    if (const auto number = app::acting_municipality(s.app, context.session->actor, id)) {
        if (auto m = app::find_municipality(s.app, *number)) {
            return {std::move(person), std::move(*m)};
        }
    }
    throw HttpError(http::status::forbidden, "forbidden", "error.forbidden");
}

Response assignment_form(Services& s, const Request& request, RequestContext& context) {
    const auto trainee = trainee_of(s, context);
    auto data = assignment_data(s, trainee, context, "");
    data["value"] = json::object{{"starts_on", s.today().norwegian()}};
    return page(
        s, request, context, "supervisor_assignment",
        s.catalogue.format("supervisors.assign_title", {{"name", trainee.person.full_name}}),
        std::move(data));
}

Response assign(Services& s, const Request& request, RequestContext& context) {
    const auto trainee = trainee_of(s, context);
    const auto& t = s.catalogue;
    auto input = FormInput::from_request(request);
    app::AssignmentRequest a;
    a.municipality_number = trainee.municipality.number;
    a.trainee_person_id = trainee.person.id;
    const std::string supervisor_text = input.text("supervisor");
    std::optional<std::int64_t> supervisor;
    if (supervisor_text.empty()) {
        input.fail("supervisor", "supervisors.choose_supervisor");
    } else {
        supervisor = parse_id(supervisor_text);
        if (!supervisor) {
            input.fail("supervisor", "form.bad_choice");
        }
    }
    const auto starts_on = input.required_date("starts_on");
    const auto ends_on = input.optional_date("ends_on");
    if (starts_on && ends_on && *ends_on && **ends_on < *starts_on) {
        input.fail("ends_on", "supervisors.end_before_start");
    }
    app::AssignmentCheck check;
    // Notes the problem a check found on the field it concerns.
    const auto note = [&](const app::AssignmentCheck& check) {
        switch (check.problem) {
            case app::AssignmentProblem::not_registered:
            case app::AssignmentProblem::supervisor_is_trainee:
                input.fail("supervisor", "supervisors.not_registered");
                break;
            case app::AssignmentProblem::already_assigned:
                input.fail("supervisor", "supervisors.already_assigned");
                break;
            case app::AssignmentProblem::later_assignment:
                input.fail("starts_on", "supervisors.later_assignment",
                           {{"date", check.conflict_starts_on->norwegian()}});
                break;
            case app::AssignmentProblem::none:
                break;
        }
    };
    if (input.ok()) {
        a.supervisor_person_id = *supervisor;
        a.starts_on = *starts_on;
        a.ends_on = *ends_on;
        check = app::check_assignment(s.app, a);
        note(check);
    }
    const std::string title =
        t.format("supervisors.assign_title", {{"name", trainee.person.full_name}});
    if (!input.ok()) {
        return refuse(s, request, context, input, "supervisor_assignment", title,
                      [&] { return assignment_data(s, trainee, context, supervisor_text); });
    }
    if (check.over_capacity() && !input.flag("confirm_over_capacity")) {
        const std::string message =
            t.format("supervisors.over_capacity",
                     {{"trainees", check.trainees}, {"capacity", check.capacity}});
        if (wants_json(request)) {
            return json_response(
                http::status::conflict, request.version(),
                json::object{{"error", json::object{{"code", "over_capacity"},
                                                    {"message", message},
                                                    {"field", "confirm_over_capacity"},
                                                    {"correlation_id", context.request_id}}}});
        }
        auto data = assignment_data(s, trainee, context, supervisor_text);
        data["over_capacity"] = message;
        data["value"] = input.values();
        return page(s, request, context, "supervisor_assignment", title, std::move(data),
                    http::status::conflict);
    }
    auto event = audit_event(
        s, request, context,
        check.over_capacity() ? "supervisor.assigned_over_capacity" : "supervisor.assigned", "ok");
    auto result = app::assign_supervisor(
        s.app, a, check.over_capacity() ? app::Capacity::may_exceed : app::Capacity::keep_within,
        std::move(event));
    if (const auto* changed = std::get_if<app::AssignmentCheck>(&result)) {
        // Something was written between the check above and the write: answer as the check would.
        note(*changed);
        if (input.ok()) {
            throw HttpError(http::status::conflict, "over_capacity",
                            "supervisors.over_capacity_now", "confirm_over_capacity");
        }
        return refuse(s, request, context, input, "supervisor_assignment", title,
                      [&] { return assignment_data(s, trainee, context, supervisor_text); });
    }
    const auto& created = std::get<domain::SupervisorAssignment>(result);
    if (wants_json(request)) {
        auto response = json_response(
            http::status::created, request.version(),
            json::object{{"id", created.id},
                         {"supervisor_person_id", created.supervisor_person_id},
                         {"trainee_person_id", created.trainee_person_id},
                         {"starts_on", created.starts_on.iso()},
                         {"ends_on", created.ends_on ? json::value(created.ends_on->iso())
                                                     : json::value(nullptr)},
                         {"over_capacity", check.over_capacity()}});
        response.set(http::field::location, "/api/v1/people/" + std::to_string(trainee.person.id));
        return response;
    }
    return redirect(request.version(), "/kommuner/" + trainee.municipality.number + "/veiledere");
}

// ---- A supervisor's own trainees ----

Response own_trainees_page(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    const auto trainees = own_trainees(s, context);
    json::array rows;
    std::vector<std::int64_t> shown;
    for (const auto& row : trainees) {
        shown.push_back(row.person.id);
        rows.push_back(json::object{{"id", row.person.id},
                                    {"name", row.person.full_name},
                                    {"since", row.since.norwegian()},
                                    {"employer", joined(row.employers)}});
    }
    // Each listed trainee sees this read in "Hvem har sett mine opplysninger".
    audit_reads(s, request, context, shown);
    json::object data{{"rows", std::move(rows)},
                      {"has_rows", !trainees.empty()},
                      {"has_person", context.session->actor.person_id.has_value()},
                      {"intro", t.format("my_trainees.intro", {{"date", s.today().norwegian()}})}};
    return page(s, request, context, "my_trainees", t.text("my_trainees.title"), std::move(data));
}

Response own_trainees_api(Services& s, const Request& request, RequestContext& context) {
    const auto trainees = own_trainees(s, context);
    json::array items;
    std::vector<std::int64_t> shown;
    for (const auto& row : trainees) {
        shown.push_back(row.person.id);
        json::array employers;
        for (const auto& e : row.employers) {
            employers.push_back(json::value(e));
        }
        items.push_back(json::object{{"person_id", row.person.id},
                                     {"name", row.person.full_name},
                                     {"since", row.since.iso()},
                                     {"employers", std::move(employers)}});
    }
    audit_reads(s, request, context, shown);
    return json_response(http::status::ok, request.version(),
                         json::object{{"as_of", s.today().iso()}, {"trainees", std::move(items)}});
}

}  // namespace

void register_supervisor_routes(Routes& routes) {
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    const RouteAccess kEditRecord{app::Action::edit_training_record, ResourceFrom::person_param};
    const RouteAccess kOwn{app::Action::view_own_account};
    using http::verb;
    routes.add(verb::get, "/kommuner/{number}/veiledere", kManage, supervisors_page);
    routes.add(verb::get, "/kommuner/{number}/veiledere/ny", kManage, new_supervisor_form);
    routes.add(verb::post, "/kommuner/{number}/veiledere/ny", kManage, create_supervisor);
    routes.add(verb::get, "/kommuner/{number}/veiledere/kapasitet", kManage, capacity_form);
    routes.add(verb::post, "/kommuner/{number}/veiledere/kapasitet", kManage, set_capacity);
    routes.add(verb::get, "/api/v1/municipalities/{number}/supervisors", kManage, supervisors_api);
    routes.add(verb::post, "/api/v1/municipalities/{number}/supervisors", kManage,
               create_supervisor);
    routes.add(verb::put, "/api/v1/municipalities/{number}/supervisor-capacity", kManage,
               set_capacity);
    routes.add(verb::get, "/personer/{person:id}/veileder", kEditRecord, assignment_form);
    routes.add(verb::post, "/personer/{person:id}/veileder", kEditRecord, assign);
    routes.add(verb::post, "/api/v1/people/{person:id}/supervisor-assignments", kEditRecord,
               assign);
    routes.add(verb::get, "/meg/veiledning", kOwn, own_trainees_page);
    routes.add(verb::get, "/api/v1/me/trainees", kOwn, own_trainees_api);
}

}  // namespace alis::web
