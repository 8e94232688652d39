// Journey 2: a leader registers a doctor in training, then the employments, service periods and
// leaves of the training record. Each write is one handler for both the HTML form and the JSON
// API: every field is validated before anything is written, and the record and its audit event are
// written in one transaction, so a failed form leaves nothing behind.
#include <boost/json.hpp>

#include <algorithm>

#include "app/policy.hpp"
#include "domain/position.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxPlace = 200;

// ---- Reading and checking input. ----

std::optional<domain::Date> end_not_before_start(
    FormInput& input, const std::optional<domain::Date>& from,
    const std::optional<std::optional<domain::Date>>& to, std::string_view to_field) {
    if (from && to && *to && **to < *from) {
        input.fail(std::string(to_field), "records.end_before_start");
    }
    return to && *to ? **to : std::optional<domain::Date>{};
}

// The span a new employment or period takes, checked against the ones already stored: at most
// 100 % on any day.
void check_full_time(FormInput& input, const std::vector<domain::PositionSpan>& existing,
                     const domain::PositionSpan& added) {
    const auto peak = domain::peak_position(existing, added);
    if (peak.percent > 100) {
        input.fail("fte", "records.over_full_time",
                   {{"percent", peak.percent}, {"date", peak.on.norwegian()}});
    }
}

std::optional<store::Employment> read_employment(FormInput& input, store::Store& store,
                                                 std::optional<std::int64_t> person_id,
                                                 const std::string& municipality) {
    const auto from = input.required_date("starts_on");
    const auto to = input.optional_date("ends_on");
    const auto fte = input.required_int("fte", 1, 100);
    const auto post = input.required_choice("post_type", kPostTypes);
    const auto pay = input.required_choice("pay_model", kPayModels);
    const auto end = end_not_before_start(input, from, to, "ends_on");
    if (!from || !to || !fte || !post || !pay || input.failed("ends_on")) {
        return std::nullopt;
    }
    store::Employment e;
    e.person_id = person_id.value_or(0);
    e.municipality_number = municipality;
    e.starts_on = *from;
    e.ends_on = end;
    e.fte = *fte;
    e.post_type = *store::parse_post_type(*post);
    e.pay_model = *store::parse_pay_model(*pay);
    if (person_id) {
        std::vector<domain::PositionSpan> existing;
        for (const auto& other : store.employments_of(*person_id)) {
            existing.push_back({other.starts_on, other.ends_on, other.fte});
        }
        check_full_time(input, existing, {e.starts_on, e.ends_on, e.fte});
    }
    return e;
}

Response created(const Request& request, const std::string& location, json::object body) {
    auto response = json_response(http::status::created, request.version(), body);
    response.set(http::field::location, location);
    return response;
}

// The municipality whose leader is acting on the person: the first active leader grant of the
// actor for a municipality that employs or has hired the person (the policy allowed one).
std::string acting_municipality(Services& s, const RequestContext& context, std::int64_t person) {
    const auto resource = app::person_resource(s.store, person, s.today());
    const domain::Date today = s.today();
    for (const auto& grant : context.session->actor.roles) {
        if (grant.role != store::Role::leader || !grant.municipality_number ||
            today < grant.starts_on || (grant.ends_on && *grant.ends_on < today)) {
            continue;
        }
        const auto& n = *grant.municipality_number;
        if (std::find(resource.employing_municipalities.begin(),
                      resource.employing_municipalities.end(),
                      n) != resource.employing_municipalities.end() ||
            std::find(resource.hiring_municipalities.begin(), resource.hiring_municipalities.end(),
                      n) != resource.hiring_municipalities.end()) {
            return n;
        }
    }
    throw HttpError(http::status::forbidden, "forbidden", "error.forbidden");
}

store::Person load_person(Services& s, const RequestContext& context) {
    return found(s.store.person(context.id("person")));
}

store::Municipality load_municipality(Services& s, const RequestContext& context) {
    return found(s.store.municipality(context.params.at("number")));
}

// ---- Register a doctor in training. ----

Response new_trainee_page(Services& s, const Request& request, RequestContext& context) {
    const auto m = load_municipality(s, context);
    const FormInput defaults({{"fte", "100"},
                              {"ruleset", "allmennmedisin-2019"},
                              {"post_type", "gp_list"},
                              {"pay_model", "salaried"},
                              {"count_as_service", "ja"}});
    auto data = trainee_form(s, context, m, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.register_title"),
                std::move(data));
}

