// alis grant evaluate FILE|-
// The grant engine as a pure function: which months of which posts the national grant pays for,
// and how much (docs/money.md, "alis grant evaluate").
#include <ostream>
#include <string>

#include "app/money_rules.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "domain/grant.hpp"
#include "domain/grant_json.hpp"
#include "domain/json_input.hpp"
#include "domain/ruleset.hpp"

namespace alis::cli {
namespace {

BadInput bad_request(const domain::GrantInputError& e) {
    return {"grant.input." + e.problem(), {{"field", e.field()}, {"text", e.text()}}};
}

// The request with its rates: a named grant year's rates and its refund period (a period the input
// gives must lie within it: only months of the grant year's own refund period are claimed), or the
// inline rates as they are. `rates_name` names them in the notice of unconfirmed values, and
// `unconfirmed` says whether the rates, or the refund period taken from the file, are estimates.
domain::GrantClaimInput resolve(domain::GrantRequest request, std::string& rates_name,
                                bool& unconfirmed) {
    rates_name = "rates";
    unconfirmed = request.input.rates.unconfirmed;
    if (request.rates_file) {
        try {
            const domain::GrantYear& year = app::embedded_grant_year(*request.rates_file);
            request.input.rates = year.rates;
            unconfirmed = year.rates.unconfirmed;
            if (!request.period_given) {
                request.input.period_from = year.refund_from;
                request.input.period_to = year.refund_to;
                unconfirmed = unconfirmed || year.refund_period_provenance.unconfirmed;
            } else if (request.input.period_from < year.refund_from ||
                       request.input.period_to > year.refund_to) {
                throw BadInput{"grant.input.period_outside_refund_period",
                               {{"year", year.rates.grant_year},
                                {"from", year.refund_from.norwegian()},
                                {"to", year.refund_to.norwegian()}}};
            }
            rates_name = "rules/grants/" + std::to_string(year.rates.grant_year) + ".toml";
        } catch (const app::UnknownRulesYear& e) {
            throw BadInput{"grant.input.unknown_rates", {{"text", e.name()}, {"known", e.known()}}};
        } catch (const domain::RulesetError& e) {
            throw data_file_error(e);
        }
    }
    return std::move(request.input);
}

// The claim as JSON, and on `err` the notice when its rates are unconfirmed.
std::string claim_of(const std::string& text, const FileInput&, std::ostream& err) {
    std::string rates_name;
    domain::GrantClaim claim;
    bool unconfirmed = false;
    try {
        const domain::GrantClaimInput input =
            resolve(domain::parse_grant_request(text), rates_name, unconfirmed);
        claim = domain::evaluate_grant(input);
    } catch (const domain::GrantInputError& e) {
        throw bad_request(e);
    } catch (const domain::JsonSyntaxError& e) {
        throw BadInput{"grant.input.malformed_json", {{"line", e.line()}, {"column", e.column()}}};
    }
    if (unconfirmed) {
        // Estimates must never pass for official amounts: said on stderr, so that the JSON
        // stays as the issue defines it.
        write_message("grant.unconfirmed", {{"rates", rates_name}}, err);
    }
    return domain::grant_claim_json(claim);
}

}  // namespace

void add_grant_command(CLI::App& app, int& exit_code) {
    auto* grant = app.add_subcommand(
        "grant", "The national grant Nasjonal ALIS og veiledning (see docs/money.md)");
    grant->require_subcommand(1);
    add_file_command(*grant, "evaluate",
                     "Count the months of each post that the grant pays for, with their amounts "
                     "and the reasons for every month not counted (JSON in, JSON out)",
                     "The claim's input: a JSON file", {}, exit_code, claim_of);
    add_grant_claim_command(*grant, exit_code);
}

}  // namespace alis::cli
