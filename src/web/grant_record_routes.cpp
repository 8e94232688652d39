// The leader's money records through the API (docs/money.md, "Claims from the store"): a post's
// grant facts, the agreement register and the cost inputs with the municipality's defaults. Each
// write is one use case of app/grant_records.hpp, audited there. The agreement form and the cost
// inputs' forms post to the same handlers as the API, which redirect a browser.
#include <boost/json.hpp>

#include <charconv>

#include "app/grant_records.hpp"
#include "app/policy.hpp"
#include "web/access.hpp"
#include "web/cost_form_view.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// The largest yearly amount a cost field takes (100 million kr).
constexpr domain::Money kMaxCostAmount = domain::Money::kroner(100'000'000);

json::object agreement_json(const domain::Agreement& a) {
    return json::object{{"id", a.id},
                        {"employment_id", a.employment_id},
                        {"kind", std::string(domain::to_string(a.kind))},
                        {"template_version", a.template_version},
                        {"national_template", a.national_template},
                        {"covers_from", a.covers_from.iso()},
                        {"covers_to", date_or_null(a.covers_to)},
                        {"status", std::string(domain::to_string(a.status))},
                        {"signed_on", date_or_null(a.signed_on)},
                        {"recorded_at", a.recorded_at},
                        {"recorded_by", a.recorded_by}};
}

json::value optional_json(const std::optional<int>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::value ore_json(const std::optional<domain::Money>& m) {
    return m ? json::value(m->in_ore()) : json::value(nullptr);
}

json::object cost_entry_json(const domain::RecordedCostEntry& r) {
    const auto& e = r.entry;
    return json::object{
        {"municipality", r.municipality_number},
        {"year", r.year},
        {"person_id", r.person_id ? json::value(*r.person_id) : json::value(nullptr)},
        {"list_length", optional_json(e.list_length)},
        {"other_gp_work_percent", optional_json(e.other_gp_work_percent)},
        {"zone",
         e.zone ? json::value(std::string(domain::to_string(*e.zone))) : json::value(nullptr)},
        {"salary_ore", ore_json(e.salary)},
        {"bonus_ore", ore_json(e.bonus)},
        {"office_ore", ore_json(e.office)},
        {"supervision_hours", optional_json(e.supervision_hours)},
        {"supervision_rate_ore", ore_json(e.supervision_rate)},
        {"courses_and_travel_ore", ore_json(e.courses_and_travel)},
        {"substitutes_ore", ore_json(e.substitutes)},
        {"fee_for_service_ore", ore_json(e.fee_for_service)},
        {"recorded_at", r.recorded_at},
        {"recorded_by", r.recorded_by}};
}

Response refused(Services& s, const Request& request, const RequestContext& context,
                 const FormInput& input) {
    return refuse(s, request, context, input, "record_form", s.catalogue.text("money.title"),
                  [] { return json::object{}; });
}

// A problem of a use case: 404 for what is not the person's, else the field's message (422).
Response problem_response(Services& s, const Request& request, const RequestContext& context,
                          FormInput& input, app::GrantRecordProblem problem) {
    switch (problem) {
        case app::GrantRecordProblem::unknown_employment:
        case app::GrantRecordProblem::unknown_agreement:
        case app::GrantRecordProblem::unknown_municipality:
            not_found();
        case app::GrantRecordProblem::substitute_not_gp_post:
            input.fail("substitute", "money.substitute_not_gp_post");
            break;
        case app::GrantRecordProblem::covers_to_before_from:
            input.fail("covers_to", "money.covers_to_before_from");
            break;
        case app::GrantRecordProblem::signed_date_and_status:
            input.fail("signed_on", "money.signed_date_and_status");
            break;
        case app::GrantRecordProblem::signed_in_future:
            input.fail("signed_on", "money.signed_in_future");
            break;
        case app::GrantRecordProblem::not_employed_there:
            input.fail("person", "money.not_employed_there");
            break;
    }
    return refused(s, request, context, input);
}

Response put_grant_facts(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    const auto type = input.required_choice("type", domain::enum_names<domain::GrantPostType>());
    if (!input.ok()) {
        return refused(s, request, context, input);
    }
    domain::GrantPostFacts facts{context.id("employment"),
                                 *domain::parse_enum<domain::GrantPostType>(*type),
                                 input.flag("via_agency"), input.flag("substitute")};
    const auto result =
        app::record_grant_facts(s.app, context.id("person"), facts,
                                audit_event(s, request, context, "grant_post.recorded", "ok"));
    if (const auto* problem = std::get_if<app::GrantRecordProblem>(&result)) {
        return problem_response(s, request, context, input, *problem);
    }
    const auto& f = std::get<domain::GrantPostFacts>(result);
    return json_response(http::status::ok, request.version(),
                         json::object{{"employment_id", f.employment_id},
                                      {"type", std::string(domain::to_string(f.type))},
                                      {"via_agency", f.via_agency},
                                      {"substitute", f.substitute}});
}

template <bool Create>
Response put_agreement(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    domain::Agreement a;
    if constexpr (Create) {
        const auto employment = input.required_int("employment_id", 1, INT32_MAX);
        a.employment_id = employment.value_or(0);
    } else {
        a.id = context.id("agreement");
    }
    const auto version = input.required_text("template_version", 200);
    const auto from = input.required_date("covers_from");
    const auto to = input.optional_date("covers_to");
    const auto status =
        input.required_choice("status", domain::enum_names<domain::AgreementStatus>());
    const auto signed_on = input.optional_date("signed_on");
    if (!input.ok()) {
        return refused(s, request, context, input);
    }
    a.template_version = *version;
    a.national_template = input.flag("national_template");
    a.covers_from = *from;
    a.covers_to = *to;
    a.status = *domain::parse_enum<domain::AgreementStatus>(*status);
    a.signed_on = *signed_on;
    const auto result = app::record_agreement(
        s.app, context.id("person"), a, context.session->actor,
        audit_event(s, request, context, Create ? "agreement.recorded" : "agreement.changed",
                    "ok"));
    if (const auto* problem = std::get_if<app::GrantRecordProblem>(&result)) {
        return problem_response(s, request, context, input, *problem);
    }
    const auto& saved = std::get<domain::Agreement>(result);
    if (!wants_json(request)) {
        // The leader's form on the doctor's agreements page.
        return redirect(request.version(),
                        "/personer/" + std::to_string(context.id("person")) + "/avtaler?lagret=ja");
    }
    auto body = agreement_json(saved);
    const auto warning = domain::agreement_warning({saved});
    body["warning"] =
        warning ? json::value(std::string(domain::to_string(*warning))) : json::value(nullptr);
    auto response =
        json_response(Create ? http::status::created : http::status::ok, request.version(), body);
    if constexpr (Create) {
        response.set(http::field::location,
                     "/api/v1/people/" + std::to_string(context.id("person")) + "/agreements");
    }
    return response;
}

Response list_agreements(Services& s, const Request& request, RequestContext& context) {
    json::array list;
    for (const auto& a : app::agreements_of(s.app, context.id("person"))) {
        list.push_back(agreement_json(a));
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"agreements", std::move(list)}});
}

