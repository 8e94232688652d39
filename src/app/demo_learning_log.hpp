#pragma once

#include <string_view>

#include "app/application.hpp"
#include "domain/date.hpp"

namespace alis::app {

// The demo supervisør's login, invited by the demo doctors with learning logs.
inline constexpr std::string_view kDemoClinicalSupervisor = "supervisor@demo.alis.no";

// Learning logs (issue 13) in the demo, added after the demo catalogues and the supervisors: for
// the first doctors in training in Bergen with a veileder, activities of every kind that support
// ALM objectives (some signed by a supervisør), and objectives at every stage: asked for approval,
// recommended by the veileder and a supervisør, approved, rejected with a reason, recalled, and
// approved then reversed with a reason. One transaction; the same date gives the same data.
// Each of those doctors has invited the demo supervisør. Returns how many activities it added.
int add_demo_learning_logs(Application& app, domain::Date as_of);

}  // namespace alis::app
