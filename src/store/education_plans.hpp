#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/education_plan.hpp"
#include "store/sql.hpp"

namespace alis::store {

// Individual education plans: each trainee's append-only revisions with their planned periods.
class EducationPlans {
  public:
    explicit EducationPlans(Transaction& tx) : tx_(tx) {}

    // Every revision of the person's plan, oldest first, each with its planned periods.
    std::vector<domain::EducationPlanRevision> revisions_of(std::int64_t person_id) const;
    // The person's latest revision, or nullopt when they have no plan.
    std::optional<domain::EducationPlanRevision> current_of(std::int64_t person_id) const;
    // The latest revision of each of `people` that has a plan (two queries for all of them).
    std::vector<domain::EducationPlanRevision> current_of(
        const std::vector<std::int64_t>& people) const;

    // Appends a revision of the person's plan with the next number (the number and id fields of
    // the argument are ignored) and returns its id.
    std::int64_t add_revision(const domain::EducationPlanRevision& revision);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
