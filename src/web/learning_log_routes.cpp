// The learning log and the objectives (issue 13): the progress report ("fremdriftsrapport") on
// screen, in print, as CSV and Excel and in the API; an objective's page with its activities,
// its history and the one step the reader may take there (ask, recall, advise, decide, reverse);
// the doctor's activity form and their invitations of supervisører; the leader's approval queue.
// Pages and JSON API share one handler per write; who may take a step is the route's action,
// decided by the policy, and whether the step may follow the objective's state is
// domain::check_objective_event's.
#include <boost/json.hpp>

#include <algorithm>
#include <memory>

#include "app/learning_log.hpp"
#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "domain/text.hpp"
#include "web/access.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/multipart.hpp"
#include "web/pipeline.hpp"
#include "web/progress_report.hpp"
#include "web/spreadsheet.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;
using domain::ObjectiveEventKind;
using domain::ObjectiveStatus;

constexpr std::size_t kMaxObjectiveRows = domain::kMaxObjectivesPerEdition * 2;
const FieldRows kActivityObjectives{"objectives", "objective", kMaxObjectiveRows,
                                    "objectives.too_many"};

std::string objectives_path(std::int64_t person) {
    return person_path(person) + "/laeringsmaal";
}
std::string objective_path(std::int64_t person, std::int64_t objective) {
    return objectives_path(person) + "/" + std::to_string(objective);
}
std::string activities_path(std::int64_t person) {
    return person_path(person) + "/aktiviteter";
}
std::string invitations_path(std::int64_t person) {
    return person_path(person) + "/supervisorer";
}

// A file of an activity in the API: its facts and where the API gives its bytes.
json::object attachment_json(std::int64_t person, std::int64_t activity,
                             const domain::Attachment& f) {
    return json::object{
        {"id", f.id},
        {"activity_id", activity},
        {"file_name", f.file_name},
        {"media_type", std::string(domain::to_string(f.media_type))},
        {"byte_size", f.byte_size},
        {"sha256", f.sha256},
        {"uploaded_at", f.uploaded_at},
        {"uploaded_by", f.uploaded_by},
        {"url", "/api/v1/people/" + std::to_string(person) + "/activities/" +
                    std::to_string(activity) + "/attachments/" + std::to_string(f.id)}};
}

app::LearningRecord load_learning_record(Services& s, const RequestContext& context) {
    return found(app::learning_record(s.app, context.id("person"), s.today()));
}

const app::ObjectiveProgress& objective_of(const app::LearningRecord& record,
                                           const RequestContext& context) {
    const auto* o = record.find_objective(context.id("objective"));
    if (o == nullptr) {
        not_found();
    }
    return *o;
}

std::string status_name(ObjectiveStatus status) {
    return std::string(domain::to_string(status));
}

// The day of a UTC instant, as Norwegians write it.
std::string instant_day(const std::string& instant) {
    const auto day = domain::Date::parse_iso(std::string_view(instant).substr(0, 10));
    return day ? day->norwegian() : instant;
}

const char* objective_color(ObjectiveStatus status) {
    switch (status) {
        case ObjectiveStatus::approved:
            return "success";
        case ObjectiveStatus::requested:
            return "info";
        case ObjectiveStatus::in_progress:
            return "warning";
        case ObjectiveStatus::not_started:
            break;
    }
    return "neutral";
}

// ---- The progress report ----

// The bar of a catalogue: one segment per status, widths in percent of the objectives.
json::array bar_segments(const Catalogue& t, const domain::ObjectiveCounts& c) {
    json::array segments;
    const int total = std::max(1, c.total());
    double x = 0;
    for (const auto& [status, count] : {std::pair{ObjectiveStatus::approved, c.approved},
                                        std::pair{ObjectiveStatus::requested, c.requested},
                                        std::pair{ObjectiveStatus::in_progress, c.in_progress}}) {
        const double width = 100.0 * count / total;
        if (count > 0) {
            segments.push_back(json::object{
                {"x", x},
                {"width", width},
                {"class", "alis-objective-" + status_name(status)},
                {"title", t.format("objectives.bar_part",
                                   {{"status", t.text("objectives.status." + status_name(status))},
                                    {"count", count}})}});
        }
        x += width;
    }
    return segments;
}

json::object catalogue_view(const Catalogue& t, const app::CatalogueProgress& c,
                            std::int64_t person) {
    json::array rows;
    for (const auto& p : c.objectives) {
        rows.push_back(json::object{
            {"code", p.objective.code},
            {"title", p.objective.title},
            {"url", objective_path(person, p.objective.id)},
            {"status", t.text("objectives.status." + status_name(p.state.status))},
            {"color", objective_color(p.state.status)},
            {"activities", t.format("objectives.activities_count",
                                    {{"count", p.activities}, {"signed", p.signed_activities}})},
            {"at_risk", p.at_risk}});
    }
    const auto& n = c.counts;
    const std::string catalogue(domain::to_string(c.edition.catalogue));
    return json::object{{"catalogue", catalogue},
                        {"name", t.text("objectives.catalogue." + catalogue)},
                        {"edition", c.edition.edition},
                        {"valid_from", c.edition.valid_from.norwegian()},
                        {"demo", c.edition.demo},
                        {"segments", bar_segments(t, n)},
                        {"summary", t.format("objectives.summary", {{"approved", n.approved},
                                                                    {"requested", n.requested},
                                                                    {"in_progress", n.in_progress},
                                                                    {"not_started", n.not_started},
                                                                    {"total", n.total()}})},
                        {"at_risk", n.at_risk > 0 ? json::value(t.format("objectives.at_risk_count",
                                                                         {{"count", n.at_risk}}))
                                                  : nullptr},
                        {"objectives", std::move(rows)}};
}

