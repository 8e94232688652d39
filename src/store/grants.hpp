#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreement.hpp"
#include "domain/coverage.hpp"
#include "domain/grant_claim.hpp"
#include "store/sql.hpp"

namespace alis::store {

// Which municipalities a read covers: one, those of a regional ALIS office, or (both nullopt)
// every one.
struct MoneyScope {
    std::optional<std::string> municipality_number;
    std::optional<std::string> alis_office;
};

// What the national grant and the cost of an ALIS are computed from (docs/money.md): the grant
// facts of each employment, the agreement register, and the cost inputs with their defaults.
class Grants {
  public:
    explicit Grants(Transaction& tx) : tx_(tx) {}

    // The employments in `scope` that touch [from, to], of people in or past the training (not of
    // GPs outside it), each with the person's name, its grant facts and its agreements; by name,
    // then start.
    std::vector<domain::ClaimPost> claim_posts(const MoneyScope& scope, domain::Date from,
                                               domain::Date to) const;

    // The agreements of the person's employments, by employment, then the first day covered.
    std::vector<domain::Agreement> agreements_of(std::int64_t person_id) const;
    // The agreement with this id, or nullopt.
    std::optional<domain::Agreement> find_agreement(std::int64_t id) const;
    // Adds an agreement and returns its id (the argument's id is ignored).
    std::int64_t add_agreement(const domain::Agreement& agreement);
    // Writes every field but the id and the employment of the agreement with the argument's id;
    // false when there is none.
    bool update_agreement(const domain::Agreement& agreement);

    // The grant facts of the person's employments, in the employments' order.
    std::vector<domain::GrantPostFacts> facts_of(std::int64_t person_id) const;
    // Records the grant facts of their employment, replacing those recorded before.
    void put_facts(const domain::GrantPostFacts& facts);

    // The cost entries in `scope` for `year`: the municipalities' defaults and each ALIS's own,
    // by municipality, defaults first, then by person.
    std::vector<domain::RecordedCostEntry> cost_entries(const MoneyScope& scope, int year) const;
    // Records a cost entry (defaults when person_id is nullopt), replacing the one recorded
    // before for the same person, municipality and year.
    void put_cost_entry(const domain::RecordedCostEntry& entry);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
