// A person's training record: the page and the JSON. Access is decided before these run
// (RouteAccess read_person on {person:id}), and each successful read is audited by the pipeline.
#include <boost/json.hpp>

#include <algorithm>

#include "app/auth.hpp"
#include "app/courses.hpp"
#include "app/grant_records.hpp"
#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/supervision.hpp"
#include "app/training_ledger.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/cost_form_view.hpp"
#include "web/ledger_view.hpp"
#include "web/pipeline.hpp"
#include "web/supervision_view.hpp"
#include "web/trainee_view.hpp"
#include "web/training_record_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

app::TrainingRecord load_training_record(Services& s, const RequestContext& context) {
    return found(app::training_record(s.app, context.id("person")));
}

json::array corrections_json(const std::vector<app::RecordHistory>& history) {
    json::array list;
    for (const auto& h : history) {
        const auto& c = h.correction;
        list.push_back(json::object{{"id", c.id},
                                    {"kind", domain::to_string(c.kind)},
                                    {"record_id", c.record_id},
                                    {"action", domain::to_string(c.action)},
                                    {"before", json::parse(c.before)},
                                    {"after", c.after ? json::parse(*c.after) : json::value()},
                                    {"reason", c.reason},
                                    {"corrected_at", c.corrected_at},
                                    {"corrected_by", c.corrected_by}});
    }
    return list;
}

// The corrections as the person's page shows them: what was changed or removed, the earlier
// version (and the corrected one), and who corrected it, when and why.
json::array corrections_view(const Catalogue& t, const app::TrainingRecord& record) {
    json::array list;
    for (const auto& h : record.corrections) {
        const auto& c = h.correction;
        const std::string action(domain::to_string(c.action));
        const auto on = domain::Date::parse_iso(c.corrected_at.substr(0, 10));
        json::object row{
            {"what",
             t.text("records.history_" + std::string(domain::to_string(c.kind)) + "_" + action)},
            {"before", t.format("records.history_before",
                                {{"record", describe(t, h.before, record.municipality_names)}})},
            {"note",
             t.format("records.history_" + action, {{"by", c.corrected_by},
                                                    {"date", on ? on->norwegian() : c.corrected_at},
                                                    {"reason", c.reason}})}};
        if (h.after) {
            row["after"] = t.format("records.history_after",
                                    {{"record", describe(t, *h.after, record.municipality_names)}});
        }
        list.push_back(std::move(row));
    }
    return list;
}

// What the row of an ended employment says of its departure, and (for the employment's own leader)
// the link to recording it or changing it.
void add_departure(const Catalogue& t, json::object& row, const app::TrainingRecord& record,
                   const domain::Employment& e, bool editable) {
    if (!e.ends_on) {
        return;
    }
    const auto d =
        std::find_if(record.departures.begin(), record.departures.end(),
                     [&](const domain::Departure& x) { return x.employment_id == e.id; });
    const bool recorded = d != record.departures.end();
    row["departure"] =
        recorded
            ? t.format("departure.summary",
                       {{"reason",
                         t.text("departure_reason." + std::string(domain::to_string(d->reason)))},
                        {"destination",
                         t.text("destination." + std::string(domain::to_string(d->destination)))}})
            : t.text("departure.not_recorded");
    if (editable) {
        row["departure_url"] = departure_path(record.person.id, e.id);
        row["departure_link"] = t.text(recorded ? "departure.change" : "departure.record");
    }
}

json::array departures_json(const std::vector<domain::Departure>& departures) {
    json::array list;
    for (const auto& d : departures) {
        list.push_back(app::departure_json(d));
    }
    return list;
}

// The ledger of the record as it was read, or why it cannot be computed.
app::LedgerOutcome ledger_outcome(const app::TrainingRecord& record, domain::Date today) {
    return app::ledger_outcome_of(
        app::training_path_from(record.person, record.periods, record.leaves, today));
}

