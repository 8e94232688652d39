#pragma once

#include "app/application.hpp"
#include "domain/date.hpp"

namespace alis::app {

// Adds individual education plans to the demo (after load_demo_data's people and accounts): the
// demo trainee (alis@demo.alis.no) gets a plan with three revisions by the leader, the
// supervisor and the trainee; a few other trainees in Bergen and Tromsø get one revision, one of
// them more than a year old (due for revision); the rest have none, as in real life. One
// transaction; the same data and date always give the same plans.
void add_demo_education_plans(Application& app, domain::Date as_of);

}  // namespace alis::app
