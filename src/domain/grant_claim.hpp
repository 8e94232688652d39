#pragma once

// A municipality's claim of the national grant for one refund period, from the posts it employs
// ALIS in, their grant facts and their agreements (docs/money.md, "Claims from the store"). Each
// employment is evaluated by the grant engine (grant.hpp) with its own agreement; nothing of the
// rules is repeated here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreement.hpp"
#include "domain/grant.hpp"
#include "domain/money.hpp"
#include "domain/person.hpp"

namespace alis::domain {

// One employment of an ALIS with what the grant reads of it.
struct ClaimPost {
    std::int64_t person_id = 0;
    std::string full_name;
    Employment employment;
    std::optional<GrantPostFacts> facts;  // nullopt: counted by the employment's post type
    std::vector<Agreement> agreements;    // the register's, of this employment
};

// The claim of one employment: the months it earns and what stops the others.
struct ClaimLine {
    std::int64_t person_id = 0;
    std::string full_name;
    std::int64_t employment_id = 0;
    GrantPostType type = GrantPostType::regular_gp;
    int fte = 100;  // percent
    int months_counted = 0;
    Money amount;
    // The reasons of the period's months that are not counted, other than not covering a whole
    // month: what stops the claim (no agreement, signed late, via an agency, ...), in GrantReason
    // order, each once, with how many months it stops.
    std::vector<std::pair<GrantReason, int>> stopped;
};

struct MunicipalityClaim {
    Date period_from;  // inclusive
    Date period_to;
    Date claim_deadline;
    bool unconfirmed = false;      // some rate used is an estimate
    std::vector<ClaimLine> lines;  // by name, then by the employment's start
    int months_counted = 0;
    Money total;
};

// The claim of `posts` for the period [from, to] with the rates and deadline of `year`, in a
// municipality of `centrality_class`. Posts that earn no grant (institution service without
// facts) or lie outside the period are left out. Throws GrantInputError for a period the engine
// refuses (check_grant_input).
MunicipalityClaim compute_municipality_claim(const GrantYear& year, Date from, Date to,
                                             int centrality_class,
                                             const std::vector<ClaimPost>& posts);

}  // namespace alis::domain
