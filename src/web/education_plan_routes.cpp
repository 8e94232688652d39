// The individual education plan of a trainee (journey 4): the plan page with the plan beside the
// actual path and the ledger projected on the plan, the revision form, the print view, and the
// JSON API. Reading needs read_person (audited by the pipeline); revising needs
// edit_education_plan. Both are decided by the central policy before these handlers run.
//
// The revision form has fixed rows of planned periods (period_1_arena, period_1_place,
// period_1_from, period_1_to, period_1_fte, ... up to domain::kMaxPlannedPeriods); rows left empty
// are ignored, and "Legg til en periode" re-renders the form with one more row (no JavaScript).
// The JSON API takes the periods as an array `periods: [{arena, place, from, to, fte}]`; its
// field errors name them `periods[0].from`.
#include <boost/json.hpp>

#include <algorithm>

#include "app/auth.hpp"
#include "app/education_plan.hpp"
#include "app/policy.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/ledger_view.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;
using domain::Date;
using domain::PlanChange;
using domain::PlannedPeriod;

constexpr std::size_t kPlaceMax = 200;
constexpr std::size_t kSupervisionGroupMax = 1000;
constexpr std::size_t kCoursesMax = 4000;
constexpr std::size_t kNextMonthsMax = 8000;
constexpr std::size_t kNoteMax = 2000;
// Empty rows the form offers below the plan's periods, and the fewest rows it shows.
constexpr std::size_t kSpareRows = 2;
constexpr std::size_t kMinRows = 3;

// The arenas a plan can hold: those whose service counts.
std::vector<std::string_view> counting_arena_names() {
    std::vector<std::string_view> names;
    for (const auto arena : domain::kCountingArenas) {
        names.push_back(domain::to_string(arena));
    }
    return names;
}
const std::vector<std::string_view> kArenas = counting_arena_names();
const char* const kPeriodFields[] = {"arena", "place", "from", "to", "fte"};

std::int64_t person_id_of(const RequestContext& context) {
    const auto id = parse_id(context.params.at("person"));
    if (!id) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    return *id;
}

domain::Person load_person(Services& s, const RequestContext& context) {
    auto person = app::find_person(s.app, person_id_of(context));
    if (!person) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    return std::move(*person);
}

std::string plan_url(std::int64_t person) {
    return "/personer/" + std::to_string(person) + "/utdanningsplan";
}

// The name of a field of planned period `index` (from 0): period_1_from in forms,
// periods[0].from in JSON.
std::string period_field(bool from_json, std::size_t index, std::string_view name) {
    if (from_json) {
        return "periods[" + std::to_string(index) + "]." + std::string(name);
    }
    return "period_" + std::to_string(index + 1) + "_" + std::string(name);
}

std::string arena_label(const Catalogue& t, domain::Arena arena) {
    return t.text("ledger.arena." + std::string(domain::to_string(arena)));
}

// A JSON scalar as form text; nullopt for arrays and objects.
std::optional<std::string> scalar_text(const json::value& value) {
    switch (value.kind()) {
        case json::kind::string:
            return std::string(value.get_string());
        case json::kind::bool_:
            return value.get_bool() ? "true" : "false";
        case json::kind::null:
            return std::string();
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_:
            return json::serialize(value);
        default:
            return std::nullopt;
    }
}