json::array activities_view(const Catalogue& t, const app::LearningRecord& record,
                            std::optional<std::int64_t> objective) {
    std::map<std::int64_t, std::string> codes;
    for (const auto& c : record.catalogues) {
        for (const auto& p : c.objectives) {
            codes[p.objective.id] = p.objective.code;
        }
    }
    json::array rows;
    for (auto it = record.activities.rbegin(); it != record.activities.rend(); ++it) {
        const auto& a = *it;
        if (objective && std::find(a.objective_ids.begin(), a.objective_ids.end(), *objective) ==
                             a.objective_ids.end()) {
            continue;
        }
        std::string supports;
        for (const auto id : a.objective_ids) {
            const auto code = codes.find(id);
            supports += (supports.empty() ? "" : ", ") +
                        (code == codes.end() ? std::to_string(id) : code->second);
        }
        json::array files;
        for (const auto& f : a.attachments) {
            files.push_back(
                json::object{{"name", f.file_name},
                             {"url", activities_path(record.person.id) + "/" +
                                         std::to_string(a.id) + "/vedlegg/" + std::to_string(f.id)},
                             {"label", t.format("objectives.file_link", {{"file", f.file_name}})}});
        }
        rows.push_back(json::object{
            {"id", a.id},
            {"has_files", !files.empty()},
            {"files", std::move(files)},
            {"date", a.done_on.norwegian()},
            {"kind", t.text("objectives.kind." + std::string(domain::to_string(a.kind)))},
            {"title", a.title},
            {"reflection", a.reflection},
            {"objectives", supports},
            {"signed", a.signature
                           ? json::value(t.format("objectives.signed_by",
                                                  {{"name", a.signature->signer_label},
                                                   {"date", instant_day(a.signature->signed_at)}}))
                           : nullptr}});
    }
    return rows;
}

// The forms of the activities' rows for this reader: the doctor attaches a file to an unsigned
// activity and asks an invited supervisør to sign it; a supervisør to whose address an open
// request of it was sent signs it.
void add_sign_forms(Services& s, const RequestContext& context, const app::LearningRecord& record,
                    json::array& rows) {
    const auto& t = s.catalogue;
    const bool edit = also_allowed(context, app::Action::edit_learning_log, s.today());
    json::array choices;
    for (const auto& i : record.invitations) {
        if (!i.withdrawn_at) {
            choices.push_back(
                json::object{{"value", i.id}, {"label", i.name + " (" + i.email + ")"}});
        }
    }
    const auto email = domain::lower_ascii(context.session->actor.email);
    const bool supervisor =
        std::any_of(context.session->actor.roles.begin(), context.session->actor.roles.end(),
                    [](const auto& g) { return g.role == domain::Role::clinical_supervisor; });
    for (auto& row : rows) {
        auto& o = row.as_object();
        if (!o.at("signed").is_null()) {
            continue;
        }
        const auto id = o.at("id").as_int64();
        const auto path = activities_path(record.person.id) + "/" + std::to_string(id);
        if (edit) {
            o["attach_url"] = path + "/vedlegg";
            o["attach_label"] =
                t.format("objectives.attach_label", {{"title", o.at("title").as_string()}});
        }
        if (edit && !choices.empty()) {
            o["request_url"] = path + "/signering";
            o["choices"] = choices;
        }
        const bool asked = std::any_of(
            record.sign_requests.begin(), record.sign_requests.end(), [&](const auto& q) {
                return q.activity_id == id && q.email == email && q.is_open(s.now());
            });
        if (supervisor && asked) {
            o["sign_url"] = path + "/signer";
        }
        o["csrf_token"] = context.session->csrf_token;
        o["request_label"] = t.format("objectives.sign_request_label", {{"title", o.at("title")}});
    }
}

Response progress_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    const auto& t = s.catalogue;
    const auto id = record.person.id;
    json::array catalogues;
    for (const auto& c : record.catalogues) {
        catalogues.push_back(catalogue_view(t, c, id));
    }
    auto activities = activities_view(t, record, std::nullopt);
    add_sign_forms(s, context, record, activities);
    const auto title = t.format("objectives.title", {{"name", record.person.full_name}});
    json::object data{{"heading", title},
                      {"person_url", person_path(id)},
                      {"csv_url", objectives_path(id) + ".csv"},
                      {"xlsx_url", objectives_path(id) + ".xlsx"},
                      {"invitations_url", invitations_path(id)},
                      {"has_catalogues", !catalogues.empty()},
                      {"catalogues", std::move(catalogues)},
                      {"has_activities", !activities.empty()},
                      {"activities", std::move(activities)},
                      {"as_of", s.today().norwegian()}};
    if (also_allowed(context, app::Action::edit_learning_log, s.today())) {
        data["new_activity_url"] = activities_path(id) + "/ny";
    }
    const std::string saved = query_value(request, "lagret");
    if (saved == "aktivitet" || saved == "signert" || saved == "vedlegg") {
        data["saved"] = t.text("objectives.saved_" + saved);
    }
    return page(s, request, context, "objectives", title, std::move(data));
}

Response progress_api(Services& s, const Request& request, RequestContext& context) {
    return json_response(http::status::ok, request.version(),
                         progress_report_json(load_learning_record(s, context), s.today()));
}

Sheet progress_sheet(const Catalogue& t, const app::LearningRecord& record) {
    Sheet sheet;
    sheet.name = t.text("objectives.sheet_name");
    for (const char* key :
         {"col_catalogue", "col_edition", "col_code", "col_title", "col_status", "col_activities",
          "col_signed", "col_at_risk", "col_approved_on", "col_approved_by"}) {
        sheet.headers.push_back(t.text(std::string("objectives.") + key));
    }
    for (const auto& c : record.catalogues) {
        for (const auto& p : c.objectives) {
            const bool approved = p.state.status == ObjectiveStatus::approved;
            Cell approved_on;
            if (approved && p.state.decided_at) {
                if (const auto day = domain::Date::parse_iso(
                        std::string_view(*p.state.decided_at).substr(0, 10))) {
                    approved_on = *day;
                }
            }
            sheet.rows.push_back(
                {std::string(domain::to_string(c.edition.catalogue)), c.edition.edition,
                 p.objective.code, p.objective.title,
                 t.text("objectives.status." + status_name(p.state.status)),
                 Number{static_cast<double>(p.activities), 0},
                 Number{static_cast<double>(p.signed_activities), 0},
                 p.at_risk ? t.text("objectives.yes") : std::string(), approved_on,
                 approved && p.state.decided_by ? *p.state.decided_by : std::string()});
        }
    }
    return sheet;
}

