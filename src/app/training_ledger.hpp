#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
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

// Evaluates a path under its ruleset (the default ruleset when it names an unknown one). Throws
// domain::TrainingPathError for a path the ledger refuses (see ledger_outcome_of).
PersonLedger ledger_of(domain::TrainingPath path);

// A path the ledger refuses (domain::check_training_path: e.g. more than domain::kMaxPeriods
// periods, which the store does not prevent): the field and the ledger's reason.
struct LedgerFailure {
    std::string field;    // E.g. "periods".
    std::string message;  // The ledger's TrainingPathError message (English, technical).
};
using LedgerOutcome = std::variant<PersonLedger, LedgerFailure>;

// As ledger_of, but a refused path is a LedgerFailure, so that one person's record never stops a
// page that shows many (the overview, the region).
LedgerOutcome ledger_outcome_of(domain::TrainingPath path);

// The training path of a person on `today` as the ledger reads it; nullopt for an unknown person.
std::optional<domain::TrainingPath> person_training_path(Application& app, std::int64_t person_id,
                                                         domain::Date today);

// The ledger of a person on `today`, or why it cannot be computed; nullopt for an unknown person.
std::optional<LedgerOutcome> person_ledger(Application& app, std::int64_t person_id,
                                           domain::Date today);

}  // namespace alis::app
