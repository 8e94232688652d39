#include "app/service_certificate.hpp"

#include <algorithm>

#include "app/training_records.hpp"

namespace alis::app {

std::optional<ServiceCertificate> service_certificate(Application& app, std::int64_t person_id,
                                                      std::int64_t employment_id) {
    auto record = training_record(app, person_id);
    if (!record) {
        return std::nullopt;
    }
    const auto employment = std::find_if(
        record->employments.begin(), record->employments.end(),
        [employment_id](const domain::Employment& e) { return e.id == employment_id; });
    if (employment == record->employments.end()) {
        return std::nullopt;
    }
    const domain::Date today = app.today();
    std::vector<domain::ServicePeriod> periods;
    std::copy_if(record->periods.begin(), record->periods.end(), std::back_inserter(periods),
                 [employment_id](const domain::ServicePeriod& p) {
                     return p.employment_id == employment_id;
                 });
    std::vector<domain::Leave> leaves;
    std::copy_if(record->leaves.begin(), record->leaves.end(), std::back_inserter(leaves),
                 [&employment](const domain::Leave& l) {
                     return l.ends_on >= employment->starts_on &&
                            (!employment->ends_on || l.starts_on <= *employment->ends_on);
                 });
    const auto name = record->municipality_names.find(employment->municipality_number);
    ServiceCertificate certificate{
        record->person,
        *employment,
        name != record->municipality_names.end() ? name->second : employment->municipality_number,
        periods,
        leaves,
        ledger_outcome_of(training_path_from(record->person, periods, leaves, today)),
        today,
        app.now(),
    };
    return certificate;
}

}  // namespace alis::app