Response progress_csv(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    return download_response(
        request, std::make_shared<const std::string>(csv_text(progress_sheet(s.catalogue, record))),
        kCsvType, "laeringsmaal-" + std::to_string(record.person.id) + ".csv");
}

Response progress_xlsx(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    return download_response(
        request,
        std::make_shared<const std::string>(xlsx_bytes(progress_sheet(s.catalogue, record))),
        kXlsxType, "laeringsmaal-" + std::to_string(record.person.id) + ".xlsx");
}

// ---- One objective ----

json::array history_view(const Catalogue& t, const app::LearningRecord& record,
                         std::int64_t objective) {
    json::array rows;
    for (const auto& e : record.events) {
        if (e.objective_id != objective) {
            continue;
        }
        rows.push_back(json::object{
            {"date", instant_day(e.at)},
            {"what", t.text("objectives.event." + std::string(domain::to_string(e.kind)))},
            {"who", e.actor_label},
            {"role", t.text("objectives.role." + std::string(domain::to_string(e.actor_role)))},
            {"reason", e.reason}});
    }
    return rows;
}

// The step forms the reader may use on this objective, each posting to its route.
void add_step_forms(Services& s, const RequestContext& context, const app::ObjectiveProgress& p,
                    std::int64_t person, json::object& data) {
    const auto today = s.today();
    const auto& t = s.catalogue;
    const auto path = objective_path(person, p.objective.id);
    const auto status = p.state.status;
    const bool recent = app::recently_authenticated(context.session->actor, s.now());
    if (also_allowed(context, app::Action::edit_learning_log, today)) {
        if (status == ObjectiveStatus::requested) {
            data["recall_url"] = path + "/trekk-tilbake";
        } else if (status != ObjectiveStatus::approved) {
            data["request_url"] = path + "/be-om-godkjenning";
        }
    }
    if (status == ObjectiveStatus::requested &&
        also_allowed(context, app::Action::advise_on_objective, today)) {
        data["advice_url"] = path + "/rad";
    }
    if (also_allowed(context, app::Action::approve_objective, today)) {
        if (status == ObjectiveStatus::requested) {
            data["decision_url"] = path + "/avgjorelse";
            data["consulted"] = p.state.consulted();
        } else if (status == ObjectiveStatus::approved) {
            data["reversal_url"] = path + "/omgjor";
        }
        if (!recent) {
            data["reauth_url"] = "/bekreft-passord?neste=" + path;
        }
    }
    data["csrf_token"] = context.session->csrf_token;
    data["consultation"] = t.format(
        "objectives.consultation",
        {{"supervisor",
          t.text(p.state.supervisor_consulted ? "objectives.given" : "objectives.not_given")},
         {"clinical_supervisor",
          t.text(p.state.clinical_supervisor_consulted ? "objectives.given"
                                                       : "objectives.not_given")}});
}

Response objective_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    const auto& p = objective_of(record, context);
    const auto& t = s.catalogue;
    const auto& o = p.objective;
    const auto person = record.person.id;
    std::string arenas;
    for (const auto a : o.arenas) {
        arenas += (arenas.empty() ? "" : ", ") +
                  t.text("ledger.arena." + std::string(domain::to_string(a)));
    }
    const auto* catalogue = [&]() -> const app::CatalogueProgress* {
        for (const auto& c : record.catalogues) {
            for (const auto& x : c.objectives) {
                if (x.objective.id == o.id) {
                    return &c;
                }
            }
        }
        return nullptr;
    }();
    auto history = history_view(t, record, o.id);
    auto activities = activities_view(t, record, o.id);
    add_sign_forms(s, context, record, activities);
    const auto title = o.code + " " + o.title;
    json::object data{
        {"heading", title},
        {"back_url", objectives_path(person)},
        {"back", t.format("objectives.back", {{"name", record.person.full_name}})},
        {"demo", catalogue != nullptr && catalogue->edition.demo},
        {"edition", catalogue != nullptr ? catalogue->edition.edition : std::string()},
        {"description", o.description},
        {"recommended", o.activities},
        {"assessment", o.assessment},
        {"signed_by", t.text("objectives.signer." + std::string(domain::to_string(o.signed_by)))},
        {"arenas", arenas.empty() ? t.text("objectives.anywhere") : arenas},
        {"at_risk", p.at_risk},
        {"status", t.text("objectives.status." + status_name(p.state.status))},
        {"color", objective_color(p.state.status)},
        {"last_reason", p.state.status != ObjectiveStatus::approved && p.state.last_reason
                            ? json::value(*p.state.last_reason)
                            : nullptr},
        {"has_history", !history.empty()},
        {"history", std::move(history)},
        {"has_activities", !activities.empty()},
        {"activities", std::move(activities)}};
    if (also_allowed(context, app::Action::edit_learning_log, s.today())) {
        data["new_activity_url"] = activities_path(person) + "/ny?maal=" + std::to_string(o.id);
    }
    add_step_forms(s, context, p, person, data);
    const std::string saved = query_value(request, "lagret");
    if (saved == "ja") {
        data["saved"] = t.text("objectives.saved_step");
    }
    return page(s, request, context, "objective", title, std::move(data));
}

// ---- The steps ----

[[noreturn]] void refuse_step(const app::ObjectiveStepResult& result) {
    using P = domain::ObjectiveEventProblem;
    if (result.problem == app::LearningLogProblem::unknown_objective) {
        not_found();
    }
    const auto code = std::string(domain::to_string(result.event_problem));
    if (result.event_problem == P::reason_required) {
        throw HttpError(http::status::unprocessable_entity, code, "objectives.problem." + code,
                        "reason");
    }
    throw HttpError(http::status::conflict, code, "objectives.problem." + code);
}

