// The grant engine's JSON input (docs/money.md, "alis grant evaluate"): any text either parses
// into a request or is refused with a JsonSyntaxError or a GrantInputError; a request that names
// a grant year takes that year's rates (or is refused as an unknown year), and a claim that is
// evaluated is written as JSON that must itself be valid JSON, its total the sum of its months.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/money_rules.hpp"
#include "domain/grant.hpp"
#include "domain/grant_json.hpp"
#include "domain/json_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        alis::domain::GrantRequest request = alis::domain::parse_grant_request(text);
        if (request.rates_file) {
            const alis::domain::GrantYear& year =
                alis::app::embedded_grant_year(*request.rates_file);
            request.input.rates = year.rates;
            if (!request.period_given) {
                request.input.period_from = year.refund_from;
                request.input.period_to = year.refund_to;
            }
        }
        const alis::domain::GrantClaim claim = alis::domain::evaluate_grant(request.input);
        std::int64_t sum = 0;
        for (const alis::domain::GrantMonth& month : claim.months) {
            sum += month.amount.in_ore();
            if (month.counted != month.reasons.empty()) {
                std::abort();  // A month counts exactly when nothing stops it.
            }
        }
        if (sum != claim.total.in_ore()) {
            std::abort();  // The claim is the sum of its months.
        }
        boost::system::error_code ec;
        (void)boost::json::parse(alis::domain::grant_claim_json(claim), ec);
        if (ec) {
            std::abort();  // grant_claim_json wrote something that is not JSON.
        }
    } catch (const alis::domain::JsonSyntaxError&) {
    } catch (const alis::domain::GrantInputError&) {
    } catch (const alis::app::UnknownRulesYear&) {
    }
    return 0;
}
