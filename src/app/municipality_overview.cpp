#include "app/municipality_overview.hpp"

namespace alis::app {

MunicipalityOverview municipality_overview(store::Store& store, domain::Date today) {
    MunicipalityOverview overview;
    overview.as_of = today;
    // The store returns them ordered by office, then name.
    for (auto& summary : store.municipality_summaries(today)) {
        if (overview.regions.empty() ||
            overview.regions.back().alis_office != summary.municipality.alis_office) {
            overview.regions.push_back({summary.municipality.alis_office, {}, 0});
        }
        OfficeGroup& region = overview.regions.back();
        region.trainees += summary.trainees;
        overview.trainees += summary.trainees;
        region.municipalities.push_back(std::move(summary));
    }
    return overview;
}

}  // namespace alis::app