Response step(Services& s, const Request& request, RequestContext& context, ObjectiveEventKind kind,
              const std::string& reason) {
    const auto person = context.id("person");
    const auto objective = context.id("objective");
    std::optional<std::string> leading;
    if (kind == ObjectiveEventKind::approved || kind == ObjectiveEventKind::rejected ||
        kind == ObjectiveEventKind::reversed) {
        leading = app::leading_municipality(context.session->actor, *context.resource, s.today());
    }
    const auto result = app::take_objective_step(
        s.app, person, objective, kind, reason, context.session->actor, leading,
        audit_event(s, request, context, "objective." + std::string(domain::to_string(kind)), "ok"),
        s.today());
    if (!result.event) {
        refuse_step(result);
    }
    if (!wants_json(request)) {
        return redirect(request.version(), objective_path(person, objective) + "?lagret=ja");
    }
    const auto record = load_learning_record(s, context);
    const auto* p = record.find_objective(objective);
    auto response = json_response(http::status::created, request.version(),
                                  json::object{{"event_id", result.event->id},
                                               {"kind", domain::to_string(kind)},
                                               {"objective", objective_progress_json(*p)}});
    response.set(http::field::location, "/api/v1/people/" + std::to_string(person) + "/objectives");
    return response;
}

// The reason of a step from the form or JSON body (at most kMaxObjectiveReasonLength); throws
// 422 on the field when it is not text alis accepts.
std::string read_reason(FormInput& input) {
    const auto reason = input.multiline_text("reason", domain::kMaxObjectiveReasonLength);
    if (!input.ok()) {
        throw HttpError(http::status::unprocessable_entity, "invalid_reason",
                        "objectives.problem.bad_reason", "reason");
    }
    return *reason;
}

// A choice of the form or body among `kinds` (by their stored names), else 422 on `field`.
ObjectiveEventKind read_choice(FormInput& input, std::string_view field,
                               std::initializer_list<ObjectiveEventKind> kinds) {
    const auto text = input.text(field);
    for (const auto k : kinds) {
        if (text == domain::to_string(k)) {
            return k;
        }
    }
    throw HttpError(http::status::unprocessable_entity, "invalid_choice", "form.bad_choice",
                    std::string(field));
}

Response request_approval(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    return step(s, request, context, ObjectiveEventKind::requested, read_reason(input));
}

Response recall_request(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    return step(s, request, context, ObjectiveEventKind::recalled, read_reason(input));
}

Response give_advice(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    const auto kind = read_choice(
        input, "advice", {ObjectiveEventKind::recommended, ObjectiveEventKind::advised_against});
    return step(s, request, context, kind, read_reason(input));
}

Response decide(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    const auto kind = read_choice(input, "decision",
                                  {ObjectiveEventKind::approved, ObjectiveEventKind::rejected});
    return step(s, request, context, kind, read_reason(input));
}

Response reverse(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    return step(s, request, context, ObjectiveEventKind::reversed, read_reason(input));
}

// ---- Activities ----

json::object activity_form(Services& s, const RequestContext& context,
                           const app::LearningRecord& record, const FormInput& in) {
    const auto& t = s.catalogue;
    const auto kinds = domain::enum_names<domain::ActivityKind>();
    auto period = field(t, in, "service_period", "objectives.field_service_period");
    period["is_select"] = true;
    period["optional"] = true;
    json::array periods{json::object{
        {"value", ""}, {"label", t.text("objectives.no_period")}, {"selected", false}}};
    for (auto it = record.service_periods.rbegin(); it != record.service_periods.rend(); ++it) {
        const auto value = std::to_string(it->id);
        periods.push_back(json::object{
            {"value", value},
            {"label", t.format("objectives.period_label",
                               {{"arena", t.text("ledger.arena." +
                                                 std::string(domain::to_string(it->arena)))},
                                {"place", it->place},
                                {"from", it->starts_on.norwegian()}})},
            {"selected", in.text("service_period") == value}});
    }
    period["options"] = std::move(periods);
    json::array fields{
        select_field(t, in, "kind", "objectives.field_kind", "objectives.kind", kinds),
        date_field(t, in, "done_on", "objectives.field_done_on"), std::move(period),
        text_field(t, in, "title", "objectives.field_title"),
        textarea_field(t, in, "reflection", "objectives.field_reflection",
                       "objectives.field_reflection_hint")};
    json::array sections{section(t, "objectives.activity_legend", std::move(fields))};
    std::size_t i = 0;
    for (const auto& c : record.catalogues) {
        json::array boxes;
        for (const auto& p : c.objectives) {
            const auto id = kActivityObjectives.form_field(i++, "id");
            auto box = field(t, in, id, "objectives.field_objective");
            box["label"] = p.objective.code + " " + p.objective.title;
            box["is_checkbox"] = true;
            box["check_value"] = std::to_string(p.objective.id);
            box["checked"] = in.text(id) == std::to_string(p.objective.id);
            box["hint"] = nullptr;
            boxes.push_back(std::move(box));
        }
        auto group = section(
            t, "objectives.catalogue." + std::string(domain::to_string(c.edition.catalogue)),
            std::move(boxes));
        sections.push_back(std::move(group));
    }
    const auto person = record.person.id;
    return form_page(t, context, t.text("objectives.new_activity"),
                     t.format("objectives.activity_intro", {{"name", record.person.full_name}}),
                     activities_path(person) + "/ny", objectives_path(person),
                     "objectives.save_activity", std::move(sections));
}

Response activity_form_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    std::map<std::string, std::string> defaults{{"done_on", s.today().norwegian()}};
    // Coming from an objective's page: its box ticked.
    if (const auto chosen = parse_id(query_value(request, "maal"))) {
        std::size_t i = 0;
        for (const auto& c : record.catalogues) {
            for (const auto& p : c.objectives) {
                if (p.objective.id == *chosen) {
                    defaults[kActivityObjectives.form_field(i, "id")] = std::to_string(*chosen);
                }
                ++i;
            }
        }
    }
    const FormInput input(std::move(defaults));
    auto data = activity_form(s, context, record, input);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", s.catalogue.text("objectives.new_activity"),
                std::move(data));
}