Response person_api(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_training_record(s, context);
    const auto& p = record.person;
    json::array employments;
    for (const auto& e : record.employments) {
        employments.push_back(employment_json(e));
    }
    json::array periods;
    for (const auto& period : record.periods) {
        periods.push_back(service_period_json(period));
    }
    json::array leaves;
    for (const auto& l : record.leaves) {
        leaves.push_back(leave_json(l));
    }
    json::object body{{"id", p.id},
                      {"name", p.full_name},
                      {"hpr_number", p.hpr_number ? json::value(*p.hpr_number) : json::value()},
                      {"training_status", std::string(domain::to_string(p.training_status))},
                      {"lis1_completed", date_or_null(p.lis1_completed)},
                      {"ruleset", p.ruleset ? json::value(*p.ruleset) : json::value()},
                      {"employments", std::move(employments)},
                      {"service_periods", std::move(periods)},
                      {"leaves", std::move(leaves)},
                      {"corrections", corrections_json(record.corrections)},
                      {"departures", departures_json(record.departures)}};
    const auto outcome = ledger_outcome(record, s.today());
    if (const auto* ledger = std::get_if<app::PersonLedger>(&outcome)) {
        body["ledger"] = json::parse(domain::report_json(ledger->report));
    } else {
        // The record is served; the ledger says why it is missing.
        body["ledger"] = nullptr;
        body["ledger_error"] = json::object{
            {"code", "ledger_failed"}, {"message", std::get<app::LedgerFailure>(outcome).message}};
    }
    return json_response(http::status::ok, request.version(), body);
}

