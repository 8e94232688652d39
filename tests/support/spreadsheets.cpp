// The readers of support/spreadsheets.hpp.
#include "support/spreadsheets.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>

#include "domain/date.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::testing {
namespace {

// XML text with its five entities and character references resolved.
std::string xml_text(std::string_view xml) {
    std::string out;
    for (std::size_t i = 0; i < xml.size(); ++i) {
        if (xml[i] != '&') {
            out += xml[i];
            continue;
        }
        const auto end = xml.find(';', i);
        const auto entity = xml.substr(i + 1, end - i - 1);
        static const std::map<std::string_view, char> named = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
        if (const auto it = named.find(entity); it != named.end()) {
            out += it->second;
        } else if (entity.starts_with("#")) {
            const bool hex = entity.starts_with("#x");
            const unsigned code =
                std::stoul(std::string(entity.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10);
            EXPECT_LT(code, 0x80u) << "only ASCII references are expected here";
            out += static_cast<char>(code);
        } else {
            ADD_FAILURE() << "unknown XML entity &" << entity << ";";
        }
        i = end;
    }
    return out;
}

// The concatenated text of every <t> element in `xml` (a shared string or an inline string).
std::string text_runs(std::string_view xml) {
    std::string out;
    for (std::size_t at = xml.find("<t"); at != std::string_view::npos; at = xml.find("<t", at)) {
        const auto open_end = xml.find('>', at);
        if (xml[at + 2] != '>' && xml[at + 2] != ' ') {  // <tag> that only starts with t.
            at = open_end;
            continue;
        }
        if (xml[open_end - 1] == '/') {  // <t/>
            at = open_end;
            continue;
        }
        const auto close = xml.find("</t>", open_end);
        out += xml_text(xml.substr(open_end + 1, close - open_end - 1));
        at = close;
    }
    return out;
}

// The value of attribute `name` in the start tag `tag`, or empty.
std::string attribute(std::string_view tag, const std::string& name) {
    const auto at = tag.find(" " + name + "=\"");
    if (at == std::string_view::npos) {
        return {};
    }
    const auto from = at + name.size() + 3;
    return std::string(tag.substr(from, tag.find('"', from) - from));
}

// The number format codes that an .xlsx may use by id without listing them (ECMA-376, 18.8.30).
std::string builtin_format(int id) {
    static const std::map<int, std::string> codes = {{0, "General"}, {1, "0"},        {2, "0.00"},
                                                     {3, "#,##0"},   {4, "#,##0.00"}, {9, "0%"},
                                                     {10, "0.00%"},  {14, "mm-dd-yy"}};
    const auto it = codes.find(id);
    return it == codes.end() ? "builtin " + std::to_string(id) : it->second;
}

// The number format code of each cell style (cellXfs), in order.
std::vector<std::string> style_formats(const std::string& styles) {
    std::map<int, std::string> custom;
    for (auto at = styles.find("<numFmt "); at != std::string::npos;
         at = styles.find("<numFmt ", at + 1)) {
        const std::string_view tag =
            std::string_view(styles).substr(at, styles.find('>', at) - at + 1);
        custom[std::stoi(attribute(tag, "numFmtId"))] = xml_text(attribute(tag, "formatCode"));
    }
    std::vector<std::string> formats;
    const auto xfs = styles.find("<cellXfs");
    const auto xfs_end = styles.find("</cellXfs>", xfs);
    for (auto at = styles.find("<xf ", xfs); at != std::string::npos && at < xfs_end;
         at = styles.find("<xf ", at + 1)) {
        const std::string_view tag =
            std::string_view(styles).substr(at, styles.find('>', at) - at + 1);
        const std::string id_text = attribute(tag, "numFmtId");
        const int id = id_text.empty() ? 0 : std::stoi(id_text);
        const auto it = custom.find(id);
        formats.push_back(it != custom.end() ? it->second : builtin_format(id));
    }
    return formats;
}

}  // namespace

Table parse_csv(std::string_view text) {
    EXPECT_TRUE(text.starts_with("\xEF\xBB\xBF")) << "the BOM that tells Excel it is UTF-8";
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    Table rows;
    std::vector<std::string> row;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '"') {
            ADD_FAILURE() << "an unquoted CSV field at byte " << i;
            return rows;
        }
        std::string field;
        for (++i; i < text.size(); ++i) {
            if (text[i] == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    break;
                }
            } else {
                field += text[i];
            }
        }
        ++i;  // The closing quote.
        row.push_back(std::move(field));
        if (text.substr(i, 1) == ";") {
            ++i;
        } else if (text.substr(i, 2) == "\r\n") {
            i += 2;
            rows.push_back(std::move(row));
            row.clear();
        } else {
            ADD_FAILURE() << "no ';' or CRLF after a CSV field at byte " << i;
            return rows;
        }
    }
    EXPECT_TRUE(row.empty()) << "the last line ends with CRLF";
    return rows;
}

