#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/municipality.hpp"
#include "store/sql.hpp"

namespace alis::store {

// Municipalities, their education-enterprise status with its history, and their general
// education plans (learning arenas, responsibilities, when the plan last changed).
class Municipalities {
  public:
    explicit Municipalities(Transaction& tx) : tx_(tx) {}

    // Every municipality, ordered by ALIS office, then by name.
    std::vector<domain::Municipality> all() const;
    // One municipality, or nullopt.
    std::optional<domain::Municipality> find(const std::string& number) const;
    // Every municipality with the number of people in training employed there on `day`.
    std::vector<domain::MunicipalitySummary> summaries(domain::Date day) const;
    // The municipalities of a regional ALIS office, by name, with their counts on `day`.
    std::vector<domain::RegionMunicipalityCounts> region_counts(const std::string& alis_office,
                                                                domain::Date day) const;
    // The municipality's status changes, newest first.
    std::vector<domain::EnterpriseStatusChange> status_history(const std::string& number) const;
    // The municipality's learning arenas, by kind (in ArenaKind order), then name.
    std::vector<domain::LearningArena> learning_arenas(const std::string& number) const;
    std::optional<domain::LearningArena> find_learning_arena(std::int64_t id) const;
    // The municipality's responsibilities, in the order they were added.
    std::vector<domain::PlanResponsibility> responsibilities(const std::string& number) const;
    std::optional<domain::PlanResponsibility> find_responsibility(std::int64_t id) const;
    // When the municipality's plan last changed, or nullopt when it never did.
    std::optional<domain::GeneralPlanChange> general_plan_change(const std::string& number) const;

    // Inserts the municipality, or replaces the one with the same number.
    void put(const domain::Municipality& municipality);
    // Records a status change and makes it the municipality's current status; returns its id.
    std::int64_t add_status_change(const domain::EnterpriseStatusChange& change);
    std::int64_t add_learning_arena(const domain::LearningArena& arena);
    // Replaces kind, name and offers of the arena with the argument's id.
    void update_learning_arena(const domain::LearningArena& arena);
    void remove_learning_arena(std::int64_t id);
    std::int64_t add_responsibility(const domain::PlanResponsibility& responsibility);
    void remove_responsibility(std::int64_t id);
    // Notes that the municipality's plan changed (inserts or replaces its one row).
    void mark_general_plan_changed(const domain::GeneralPlanChange& change);

  private:
    Transaction& tx_;
};

// Reads the six columns number, name, county, centrality_class, enterprise_status, alis_office
// from `first` on (shared by every query that returns a municipality).
domain::Municipality read_municipality(const Row& row, int first = 0);

}  // namespace alis::store
