#include "domain/text.hpp"

namespace alis::domain {
namespace {

// Decodes the code point at `i` (strictly) and advances `i`; nullopt for invalid UTF-8.
std::optional<char32_t> next(std::string_view text, std::size_t& i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = at(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t width = 0;
    char32_t value = 0;
    char32_t least = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        width = 2;
        value = lead & 0x1F;
        least = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        width = 3;
        value = lead & 0x0F;
        least = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        width = 4;
        value = lead & 0x07;
        least = 0x10000;
    } else {
        return std::nullopt;  // A continuation byte, C0/C1 (overlong), or F5..FF.
    }
    if (i + width > text.size()) {
        return std::nullopt;
    }
    for (std::size_t k = 1; k < width; ++k) {
        const unsigned char byte = at(i + k);
        if ((byte & 0xC0) != 0x80) {
            return std::nullopt;
        }
        value = (value << 6) | (byte & 0x3F);
    }
    if (value < least || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return std::nullopt;  // Overlong, above the last code point, or a surrogate.
    }
    i += width;
    return value;
}

bool is_control(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

// U+202A..U+202E (embeddings and overrides) and U+2066..U+2069 (isolates) reorder what follows.
bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Zero-width space, joiners, word joiner, byte order mark, and the direction marks.
bool is_invisible(char32_t c) {
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

}  // namespace

std::optional<std::size_t> utf8_code_points(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        if (!next(text, i)) {
            return std::nullopt;
        }
    }
    return count;
}

TextProblem check_text(std::string_view text, TextKind kind) {
    TextProblem found = TextProblem::none;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = next(text, i);
        if (!c) {
            return TextProblem::invalid_utf8;
        }
        const bool allowed_space = kind == TextKind::lines && (*c == '\n' || *c == '\t');
        if (is_control(*c) && !allowed_space && found == TextProblem::none) {
            found = TextProblem::control_character;
        } else if ((is_bidi_control(*c) || (kind == TextKind::line && is_invisible(*c))) &&
                   found == TextProblem::none) {
            found = TextProblem::invisible_character;
        }
    }
    return found;
}

TextProblem check_input(std::string_view text) {
    TextProblem found = TextProblem::none;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = next(text, i);
        if (!c) {
            return TextProblem::invalid_utf8;
        }
        const bool space = *c == '\n' || *c == '\t' || *c == '\r';
        if (found == TextProblem::none) {
            if (is_control(*c) && !space) {
                found = TextProblem::control_character;
            } else if (is_bidi_control(*c)) {
                found = TextProblem::invisible_character;
            }
        }
    }
    return found;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

bool is_email_address(std::string_view text) {
    const auto at = text.find('@');
    if (text.size() < 3 || text.size() > 254 || at == 0 || at == std::string_view::npos ||
        text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const auto domain = text.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
           text.find_first_of(" \t\r\n<>,;") == std::string_view::npos;
}

}  // namespace alis::domain
