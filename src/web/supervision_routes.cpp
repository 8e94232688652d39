// Individual supervision (issue 14): a trainee's meetings with their veileder. The trainee or the
// veileder plans a meeting, either changes it while open, the veileder closes it (then it is
// frozen and later notes are addenda). Readers of the record (the leader, the regional office)
// see the meetings and the hours, never the minutes: each page and answer asks the policy
// (read_supervision_minutes) per meeting. Pages and JSON API share one handler per write.
#include <boost/json.hpp>

#include <algorithm>

#include "app/policy.hpp"
#include "app/supervision.hpp"
#include "web/access.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/supervision_view.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

app::SupervisionRecord load_supervision_record(Services& s, const RequestContext& context) {
    return found(app::supervision_record(s.app, context.id("person"), s.today()));
}

const domain::SupervisionMeeting& meeting_of(const app::SupervisionRecord& record,
                                             const RequestContext& context) {
    const auto id = context.id("meeting");
    const auto it = std::find_if(record.meetings.begin(), record.meetings.end(),
                                 [&](const auto& m) { return m.id == id; });
    if (it == record.meetings.end()) {
        not_found();
    }
    return *it;
}

// The policy's answer for this reader and this meeting, from the resource the route's access was
// decided on (the person's, or this meeting's).
MinutesShown minutes_shown(const Services& s, const RequestContext& context,
                           const domain::SupervisionMeeting& meeting) {
    if (!context.session || !context.resource) {
        return MinutesShown::no;
    }
    return app::decide(context.session->actor, app::Action::read_supervision_minutes,
                       app::meeting_resource(*context.resource, meeting),
                       s.today()) == app::Decision::allow
               ? MinutesShown::yes
               : MinutesShown::no;
}

[[noreturn]] void refuse_meeting_problem(app::MeetingProblem problem) {
    switch (problem) {
        case app::MeetingProblem::no_supervisor:
            throw HttpError(http::status::conflict, "no_supervisor", "supervision.no_supervisor");
        case app::MeetingProblem::closed:
            throw HttpError(http::status::conflict, "meeting_closed", "supervision.closed");
        case app::MeetingProblem::not_closed:
            throw HttpError(http::status::conflict, "meeting_open", "supervision.not_closed");
        case app::MeetingProblem::unknown_meeting:
        case app::MeetingProblem::none:
            break;
    }
    not_found();
}

// ---- Reading ----

Response meetings_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    const auto& t = s.catalogue;
    json::array rows;
    for (auto it = record.meetings.rbegin(); it != record.meetings.rend(); ++it) {
        rows.push_back(meeting_row(t, record, *it));
    }
    json::object data{
        {"heading", t.format("supervision.title", {{"name", record.person.full_name}})},
        {"person_url", person_path(record.person.id)},
        {"chart", supervision_chart_view(t, record, s.today())},
        {"has_meetings", !rows.empty()},
        {"meetings", std::move(rows)}};
    if (also_allowed(context, app::Action::plan_supervision_meeting, s.today())) {
        data["plan_url"] = supervision_path(record.person.id) + "/ny";
    }
    const std::string saved = query_value(request, "lagret");
    if (saved == "planlagt") {
        data["saved"] = t.text("supervision.saved_planned");
    }
    return page(s, request, context, "supervision_meetings",
                t.format("supervision.title", {{"name", record.person.full_name}}),
                std::move(data));
}

Response meetings_api(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    json::array meetings;
    for (const auto& m : record.meetings) {
        meetings.push_back(meeting_json(record, m, minutes_shown(s, context, m)));
    }
    json::array months;
    for (const auto& m : chart_months(record, s.today())) {
        months.push_back(json::object{{"month", m.month.iso()},
                                      {"held_minutes", m.held_minutes},
                                      {"open_minutes", m.open_minutes},
                                      {"norm_minutes", m.norm_minutes}});
    }
    const auto window =
        domain::norm_window(record.meetings, *record.norm, record.started_on, s.today());
    const auto group = app::group_status(s.app, record.person.id, s.today());
    return json_response(
        http::status::ok, request.version(),
        json::object{{"person_id", record.person.id},
                     {"group", group ? json::value(group_json(*group)) : json::value(nullptr)},
                     {"as_of", s.today().iso()},
                     {"norm", norm_json(*record.norm)},
                     {"last_months", json::object{{"months", window.months},
                                                  {"held_minutes", window.held_minutes},
                                                  {"norm_minutes", window.norm_minutes},
                                                  {"under_norm", window.under_norm()}}},
                     {"months", std::move(months)},
                     {"meetings", std::move(meetings)}});
}

