#pragma once

// The view models of the training record's writes (web/trainee_routes.cpp): the record forms
// (templates/record_form.mustache) and the JSON of the records (also in the person API).

#include <boost/json.hpp>

#include "app/record_json.hpp"
#include "app/training_records.hpp"
#include "domain/municipality.hpp"
#include "domain/person.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {

// The choices of the record forms, from the enums' name tables and the known rulesets.
extern const std::vector<std::string_view> kRulesets;
extern const std::vector<std::string_view> kPostTypes;
extern const std::vector<std::string_view> kPayModels;
// A service period is in any arena but leave, which is recorded as a leave.
extern const std::vector<std::string_view> kServiceArenas;
extern const std::vector<std::string_view> kLeaveKinds;

// The stored records as the API answers them (app/record_json.hpp).
using app::employment_json;
using app::leave_json;
using app::service_period_json;

// The person's page: /personer/42.
std::string person_path(std::int64_t id);

// A record's page under the person's: /personer/42/ansettelser/7 for rest "7".
std::string record_path(std::int64_t person, domain::RecordKind kind, std::string_view rest);
// The form of why the doctor left an employment: /personer/42/ansettelser/7/avslutning.
std::string departure_path(std::int64_t person, std::int64_t employment);
// The certificate of service of the employment, as PDF.
std::string certificate_path(std::int64_t person, std::int64_t employment);
// "Bergen (4601)", or the number alone when `names` does not have it.
std::string municipality_label(const app::MunicipalityNames& names, const std::string& number);
// The kind of a record version.
domain::RecordKind kind_of(const app::RecordVersion& record);
// One line about a record version, for the history and the removal page: "Bergen (4601),
// 01.01.2024 – pågår, 100 %, Fastlege", the municipality named from `names` (its number alone
// when it is not there).
std::string describe(const Catalogue& t, const app::RecordVersion& record,
                     const app::MunicipalityNames& names);

// The id of the record a form corrects; nullopt for a form that adds a new record.
using Correcting = std::optional<std::int64_t>;

// The record forms' data, with what `input` holds and its errors: registering a trainee in `m`,
// and adding an employment, a service period (with the person's employments to choose from) or
// a leave to `person`, or correcting one (with a reason, and a link to removing it instead).
boost::json::object trainee_form(Services& s, const RequestContext& context,
                                 const domain::Municipality& m, const FormInput& input);

boost::json::object employment_form(Services& s, const RequestContext& context,
                                    const domain::Person& person, const FormInput& in,
                                    Correcting correcting = std::nullopt);

boost::json::object service_period_form(Services& s, const RequestContext& context,
                                        const domain::Person& person, const FormInput& in,
                                        Correcting correcting = std::nullopt);

boost::json::object leave_form(Services& s, const RequestContext& context,
                               const domain::Person& person, const FormInput& in,
                               Correcting correcting = std::nullopt);

// The page that removes a record, after asking why.
boost::json::object removal_form(Services& s, const RequestContext& context,
                                 const domain::Person& person, const app::RecordVersion& record,
                                 std::int64_t record_id,
                                 const app::MunicipalityNames& municipalities, const FormInput& in);

}  // namespace alis::web