Response register_trainee(Services& s, const Request& request, RequestContext& context) {
    const auto m = load_municipality(s, context);
    auto input = FormInput::from_request(request);
    store::Person person;
    const auto name = input.required_text("full_name", kMaxName);
    const auto hpr = input.required_text("hpr_number", 20);
    if (hpr &&
        (hpr->size() < 6 || hpr->size() > 9 ||
         !std::all_of(hpr->begin(), hpr->end(), [](char c) { return c >= '0' && c <= '9'; }))) {
        input.fail("hpr_number", "records.hpr_format");
    } else if (hpr && s.store.person_by_hpr(*hpr)) {
        input.fail("hpr_number", "records.hpr_taken");
    }
    const auto ruleset = input.required_choice("ruleset", kRulesets);
    // LIS1 is the entry to part 3 under the 2019 rules; the older rules had no LIS1.
    const auto lis1 =
        ruleset && *ruleset == "allmennmedisin-pre2019"
            ? input.optional_date("lis1_completed")
            : std::optional<std::optional<domain::Date>>(input.required_date("lis1_completed"));
    auto employment = read_employment(input, s.store, std::nullopt, m.number);
    const bool count_as_service = input.flag("count_as_service");
    const auto place = count_as_service ? input.required_text("place", kMaxPlace)
                                        : input.optional_text("place", kMaxPlace);
    if (employment && lis1 && *lis1 && employment->starts_on <= **lis1) {
        input.fail("starts_on", "records.starts_before_lis1", {{"date", (*lis1)->norwegian()}});
    }
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form",
                      s.catalogue.text("records.register_title"),
                      [&] { return trainee_form(s, context, m, input); });
    }
    person.full_name = *name;
    person.hpr_number = *hpr;
    person.training_status = store::TrainingStatus::in_training;
    person.lis1_completed = *lis1;
    person.ruleset = *ruleset;
    store::ServicePeriod period;
    try {
        s.store.write([&](store::StoreWriter& w) {
            person.id = w.add_person(person);
            employment->person_id = person.id;
            employment->id = w.add_employment(*employment);
            if (count_as_service) {
                period.person_id = person.id;
                period.employment_id = employment->id;
                period.arena = employment->post_type == store::PostType::gp_list
                                   ? domain::Arena::OpenGeneralPractice
                               : employment->post_type == store::PostType::institution
                                   ? domain::Arena::Institution
                                   : domain::Arena::OtherGeneralPractice;
                period.place = place.value_or(m.name);
                period.starts_on = employment->starts_on;
                period.ends_on = employment->ends_on;
                period.fte = employment->fte;
                period.employer_registered =
                    m.enterprise_status != store::EnterpriseStatus::not_registered;
                period.id = w.add_service_period(period);
            }
            auto e = audit_event(s, request, context, "trainee.register", "ok");
            e.subject_person_id = person.id;
            w.append_audit(std::move(e));
        });
    } catch (const store::ConstraintViolation&) {
        // Another leader registered the same HPR number between our check and our write.
        throw HttpError(http::status::conflict, "hpr_taken", "records.hpr_taken", "hpr_number");
    }
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person.id) + "?lagret=lege");
    }
    json::object body{{"id", person.id},
                      {"name", person.full_name},
                      {"hpr_number", *person.hpr_number},
                      {"lis1_completed", date_or_null(person.lis1_completed)},
                      {"ruleset", *person.ruleset},
                      {"employment", employment_json(*employment)},
                      {"service_period", count_as_service ? json::value(service_period_json(period))
                                                          : json::value()}};
    return created(request, "/api/v1/people/" + std::to_string(person.id), std::move(body));
}

// ---- An employment of a registered doctor. ----

Response new_employment_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const FormInput defaults({{"fte", "100"}, {"post_type", "gp_list"}, {"pay_model", "salaried"}});
    auto data = employment_form(s, context, person, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.employment_title"),
                std::move(data));
}

Response add_employment(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const std::string municipality = acting_municipality(s, context, person.id);
    auto input = FormInput::from_request(request);
    auto employment = read_employment(input, s.store, person.id, municipality);
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form",
                      s.catalogue.text("records.employment_title"),
                      [&] { return employment_form(s, context, person, input); });
    }
    s.store.write([&](store::StoreWriter& w) {
        employment->id = w.add_employment(*employment);
        auto e = audit_event(s, request, context, "employment.add", "ok");
        e.subject_person_id = person.id;
        w.append_audit(std::move(e));
    });
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person.id) + "?lagret=ansettelse");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   employment_json(*employment));
}

// ---- A service period. ----

Response new_service_period_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const FormInput defaults(
        {{"fte", "100"}, {"arena", "open_general_practice"}, {"employer_registered", "ja"}});
    auto data = service_period_form(s, context, person, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.period_title"),
                std::move(data));
}