std::optional<int> optional_int(FormInput& input, std::string_view field, int max) {
    if (input.text(field).empty()) {
        return std::nullopt;
    }
    return input.required_int(field, 0, max);
}

// An amount in kroner as users write it ("1 234 567", "1234567,50"; domain::parse_kroner), read
// exactly into øre; nullopt when empty, else the field's error when it is no amount.
std::optional<domain::Money> optional_kroner(FormInput& input, std::string_view field) {
    const std::string text = input.text(field);
    if (text.empty()) {
        return std::nullopt;
    }
    const auto amount = domain::parse_kroner(text, kMaxCostAmount);
    if (!amount) {
        input.fail(std::string(field), "cost_form.bad_amount");
    }
    return amount;
}

// The year of a cost entry's path, 2000-2199; 404 for any other text.
int cost_year_of(const RequestContext& context) {
    const std::string& year_text = context.params.at("year");
    int year = 0;
    const auto [end, error] =
        std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (error != std::errc() || end != year_text.data() + year_text.size() || year < 2000 ||
        year > 2199) {
        not_found();
    }
    return year;
}

// The form of the path's cost entry; 404 for an unknown municipality, or for a doctor without an
// employment there that year.
template <bool OfAlis>
app::CostForm load_cost_form(Services& s, const RequestContext& context, int year) {
    std::optional<std::int64_t> person;
    if constexpr (OfAlis) {
        person = context.id("person");
    }
    return found(app::cost_form(s.app, context.params.at("number"), year, person));
}

template <bool OfAlis>
Response cost_form_page(Services& s, const Request& request, RequestContext& context) {
    const auto form = load_cost_form<OfAlis>(s, context, cost_year_of(context));
    const auto input = cost_form_input(form);
    auto data = cost_form_data(s.catalogue, context, form, input);
    add_form_state(s.catalogue, input, data);
    if (query_value(request, "lagret") == "ja") {
        data["saved"] = s.catalogue.text("cost_form.saved");
    }
    const std::string title(data["heading"].as_string());
    return page(s, request, context, "cost_form", title, std::move(data));
}

