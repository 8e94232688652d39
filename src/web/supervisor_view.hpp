#pragma once

// The view models of supervisors (web/supervisor_routes.cpp): the municipality's list, the forms
// to register a supervisor, set the capacity and assign a supervisor, and the JSON of a
// supervisor.

#include <boost/json.hpp>

#include "app/supervisors.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {

// A supervisor's qualifications, as stored.
inline const std::vector<std::string_view> kQualifications =
    domain::enum_names<domain::SupervisorQualification>();

// A supervisor as the API answers it; with `trainees`, also the load against `capacity`.
boost::json::object supervisor_json(const domain::Supervisor& x, const std::string& name,
                                    std::optional<int> trainees, int capacity);

// The forms' data: registering a supervisor in `m` (`home` and `qualification` preselected),
// the capacity of `m`, and choosing a supervisor for a trainee (`selected`, a supervisor's
// person id, preselected).
boost::json::object new_supervisor_data(Services& s, const domain::Municipality& m,
                                        const RequestContext& context, const std::string& home,
                                        const std::string& qualification);

boost::json::object capacity_data(Services& s, const domain::Municipality& m,
                                  const RequestContext& context);

// A trainee and the municipality whose supervisors the actor may choose from.
struct Trainee {
    domain::Person person;
    domain::Municipality municipality;  // Led by the actor and employing (or hiring) the trainee.
};

boost::json::object assignment_data(Services& s, const Trainee& trainee,
                                    const RequestContext& context, const std::string& selected);

// The data of the municipality's supervisors page (templates/supervisors.mustache).
boost::json::object supervisor_list_view(Services& s, const app::SupervisorList& list);

// One of the signed-in supervisor's current trainees: since when, and who employs them.
using OwnTrainee = app::SupervisedTrainee;

// The signed-in supervisor's current trainees, by name.
std::vector<OwnTrainee> own_trainees(Services& s, const RequestContext& context);

// "a, b, c".
std::string joined(const std::vector<std::string>& items);

}  // namespace alis::web
