// Supervision groups (issue 14): the municipality's groups with their group supervisor, members,
// meetings and attendance. The leader creates a group, adds members and records meetings
// (manage_municipality) with the forms linked from the groups page or through the API, the same
// handlers for both; the leader and the regional office read them (view_municipality) on the
// page and through the API.
#include <boost/json.hpp>

#include <algorithm>

#include "app/municipality_overview.hpp"
#include "app/supervision_groups.hpp"
#include "app/supervisors.hpp"
#include "app/trainee_overview.hpp"
#include "domain/supervision.hpp"
#include "web/access.hpp"
#include "web/form_fields.hpp"
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

// The form a write came from, built again with what was typed (FormForPage).
using FormForPage = std::function<json::object(const FormInput&)>;

Response refuse_input(Services& s, const Request& request, const RequestContext& context,
                      const FormInput& input, const FormForPage& form) {
    return refuse(s, request, context, input, "record_form",
                  s.catalogue.text("supervision_group.title"), [&] { return form(input); });
}

// A problem of a write: 404 for a group not the municipality's, 409 for a member already in the
// group, else 422 on the field at fault.
Response refuse_problem(Services& s, const Request& request, const RequestContext& context,
                        FormInput& input, app::GroupProblem problem, const char* day_field,
                        const FormForPage& form) {
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
    return refuse_input(s, request, context, input, form);
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

std::string groups_path(const std::string& number) {
    return "/kommuner/" + number + "/veiledningsgrupper";
}

// A <select> of people by name, the value their id.
json::object person_select(const Catalogue& t, const FormInput& input, std::string_view id,
                           std::string_view label_key,
                           const std::vector<std::pair<std::int64_t, std::string>>& people) {
    auto f = field(t, input, id, label_key);
    f["is_select"] = true;
    json::array options{
        json::object{{"value", ""}, {"label", t.text("form.choose")}, {"selected", false}}};
    for (const auto& [person, name] : people) {
        const auto value = std::to_string(person);
        options.push_back(
            json::object{{"value", value}, {"label", name}, {"selected", input.text(id) == value}});
    }
    f["options"] = std::move(options);
    return f;
}

json::object new_group_form(Services& s, const RequestContext& context, const FormInput& input) {
    const auto& t = s.catalogue;
    const auto& number = context.params.at("number");
    std::vector<std::pair<std::int64_t, std::string>> supervisors;
    if (const auto list = app::supervisor_list(s.app, number, s.today())) {
        for (const auto& x : list->supervisors) {
            supervisors.emplace_back(x.supervisor.person_id, x.full_name);
        }
    }
    const auto m = found(app::find_municipality(s.app, number));
    return form_page(
        t, context, t.format("supervision_group.new_title", {{"name", m.name}}),
        t.text("supervision_group.new_intro"), groups_path(number) + "/ny", groups_path(number),
        "supervision_group.create_submit",
        json::array{section(
            t, "supervision_group.new_legend",
            json::array{text_field(t, input, "name", "supervision_group.field_name"),
                        person_select(t, input, "group_supervisor",
                                      "supervision_group.field_supervisor", supervisors),
                        date_field(t, input, "starts_on", "supervision_group.field_starts_on")})});
}

json::object member_form(Services& s, const RequestContext& context, const FormInput& input) {
    const auto& t = s.catalogue;
    const auto& number = context.params.at("number");
    const auto group = load_group(s, context);
    std::vector<std::pair<std::int64_t, std::string>> trainees;
    if (const auto overview =
            s.app.overviews().get(s.app, number, s.today(), s.app.data_generation())) {
        for (const auto& row : overview->rows) {
            trainees.emplace_back(row.person.id, row.person.full_name);
        }
    }
    const auto path = groups_path(number) + "/" + std::to_string(group.group.id);
    return form_page(
        t, context, t.format("supervision_group.member_title", {{"name", group.group.name}}),
        t.text("supervision_group.member_intro"), path + "/medlem", groups_path(number),
        "supervision_group.member_submit",
        json::array{section(
            t, "supervision_group.member_legend",
            json::array{
                person_select(t, input, "person", "supervision_group.field_person", trainees),
                date_field(t, input, "joined_on", "supervision_group.field_joined_on"),
                date_field(t, input, "left_on", "supervision_group.field_left_on", true)})});
}

json::object meeting_form(Services& s, const RequestContext& context, const FormInput& input) {
    const auto& t = s.catalogue;
    const auto& number = context.params.at("number");
    const auto group = load_group(s, context);
    auto duration = text_field(t, input, "duration_minutes", "supervision_group.field_duration");
    duration["inputmode"] = "numeric";
    duration["width"] = "sm";
    json::array meeting{date_field(t, input, "held_on", "supervision_group.field_held_on"),
                        std::move(duration),
                        textarea_field(t, input, "topic", "supervision_group.field_topic",
                                       "supervision_group.field_topic_hint")};
    // One box per member (each once, who rejoined too), its value the member's id
    // (attended_1_person, ...).
    std::vector<std::int64_t> members;
    for (const auto& m : group.members) {
        if (std::find(members.begin(), members.end(), m.person_id) == members.end()) {
            members.push_back(m.person_id);
        }
    }
    json::array present;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto person = members[i];
        const auto id = kAttended.form_field(i, "person");
        auto box = field(t, input, id, "supervision_group.col_attended");
        const auto name = group.names.find(person);
        box["label"] = name == group.names.end() ? std::to_string(person) : name->second;
        box["is_checkbox"] = true;
        box["check_value"] = std::to_string(person);
        box["checked"] = input.text(id) == std::to_string(person);
        box["hint"] = nullptr;
        present.push_back(std::move(box));
    }
    json::array sections{section(t, "supervision_group.meeting_legend", std::move(meeting))};
    if (!present.empty()) {
        sections.push_back(section(t, "supervision_group.attended_legend", std::move(present)));
    }
    const auto path = groups_path(number) + "/" + std::to_string(group.group.id);
    return form_page(t, context,
                     t.format("supervision_group.meeting_title", {{"name", group.group.name}}),
                     t.text("supervision_group.meeting_intro"), path + "/samling",
                     groups_path(number), "supervision_group.meeting_submit", std::move(sections));
}