// The input of a revision. A form post is read as it is; a JSON body's `periods` array is
// flattened to periods[i].name fields. `period_count` is how many period rows to read.
FormInput revision_input(const Request& request, std::size_t& period_count) {
    if (!std::string_view(request[http::field::content_type]).starts_with("application/json")) {
        period_count = domain::kMaxPlannedPeriods;
        return FormInput::from_request(request);
    }
    json::value body;
    try {
        body = json::parse(request.body());
    } catch (const std::exception&) {
        throw HttpError(http::status::bad_request, "bad_json", "error.bad_json");
    }
    if (!body.is_object()) {
        throw HttpError(http::status::bad_request, "bad_json", "error.bad_json");
    }
    std::map<std::string, std::string> fields;
    period_count = 0;
    for (const auto& [key, value] : body.get_object()) {
        if (key == "periods" && value.is_array()) {
            const auto& periods = value.get_array();
            if (periods.size() > domain::kMaxPlannedPeriods) {
                throw HttpError(http::status::unprocessable_entity, "invalid_input",
                                "plan.too_many_periods", "periods");
            }
            period_count = periods.size();
            for (std::size_t i = 0; i < periods.size(); ++i) {
                if (!periods[i].is_object()) {
                    throw HttpError(http::status::unprocessable_entity, "invalid_input",
                                    "form.not_a_value", period_field(true, i, ""));
                }
                for (const auto& [name, field] : periods[i].get_object()) {
                    const auto text = scalar_text(field);
                    if (!text) {
                        throw HttpError(http::status::unprocessable_entity, "invalid_input",
                                        "form.not_a_value", period_field(true, i, name));
                    }
                    fields.emplace(period_field(true, i, name), *text);
                }
            }
            continue;
        }
        const auto text = scalar_text(value);
        if (!text) {
            throw HttpError(http::status::unprocessable_entity, "invalid_input", "form.not_a_value",
                            std::string(key));
        }
        fields.emplace(std::string(key), *text);
    }
    return FormInput(std::move(fields), true);
}

struct RevisionDraft {
    domain::EducationPlan plan;
    std::string note;
};

// Reads and checks a revision; every broken rule is recorded in `input` next to its field.
RevisionDraft read_revision(FormInput& input, std::size_t period_count) {
    RevisionDraft draft;
    const bool from_json = input.from_json();
    std::vector<std::size_t> row_of_period;  // The input row of each accepted period.
    bool rows_ok = true;
    for (std::size_t i = 0; i < period_count; ++i) {
        auto field = [&](std::string_view name) { return period_field(from_json, i, name); };
        const bool used = std::any_of(std::begin(kPeriodFields), std::end(kPeriodFields),
                                      [&](const char* name) { return input.present(field(name)); });
        if (!used) {
            continue;
        }
        const auto arena = input.required_choice(field("arena"), kArenas);
        const auto place = input.required_text(field("place"), kPlaceMax);
        const auto from = input.required_date(field("from"));
        const auto to = input.required_date(field("to"));
        const auto fte = input.required_int(field("fte"), 1, 100);
        if (from && to && *to < *from) {
            input.fail(field("to"), "plan.to_before_from", {{"from", from->norwegian()}});
            rows_ok = false;
            continue;
        }
        if (!arena || !place || !from || !to || !fte) {
            rows_ok = false;
            continue;
        }
        draft.plan.periods.push_back(
            {*domain::parse_enum<domain::Arena>(*arena), *place, *from, *to, *fte});
        row_of_period.push_back(i);
    }
    if (rows_ok && draft.plan.periods.empty()) {
        input.fail(from_json ? "periods" : period_field(false, 0, "arena"),
                   "plan.no_periods_error");
    }
    if (rows_ok) {
        if (const auto overlap = domain::first_overlap_over_100(draft.plan.periods)) {
            input.fail(period_field(from_json, row_of_period[overlap->period], "fte"),
                       "plan.over_100",
                       {{"date", overlap->day.norwegian()}, {"total", overlap->total_fte}});
        }
    }
    draft.plan.supervision_group =
        input.multiline_text("supervision_group", kSupervisionGroupMax).value_or("");
    draft.plan.courses = input.multiline_text("courses", kCoursesMax).value_or("");
    draft.plan.next_months = input.multiline_text("next_months", kNextMonthsMax).value_or("");
    draft.note = input.multiline_text("note", kNoteMax).value_or("");
    return draft;
}

// A planned period for people: "Institusjonstjeneste, Haukeland, 01.01.2028–30.06.2028, 100 %".
std::string period_text(const Catalogue& t, const PlannedPeriod& p) {
    return t.format("plan.period_text", {{"arena", arena_label(t, p.arena)},
                                         {"place", p.place},
                                         {"from", p.from.norwegian()},
                                         {"to", p.to.norwegian()},
                                         {"fte", p.fte}});
}

std::string change_kind_name(PlanChange::Kind kind) {
    switch (kind) {
        case PlanChange::Kind::created:
            return "created";
        case PlanChange::Kind::period_added:
            return "period_added";
        case PlanChange::Kind::period_removed:
            return "period_removed";
        case PlanChange::Kind::supervision_group:
            return "supervision_group";
        case PlanChange::Kind::courses:
            return "courses";
        case PlanChange::Kind::next_months:
            return "next_months";
    }
    return "created";
}

