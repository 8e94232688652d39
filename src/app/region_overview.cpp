#include "app/region_overview.hpp"

#include <map>
#include <set>

#include "app/education_plan.hpp"
#include "app/trainee_overview.hpp"
#include "store/database.hpp"

namespace alis::app {

bool at_risk_of_delay(const domain::Municipality& employer, const PersonLedger& ledger,
                      const std::optional<domain::EducationPlanRevision>& plan) {
    const auto& report = ledger.report;
    if (report.complete) {
        return false;
    }
    if (!projected_completion(ledger, plan) ||
        employer.enterprise_status == domain::EnterpriseStatus::not_registered ||
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

std::optional<RegionOverview> region_overview(Application& app, const std::string& office,
                                              domain::Date today) {
    std::vector<domain::RegionMunicipalityCounts> counts;
    std::map<std::string, std::vector<domain::TraineeRecord>> records;
    std::map<std::string, int> awaiting;  // Open objective requests by municipality.
    app.database().read([&](const store::Snapshot& s) {
        counts = s.municipalities().region_counts(office, today);
        // Counts come from one query, and the trainees of the whole region with their records
        // from a handful more (not a handful per municipality); the ledger is per trainee.
        std::vector<std::pair<std::string, std::int64_t>> employed;
        std::vector<domain::Person> people;
        std::set<std::int64_t> seen;
        s.people().trainees_employed_in_region(
            office, today, [&](const std::string& number, domain::Person person) {
                employed.emplace_back(number, person.id);
                if (seen.insert(person.id).second) {
                    people.push_back(std::move(person));
                }
            });
        std::map<std::int64_t, domain::TraineeRecord> by_person;
        for (auto& record : trainee_records(s, std::move(people), today)) {
            const auto id = record.person.id;
            by_person.emplace(id, std::move(record));
        }
        for (const auto& [number, id] : employed) {
            records[number].push_back(by_person.at(id));
        }
        // The region's open requests from one query, counted where the doctor is employed.
        std::map<std::int64_t, int> open_of;
        for (const auto& request : s.learning_log().open_requests_of({seen.begin(), seen.end()})) {
            ++open_of[request.person_id];
        }
        for (const auto& [number, id] : employed) {
            if (const auto it = open_of.find(id); it != open_of.end()) {
                awaiting[number] += it->second;
            }
        }
    });
    if (counts.empty()) {
        return std::nullopt;
    }
    RegionOverview overview;
    overview.office = office;
    overview.as_of = today;
    for (auto& c : counts) {
        RegionMunicipality row{std::move(c), 0, 0};
        if (const auto it = awaiting.find(row.counts.municipality.number); it != awaiting.end()) {
            row.awaiting_approval = it->second;
        }
        if (const auto it = records.find(row.counts.municipality.number); it != records.end()) {
            for (const auto& record : it->second) {
                const auto outcome = ledger_outcome_of(
                    training_path_from(record.person, record.periods, record.leaves, today));
                const auto* ledger = std::get_if<PersonLedger>(&outcome);
                if (!ledger || at_risk_of_delay(row.counts.municipality, *ledger, record.plan)) {
                    ++row.at_risk;
                }
            }
        }
        overview.totals.counts.trainees += row.counts.trainees;
        overview.totals.counts.without_supervisor += row.counts.without_supervisor;
        overview.totals.counts.supervisors_with_free_capacity +=
            row.counts.supervisors_with_free_capacity;
        overview.totals.at_risk += row.at_risk;
        overview.totals.awaiting_approval += row.awaiting_approval;
        overview.municipalities.push_back(std::move(row));
    }
    return overview;
}

}  // namespace alis::app