// A form page of the leader's, empty.
template <json::object (*Form)(Services&, const RequestContext&, const FormInput&)>
Response form_route(Services& s, const Request& request, RequestContext& context) {
    const FormInput empty(std::map<std::string, std::string>{});
    auto data = Form(s, context, empty);
    const std::string title(data.at("heading").as_string());
    data["value"] = json::object{};
    return page(s, request, context, "record_form", title, std::move(data));
}

Response groups_page(Services& s, const Request& request, RequestContext& context) {
    const auto m = found(app::find_municipality(s.app, context.params.at("number")));
    auto groups = groups_view(s.catalogue, app::group_records(s.app, m.number));
    const auto heading = s.catalogue.format("supervision_group.heading", {{"name", m.name}});
    const bool manage = also_allowed(context, app::Action::manage_municipality, s.today());
    if (manage) {
        for (auto& g : groups) {
            auto& o = g.as_object();
            const auto path = groups_path(m.number) + "/" + std::to_string(o.at("id").as_int64());
            o["member_url"] = path + "/medlem";
            o["meeting_url"] = path + "/samling";
        }
    }
    json::object data{
        {"heading", heading}, {"has_groups", !groups.empty()}, {"groups", std::move(groups)}};
    if (manage) {
        data["new_url"] = groups_path(m.number) + "/ny";
    }
    if (query_value(request, "lagret") == "ja") {
        data["saved"] = s.catalogue.text("supervision_group.saved");
    }
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

// The answer to a write: 201 with the group as it now is, and where it can be read; a form goes
// back to the groups page, at the group.
Response created_group(Services& s, const Request& request, const std::string& number,
                       std::int64_t id) {
    if (!wants_json(request)) {
        return redirect(request.version(),
                        groups_path(number) + "?lagret=ja#group-" + std::to_string(id));
    }
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
    const FormForPage form = [&](const FormInput& in) { return new_group_form(s, context, in); };
    if (!input.ok()) {
        return refuse_input(s, request, context, input, form);
    }
    const auto result =
        app::create_group(s.app, {0, number, *name, *supervisor, *starts_on},
                          audit_event(s, request, context, "supervision_group.created", "ok"));
    if (const auto* problem = std::get_if<app::GroupProblem>(&result)) {
        return refuse_problem(s, request, context, input, *problem, "starts_on", form);
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
    const FormForPage form = [&](const FormInput& in) { return member_form(s, context, in); };
    if (!input.ok()) {
        return refuse_input(s, request, context, input, form);
    }
    const auto result = app::add_group_member(
        s.app, number, {0, group, *person, *joined_on, *left_on},
        audit_event(s, request, context, "supervision_group.member_added", "ok"));
    if (const auto* problem = std::get_if<app::GroupProblem>(&result)) {
        return refuse_problem(s, request, context, input, *problem, "joined_on", form);
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
    const FormForPage form = [&](const FormInput& in) { return meeting_form(s, context, in); };
    if (!input.ok()) {
        return refuse_input(s, request, context, input, form);
    }
    const auto result = app::record_group_meeting(
        s.app, number, {0, group, *held_on, *duration, *topic}, attended,
        audit_event(s, request, context, "supervision_group.meeting_recorded", "ok"));
    if (const auto* problem = std::get_if<app::GroupProblem>(&result)) {
        return refuse_problem(s, request, context, input, *problem, "held_on", form);
    }
    return created_group(s, request, number, group);
}

}  // namespace

void register_supervision_group_routes(Routes& routes) {
    const RouteAccess kView{app::Action::view_municipality, ResourceFrom::municipality_param};
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    using http::verb;
    const std::string page = "/kommuner/{number}/veiledningsgrupper";
    routes.add(verb::get, page, kView, groups_page);
    routes.add(verb::get, page + "/ny", kManage, form_route<new_group_form>);
    routes.add(verb::post, page + "/ny", kManage, create_group);
    routes.add(verb::get, page + "/{group:id}/medlem", kManage, form_route<member_form>);
    routes.add(verb::post, page + "/{group:id}/medlem", kManage, add_member);
    routes.add(verb::get, page + "/{group:id}/samling", kManage, form_route<meeting_form>);
    routes.add(verb::post, page + "/{group:id}/samling", kManage, record_meeting);
    const std::string base = "/api/v1/municipalities/{number}/supervision-groups";
    routes.add(verb::get, base, kView, groups_api);
    routes.add(verb::post, base, kManage, create_group);
    routes.add(verb::get, base + "/{group:id}", kView, group_api);
    routes.add(verb::post, base + "/{group:id}/members", kManage, add_member);
    routes.add(verb::post, base + "/{group:id}/meetings", kManage, record_meeting);
}

}  // namespace alis::web
