#include "domain/money.hpp"

#include <string_view>

namespace alis::domain {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00a0";

// Whole kroner with a no-break space between each group of three digits; `kroner` >= 0.
std::string grouped(std::int64_t kroner) {
    const std::string digits = std::to_string(kroner);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            text += kNoBreakSpace;
        }
        text += digits[i];
    }
    return text;
}

std::string two_digits(std::int64_t value) {
    return std::string(1, static_cast<char>('0' + value / 10)) +
           static_cast<char>('0' + value % 10);
}

// Removes `suffix` and the spaces before it from the end of `text`, if it ends so.
bool strip_suffix(std::string_view& text, std::string_view suffix) {
    if (!text.ends_with(suffix)) {
        return false;
    }
    text.remove_suffix(suffix.size());
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return true;
}

}  // namespace

Money Money::times(std::int64_t count) const {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(ore_, count, &product)) {
        throw std::overflow_error("amount too large");
    }
    return ore(product);
}

Money scale(Money amount, std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) {
        throw std::invalid_argument("scale: the denominator must be positive");
    }
    std::int64_t product = 0;
    if (__builtin_mul_overflow(amount.in_ore(), numerator, &product)) {
        throw std::overflow_error("amount too large");
    }
    const std::int64_t quotient = product / denominator;
    const std::int64_t remainder = product % denominator;
    // |remainder| * 2 >= denominator, computed without overflow: the remainder is below it.
    const std::int64_t magnitude = remainder < 0 ? -remainder : remainder;
    if (magnitude >= denominator - magnitude) {
        return Money::ore(quotient + (product < 0 ? -1 : 1));
    }
    return Money::ore(quotient);
}

std::string format_kroner(Money amount) {
    const std::int64_t ore = amount.in_ore();
    // The magnitude as an unsigned number, so that the most negative amount formats too.
    const std::uint64_t magnitude = ore < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(ore)
                                            : static_cast<std::uint64_t>(ore);
    std::string text = ore < 0 ? "-" : "";
    text += grouped(static_cast<std::int64_t>(magnitude / 100));
    if (magnitude % 100 != 0) {
        text += "," + two_digits(static_cast<std::int64_t>(magnitude % 100));
    }
    return text + std::string(kNoBreakSpace) + "kr";
}

std::string format_millions(Money amount) {
    // Tenths of a million kroner are 10 000 000 øre.
    const Money tenths = scale(amount, 1, 10'000'000);
    const std::int64_t value = tenths.in_ore();
    const std::int64_t magnitude = value < 0 ? -value : value;
    return std::string(value < 0 ? "-" : "") + std::to_string(magnitude / 10) + "," +
           std::to_string(magnitude % 10);
}

std::optional<Money> parse_kroner(std::string_view text, Money max) {
    // The spaces a user or a copied amount groups digits with, as one plain space.
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i).starts_with("\u00a0")) {
            plain += ' ';
            i += 1;
        } else if (text.substr(i).starts_with("\u202f")) {
            plain += ' ';
            i += 2;
        } else {
            plain += text[i];
        }
    }
    std::string_view rest(plain);
    while (!rest.empty() && rest.front() == ' ') {
        rest.remove_prefix(1);
    }
    while (!rest.empty() && rest.back() == ' ') {
        rest.remove_suffix(1);
    }
    strip_suffix(rest, "kr");
    std::int64_t ore = 0;
    const auto comma = rest.find(',');
    if (comma != std::string_view::npos) {
        const auto decimals = rest.substr(comma + 1);
        if (decimals != "-") {
            if (decimals.empty() || decimals.size() > 2 ||
                decimals.find_first_not_of("0123456789") != std::string_view::npos) {
                return std::nullopt;
            }
            ore = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
        }
        rest = rest.substr(0, comma);
    }
    // Whole kroner: digits, or groups of three after a first group of one to three.
    std::int64_t kroner = 0;
    int digits = 0;
    std::size_t group = 0;  // digits in the current group
    bool grouped = false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const char c = rest[i];
        if (c == ' ') {
            if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) {
                return std::nullopt;
            }
            grouped = true;
            group = 0;
            continue;
        }
        if (c < '0' || c > '9' || ++digits > 15) {
            return std::nullopt;
        }
        kroner = kroner * 10 + (c - '0');
        ++group;
    }
    if (digits == 0 || (grouped && group != 3)) {
        return std::nullopt;
    }
    const auto amount = Money::ore(kroner * 100 + ore);
    if (amount > max) {
        return std::nullopt;
    }
    return amount;
}

}  // namespace alis::domain
