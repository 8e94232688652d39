#pragma once

// The grant engine: which calendar months of which posts the national grant "Nasjonal ALIS og
// veiledning" pays for, and how much (docs/money.md, "The grant rules"). A pure function of its
// input; the rates are data (grant_rates.hpp).

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/grant_rates.hpp"
#include "domain/money.hpp"
#include "domain/training_path.hpp"

namespace alis::domain {

// The ALIS agreement the municipality and the doctor signed.
struct GrantAgreement {
    bool national_template = false;  // follows Helsedirektoratet's national template
    std::optional<Date> signed_on;   // nullopt: not signed (no agreement)
};

// One post the doctor holds in the claim's period; each post is counted on its own.
struct GrantPost {
    GrantPostType type = GrantPostType::regular_gp;
    PositionPpm fte = kFullTime;  // position share, 0 < fte <= kFullTime
    Date from;
    Date to;                  // inclusive
    bool via_agency = false;  // employed through a staffing agency ("vikarbyrå")
    bool substitute = false;  // a GP substitute ("fastlegevikar"); only for regular_gp
};

// What a claim is computed from.
struct GrantClaimInput {
    GrantRates rates;
    Date period_from;  // the refund period, inclusive
    Date period_to;
    int centrality_class = 1;  // SSB centrality class, 1 (most central) to 6
    GrantAgreement agreement;
    std::vector<GrantPost> posts;
};

// Why a month of a post is not counted; the names are part of the output contract.
enum class GrantReason {
    month_outside_period,              // the month does not lie wholly inside the refund period
    post_not_whole_month,              // the post does not cover every day of the month
    no_agreement,                      // no ALIS agreement was signed
    not_national_template,             // the agreement does not follow the national template
    agreement_signed_late,             // signed after the first day of the month
    via_agency,                        // the doctor is employed through a staffing agency
    substitute_shorter_than_3_months,  // a GP substitute engaged for less than 3 months
};

template <>
struct EnumNames<GrantReason> {
    static constexpr std::array<std::pair<GrantReason, std::string_view>, 7> names{{
        {GrantReason::month_outside_period, "month_outside_period"},
        {GrantReason::post_not_whole_month, "post_not_whole_month"},
        {GrantReason::no_agreement, "no_agreement"},
        {GrantReason::not_national_template, "not_national_template"},
        {GrantReason::agreement_signed_late, "agreement_signed_late"},
        {GrantReason::via_agency, "via_agency"},
        {GrantReason::substitute_shorter_than_3_months, "substitute_shorter_than_3_months"},
    }};
};

// One post in one calendar month of the period.
struct GrantMonth {
    int year = 0;
    int month = 1;         // 1-12
    std::size_t post = 0;  // index into GrantClaimInput::posts
    bool counted = false;
    Money amount;                      // zero when not counted
    std::vector<GrantReason> reasons;  // empty when counted; in GrantReason order otherwise
};

struct GrantClaim {
    std::vector<GrantMonth> months;  // by post, then by month
    Money total;
};

// Bad input to the engine: names the field (e.g. "posts[2].to"), the problem (a stable code,
// the key of its message: "to_before_from") and the offending text where there is one.
class GrantInputError : public std::invalid_argument {
  public:
    GrantInputError(std::string field, std::string problem, std::string text = {});
    const std::string& field() const { return field_; }
    const std::string& problem() const { return problem_; }
    const std::string& text() const { return text_; }

  private:
    std::string field_;
    std::string problem_;
    std::string text_;
};

// The most posts and months one claim may hold.
inline constexpr std::size_t kMaxGrantPosts = 100'000;
inline constexpr int kMaxGrantPeriodMonths = 120;

// A GP substitute's engagement counts from this grant year only when it lasts 3 months.
inline constexpr int kSubstituteRuleFromGrantYear = 2023;
// In this grant year, an agreement signed after kBackdatingSignedAfter counts as signed on
// kBackdatingTo.
inline constexpr int kBackdatingGrantYear = 2023;

// True when a GP substitute engaged from `from` to `to` (inclusive) lasts at least 3 months:
// to >= from + 3 months - 1 day, months added keeping the day, clamped to a shorter month's end.
bool lasts_three_months(Date from, Date to);

// The day the agreement counts as signed on for `grant_year`, after back-dating.
Date effective_signing_date(Date signed_on, int grant_year);

// The month's amount of a post: (rate + class-6 supplement in class 6) × position, rounded to
// whole øre half up.
Money month_amount(const GrantRates& rates, GrantPostType type, PositionPpm fte,
                   int centrality_class);

// Counts every post in every calendar month that touches the period (rules in docs/money.md);
// throws GrantInputError when the input breaks its limits (check_grant_input).
GrantClaim evaluate_grant(const GrantClaimInput& input);

// Checks the input's limits: period and posts' dates in order, at most kMaxGrantPeriodMonths
// months, centrality class 1-6, fte in range, a substitute only in a regular GP post.
void check_grant_input(const GrantClaimInput& input);

}  // namespace alis::domain
