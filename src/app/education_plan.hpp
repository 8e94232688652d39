#pragma once

// Use cases of the individual education plan (journey 4): the plan with the ledger projected on
// it, and writing a revision together with its audit event.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "app/application.hpp"
#include "app/training_ledger.hpp"
#include "domain/audit_event.hpp"
#include "domain/education_plan.hpp"

namespace alis::app {

// Planned and actually counted months of one calendar year, per counting arena (in
// domain::kCountingArenas order), both counted by the ledger's rules.
struct PlanYear {
    int year = 0;
    std::array<domain::MonthUnits, domain::kCountingArenaCount> planned{};
    std::array<domain::MonthUnits, domain::kCountingArenaCount> actual{};
};

// A person's plan beside their actual path.
struct EducationPlanProjection {
    PersonLedger actual;  // The ledger of the actual path, as the person page shows it.
    std::optional<domain::EducationPlanRevision> current;  // The latest revision, if any.
    // The ledger of the actual path up to today followed by the plan (domain::path_with_plan):
    // its projected completion is the plan's. Set when there is a plan.
    std::optional<PersonLedger> on_plan;
    // The same path counted up to the plan's last day, when that is after today: which
    // requirements the plan meets by its end.
    std::optional<PersonLedger> at_plan_end;
    std::vector<PlanYear> years;  // Every year the plan or the actual path touches, oldest first.
    std::optional<domain::Date> revision_due;  // A year after the latest revision.
};

// The ledger of `actual`'s path up to its report date followed by the plan of `revision`
// (domain::path_with_plan): its projected completion is the plan's. Nullopt without a plan.
std::optional<PersonLedger> ledger_on_plan(
    const PersonLedger& actual, const std::optional<domain::EducationPlanRevision>& revision);

// The projected completion a list shows for a person: the plan's when they have one, else the
// actual path's (its ongoing periods going on as they are).
std::optional<domain::Date> projected_completion(
    const PersonLedger& actual, const std::optional<domain::EducationPlanRevision>& revision);

// True when institution service is planned after the ledger's report date: as a later service
// period of the actual path, or in the plan of `revision`.
bool institution_planned(const PersonLedger& actual,
                         const std::optional<domain::EducationPlanRevision>& revision);

// The plan of a person with its projection on `today`; nullopt for an unknown person.
std::optional<EducationPlanProjection> education_plan_projection(Application& app,
                                                                 std::int64_t person_id,
                                                                 domain::Date today);

// The day the plan of `revision` is due for revision again; nullopt without a plan.
std::optional<domain::Date> plan_revision_due(
    const std::optional<domain::EducationPlanRevision>& revision);

// The person's latest plan revision, or nullopt when they have no plan.
std::optional<domain::EducationPlanRevision> current_education_plan(Application& app,
                                                                    std::int64_t person_id);
// Every revision of the person's plan, oldest first.
std::vector<domain::EducationPlanRevision> education_plan_revisions(Application& app,
                                                                    std::int64_t person_id);

// Appends `revision` and `event` (its audit trail entry) in one transaction, so neither is kept
// without the other; returns the stored revision (with its id and number).
domain::EducationPlanRevision revise_education_plan(Application& app,
                                                    domain::EducationPlanRevision revision,
                                                    domain::AuditEvent event);

}  // namespace alis::app
