#include "app/region_overview.hpp"

#include "app/education_plan.hpp"

namespace alis::app {

bool at_risk_of_delay(const store::Municipality& employer, const PersonLedger& ledger,
                      const std::optional<store::EducationPlanRevision>& plan) {
    const auto& report = ledger.report;
    if (report.complete) {
        return false;
    }
    if (!projected_completion(ledger, plan) ||
        employer.enterprise_status == store::EnterpriseStatus::not_registered ||
        !report.warnings.empty()) {
        return true;
    }
    for (const auto& r : report.requirements) {
        if (r.id == "institution_min" && !r.met) {
            if (!institution_planned(ledger, plan)) {
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
                if (at_risk_of_delay(row.counts.municipality, ledger, record.plan)) {
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
