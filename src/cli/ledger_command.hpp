#pragma once

// alis ledger: counts a training path (JSON) against a ruleset and prints the report.

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/ruleset.hpp"

namespace alis::cli {

// Where rulesets come from: the files compiled into the binary, or a directory of *.toml files.
struct RulesetSource {
    std::string rules_dir;  // empty: the embedded rules/*.toml
};

// A ruleset that cannot be found: names the field that asked for it and the ids there are.
class UnknownRuleset : public std::runtime_error {
  public:
    explicit UnknownRuleset(const std::string& message) : std::runtime_error(message) {}
};

// The ids of the rulesets `source` holds, sorted.
std::vector<std::string> ruleset_ids(const RulesetSource& source);

// Loads and checks ruleset `id` from `source`; `field` ("ruleset" or "--ruleset") names where the
// id came from in errors. Throws UnknownRuleset, or domain::RulesetError for a broken file.
domain::Ruleset load_ruleset(const RulesetSource& source, const std::string& id,
                             const std::string& field);

struct LedgerOptions {
    std::string ruleset;          // overrides the input's "ruleset" when not empty
    std::string format = "json";  // "json" or "text"
    RulesetSource rules;
    std::string input;  // a file name, or "-" for `in`
};

// Runs `alis ledger`: the report goes to `out`; bad input gives exactly one line on `err`.
// Returns the exit code: 0 report, 2 bad input (path, ruleset or options), 1 internal failure.
int run_ledger(const LedgerOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

}  // namespace alis::cli