Response meeting_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    const auto& m = meeting_of(record, context);
    const auto& t = s.catalogue;
    const auto today = s.today();
    auto view = meeting_view(t, record, m, minutes_shown(s, context, m));
    const auto resource = app::meeting_resource(*context.resource, m);
    const auto may = [&](app::Action action) {
        return app::decide(context.session->actor, action, resource, today) == app::Decision::allow;
    };
    const std::string path = meeting_path(record.person.id, m.id);
    if (!m.is_closed() && may(app::Action::edit_supervision_meeting)) {
        view["edit_url"] = path + "/endre";
    }
    if (!m.is_closed() && may(app::Action::close_supervision_meeting)) {
        view["close_url"] = path + "/lukk";
    }
    if (m.is_closed() && may(app::Action::edit_supervision_meeting)) {
        view["addendum_url"] = path + "/tillegg";
    }
    view["heading"] = t.format("supervision.meeting_title", {{"date", m.held_on.norwegian()}});
    view["back_url"] = supervision_path(record.person.id);
    view["back"] = t.format("supervision.back", {{"name", record.person.full_name}});
    view["csrf_token"] = context.session->csrf_token;
    const std::string saved = query_value(request, "lagret");
    if (saved == "endret" || saved == "lukket" || saved == "tillegg") {
        view["saved"] = t.text("supervision.saved_" + saved);
    }
    return page(s, request, context, "supervision_meeting",
                t.format("supervision.meeting_title", {{"date", m.held_on.norwegian()}}),
                std::move(view));
}

// ---- Planning and changing ----

json::object meeting_form(Services& s, const RequestContext& context,
                          const app::SupervisionRecord& record, const FormInput& in,
                          const std::string& heading, const std::string& action,
                          const std::string& cancel) {
    const auto& t = s.catalogue;
    auto duration = field(t, in, "duration_minutes", "supervision.duration");
    duration["hint"] = t.text("supervision.duration_hint");
    duration["inputmode"] = "numeric";
    duration["width"] = "xs";
    auto topics = textarea_field(t, in, "topics", "supervision.topics", "supervision.topics_hint");
    auto minutes =
        textarea_field(t, in, "minutes", "supervision.minutes", "supervision.minutes_hint");
    minutes["optional"] = true;
    json::array fields{date_field(t, in, "held_on", "supervision.held_on"), std::move(duration),
                       std::move(topics), std::move(minutes)};
    return form_page(t, context, heading,
                     t.format("supervision.form_intro", {{"name", record.person.full_name}}),
                     action, cancel, "supervision.save",
                     json::array{section(t, "supervision.legend", std::move(fields))});
}

// The meeting fields of a form or JSON body, or nullopt with the errors noted in `input`.
std::optional<app::MeetingInput> read_meeting(FormInput& input) {
    const auto held_on = input.required_date("held_on");
    const auto duration = input.required_int("duration_minutes", 1, domain::kMaxMeetingMinutes);
    const auto topics = input.multiline_text("topics", domain::kMaxTopicsLength);
    if (topics && topics->empty()) {
        input.fail("topics", "form.required");
    }
    const auto minutes = input.multiline_text("minutes", domain::kMaxMinutesLength);
    if (!input.ok()) {
        return std::nullopt;
    }
    return app::MeetingInput{*held_on, *duration, *topics, *minutes};
}

