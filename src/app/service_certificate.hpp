#pragma once

// The certificate of completed service ("tjenesteattest") of one employment, as the employing
// municipality issues it (issue 17): the employment, its service periods with arena, place and
// position, the leave within it, and the months the ledger counts for the employment's service.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/training_ledger.hpp"
#include "domain/person.hpp"

namespace alis::app {

struct ServiceCertificate {
    domain::Person person;
    domain::Employment employment;
    std::string municipality_name;               // The employing municipality's name.
    std::vector<domain::ServicePeriod> periods;  // The employment's, oldest first.
    std::vector<domain::Leave> leaves;           // Those overlapping the employment.
    // The ledger of the employment's service and leave counted on their own, up to and including
    // the day the certificate is made; a LedgerFailure when the ledger refuses them.
    LedgerOutcome ledger;
    domain::Date issued_on;
    std::int64_t made_at = 0;  // Unix seconds.
};

// The certificate of `employment_id` of the person, as of today; nullopt when the person is
// unknown or the employment is not theirs.
std::optional<ServiceCertificate> service_certificate(Application& app, std::int64_t person_id,
                                                      std::int64_t employment_id);

}  // namespace alis::app
