#include "app/general_plan.hpp"

#include "store/database.hpp"

namespace alis::app {
namespace {

// Runs one change of the plan with its "last changed" mark and its audit event, all or nothing.
// `change` writes and returns what it changed (the audit event's target, never content).
template <typename Change>
void write_plan_change(Application& app, const std::string& municipality_number,
                       domain::AuditEvent audit, std::string action, Change&& change) {
    audit.action = std::move(action);
    audit.outcome = "ok";
    app.database().write([&](store::UnitOfWork& w) {
        auto event = audit;
        event.target = "kommune " + municipality_number + " generell utdanningsplan " +
                       change(w.municipalities());
        w.municipalities().mark_general_plan_changed(
            {municipality_number, audit.at, audit.actor_label});
        w.audit().append(std::move(event));
    });
}

}  // namespace

std::optional<GeneralPlan> general_plan(Application& app, const std::string& municipality_number) {
    return app.database().read([&](const store::Snapshot& s) -> std::optional<GeneralPlan> {
        const auto& m = s.municipalities();
        auto municipality = m.find(municipality_number);
        if (!municipality) {
            return std::nullopt;
        }
        GeneralPlan plan;
        plan.municipality = std::move(*municipality);
        plan.status_history = m.status_history(municipality_number);
        plan.arenas = m.learning_arenas(municipality_number);
        plan.responsibilities = m.responsibilities(municipality_number);
        plan.changed = m.general_plan_change(municipality_number);
        return plan;
    });
}

std::optional<domain::LearningArena> find_learning_arena(Application& app,
                                                         const std::string& municipality_number,
                                                         std::int64_t arena_id) {
    auto arena = app.database().read(
        [&](const store::Snapshot& s) { return s.municipalities().find_learning_arena(arena_id); });
    if (!arena || arena->municipality_number != municipality_number) {
        return std::nullopt;
    }
    return arena;
}

std::optional<domain::PlanResponsibility> find_plan_responsibility(
    Application& app, const std::string& municipality_number, std::int64_t responsibility_id) {
    auto found = app.database().read([&](const store::Snapshot& s) {
        return s.municipalities().find_responsibility(responsibility_id);
    });
    if (!found || found->municipality_number != municipality_number) {
        return std::nullopt;
    }
    return found;
}

std::vector<domain::EnterpriseStatusChange> enterprise_status_history(
    Application& app, const std::string& municipality_number) {
    return app.database().read([&](const store::Snapshot& s) {
        return s.municipalities().status_history(municipality_number);
    });
}

std::vector<StatusProblem> check_status_dates(domain::EnterpriseStatus status,
                                              domain::Date valid_from,
                                              std::optional<domain::Date> valid_until,
                                              std::optional<domain::Date> applied_on,
                                              domain::Date today) {
    std::vector<StatusProblem> problems;
    if (today < valid_from) {
        problems.push_back({"valid_from", "general_plan.rule.from_in_future"});
    }
    if (status == domain::EnterpriseStatus::temporarily_registered) {
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

std::int64_t record_enterprise_status(Application& app, domain::EnterpriseStatusChange change,
                                      domain::AuditEvent audit) {
    change.changed_at = audit.at;
    change.changed_by = audit.actor_label;
    std::int64_t id = 0;
    write_plan_change(app, change.municipality_number, std::move(audit),
                      "general_plan.status_changed", [&](store::Municipalities& w) {
                          id = w.add_status_change(change);
                          return "status " + std::string(domain::to_string(change.status));
                      });
    return id;
}

std::int64_t add_learning_arena(Application& app, const domain::LearningArena& arena,
                                domain::AuditEvent audit) {
    std::int64_t id = 0;
    write_plan_change(app, arena.municipality_number, std::move(audit), "general_plan.arena_added",
                      [&](store::Municipalities& w) {
                          id = w.add_learning_arena(arena);
                          return "arena " + std::to_string(id);
                      });
    return id;
}

void update_learning_arena(Application& app, const domain::LearningArena& arena,
                           domain::AuditEvent audit) {
    write_plan_change(app, arena.municipality_number, std::move(audit),
                      "general_plan.arena_changed", [&](store::Municipalities& w) {
                          w.update_learning_arena(arena);
                          return "arena " + std::to_string(arena.id);
                      });
}

void remove_learning_arena(Application& app, const domain::LearningArena& arena,
                           domain::AuditEvent audit) {
    write_plan_change(app, arena.municipality_number, std::move(audit),
                      "general_plan.arena_removed", [&](store::Municipalities& w) {
                          w.remove_learning_arena(arena.id);
                          return "arena " + std::to_string(arena.id);
                      });
}

std::int64_t add_plan_responsibility(Application& app,
                                     const domain::PlanResponsibility& responsibility,
                                     domain::AuditEvent audit) {
    std::int64_t id = 0;
    write_plan_change(app, responsibility.municipality_number, std::move(audit),
                      "general_plan.responsibility_added", [&](store::Municipalities& w) {
                          id = w.add_responsibility(responsibility);
                          return "ansvar " + std::to_string(id);
                      });
    return id;
}

void remove_plan_responsibility(Application& app, const domain::PlanResponsibility& responsibility,
                                domain::AuditEvent audit) {
    write_plan_change(app, responsibility.municipality_number, std::move(audit),
                      "general_plan.responsibility_removed", [&](store::Municipalities& w) {
                          w.remove_responsibility(responsibility.id);
                          return "ansvar " + std::to_string(responsibility.id);
                      });
}

}  // namespace alis::app
