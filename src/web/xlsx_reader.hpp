#pragma once

// Reads the first worksheet of an Excel workbook (.xlsx, Office Open XML): the zip archive
// (stored or deflated entries, zlib), the workbook's sheet order, the shared strings and the
// cells of the first sheet, as text. Enough for a table of text such as a learning-objective
// catalogue (docs/objectives.md); formulas give their cached value, styles are ignored.
// The writer is web/spreadsheet.hpp.

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/learning_objective.hpp"

namespace alis::web {

// Why a file is not a workbook this reader can read; the message key is
// "catalogue.xlsx.<domain::to_string(problem)>" (messages/nb.json).
enum class XlsxProblem {
    not_zip,      // no zip archive, or one cut short
    unsupported,  // encrypted entries, zip64, or a compression other than deflate
    too_large,    // an entry or the sheet beyond the limits below
    corrupt,      // an entry that does not inflate, or XML that does not parse
    no_sheet,     // no workbook part, or a workbook without a worksheet
};

}  // namespace alis::web

template <>
struct alis::domain::EnumNames<alis::web::XlsxProblem> {
    static constexpr std::array<std::pair<alis::web::XlsxProblem, std::string_view>, 5> names{{
        {alis::web::XlsxProblem::not_zip, "not_zip"},
        {alis::web::XlsxProblem::unsupported, "unsupported"},
        {alis::web::XlsxProblem::too_large, "too_large"},
        {alis::web::XlsxProblem::corrupt, "corrupt"},
        {alis::web::XlsxProblem::no_sheet, "no_sheet"},
    }};
};

namespace alis::web {

class XlsxError : public std::runtime_error {
  public:
    explicit XlsxError(XlsxProblem problem, const std::string& detail);
    XlsxProblem problem() const { return problem_; }

  private:
    XlsxProblem problem_;
};

// Limits: an entry inflates to at most 64 MiB, a sheet holds at most 100,000 rows and 200
// columns, so that a small hostile file cannot take the memory of the process.
inline constexpr std::size_t kXlsxMaxEntryBytes = 64u << 20;
inline constexpr std::size_t kXlsxMaxRows = 100000;
inline constexpr std::size_t kXlsxMaxColumns = 200;

// True when the bytes start like a zip archive (as every .xlsx file does).
bool looks_like_xlsx(std::string_view bytes);

// The rows of the first worksheet in the workbook's order, each with its row number and its cells
// from column A (a missing cell empty; numbers as the file writes them). Throws XlsxError.
std::vector<domain::CatalogueRow> read_first_sheet(std::string_view bytes);

}  // namespace alis::web
