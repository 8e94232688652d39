// Supervisors (journey 5): the leader registers supervisors, sets the capacity and assigns one
// supervisor per trainee; a supervisor sees their trainees. Pages and JSON API share one handler
// per write. Access is declared per route (manage_municipality on {number}, edit_training_record
// on {person:id}, view_own_account for one's own trainees) and decided by the central policy.
#include <boost/json.hpp>

#include <algorithm>

#include "app/auth.hpp"
#include "app/policy.hpp"
#include "app/supervisors.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::size_t kNameMax = 200;
constexpr std::size_t kReasonMax = 1000;

const std::vector<std::string_view> kQualifications = {"specialist", "approved_experienced"};

store::Municipality municipality_of(Services& s, const RequestContext& context) {
    return found(s.store.municipality(context.params.at("number")));
}

std::string municipality_label(Services& s, const std::string& number) {
    const auto m = s.store.municipality(number);
    return m ? m->name : number;
}

std::string qualification_label(const Catalogue& t, const store::Supervisor& x) {
    if (x.qualification == store::SupervisorQualification::approved_experienced && x.approved_on) {
        return t.format("supervisors.qualification_approved_on",
                        {{"date", x.approved_on->norwegian()}});
    }
    return t.text("supervisors.qualification." + std::string(store::to_string(x.qualification)));
}

json::object supervisor_json(const store::Supervisor& x, const std::string& name,
                             std::optional<int> trainees, int capacity) {
    json::object o{
        {"id", x.id},
        {"person_id", x.person_id},
        {"name", name},
        {"municipality", x.municipality_number},
        {"qualification", std::string(store::to_string(x.qualification))},
        {"approved_on", x.approved_on ? json::value(x.approved_on->iso()) : nullptr},
        {"approval_reason", x.approval_reason ? json::value(*x.approval_reason) : nullptr},
        {"office", x.office},
        {"home_municipality", x.home_municipality_number},
        {"registered_on", x.registered_on.iso()}};
    o["agreement"] =
        x.agreement_reference
            ? json::value(json::object{{"reference", *x.agreement_reference},
                                       {"date", x.agreement_date ? x.agreement_date->iso() : ""}})
            : json::value(nullptr);
    if (trainees) {
        o["trainees"] = *trainees;
        o["capacity"] = capacity;
        o["over_capacity"] = *trainees > capacity;
    }
    return o;
}

// The municipalities for the home-municipality <select>, by name.
json::array municipality_options(Services& s, const std::string& selected) {
    auto all = s.store.municipalities();
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    json::array options;
    for (const auto& m : all) {
        options.push_back(json::object{{"value", m.number},
                                       {"label", m.name + " (" + m.number + ")"},
                                       {"selected", m.number == selected}});
    }
    return options;
}

// ---- The list ----

Response supervisors_page(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    const auto list = app::supervisor_list(s.store, context.params.at("number"), s.today());
    if (!list) {
        not_found();
    }
    const std::string base = "/kommuner/" + list->municipality.number;
    json::array rows;
    int over = 0;
    for (const auto& row : list->supervisors) {
        const auto& x = row.supervisor;
        std::string home = municipality_label(s, x.home_municipality_number);
        std::string agreement;
        if (x.agreement_reference) {
            agreement = t.format("supervisors.agreement_line",
                                 {{"reference", *x.agreement_reference},
                                  {"date", x.agreement_date ? x.agreement_date->norwegian() : ""}});
        }
        const bool over_capacity = row.trainees > list->capacity;
        over += over_capacity ? 1 : 0;
        rows.push_back(json::object{
            {"name", row.full_name},
            {"qualification", qualification_label(t, x)},
            {"office", x.office},
            {"home", home},
            {"agreement", agreement},
            {"load", t.format("supervisors.load",
                              {{"trainees", row.trainees}, {"capacity", list->capacity}})},
            {"over_capacity", over_capacity},
            {"full", row.trainees == list->capacity}});
    }
    json::object data{
        {"heading", t.format("supervisors.title", {{"name", list->municipality.name}})},
        {"intro", t.format("supervisors.intro",
                           {{"capacity", list->capacity}, {"date", s.today().norwegian()}})},
        {"rows", std::move(rows)},
        {"has_rows", !list->supervisors.empty()},
        {"over_count", over},
        {"has_over", over > 0},
        {"over_summary", t.format("supervisors.over_summary", {{"count", over}})},
        {"new_url", base + "/veiledere/ny"},
        {"capacity_url", base + "/veiledere/kapasitet"},
        {"overview_url", base + "/oversikt"}};
    return page(s, request, context, "supervisors",
                t.format("supervisors.title", {{"name", list->municipality.name}}),
                std::move(data));
}