Response respond_meeting(Services& s, const Request& request, RequestContext& context,
                         std::int64_t person_id, std::int64_t meeting_id, http::status status,
                         const std::string& saved) {
    if (!wants_json(request)) {
        return redirect(request.version(),
                        saved == "planlagt"
                            ? supervision_path(person_id) + "?lagret=" + saved
                            : meeting_path(person_id, meeting_id) + "?lagret=" + saved);
    }
    const auto record = load_supervision_record(s, context);
    const auto& m = *std::find_if(record.meetings.begin(), record.meetings.end(),
                                  [&](const auto& x) { return x.id == meeting_id; });
    auto response = json_response(status, request.version(),
                                  meeting_json(record, m, minutes_shown(s, context, m)));
    if (status == http::status::created) {
        response.set(http::field::location,
                     "/api/v1/people/" + std::to_string(person_id) + "/supervision-meetings");
    }
    return response;
}

Response plan_form(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    const FormInput input(std::map<std::string, std::string>{{"duration_minutes", "60"}});
    auto data = meeting_form(s, context, record, input, s.catalogue.text("supervision.plan_title"),
                             supervision_path(record.person.id) + "/ny",
                             supervision_path(record.person.id));
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", s.catalogue.text("supervision.plan_title"),
                std::move(data));
}

Response plan(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    auto input = FormInput::from_request(request);
    const auto meeting = read_meeting(input);
    const std::string title = s.catalogue.text("supervision.plan_title");
    if (!meeting) {
        return refuse(s, request, context, input, "record_form", title, [&] {
            return meeting_form(s, context, record, input, title,
                                supervision_path(record.person.id) + "/ny",
                                supervision_path(record.person.id));
        });
    }
    auto result = app::plan_meeting(
        s.app, record.person.id, *meeting, context.session->actor,
        audit_event(s, request, context, "supervision_meeting.planned", "ok"), s.today());
    if (const auto* problem = std::get_if<app::MeetingProblem>(&result)) {
        refuse_meeting_problem(*problem);
    }
    return respond_meeting(s, request, context, record.person.id,
                           std::get<domain::SupervisionMeeting>(result).id, http::status::created,
                           "planlagt");
}

FormInput meeting_input(const domain::SupervisionMeeting& m) {
    return FormInput(
        std::map<std::string, std::string>{{"held_on", m.held_on.norwegian()},
                                           {"duration_minutes", std::to_string(m.duration_minutes)},
                                           {"topics", m.topics},
                                           {"minutes", m.minutes}});
}

Response change_form(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    const auto& m = meeting_of(record, context);
    if (m.is_closed()) {
        refuse_meeting_problem(app::MeetingProblem::closed);
    }
    const auto input = meeting_input(m);
    const std::string path = meeting_path(record.person.id, m.id);
    auto data = meeting_form(s, context, record, input, s.catalogue.text("supervision.edit_title"),
                             path + "/endre", path);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", s.catalogue.text("supervision.edit_title"),
                std::move(data));
}

Response change(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    const auto& m = meeting_of(record, context);
    auto input = FormInput::from_request(request);
    const auto meeting = read_meeting(input);
    const std::string title = s.catalogue.text("supervision.edit_title");
    const std::string path = meeting_path(record.person.id, m.id);
    if (!meeting) {
        return refuse(s, request, context, input, "record_form", title, [&] {
            return meeting_form(s, context, record, input, title, path + "/endre", path);
        });
    }
    auto result =
        app::change_meeting(s.app, record.person.id, m.id, *meeting,
                            audit_event(s, request, context, "supervision_meeting.changed", "ok"));
    if (const auto* problem = std::get_if<app::MeetingProblem>(&result)) {
        refuse_meeting_problem(*problem);
    }
    return respond_meeting(s, request, context, record.person.id, m.id, http::status::ok, "endret");
}

Response close_meeting(Services& s, const Request& request, RequestContext& context) {
    const auto person = context.id("person");
    const auto meeting = context.id("meeting");
    auto result =
        app::close_meeting(s.app, person, meeting, context.session->actor,
                           audit_event(s, request, context, "supervision_meeting.closed", "ok"));
    if (const auto* problem = std::get_if<app::MeetingProblem>(&result)) {
        refuse_meeting_problem(*problem);
    }
    return respond_meeting(s, request, context, person, meeting, http::status::ok, "lukket");
}

// ---- Addenda of a closed meeting ----

