#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/learning_objective.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The editions of the learning-objective catalogues and their objectives (migration 0018), both
// append-only: an edition is imported once and never changed.
class LearningObjectives {
  public:
    explicit LearningObjectives(Transaction& tx) : tx_(tx) {}

    // Every stored edition, by catalogue, then valid_from, then id.
    std::vector<domain::CatalogueEdition> editions() const;
    // The edition of `catalogue` named `edition`, or nullopt.
    std::optional<domain::CatalogueEdition> find_edition(domain::Catalogue catalogue,
                                                         const std::string& edition) const;
    // The objectives of an edition, in the order of its file.
    std::vector<domain::LearningObjective> objectives_of(std::int64_t edition_id) const;

    // The objective with this id, of any edition, or nullopt.
    std::optional<domain::LearningObjective> find_objective(std::int64_t id) const;

    // Appends an edition (its id is ignored) and returns its id; a second edition of the same
    // catalogue and name is a ConstraintViolation.
    std::int64_t append_edition(const domain::CatalogueEdition& edition);
    // Appends an objective of an edition and returns its id.
    std::int64_t append_objective(const domain::LearningObjective& objective);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
