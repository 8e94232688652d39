// Supervision groups (issue 14): the municipality's groups with their group supervisor, members,
// meetings and attendance. The leader creates a group, adds members and records meetings
// (manage_municipality) through the API; the leader and the regional office read them
// (view_municipality) on a page and through the API. The pages' forms are still to come.
#include <boost/json.hpp>

#include <algorithm>

#include "app/municipality_overview.hpp"
#include "app/supervision_groups.hpp"
#include "domain/supervision.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/router.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxGroupName = 200;
constexpr std::size_t kMaxGroupTopic = 2000;
constexpr int kMaxGroupMeetingMinutes = 600;
const FieldRows kAttended{"attended", "attended", 100, "supervision_group.too_many_attended"};

std::string group_api_path(const std::string& number, std::int64_t id) {
    return "/api/v1/municipalities/" + number + "/supervision-groups/" + std::to_string(id);
}

json::object group_record_json(const app::GroupRecord& r) {
    const auto& g = r.group;
    json::array members;
    for (const auto& m : r.members) {
        const auto name = r.names.find(m.person_id);
        members.push_back(json::object{
            {"id", m.id},
            {"person_id", m.person_id},
            {"name", name == r.names.end() ? std::string() : name->second},
            {"joined_on", m.joined_on.iso()},
            {"left_on", m.left_on ? json::value(m.left_on->iso()) : json::value(nullptr)}});
    }
    json::array meetings;
    int minutes = 0;
    for (const auto& m : r.meetings) {
        json::array attended;
        if (const auto it = r.attended.find(m.id); it != r.attended.end()) {
            for (const auto person : it->second) {
                attended.push_back(person);
            }
        }
        minutes += m.duration_minutes;
        meetings.push_back(json::object{{"id", m.id},
                                        {"held_on", m.held_on.iso()},
                                        {"duration_minutes", m.duration_minutes},
                                        {"topic", m.topic},
                                        {"attended", std::move(attended)}});
    }
    return json::object{{"id", g.id},
                        {"municipality", g.municipality_number},
                        {"name", g.name},
                        {"group_supervisor_person_id", g.group_supervisor_person_id},
                        {"group_supervisor_name", r.supervisor_name},
                        {"starts_on", g.starts_on.iso()},
                        {"meeting_minutes", minutes},
                        {"members", std::move(members)},
                        {"meetings", std::move(meetings)}};
}

app::GroupRecord load_group(Services& s, const RequestContext& context) {
    return found(app::group_record(s.app, context.params.at("number"), context.id("group")));
}

Response refuse_input(Services& s, const Request& request, const RequestContext& context,
                      const FormInput& input) {
    return refuse(s, request, context, input, "record_form",
                  s.catalogue.text("supervision_group.title"), [] { return json::object{}; });
}

// A problem of a write: 404 for a group not the municipality's, 409 for a member already in the
// group, else 422 on the field at fault.
Response refuse_problem(Services& s, const Request& request, const RequestContext& context,
                        FormInput& input, app::GroupProblem problem, const char* day_field) {
    switch (problem) {
        case app::GroupProblem::unknown_group:
            not_found();
        case app::GroupProblem::already_member:
            throw HttpError(http::status::conflict, "already_member",
                            "supervision_group.already_member");
        case app::GroupProblem::supervisor_not_registered:
            input.fail("group_supervisor", "supervision_group.supervisor_not_registered");
            break;
        case app::GroupProblem::not_a_trainee:
            input.fail("person", "supervision_group.not_a_trainee");
            break;
        case app::GroupProblem::not_a_member:
            input.fail("attended", "supervision_group.not_a_member");
            break;
        case app::GroupProblem::before_start:
        case app::GroupProblem::none:
            input.fail(day_field, "supervision_group.before_start");
            break;
    }
    return refuse_input(s, request, context, input);
}

std::optional<std::int64_t> required_id(FormInput& input, const std::string& field) {
    const auto id = parse_id(input.text(field));
    if (!id) {
        input.fail(field, input.text(field).empty() ? "form.required" : "form.bad_choice");
    }
    return id;
}

// The groups as the page shows them: members with their dates, meetings with the hours and how
// many of the members that day attended.
json::array groups_view(const Catalogue& t, const std::vector<app::GroupRecord>& records) {
    json::array groups;
    for (const auto& r : records) {
        json::array members;
        for (const auto& m : r.members) {
            const auto name = r.names.find(m.person_id);
            members.push_back(json::object{
                {"name", name == r.names.end() ? std::string() : name->second},
                {"period", m.left_on ? t.format("supervision_group.member_between",
                                                {{"from", m.joined_on.norwegian()},
                                                 {"to", m.left_on->norwegian()}})
                                     : t.format("supervision_group.member_since",
                                                {{"from", m.joined_on.norwegian()}})}});
        }
        json::array meetings;
        int minutes = 0;
        for (const auto& m : r.meetings) {
            const auto it = r.attended.find(m.id);
            const auto present = it == r.attended.end() ? 0 : it->second.size();
            const auto on_day =
                std::count_if(r.members.begin(), r.members.end(), [&](const auto& x) {
                    return x.joined_on <= m.held_on && (!x.left_on || m.held_on <= *x.left_on);
                });
            minutes += m.duration_minutes;
            meetings.push_back(
                json::object{{"date", m.held_on.norwegian()},
                             {"hours", domain::format_hours(m.duration_minutes)},
                             {"topic", m.topic},
                             {"attended", t.format("supervision_group.attended_count",
                                                   {{"count", present}, {"members", on_day}})}});
        }
        groups.push_back(json::object{{"id", r.group.id},
                                      {"name", r.group.name},
                                      {"supervisor", r.supervisor_name},
                                      {"starts_on", r.group.starts_on.norwegian()},
                                      {"hours", domain::format_hours(minutes)},
                                      {"members", std::move(members)},
                                      {"has_meetings", !meetings.empty()},
                                      {"meetings", std::move(meetings)}});
    }
    return groups;
}