Response record_activity(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    auto input = FormInput::from_request(request, {kActivityObjectives});
    app::ActivityInput a;
    const auto kind = domain::parse_enum<domain::ActivityKind>(input.text("kind"));
    if (!kind) {
        input.fail("kind", input.text("kind").empty() ? "form.required" : "form.bad_choice");
    }
    const auto done_on = input.required_date("done_on");
    const auto title = input.required_text("title", domain::kMaxActivityTitleLength);
    const auto reflection = input.multiline_text("reflection", domain::kMaxReflectionLength);
    if (!input.text("service_period").empty()) {
        a.service_period_id = parse_id(input.text("service_period"));
        if (!a.service_period_id) {
            input.fail("service_period", "form.bad_choice");
        }
    }
    for (std::size_t i = 0; i < input.row_count(kActivityObjectives); ++i) {
        const auto f = input.row_field(kActivityObjectives, i, "id");
        if (input.text(f).empty()) {
            continue;  // A box not ticked.
        }
        if (const auto id = parse_id(input.text(f))) {
            a.objective_ids.push_back(*id);
        } else {
            input.fail(f, "form.bad_choice");
        }
    }
    const auto form = [&] { return activity_form(s, context, record, input); };
    const std::string title_text = s.catalogue.text("objectives.new_activity");
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title_text, form);
    }
    a.kind = *kind;
    a.done_on = *done_on;
    a.title = *title;
    a.reflection = *reflection;
    auto result = app::record_activity(
        s.app, record.person.id, a, context.session->actor,
        audit_event(s, request, context, "learning_activity.recorded", "ok"), s.today());
    if (const auto* problem = std::get_if<app::LearningLogProblem>(&result)) {
        switch (*problem) {
            case app::LearningLogProblem::no_objectives:
                input.fail(input.rows_field(kActivityObjectives, "id"),
                           "objectives.problem.no_objectives");
                break;
            case app::LearningLogProblem::in_the_future:
                input.fail("done_on", "objectives.problem.in_the_future");
                break;
            case app::LearningLogProblem::unknown_service_period:
                input.fail("service_period", "form.bad_choice");
                break;
            default:
                input.fail(input.rows_field(kActivityObjectives, "id"), "form.bad_choice");
                break;
        }
        return refuse(s, request, context, input, "record_form", title_text, form);
    }
    const auto& added = std::get<domain::LearningActivity>(result);
    if (!wants_json(request)) {
        return redirect(request.version(), objectives_path(record.person.id) + "?lagret=aktivitet");
    }
    json::array objectives;
    for (const auto id : added.objective_ids) {
        objectives.push_back(id);
    }
    auto response = json_response(
        http::status::created, request.version(),
        json::object{{"id", added.id},
                     {"kind", domain::to_string(added.kind)},
                     {"done_on", added.done_on.iso()},
                     {"service_period_id",
                      added.service_period_id ? json::value(*added.service_period_id) : nullptr},
                     {"title", added.title},
                     {"reflection", added.reflection},
                     {"objective_ids", std::move(objectives)}});
    response.set(http::field::location,
                 "/api/v1/people/" + std::to_string(record.person.id) + "/activities");
    return response;
}

Response activities_api(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    json::array activities;
    for (const auto& a : record.activities) {
        json::array objectives;
        for (const auto id : a.objective_ids) {
            objectives.push_back(id);
        }
        json::value signature = nullptr;
        if (a.signature) {
            signature = json::object{{"signer", a.signature->signer_label},
                                     {"signed_at", a.signature->signed_at}};
        }
        json::array files;
        for (const auto& f : a.attachments) {
            files.push_back(attachment_json(record.person.id, a.id, f));
        }
        activities.push_back(
            json::object{{"id", a.id},
                         {"kind", domain::to_string(a.kind)},
                         {"done_on", a.done_on.iso()},
                         {"service_period_id",
                          a.service_period_id ? json::value(*a.service_period_id) : nullptr},
                         {"title", a.title},
                         {"reflection", a.reflection},
                         {"recorded_by", a.recorded_by},
                         {"objective_ids", std::move(objectives)},
                         {"signature", std::move(signature)},
                         {"attachments", std::move(files)}});
    }
    return json_response(
        http::status::ok, request.version(),
        json::object{{"person_id", record.person.id}, {"activities", std::move(activities)}});
}

// ---- Invitations of supervisører ----

json::object invitation_form(Services& s, const RequestContext& context,
                             const app::LearningRecord& record, const FormInput& in) {
    const auto& t = s.catalogue;
    auto email = text_field(t, in, "email", "objectives.field_email");
    email["inputmode"] = "email";
    email["autocomplete"] = "off";
    return form_page(
        t, context, t.text("objectives.invite_title"),
        t.format("objectives.invite_intro", {{"name", record.person.full_name}}),
        invitations_path(record.person.id), invitations_path(record.person.id),
        "objectives.invite_submit",
        json::array{section(
            t, "objectives.invite_legend",
            json::array{text_field(t, in, "name", "objectives.field_name"), std::move(email)})});
}

json::object invitation_json(const domain::ClinicalSupervisorInvitation& i) {
    return json::object{{"id", i.id},
                        {"email", i.email},
                        {"name", i.name},
                        {"invited_at", i.invited_at},
                        {"withdrawn_at", i.withdrawn_at ? json::value(*i.withdrawn_at) : nullptr}};
}

Response invitations_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    const auto& t = s.catalogue;
    const bool edit = also_allowed(context, app::Action::edit_learning_log, s.today());
    json::array rows;
    for (const auto& i : record.invitations) {
        json::object row{
            {"name", i.name},
            {"email", i.email},
            {"invited", instant_day(i.invited_at)},
            {"withdrawn", i.withdrawn_at ? json::value(instant_day(*i.withdrawn_at)) : nullptr}};
        if (edit && !i.withdrawn_at) {
            row["withdraw_url"] =
                invitations_path(record.person.id) + "/" + std::to_string(i.id) + "/trekk";
        }
        rows.push_back(std::move(row));
    }
    const auto title =
        t.format("objectives.invitations_title", {{"name", record.person.full_name}});
    json::object data{{"heading", title},
                      {"back_url", objectives_path(record.person.id)},
                      {"back", t.format("objectives.back", {{"name", record.person.full_name}})},
                      {"has_invitations", !rows.empty()},
                      {"invitations", std::move(rows)},
                      {"csrf_token", context.session->csrf_token}};
    if (edit) {
        const FormInput empty(std::map<std::string, std::string>{});
        data["form"] = invitation_form(s, context, record, empty);
    }
    const std::string saved = query_value(request, "lagret");
    if (saved == "invitert" || saved == "trukket") {
        data["saved"] = t.text("objectives.saved_" + saved);
    }
    return page(s, request, context, "invitations", title, std::move(data));
}

