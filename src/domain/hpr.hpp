#pragma once

// The HPR number ("HPR-nummer"): a health professional's number in Helsedirektoratet's
// register of health personnel (Helsepersonellregisteret).

#include <string_view>

namespace alis::domain {

// The HPR number is a running number of at most nine digits (Helsedirektoratet, "HPR-nummer",
// the register's documentation). The shortest accepted, four digits, is assumed: no public text
// gives a minimum, and no number in use is known to be shorter.
inline constexpr std::size_t kHprMinDigits = 4;
inline constexpr std::size_t kHprMaxDigits = 9;

// True when `text` is an HPR number: kHprMinDigits to kHprMaxDigits decimal digits, nothing else.
constexpr bool is_hpr_number(std::string_view text) {
    if (text.size() < kHprMinDigits || text.size() > kHprMaxDigits) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

}  // namespace alis::domain
