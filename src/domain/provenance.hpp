#pragma once

#include <string>

namespace alis::domain {

// Where a value of a data file comes from (rules/grants, rules/costs, data/budgets): its source,
// or the mark that no published source here confirms it.
struct Provenance {
    std::string source;        // where the value was read; empty when there is none
    bool unconfirmed = false;  // no published source here confirms the value: an estimate
    std::string note;          // why the value is what it is, when it is not simply read
};

}  // namespace alis::domain
