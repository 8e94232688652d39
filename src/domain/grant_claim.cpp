#include "domain/grant_claim.hpp"

#include <algorithm>
#include <map>

namespace alis::domain {
namespace {

// The engine's post of an employment in the period, or nullopt when it earns no grant there.
std::optional<GrantPost> grant_post_of(const ClaimPost& post, Date from, Date to) {
    const auto& e = post.employment;
    if (e.starts_on > to || (e.ends_on && *e.ends_on < from)) {
        return std::nullopt;
    }
    const auto type =
        post.facts ? std::optional(post.facts->type) : default_grant_post_type(e.post_type);
    if (!type) {
        return std::nullopt;
    }
    GrantPost g;
    g.type = *type;
    g.fte = static_cast<PositionPpm>(e.fte) * (kFullTime / 100);
    g.from = e.starts_on;
    // An ongoing post lasts at least to the end of the period as far as the claim can tell.
    g.to = e.ends_on ? *e.ends_on : std::max(to, e.starts_on);
    g.via_agency = post.facts && post.facts->via_agency;
    g.substitute = post.facts && post.facts->substitute && *type == GrantPostType::regular_gp;
    return g;
}

}  // namespace

MunicipalityClaim compute_municipality_claim(const GrantYear& year, Date from, Date to,
                                             int centrality_class,
                                             const std::vector<ClaimPost>& posts) {
    MunicipalityClaim claim;
    claim.period_from = from;
    claim.period_to = to;
    claim.claim_deadline = year.claim_deadline;
    claim.unconfirmed = year.unconfirmed();
    GrantClaimInput input;
    input.rates = year.rates;
    input.period_from = from;
    input.period_to = to;
    input.centrality_class = centrality_class;
    check_grant_input(input);
    for (const auto& post : posts) {
        const auto grant_post = grant_post_of(post, from, to);
        if (!grant_post) {
            continue;
        }
        input.agreement = grant_agreement(post.agreements);
        input.posts = {*grant_post};
        const GrantClaim evaluated = evaluate_grant(input);
        ClaimLine line;
        line.person_id = post.person_id;
        line.full_name = post.full_name;
        line.employment_id = post.employment.id;
        line.type = grant_post->type;
        line.fte = post.employment.fte;
        line.amount = evaluated.total;
        std::map<GrantReason, int> stopped;
        for (const auto& month : evaluated.months) {
            if (month.counted) {
                ++line.months_counted;
                continue;
            }
            const auto& r = month.reasons;
            if (std::find(r.begin(), r.end(), GrantReason::month_outside_period) != r.end() ||
                std::find(r.begin(), r.end(), GrantReason::post_not_whole_month) != r.end()) {
                continue;
            }
            for (const auto reason : r) {
                ++stopped[reason];
            }
        }
        line.stopped.assign(stopped.begin(), stopped.end());
        claim.months_counted += line.months_counted;
        claim.total += line.amount;
        claim.lines.push_back(std::move(line));
    }
    std::stable_sort(claim.lines.begin(), claim.lines.end(),
                     [](const auto& a, const auto& b) { return a.full_name < b.full_name; });
    return claim;
}

}  // namespace alis::domain
