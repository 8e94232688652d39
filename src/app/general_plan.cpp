#include "app/general_plan.hpp"

namespace alis::app {
namespace {

// Runs one change of the plan with its "last changed" mark and its audit event, all or nothing.
// `change` writes and returns what it changed (the audit event's target, never content).
template <typename Change>
void write_plan_change(store::Store& store, const std::string& municipality_number,
                       store::AuditEvent audit, std::string action, Change&& change) {
    store.write([&](store::StoreWriter& writer) {
        audit.target =
            "kommune " + municipality_number + " generell utdanningsplan " + change(writer);
        writer.mark_general_plan_changed({municipality_number, audit.at, audit.actor_label});
        audit.action = std::move(action);
        audit.outcome = "ok";
        writer.append_audit(std::move(audit));
    });
}

}  // namespace

std::optional<GeneralPlan> general_plan(store::Store& store,
                                        const std::string& municipality_number) {
    auto municipality = store.municipality(municipality_number);
    if (!municipality) {
        return std::nullopt;
    }
    GeneralPlan plan;
    plan.municipality = std::move(*municipality);
    plan.status_history = store.enterprise_status_history(municipality_number);
    plan.arenas = store.learning_arenas(municipality_number);
    plan.responsibilities = store.plan_responsibilities(municipality_number);
    plan.changed = store.general_plan_change(municipality_number);
    return plan;
}

std::vector<StatusProblem> check_status_dates(store::EnterpriseStatus status,
                                              domain::Date valid_from,
                                              std::optional<domain::Date> valid_until,
                                              std::optional<domain::Date> applied_on,
                                              domain::Date today) {
    std::vector<StatusProblem> problems;
    if (today < valid_from) {
        problems.push_back({"valid_from", "general_plan.rule.from_in_future"});
    }
    if (status == store::EnterpriseStatus::temporarily_registered) {
        if (!valid_until) {
            problems.push_back({"valid_until", "general_plan.rule.temporary_needs_until"});
        } else if (*valid_until < valid_from) {
            problems.push_back({"valid_until", "general_plan.rule.until_before_from"});
        } else if (*valid_until < today) {
            problems.push_back({"valid_until", "general_plan.rule.until_passed"});
        }
    } else if (valid_until) {
        problems.push_back({"valid_until", "general_plan.rule.until_only_temporary"});
    }
    if (applied_on && today < *applied_on) {
        problems.push_back({"applied_on", "general_plan.rule.applied_in_future"});
    }
    return problems;
}

std::int64_t record_enterprise_status(store::Store& store, store::EnterpriseStatusChange change,
                                      store::AuditEvent audit) {
    change.changed_at = audit.at;
    change.changed_by = audit.actor_label;
    std::int64_t id = 0;
    write_plan_change(store, change.municipality_number, std::move(audit),
                      "general_plan.status_changed", [&](store::StoreWriter& w) {
                          id = w.add_enterprise_status_change(change);
                          return "status " + std::string(store::to_string(change.status));
                      });
    return id;
}

std::int64_t add_learning_arena(store::Store& store, const store::LearningArena& arena,
                                store::AuditEvent audit) {
    std::int64_t id = 0;
    write_plan_change(store, arena.municipality_number, std::move(audit),
                      "general_plan.arena_added", [&](store::StoreWriter& w) {
                          id = w.add_learning_arena(arena);
                          return "arena " + std::to_string(id);
                      });
    return id;
}

void update_learning_arena(store::Store& store, const store::LearningArena& arena,
                           store::AuditEvent audit) {
    write_plan_change(store, arena.municipality_number, std::move(audit),
                      "general_plan.arena_changed", [&](store::StoreWriter& w) {
                          w.update_learning_arena(arena);
                          return "arena " + std::to_string(arena.id);
                      });
}

void remove_learning_arena(store::Store& store, const store::LearningArena& arena,
                           store::AuditEvent audit) {
    write_plan_change(store, arena.municipality_number, std::move(audit),
                      "general_plan.arena_removed", [&](store::StoreWriter& w) {
                          w.remove_learning_arena(arena.id);
                          return "arena " + std::to_string(arena.id);
                      });
}

std::int64_t add_plan_responsibility(store::Store& store,
                                     const store::PlanResponsibility& responsibility,
                                     store::AuditEvent audit) {
    std::int64_t id = 0;
    write_plan_change(store, responsibility.municipality_number, std::move(audit),
                      "general_plan.responsibility_added", [&](store::StoreWriter& w) {
                          id = w.add_plan_responsibility(responsibility);
                          return "ansvar " + std::to_string(id);
                      });
    return id;
}

void remove_plan_responsibility(store::Store& store,
                                const store::PlanResponsibility& responsibility,
                                store::AuditEvent audit) {
    write_plan_change(store, responsibility.municipality_number, std::move(audit),
                      "general_plan.responsibility_removed", [&](store::StoreWriter& w) {
                          w.remove_plan_responsibility(responsibility.id);
                          return "ansvar " + std::to_string(responsibility.id);
                      });
}

}  // namespace alis::app