json::object period_json(const PlannedPeriod& p) {
    return {{"arena", std::string(domain::to_string(p.arena))},
            {"place", p.place},
            {"from", p.from.iso()},
            {"to", p.to.iso()},
            {"fte", p.fte}};
}

json::object revision_json(const domain::EducationPlanRevision& r,
                           const std::vector<PlanChange>& changes) {
    json::array periods;
    for (const auto& p : r.plan.periods) {
        periods.push_back(period_json(p));
    }
    json::array change_list;
    for (const auto& c : changes) {
        json::object item{{"kind", change_kind_name(c.kind)}};
        if (c.period) {
            item["period"] = period_json(*c.period);
        }
        change_list.push_back(std::move(item));
    }
    return {{"id", r.id},
            {"number", r.number},
            {"revised_at", r.revised_at},
            {"revised_on", r.revised_on.iso()},
            {"author",
             json::object{{"account_id",
                           r.author_account_id ? json::value(*r.author_account_id) : json::value()},
                          {"label", r.author_label}}},
            {"note", r.note},
            {"plan", json::object{{"periods", std::move(periods)},
                                  {"supervision_group", r.plan.supervision_group},
                                  {"courses", r.plan.courses},
                                  {"next_months", r.plan.next_months}}},
            {"changes", std::move(change_list)}};
}

// Each revision with what changed from the one before it, oldest first.
std::vector<std::pair<domain::EducationPlanRevision, std::vector<PlanChange>>> history_of(
    Services& s, std::int64_t person) {
    std::vector<std::pair<domain::EducationPlanRevision, std::vector<PlanChange>>> history;
    std::optional<domain::EducationPlan> previous;
    for (auto& r : app::education_plan_revisions(s.app, person)) {
        auto changes = domain::plan_changes(previous, r.plan);
        previous = r.plan;
        history.emplace_back(std::move(r), std::move(changes));
    }
    return history;
}

json::array history_view(const Catalogue& t, Services& s, std::int64_t person) {
    json::array items;
    auto history = history_of(s, person);
    std::reverse(history.begin(), history.end());  // Newest first.
    for (const auto& [r, changes] : history) {
        json::array lines;
        for (const auto& c : changes) {
            const std::string key = "plan.change." + change_kind_name(c.kind);
            lines.push_back(json::value(
                c.period ? t.format(key, {{"period", period_text(t, *c.period)}}) : t.text(key)));
        }
        if (lines.empty()) {
            lines.push_back(json::value(t.text("plan.change.none")));
        }
        items.push_back(json::object{
            {"heading", t.format("plan.revision_heading",
                                 {{"number", r.number}, {"date", r.revised_on.norwegian()}})},
            {"author",
             t.format("plan.revised_by", {{"author", r.author_label}, {"at", r.revised_at}})},
            {"changes", std::move(lines)},
            {"note", r.note},
            {"has_note", !r.note.empty()}});
    }
    return items;
}

json::array planned_periods_view(const Catalogue& t, const domain::EducationPlan& plan,
                                 Date today) {
    json::array rows;
    for (const auto& p : plan.periods) {
        rows.push_back(json::object{{"arena", arena_label(t, p.arena)},
                                    {"place", p.place},
                                    {"from", p.from.norwegian()},
                                    {"to", p.to.norwegian()},
                                    {"fte", std::to_string(p.fte) + " %"},
                                    {"past", p.to <= today}});
    }
    return rows;
}

json::array actual_periods_view(const Catalogue& t, const domain::TrainingPath& path) {
    json::array rows;
    for (const auto& p : path.periods) {
        rows.push_back(
            json::object{{"arena", arena_label(t, p.arena)},
                         {"from", p.from.norwegian()},
                         {"to", p.to ? p.to->norwegian() : t.text("ledger.ongoing")},
                         {"fte", p.arena == domain::Arena::leave
                                     ? std::string("–")
                                     : std::to_string(p.fte / (domain::kFullTime / 100)) + " %"}});
    }
    return rows;
}

std::string projection_text(const Catalogue& t, const domain::LedgerReport& report) {
    if (!report.projected_completion) {
        return t.text("plan.projection_never");
    }
    return t.format(report.complete ? "ledger.completed_on" : "plan.projection_date",
                    {{"date", report.projected_completion->norwegian()}});
}

