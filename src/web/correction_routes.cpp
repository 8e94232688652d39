// Corrections of the training record: an employment, a service period or a leave changed with
// the same fields and rules as adding it, or removed, each with a reason. The use cases keep the
// earlier version (app/training_records.hpp), so the history shows what was there before.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "app/policy.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/record_input.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// What the correction handlers need of each kind of record.
struct EmploymentRecords {
    using Record = domain::Employment;
    static constexpr std::string_view param = "employment";
    static constexpr std::string_view audit = "employment";
    static constexpr std::string_view title = "records.correct_employment_title";
    static const std::vector<Record>& of(const app::TrainingRecord& r) { return r.employments; }
    static FormInput input_of(const Record& e) {
        return FormInput({{"starts_on", e.starts_on.norwegian()},
                          {"ends_on", e.ends_on ? e.ends_on->norwegian() : ""},
                          {"fte", std::to_string(e.fte)},
                          {"post_type", std::string(domain::to_string(e.post_type))},
                          {"pay_model", std::string(domain::to_string(e.pay_model))}});
    }
    static std::optional<Record> read(FormInput& input, const Record& stored) {
        return read_employment(input, stored.person_id, stored.municipality_number);
    }
    static json::object form(Services& s, const RequestContext& context,
                             const domain::Person& person, const FormInput& in, Correcting id) {
        return employment_form(s, context, person, in, id);
    }
    static constexpr std::string_view remove_title = "records.remove_employment_title";
    static json::object json(const Record& r) { return employment_json(r); }
    static constexpr auto correct = app::correct_employment;
    static constexpr auto remove = app::remove_employment;
};

struct ServicePeriodRecords {
    using Record = domain::ServicePeriod;
    static constexpr std::string_view param = "period";
    static constexpr std::string_view audit = "service_period";
    static constexpr std::string_view title = "records.correct_period_title";
    static const std::vector<Record>& of(const app::TrainingRecord& r) { return r.periods; }
    static FormInput input_of(const Record& p) {
        std::map<std::string, std::string> fields{
            {"arena", std::string(domain::to_string(p.arena))},
            {"place", p.place},
            {"starts_on", p.starts_on.norwegian()},
            {"ends_on", p.ends_on ? p.ends_on->norwegian() : ""},
            {"fte", std::to_string(p.fte)},
            {"employment_id", p.employment_id ? std::to_string(*p.employment_id) : ""}};
        if (p.employer_registered) {
            fields.emplace("employer_registered", "ja");
        }
        return FormInput(std::move(fields));
    }
    static std::optional<Record> read(FormInput& input, const Record& stored) {
        return read_service_period(input, stored.person_id);
    }
    static json::object form(Services& s, const RequestContext& context,
                             const domain::Person& person, const FormInput& in, Correcting id) {
        return service_period_form(s, context, person, in, id);
    }
    static constexpr std::string_view remove_title = "records.remove_period_title";
    static json::object json(const Record& r) { return service_period_json(r); }
    static constexpr auto correct = app::correct_service_period;
    static constexpr auto remove = app::remove_service_period;
};

struct LeaveRecords {
    using Record = domain::Leave;
    static constexpr std::string_view param = "leave";
    static constexpr std::string_view audit = "leave";
    static constexpr std::string_view title = "records.correct_leave_title";
    static const std::vector<Record>& of(const app::TrainingRecord& r) { return r.leaves; }
    static FormInput input_of(const Record& l) {
        return FormInput({{"kind", std::string(domain::to_string(l.kind))},
                          {"starts_on", l.starts_on.norwegian()},
                          {"ends_on", l.ends_on.norwegian()}});
    }
    static std::optional<Record> read(FormInput& input, const Record& stored) {
        return read_leave(input, stored.person_id);
    }
    static json::object form(Services& s, const RequestContext& context,
                             const domain::Person& person, const FormInput& in, Correcting id) {
        return leave_form(s, context, person, in, id);
    }
    static constexpr std::string_view remove_title = "records.remove_leave_title";
    static json::object json(const Record& r) { return leave_json(r); }
    static constexpr auto correct = app::correct_leave;
    static constexpr auto remove = app::remove_leave;
};

// The person in the path, their record of the kind named by the path (404 when it is not theirs,
// or no longer there), and the names of the record's municipalities.
template <typename K>
struct LoadedRecord {
    domain::Person person;
    typename K::Record stored;
    app::MunicipalityNames names;
};

template <typename K>
LoadedRecord<K> load_record(Services& s, const RequestContext& context) {
    auto record = found(app::training_record(s.app, context.id("person")));
    const auto id = context.id(K::param);
    const auto& records = K::of(record);
    const auto it = std::find_if(records.begin(), records.end(),
                                 [&](const typename K::Record& r) { return r.id == id; });
    if (it == records.end()) {
        not_found();
    }
    return {std::move(record.person), *it, std::move(record.municipality_names)};
}