Response add_service_period(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    acting_municipality(s, context, person.id);
    auto input = FormInput::from_request(request);
    const auto arena = input.required_choice("arena", kServiceArenas);
    const auto place = input.required_text("place", kMaxPlace);
    const auto from = input.required_date("starts_on");
    const auto to = input.optional_date("ends_on");
    const auto fte = input.required_int("fte", 1, 100);
    const auto end = end_not_before_start(input, from, to, "ends_on");
    const auto employments = s.store.employments_of(person.id);
    std::optional<store::Employment> employment;
    if (input.present("employment_id")) {
        const auto id = parse_id(input.text("employment_id"));
        const auto it = std::find_if(employments.begin(), employments.end(),
                                     [&](const store::Employment& e) { return id && e.id == *id; });
        if (it == employments.end()) {
            input.fail("employment_id", "form.bad_choice");
        } else {
            employment = *it;
        }
    }
    store::ServicePeriod period;
    if (input.ok()) {
        period.person_id = person.id;
        period.employment_id =
            employment ? std::optional<std::int64_t>(employment->id) : std::nullopt;
        period.arena = *domain::parse_arena(*arena);
        period.place = *place;
        period.starts_on = *from;
        period.ends_on = end;
        period.fte = *fte;
        period.employer_registered = input.flag("employer_registered");
        if (employment && (period.starts_on < employment->starts_on ||
                           (employment->ends_on &&
                            (!period.ends_on || *employment->ends_on < *period.ends_on)))) {
            input.fail("starts_on", "records.outside_employment");
        }
        std::vector<domain::PositionSpan> existing;
        for (const auto& other : s.store.service_periods_of(person.id)) {
            existing.push_back({other.starts_on, other.ends_on, other.fte});
        }
        check_full_time(input, existing, {period.starts_on, period.ends_on, period.fte});
    }
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form",
                      s.catalogue.text("records.period_title"),
                      [&] { return service_period_form(s, context, person, input); });
    }
    s.store.write([&](store::StoreWriter& w) {
        period.id = w.add_service_period(period);
        auto e = audit_event(s, request, context, "service_period.add", "ok");
        e.subject_person_id = person.id;
        w.append_audit(std::move(e));
    });
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person.id) + "?lagret=periode");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id),
                   service_period_json(period));
}

// ---- A leave. ----

Response new_leave_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const FormInput defaults(std::map<std::string, std::string>{{"kind", "parental"}});
    auto data = leave_form(s, context, person, defaults);
    add_form_state(s.catalogue, defaults, data);
    return page(s, request, context, "record_form", s.catalogue.text("records.leave_title"),
                std::move(data));
}

Response add_leave(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    acting_municipality(s, context, person.id);
    auto input = FormInput::from_request(request);
    const auto kind = input.required_choice("kind", kLeaveKinds);
    const auto from = input.required_date("starts_on");
    const auto to = input.required_date("ends_on");
    if (from && to && *to < *from) {
        input.fail("ends_on", "records.end_before_start");
    }
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form",
                      s.catalogue.text("records.leave_title"),
                      [&] { return leave_form(s, context, person, input); });
    }
    store::Leave leave;
    leave.person_id = person.id;
    leave.kind = *store::parse_leave_kind(*kind);
    leave.starts_on = *from;
    leave.ends_on = *to;
    s.store.write([&](store::StoreWriter& w) {
        leave.id = w.add_leave(leave);
        auto e = audit_event(s, request, context, "leave.add", "ok");
        e.subject_person_id = person.id;
        w.append_audit(std::move(e));
    });
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person.id) + "?lagret=permisjon");
    }
    return created(request, "/api/v1/people/" + std::to_string(person.id), leave_json(leave));
}

}  // namespace

void register_trainee_routes(Routes& routes) {
    const RouteAccess kManage{app::Action::manage_municipality, ResourceFrom::municipality_param};
    const RouteAccess kEdit{app::Action::edit_training_record, ResourceFrom::person_param};
    using http::verb;
    routes.add(verb::get, "/kommuner/{number}/leger/ny", kManage, new_trainee_page);
    routes.add(verb::post, "/kommuner/{number}/leger/ny", kManage, register_trainee);
    routes.add(verb::post, "/api/v1/municipalities/{number}/trainees", kManage, register_trainee);
    routes.add(verb::get, "/personer/{person:id}/ansettelser/ny", kEdit, new_employment_page);
    routes.add(verb::post, "/personer/{person:id}/ansettelser/ny", kEdit, add_employment);
    routes.add(verb::post, "/api/v1/people/{person:id}/employments", kEdit, add_employment);
    routes.add(verb::get, "/personer/{person:id}/tjenesteperioder/ny", kEdit,
               new_service_period_page);
    routes.add(verb::post, "/personer/{person:id}/tjenesteperioder/ny", kEdit, add_service_period);
    routes.add(verb::post, "/api/v1/people/{person:id}/service-periods", kEdit, add_service_period);
    routes.add(verb::get, "/personer/{person:id}/permisjoner/ny", kEdit, new_leave_page);
    routes.add(verb::post, "/personer/{person:id}/permisjoner/ny", kEdit, add_leave);
    routes.add(verb::post, "/api/v1/people/{person:id}/leaves", kEdit, add_leave);
}

}  // namespace alis::web
