#include "app/municipality_overview.hpp"

#include "store/database.hpp"

#include "embedded.hpp"

namespace alis::app {

const std::vector<domain::ReferenceMunicipality>& reference_municipalities() {
    static const std::vector<domain::ReferenceMunicipality> all = [] {
        const auto& files = embedded::files();
        const auto it = files.find("data/municipalities.csv");
        if (it == files.end()) {
            throw store::StoreError("data/municipalities.csv missing from the build");
        }
        try {
            return domain::parse_municipalities_csv(it->second);
        } catch (const domain::MunicipalityFileError& e) {
            throw store::StoreError(std::string("data/municipalities.csv ") + e.what());
        }
    }();
    return all;
}

std::optional<domain::Municipality> find_municipality(Application& app, const std::string& number) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.municipalities().find(number); });
}

std::vector<domain::Municipality> municipalities(Application& app) {
    return app.database().read([](const store::Snapshot& s) { return s.municipalities().all(); });
}

MunicipalityOverview municipality_overview(Application& app, domain::Date today) {
    MunicipalityOverview overview;
    overview.as_of = today;
    // The store returns them ordered by office, then name.
    auto summaries = app.database().read(
        [&](const store::Snapshot& s) { return s.municipalities().summaries(today); });
    for (auto& summary : summaries) {
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
