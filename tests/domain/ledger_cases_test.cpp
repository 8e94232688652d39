// Runs the training-ledger case files in tests/rules/*.case (format in docs/ledger.md, "Case
// files"): each case is a training path and the key figures a person worked out by hand.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "domain/ledger.hpp"
#include "domain/ruleset.hpp"
#include "domain/training_path.hpp"

namespace alis::domain {
namespace ledger_cases_test {

// An exact number of months, num/den.
struct Fraction {
    std::int64_t num = 0;
    std::int64_t den = 1;
};

Fraction add(Fraction a, Fraction b) {
    const std::int64_t g = std::gcd(a.den, b.den);
    Fraction sum{a.num * (b.den / g) + b.num * (a.den / g), a.den / g * b.den};
    const std::int64_t r = std::gcd(sum.num, sum.den);
    return {sum.num / r, sum.den / r};
}

// What a case expects of one figure: a rounded value as printed ("5.95"), or an exact sum.
struct Amount {
    std::optional<std::string> rounded;
    std::optional<Fraction> exact;
    std::string text;
};

struct Expectation {
    int line = 0;
    std::string key;  // "months.total", "requirement.institution_min", "complete", "projection"
    Amount amount;
    std::optional<bool> flag;         // met/unmet, yes/no
    std::optional<std::string> date;  // projection: a date or "never"
};

struct LedgerCase {
    std::string file;
    int line = 0;
    std::string name;
    std::string reason;
    TrainingPath path;
    std::vector<Expectation> expectations;
    std::set<std::pair<std::string, std::size_t>> warnings;
    std::string error;  // a problem in the case file itself
};

// Names a case in gtest's output instead of dumping its bytes.
void PrintTo(const LedgerCase& c, std::ostream* os) {
    *os << c.file << ":" << c.line << " " << c.name;
}

std::string trim(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) {
        return {};
    }
    const auto end = text.find_last_not_of(" \t\r");
    return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> result;
    for (std::string word; in >> word;) {
        result.push_back(word);
    }
    return result;
}

std::int64_t whole_number(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        throw std::invalid_argument("'" + text + "' is not a whole number");
    }
    return std::stoll(text);
}

// Parses "= 17/31 + 5 + 60%*14/31": terms are n or n/d, each optionally prefixed by "p%*".
Fraction parse_sum(const std::string& text) {
    Fraction total;
    std::string rest = text;
    rest.erase(std::remove(rest.begin(), rest.end(), ' '), rest.end());
    std::size_t start = 0;
    while (start <= rest.size()) {
        const std::size_t plus = rest.find('+', start);
        std::string term =
            rest.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        Fraction value{1, 1};
        if (const auto percent = term.find("%*"); percent != std::string::npos) {
            value = {whole_number(term.substr(0, percent)), 100};
            term = term.substr(percent + 2);
        }
        const auto slash = term.find('/');
        const std::int64_t num = whole_number(term.substr(0, slash));
        const std::int64_t den =
            slash == std::string::npos ? 1 : whole_number(term.substr(slash + 1));
        if (den == 0) {
            throw std::invalid_argument("division by zero in '" + text + "'");
        }
        total = add(total, {value.num * num, value.den * den});
        if (plus == std::string::npos) {
            break;
        }
        start = plus + 1;
    }
    return total;
}

Amount parse_amount(const std::string& text) {
    Amount amount;
    amount.text = text;
    if (!text.empty() && text.front() == '=') {
        amount.exact = parse_sum(text.substr(1));
        return amount;
    }
    const auto dot = text.find('.');
    if (dot == std::string::npos || text.size() - dot != 3 ||
        text.find_first_not_of("0123456789.") != std::string::npos) {
        throw std::invalid_argument("'" + text +
                                    "' is neither a value with 2 decimals nor '= exact sum'");
    }
    amount.rounded = text;
    return amount;
}

bool parse_flag(const std::string& text, std::string_view yes, std::string_view no) {
    if (text == yes) {
        return true;
    }
    if (text == no) {
        return false;
    }
    throw std::invalid_argument("expected '" + std::string(yes) + "' or '" + std::string(no) +
                                "', not '" + text + "'");
}

Date parse_case_date(const std::string& text) {
    const auto date = Date::parse_iso(text);
    if (!date) {
        throw std::invalid_argument("'" + text + "' is not a date");
    }
    return *date;
}