// What the plan page and the print view show.
json::object plan_view(Services& s, const RequestContext& context, const domain::Person& person) {
    const auto& t = s.catalogue;
    const Date today = s.today();
    const auto projection = app::education_plan_projection(s.app, person.id, today);
    if (!projection) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    const auto resource = app::person_resource(s.app, person.id, today);
    const bool can_edit =
        context.session && app::decide(context.session->actor, app::Action::edit_education_plan,
                                       resource, today) == app::Decision::allow;
    json::object data{{"heading", t.format("plan.title", {{"name", person.full_name}})},
                      {"name", person.full_name},
                      {"person_url", "/personer/" + std::to_string(person.id)},
                      {"revise_url", plan_url(person.id) + "/revider"},
                      {"print_url", plan_url(person.id) + "/utskrift"},
                      {"plan_url", plan_url(person.id)},
                      {"can_edit", can_edit},
                      {"has_plan", projection->current.has_value()},
                      {"today", today.norwegian()},
                      {"actual_periods", actual_periods_view(t, projection->actual.path)},
                      {"has_actual_periods", !projection->actual.path.periods.empty()},
                      {"actual_projection", projection_text(t, projection->actual.report)}};
    json::array years;
    for (const auto& y : projection->years) {
        json::object row{{"year", y.year}};
        for (std::size_t a = 0; a < domain::kCountingArenaCount; ++a) {
            const std::string arena(domain::to_string(domain::kCountingArenas[a]));
            row["planned_" + arena] = domain::norwegian_months(y.planned[a]);
            row["actual_" + arena] = domain::norwegian_months(y.actual[a]);
        }
        years.push_back(std::move(row));
    }
    data["has_years"] = !years.empty();
    data["years"] = std::move(years);
    if (!projection->current) {
        return data;
    }
    const auto& current = *projection->current;
    const Date due = *projection->revision_due;
    data["revision_line"] =
        t.format("plan.current_revision", {{"number", current.number},
                                           {"date", current.revised_on.norwegian()},
                                           {"author", current.author_label}});
    data["overdue"] = due <= today;
    data["due_line"] = t.format(due <= today ? "plan.revision_overdue" : "plan.revision_due",
                                {{"date", due.norwegian()}});
    data["periods"] = planned_periods_view(t, current.plan, today);
    data["supervision_group"] = current.plan.supervision_group;
    data["courses"] = current.plan.courses;
    data["next_months"] = current.plan.next_months;
    data["plan_projection"] = projection_text(t, projection->on_plan->report);
    const auto& end = projection->at_plan_end ? *projection->at_plan_end : *projection->on_plan;
    auto end_view = ledger_view(end, t);
    data["requirements"] = end_view["requirements"];
    data["requirements_heading"] =
        t.format("plan.requirements_at", {{"date", end.report.as_of.norwegian()}});
    data["history"] = history_view(t, s, person.id);
    return data;
}

Response plan_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    auto data = plan_view(s, context, person);
    if (query_value(request, "lagret") == "1") {
        data["saved"] = s.catalogue.text("plan.saved");
    }
    return page(s, request, context, "education_plan", s.catalogue.text("plan.page_title"),
                std::move(data));
}

Response print_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    return page(s, request, context, "education_plan_print",
                s.catalogue.format("plan.print_title", {{"name", person.full_name}}),
                plan_view(s, context, person));
}

// The form's fields prefilled from a plan (dates as users write them).
FormInput input_from_plan(const std::optional<domain::EducationPlanRevision>& current) {
    std::map<std::string, std::string> fields;
    if (current) {
        const auto& plan = current->plan;
        for (std::size_t i = 0; i < plan.periods.size(); ++i) {
            const auto& p = plan.periods[i];
            fields[period_field(false, i, "arena")] = std::string(domain::to_string(p.arena));
            fields[period_field(false, i, "place")] = p.place;
            fields[period_field(false, i, "from")] = p.from.norwegian();
            fields[period_field(false, i, "to")] = p.to.norwegian();
            fields[period_field(false, i, "fte")] = std::to_string(p.fte);
        }
        fields["supervision_group"] = plan.supervision_group;
        fields["courses"] = plan.courses;
        fields["next_months"] = plan.next_months;
    }
    return FormInput(std::move(fields));
}