Response supervisors_api(Services& s, const Request& request, RequestContext& context) {
    const auto list = app::supervisor_list(s.store, context.params.at("number"), s.today());
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

json::object new_supervisor_data(Services& s, const store::Municipality& m,
                                 const RequestContext& context, const std::string& home,
                                 const std::string& qualification) {
    const auto& t = s.catalogue;
    return json::object{{"heading", t.format("supervisors.new_title", {{"name", m.name}})},
                        {"action", "/kommuner/" + m.number + "/veiledere/ny"},
                        {"cancel_url", "/kommuner/" + m.number + "/veiledere"},
                        {"csrf_token", context.session->csrf_token},
                        {"qualifications", select_options(t, "supervisors.qualification",
                                                          kQualifications, qualification)},
                        {"municipalities", municipality_options(s, home)}};
}

Response new_supervisor_form(Services& s, const Request& request, RequestContext& context) {
    const auto m = municipality_of(s, context);
    auto data = new_supervisor_data(s, m, context, m.number, "specialist");
    data["value"] = json::object{};
    return page(s, request, context, "supervisor_form",
                s.catalogue.format("supervisors.new_title", {{"name", m.name}}), std::move(data));
}

bool is_hpr_number(const std::string& text) {
    return text.size() >= 4 && text.size() <= 9 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
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
    if (hpr && !is_hpr_number(*hpr)) {
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
    } else if (!s.store.municipality(home)) {
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
        r.supervisor.qualification = *store::parse_supervisor_qualification(*qualification);
        r.supervisor.approved_on = approved_on;
        r.supervisor.approval_reason = reason;
        r.supervisor.office = *office;
        r.supervisor.home_municipality_number = home;
        r.supervisor.agreement_reference = agreement;
        r.supervisor.agreement_date = agreement_date;
        switch (app::check_registration(s.store, r)) {
            case app::RegistrationProblem::person_in_training:
                input.fail("hpr_number", "supervisors.person_in_training");
                break;
            case app::RegistrationProblem::already_registered:
                input.fail("hpr_number", "supervisors.already_registered");
                break;
            case app::RegistrationProblem::none:
                break;
        }
    }
    if (!input.ok()) {
        return refuse(s, request, context, input, "supervisor_form",
                      s.catalogue.format("supervisors.new_title", {{"name", m.name}}), [&] {
                          return new_supervisor_data(
                              s, m, context, home,
                              qualification.value_or(input.text("qualification")));
                      });
    }
    const auto created = app::register_supervisor(
        s.store, r, audit_event(s, request, context, "supervisor.registered", "ok"));
    if (wants_json(request)) {
        const int trainees = static_cast<int>(s.store.trainees_of(created.person_id, today).size());
        auto response =
            json_response(http::status::created, request.version(),
                          supervisor_json(created, s.store.person(created.person_id)->full_name,
                                          trainees, s.store.supervisor_capacity(m.number)));
        // As every create of the API: Location is where the new object can be read.
        response.set(http::field::location, "/api/v1/municipalities/" + m.number + "/supervisors");
        return response;
    }
    return redirect(request.version(), "/kommuner/" + m.number + "/veiledere");
}

// ---- Capacity ----

json::object capacity_data(Services& s, const store::Municipality& m,
                           const RequestContext& context) {
    return json::object{
        {"heading", s.catalogue.format("supervisors.capacity_title", {{"name", m.name}})},
        {"action", "/kommuner/" + m.number + "/veiledere/kapasitet"},
        {"cancel_url", "/kommuner/" + m.number + "/veiledere"},
        {"csrf_token", context.session->csrf_token}};
}

Response capacity_form(Services& s, const Request& request, RequestContext& context) {
    const auto m = municipality_of(s, context);
    auto data = capacity_data(s, m, context);
    data["value"] =
        json::object{{"max_trainees", std::to_string(s.store.supervisor_capacity(m.number))}};
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
        s.store, m.number, *max,
        audit_event(s, request, context, "supervisor_capacity.changed", "ok"));
    if (wants_json(request)) {
        return json_response(http::status::ok, request.version(),
                             json::object{{"municipality", m.number}, {"capacity", *max}});
    }
    return redirect(request.version(), "/kommuner/" + m.number + "/veiledere");
}

