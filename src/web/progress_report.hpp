#pragma once

// The doctor's progress report as JSON (GET /api/v1/people/{person}/objectives, issue 13): each
// catalogue edition that applies, with its counts and every objective's state. The pages render
// the same app::LearningRecord through their templates.

#include <boost/json.hpp>

#include "app/learning_log.hpp"
#include "domain/date.hpp"
#include "domain/learning_log.hpp"

namespace alis::web {

// How many objectives of a catalogue stand where, with the total.
boost::json::object objective_counts_json(const domain::ObjectiveCounts& counts);

// One objective with where the doctor stands: status, activities, consultation, approval.
boost::json::object objective_progress_json(const app::ObjectiveProgress& progress);

// The report of `record` as of `as_of`: the person, and each catalogue with its objectives.
boost::json::object progress_report_json(const app::LearningRecord& record, domain::Date as_of);

}  // namespace alis::web
