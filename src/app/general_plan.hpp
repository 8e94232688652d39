#pragma once

// The municipality's general education plan ("generell utdanningsplan", journey 6): its
// education-enterprise status with dates, its learning arenas and its responsibilities. The plan
// is public; only the municipality's leader changes it (policy: manage_municipality). Every
// change is written in one transaction with its audit event and the plan's "last changed" mark.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/municipality.hpp"

namespace alis::app {

// Lengths the forms and the schema allow, in characters.
inline constexpr std::size_t kArenaNameMax = 120;
inline constexpr std::size_t kArenaOffersMax = 2000;
inline constexpr std::size_t kResponsibilityAreaMax = 120;
inline constexpr std::size_t kResponsibleMax = 120;
inline constexpr std::size_t kResponsibilityDescriptionMax = 1000;

struct GeneralPlan {
    domain::Municipality municipality;
    std::vector<domain::EnterpriseStatusChange> status_history;  // Newest first.
    std::vector<domain::LearningArena> arenas;
    std::vector<domain::PlanResponsibility> responsibilities;
    std::optional<domain::GeneralPlanChange> changed;

    // The status change in force (the newest), or nullptr when none was ever recorded.
    const domain::EnterpriseStatusChange* current_status() const {
        return status_history.empty() ? nullptr : &status_history.front();
    }
    // A plan is published once it names at least one learning arena or responsibility.
    bool published() const { return !arenas.empty() || !responsibilities.empty(); }
};

// The plan of a municipality, or nullopt when there is no such municipality.
std::optional<GeneralPlan> general_plan(Application& app, const std::string& municipality_number);

// A rule of the status dates that the input breaks: the field at fault and the message key.
struct StatusProblem {
    std::string field;  // "valid_from", "valid_until" or "applied_on".
    std::string message_key;
};

// Checks that a status change's dates fit together on `today`: the status holds from a day not
// after today; only a temporary registration has an end date, it must have one, not before the
// start nor before today (an expired one is "not registered"); an application is not dated in
// the future. Returns every problem found, or none.
std::vector<StatusProblem> check_status_dates(domain::EnterpriseStatus status,
                                              domain::Date valid_from,
                                              std::optional<domain::Date> valid_until,
                                              std::optional<domain::Date> applied_on,
                                              domain::Date today);

// The municipality's learning arena with this id, or nullopt when there is none or it belongs to
// another municipality.
std::optional<domain::LearningArena> find_learning_arena(Application& app,
                                                         const std::string& municipality_number,
                                                         std::int64_t arena_id);
// The same for a responsibility.
std::optional<domain::PlanResponsibility> find_plan_responsibility(
    Application& app, const std::string& municipality_number, std::int64_t responsibility_id);
// The municipality's status changes, newest first.
std::vector<domain::EnterpriseStatusChange> enterprise_status_history(
    Application& app, const std::string& municipality_number);

// The writes. `audit` carries who, from where, when and the route; each use case sets the action
// and outcome, and uses its time and actor for the plan's "last changed" mark.
std::int64_t record_enterprise_status(Application& app, domain::EnterpriseStatusChange change,
                                      domain::AuditEvent audit);
std::int64_t add_learning_arena(Application& app, const domain::LearningArena& arena,
                                domain::AuditEvent audit);
void update_learning_arena(Application& app, const domain::LearningArena& arena,
                           domain::AuditEvent audit);
void remove_learning_arena(Application& app, const domain::LearningArena& arena,
                           domain::AuditEvent audit);
std::int64_t add_plan_responsibility(Application& app,
                                     const domain::PlanResponsibility& responsibility,
                                     domain::AuditEvent audit);
void remove_plan_responsibility(Application& app, const domain::PlanResponsibility& responsibility,
                                domain::AuditEvent audit);

}  // namespace alis::app
