#pragma once

#include <cstdint>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "domain/date.hpp"

namespace alis::app {

// Supervisors (journey 5) in the demo, added after the people and accounts of load_demo_data
// (it reads them): in every municipality with doctors in training, about one supervisor per two
// trainees (both qualification models, approved experienced GPs more often in rural
// municipalities), most trainees assigned; in Bergen the demo supervisor account's person is at
// capacity and one supervisor comes from Askøy through an inter-municipal agreement. One
// transaction; the same configuration and date give the same data. Returns how many supervisors
// it registered.
int add_demo_supervisors(Application& app, domain::Date as_of, const DemoConfig& config);

}  // namespace alis::app
