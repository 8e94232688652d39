#include "domain/person_name.hpp"

#include <string>

namespace alis::domain {
namespace {

std::string_view trimmed(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// The UTF-8 text with ASCII and Latin-1 capitals (U+00C0-U+00DE but U+00D7) made small.
std::string folded(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& c = reinterpret_cast<unsigned char&>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<unsigned char>(c + ('a' - 'A'));
        } else if (c == 0xC3 && i + 1 < out.size()) {
            auto& next = reinterpret_cast<unsigned char&>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) {
                next = static_cast<unsigned char>(next + 0x20);
            }
            ++i;
        }
    }
    return out;
}

}  // namespace

bool same_person_name(std::string_view typed, std::string_view stored) {
    return folded(trimmed(typed)) == folded(trimmed(stored));
}

}  // namespace alis::domain
