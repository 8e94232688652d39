#pragma once

// The regional office page (journey 7): the municipalities of one regional ALIS office with the
// counts the office follows up.

#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/training_ledger.hpp"
#include "domain/date.hpp"
#include "domain/municipality.hpp"

namespace alis::app {

struct RegionMunicipality {
    domain::RegionMunicipalityCounts counts;
    int at_risk = 0;  // Trainees at risk of delay (see at_risk_of_delay).
    // Open requests for an objective's approval of the trainees it employs: what waits for its
    // leader (the approval queue, /kommuner/{n}/godkjenninger).
    int awaiting_approval = 0;
};

struct RegionOverview {
    std::string office;
    domain::Date as_of;
    std::vector<RegionMunicipality> municipalities;  // By name.
    RegionMunicipality totals;  // Sums over the municipalities (a trainee employed by two
                                // municipalities counts in each).
};

// True when a trainee of `employer` is at risk of finishing late, as the ledger sees it on its
// report date: not complete, and at least one of: the plan does not reach completion (no
// projected completion on the individual education plan `plan`, or on the planned service
// periods when there is no plan); the employer is not a registered education enterprise;
// institution service is not met and none is planned (as a service period or in the plan); the
// ledger warns about service that does not count. (A missing supervisor is counted on its own.)
// A trainee whose ledger cannot be computed (LedgerFailure) is counted as at risk: nobody can
// tell that they are not.
bool at_risk_of_delay(const domain::Municipality& employer, const PersonLedger& ledger,
                      const std::optional<domain::EducationPlanRevision>& plan);

// The office's municipalities with their counts on `today`; nullopt when no municipality
// belongs to `office`.
std::optional<RegionOverview> region_overview(Application& app, const std::string& office,
                                              domain::Date today);

}  // namespace alis::app
