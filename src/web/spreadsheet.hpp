#pragma once

// A table for download, as CSV and as an Excel workbook with the same columns and rows. Numbers
// and dates are typed: the workbook holds them as numbers and dates with a number format (Excel
// shows them in the reader's locale, in Norway with a decimal comma), so that a leader can sum,
// sort and filter them; the CSV writes them as Norwegian text (decimal comma, dd.mm.yyyy).

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.hpp"

namespace alis::web {

// A number shown with a fixed count of decimals (0 to 6).
struct Number {
    double value = 0;
    int decimals = 0;
};

// One cell: empty, text, a number or a date.
using Cell = std::variant<std::monostate, std::string, Number, domain::Date>;

struct Sheet {
    std::string name;  // the worksheet's name (at most 31 characters, no []:*?/\)
    std::vector<std::string> headers;
    std::vector<std::vector<Cell>> rows;  // each at most headers.size() cells
    double column_width = 18;             // in Excel's character widths
};

// The two forms a sheet is downloaded in.
enum class SheetFormat { csv, xlsx };

// The sheet as CSV: UTF-8 with BOM, ';' between fields, every field quoted, text that starts like a
// formula prefixed with ' so that spreadsheets do not run it, CRLF line ends.
std::string csv_text(const Sheet& sheet);

// The sheet as an .xlsx workbook of one worksheet, a bold header row first. Throws
// std::runtime_error when the workbook cannot be written.
std::string xlsx_bytes(const Sheet& sheet);

// The text of a cell as the CSV writes it (before quoting and defusing).
std::string cell_text(const Cell& cell);

}  // namespace alis::web
