#include "web/xlsx_reader.hpp"

#include <zlib.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>

namespace alis::web {
XlsxError::XlsxError(XlsxProblem problem, const std::string& detail)
    : std::runtime_error(std::string(domain::to_string(problem)) + ": " + detail),
      problem_(problem) {}

bool looks_like_xlsx(std::string_view bytes) {
    return bytes.starts_with("PK\x03\x04");
}

// The helpers in a namespace of the file's name: alis_web is a unity build (CMakeLists.txt).
namespace xlsx_reader {
namespace {

namespace pt = boost::property_tree;

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;

std::uint32_t read_u16(std::string_view bytes, std::size_t at) {
    if (at + 2 > bytes.size()) {
        throw XlsxError(XlsxProblem::not_zip, "cut short");
    }
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
}

std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
    return read_u16(bytes, at) | read_u16(bytes, at + 2) << 16;
}

struct ZipEntry {
    std::uint32_t method = 0;
    std::uint32_t flags = 0;
    std::uint32_t crc = 0;
    std::size_t compressed = 0;
    std::size_t size = 0;
    std::size_t local_offset = 0;
};

// The archive's entries by name, from its central directory.
std::map<std::string, ZipEntry, std::less<>> zip_directory(std::string_view bytes) {
    // The end-of-directory record is in the last 22 + 65,535 bytes (its comment at most 64 kB).
    if (bytes.size() < 22) {
        throw XlsxError(XlsxProblem::not_zip, "too short");
    }
    std::optional<std::size_t> end;
    const std::size_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
    for (std::size_t at = bytes.size() - 22 + 1; at-- > lowest;) {
        if (read_u32(bytes, at) == kEndOfDirectory) {
            end = at;
            break;
        }
    }
    if (!end) {
        throw XlsxError(XlsxProblem::not_zip, "no end of central directory");
    }
    const std::size_t count = read_u16(bytes, *end + 10);
    const std::size_t directory = read_u32(bytes, *end + 16);
    if (count == 0xffff || directory == 0xffffffff) {
        throw XlsxError(XlsxProblem::unsupported, "zip64");
    }
    std::map<std::string, ZipEntry, std::less<>> entries;
    std::size_t at = directory;
    for (std::size_t i = 0; i < count; ++i) {
        if (read_u32(bytes, at) != kCentralHeader) {
            throw XlsxError(XlsxProblem::not_zip, "bad central directory");
        }
        ZipEntry e;
        e.flags = read_u16(bytes, at + 8);
        e.method = read_u16(bytes, at + 10);
        e.crc = read_u32(bytes, at + 16);
        e.compressed = read_u32(bytes, at + 20);
        e.size = read_u32(bytes, at + 24);
        const std::size_t name_length = read_u16(bytes, at + 28);
        const std::size_t extra_length = read_u16(bytes, at + 30);
        const std::size_t comment_length = read_u16(bytes, at + 32);
        e.local_offset = read_u32(bytes, at + 42);
        if (at + 46 + name_length > bytes.size()) {
            throw XlsxError(XlsxProblem::not_zip, "cut short");
        }
        entries.emplace(std::string(bytes.substr(at + 46, name_length)), e);
        at += 46 + name_length + extra_length + comment_length;
    }
    return entries;
}

// The inflated content of an entry (stored or deflated), at most kXlsxMaxEntryBytes.
// The entry's bytes when their CRC-32 is the one the directory gives.
std::string checked(std::string content, const ZipEntry& e, std::string_view name) {
    const auto crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(content.data()),
                           static_cast<uInt>(content.size()));
    if (crc != e.crc) {
        throw XlsxError(XlsxProblem::corrupt, std::string(name) + " fails its CRC");
    }
    return content;
}

std::string inflated(std::string_view bytes, const ZipEntry& e, std::string_view name) {
    if ((e.flags & 1u) != 0) {
        throw XlsxError(XlsxProblem::unsupported, std::string(name) + " is encrypted");
    }
    if (e.size > kXlsxMaxEntryBytes) {
        throw XlsxError(XlsxProblem::too_large, std::string(name));
    }
    if (read_u32(bytes, e.local_offset) != kLocalHeader) {
        throw XlsxError(XlsxProblem::not_zip, "bad local header of " + std::string(name));
    }
    const std::size_t start = e.local_offset + 30 + read_u16(bytes, e.local_offset + 26) +
                              read_u16(bytes, e.local_offset + 28);
    if (start > bytes.size() || e.compressed > bytes.size() - start) {
        throw XlsxError(XlsxProblem::not_zip, std::string(name) + " is cut short");
    }
    const auto data = bytes.substr(start, e.compressed);
    if (e.method == 0) {
        return std::string(data);
    }
    if (e.method != 8) {
        throw XlsxError(XlsxProblem::unsupported, "compression method " + std::to_string(e.method));
    }
    z_stream z{};                                // zeroed: zlib then uses its own allocator
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {  // Raw deflate, as zip stores it.
        throw XlsxError(XlsxProblem::corrupt, "zlib");
    }
    std::string out;
    std::string chunk(1u << 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(chunk.data());
        z.avail_out = static_cast<uInt>(chunk.size());
        status = inflate(&z, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&z);
            throw XlsxError(XlsxProblem::corrupt, std::string(name) + " does not inflate");
        }
        out.append(chunk.data(), chunk.size() - z.avail_out);
        if (out.size() > kXlsxMaxEntryBytes) {
            inflateEnd(&z);
            throw XlsxError(XlsxProblem::too_large, std::string(name));
        }
        if (status == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
            inflateEnd(&z);
            throw XlsxError(XlsxProblem::corrupt, std::string(name) + " ends early");
        }
    }
    inflateEnd(&z);
    return out;
}

