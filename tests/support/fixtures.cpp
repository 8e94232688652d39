#include "support/fixtures.hpp"

#include "app/accounts.hpp"

namespace alis::testing {

void add_municipality(store::Store& store, const std::string& number, const std::string& name,
                      const std::string& office) {
    store.write([&](store::StoreWriter& w) {
        store::Municipality m;
        m.number = number;
        m.name = name;
        m.county = "Testfylke";
        m.centrality_class = 3;
        m.enterprise_status = store::EnterpriseStatus::registered;
        m.alis_office = office;
        w.put_municipality(m);
    });
}

std::int64_t add_trainee(store::Store& store, const std::string& name,
                         const std::string& municipality, const char* from, const char* to) {
    std::int64_t id = 0;
    store.write([&](store::StoreWriter& w) {
        store::Person p;
        p.full_name = name;
        id = w.add_person(p);
        store::Employment e;
        e.person_id = id;
        e.municipality_number = municipality;
        e.starts_on = *domain::Date::parse_iso(from);
        if (to != nullptr) {
            e.ends_on = domain::Date::parse_iso(to);
        }
        const auto employment = w.add_employment(e);
        store::ServicePeriod period;
        period.person_id = id;
        period.employment_id = employment;
        period.place = "Legekontoret";
        period.starts_on = e.starts_on;
        period.ends_on = e.ends_on;
        w.add_service_period(period);
    });
    return id;
}

std::int64_t add_account(store::Store& store, const std::string& email, store::Role role,
                         std::optional<std::string> municipality, std::optional<std::string> office,
                         std::optional<std::int64_t> person) {
    static const app::PasswordPolicy policy;
    app::NewAccount account;
    account.email = email;
    account.display_name = email.substr(0, email.find('@'));
    account.password = kTestPassword;
    account.role = role;
    account.municipality_number = std::move(municipality);
    account.alis_office = std::move(office);
    account.person_id = person;
    account.starts_on = *domain::Date::parse_iso("2020-01-01");
    return app::create_account(store, policy, account, "test", 1795305600);
}

void assign_supervisor(store::Store& store, std::int64_t supervisor, std::int64_t trainee) {
    store.write([&](store::StoreWriter& w) {
        store::SupervisorAssignment a;
        a.supervisor_person_id = supervisor;
        a.trainee_person_id = trainee;
        a.starts_on = *domain::Date::parse_iso("2024-01-01");
        w.add_supervisor_assignment(a);
    });
}

void add_education_plan(store::Store& store, std::int64_t person, const char* revised_on,
                        const std::vector<PlannedPeriod>& periods) {
    store.write([&](store::StoreWriter& w) {
        store::EducationPlanRevision plan;
        plan.person_id = person;
        plan.revised_on = *domain::Date::parse_iso(revised_on);
        plan.revised_at = plan.revised_on.iso() + "T09:00:00Z";
        plan.author_label = "test";
        for (const auto& p : periods) {
            plan.plan.periods.push_back({p.arena, p.place, *domain::Date::parse_iso(p.from),
                                         *domain::Date::parse_iso(p.to), p.fte});
        }
        w.add_education_plan_revision(plan);
    });
}

}  // namespace alis::testing