Response person_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load_training_record(s, context);
    const auto& p = record.person;
    const auto& t = s.catalogue;
    const std::string unknown = t.text("person.unknown");
    // Links to the forms, for those the policy lets edit the record.
    const bool editable = also_allowed(context, app::Action::edit_training_record, s.today());
    // The link to correcting a record, with what it is for a screen reader.
    const auto edit = [&](json::object row, domain::RecordKind kind, std::int64_t id,
                          const app::RecordVersion& version) {
        if (editable) {
            row["edit_url"] = record_path(p.id, kind, std::to_string(id));
            row["edit_what"] = describe(t, version, record.municipality_names);
        }
        return row;
    };
    json::array employments;
    bool has_certificates = false;
    for (const auto& e : record.employments) {
        auto row = edit(
            json::object{
                {"municipality",
                 municipality_label(record.municipality_names, e.municipality_number)},
                {"from", e.starts_on.norwegian()},
                {"to", e.ends_on ? e.ends_on->norwegian() : t.text("person.ongoing")},
                {"fte", e.fte},
                {"post", t.text("post_type." + std::string(domain::to_string(e.post_type)))},
                {"pay", t.text("pay_model." + std::string(domain::to_string(e.pay_model)))}},
            domain::RecordKind::employment, e.id, e);
        const auto employment =
            app::employment_resource(record.person.id, e,
                                     context.resource ? context.resource->employing_municipalities
                                                      : std::vector<std::string>{});
        const auto allows = [&](app::Action action) {
            return app::decide(context.session->actor, action, employment, s.today()) ==
                   app::Decision::allow;
        };
        add_departure(t, row, record, e, allows(app::Action::record_departure));
        if (allows(app::Action::issue_certificate)) {
            row["certificate_url"] = certificate_path(record.person.id, e.id);
            has_certificates = true;
        }
        employments.push_back(std::move(row));
    }
    json::array periods;
    for (const auto& period : record.periods) {
        periods.push_back(edit(
            json::object{
                {"arena", t.text("ledger.arena." + std::string(domain::to_string(period.arena)))},
                {"place", period.place},
                {"from", period.starts_on.norwegian()},
                {"to", period.ends_on ? period.ends_on->norwegian() : t.text("person.ongoing")},
                {"fte", period.fte},
                {"registered", t.text(period.employer_registered ? "records.yes" : "records.no")}},
            domain::RecordKind::service_period, period.id, period));
    }
    json::array leaves;
    for (const auto& l : record.leaves) {
        leaves.push_back(edit(
            json::object{{"kind", t.text("leave_kind." + std::string(domain::to_string(l.kind)))},
                         {"from", l.starts_on.norwegian()},
                         {"to", l.ends_on.norwegian()}},
            domain::RecordKind::leave, l.id, l));
    }
    json::object data{
        {"heading", t.format("person.title", {{"name", p.full_name}})},
        {"plan_url", "/personer/" + std::to_string(p.id) + "/utdanningsplan"},
        {"hpr_number", p.hpr_number.value_or(unknown)},
        {"status", t.text("training_status." + std::string(domain::to_string(p.training_status)))},
        {"lis1_completed", p.lis1_completed ? p.lis1_completed->norwegian() : unknown},
        {"ruleset", p.ruleset.value_or(unknown)},
        {"has_employments", !employments.empty()},
        {"has_certificates", has_certificates},
        {"employments", std::move(employments)},
        {"has_periods", !periods.empty()},
        {"periods", std::move(periods)},
        {"has_leaves", !leaves.empty()},
        {"leaves", std::move(leaves)},
        {"has_corrections", !record.corrections.empty()},
        {"corrections", corrections_view(t, record)}};
    if (editable) {
        data["edit_base"] = person_path(p.id);
    }
    // The hours of supervision against the norm; the meetings and their minutes are on the
    // supervision page, which asks the policy per meeting.
    if (const auto supervision = app::supervision_record(s.app, p.id, s.today())) {
        data["supervision"] = supervision_chart_view(t, *supervision, s.today());
        data["supervision_url"] = supervision_path(p.id);
    }
    // The agreements hold the pay: linked for those who may read them.
    if (also_allowed(context, app::Action::read_agreement, s.today())) {
        data["agreements_url"] = person_path(p.id) + "/avtaler";
    }
    // The signed training record, and those other installations issued, imported here.
    data["training_record_url"] = person_path(p.id) + "/utdanningsattest";
    {
        const auto imports = app::imported_training_records(s.app, p.id);
        auto list = imported_records_view(t, imports);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& c = imports[i].content;
            list[i].as_object()["summary"] =
                t.format("training_record.imported_summary",
                         {{"periods", c.service_periods.size()},
                          {"months", list[i].as_object()["total_months"]},
                          {"objectives", c.objectives.size()}});
        }
        data["has_imported_records"] = !list.empty();
        data["imported_records"] = std::move(list);
    }
    // The cost inputs of the doctor, for the leader of the municipality that employs them.
    if (context.resource) {
        if (const auto number =
                app::leading_municipality(context.session->actor, *context.resource, s.today())) {
            if (const auto year = app::latest_cost_year(record.employments, *number)) {
                data["costs_url"] = cost_form_path(*number, *year, p.id);
                data["costs_label"] = t.format("cost_form.person_link", {{"year", *year}});
            }
        }
    }
    if (const auto group = app::group_status(s.app, p.id, s.today())) {
        data["group"] = group_view(t, *group);
    }
    // The courses the ruleset requires that are not completed (withdrawn ones do not count).
    json::array courses;
    for (const auto& c : app::completed_courses(s.app, p.id).missing) {
        courses.push_back(json::object{{"name", c.name},
                                       {"hours", t.format("courses.hours", {{"hours", c.hours}})},
                                       {"assumed", c.provenance.unconfirmed}});
    }
    data["objectives_url"] = person_path(p.id) + "/laeringsmaal";
    data["has_courses"] = !courses.empty();
    data["courses"] = std::move(courses);
    data["courses_url"] = person_path(p.id) + "/kurs";
    const std::string saved = query_value(request, "lagret");
    if (saved == "lege" || saved == "ansettelse" || saved == "periode" || saved == "permisjon" ||
        saved == "rettet" || saved == "fjernet" || saved == "avslutning") {
        data["saved"] = t.text("records.saved_" + saved);
    }
    {
        const auto outcome = ledger_outcome(record, s.today());
        if (const auto* ledger = std::get_if<app::PersonLedger>(&outcome)) {
            auto view = ledger_view(*ledger, t);
            view["counted_line"] =
                t.format("ledger.counted_total",
                         {{"total", view["total_counted"]}, {"not_counted", view["not_counted"]}});
            data["ledger"] = std::move(view);
        } else {
            data["ledger_failure"] = json::object{
                {"heading", t.text("ledger.cannot_compute")},
                {"message", t.text("ledger.cannot_compute_person")},
                {"reason", ledger_failure_text(std::get<app::LedgerFailure>(outcome), t)}};
        }
    }
    return page(s, request, context, "person", p.full_name, std::move(data));
}

}  // namespace

void register_person_routes(Routes& routes) {
    const RouteAccess kReadPerson{app::Action::read_person, ResourceFrom::person_param};
    routes.add(http::verb::get, "/personer/{person:id}", kReadPerson, person_page);
    routes.add(http::verb::get, "/api/v1/people/{person:id}", kReadPerson, person_api);
}

}  // namespace alis::web
