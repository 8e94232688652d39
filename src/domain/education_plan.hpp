#pragma once

// The individual education plan ("individuell utdanningsplan") of a doctor in training: the
// planned periods, the supervision group, courses and the plan for the next 6-12 months; what
// changed between two revisions; when the next revision is due; and the training path the ledger
// projects on the plan (actual service up to today, the plan after it).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/training_path.hpp"

namespace alis::domain {

// One planned period of service. The arena is a counting arena (open or other general practice,
// institution); `to` is inclusive.
struct PlannedPeriod {
    Arena arena = Arena::open_general_practice;
    std::string place;  // The practice, the municipal service or the hospital.
    Date from;
    Date to;
    int fte = 100;  // Position in percent, 1-100.

    friend bool operator==(const PlannedPeriod&, const PlannedPeriod&) = default;
};

// The content of one revision of a plan.
struct EducationPlan {
    std::vector<PlannedPeriod> periods;  // In the order the author wrote them.
    std::string supervision_group;       // The group, where and when it meets.
    std::string courses;                 // Courses, free text (one a line).
    std::string next_months;             // The plan for the next 6-12 months, free text.
};

// The most planned periods one revision may hold.
inline constexpr std::size_t kMaxPlannedPeriods = 20;

// One revision of a trainee's individual education plan: a full snapshot, never changed after it
// is written. `number` counts the person's revisions from 1.
struct EducationPlanRevision {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    int number = 0;
    std::string revised_at;  // UTC, "2026-11-22T10:15:30Z".
    Date revised_on;         // The server's date, from which the next revision is due.
    std::optional<std::int64_t> author_account_id;
    std::string author_label;  // The author's name and e-mail, as it was when written.
    EducationPlan plan;
    std::string note;  // The author's note on what and why; may be empty.
};

// One thing that changed from a revision to the next.
struct PlanChange {
    enum class Kind {
        created,            // The first revision.
        period_added,       // `period` is in the new revision only.
        period_removed,     // `period` was in the old revision only.
        supervision_group,  // The text changed.
        courses,
        next_months,
    };
    Kind kind = Kind::created;
    std::optional<PlannedPeriod> period;
};

// What changed from `previous` (nullopt for the first revision) to `current`: removed periods,
// then added periods (each in its plan's order; a changed period is one removed and one added),
// then the texts that changed. Empty when nothing changed.
std::vector<PlanChange> plan_changes(const std::optional<EducationPlan>& previous,
                                     const EducationPlan& current);

// The day a revision made on `revised_on` is due again: twelve months later (29 February gives
// 28 February when the next year is not a leap year).
Date revision_due(Date revised_on);

// The first day on which the planned periods together hold more than 100 % position, with the
// index of a period running that day that brings the sum over 100 %; nullopt when they never do.
struct PlanOverlap {
    Date day;
    std::size_t period = 0;
    int total_fte = 0;
};
std::optional<PlanOverlap> first_overlap_over_100(const std::vector<PlannedPeriod>& periods);

// The path the ledger projects on the plan: the actual path cut at its `as_of` (service and
// leave up to and including today; nothing registered for later days), followed by the planned
// periods from the day after `as_of` (the part of a planned period up to today is the actual
// path's to tell). Planned service counts as at a registered education enterprise.
TrainingPath path_with_plan(const TrainingPath& actual, const EducationPlan& plan);

// The last day of the plan, or nullopt for a plan without periods.
std::optional<Date> plan_end(const EducationPlan& plan);

// `path` restricted to the days from `from` to `to` (inclusive): periods outside are dropped,
// the others cut. Used to count a path year by year.
TrainingPath clip_path(const TrainingPath& path, Date from, Date to);

}  // namespace alis::domain
