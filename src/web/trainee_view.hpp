#pragma once

// The view models of the training record's writes (web/trainee_routes.cpp): the record forms
// (templates/record_form.mustache) and the JSON of the records (also in the person API).

#include <boost/json.hpp>

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

// The stored records as the API answers them.
boost::json::object employment_json(const domain::Employment& e);

boost::json::object service_period_json(const domain::ServicePeriod& p);

boost::json::object leave_json(const domain::Leave& l);

// The person's page: /personer/42.
std::string person_path(std::int64_t id);

// The record forms' data, with what `input` holds and its errors: registering a trainee in `m`,
// and adding an employment, a service period (with the person's employments to choose from) or
// a leave to `person`.
boost::json::object trainee_form(Services& s, const RequestContext& context,
                                 const domain::Municipality& m, const FormInput& input);

boost::json::object employment_form(Services& s, const RequestContext& context,
                                    const domain::Person& person, const FormInput& in);

boost::json::object service_period_form(Services& s, const RequestContext& context,
                                        const domain::Person& person, const FormInput& in);

boost::json::object leave_form(Services& s, const RequestContext& context,
                               const domain::Person& person, const FormInput& in);

}  // namespace alis::web
