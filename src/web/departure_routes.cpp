// Why a doctor left an ALIS post and where they went: the leader records it on an ended
// employment (app/departures.hpp), through a page or the API, and can record it again to correct
// it. The figures of stability count these (issue 16).
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "app/departures.hpp"
#include "app/policy.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

const std::vector<std::string_view> kReasons = domain::enum_names<domain::DepartureReason>();
const std::vector<std::string_view> kDestinations = domain::enum_names<domain::Destination>();

// The person, their ended employment in the path (404 when it is not theirs), the departure
// recorded from it, if any, and where the form leads back to: the person's page while the
// municipality employs the doctor, else (after the doctor left) its overview.
struct LoadedDeparture {
    app::TrainingRecord record;
    domain::Employment employment;
    std::optional<domain::Departure> departure;
    std::string back;
};

LoadedDeparture load_departure(Services& s, const RequestContext& context) {
    auto record = found(app::training_record(s.app, context.id("person")));
    const auto id = context.id("employment");
    const auto e = std::find_if(record.employments.begin(), record.employments.end(),
                                [&](const domain::Employment& x) { return x.id == id; });
    if (e == record.employments.end()) {
        not_found();
    }
    LoadedDeparture loaded{std::move(record), *e, std::nullopt, {}};
    for (const auto& d : loaded.record.departures) {
        if (d.employment_id == id) {
            loaded.departure = d;
        }
    }
    // The employment's resource, which the route's access was decided on, says whether its
    // municipality employs the doctor today (and so reads the record).
    const auto& number = loaded.employment.municipality_number;
    const bool employs =
        context.resource && std::find(context.resource->employing_municipalities.begin(),
                                      context.resource->employing_municipalities.end(),
                                      number) != context.resource->employing_municipalities.end();
    loaded.back =
        employs ? person_path(loaded.record.person.id) : "/kommuner/" + number + "/oversikt";
    return loaded;
}

json::object departure_form(Services& s, const RequestContext& context,
                            const LoadedDeparture& loaded, const FormInput& in) {
    const auto& t = s.catalogue;
    const auto& person = loaded.record.person;
    json::array fields{
        select_field(t, in, "reason", "departure.reason", "departure_reason", kReasons),
        select_field(t, in, "destination", "departure.destination", "destination", kDestinations),
        checkbox_field(t, in, "training_ended", "departure.training_ended",
                       "departure.training_ended_hint")};
    return form_page(
        t, context, t.format("departure.heading", {{"name", person.full_name}}),
        t.format("departure.intro", {{"employment", describe(t, loaded.employment,
                                                             loaded.record.municipality_names)}}),
        departure_path(person.id, loaded.employment.id), loaded.back, "departure.save",
        json::array{section(t, "departure.legend", std::move(fields))});
}

FormInput input_of(const std::optional<domain::Departure>& d) {
    if (!d) {
        return FormInput(std::map<std::string, std::string>{});
    }
    std::map<std::string, std::string> fields{
        {"reason", std::string(domain::to_string(d->reason))},
        {"destination", std::string(domain::to_string(d->destination))}};
    if (d->training_ended) {
        fields.emplace("training_ended", "ja");
    }
    return FormInput(std::move(fields));
}

Response departure_page(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_departure(s, context);
    if (!loaded.employment.ends_on) {
        throw HttpError(http::status::conflict, "still_employed", "departure.still_employed");
    }
    const auto input = input_of(loaded.departure);
    auto data = departure_form(s, context, loaded, input);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", s.catalogue.text("departure.title"),
                std::move(data));
}

Response record_departure(Services& s, const Request& request, RequestContext& context) {
    const auto loaded = load_departure(s, context);
    auto input = FormInput::from_request(request);
    const auto reason = input.required_choice("reason", kReasons);
    const auto destination = input.required_choice("destination", kDestinations);
    const std::string title = s.catalogue.text("departure.title");
    const auto form = [&] { return departure_form(s, context, loaded, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    domain::Departure departure;
    departure.employment_id = loaded.employment.id;
    departure.reason = *domain::parse_enum<domain::DepartureReason>(*reason);
    departure.destination = *domain::parse_enum<domain::Destination>(*destination);
    departure.training_ended = input.flag("training_ended");
    auto result =
        app::record_departure(s.app, loaded.record.person.id, departure, context.session->actor,
                              audit_event(s, request, context, "departure.recorded", "ok"));
    if (const auto* problem = std::get_if<app::DepartureProblem>(&result)) {
        switch (*problem) {
            case app::DepartureProblem::unknown_employment:
                not_found();
            case app::DepartureProblem::later_employment:
                input.fail("training_ended", "departure.later_employment");
                return refuse(s, request, context, input, "record_form", title, form);
            case app::DepartureProblem::still_employed:
                break;
        }
        throw HttpError(http::status::conflict, "still_employed", "departure.still_employed");
    }
    if (!wants_json(request)) {
        return redirect(request.version(), loaded.back + "?lagret=avslutning");
    }
    return json_response(http::status::ok, request.version(),
                         app::departure_json(std::get<domain::Departure>(result)));
}

}  // namespace

void register_departure_routes(Routes& routes) {
    // The employment's own leader, also after it ended (app/policy.hpp, kDepartureRecordDays).
    const RouteAccess kEdit{app::Action::record_departure, ResourceFrom::employment_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/ansettelser/{employment:id}/avslutning", kEdit,
               departure_page);
    routes.add(verb::post, "/personer/{person:id}/ansettelser/{employment:id}/avslutning", kEdit,
               record_departure);
    routes.add(verb::put, "/api/v1/people/{person:id}/employments/{employment:id}/departure", kEdit,
               record_departure);
}

}  // namespace alis::web
