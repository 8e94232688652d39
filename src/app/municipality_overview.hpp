#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/date.hpp"
#include "domain/municipality.hpp"

namespace alis::app {

// The municipalities of one regional ALIS office.
struct OfficeGroup {
    std::string alis_office;
    std::vector<domain::MunicipalitySummary> municipalities;  // By name.
    int trainees = 0;
};

// Every municipality with its status and doctors in training on a day, grouped by ALIS office.
struct MunicipalityOverview {
    domain::Date as_of;
    std::vector<OfficeGroup> regions;  // By office name.
    int trainees = 0;
};

// The municipality with this number, or nullopt.
std::optional<domain::Municipality> find_municipality(Application& app, const std::string& number);
// Every municipality, ordered by ALIS office, then by name.
std::vector<domain::Municipality> municipalities(Application& app);

// The municipalities of the reference file compiled into the binary (data/municipalities.csv),
// with the population the store does not keep; read once. Throws store::StoreError when the file
// is missing from the build or cannot be read.
const std::vector<domain::ReferenceMunicipality>& reference_municipalities();

// Builds the overview of every municipality as of `today`.
MunicipalityOverview municipality_overview(Application& app, domain::Date today);

}  // namespace alis::app
