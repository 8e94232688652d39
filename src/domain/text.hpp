#pragma once

// What text alis accepts from outside: strict UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), without control characters, and without the invisible characters that
// let one name look like another. Checked once, where text enters (web/forms.cpp, web/access.cpp,
// the pipeline's path), so that nothing stored or sent on can be malformed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace alis::domain {

// Where a text is used: one line (a name, a place) or several (a textarea's notes).
enum class TextKind { line, lines };

enum class TextProblem {
    none,
    invalid_utf8,         // Not strict UTF-8.
    control_character,    // C0 or C1 control, or DEL; a line break or tab in one line.
    invisible_character,  // A bidirectional override or isolate, or (in one line) a zero-width
                          // character or direction mark.
};

// The number of code points of strict UTF-8 text; nullopt when it is not.
std::optional<std::size_t> utf8_code_points(std::string_view text);

// The first problem of `text` used as `kind`, or TextProblem::none.
TextProblem check_text(std::string_view text, TextKind kind);

// What may enter alis at all, whatever the field: strict UTF-8, no control character but tab,
// line feed and carriage return, no bidirectional override or isolate.
TextProblem check_input(std::string_view text);

// `text` with the ASCII letters A-Z lowered (e-mail addresses are compared so).
std::string lower_ascii(std::string_view text);

// True for text of the form of an e-mail address: 3-254 bytes, one "@" with text on both sides,
// a dot in the domain, no space.
bool is_email_address(std::string_view text);

}  // namespace alis::domain