Response invitations_api(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    json::array rows;
    for (const auto& i : record.invitations) {
        rows.push_back(invitation_json(i));
    }
    return json_response(
        http::status::ok, request.version(),
        json::object{{"person_id", record.person.id}, {"clinical_supervisors", std::move(rows)}});
}

Response invite(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    auto input = FormInput::from_request(request);
    const auto name = input.required_text("name", domain::kMaxInvitationNameLength);
    const auto email = input.required_text("email", 254);
    if (email && !domain::is_email_address(*email)) {
        input.fail("email", "objectives.problem.bad_email");
    }
    const std::string title = s.catalogue.text("objectives.invite_title");
    const auto form = [&] { return invitation_form(s, context, record, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    auto result = app::invite_clinical_supervisor(
        s.app, record.person.id, *email, *name, context.session->actor,
        audit_event(s, request, context, "clinical_supervisor.invited", "ok"));
    if (const auto* problem = std::get_if<app::LearningLogProblem>(&result)) {
        input.fail("email", *problem == app::LearningLogProblem::own_address
                                ? "objectives.problem.own_address"
                                : "objectives.problem.already_invited");
        return refuse(s, request, context, input, "record_form", title, form);
    }
    if (!wants_json(request)) {
        return redirect(request.version(), invitations_path(record.person.id) + "?lagret=invitert");
    }
    auto response =
        json_response(http::status::created, request.version(),
                      invitation_json(std::get<domain::ClinicalSupervisorInvitation>(result)));
    response.set(http::field::location,
                 "/api/v1/people/" + std::to_string(record.person.id) + "/clinical-supervisors");
    return response;
}

Response withdraw(Services& s, const Request& request, RequestContext& context) {
    const auto person = context.id("person");
    const auto problem = app::withdraw_clinical_supervisor(
        s.app, person, context.id("invitation"),
        audit_event(s, request, context, "clinical_supervisor.withdrawn", "ok"));
    if (problem != app::LearningLogProblem::none) {
        not_found();
    }
    if (!wants_json(request)) {
        return redirect(request.version(), invitations_path(person) + "?lagret=trukket");
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"id", context.id("invitation")}, {"withdrawn", true}});
}

// ---- Sign-off ----

std::string sign_off_path(const std::string& token) {
    return "/signering/" + token;
}

Response request_sign_off(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_learning_record(s, context);
    const auto& t = s.catalogue;
    auto input = FormInput::from_request(request);
    const auto invitation = parse_id(input.text("invitation"));
    if (!invitation) {
        throw HttpError(http::status::unprocessable_entity, "invalid_choice", "form.bad_choice",
                        "invitation");
    }
    const auto base = public_origin(s, request);
    const auto expires = domain::Date::from_days(
        static_cast<std::int32_t>((s.now() + domain::kSignRequestSeconds) / 86400));
    std::string title;
    std::string day;
    for (const auto& a : record.activities) {
        if (a.id == context.id("activity")) {
            title = a.title;
            day = a.done_on.norwegian();
        }
    }
    const app::SignOffMail mail = [&](const std::string& token,
                                      const domain::ClinicalSupervisorInvitation& i) {
        domain::OutboxMail m;
        m.recipient = i.email;
        m.subject = t.text("objectives.sign_mail_subject");
        m.body = t.format("objectives.sign_mail_body", {{"name", i.name},
                                                        {"doctor", record.person.full_name},
                                                        {"title", title},
                                                        {"date", day},
                                                        {"link", base + sign_off_path(token)},
                                                        {"expires", expires.norwegian()}}) +
                 "\n";
        return m;
    };
    auto result = app::request_sign_off(
        s.app, record.person.id, context.id("activity"), *invitation, context.session->actor,
        audit_event(s, request, context, "activity.sign_off_requested", "ok"), s.now(), mail);
    if (const auto* problem = std::get_if<app::LearningLogProblem>(&result)) {
        switch (*problem) {
            case app::LearningLogProblem::already_signed:
                throw HttpError(http::status::conflict, "already_signed",
                                "objectives.problem.already_signed");
            case app::LearningLogProblem::unknown_invitation:
                throw HttpError(http::status::unprocessable_entity, "invalid_choice",
                                "form.bad_choice", "invitation");
            default:
                not_found();
        }
    }
    const auto& link = std::get<app::SignOffLink>(result);
    const std::string url = base + sign_off_path(link.token);
    if (wants_json(request)) {
        auto response = json_response(http::status::created, request.version(),
                                      json::object{{"id", link.request.id},
                                                   {"activity_id", link.request.activity_id},
                                                   {"email", link.request.email},
                                                   {"link", url},
                                                   {"expires_at", link.request.expires_at}});
        response.set(http::field::location,
                     "/api/v1/people/" + std::to_string(record.person.id) + "/activities");
        return response;
    }
    const auto heading = t.text("objectives.sign_link_title");
    return page(
        s, request, context, "sign_off_link", heading,
        json::object{{"heading", heading},
                     {"link", url},
                     {"email", link.request.email},
                     {"expires", expires.norwegian()},
                     {"back_url", objectives_path(record.person.id)},
                     {"back", t.format("objectives.back", {{"name", record.person.full_name}})}},
        http::status::created);
}

// ---- Files of activities ----

// The field a file is sent in, on the page's form and in the API.
constexpr std::string_view kFileField = "file";

