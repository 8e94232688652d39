#pragma once

// The municipality's general education plan ("generell utdanningsplan", journey 6): its
// education-enterprise status with dates, its learning arenas and its responsibilities. The plan
// is public; only the municipality's leader changes it (policy: manage_municipality). Every
// change is written in one transaction with its audit event and the plan's "last changed" mark.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "store/store.hpp"

namespace alis::app {

// Lengths the forms and the schema allow, in characters.
inline constexpr std::size_t kArenaNameMax = 120;
inline constexpr std::size_t kArenaOffersMax = 2000;
inline constexpr std::size_t kResponsibilityAreaMax = 120;
inline constexpr std::size_t kResponsibleMax = 120;
inline constexpr std::size_t kResponsibilityDescriptionMax = 1000;

struct GeneralPlan {
    store::Municipality municipality;
    std::vector<store::EnterpriseStatusChange> status_history;  // Newest first.
    std::vector<store::LearningArena> arenas;
    std::vector<store::PlanResponsibility> responsibilities;
    std::optional<store::GeneralPlanChange> changed;

    // The status change in force (the newest), or nullptr when none was ever recorded.
    const store::EnterpriseStatusChange* current_status() const {
        return status_history.empty() ? nullptr : &status_history.front();
    }
    // A plan is published once it names at least one learning arena or responsibility.
    bool published() const { return !arenas.empty() || !responsibilities.empty(); }
};

// The plan of a municipality, or nullopt when there is no such municipality.
std::optional<GeneralPlan> general_plan(store::Store& store,
                                        const std::string& municipality_number);

// A rule of the status dates that the input breaks: the field at fault and the message key.
struct StatusProblem {
    std::string field;  // "valid_from", "valid_until" or "applied_on".
    std::string message_key;
};

// Checks that a status change's dates fit together on `today`: the status holds from a day not
// after today; only a temporary registration has an end date, it must have one, not before the
// start nor before today (an expired one is "not registered"); an application is not dated in
// the future. Returns every problem found, or none.
std::vector<StatusProblem> check_status_dates(store::EnterpriseStatus status,
                                              domain::Date valid_from,
                                              std::optional<domain::Date> valid_until,
                                              std::optional<domain::Date> applied_on,
                                              domain::Date today);

// The writes. `audit` carries who, from where, when and the route; each use case sets the action
// and outcome, and uses its time and actor for the plan's "last changed" mark.
std::int64_t record_enterprise_status(store::Store& store, store::EnterpriseStatusChange change,
                                      store::AuditEvent audit);
std::int64_t add_learning_arena(store::Store& store, const store::LearningArena& arena,
                                store::AuditEvent audit);
void update_learning_arena(store::Store& store, const store::LearningArena& arena,
                           store::AuditEvent audit);
void remove_learning_arena(store::Store& store, const store::LearningArena& arena,
                           store::AuditEvent audit);
std::int64_t add_plan_responsibility(store::Store& store,
                                     const store::PlanResponsibility& responsibility,
                                     store::AuditEvent audit);
void remove_plan_responsibility(store::Store& store,
                                const store::PlanResponsibility& responsibility,
                                store::AuditEvent audit);

}  // namespace alis::app
