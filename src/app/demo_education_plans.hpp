#pragma once

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "domain/date.hpp"

namespace alis::app {

// Adds individual education plans to the demo (after load_demo_data's people and accounts): the
// demo trainee (alis@demo.alis.no) gets a plan with three revisions by the leader, the
// supervisor and the trainee; a few other trainees in Bergen and Tromsø get one revision, one of
// them more than a year old (due for revision). At demo scale the rest have none; at national
// scale most other trainees have a plan made when they started and revised about yearly since.
// One transaction; the same data, configuration and date always give the same plans. Returns how
// many revisions it wrote.
int add_demo_education_plans(Application& app, domain::Date as_of, const DemoConfig& config);

}  // namespace alis::app