// The reason, and who gives it: the signed-in actor's name and e-mail.
std::optional<app::Correction> read_correction(FormInput& input, const RequestContext& context) {
    auto reason = input.multiline_text("reason", app::kMaxCorrectionReason);
    if (reason && reason->empty()) {
        input.fail("reason", "form.required");
        return std::nullopt;
    }
    if (!reason) {
        return std::nullopt;
    }
    return app::Correction{std::move(*reason), app::signature_of(context.session->actor)};
}

// The answer to a correction that was stored: back to the person's page, or the JSON.
Response corrected(const Request& request, std::int64_t person, std::string_view saved,
                   json::object body) {
    if (!wants_json(request)) {
        return redirect(request.version(), person_path(person) + "?lagret=" + std::string(saved));
    }
    return json_response(http::status::ok, request.version(), body);
}

std::string title_of(Services& s, std::string_view key) {
    return s.catalogue.text(std::string(key));
}

template <typename K>
Response correction_page(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_record<K>(s, context);
    const auto input = K::input_of(loaded.stored);
    auto data = K::form(s, context, loaded.person, input, loaded.stored.id);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", title_of(s, K::title), std::move(data));
}

template <typename K>
Response correct_record(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_record<K>(s, context);
    const auto& person = loaded.person;
    const auto& stored = loaded.stored;
    auto input = FormInput::from_request(request);
    auto record = K::read(input, stored);
    const auto why = read_correction(input, context);
    const std::string title = title_of(s, K::title);
    const auto form = [&] { return K::form(s, context, person, input, stored.id); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    record->id = stored.id;
    auto result =
        K::correct(s.app, *record, *why,
                   audit_event(s, request, context, std::string(K::audit) + ".corrected", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, "record_form", title, form);
    }
    return corrected(request, person.id, "rettet", K::json(std::get<typename K::Record>(result)));
}

template <typename K>
Response removal_page(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_record<K>(s, context);
    const FormInput input(std::map<std::string, std::string>{});
    auto data = removal_form(s, context, loaded.person, loaded.stored, loaded.stored.id,
                             loaded.names, input);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", title_of(s, K::remove_title), std::move(data));
}

template <typename K>
Response remove_record(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_record<K>(s, context);
    const auto& person = loaded.person;
    const auto& stored = loaded.stored;
    auto input = FormInput::from_request(request);
    const auto why = read_correction(input, context);
    const std::string title = title_of(s, K::remove_title);
    const auto form = [&] {
        return removal_form(s, context, person, stored, stored.id, loaded.names, input);
    };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    auto result =
        K::remove(s.app, person.id, stored.id, *why,
                  audit_event(s, request, context, std::string(K::audit) + ".removed", "ok"));
    if (const auto* problems = std::get_if<app::RecordProblems>(&result)) {
        note(input, *problems);
        return refuse(s, request, context, input, "record_form", title, form);
    }
    return corrected(request, person.id, "fjernet",
                     json::object{{"removed", K::json(std::get<typename K::Record>(result))}});
}

// The pages and the API of correcting and removing one kind of record: the record's page, its
// removal page and its API resource (each named in full, so that a route is found by its path).
template <typename K>
void add_correction_routes(Routes& routes, const RouteAccess& access, const char* record,
                           const char* removal, const char* resource) {
    using http::verb;
    routes.add(verb::get, record, access, correction_page<K>);
    routes.add(verb::post, record, access, correct_record<K>);
    routes.add(verb::get, removal, access, removal_page<K>);
    routes.add(verb::post, removal, access, remove_record<K>);
    routes.add(verb::put, resource, access, correct_record<K>);
    routes.add(verb::delete_, resource, access, remove_record<K>);
}

}  // namespace

void register_correction_routes(Routes& routes) {
    const RouteAccess kEdit{app::Action::edit_training_record, ResourceFrom::person_param};
    // The same access as adding a record (web/trainee_routes.cpp).
    add_correction_routes<EmploymentRecords>(
        routes, kEdit, "/personer/{person:id}/ansettelser/{employment:id}",
        "/personer/{person:id}/ansettelser/{employment:id}/fjern",
        "/api/v1/people/{person:id}/employments/{employment:id}");
    add_correction_routes<ServicePeriodRecords>(
        routes, kEdit, "/personer/{person:id}/tjenesteperioder/{period:id}",
        "/personer/{person:id}/tjenesteperioder/{period:id}/fjern",
        "/api/v1/people/{person:id}/service-periods/{period:id}");
    add_correction_routes<LeaveRecords>(routes, kEdit,
                                        "/personer/{person:id}/permisjoner/{leave:id}",
                                        "/personer/{person:id}/permisjoner/{leave:id}/fjern",
                                        "/api/v1/people/{person:id}/leaves/{leave:id}");
}

}  // namespace alis::web