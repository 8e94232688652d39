#include "app/grant_claims.hpp"

#include "app/money_rules.hpp"
#include "store/database.hpp"

namespace alis::app {

std::optional<ClaimReport> grant_claim(Application& app, const std::string& number,
                                       domain::Date from, domain::Date to) {
    const auto& year = embedded_grant_year(std::to_string(to.year()));
    if (from <= to && (from < year.refund_from || to > year.refund_to)) {
        throw ClaimPeriodOutsideRefundPeriod(year.rates.grant_year, year.refund_from,
                                             year.refund_to);
    }
    std::optional<domain::Municipality> municipality;
    std::vector<domain::ClaimPost> posts;
    app.database().read([&](const store::Snapshot& s) {
        municipality = s.municipalities().find(number);
        if (municipality) {
            posts = s.grants().claim_posts({number, std::nullopt}, from, to);
        }
    });
    if (!municipality) {
        return std::nullopt;
    }
    ClaimReport report{*municipality, year.rates.grant_year, {}};
    report.claim =
        domain::compute_municipality_claim(year, from, to, municipality->centrality_class, posts);
    return report;
}

std::optional<ClaimReport> grant_claim(Application& app, const std::string& number,
                                       int grant_year) {
    const auto& year = embedded_grant_year(std::to_string(grant_year));
    return grant_claim(app, number, year.refund_from, year.refund_to);
}

}  // namespace alis::app