// The content of an entry, inflated and checked.
std::string zip_entry(std::string_view bytes, const ZipEntry& e, std::string_view name) {
    return checked(inflated(bytes, e, name), e, name);
}

pt::ptree parse_xml(const std::string& text, std::string_view name) {
    std::istringstream in(text);
    pt::ptree tree;
    try {
        pt::read_xml(in, tree);
    } catch (const pt::xml_parser_error& e) {
        throw XlsxError(XlsxProblem::corrupt, std::string(name) + ": " + e.message());
    }
    return tree;
}

// An element's name without its namespace prefix ("x:row" -> "row").
std::string_view local_name(std::string_view name) {
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The first child element named `name` (any prefix), or nullptr.
const pt::ptree* child(const pt::ptree& tree, std::string_view name) {
    for (const auto& [key, value] : tree) {
        if (local_name(key) == name) {
            return &value;
        }
    }
    return nullptr;
}

std::string attribute(const pt::ptree& element, std::string_view name) {
    const auto* attributes = child(element, "<xmlattr>");
    if (attributes == nullptr) {
        return "";
    }
    for (const auto& [key, value] : *attributes) {
        if (key == name || local_name(key) == name) {
            return value.data();
        }
    }
    return "";
}

// The text of every <t> below `element`, in order, leaving out phonetic runs (<rPh>).
void append_text(const pt::ptree& element, std::string& out) {
    for (const auto& [key, value] : element) {
        const auto name = local_name(key);
        if (name == "t") {
            out += value.data();
        } else if (name != "rPh" && name != "<xmlattr>") {
            append_text(value, out);
        }
    }
}

// The 0-based column of a cell reference ("C7" -> 2), or nullopt when it has none.
std::optional<std::size_t> column_of(std::string_view reference) {
    std::size_t column = 0;
    std::size_t letters = 0;
    for (const char c : reference) {
        if (c < 'A' || c > 'Z') {
            break;
        }
        column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
        if (++letters > 3) {
            return std::nullopt;
        }
    }
    if (letters == 0) {
        return std::nullopt;
    }
    return column - 1;
}

std::string entry_text(std::string_view bytes,
                       const std::map<std::string, ZipEntry, std::less<>>& entries,
                       std::string_view name) {
    const auto it = entries.find(name);
    if (it == entries.end()) {
        throw XlsxError(XlsxProblem::no_sheet, "no " + std::string(name));
    }
    return zip_entry(bytes, it->second, name);
}

// The zip path of the workbook's first worksheet ("xl/worksheets/sheet1.xml").
std::string first_sheet_path(std::string_view bytes,
                             const std::map<std::string, ZipEntry, std::less<>>& entries) {
    const auto workbook = parse_xml(entry_text(bytes, entries, "xl/workbook.xml"), "workbook");
    const auto* root = child(workbook, "workbook");
    const auto* sheets = root != nullptr ? child(*root, "sheets") : nullptr;
    const auto* first = sheets != nullptr ? child(*sheets, "sheet") : nullptr;
    if (first == nullptr) {
        throw XlsxError(XlsxProblem::no_sheet, "the workbook lists no sheet");
    }
    const auto id = attribute(*first, "id");
    const auto rels = parse_xml(entry_text(bytes, entries, "xl/_rels/workbook.xml.rels"), "rels");
    const auto* relationships = child(rels, "Relationships");
    if (relationships != nullptr) {
        for (const auto& [key, value] : *relationships) {
            if (local_name(key) != "Relationship" || attribute(value, "Id") != id) {
                continue;
            }
            const auto target = attribute(value, "Target");
            return target.starts_with('/') ? target.substr(1) : "xl/" + target;
        }
    }
    throw XlsxError(XlsxProblem::no_sheet, "the first sheet's part is not named");
}

std::vector<std::string> shared_strings(
    std::string_view bytes, const std::map<std::string, ZipEntry, std::less<>>& entries) {
    std::vector<std::string> strings;
    if (entries.find("xl/sharedStrings.xml") == entries.end()) {
        return strings;  // A workbook of inline strings and numbers only.
    }
    const auto tree =
        parse_xml(entry_text(bytes, entries, "xl/sharedStrings.xml"), "sharedStrings");
    const auto* table = child(tree, "sst");
    if (table == nullptr) {
        return strings;
    }
    for (const auto& [key, value] : *table) {
        if (local_name(key) == "si") {
            std::string text;
            append_text(value, text);
            strings.push_back(std::move(text));
        }
    }
    return strings;
}

std::vector<domain::CatalogueRow> first_sheet_rows(std::string_view bytes) {
    const auto entries = zip_directory(bytes);
    const auto path = first_sheet_path(bytes, entries);
    const auto strings = shared_strings(bytes, entries);
    const auto sheet = parse_xml(entry_text(bytes, entries, path), path);
    const auto* root = child(sheet, "worksheet");
    const auto* data = root != nullptr ? child(*root, "sheetData") : nullptr;
    if (data == nullptr) {
        throw XlsxError(XlsxProblem::no_sheet, path + " holds no sheetData");
    }
    std::vector<domain::CatalogueRow> rows;
    std::size_t next_row = 1;
    for (const auto& [key, row] : *data) {
        if (local_name(key) != "row") {
            continue;
        }
        domain::CatalogueRow out;
        const auto number = attribute(row, "r");
        out.row = next_row;
        if (!number.empty()) {
            try {
                out.row = std::stoul(number);
            } catch (const std::exception&) {
                throw XlsxError(XlsxProblem::corrupt, "row number " + number);
            }
        }
        if (out.row < next_row || out.row > kXlsxMaxRows) {
            throw XlsxError(out.row > kXlsxMaxRows ? XlsxProblem::too_large : XlsxProblem::corrupt,
                            "row " + std::to_string(out.row));
        }
        next_row = out.row + 1;
        for (const auto& [cell_key, cell] : row) {
            if (local_name(cell_key) != "c") {
                continue;
            }
            const auto column = column_of(attribute(cell, "r")).value_or(out.cells.size());
            if (column >= kXlsxMaxColumns) {
                throw XlsxError(XlsxProblem::too_large, "column " + std::to_string(column + 1));
            }
            const auto type = attribute(cell, "t");
            std::string text;
            if (type == "inlineStr") {
                if (const auto* is = child(cell, "is")) {
                    append_text(*is, text);
                }
            } else if (const auto* value = child(cell, "v")) {
                text = value->data();
                if (type == "s") {
                    std::size_t index = strings.size();
                    try {
                        index = std::stoul(text);
                    } catch (const std::exception&) {
                    }
                    if (index >= strings.size()) {
                        throw XlsxError(XlsxProblem::corrupt, "shared string " + text);
                    }
                    text = strings[index];
                }
            }
            if (out.cells.size() <= column) {
                out.cells.resize(column + 1);
            }
            out.cells[column] = std::move(text);
        }
        rows.push_back(std::move(out));
    }
    return rows;
}

}  // namespace
}  // namespace xlsx_reader

std::vector<domain::CatalogueRow> read_first_sheet(std::string_view bytes) {
    if (!looks_like_xlsx(bytes)) {
        throw XlsxError(XlsxProblem::not_zip, "no zip signature");
    }
    return xlsx_reader::first_sheet_rows(bytes);
}

}  // namespace alis::web
