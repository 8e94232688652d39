#pragma once

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "domain/date.hpp"

namespace alis::app {

// Individual supervision (issue 14) in the demo, added after the supervisors (it reads their
// assignments): for each doctor in training in Bergen with a veileder, a year of closed meetings
// up to last month and one planned meeting next week; about one doctor in three meets less than
// the norm (an hour every other month), so that the leader's overview warns. Two supervision
// groups with monthly meetings and their attendance. One addendum, and
// Voss (4621) counting against the ALIS-Vest norm. One transaction; the same configuration and
// date give the same data. Returns how many meetings it added.
int add_demo_supervision(Application& app, domain::Date as_of, const DemoConfig& config);

}  // namespace alis::app