Response attach_file(Services& s, const Request& request, RequestContext& context) {
    const auto person = context.id("person");
    const auto activity = context.id("activity");
    const auto parts = parse_multipart(request[http::field::content_type], request.body());
    if (!parts) {
        throw HttpError(http::status::unsupported_media_type, "unsupported_media_type",
                        "objectives.problem.not_multipart");
    }
    const auto* file = find_part(*parts, kFileField);
    auto result = app::attach_to_activity(
        s.app, person, activity, file ? std::string_view(file->filename) : std::string_view(),
        file ? file->body : std::string(), context.session->actor,
        audit_event(s, request, context, "activity.file_attached", "ok"));
    if (const auto* problem = std::get_if<app::LearningLogProblem>(&result)) {
        const auto invalid = [](const char* key) {
            throw HttpError(http::status::unprocessable_entity, "invalid_input",
                            std::string("objectives.problem.") + key, std::string(kFileField));
        };
        switch (*problem) {
            case app::LearningLogProblem::file_empty:
                invalid("file_empty");
                break;
            case app::LearningLogProblem::file_too_large:
                invalid("file_too_large");
                break;
            case app::LearningLogProblem::file_not_accepted:
                invalid("file_not_accepted");
                break;
            case app::LearningLogProblem::already_signed:
                throw HttpError(http::status::conflict, "already_signed",
                                "objectives.problem.already_signed");
            case app::LearningLogProblem::too_many_files:
                throw HttpError(http::status::conflict, "too_many_files",
                                "objectives.problem.too_many_files");
            default:
                not_found();
        }
    }
    const auto& kept = std::get<domain::Attachment>(result);
    if (!wants_json(request)) {
        return redirect(request.version(), objectives_path(person) + "?lagret=vedlegg");
    }
    auto body = attachment_json(person, activity, kept);
    const std::string url(body.at("url").as_string());
    auto response = json_response(http::status::created, request.version(), std::move(body));
    response.set(http::field::location, url);
    return response;
}

Response activity_file(Services& s, const Request& request, RequestContext& context) {
    return file_response(
        request, found(app::activity_attachment(s.app, context.id("person"), context.id("activity"),
                                                context.id("file"))));
}

Response sign_activity(Services& s, const Request& request, RequestContext& context) {
    const auto person = context.id("person");
    const auto problem =
        app::sign_off_activity(s.app, person, context.id("activity"), context.session->actor,
                               audit_event(s, request, context, "activity.signed", "ok"), s.now());
    if (problem == app::LearningLogProblem::already_signed) {
        throw HttpError(http::status::conflict, "already_signed",
                        "objectives.problem.already_signed");
    }
    if (problem != app::LearningLogProblem::none) {
        throw HttpError(http::status::conflict, "not_asked", "objectives.problem.not_asked");
    }
    if (!wants_json(request)) {
        return redirect(request.version(), objectives_path(person) + "?lagret=signert");
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"activity_id", context.id("activity")}, {"signed", true}});
}

// The page of a link: what it would sign and the form, or why it cannot.
Response link_page(Services& s, const Request& request, RequestContext& context,
                   const std::string& token, app::SignOffLinkState state, http::status status,
                   bool unconfirmed = false) {
    const auto& t = s.catalogue;
    json::object data{{"heading", t.text("objectives.sign_title")}};
    if (unconfirmed) {
        data["error"] = t.text("objectives.sign_unconfirmed");
    }
    const auto found = app::sign_off_link(s.app, token, s.now());
    if (state == app::SignOffLinkState::valid && found.state == app::SignOffLinkState::valid) {
        const auto& v = *found.view;
        std::string codes;
        for (const auto& c : v.objective_codes) {
            codes += (codes.empty() ? "" : ", ") + c;
        }
        data["form"] = json::object{
            {"action", sign_off_path(token)},
            {"intro", t.format("objectives.sign_intro",
                               {{"name", v.supervisor_name}, {"doctor", v.doctor_name}})},
            {"date", v.activity.done_on.norwegian()},
            {"kind", t.text("objectives.kind." + std::string(domain::to_string(v.activity.kind)))},
            {"title", v.activity.title},
            {"objectives", codes},
            {"email", v.request.email}};
    } else {
        const auto shown = state == app::SignOffLinkState::valid ? found.state : state;
        std::string reason = "unknown";
        switch (shown) {
            case app::SignOffLinkState::used:
                reason = "used";
                break;
            case app::SignOffLinkState::expired:
                reason = "expired";
                break;
            case app::SignOffLinkState::signed_already:
                reason = "signed_already";
                break;
            case app::SignOffLinkState::valid:
                reason = "done";
                break;
            case app::SignOffLinkState::unknown:
                break;
        }
        data["message"] = t.text("objectives.sign_state." + reason);
        data["done"] = reason == "done";
    }
    return page_with_form_token(s, request, context, "sign_off", t.text("objectives.sign_title"),
                                std::move(data), status);
}

http::status link_status(app::SignOffLinkState state) {
    switch (state) {
        case app::SignOffLinkState::valid:
            return http::status::ok;
        case app::SignOffLinkState::unknown:
            return http::status::not_found;
        case app::SignOffLinkState::used:
        case app::SignOffLinkState::expired:
            return http::status::gone;
        case app::SignOffLinkState::signed_already:
            break;
    }
    return http::status::conflict;
}

// A token is 64 hex digits; anything else is no link at all.
std::string link_token(const RequestContext& context) {
    const auto& token = context.params.at("token");
    const bool hex = token.size() == 64 && std::all_of(token.begin(), token.end(), [](char c) {
                         return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                     });
    return hex ? token : std::string();
}

Response sign_link_page(Services& s, const Request& request, RequestContext& context) {
    const auto token = link_token(context);
    const auto state = token.empty() ? app::SignOffLinkState::unknown
                                     : app::sign_off_link(s.app, token, s.now()).state;
    return link_page(s, request, context, token, state, link_status(state));
}

Response sign_by_link(Services& s, const Request& request, RequestContext& context) {
    const auto token = link_token(context);
    if (token.empty()) {
        return link_page(s, request, context, token, app::SignOffLinkState::unknown,
                         http::status::not_found);
    }
    auto input = FormInput::from_request(request);
    if (!input.flag("seen")) {
        return link_page(s, request, context, token, app::SignOffLinkState::valid,
                         http::status::unprocessable_entity, true);
    }
    auto audit = audit_event(s, request, context, "activity.signed_by_link", "ok");
    const auto state = app::sign_off_by_link(s.app, token, audit, s.now());
    if (state != app::SignOffLinkState::valid) {
        return link_page(s, request, context, token, state, link_status(state));
    }
    json::object data{{"heading", s.catalogue.text("objectives.sign_title")},
                      {"message", s.catalogue.text("objectives.sign_state.done")},
                      {"done", true}};
    return page(s, request, context, "sign_off", s.catalogue.text("objectives.sign_title"),
                std::move(data));
}

// ---- The approval queue ----

