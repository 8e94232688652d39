#pragma once

#include <string>
#include <vector>

#include "domain/date.hpp"
#include "store/store.hpp"

namespace alis::app {

// The municipalities of one regional ALIS office.
struct OfficeGroup {
    std::string alis_office;
    std::vector<store::MunicipalitySummary> municipalities;  // By name.
    int trainees = 0;
};

// Every municipality with its status and doctors in training on a day, grouped by ALIS office.
struct MunicipalityOverview {
    domain::Date as_of;
    std::vector<OfficeGroup> regions;  // By office name.
    int trainees = 0;
};

// Builds the overview of every municipality as of `today`.
MunicipalityOverview municipality_overview(store::Store& store, domain::Date today);

}  // namespace alis::app
