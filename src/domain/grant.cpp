#include "domain/grant.hpp"

#include <algorithm>
#include <utility>

namespace alis::domain {
namespace {

// The back-dating of grant year 2023: agreements signed after 30 September 2022 count from
// 1 October 2022.
constexpr Date kBackdatingSignedAfter = Date::from_days(19'265);  // 2022-09-30
constexpr Date kBackdatingTo = Date::from_days(19'266);           // 2022-10-01

constexpr int kHighestCentralityClass = 6;

std::string post_field(std::size_t post, std::string_view name) {
    return "posts[" + std::to_string(post) + "]." + std::string(name);
}

int month_index(Date date) {
    const YearMonthDay ymd = date.ymd();
    return ymd.year * 12 + (ymd.month - 1);
}

// The reasons why `post` does not count in the month from `first` to `last`.
std::vector<GrantReason> reasons_against(const GrantClaimInput& input, const GrantPost& post,
                                         Date first, Date last) {
    std::vector<GrantReason> reasons;
    if (first < input.period_from || last > input.period_to) {
        reasons.push_back(GrantReason::month_outside_period);
    }
    if (post.from > first || post.to < last) {
        reasons.push_back(GrantReason::post_not_whole_month);
    }
    const GrantAgreement& agreement = input.agreement;
    if (!agreement.signed_on) {
        reasons.push_back(GrantReason::no_agreement);
    } else {
        if (!agreement.national_template) {
            reasons.push_back(GrantReason::not_national_template);
        }
        if (effective_signing_date(*agreement.signed_on, input.rates.grant_year) > first) {
            reasons.push_back(GrantReason::agreement_signed_late);
        }
    }
    if (post.via_agency) {
        reasons.push_back(GrantReason::via_agency);
    }
    if (post.substitute && input.rates.grant_year >= kSubstituteRuleFromGrantYear &&
        !lasts_three_months(post.from, post.to)) {
        reasons.push_back(GrantReason::substitute_shorter_than_3_months);
    }
    return reasons;
}

}  // namespace

GrantInputError::GrantInputError(std::string field, std::string problem, std::string text)
    : std::invalid_argument(field + ": " + problem + (text.empty() ? "" : " (" + text + ")")),
      field_(std::move(field)),
      problem_(std::move(problem)),
      text_(std::move(text)) {}

bool lasts_three_months(Date from, Date to) {
    return to >= from.plus_months(3).plus_days(-1);
}

Date effective_signing_date(Date signed_on, int grant_year) {
    if (grant_year == kBackdatingGrantYear && signed_on > kBackdatingSignedAfter) {
        return std::min(signed_on, kBackdatingTo);
    }
    return signed_on;
}

Money month_amount(const GrantRates& rates, GrantPostType type, PositionPpm fte,
                   int centrality_class) {
    Money rate = rates.monthly_rate(type);
    if (centrality_class == kHighestCentralityClass) {
        rate += rates.class6_supplement;
    }
    return scale(rate, fte, kFullTime);
}

void check_grant_input(const GrantClaimInput& input) {
    if (input.rates.grant_year < kFirstGrantYear || input.rates.grant_year > kLastGrantYear) {
        throw GrantInputError("rates.grant_year", "grant_year",
                              std::to_string(input.rates.grant_year));
    }
    if (input.period_to < input.period_from) {
        throw GrantInputError("period.to", "to_before_from");
    }
    if (month_index(input.period_to) - month_index(input.period_from) >= kMaxGrantPeriodMonths) {
        throw GrantInputError("period", "period_too_long");
    }
    if (input.centrality_class < 1 || input.centrality_class > kHighestCentralityClass) {
        throw GrantInputError("centrality_class", "centrality_class",
                              std::to_string(input.centrality_class));
    }
    if (input.posts.size() > kMaxGrantPosts) {
        throw GrantInputError("posts", "too_many_posts");
    }
    for (std::size_t i = 0; i < input.posts.size(); ++i) {
        const GrantPost& post = input.posts[i];
        if (post.to < post.from) {
            throw GrantInputError(post_field(i, "to"), "to_before_from");
        }
        if (post.fte <= 0 || post.fte > kFullTime) {
            throw GrantInputError(post_field(i, "fte"), "fte");
        }
        if (post.substitute && post.type != GrantPostType::regular_gp) {
            throw GrantInputError(post_field(i, "substitute"), "substitute_not_regular_gp");
        }
    }
}

GrantClaim evaluate_grant(const GrantClaimInput& input) {
    check_grant_input(input);
    GrantClaim claim;
    const Date first_month = input.period_from.first_of_month();
    const int months = month_index(input.period_to) - month_index(input.period_from) + 1;
    claim.months.reserve(input.posts.size() * static_cast<std::size_t>(months));
    for (std::size_t i = 0; i < input.posts.size(); ++i) {
        const GrantPost& post = input.posts[i];
        const Money amount = month_amount(input.rates, post.type, post.fte, input.centrality_class);
        Date first = first_month;
        for (int m = 0; m < months; ++m) {
            const Date last = first.last_of_month();
            const YearMonthDay ymd = first.ymd();
            GrantMonth month;
            month.year = ymd.year;
            month.month = ymd.month;
            month.post = i;
            month.reasons = reasons_against(input, post, first, last);
            month.counted = month.reasons.empty();
            if (month.counted) {
                month.amount = amount;
                claim.total += amount;
            }
            claim.months.push_back(std::move(month));
            first = last.plus_days(1);
        }
    }
    return claim;
}

}  // namespace alis::domain
