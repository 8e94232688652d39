#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/training_ledger.hpp"
#include "domain/ledger.hpp"
#include "domain/municipality.hpp"
#include "domain/person.hpp"
#include "domain/supervision.hpp"

namespace alis::store {
class Snapshot;
}

namespace alis::app {

// The most urgent thing a leader should act on for one trainee, most urgent first.
enum class UrgentWarning {
    ledger_failed,            // The ledger cannot be computed for the record (see ledger_failure).
    employer_not_registered,  // The municipality is not a registered education enterprise.
    no_supervisor,            // No supervisor (veileder) assigned today.
    no_plan,                  // No individual education plan.
    institution_not_planned,  // Institution service is not met and no institution period is
                              // planned (neither a later employment nor in the plan).
    plan_revision_due,        // The plan was last revised 12 months ago or more.
    ledger_warning,           // A warning of the ledger (see detail).
    // The agreement register (after the training's own warnings: it stops the grant, not the
    // training). A GP post here has no signed ALIS agreement; it was signed after the period it
    // covers began; it does not follow the national template.
    no_signed_agreement,
    agreement_signed_late,
    agreement_not_national_template,
    none,
};

// One row of the leader's overview.
struct TraineeRow {
    domain::Person person;
    std::optional<domain::PostType> post;  // The current post in this municipality.
    std::optional<domain::PayModel> pay;
    int fte = 0;                           // Total position in this municipality today, percent.
    std::vector<std::string> supervisors;  // Names.
    domain::MonthUnits counted = 0;        // Toward the total.
    domain::MonthUnits required = 0;
    bool complete = false;
    std::optional<domain::Date> projected_completion;
    UrgentWarning warning = UrgentWarning::none;
    std::string warning_detail;  // The ledger's message, for ledger_warning.
    // Each of the leader's duties on its own, whatever the most urgent warning (the task list,
    // app/tasks.hpp): the day the plan is due for revision (nullopt without a plan), and
    // institution service neither met nor planned.
    std::optional<domain::Date> plan_revision_due;
    bool institution_unplanned = false;
    // Set when the ledger cannot be computed for this trainee: the row is shown with this
    // instead of the numbers (counted, required, complete and completion are then unknown), and
    // the rest of the list is computed as always.
    std::optional<LedgerFailure> ledger_failure;
    // The hours of closed supervision meetings in the last complete months against the
    // municipality's norm (domain::norm_window): under_norm() is the overview's supervision
    // warning.
    domain::NormWindow supervision;
};

enum class TraineeSort { name, progress, completion };
enum class TraineeFilter { all, without_supervisor, with_warning };

// Every doctor in training employed by a municipality on a day, in name order.
struct TraineeOverview {
    domain::Municipality municipality;
    domain::Date as_of;
    std::vector<TraineeRow> rows;
};

// The people in training employed by the municipality on `day`, by name, each with their
// employments, service periods, leaves, the names of their supervisors that day and their current
// education plan: a handful of queries for the whole list, in one snapshot.
std::vector<domain::TraineeRecord> trainee_records(const store::Snapshot& snapshot,
                                                   const std::string& municipality_number,
                                                   domain::Date day);
// The same records for people already read (e.g. a whole region's at once), in their order.
std::vector<domain::TraineeRecord> trainee_records(const store::Snapshot& snapshot,
                                                   std::vector<domain::Person> people,
                                                   domain::Date day);

// Computes the overview of municipality `number` as of `today`: every trainee employed there that
// day with their progress and most urgent warning. Nullopt for an unknown municipality.
std::optional<TraineeOverview> trainee_overview(Application& app, const std::string& number,
                                                domain::Date today);

// The rows of an overview a reader asked for, sorted and filtered; the overview stays alive with
// it, so the rows point into it.
struct TraineeSelection {
    std::shared_ptr<const TraineeOverview> overview;
    std::vector<const TraineeRow*> rows;
    int total = 0;  // Trainees before filtering.
};

// Sorts and filters the rows of `overview` (name order is kept among equals).
TraineeSelection select_trainees(std::shared_ptr<const TraineeOverview> overview, TraineeSort sort,
                                 TraineeFilter filter);

// Keeps the computed overview of each municipality until the data changes (the store's data
// generation) or the day does, so that re-sorting, filtering and downloading a list of hundreds
// of trainees reads and evaluates nothing again. Thread-safe.
class TraineeOverviews {
  public:
    // The overview of `number` as of `today`, computed at most once per data generation;
    // nullptr for an unknown municipality. `generation` is the store's data generation, read by
    // the caller before anything else it shows with the overview.
    std::shared_ptr<const TraineeOverview> get(Application& app, const std::string& number,
                                               domain::Date today, std::uint64_t generation);

  private:
    struct Entry {
        domain::Date day;
        std::uint64_t generation = 0;
        std::shared_ptr<const TraineeOverview> overview;
    };
    std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace alis::app