Response groups_page(Services& s, const Request& request, RequestContext& context) {
    const auto m = found(app::find_municipality(s.app, context.params.at("number")));
    auto groups = groups_view(s.catalogue, app::group_records(s.app, m.number));
    const auto heading = s.catalogue.format("supervision_group.heading", {{"name", m.name}});
    json::object data{
        {"heading", heading}, {"has_groups", !groups.empty()}, {"groups", std::move(groups)}};
    return page(s, request, context, "supervision_groups", heading, std::move(data));
}

Response groups_api(Services& s, const Request& request, RequestContext& context) {
    json::array groups;
    for (const auto& r : app::group_records(s.app, context.params.at("number"))) {
        groups.push_back(group_record_json(r));
    }
    return json_response(
        http::status::ok, request.version(),
        json::object{{"municipality", context.params.at("number")}, {"groups", std::move(groups)}});
}

Response group_api(Services& s, const Request& request, RequestContext& context) {
    return json_response(http::status::ok, request.version(),
                         group_record_json(load_group(s, context)));
}

// The answer to a write: 201 with the group as it now is, and where it can be read.
Response created_group(Services& s, const Request& request, const std::string& number,
                       std::int64_t id) {
    auto response = json_response(http::status::created, request.version(),
                                  group_record_json(*app::group_record(s.app, number, id)));
    response.set(http::field::location, group_api_path(number, id));
    return response;
}

Response create_group(Services& s, const Request& request, RequestContext& context) {
    const auto& number = context.params.at("number");
    auto input = FormInput::from_request(request);
    const auto name = input.required_text("name", kMaxGroupName);
    const auto supervisor = required_id(input, "group_supervisor");
    const auto starts_on = input.required_date("starts_on");
    if (!input.ok()) {
        return refuse_input(s, request, context, input);
    }
    const auto result =
        app::create_group(s.app, {0, number, *name, *supervisor, *starts_on},
                          audit_event(s, request, context, "supervision_group.created", "ok"));
    if (const auto* problem = std::get_if<app::GroupProblem>(&result)) {
        return refuse_problem(s, request, context, input, *problem, "starts_on");
    }
    const auto id = std::get<domain::SupervisionGroup>(result).id;
    return created_group(s, request, number, id);
}

Response add_member(Services& s, const Request& request, RequestContext& context) {
    const auto& number = context.params.at("number");
    const auto group = context.id("group");
    auto input = FormInput::from_request(request);
    const auto person = required_id(input, "person");
    const auto joined_on = input.required_date("joined_on");
    const auto left_on = input.optional_date("left_on");
    if (joined_on && left_on && *left_on && **left_on < *joined_on) {
        input.fail("left_on", "supervision_group.left_before_joined");
    }
    if (!input.ok()) {
        return refuse_input(s, request, context, input);
    }
    const auto result = app::add_group_member(
        s.app, number, {0, group, *person, *joined_on, *left_on},
        audit_event(s, request, context, "supervision_group.member_added", "ok"));
    if (const auto* problem = std::get_if<app::GroupProblem>(&result)) {
        return refuse_problem(s, request, context, input, *problem, "joined_on");
    }
    return created_group(s, request, number, group);
}

Response record_meeting(Services& s, const Request& request, RequestContext& context) {
    const auto& number = context.params.at("number");
    const auto group = context.id("group");
    auto input = FormInput::from_request(request, {kAttended});
    const auto held_on = input.required_date("held_on");
    const auto duration = input.required_int("duration_minutes", 1, kMaxGroupMeetingMinutes);
    const auto topic = input.multiline_text("topic", kMaxGroupTopic);
    if (topic && topic->empty()) {
        input.fail("topic", "form.required");
    }
    std::vector<std::int64_t> attended;
    for (std::size_t i = 0; i < input.row_count(kAttended); ++i) {
        const auto field = input.row_field(kAttended, i, "person");
        if (input.text(field).empty() && !wants_json(request)) {
            continue;  // A box not ticked.
        }
        if (const auto id = required_id(input, field)) {
            attended.push_back(*id);
        }
    }
    if (!input.ok()) {
        return refuse_input(s, request, context, input);
    }
    const auto result = app::record_group_meeting(
        s.app, number, {0, group, *held_on, *duration, *topic}, attended,
        audit_event(s, request, context, "supervision_group.meeting_recorded", "ok"));
    if (const auto* problem = std::get_if<app::GroupProblem>(&result)) {
        return refuse_problem(s, request, context, input, *problem, "held_on");
    }
    return created_group(s, request, number, group);
}

}  // namespace

void register_supervision_group_routes(Routes& routes) {
    const RouteAccess kView{app::Action::view_municipality, ResourceFrom::municipality_param};
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    using http::verb;
    routes.add(verb::get, "/kommuner/{number}/veiledningsgrupper", kView, groups_page);
    const std::string base = "/api/v1/municipalities/{number}/supervision-groups";
    routes.add(verb::get, base, kView, groups_api);
    routes.add(verb::post, base, kManage, create_group);
    routes.add(verb::get, base + "/{group:id}", kView, group_api);
    routes.add(verb::post, base + "/{group:id}/members", kManage, add_member);
    routes.add(verb::post, base + "/{group:id}/meetings", kManage, record_meeting);
}

}  // namespace alis::web
