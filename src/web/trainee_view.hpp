#pragma once

// The view models of the training record's writes (web/trainee_routes.cpp): the record forms
// (templates/record_form.mustache) and the JSON of the records (also in the person API).

#include <boost/json.hpp>

#include "store/store.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {

// The choices of the record forms, as stored.
inline const std::vector<std::string_view> kRulesets = {"allmennmedisin-2019",
                                                        "allmennmedisin-pre2019"};

inline const std::vector<std::string_view> kPostTypes = {"gp_list", "other_general_practice",
                                                         "institution"};

inline const std::vector<std::string_view> kPayModels = {"salaried", "self_employed"};

inline const std::vector<std::string_view> kServiceArenas = {
    "open_general_practice", "other_general_practice", "institution", "other"};

inline const std::vector<std::string_view> kLeaveKinds = {"parental", "sick", "other"};

// The stored records as the API answers them.
boost::json::object employment_json(const store::Employment& e);

boost::json::object service_period_json(const store::ServicePeriod& p);

boost::json::object leave_json(const store::Leave& l);

// The person's page: /personer/42.
std::string person_path(std::int64_t id);

// The record forms' data, with what `input` holds and its errors: registering a trainee in `m`,
// and adding an employment, a service period (with the person's employments to choose from) or
// a leave to `person`.
boost::json::object trainee_form(Services& s, const RequestContext& context,
                                 const store::Municipality& m, const FormInput& input);

boost::json::object employment_form(Services& s, const RequestContext& context,
                                    const store::Person& person, const FormInput& in);

boost::json::object service_period_form(Services& s, const RequestContext& context,
                                        const store::Person& person, const FormInput& in);

boost::json::object leave_form(Services& s, const RequestContext& context,
                               const store::Person& person, const FormInput& in);

}  // namespace alis::web
