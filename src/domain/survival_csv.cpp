#include "domain/survival_csv.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "domain/text.hpp"

namespace alis::domain {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view without_blanks(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// The fields of one line, split at commas; a field in double quotes may hold commas, and ""
// inside it is one quote. Blanks around a field are not part of it.
std::vector<std::string> fields_of(std::string_view line, std::size_t number) {
    std::vector<std::string> fields;
    std::size_t i = 0;
    for (;;) {
        while (i < line.size() && is_blank(line[i])) {
            ++i;
        }
        std::string field;
        if (i < line.size() && line[i] == '"') {
            bool closed = false;
            for (++i; i < line.size(); ++i) {
                if (line[i] != '"') {
                    field += line[i];
                } else if (i + 1 < line.size() && line[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    closed = true;
                    ++i;
                    break;
                }
            }
            while (i < line.size() && is_blank(line[i])) {
                ++i;
            }
            if (!closed || (i < line.size() && line[i] != ',')) {
                throw SurvivalCsvError(number, SurvivalCsvProblem::open_quote, std::string(line));
            }
        } else {
            const std::size_t end = std::min(line.find(',', i), line.size());
            field = without_blanks(line.substr(i, end - i));
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) {
            return fields;
        }
        ++i;  // The comma.
    }
}

std::int64_t read_days(const std::string& field, std::size_t number) {
    std::int64_t days = -1;
    const char* end = field.data() + field.size();
    const bool digits = !field.empty() && field.front() >= '0' && field.front() <= '9';
    const auto [ptr, ec] = std::from_chars(field.data(), end, days);
    if (!digits || ec != std::errc() || ptr != end || days > kMaxFollowUpDays) {
        throw SurvivalCsvError(number, SurvivalCsvProblem::time, field);
    }
    return days;
}

FollowUpEnd read_end(const std::string& field, std::size_t number) {
    if (field == "1") {
        return FollowUpEnd::event;
    }
    if (field == "0") {
        return FollowUpEnd::censored;
    }
    throw SurvivalCsvError(number, SurvivalCsvProblem::event, field);
}

}  // namespace

SurvivalCsvError::SurvivalCsvError(std::size_t line, SurvivalCsvProblem problem, std::string text)
    : std::runtime_error("line " + std::to_string(line) + ": " + std::string(to_string(problem)) +
                         ": " + text),
      line_(line),
      problem_(problem),
      text_(std::move(text)) {}

std::vector<SurvivalGroup> parse_survival_csv(std::string_view text, GroupColumn groups) {
    if (text.starts_with(kByteOrderMark)) {
        text.remove_prefix(kByteOrderMark.size());
    }
    const std::size_t expected = groups == GroupColumn::present ? 3 : 2;
    std::map<std::string, std::vector<SurvivalTime>, std::less<>> by_key;
    bool first = true;
    std::size_t number = 0;
    for (std::size_t from = 0; from < text.size();) {
        ++number;
        const std::size_t end = std::min(text.find('\n', from), text.size());
        std::string_view line = text.substr(from, end - from);
        from = end + 1;
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        if (without_blanks(line).empty()) {
            continue;
        }
        const std::vector<std::string> fields = fields_of(line, number);
        const bool header = first && fields.front() == "time";
        first = false;
        if (header) {
            continue;
        }
        if (fields.size() != expected) {
            throw SurvivalCsvError(number, SurvivalCsvProblem::field_count,
                                   std::to_string(fields.size()));
        }
        const SurvivalTime subject{read_days(fields[0], number), read_end(fields[1], number)};
        std::string key;
        if (groups == GroupColumn::present) {
            if (fields[2].empty()) {
                throw SurvivalCsvError(number, SurvivalCsvProblem::empty_group, "");
            }
            if (check_text(fields[2], TextKind::line) != TextProblem::none) {
                throw SurvivalCsvError(number, SurvivalCsvProblem::group_text, fields[2]);
            }
            key = fields[2];
        }
        by_key.try_emplace(std::move(key)).first->second.push_back(subject);
    }
    if (by_key.empty()) {
        throw SurvivalCsvError(0, SurvivalCsvProblem::no_rows, "");
    }
    std::vector<SurvivalGroup> result;
    result.reserve(by_key.size());
    for (auto& [key, subjects] : by_key) {
        result.push_back({key, std::move(subjects)});
    }
    return result;
}

}  // namespace alis::domain
