#include "app/education_plan.hpp"

#include <algorithm>

#include "store/database.hpp"

namespace alis::app {
namespace {

using domain::Date;

// Months counted per counting arena in `path` (evaluated as of its as_of).
std::array<domain::MonthUnits, domain::kCountingArenaCount> counted_by_arena(
    const domain::TrainingPath& path, const domain::Ruleset& ruleset) {
    if (path.periods.empty()) {
        return {};
    }
    return domain::evaluate(path, ruleset).months.by_arena;
}

// The years to compare: from the first to the last year either path touches, at most 30.
std::vector<PlanYear> plan_years(const domain::TrainingPath& actual,
                                 const domain::EducationPlan& plan, const domain::Ruleset& ruleset,
                                 Date today) {
    std::optional<int> first;
    int last = today.year();
    auto touch = [&](Date from, std::optional<Date> to) {
        first = first ? std::min(*first, from.year()) : from.year();
        last = std::max(last, to ? to->year() : today.year());
    };
    for (const auto& p : actual.periods) {
        touch(p.from, p.to);
    }
    for (const auto& p : plan.periods) {
        touch(p.from, p.to);
    }
    if (!first) {
        return {};
    }
    constexpr int kMaxYears = 30;
    if (last - *first >= kMaxYears) {
        first = std::max(*first, today.year() - kMaxYears / 2);
        last = std::min(last, *first + kMaxYears - 1);
    }
    domain::TrainingPath planned;
    planned.ruleset = actual.ruleset;
    for (const auto& p : plan.periods) {
        domain::PathPeriod period;
        period.from = p.from;
        period.to = p.to;
        period.arena = p.arena;
        period.fte = static_cast<domain::PositionPpm>(p.fte) * (domain::kFullTime / 100);
        planned.periods.push_back(period);
    }
    std::vector<PlanYear> years;
    for (int year = *first; year <= last; ++year) {
        const Date from = *Date::from_ymd(year, 1, 1);
        const Date to = *Date::from_ymd(year, 12, 31);
        PlanYear row;
        row.year = year;
        auto planned_year = domain::clip_path(planned, from, to);
        planned_year.as_of = to;
        row.planned = counted_by_arena(planned_year, ruleset);
        if (from <= today) {
            auto actual_year = domain::clip_path(actual, from, std::min(to, today));
            actual_year.as_of = std::min(to, today);
            row.actual = counted_by_arena(actual_year, ruleset);
        }
        years.push_back(row);
    }
    return years;
}

}  // namespace

std::optional<Date> plan_revision_due(
    const std::optional<domain::EducationPlanRevision>& revision) {
    if (!revision) {
        return std::nullopt;
    }
    return domain::revision_due(revision->revised_on);
}

std::optional<PersonLedger> ledger_on_plan(
    const PersonLedger& actual, const std::optional<domain::EducationPlanRevision>& revision) {
    if (!revision) {
        return std::nullopt;
    }
    return ledger_of(domain::path_with_plan(actual.path, revision->plan));
}

std::optional<Date> projected_completion(
    const PersonLedger& actual, const std::optional<domain::EducationPlanRevision>& revision) {
    if (const auto on_plan = ledger_on_plan(actual, revision)) {
        return on_plan->report.projected_completion;
    }
    return actual.report.projected_completion;
}

bool institution_planned(const PersonLedger& actual,
                         const std::optional<domain::EducationPlanRevision>& revision) {
    const Date as_of = actual.report.as_of;
    const bool in_path = std::any_of(
        actual.path.periods.begin(), actual.path.periods.end(),
        [&](const auto& p) { return p.arena == domain::Arena::institution && p.from > as_of; });
    return in_path || (revision && std::any_of(revision->plan.periods.begin(),
                                               revision->plan.periods.end(), [&](const auto& p) {
                                                   return p.arena == domain::Arena::institution &&
                                                          p.to > as_of;
                                               }));
}

std::optional<EducationPlanProjection> education_plan_projection(Application& app,
                                                                 std::int64_t person_id,
                                                                 Date today) {
    auto path = person_training_path(app, person_id, today);
    if (!path) {
        return std::nullopt;
    }
    EducationPlanProjection result;
    result.actual = ledger_of(std::move(*path));
    result.current = app.database().read(
        [&](const store::Snapshot& s) { return s.education_plans().current_of(person_id); });
    result.revision_due = plan_revision_due(result.current);
    const domain::Ruleset* ruleset = embedded_ruleset(result.actual.path.ruleset);
    const domain::EducationPlan plan =
        result.current ? result.current->plan : domain::EducationPlan{};
    result.years = plan_years(result.actual.path, plan, *ruleset, today);
    if (!result.current) {
        return result;
    }
    auto on_plan = *ledger_on_plan(result.actual, result.current);
    const auto end = domain::plan_end(plan);
    if (end && *end > today) {
        PersonLedger at_end;
        at_end.path = on_plan.path;
        at_end.path.as_of = *end;
        at_end.report = domain::evaluate(at_end.path, *ruleset);
        result.at_plan_end = std::move(at_end);
    }
    result.on_plan = std::move(on_plan);
    return result;
}

std::optional<domain::EducationPlanRevision> current_education_plan(Application& app,
                                                                    std::int64_t person_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.education_plans().current_of(person_id); });
}

std::vector<domain::EducationPlanRevision> education_plan_revisions(Application& app,
                                                                    std::int64_t person_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.education_plans().revisions_of(person_id); });
}

domain::EducationPlanRevision revise_education_plan(Application& app,
                                                    domain::EducationPlanRevision revision,
                                                    domain::AuditEvent event) {
    return app.database().write([&](store::UnitOfWork& w) {
        const std::int64_t id = w.education_plans().add_revision(revision);
        auto audit = event;
        audit.subject_person_id = revision.person_id;
        w.audit().append(std::move(audit));
        // The number it was given, read back in the same unit of work.
        for (auto& r : w.education_plans().revisions_of(revision.person_id)) {
            if (r.id == id) {
                return r;
            }
        }
        throw store::StoreError("a revision just written was not found");
    });
}

}  // namespace alis::app