// The cost inputs' write, from the API (PUT, JSON) and from the form (POST, redirected back to
// the form, which then shows the figures computed from what was saved).
template <bool OfAlis>
Response put_cost_entry(Services& s, const Request& request, RequestContext& context) {
    const int year = cost_year_of(context);
    const bool browser = !wants_json(request);
    std::optional<app::CostForm> form;
    if (browser) {
        form = load_cost_form<OfAlis>(s, context, year);
    }
    auto input = FormInput::from_request(request);
    domain::RecordedCostEntry r;
    r.municipality_number = context.params.at("number");
    r.year = year;
    if constexpr (OfAlis) {
        r.person_id = context.id("person");
    }
    auto& e = r.entry;
    e.list_length = optional_int(input, "list_length", 100'000);
    e.other_gp_work_percent = optional_int(input, "other_gp_work_percent", 100);
    if (!input.text("zone").empty()) {
        if (const auto zone =
                input.required_choice("zone", domain::enum_names<domain::ContributionZone>())) {
            e.zone = domain::parse_enum<domain::ContributionZone>(*zone);
        }
    }
    e.salary = optional_kroner(input, "salary");
    e.bonus = optional_kroner(input, "bonus");
    e.office = optional_kroner(input, "office");
    e.supervision_hours = optional_int(input, "supervision_hours", 10'000);
    e.supervision_rate = optional_kroner(input, "supervision_rate");
    e.courses_and_travel = optional_kroner(input, "courses_and_travel");
    e.substitutes = optional_kroner(input, "substitutes");
    e.fee_for_service = optional_kroner(input, "fee_for_service");
    if (!input.ok()) {
        if (browser) {
            return refuse(s, request, context, input, "cost_form",
                          s.catalogue.text("cost_form.title"),
                          [&] { return cost_form_data(s.catalogue, context, *form, input); });
        }
        return refused(s, request, context, input);
    }
    const auto result = app::record_cost_entry(
        s.app, r, context.session->actor,
        audit_event(s, request, context, OfAlis ? "cost_input.recorded" : "cost_defaults.recorded",
                    "ok"));
    if (const auto* problem = std::get_if<app::GrantRecordProblem>(&result)) {
        return problem_response(s, request, context, input, *problem);
    }
    if (browser) {
        return redirect(request.version(),
                        cost_form_path(r.municipality_number, year, r.person_id) + "?lagret=ja");
    }
    return json_response(http::status::ok, request.version(),
                         cost_entry_json(std::get<domain::RecordedCostEntry>(result)));
}

}  // namespace

void register_grant_record_routes(Routes& routes) {
    using http::verb;
    const RouteAccess kRecord{app::Action::record_agreement, ResourceFrom::person_param};
    routes.add(verb::put, "/api/v1/people/{person:id}/employments/{employment:id}/grant-facts",
               kRecord, put_grant_facts);
    routes.add(verb::get, "/api/v1/people/{person:id}/agreements",
               RouteAccess{app::Action::read_person, ResourceFrom::person_param}, list_agreements);
    routes.add(verb::post, "/api/v1/people/{person:id}/agreements", kRecord, put_agreement<true>);
    routes.add(verb::post, "/personer/{person:id}/avtaler", kRecord, put_agreement<true>);
    routes.add(verb::put, "/api/v1/people/{person:id}/agreements/{agreement:id}", kRecord,
               put_agreement<false>);
    const RouteAccess kCosts{app::Action::manage_costs, ResourceFrom::municipality_param};
    routes.add(verb::put, "/api/v1/municipalities/{number}/cost-defaults/{year}", kCosts,
               put_cost_entry<false>);
    routes.add(verb::put, "/api/v1/municipalities/{number}/cost-inputs/{year}/{person:id}", kCosts,
               put_cost_entry<true>);
    routes.add(verb::get, "/kommuner/{number}/kostnader/{year}", kCosts, cost_form_page<false>);
    routes.add(verb::post, "/kommuner/{number}/kostnader/{year}", kCosts, put_cost_entry<false>);
    routes.add(verb::get, "/kommuner/{number}/kostnader/{year}/{person:id}", kCosts,
               cost_form_page<true>);
    routes.add(verb::post, "/kommuner/{number}/kostnader/{year}/{person:id}", kCosts,
               put_cost_entry<true>);
}

}  // namespace alis::web
