#pragma once

// Readers of the downloads a test fetches: CSV as alis writes it, and the first worksheet of an
// .xlsx workbook (unzipped with Debian's unzip), with each cell's type and number format, so that
// a test can compare the two and check that numbers and dates are typed cells.

#include <string>
#include <string_view>
#include <vector>

namespace alis::testing {

using Table = std::vector<std::vector<std::string>>;

// The rows of a CSV download: BOM first, ';' between fields, every field quoted, CRLF line ends.
// A download that breaks these rules is a test failure.
Table parse_csv(std::string_view text);

struct XlsxCell {
    std::string text;     // a string's text, or a number's value as the file holds it
    bool number = false;  // a number (dates are numbers with a date format)
    std::string format;   // the number format code of the cell's style ("General" by default)
};

using XlsxTable = std::vector<std::vector<XlsxCell>>;

// The cells of the first worksheet, row by row and column by column (missing cells empty).
XlsxTable read_xlsx_cells(const std::string& bytes);

// The same, as text only.
Table read_xlsx(const std::string& bytes);

// The day an Excel date serial (days since 1899-12-30) stands for, as dd.mm.yyyy.
std::string excel_serial_norwegian(double serial);

}  // namespace alis::testing
