#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/ledger.hpp"
#include "domain/person.hpp"
#include "domain/ruleset.hpp"
#include "domain/training_path.hpp"

namespace alis::app {

// The default ruleset for people whose record names none.
inline constexpr const char* kDefaultRuleset = "allmennmedisin-2019";

// The ruleset compiled into alis with this id (rules/<id>.toml), parsed once; nullptr for an
// unknown id. Throws domain::RulesetError when the embedded file is broken.
const domain::Ruleset* embedded_ruleset(const std::string& id);

// A person's training path as the ledger reads it: each service period in its arena with its
// position and whether its employer was registered; each leave is leave.
domain::TrainingPath training_path_from(const domain::Person& person,
                                        const std::vector<domain::ServicePeriod>& periods,
                                        const std::vector<domain::Leave>& leaves,
                                        domain::Date today);

struct PersonLedger {
    domain::TrainingPath path;
    domain::LedgerReport report;
};

// Evaluates a path under its ruleset (the default ruleset when it names an unknown one).
PersonLedger ledger_of(domain::TrainingPath path);

// The ledger of a person on `today`; nullopt for an unknown person.
std::optional<PersonLedger> person_ledger(Application& app, std::int64_t person_id,
                                          domain::Date today);

}  // namespace alis::app
