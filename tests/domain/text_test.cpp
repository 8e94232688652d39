// Which text alis accepts: strict UTF-8, no control characters, no invisible characters in a line.
#include "domain/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alis::domain {
namespace text_test {

struct Case {
    const char* why;
    std::string text;
    TextProblem as_line;
    TextProblem as_lines;
    TextProblem at_the_edge;
};

const auto kNone = TextProblem::none;
const auto kUtf8 = TextProblem::invalid_utf8;
const auto kControl = TextProblem::control_character;
const auto kInvisible = TextProblem::invisible_character;

TEST(Text, EachCaseIsJudgedAsTheTableSays) {
    const std::vector<Case> cases = {
        {"Norwegian letters are text", "Åse Ødegård-Ås", kNone, kNone, kNone},
        {"an emoji is a code point above the BMP", "Kari \xF0\x9F\x98\x80", kNone, kNone, kNone},
        {"the last code point U+10FFFF", "\xF4\x8F\xBF\xBF", kNone, kNone, kNone},
        {"empty is no problem here (required is the form's rule)", "", kNone, kNone, kNone},
        {"a surrogate U+D800 is no code point", "a\xED\xA0\x80", kUtf8, kUtf8, kUtf8},
        {"a high surrogate U+DFFF", "\xED\xBF\xBF", kUtf8, kUtf8, kUtf8},
        {"an overlong '/' (E0 80 AF)", "\xE0\x80\xAF", kUtf8, kUtf8, kUtf8},
        {"an overlong NUL (C0 80)", "\xC0\x80", kUtf8, kUtf8, kUtf8},
        {"an overlong in four bytes (F0 80 80 AF)", "\xF0\x80\x80\xAF", kUtf8, kUtf8, kUtf8},
        {"above U+10FFFF (F4 90 80 80)", "\xF4\x90\x80\x80", kUtf8, kUtf8, kUtf8},
        {"F5 never starts a sequence", "\xF5\x80\x80\x80", kUtf8, kUtf8, kUtf8},
        {"a lone continuation byte", "a\x80", kUtf8, kUtf8, kUtf8},
        {"a cut sequence", "\xC3", kUtf8, kUtf8, kUtf8},
        {"Latin-1 text is not UTF-8", "\xE6\xF8\xE5", kUtf8, kUtf8, kUtf8},
        {"a C1 control U+0085",
         "a\xC2\x85"
         "b",
         kControl, kControl, kControl},
        {"a C1 control U+009B (CSI)", "\xC2\x9B", kControl, kControl, kControl},
        {"a C0 control", std::string("a\x01", 2), kControl, kControl, kControl},
        {"NUL", std::string("a\0b", 3), kControl, kControl, kControl},
        {"DEL", "a\x7F", kControl, kControl, kControl},
        {"a line feed is a line break: not in a line", "a\nb", kControl, kNone, kNone},
        {"a tab: not in a line", "a\tb", kControl, kNone, kNone},
        {"a carriage return: the form keeps it out of lines", "a\rb", kControl, kControl, kNone},
        {"a right-to-left override U+202E spoofs a name",
         "Kari \xE2\x80\xAE"
         "nesnah",
         kInvisible, kInvisible, kInvisible},
        {"a left-to-right embedding U+202A",
         "\xE2\x80\xAA"
         "a",
         kInvisible, kInvisible, kInvisible},
        {"a first-strong isolate U+2068",
         "\xE2\x81\xA8"
         "a",
         kInvisible, kInvisible, kInvisible},
        {"a zero-width space U+200B in a name", "Ola\xE2\x80\x8BNordmann", kInvisible, kNone,
         kNone},
        {"a zero-width joiner U+200D in a name",
         "a\xE2\x80\x8D"
         "b",
         kInvisible, kNone, kNone},
        {"a byte order mark U+FEFF in a name",
         "\xEF\xBB\xBF"
         "Kari",
         kInvisible, kNone, kNone},
        {"a right-to-left mark U+200F in a name", "a\xE2\x80\x8F", kInvisible, kNone, kNone},
        {"invalid UTF-8 wins over an earlier control", "\x01\xC0\x80", kUtf8, kUtf8, kUtf8},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(check_text(c.text, TextKind::line), c.as_line) << c.why;
        EXPECT_EQ(check_text(c.text, TextKind::lines), c.as_lines) << c.why;
        EXPECT_EQ(check_input(c.text), c.at_the_edge) << c.why;
    }
}

TEST(Text, CodePointsAreCountedOnlyForStrictUtf8) {
    EXPECT_EQ(utf8_code_points("Åse"), 3u);
    EXPECT_EQ(utf8_code_points("\xF0\x9F\x98\x80"), 1u);
    EXPECT_EQ(utf8_code_points(""), 0u);
    EXPECT_FALSE(utf8_code_points("\xED\xA0\x80"));
    EXPECT_FALSE(utf8_code_points("\xE0\x80\xAF"));
    EXPECT_FALSE(utf8_code_points("\xF4\x90\x80\x80"));
}

TEST(Text, EmailAddressesAreComparedInLowerCaseAndCheckedForTheirForm) {
    EXPECT_EQ(lower_ascii("Hansen@Sykehus.NO"), "hansen@sykehus.no");
    EXPECT_EQ(lower_ascii("Ørjan@Lege.no"), "Ørjan@lege.no") << "only ASCII letters are lowered";
    for (const char* ok : {"kari@legekontor.no", "a.b+c@x.co"}) {
        EXPECT_TRUE(is_email_address(ok)) << ok;
    }
    for (const char* bad :
         {"", "kari", "kari@", "@legekontor.no", "kari@legekontor", "kari@@legekontor.no",
          "kari nordmann@lege.no", "kari@.no", "kari@lege.", "a@b@c.no"}) {
        EXPECT_FALSE(is_email_address(bad)) << bad;
    }
}

}  // namespace text_test
}  // namespace alis::domain
