#pragma once

// The input of `alis stability km`: follow-up times as CSV rows "time,event[,group]"
// (docs/statistics.md, "The command").

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/survival.hpp"

namespace alis::domain {

// Whether the rows carry a third column naming each subject's group.
enum class GroupColumn { absent, present };

// What is wrong with a line of the input. The names are the message catalogue's keys
// ("stability.csv.<name>").
enum class SurvivalCsvProblem {
    field_count,  // Not 2 (or, with a group column, 3) fields.
    time,         // Not a whole number of days from 0 to kMaxFollowUpDays.
    event,        // Not 1 (the event) or 0 (censored).
    empty_group,
    group_text,  // A group that is not strict UTF-8 on one line (domain/text.hpp).
    open_quote,  // A quoted field without its closing quote, or text after it.
    no_rows,     // Not one row of data in the whole input (line 0).
};

template <>
struct EnumNames<SurvivalCsvProblem> {
    static constexpr std::array<std::pair<SurvivalCsvProblem, std::string_view>, 7> names{{
        {SurvivalCsvProblem::field_count, "field_count"},
        {SurvivalCsvProblem::time, "time"},
        {SurvivalCsvProblem::event, "event"},
        {SurvivalCsvProblem::empty_group, "empty_group"},
        {SurvivalCsvProblem::group_text, "group_text"},
        {SurvivalCsvProblem::open_quote, "open_quote"},
        {SurvivalCsvProblem::no_rows, "no_rows"},
    }};
};

// A line of the input that cannot be read: its number (from 1; 0 for the input as a whole), the
// problem, and the text at fault (a field, or the number of fields).
class SurvivalCsvError : public std::runtime_error {
  public:
    SurvivalCsvError(std::size_t line, SurvivalCsvProblem problem, std::string text);

    std::size_t line() const { return line_; }
    SurvivalCsvProblem problem() const { return problem_; }
    const std::string& text() const { return text_; }

  private:
    std::size_t line_;
    SurvivalCsvProblem problem_;
    std::string text_;
};

// Reads the subjects of a CSV text, one a line: the time in whole days, the event as 1 or 0
// and, with GroupColumn::present, the group: text as check_text accepts it on one line, which
// may be quoted ("Nord, Sør" with "" for a quote). A first line whose first field is `time` is a
// header and skipped; blank lines are skipped, a line may end in CR LF, and a UTF-8 byte order mark
// is ignored. Returns the groups sorted by key (one group with the key "" without a group column).
// Throws SurvivalCsvError for the first line that cannot be read, or when there are no rows.
std::vector<SurvivalGroup> parse_survival_csv(std::string_view text, GroupColumn groups);

}  // namespace alis::domain
