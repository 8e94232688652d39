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
#include "web/education_plan_view.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;
using domain::Date;

constexpr std::size_t kPlaceMax = 200;
constexpr std::size_t kSupervisionGroupMax = 1000;
constexpr std::size_t kCoursesMax = 4000;
constexpr std::size_t kNextMonthsMax = 8000;
constexpr std::size_t kNoteMax = 2000;
// Empty rows the form offers below the plan's periods.
constexpr std::size_t kSpareRows = 2;

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
        const auto arena = input.required_choice(field("arena"), kPlanArenas);
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

Response plan_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    auto data = education_plan_view(s, context, person);
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
                education_plan_view(s, context, person));
}

Response revise_form(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    // The form shows the plan: a read of the person's record, audited like one.
    audit_reads(s, request, context, {person.id});
    const auto input = input_from_plan(app::current_education_plan(s.app, person.id));
    const auto rows = rows_for(input, kSpareRows);
    return page(s, request, context, "education_plan_form",
                s.catalogue.text("plan.revise_page_title"),
                revision_form_data(s, context, person, input, rows));
}

Response revise(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    auto input = FormInput::from_request(request, {kPeriods});
    const std::string title = s.catalogue.text("plan.revise_page_title");
    if (!wants_json(request) && input.present("add_row")) {
        return page(s, request, context, "education_plan_form", title,
                    revision_form_data(s, context, person, input, rows_for(input, 1)));
    }
    auto draft = read_revision(input);
    if (!input.ok()) {
        return refuse(s, request, context, input, "education_plan_form", title, [&] {
            return revision_form_data(s, context, person, input, rows_for(input, 0));
        });
    }
    const auto& actor = context.session->actor;
    domain::EducationPlanRevision revision;
    revision.person_id = person.id;
    revision.revised_at = app::utc_iso(s.now());
    revision.revised_on = s.today();
    revision.author_account_id = actor.account_id;
    revision.author_label = app::signature_of(actor);
    revision.plan = std::move(draft.plan);
    revision.note = std::move(draft.note);
    const auto previous = app::current_education_plan(s.app, person.id);
    auto stored = app::revise_education_plan(
        s.app, std::move(revision),
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
    const auto projection = app::education_plan_projection(s.app, person.id, today);
    if (!projection) {
        not_found();
    }
    json::object body{{"person", person.id}, {"as_of", today.iso()}};
    body["plan"] = json::value();
    body["revision_due"] = date_or_null(projection->revision_due);
    body["revision_overdue"] = projection->revision_due && *projection->revision_due <= today;
    body["projected_completion_without_plan"] =
        date_or_null(projection->actual.report.projected_completion);
    body["projected_completion"] = json::value();
    body["at_plan_end"] = json::value();
    if (projection->current) {
        const auto history = history_of(s.app, person.id);
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
    for (const auto& [r, changes] : history_of(s.app, person.id)) {
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