// How many rows the form shows for `input`: every row holding something, the rows the last
// rendering showed, `extra` more, and at least kMinRows.
std::size_t rows_for(const FormInput& input, std::size_t extra) {
    std::size_t rows = kMinRows;
    for (std::size_t i = 0; i < domain::kMaxPlannedPeriods; ++i) {
        for (const char* name : kPeriodFields) {
            if (input.present(period_field(false, i, name))) {
                rows = std::max(rows, i + 1);
            }
        }
    }
    const std::string shown = input.text("rows");
    if (!shown.empty() && shown.size() <= 2 &&
        std::all_of(shown.begin(), shown.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        rows = std::max<std::size_t>(rows, std::stoul(shown));
    }
    return std::min(rows + extra, domain::kMaxPlannedPeriods);
}

// One input of the form: its id, what it holds, and its error or false. The error is always set,
// so that {{#error}} never finds the page's own `error` object further up the context.
json::object field_data(const json::object& errors, const std::string& field, std::string value) {
    json::object f{{"id", field}, {"value", std::move(value)}, {"error", false}};
    if (const auto* error = errors.if_contains(field)) {
        f["error"] = *error;
    }
    return f;
}

json::object form_data(Services& s, const RequestContext& context, const domain::Person& person,
                       const FormInput& input, std::size_t rows) {
    const auto& t = s.catalogue;
    json::object state;
    add_form_state(t, input, state);
    const auto& errors = state["error"].as_object();
    json::array period_rows;
    for (std::size_t i = 0; i < rows; ++i) {
        json::object row{{"number", i + 1},
                         {"legend", t.format("plan.period_legend", {{"number", i + 1}})}};
        for (const char* name : kPeriodFields) {
            const std::string field = period_field(false, i, name);
            row[name] = field_data(errors, field, input.text(field));
        }
        json::array options;
        options.push_back(
            json::object{{"value", ""},
                         {"label", t.text("plan.choose_arena")},
                         {"selected", input.text(period_field(false, i, "arena")).empty()}});
        for (auto& option : select_options(t, "ledger.arena", kArenas,
                                           input.text(period_field(false, i, "arena")))) {
            options.push_back(std::move(option));
        }
        row["arena_options"] = std::move(options);
        period_rows.push_back(std::move(row));
    }
    json::object data{{"heading", t.format("plan.revise_title", {{"name", person.full_name}})},
                      {"action", plan_url(person.id) + "/revider"},
                      {"plan_url", plan_url(person.id)},
                      {"csrf_token", context.session ? context.session->csrf_token : ""},
                      {"rows", rows},
                      {"can_add_row", rows < domain::kMaxPlannedPeriods},
                      {"period_rows", std::move(period_rows)}};
    for (const char* name : {"supervision_group", "courses", "next_months", "note"}) {
        data[name] = field_data(errors, name, input.text(name));
    }
    return data;
}

Response revise_form(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    // The form shows the plan: a read of the person's record, audited like one.
    audit_reads(s, request, context, {person.id});
    const auto input = input_from_plan(app::current_education_plan(s.app, person.id));
    const auto rows = rows_for(input, kSpareRows);
    return page(s, request, context, "education_plan_form",
                s.catalogue.text("plan.revise_page_title"),
                form_data(s, context, person, input, rows));
}

Response revise(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    std::size_t period_count = 0;
    auto input = revision_input(request, period_count);
    const std::string title = s.catalogue.text("plan.revise_page_title");
    if (!input.from_json() && input.present("add_row")) {
        return page(s, request, context, "education_plan_form", title,
                    form_data(s, context, person, input, rows_for(input, 1)));
    }
    auto draft = read_revision(input, period_count);
    if (!input.ok()) {
        if (input.from_json()) {
            return invalid_json(s, request, context, input);
        }
        const auto rows = rows_for(input, 0);
        auto data = form_data(s, context, person, input, rows);
        add_form_state(s.catalogue, input, data);
        return page(s, request, context, "education_plan_form",
                    s.catalogue.format("form.title_with_errors", {{"title", title}}),
                    std::move(data), http::status::unprocessable_entity);
    }
    const auto& actor = context.session->actor;
    domain::EducationPlanRevision revision;
    revision.person_id = person.id;
    revision.revised_at = app::utc_iso(s.now());
    revision.revised_on = s.today();
    revision.author_account_id = actor.account_id;
    revision.author_label = actor.display_name + " (" + actor.email + ")";
    revision.plan = std::move(draft.plan);
    revision.note = std::move(draft.note);
    const auto previous = app::current_education_plan(s.app, person.id);
    auto stored = app::revise_education_plan(
        s.app, std::move(revision),
        audit_event(s, request, context, "education_plan.revised", "ok"));
    if (!input.from_json()) {
        return redirect(request.version(), plan_url(person.id) + "?lagret=1");
    }
    const auto changes =
        domain::plan_changes(previous ? std::optional(previous->plan) : std::nullopt, stored.plan);
    auto response =
        json_response(http::status::created, request.version(), revision_json(stored, changes));
    // As every write of the API: Location is the person's record.
    response.set(http::field::location, "/api/v1/people/" + std::to_string(person.id));
    return response;
}

Response plan_api(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const Date today = s.today();
    const auto projection = app::education_plan_projection(s.app, person.id, today);
    if (!projection) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    json::object body{{"person", person.id}, {"as_of", today.iso()}};
    auto date_or_null = [](const std::optional<Date>& d) {
        return d ? json::value(d->iso()) : json::value();
    };
    body["plan"] = json::value();
    body["revision_due"] = date_or_null(projection->revision_due);
    body["revision_overdue"] = projection->revision_due && *projection->revision_due <= today;
    body["projected_completion_without_plan"] =
        date_or_null(projection->actual.report.projected_completion);
    body["projected_completion"] = json::value();
    body["at_plan_end"] = json::value();
    if (projection->current) {
        const auto history = history_of(s, person.id);
        body["plan"] = revision_json(*projection->current, history.back().second);
        body["projected_completion"] =
            date_or_null(projection->on_plan->report.projected_completion);
        body["ledger_on_plan"] = json::parse(domain::report_json(projection->on_plan->report));
        if (projection->at_plan_end) {
            body["at_plan_end"] = json::parse(domain::report_json(projection->at_plan_end->report));
        }
    }
    json::array years;
    for (const auto& y : projection->years) {
        json::object planned;
        json::object actual;
        for (std::size_t a = 0; a < domain::kCountingArenaCount; ++a) {
            const std::string arena(domain::to_string(domain::kCountingArenas[a]));
            planned[arena] = json::parse(domain::format_months(y.planned[a]));
            actual[arena] = json::parse(domain::format_months(y.actual[a]));
        }
        years.push_back(json::object{
            {"year", y.year}, {"planned", std::move(planned)}, {"actual", std::move(actual)}});
    }
    body["years"] = std::move(years);
    return json_response(http::status::ok, request.version(), body);
}

Response revisions_api(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    json::array revisions;
    for (const auto& [r, changes] : history_of(s, person.id)) {
        revisions.push_back(revision_json(r, changes));
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"person", person.id}, {"revisions", std::move(revisions)}});
}

}  // namespace