// ---- Assigning a supervisor to a trainee ----

struct Trainee {
    store::Person person;
    store::Municipality municipality;  // Led by the actor and employing (or hiring) the trainee.
};

// The trainee of {person} and the municipality whose supervisors the actor may choose from: one
// the actor leads that employs or has hired the trainee (the policy has allowed the route).
Trainee trainee_of(Services& s, const RequestContext& context) {
    const auto id = context.id("person");
    auto person = found(s.store.person(id));
    const domain::Date today = s.today();
    const auto resource = app::person_resource(s.store, id, today);
    for (const auto& grant : context.session->actor.roles) {
        if (grant.role != store::Role::leader || !grant.municipality_number ||
            grant.starts_on > today || (grant.ends_on && *grant.ends_on < today)) {
            continue;
        }
        const auto& n = *grant.municipality_number;
        const auto has = [&](const std::vector<std::string>& v) {
            return std::find(v.begin(), v.end(), n) != v.end();
        };
        if (has(resource.employing_municipalities) || has(resource.hiring_municipalities)) {
            if (auto m = s.store.municipality(n)) {
                return {std::move(person), std::move(*m)};
            }
        }
    }
    throw HttpError(http::status::forbidden, "forbidden", "error.forbidden");
}

json::object assignment_data(Services& s, const Trainee& trainee, const RequestContext& context,
                             const std::string& selected) {
    const auto& t = s.catalogue;
    const domain::Date today = s.today();
    const auto list = app::supervisor_list(s.store, trainee.municipality.number, today);
    json::array options;
    for (const auto& row : list->supervisors) {
        const std::string id = std::to_string(row.supervisor.person_id);
        options.push_back(json::object{
            {"value", id},
            {"label", t.format("supervisors.option", {{"name", row.full_name},
                                                      {"office", row.supervisor.office},
                                                      {"trainees", row.trainees},
                                                      {"capacity", list->capacity}})},
            {"selected", id == selected}});
    }
    json::array history;
    for (const auto& a : s.store.supervisor_assignments_of(trainee.person.id)) {
        const auto p = s.store.person(a.supervisor_person_id);
        history.push_back(json::object{
            {"name", p ? p->full_name : ""},
            {"from", a.starts_on.norwegian()},
            {"to", a.ends_on ? a.ends_on->norwegian() : t.text("supervisors.ongoing")}});
    }
    return json::object{
        {"heading", t.format("supervisors.assign_title", {{"name", trainee.person.full_name}})},
        {"action", "/personer/" + std::to_string(trainee.person.id) + "/veileder"},
        {"cancel_url", "/kommuner/" + trainee.municipality.number + "/oversikt"},
        {"supervisors_url", "/kommuner/" + trainee.municipality.number + "/veiledere"},
        {"csrf_token", context.session->csrf_token},
        {"options", std::move(options)},
        {"has_options", !list->supervisors.empty()},
        {"history", history},
        {"has_history", !history.empty()},
        {"municipality", trainee.municipality.name}};
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
    if (input.ok()) {
        a.supervisor_person_id = *supervisor;
        a.starts_on = *starts_on;
        a.ends_on = *ends_on;
        check = app::check_assignment(s.store, a);
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
    const auto created = app::assign_supervisor(s.store, a, std::move(event));
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

struct OwnTrainee {
    store::Person person;
    domain::Date since;
    std::vector<std::string> employers;
};

std::vector<OwnTrainee> own_trainees(Services& s, const RequestContext& context) {
    std::vector<OwnTrainee> result;
    const auto& actor = context.session->actor;
    if (!actor.person_id) {
        return result;
    }
    const domain::Date today = s.today();
    for (const auto id : s.store.trainees_of(*actor.person_id, today)) {
        auto person = s.store.person(id);
        if (!person) {
            continue;
        }
        OwnTrainee row{std::move(*person), today, {}};
        for (const auto& a : s.store.supervisor_assignments_of(id)) {
            if (a.supervisor_person_id == *actor.person_id && a.starts_on <= today &&
                (!a.ends_on || today <= *a.ends_on)) {
                row.since = a.starts_on;
            }
        }
        for (const auto& n : s.store.employing_municipalities(id, today)) {
            row.employers.push_back(municipality_label(s, n));
        }
        result.push_back(std::move(row));
    }
    std::sort(result.begin(), result.end(), [](const OwnTrainee& a, const OwnTrainee& b) {
        return a.person.full_name < b.person.full_name;
    });
    return result;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

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
