// The CSV and Excel writers of web/spreadsheet.hpp.
#include "web/spreadsheet.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace alis::web {
namespace {

constexpr int kMaxDecimals = 6;

int clamped_decimals(const Number& n) {
    return std::clamp(n.decimals, 0, kMaxDecimals);
}

std::string csv_field(const std::string& value) {
    // Cells that start like a formula are prefixed so that spreadsheets do not run them.
    std::string text = value;
    if (!text.empty() &&
        std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
        text.insert(text.begin(), '\'');
    }
    std::string out = "\"";
    for (char ch : text) {
        out += ch;
        if (ch == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

void append_csv_line(std::string& out, const std::vector<std::string>& fields) {
    bool first = true;
    for (const auto& field : fields) {
        if (!first) {
            out += ';';
        }
        out += csv_field(field);
        first = false;
    }
    out += "\r\n";
}

// Removes the temporary file however the export ends.
struct TempFile {
    char path[32] = "/tmp/alis-export-XXXXXX";
    TempFile() {
        const int fd = mkstemp(path);
        if (fd < 0) {
            throw std::runtime_error("cannot create a temporary file for the Excel export");
        }
        close(fd);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() { std::remove(path); }
};

}  // namespace

std::string cell_text(const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
        return *text;
    }
    if (const auto* number = std::get_if<Number>(&cell)) {
        std::array<char, 64> buffer{};
        std::snprintf(buffer.data(), buffer.size(), "%.*f", clamped_decimals(*number),
                      number->value);
        std::string text = buffer.data();
        std::replace(text.begin(), text.end(), '.', ',');
        // A negative number that rounds to zero is written as zero, not "-0,00".
        if (text.front() == '-' && text.find_first_not_of("-0,") == std::string::npos) {
            text.erase(0, 1);
        }
        return text;
    }
    if (const auto* date = std::get_if<domain::Date>(&cell)) {
        return date->norwegian();
    }
    return {};
}

std::string csv_text(const Sheet& sheet) {
    std::string out = "\xEF\xBB\xBF";  // BOM, so Excel reads UTF-8.
    append_csv_line(out, sheet.headers);
    for (const auto& row : sheet.rows) {
        std::vector<std::string> fields(sheet.headers.size());
        for (std::size_t c = 0; c < row.size() && c < fields.size(); ++c) {
            fields[c] = cell_text(row[c]);
        }
        append_csv_line(out, fields);
    }
    return out;
}

std::string xlsx_bytes(const Sheet& sheet) {
    TempFile temp;
    lxw_workbook* workbook = workbook_new(temp.path);
    if (workbook == nullptr) {
        throw std::runtime_error("libxlsxwriter could not start a workbook");
    }
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
    if (worksheet == nullptr) {
        workbook_close(workbook);
        throw std::runtime_error("libxlsxwriter could not add the worksheet '" + sheet.name + "'");
    }
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* date_format = workbook_add_format(workbook);
    format_set_num_format(date_format, "dd.mm.yyyy");
    // One number format per count of decimals, made when first used.
    std::array<lxw_format*, kMaxDecimals + 1> number_formats{};
    const auto number_format = [&](int decimals) {
        auto& format = number_formats[static_cast<std::size_t>(decimals)];
        if (format == nullptr) {
            format = workbook_add_format(workbook);
            format_set_num_format(
                format,
                decimals == 0
                    ? "#,##0"
                    : ("#,##0." + std::string(static_cast<std::size_t>(decimals), '0')).c_str());
        }
        return format;
    };
    lxw_col_t col = 0;
    for (const auto& header : sheet.headers) {
        worksheet_write_string(worksheet, 0, col++, header.c_str(), bold);
    }
    lxw_row_t row = 1;
    for (const auto& cells : sheet.rows) {
        for (std::size_t c = 0; c < cells.size() && c < sheet.headers.size(); ++c) {
            const auto column = static_cast<lxw_col_t>(c);
            const Cell& cell = cells[c];
            if (const auto* text = std::get_if<std::string>(&cell)) {
                worksheet_write_string(worksheet, row, column, text->c_str(), nullptr);
            } else if (const auto* number = std::get_if<Number>(&cell)) {
                worksheet_write_number(worksheet, row, column, number->value,
                                       number_format(clamped_decimals(*number)));
            } else if (const auto* date = std::get_if<domain::Date>(&cell)) {
                lxw_datetime when{date->year(), date->month(), date->day(), 0, 0, 0};
                worksheet_write_datetime(worksheet, row, column, &when, date_format);
            }
        }
        ++row;
    }
    if (!sheet.headers.empty()) {
        worksheet_set_column(worksheet, 0, static_cast<lxw_col_t>(sheet.headers.size() - 1),
                             sheet.column_width, nullptr);
    }
    const lxw_error status = workbook_close(workbook);
    if (status != LXW_NO_ERROR) {
        throw std::runtime_error(std::string("Excel export failed: ") + lxw_strerror(status));
    }
    std::ifstream in(temp.path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace alis::web