json::object addendum_form(Services& s, const RequestContext& context,
                           const app::SupervisionRecord& record,
                           const domain::SupervisionMeeting& m, const FormInput& in) {
    const auto& t = s.catalogue;
    const std::string path = meeting_path(record.person.id, m.id);
    json::array fields{
        textarea_field(t, in, "text", "supervision.addendum", "supervision.addendum_hint")};
    return form_page(t, context, t.text("supervision.addendum_title"),
                     t.format("supervision.addendum_intro", {{"date", m.held_on.norwegian()}}),
                     path + "/tillegg", path, "supervision.add_addendum",
                     json::array{section(t, "supervision.addendum_legend", std::move(fields))});
}

Response addendum_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    const auto& m = meeting_of(record, context);
    if (!m.is_closed()) {
        refuse_meeting_problem(app::MeetingProblem::not_closed);
    }
    const FormInput input(std::map<std::string, std::string>{});
    auto data = addendum_form(s, context, record, m, input);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", s.catalogue.text("supervision.addendum_title"),
                std::move(data));
}

Response add_addendum(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_supervision_record(s, context);
    const auto& m = meeting_of(record, context);
    auto input = FormInput::from_request(request);
    const auto text = input.multiline_text("text", domain::kMaxAddendumLength);
    if (text && text->empty()) {
        input.fail("text", "form.required");
    }
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form",
                      s.catalogue.text("supervision.addendum_title"),
                      [&] { return addendum_form(s, context, record, m, input); });
    }
    auto result = app::add_addendum(
        s.app, record.person.id, m.id, *text, context.session->actor,
        audit_event(s, request, context, "supervision_meeting.addendum_added", "ok"));
    if (const auto* problem = std::get_if<app::MeetingProblem>(&result)) {
        refuse_meeting_problem(*problem);
    }
    return respond_meeting(s, request, context, record.person.id, m.id, http::status::created,
                           "tillegg");
}

}  // namespace

void register_supervision_norm_routes(Routes& routes);
void register_supervision_group_routes(Routes& routes);

void register_supervision_routes(Routes& routes) {
    const RouteAccess kRead{app::Action::read_person, ResourceFrom::person_param};
    const RouteAccess kPlan{app::Action::plan_supervision_meeting, ResourceFrom::person_param};
    const RouteAccess kEdit{app::Action::edit_supervision_meeting, ResourceFrom::meeting_param};
    const RouteAccess kClose{app::Action::close_supervision_meeting, ResourceFrom::meeting_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/veiledning", kRead, meetings_page);
    routes.add(verb::get, "/personer/{person:id}/veiledning/ny", kPlan, plan_form);
    routes.add(verb::post, "/personer/{person:id}/veiledning/ny", kPlan, plan);
    routes.add(verb::get, "/personer/{person:id}/veiledning/{meeting:id}", kRead, meeting_page);
    routes.add(verb::get, "/personer/{person:id}/veiledning/{meeting:id}/endre", kEdit,
               change_form);
    routes.add(verb::post, "/personer/{person:id}/veiledning/{meeting:id}/endre", kEdit, change);
    routes.add(verb::post, "/personer/{person:id}/veiledning/{meeting:id}/lukk", kClose,
               close_meeting);
    routes.add(verb::get, "/personer/{person:id}/veiledning/{meeting:id}/tillegg", kEdit,
               addendum_page);
    routes.add(verb::post, "/personer/{person:id}/veiledning/{meeting:id}/tillegg", kEdit,
               add_addendum);
    routes.add(verb::get, "/api/v1/people/{person:id}/supervision-meetings", kRead, meetings_api);
    routes.add(verb::post, "/api/v1/people/{person:id}/supervision-meetings", kPlan, plan);
    routes.add(verb::put, "/api/v1/people/{person:id}/supervision-meetings/{meeting:id}", kEdit,
               change);
    routes.add(verb::post, "/api/v1/people/{person:id}/supervision-meetings/{meeting:id}/close",
               kClose, close_meeting);
    routes.add(verb::post, "/api/v1/people/{person:id}/supervision-meetings/{meeting:id}/addenda",
               kEdit, add_addendum);
    register_supervision_norm_routes(routes);
    register_supervision_group_routes(routes);
}

}  // namespace alis::web
