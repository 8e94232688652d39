#include "support/money_fixtures.hpp"

namespace alis::testing {

std::int64_t add_signed_agreement(store::Database& db, std::int64_t person, const char* covers_from,
                                  const char* signed_on, bool national_template) {
    return db.write([&](store::UnitOfWork& w) {
        domain::Agreement a;
        a.employment_id = w.people().employments_of(person).front().id;
        a.template_version = "Nasjonal mal";
        a.national_template = national_template;
        a.covers_from = *domain::Date::parse_iso(covers_from);
        a.status = domain::AgreementStatus::signed_by_all;
        a.signed_on = *domain::Date::parse_iso(signed_on);
        a.recorded_at = std::string(signed_on) + "T10:00:00Z";
        a.recorded_by = "test";
        return w.grants().add_agreement(a);
    });
}

}  // namespace alis::testing
