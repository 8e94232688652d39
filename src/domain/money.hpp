#pragma once

// Money is exact: an amount is a whole number of øre (1 krone = 100 øre), and no floating point
// touches it. Rounding happens once, where a rule says so, through `scale` (docs/money.md).

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace alis::domain {

// The largest amount, in øre, that alis accepts as input (100 milliarder kr): far above any
// budget, and small enough that sums of up to 90 000 such amounts (a budget's lines over its
// years, a cost's items) stay far below the 64-bit limit of about 9.2e18 øre.
inline constexpr std::int64_t kMaxInputOre = 10'000'000'000'000;

// An amount of money in whole øre; negative amounts are allowed (a cost that the financing more
// than covers).
class Money {
  public:
    constexpr Money() = default;
    static constexpr Money ore(std::int64_t ore) {
        Money m;
        m.ore_ = ore;
        return m;
    }
    static constexpr Money kroner(std::int64_t kroner) { return ore(kroner * 100); }

    constexpr std::int64_t in_ore() const { return ore_; }

    constexpr Money operator+(Money other) const { return ore(ore_ + other.ore_); }
    constexpr Money operator-(Money other) const { return ore(ore_ - other.ore_); }
    constexpr Money operator-() const { return ore(-ore_); }
    constexpr Money& operator+=(Money other) {
        ore_ += other.ore_;
        return *this;
    }
    constexpr Money& operator-=(Money other) {
        ore_ -= other.ore_;
        return *this;
    }
    // Exact multiplication by a whole number (a count: patients, hours, candidates, years).
    Money times(std::int64_t count) const;

    friend constexpr auto operator<=>(Money, Money) = default;

  private:
    std::int64_t ore_ = 0;
};

// `amount` × numerator / denominator, rounded to whole øre half up: a remainder of exactly one
// half goes away from zero (0,5 øre -> 1 øre, -0,5 øre -> -1 øre). `denominator` must be
// positive. Throws std::overflow_error when the product does not fit in 64 bits.
Money scale(Money amount, std::int64_t numerator, std::int64_t denominator);

// The amount as Norwegian users write it: "1 234 567 kr", "-300 kr", "12,50 kr"; the thousands
// separator and the space before "kr" are no-break spaces (U+00A0). Øre are shown only when the
// amount has some; nothing is rounded.
std::string format_kroner(Money amount);

// The amount in millions of kroner with one decimal and a decimal comma, as the 2023 report's
// tables show it: 2 149 999 kr -> "2,1", -250 000 kr -> "-0,3". Rounded half up for display only.
std::string format_millions(Money amount);

// An amount as a Norwegian user types it in kroner, read exactly into øre: whole kroner
// ("1234567"), grouped by three with spaces ("1 234 567"; a space, a no-break space or a narrow
// no-break space), with øre after a decimal comma ("1234567,50", "12,5" is 12,50 kr) or ",-"
// ("1 000,-"), and "kr" after it or not. Nullopt for any other text (a sign, a decimal point,
// more than two decimals, a badly grouped number) and for an amount above `max`.
std::optional<Money> parse_kroner(std::string_view text, Money max);

}  // namespace alis::domain