Response queue_page(Services& s, const Request& request, RequestContext& context) {
    const auto m = found(app::find_municipality(s.app, context.params.at("number")));
    const auto& t = s.catalogue;
    json::array rows;
    for (const auto& q : app::approval_queue(s.app, m.number, s.today())) {
        rows.push_back(json::object{
            {"name", q.person_name},
            {"objective", q.objective_code + " " + q.objective_title},
            {"url", objective_path(q.person_id, q.objective_id)},
            {"requested", instant_day(q.requested_at)},
            {"days", q.days_waiting},
            {"consulted",
             t.text(q.consulted ? "objectives.queue_consulted" : "objectives.queue_not_consulted")},
            {"ready", q.consulted}});
    }
    const auto title = t.format("objectives.queue_title", {{"name", m.name}});
    json::object data{{"heading", title},
                      {"has_requests", !rows.empty()},
                      {"requests", std::move(rows)},
                      {"overview_url", "/kommuner/" + m.number + "/oversikt"}};
    return page(s, request, context, "approval_queue", title, std::move(data));
}

Response queue_api(Services& s, const Request& request, RequestContext& context) {
    const auto& number = context.params.at("number");
    found(app::find_municipality(s.app, number));
    json::array rows;
    for (const auto& q : app::approval_queue(s.app, number, s.today())) {
        rows.push_back(json::object{{"person_id", q.person_id},
                                    {"name", q.person_name},
                                    {"objective_id", q.objective_id},
                                    {"code", q.objective_code},
                                    {"title", q.objective_title},
                                    {"requested_at", q.requested_at},
                                    {"days_waiting", q.days_waiting},
                                    {"consulted", q.consulted}});
    }
    return json_response(
        http::status::ok, request.version(),
        json::object{
            {"municipality", number}, {"as_of", s.today().iso()}, {"requests", std::move(rows)}});
}

}  // namespace

void register_learning_log_routes(Routes& routes) {
    const RouteAccess kRead{app::Action::read_learning_log, ResourceFrom::person_param};
    const RouteAccess kEdit{app::Action::edit_learning_log, ResourceFrom::person_param};
    const RouteAccess kAdvise{app::Action::advise_on_objective, ResourceFrom::person_param};
    const RouteAccess kDecide{app::Action::approve_objective, ResourceFrom::person_param};
    const RouteAccess kQueue{app::Action::view_municipality, ResourceFrom::municipality_param};
    using http::verb;
    const std::string page = "/personer/{person:id}/laeringsmaal";
    const std::string objective = page + "/{objective:id}";
    routes.add(verb::get, page, kRead, progress_page);
    routes.add(verb::get, page + ".csv", kRead, progress_csv);
    routes.add(verb::get, page + ".xlsx", kRead, progress_xlsx);
    routes.add(verb::get, objective, kRead, objective_page);
    routes.add(verb::post, objective + "/be-om-godkjenning", kEdit, request_approval);
    routes.add(verb::post, objective + "/trekk-tilbake", kEdit, recall_request);
    routes.add(verb::post, objective + "/rad", kAdvise, give_advice);
    routes.add(verb::post, objective + "/avgjorelse", kDecide, decide);
    routes.add(verb::post, objective + "/omgjor", kDecide, reverse);
    routes.add(verb::get, "/personer/{person:id}/aktiviteter/ny", kEdit, activity_form_page);
    routes.add(verb::post, "/personer/{person:id}/aktiviteter/ny", kEdit, record_activity);
    routes.add(verb::get, "/personer/{person:id}/supervisorer", kRead, invitations_page);
    routes.add(verb::post, "/personer/{person:id}/supervisorer", kEdit, invite);
    routes.add(verb::post, "/personer/{person:id}/supervisorer/{invitation:id}/trekk", kEdit,
               withdraw);
    routes.add(verb::get, "/kommuner/{number}/godkjenninger", kQueue, queue_page);
    const RouteAccess kSign{app::Action::sign_off_activity, ResourceFrom::activity_param};
    const RouteAccess kPublic{app::Action::view_public};
    routes.add(verb::post, "/personer/{person:id}/aktiviteter/{activity:id}/signering", kEdit,
               request_sign_off);
    routes.add(verb::post, "/personer/{person:id}/aktiviteter/{activity:id}/signer", kSign,
               sign_activity);
    routes.add(verb::post, "/personer/{person:id}/aktiviteter/{activity:id}/vedlegg", kEdit,
               attach_file, kUploadBodyLimit);
    routes.add(verb::get, "/personer/{person:id}/aktiviteter/{activity:id}/vedlegg/{file:id}",
               kRead, activity_file);
    routes.add(verb::get, "/signering/{token}", kPublic, sign_link_page);
    routes.add(verb::post, "/signering/{token}", kPublic, sign_by_link);

    const std::string api = "/api/v1/people/{person:id}";
    const std::string api_objective = api + "/objectives/{objective:id}";
    routes.add(verb::get, api + "/objectives", kRead, progress_api);
    routes.add(verb::post, api_objective + "/request", kEdit, request_approval);
    routes.add(verb::post, api_objective + "/recall", kEdit, recall_request);
    routes.add(verb::post, api_objective + "/advice", kAdvise, give_advice);
    routes.add(verb::post, api_objective + "/decision", kDecide, decide);
    routes.add(verb::post, api_objective + "/reversal", kDecide, reverse);
    routes.add(verb::get, api + "/activities", kRead, activities_api);
    routes.add(verb::post, api + "/activities", kEdit, record_activity);
    routes.add(verb::post, api + "/activities/{activity:id}/sign-requests", kEdit,
               request_sign_off);
    routes.add(verb::post, api + "/activities/{activity:id}/signature", kSign, sign_activity);
    routes.add(verb::post, api + "/activities/{activity:id}/attachments", kEdit, attach_file,
               kUploadBodyLimit);
    routes.add(verb::get, api + "/activities/{activity:id}/attachments/{file:id}", kRead,
               activity_file);
    routes.add(verb::get, api + "/clinical-supervisors", kRead, invitations_api);
    routes.add(verb::post, api + "/clinical-supervisors", kEdit, invite);
    routes.add(verb::post, api + "/clinical-supervisors/{invitation:id}/withdrawal", kEdit,
               withdraw);
    routes.add(verb::get, "/api/v1/municipalities/{number}/objective-requests", kQueue, queue_api);
}

}  // namespace alis::web
