#include "app/region_overview.hpp"

#include <algorithm>

namespace alis::app {

bool at_risk_of_delay(const store::Municipality& employer, const PersonLedger& ledger) {
    const auto& report = ledger.report;
    if (report.complete) {
        return false;
    }
    if (!report.projected_completion ||
        employer.enterprise_status == store::EnterpriseStatus::not_registered ||
        !report.warnings.empty()) {
        return true;
    }
    for (const auto& r : report.requirements) {
        if (r.id == "institution_min" && !r.met) {
            const bool planned = std::any_of(
                ledger.path.periods.begin(), ledger.path.periods.end(), [&](const auto& p) {
                    return p.arena == domain::Arena::Institution && p.from > report.as_of;
                });
            if (!planned) {
                return true;
            }
        }
    }
    return false;
}

std::optional<RegionOverview> region_overview(store::Store& store, const std::string& office,
                                              domain::Date today) {
    auto counts = store.region_counts(office, today);
    if (counts.empty()) {
        return std::nullopt;
    }
    RegionOverview overview;
    overview.office = office;
    overview.as_of = today;
    for (auto& c : counts) {
        RegionMunicipality row{std::move(c), 0};
        // Counts come from one query; the ledger is per trainee, only where there are trainees.
        if (row.counts.trainees > 0) {
            for (const auto& record :
                 store.trainee_records(row.counts.municipality.number, today)) {
                const auto ledger = ledger_of(
                    training_path_from(record.person, record.periods, record.leaves, today));
                if (at_risk_of_delay(row.counts.municipality, ledger)) {
                    ++row.at_risk;
                }
            }
        }
        overview.totals.counts.trainees += row.counts.trainees;
        overview.totals.counts.without_supervisor += row.counts.without_supervisor;
        overview.totals.counts.supervisors_with_free_capacity +=
            row.counts.supervisors_with_free_capacity;
        overview.totals.at_risk += row.at_risk;
        overview.municipalities.push_back(std::move(row));
    }
    return overview;
}

}  // namespace alis::app
