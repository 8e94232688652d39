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

const std::vector<std::string_view> kArenas = {"open_general_practice", "other_general_practice",
                                               "institution"};
const char* const kPeriodFields[] = {"arena", "place", "from", "to", "fte"};

store::Person load_person(Services& s, const RequestContext& context) {
    return found(s.store.person(context.id("person")));
}

std::string plan_url(std::int64_t person) {
    return "/personer/" + std::to_string(person) + "/utdanningsplan";
}

// The planned periods: `periods: [{arena, place, from, to, fte}]` in JSON, period_1_arena ... in
// the form.
const FieldRows kPeriods{"periods", "period", domain::kMaxPlannedPeriods, "plan.too_many_periods"};

std::string arena_label(const Catalogue& t, domain::Arena arena) {
    return t.text("ledger.arena." + std::string(domain::arena_name(arena)));
}

struct RevisionDraft {
    domain::EducationPlan plan;
    std::string note;
};

// Reads and checks a revision; every broken rule is recorded in `input` next to its field.
RevisionDraft read_revision(FormInput& input) {
    RevisionDraft draft;
    std::vector<std::size_t> row_of_period;  // The input row of each accepted period.
    bool rows_ok = true;
    for (std::size_t i = 0; i < input.row_count(kPeriods); ++i) {
        auto field = [&](std::string_view name) { return input.row_field(kPeriods, i, name); };
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
        draft.plan.periods.push_back({*domain::parse_arena(*arena), *place, *from, *to, *fte});
        row_of_period.push_back(i);
    }
    if (rows_ok && draft.plan.periods.empty()) {
        input.fail(input.rows_field(kPeriods, "arena"), "plan.no_periods_error");
    }
    if (rows_ok) {
        if (const auto overlap = domain::first_overlap_over_100(draft.plan.periods)) {
            input.fail(input.row_field(kPeriods, row_of_period[overlap->period], "fte"),
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
    return {{"arena", std::string(domain::arena_name(p.arena))},
            {"place", p.place},
            {"from", p.from.iso()},
            {"to", p.to.iso()},
            {"fte", p.fte}};
}

json::object revision_json(const store::EducationPlanRevision& r,
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
std::vector<std::pair<store::EducationPlanRevision, std::vector<PlanChange>>> history_of(
    Services& s, std::int64_t person) {
    std::vector<std::pair<store::EducationPlanRevision, std::vector<PlanChange>>> history;
    std::optional<domain::EducationPlan> previous;
    for (auto& r : s.store.education_plan_revisions(person)) {
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
                         {"fte", p.arena == domain::Arena::Leave
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
json::object plan_view(Services& s, const RequestContext& context, const store::Person& person) {
    const auto& t = s.catalogue;
    const Date today = s.today();
    const auto projection = app::education_plan_projection(s.store, person.id, today);
    if (!projection) {
        not_found();
    }
    const auto resource = app::person_resource(s.store, person.id, today);
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
            const std::string arena(domain::arena_name(domain::kCountingArenas[a]));
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
FormInput input_from_plan(const std::optional<store::EducationPlanRevision>& current) {
    std::map<std::string, std::string> fields;
    if (current) {
        const auto& plan = current->plan;
        for (std::size_t i = 0; i < plan.periods.size(); ++i) {
            const auto& p = plan.periods[i];
            fields[kPeriods.form_field(i, "arena")] = std::string(domain::arena_name(p.arena));
            fields[kPeriods.form_field(i, "place")] = p.place;
            fields[kPeriods.form_field(i, "from")] = p.from.norwegian();
            fields[kPeriods.form_field(i, "to")] = p.to.norwegian();
            fields[kPeriods.form_field(i, "fte")] = std::to_string(p.fte);
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
            if (input.present(kPeriods.form_field(i, name))) {
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

json::object form_data(Services& s, const RequestContext& context, const store::Person& person,
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
            const std::string field = kPeriods.form_field(i, name);
            row[name] = field_data(errors, field, input.text(field));
        }
        json::array options;
        options.push_back(
            json::object{{"value", ""},
                         {"label", t.text("plan.choose_arena")},
                         {"selected", input.text(kPeriods.form_field(i, "arena")).empty()}});
        for (auto& option : select_options(t, "ledger.arena", kArenas,
                                           input.text(kPeriods.form_field(i, "arena")))) {
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
    const auto input = input_from_plan(s.store.current_education_plan(person.id));
    const auto rows = rows_for(input, kSpareRows);
    return page(s, request, context, "education_plan_form",
                s.catalogue.text("plan.revise_page_title"),
                form_data(s, context, person, input, rows));
}

Response revise(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    auto input = FormInput::from_request(request, {kPeriods});
    const std::string title = s.catalogue.text("plan.revise_page_title");
    if (!wants_json(request) && input.present("add_row")) {
        return page(s, request, context, "education_plan_form", title,
                    form_data(s, context, person, input, rows_for(input, 1)));
    }
    auto draft = read_revision(input);
    if (!input.ok()) {
        return refuse(s, request, context, input, "education_plan_form", title,
                      [&] { return form_data(s, context, person, input, rows_for(input, 0)); });
    }
    const auto& actor = context.session->actor;
    store::EducationPlanRevision revision;
    revision.person_id = person.id;
    revision.revised_at = app::utc_iso(s.now());
    revision.revised_on = s.today();
    revision.author_account_id = actor.account_id;
    revision.author_label = actor.display_name + " (" + actor.email + ")";
    revision.plan = std::move(draft.plan);
    revision.note = std::move(draft.note);
    const auto previous = s.store.current_education_plan(person.id);
    auto stored = app::revise_education_plan(
        s.store, std::move(revision),
        audit_event(s, request, context, "education_plan.revised", "ok"));
    if (!wants_json(request)) {
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
    const auto projection = app::education_plan_projection(s.store, person.id, today);
    if (!projection) {
        not_found();
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
            const std::string arena(domain::arena_name(domain::kCountingArenas[a]));
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

void register_education_plan_routes(Routes& routes) {
    const RouteAccess kRead{app::Action::read_person, ResourceFrom::person_param};
    const RouteAccess kEdit{app::Action::edit_education_plan, ResourceFrom::person_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/utdanningsplan", kRead, plan_page);
    routes.add(verb::get, "/personer/{person:id}/utdanningsplan/utskrift", kRead, print_page);
    routes.add(verb::get, "/personer/{person:id}/utdanningsplan/revider", kEdit, revise_form);
    routes.add(verb::post, "/personer/{person:id}/utdanningsplan/revider", kEdit, revise);
    routes.add(verb::get, "/api/v1/people/{person:id}/education-plan", kRead, plan_api);
    routes.add(verb::get, "/api/v1/people/{person:id}/education-plan/revisions", kRead,
               revisions_api);
    routes.add(verb::post, "/api/v1/people/{person:id}/education-plan/revisions", kEdit, revise);
}

}  // namespace alis::web