XlsxTable read_xlsx_cells(const std::string& bytes) {
    TempDir dir;
    const auto file = (dir.path() / "export.xlsx").string();
    std::ofstream(file, std::ios::binary) << bytes;
    const auto unzip = [&](const char* member) {
        const auto result = run_command({"/usr/bin/unzip", "-p", file, member});
        EXPECT_EQ(result.exit_code, 0) << "unzip " << member << ": " << result.err;
        return result.out;
    };
    std::vector<std::string> shared;
    const std::string strings = unzip("xl/sharedStrings.xml");
    for (auto at = strings.find("<si>"); at != std::string::npos; at = strings.find("<si>", at)) {
        const auto end = strings.find("</si>", at);
        shared.push_back(text_runs(std::string_view(strings).substr(at, end - at)));
        at = end;
    }
    const std::vector<std::string> formats = style_formats(unzip("xl/styles.xml"));
    XlsxTable rows;
    const std::string sheet = unzip("xl/worksheets/sheet1.xml");
    for (auto at = sheet.find("<c "); at != std::string::npos; at = sheet.find("<c ", at)) {
        const auto tag_end = sheet.find('>', at);
        const std::string_view tag = std::string_view(sheet).substr(at, tag_end - at + 1);
        const std::string ref = attribute(tag, "r");
        const auto digits = ref.find_first_of("0123456789");
        std::size_t column = 0;
        for (char letter : ref.substr(0, digits)) {
            column = column * 26 + static_cast<std::size_t>(letter - 'A' + 1);
        }
        const auto row = std::stoul(ref.substr(digits));
        XlsxCell cell;
        const std::string style = attribute(tag, "s");
        const std::size_t style_index = style.empty() ? 0 : std::stoul(style);
        EXPECT_LT(style_index, formats.size()) << ref;
        cell.format = style_index < formats.size() ? formats[style_index] : "";
        std::size_t next = tag_end;
        if (!tag.ends_with("/>")) {
            const auto close = sheet.find("</c>", tag_end);
            const std::string_view content =
                std::string_view(sheet).substr(tag_end + 1, close - tag_end - 1);
            const std::string type = attribute(tag, "t");
            const auto v = content.find("<v>");
            const auto value = v == std::string_view::npos
                                   ? std::string()
                                   : xml_text(content.substr(v + 3, content.find("</v>") - v - 3));
            if (type == "s") {
                const auto index = std::stoul(value);
                EXPECT_LT(index, shared.size()) << ref;
                cell.text = index < shared.size() ? shared[index] : "";
            } else if (type == "inlineStr") {
                cell.text = text_runs(content);
            } else {
                cell.text = value;
                cell.number = type.empty() || type == "n";
            }
            next = close;
        }
        if (rows.size() < row) {
            rows.resize(row);
        }
        if (rows[row - 1].size() < column) {
            rows[row - 1].resize(column);
        }
        rows[row - 1][column - 1] = std::move(cell);
        at = next;
    }
    return rows;
}

Table read_xlsx(const std::string& bytes) {
    Table rows;
    for (const auto& cells : read_xlsx_cells(bytes)) {
        auto& row = rows.emplace_back();
        for (const auto& cell : cells) {
            row.push_back(cell.text);
        }
    }
    return rows;
}

std::string excel_serial_norwegian(double serial) {
    // Serial 25569 is 1970-01-01; Excel's dates after 1 March 1900 are days since 1899-12-30.
    const auto days = static_cast<std::int32_t>(std::lround(serial)) - 25569;
    return domain::Date::from_days(days).norwegian();
}

}  // namespace alis::testing
