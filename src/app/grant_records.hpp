#pragma once

// The leader's records of the money (docs/money.md, "Claims from the store"): the grant facts of
// a post, the agreement register and the cost inputs of each ALIS and year with the
// municipality's defaults. Each write is one unit of work with its audit event.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/coverage.hpp"
#include "app/policy.hpp"
#include "domain/agreement.hpp"
#include "domain/audit_event.hpp"
#include "domain/coverage.hpp"
#include "domain/municipality.hpp"

namespace alis::app {

// Why a money record cannot be written.
enum class GrantRecordProblem {
    unknown_employment,      // Not an employment of this person (a 404 to the caller).
    unknown_agreement,       // Not an agreement of this person's employment (a 404).
    substitute_not_gp_post,  // A GP substitute holds a regular GP post only.
    covers_to_before_from,   // The agreement's period ends before it begins.
    signed_date_and_status,  // A signed agreement needs its date, and a draft has none.
    signed_in_future,        // Signed after today.
    unknown_municipality,    // No municipality with that number (a 404).
    not_employed_there,      // The person has no employment in that municipality that year.
};

// Records the grant facts of the person's employment `facts.employment_id` ("grant_post.recorded").
std::variant<domain::GrantPostFacts, GrantRecordProblem> record_grant_facts(
    Application& app, std::int64_t person_id, domain::GrantPostFacts facts,
    domain::AuditEvent audit);

// Adds the agreement to the register ("agreement.recorded"), or, with a non-zero id, changes the
// one of that id ("agreement.changed"), signed by `actor`; `today` bounds the signing date.
std::variant<domain::Agreement, GrantRecordProblem> record_agreement(Application& app,
                                                                     std::int64_t person_id,
                                                                     domain::Agreement agreement,
                                                                     const Actor& actor,
                                                                     domain::AuditEvent audit);

// Records a cost entry: the municipality's defaults for the year (no person_id,
// "cost_defaults.recorded") or an ALIS's own ("cost_input.recorded"), who must have an
// employment in the municipality that year or in the refund period of its grant year.
std::variant<domain::RecordedCostEntry, GrantRecordProblem> record_cost_entry(
    Application& app, domain::RecordedCostEntry entry, const Actor& actor,
    domain::AuditEvent audit);

// What the leader's form of cost inputs shows: the municipality's defaults for the year, or one
// ALIS's own inputs with the defaults they fall back on and, when alis holds the year's rates,
// the ALIS's cost and coverage as the coverage page computes them.
struct CostForm {
    domain::Municipality municipality;
    int year = 0;
    std::optional<std::int64_t> person_id;  // the ALIS; nullopt for the defaults' form
    std::string full_name;
    domain::PayModel pay = domain::PayModel::salaried;  // of the ALIS's first post there that year
    std::optional<domain::RecordedCostEntry> entry;     // as recorded: the form's values
    std::optional<domain::RecordedCostEntry> defaults;  // the ALIS's form: what empty fields take
    // The ALIS's cost (and grant, when a post earns it in the year's refund period) from what is
    // recorded; nullopt for the defaults' form, without rates for the year, or with nothing
    // entered.
    std::optional<AlisCoverage> computed;
    bool unconfirmed = false;  // some rate used for `computed` is an estimate
};

// The form of the cost inputs of municipality `number` for `year`: the defaults' (no
// `person_id`) or the ALIS's. Nullopt for an unknown municipality, or for a person without an
// employment there that year (the same rule as record_cost_entry's).
std::optional<CostForm> cost_form(Application& app, const std::string& number, int year,
                                  std::optional<std::int64_t> person_id);

// The latest year alis computes coverage for (coverage_years) in which the person had one of
// `employments` in municipality `number`: the year the trainee's page links the cost form for.
std::optional<int> latest_cost_year(const std::vector<domain::Employment>& employments,
                                    const std::string& number);

// The agreements of the person's employments, by employment.
std::vector<domain::Agreement> agreements_of(Application& app, std::int64_t person_id);

}  // namespace alis::app