// period: <from> <to|ongoing> <arena> [<fte>%] [unregistered]
PathPeriod parse_period_line(const std::string& text) {
    const auto parts = words(text);
    if (parts.size() < 3 || parts.size() > 5) {
        throw std::invalid_argument(
            "period: expected <from> <to|ongoing> <arena> [<fte>%] "
            "[unregistered]");
    }
    PathPeriod period;
    period.from = parse_case_date(parts[0]);
    if (parts[1] != "ongoing") {
        period.to = parse_case_date(parts[1]);
    }
    const auto arena = parse_enum<Arena>(parts[2]);
    if (!arena) {
        throw std::invalid_argument("unknown arena '" + parts[2] + "'");
    }
    period.arena = *arena;
    for (std::size_t i = 3; i < parts.size(); ++i) {
        if (parts[i] == "unregistered") {
            period.registered = false;
        } else if (parts[i].size() > 1 && parts[i].back() == '%') {
            period.fte = static_cast<PositionPpm>(
                whole_number(parts[i].substr(0, parts[i].size() - 1)) * (kFullTime / 100));
        } else {
            throw std::invalid_argument("unexpected '" + parts[i] + "' in period");
        }
    }
    return period;
}

void read_line(LedgerCase& c, int line, const std::string& key, const std::string& value) {
    if (key == "reason") {
        c.reason = value;
    } else if (key == "ruleset") {
        c.path.ruleset = value;
    } else if (key == "as_of") {
        c.path.as_of = parse_case_date(value);
    } else if (key == "lis1") {
        c.path.lis1_completed = parse_case_date(value);
    } else if (key == "period") {
        c.path.periods.push_back(parse_period_line(value));
    } else if (key == "warning") {
        const auto parts = words(value);
        if (parts.size() != 2) {
            throw std::invalid_argument("warning: expected <code> <period index>");
        }
        c.warnings.insert({parts[0], static_cast<std::size_t>(whole_number(parts[1]))});
    } else if (key.rfind("months.", 0) == 0) {
        c.expectations.push_back({line, key, parse_amount(value), {}, {}});
    } else if (key.rfind("requirement.", 0) == 0) {
        const auto space = value.find_last_of(' ');
        if (space == std::string::npos) {
            throw std::invalid_argument("requirement: expected <value> met|unmet");
        }
        c.expectations.push_back({line,
                                  key,
                                  parse_amount(trim(value.substr(0, space))),
                                  parse_flag(value.substr(space + 1), "met", "unmet"),
                                  {}});
    } else if (key == "complete") {
        c.expectations.push_back({line, key, {}, parse_flag(value, "yes", "no"), {}});
    } else if (key == "projection") {
        if (value != "never") {
            parse_case_date(value);
        }
        c.expectations.push_back({line, key, {}, {}, value});
    } else {
        throw std::invalid_argument("unknown key '" + key + "'");
    }
}

std::vector<LedgerCase> read_case_file(const std::filesystem::path& file) {
    std::vector<LedgerCase> cases;
    std::ifstream in(file);
    std::string raw;
    int line = 0;
    bool in_case = false;
    while (std::getline(in, raw)) {
        ++line;
        const std::string text = trim(raw);
        if (text.empty()) {
            in_case = false;
            continue;
        }
        if (text.front() == '#') {
            continue;
        }
        const auto colon = text.find(':');
        const std::string key = colon == std::string::npos ? text : trim(text.substr(0, colon));
        const std::string value = colon == std::string::npos ? "" : trim(text.substr(colon + 1));
        if (key == "case") {
            LedgerCase c;
            c.file = file.filename().string();
            c.line = line;
            c.name = value;
            cases.push_back(std::move(c));
            in_case = true;
            continue;
        }
        if (!in_case) {
            LedgerCase stray;
            stray.file = file.filename().string();
            stray.line = line;
            stray.error = "line outside a case (a case starts with 'case:')";
            cases.push_back(std::move(stray));
            continue;
        }
        LedgerCase& c = cases.back();
        if (!c.error.empty()) {
            continue;
        }
        try {
            if (colon == std::string::npos) {
                throw std::invalid_argument("expected 'key: value'");
            }
            read_line(c, line, key, value);
        } catch (const std::exception& e) {
            c.error = "line " + std::to_string(line) + ": " + e.what();
        }
    }
    for (LedgerCase& c : cases) {
        if (c.error.empty() && c.reason.empty()) {
            c.error = "the case has no 'reason:' line";
        } else if (c.error.empty() && c.path.ruleset.empty()) {
            c.error = "the case has no 'ruleset:' line";
        } else if (c.error.empty() && c.expectations.empty()) {
            c.error = "the case expects nothing";
        }
    }
    return cases;
}

std::filesystem::path source_dir() {
    return std::filesystem::path(ALIS_SOURCE_DIR);
}