void register_education_plan_routes(Router& router, Services& services) {
    Services* s = &services;
    const RouteAccess kRead{app::Action::read_person, ResourceFrom::person_param};
    const RouteAccess kEdit{app::Action::edit_education_plan, ResourceFrom::person_param};
    auto handler = [s](Response (*f)(Services&, const Request&, RequestContext&)) {
        return [s, f](const Request& r, RequestContext& c) { return f(*s, r, c); };
    };
    router.add(http::verb::get, "/personer/{person}/utdanningsplan", kRead, handler(plan_page));
    router.add(http::verb::get, "/personer/{person}/utdanningsplan/utskrift", kRead,
               handler(print_page));
    router.add(http::verb::get, "/personer/{person}/utdanningsplan/revider", kEdit,
               handler(revise_form));
    router.add(http::verb::post, "/personer/{person}/utdanningsplan/revider", kEdit,
               handler(revise));
    router.add(http::verb::get, "/api/v1/people/{person}/education-plan", kRead, handler(plan_api));
    router.add(http::verb::get, "/api/v1/people/{person}/education-plan/revisions", kRead,
               handler(revisions_api));
    router.add(http::verb::post, "/api/v1/people/{person}/education-plan/revisions", kEdit,
               handler(revise));
}

}  // namespace alis::web
