#pragma once

// The grant engine's JSON: the input of `alis grant evaluate` and the claim it prints
// (docs/money.md, "alis grant evaluate").

#include <optional>
#include <string>
#include <string_view>

#include "domain/grant.hpp"

namespace alis::domain {

// A parsed request. When `rates_file` is set, the caller loads that grant year's rates into
// `input.rates`, and, when `period_given` is false, takes its refund period as the period.
struct GrantRequest {
    std::optional<std::string> rates_file;  // a name under rules/grants/, e.g. "2023"
    bool period_given = false;
    GrantClaimInput input;
};

// Parses the request's JSON; throws JsonSyntaxError for malformed JSON, and GrantInputError
// naming the field and the problem (one of the codes in docs/money.md) for the first problem
// found.
GrantRequest parse_grant_request(std::string_view json);

// The claim as JSON: {"months": [{month, post, counted, amount_ore, reasons}], "total_ore"},
// one month on each line, ending in a newline.
std::string grant_claim_json(const GrantClaim& claim);

}  // namespace alis::domain