std::vector<LedgerCase> all_cases() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests/rules")) {
        if (entry.path().extension() == ".case") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<LedgerCase> cases;
    for (const auto& file : files) {
        for (LedgerCase& c : read_case_file(file)) {
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

const Ruleset& ruleset_named(const std::string& id) {
    static std::map<std::string, Ruleset> loaded;
    if (const auto found = loaded.find(id); found != loaded.end()) {
        return found->second;
    }
    const auto file = source_dir() / "rules" / (id + ".toml");
    std::ifstream in(file);
    if (!in) {
        throw std::invalid_argument("no ruleset file " + file.string());
    }
    std::stringstream text;
    text << in.rdbuf();
    return loaded.emplace(id, parse_ruleset(text.str(), "rules/" + id + ".toml")).first->second;
}

// The figure a key names in a report, or nullopt for an unknown key.
std::optional<std::pair<MonthUnits, bool>> figure(const LedgerReport& report,
                                                  const std::string& key) {
    if (key == "months.total") {
        return std::pair{report.months.total, false};
    }
    if (key == "months.not_counted") {
        return std::pair{report.months.not_counted, false};
    }
    for (const Arena arena : kCountingArenas) {
        if (key == "months." + std::string(to_string(arena))) {
            return std::pair{report.months.by_arena[counting_index(arena)], false};
        }
    }
    for (const RequirementStatus& r : report.requirements) {
        if (key == "requirement." + r.id) {
            return std::pair{r.counted, r.met};
        }
    }
    return std::nullopt;
}

// Whether `units` is exactly the fraction of months `expected`.
bool equals_exactly(MonthUnits units, Fraction expected) {
    const std::int64_t g = std::gcd(kUnitsPerMonth, expected.den);
    if (expected.den / g != 1) {
        return false;  // not a whole number of units, so it cannot be equal
    }
    return units == expected.num * (kUnitsPerMonth / g);
}

class LedgerCaseTest : public ::testing::TestWithParam<LedgerCase> {};

TEST_P(LedgerCaseTest, MatchesHandWorkedFigures) {
    const LedgerCase& c = GetParam();
    const std::string where = c.file + ":" + std::to_string(c.line) + " (" + c.name + ")";
    ASSERT_TRUE(c.error.empty()) << where << ": " << c.error;
    SCOPED_TRACE(where + "\n  reason: " + c.reason);

    const LedgerReport report = evaluate(c.path, ruleset_named(c.path.ruleset));
    const std::string shown = "\n--- report ---\n" + report_json(report);

    for (const Expectation& e : c.expectations) {
        const std::string at = "line " + std::to_string(e.line) + ", " + e.key + ": ";
        if (e.key == "complete") {
            EXPECT_EQ(report.complete, *e.flag) << at << shown;
            continue;
        }
        if (e.key == "projection") {
            const std::string actual =
                report.projected_completion ? report.projected_completion->iso() : "never";
            EXPECT_EQ(actual, *e.date) << at << shown;
            continue;
        }
        const auto actual = figure(report, e.key);
        ASSERT_TRUE(actual.has_value()) << at << "no such figure in the report" << shown;
        if (e.amount.rounded) {
            EXPECT_EQ(format_months(actual->first), *e.amount.rounded) << at << shown;
        } else {
            EXPECT_TRUE(equals_exactly(actual->first, *e.amount.exact))
                << at << "expected exactly " << e.amount.text << " months, got "
                << format_months(actual->first) << " (rounded)" << shown;
        }
        if (e.flag) {
            EXPECT_EQ(actual->second, *e.flag) << at << "met" << shown;
        }
    }

    std::set<std::pair<std::string, std::size_t>> warnings;
    for (const LedgerWarning& w : report.warnings) {
        warnings.insert({std::string(warning_code_name(w.code)), w.period});
    }
    std::string expected_text;
    for (const auto& [code, period] : c.warnings) {
        expected_text += " " + code + "@" + std::to_string(period);
    }
    std::string actual_text;
    for (const auto& [code, period] : warnings) {
        actual_text += " " + code + "@" + std::to_string(period);
    }
    EXPECT_EQ(actual_text, expected_text) << "warnings differ" << shown;
}

std::string case_test_name(const ::testing::TestParamInfo<LedgerCase>& info) {
    std::string name = info.param.file + "_line" + std::to_string(info.param.line);
    for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) {
            ch = '_';
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, LedgerCaseTest, ::testing::ValuesIn(all_cases()), case_test_name);

TEST(LedgerCaseFiles, HoldAtLeastFortyCasesEachWithAReason) {
    const auto cases = all_cases();
    EXPECT_GE(cases.size(), 40u);
    for (const LedgerCase& c : cases) {
        EXPECT_FALSE(c.reason.empty()) << c.file << ":" << c.line;
    }
}

TEST(LedgerCaseFiles, ExactSumsAreParsedAsFractions) {
    const Fraction f = parse_sum(" 17/31 + 5 + 14/31");
    EXPECT_EQ(f.num, 6);
    EXPECT_EQ(f.den, 1);
    const Fraction g = parse_sum("60%*14/31 + 1");
    EXPECT_EQ(g.num * 3100, (60 * 14 + 100 * 31) * g.den);
    EXPECT_TRUE(equals_exactly(kUnitsPerMonth / 31 * 17, parse_sum("17/31")));
    EXPECT_FALSE(equals_exactly(kUnitsPerMonth / 31 * 17 + 1, parse_sum("17/31")));
}

}  // namespace ledger_cases_test
}  // namespace alis::domain
