// A person's training record: the page and the JSON. Access is decided before these run
// (RouteAccess read_person on {person:id}), and each successful read is audited by the pipeline.
#include <boost/json.hpp>

#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/training_ledger.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/ledger_view.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

app::TrainingRecord load(Services& s, const RequestContext& context) {
    return found(app::training_record(s.app, context.id("person")));
}

Response person_api(Services& s, const Request& request, RequestContext& context) {
    const auto record = load(s, context);
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
                      {"leaves", std::move(leaves)}};
    if (const auto outcome = app::person_ledger(s.app, p.id, s.today())) {
        if (const auto* ledger = std::get_if<app::PersonLedger>(&*outcome)) {
            body["ledger"] = json::parse(domain::report_json(ledger->report));
        } else {
            // The record is served; the ledger says why it is missing.
            body["ledger"] = nullptr;
            body["ledger_error"] =
                json::object{{"code", "ledger_failed"},
                             {"message", std::get<app::LedgerFailure>(*outcome).message}};
        }
    }
    return json_response(http::status::ok, request.version(), body);
}

Response person_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = load(s, context);
    const auto& p = record.person;
    const auto& t = s.catalogue;
    const std::string unknown = t.text("person.unknown");
    json::array employments;
    for (const auto& e : record.employments) {
        const auto m = app::find_municipality(s.app, e.municipality_number);
        employments.push_back(json::object{
            {"municipality", m ? m->name + " (" + m->number + ")" : e.municipality_number},
            {"from", e.starts_on.norwegian()},
            {"to", e.ends_on ? e.ends_on->norwegian() : t.text("person.ongoing")},
            {"fte", e.fte},
            {"post", t.text("post_type." + std::string(domain::to_string(e.post_type)))},
            {"pay", t.text("pay_model." + std::string(domain::to_string(e.pay_model)))}});
    }
    json::array periods;
    for (const auto& p : record.periods) {
        periods.push_back(json::object{
            {"arena", t.text("ledger.arena." + std::string(domain::to_string(p.arena)))},
            {"place", p.place},
            {"from", p.starts_on.norwegian()},
            {"to", p.ends_on ? p.ends_on->norwegian() : t.text("person.ongoing")},
            {"fte", p.fte},
            {"registered", t.text(p.employer_registered ? "records.yes" : "records.no")}});
    }
    json::array leaves;
    for (const auto& l : record.leaves) {
        leaves.push_back(
            json::object{{"kind", t.text("leave_kind." + std::string(domain::to_string(l.kind)))},
                         {"from", l.starts_on.norwegian()},
                         {"to", l.ends_on.norwegian()}});
    }
    json::object data{
        {"heading", t.format("person.title", {{"name", p.full_name}})},
        {"plan_url", "/personer/" + std::to_string(p.id) + "/utdanningsplan"},
        {"hpr_number", p.hpr_number.value_or(unknown)},
        {"status", t.text("training_status." + std::string(domain::to_string(p.training_status)))},
        {"lis1_completed", p.lis1_completed ? p.lis1_completed->norwegian() : unknown},
        {"ruleset", p.ruleset.value_or(unknown)},
        {"has_employments", !employments.empty()},
        {"employments", std::move(employments)},
        {"has_periods", !periods.empty()},
        {"periods", std::move(periods)},
        {"has_leaves", !leaves.empty()},
        {"leaves", std::move(leaves)}};
    // Links to the forms, for those the policy lets edit the record.
    if (context.session && app::decide(context.session->actor, app::Action::edit_training_record,
                                       app::person_resource(s.app, p.id, s.today()),
                                       s.today()) == app::Decision::allow) {
        data["edit_base"] = "/personer/" + std::to_string(p.id);
    }
    const std::string saved = query_value(request, "lagret");
    if (saved == "lege" || saved == "ansettelse" || saved == "periode" || saved == "permisjon") {
        data["saved"] = t.text("records.saved_" + saved);
    }
    if (const auto outcome = app::person_ledger(s.app, p.id, s.today())) {
        if (const auto* ledger = std::get_if<app::PersonLedger>(&*outcome)) {
            auto view = ledger_view(*ledger, t);
            view["counted_line"] =
                t.format("ledger.counted_total",
                         {{"total", view["total_counted"]}, {"not_counted", view["not_counted"]}});
            data["ledger"] = std::move(view);
        } else {
            data["ledger_failure"] = json::object{
                {"heading", t.text("ledger.cannot_compute")},
                {"message", t.text("ledger.cannot_compute_person")},
                {"reason", ledger_failure_text(std::get<app::LedgerFailure>(*outcome), t)}};
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
