#pragma once

// A municipality's claim of the national grant for a refund period, computed from the store by
// the grant engine (domain/grant_claim.hpp), for the leader's claim page, its exports and
// `alis grant claim`.

#include <optional>
#include <stdexcept>
#include <string>

#include "app/application.hpp"
#include "domain/grant_claim.hpp"
#include "domain/municipality.hpp"

namespace alis::app {

// A claim period that does not lie within the refund period of the grant year it ends in: only
// the months of a grant year's own refund period are claimed.
class ClaimPeriodOutsideRefundPeriod : public std::invalid_argument {
  public:
    ClaimPeriodOutsideRefundPeriod(int year, domain::Date from, domain::Date to)
        : std::invalid_argument("the period lies outside the refund period"),
          year(year),
          from(from),
          to(to) {}
    int year;
    domain::Date from;  // the grant year's refund period
    domain::Date to;
};

struct ClaimReport {
    domain::Municipality municipality;
    int grant_year = 0;  // the year whose rates apply: the one the period ends in
    domain::MunicipalityClaim claim;
};

// The claim of municipality `number` for [from, to], with the rates and deadline of the grant
// year `to` falls in. Nullopt for an unknown municipality; throws UnknownRulesYear when alis
// holds no rates for that year, ClaimPeriodOutsideRefundPeriod for a period outside its refund
// period, and domain::GrantInputError for a period the engine refuses (`to` before `from`).
std::optional<ClaimReport> grant_claim(Application& app, const std::string& number,
                                       domain::Date from, domain::Date to);

// The same for the whole refund period of `grant_year`.
std::optional<ClaimReport> grant_claim(Application& app, const std::string& number, int grant_year);

}  // namespace alis::app
