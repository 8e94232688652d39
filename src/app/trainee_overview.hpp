#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ledger.hpp"
#include "store/store.hpp"

namespace alis::app {

// The most urgent thing a leader should act on for one trainee, most urgent first.
enum class UrgentWarning {
    employer_not_registered,  // The municipality is not a registered education enterprise.
    no_supervisor,            // No supervisor (veileder) assigned today.
    no_plan,                  // No individual education plan.
    institution_not_planned,  // Institution service is not met and no institution period is
                              // planned (neither a later employment nor in the plan).
    plan_revision_due,        // The plan was last revised 12 months ago or more.
    ledger_warning,           // A warning of the ledger (see detail).
    none,
};

// One row of the leader's overview.
struct TraineeRow {
    store::Person person;
    std::optional<store::PostType> post;  // The current post in this municipality.
    std::optional<store::PayModel> pay;
    int fte = 0;                           // Total position in this municipality today, percent.
    std::vector<std::string> supervisors;  // Names.
    domain::MonthUnits counted = 0;        // Toward the total.
    domain::MonthUnits required = 0;
    bool complete = false;
    std::optional<domain::Date> projected_completion;
    UrgentWarning warning = UrgentWarning::none;
    std::string warning_detail;  // The ledger's message, for ledger_warning.
};

enum class TraineeSort { name, progress, completion };
enum class TraineeFilter { all, without_supervisor, with_warning };

struct TraineeOverview {
    store::Municipality municipality;
    std::vector<TraineeRow> rows;
    int total = 0;  // Trainees before filtering.
};

// The doctors in training employed by the municipality on `today`, with their progress and most
// urgent warning, sorted and filtered. Nullopt for an unknown municipality.
std::optional<TraineeOverview> trainee_overview(store::Store& store, const std::string& number,
                                                domain::Date today, TraineeSort sort,
                                                TraineeFilter filter);

}  // namespace alis::app
