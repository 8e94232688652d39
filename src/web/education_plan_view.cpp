// The view models of web/education_plan_view.hpp.
#include "web/education_plan_view.hpp"

#include <algorithm>

#include "app/policy.hpp"
#include "app/training_records.hpp"
#include "web/ledger_view.hpp"

namespace alis::web {

std::vector<std::string_view> counting_arena_names() {
    std::vector<std::string_view> names;
    for (const auto arena : domain::kCountingArenas) {
        names.push_back(domain::to_string(arena));
    }
    return names;
}
namespace {

namespace json = boost::json;
using domain::Date;
using domain::PlanChange;
using domain::PlannedPeriod;

std::string arena_label(const Catalogue& t, domain::Arena arena) {
    return t.text("ledger.arena." + std::string(domain::to_string(arena)));
}

// A planned period for people: "Institusjonstjeneste, Haukeland, 01.01.2028–30.06.2028, 100 %".
std::string planned_period_text(const Catalogue& t, const PlannedPeriod& p) {
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

json::array history_view(const Catalogue& t, app::Application& app, std::int64_t person) {
    json::array items;
    auto history = history_of(app, person);
    std::reverse(history.begin(), history.end());  // Newest first.
    for (const auto& [r, changes] : history) {
        json::array lines;
        for (const auto& c : changes) {
            const std::string key = "plan.change." + change_kind_name(c.kind);
            lines.push_back(json::value(
                c.period ? t.format(key, {{"period", planned_period_text(t, *c.period)}})
                         : t.text(key)));
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

// One input of the form: its id, what it holds, and its error or false. The error is always set,
// so that {{#error}} never finds the page's own `error` object further up the context.
json::object field_data(const json::object& errors, const std::string& field, std::string value) {
    json::object f{{"id", field}, {"value", std::move(value)}, {"error", false}};
    if (const auto* error = errors.if_contains(field)) {
        f["error"] = *error;
    }
    return f;
}

}  // namespace

std::string plan_url(std::int64_t person) {
    return "/personer/" + std::to_string(person) + "/utdanningsplan";
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

std::vector<std::pair<domain::EducationPlanRevision, std::vector<PlanChange>>> history_of(
    app::Application& app, std::int64_t person) {
    std::vector<std::pair<domain::EducationPlanRevision, std::vector<PlanChange>>> history;
    std::optional<domain::EducationPlan> previous;
    for (auto& r : app::education_plan_revisions(app, person)) {
        auto changes = domain::plan_changes(previous, r.plan);
        previous = r.plan;
        history.emplace_back(std::move(r), std::move(changes));
    }
    return history;
}

std::optional<json::object> education_plan_data(const Catalogue& t, app::Application& app,
                                                const domain::Person& person, Date today) {
    const auto projection = app::education_plan_projection(app, person.id, today);
    if (!projection) {
        return std::nullopt;
    }
    json::object data{{"heading", t.format("plan.title", {{"name", person.full_name}})},
                      {"name", person.full_name},
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
    data["history"] = history_view(t, app, person.id);
    return data;
}

json::object education_plan_view(Services& s, const RequestContext& context,
                                 const domain::Person& person) {
    const Date today = s.today();
    auto data = education_plan_data(s.catalogue, s.app, person, today);
    if (!data) {
        not_found();
    }
    data->insert({{"person_url", "/personer/" + std::to_string(person.id)},
                  {"revise_url", plan_url(person.id) + "/revider"},
                  {"print_url", plan_url(person.id) + "/utskrift"},
                  {"pdf_url", plan_url(person.id) + ".pdf"},
                  {"plan_url", plan_url(person.id)},
                  {"can_edit", also_allowed(context, app::Action::edit_education_plan, today)}});
    return std::move(*data);
}

FormInput input_from_plan(const std::optional<domain::EducationPlanRevision>& current) {
    std::map<std::string, std::string> fields;
    if (current) {
        const auto& plan = current->plan;
        for (std::size_t i = 0; i < plan.periods.size(); ++i) {
            const auto& p = plan.periods[i];
            fields[kPeriods.form_field(i, "arena")] = std::string(domain::to_string(p.arena));
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

json::object revision_form_data(Services& s, const RequestContext& context,
                                const domain::Person& person, const FormInput& input,
                                std::size_t rows) {
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
        for (auto& option : select_options(t, "ledger.arena", kPlanArenas,
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

}  // namespace alis::web
