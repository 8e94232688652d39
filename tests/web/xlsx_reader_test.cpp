// web::read_first_sheet: a workbook as alis's own writer (libxlsxwriter) makes it reads back cell
// for cell; workbooks as other programs write them (inline strings, namespace prefixes, a sheet
// that is not sheet1) read too; a damaged or hostile file is refused with its problem, never read
// in part.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "web/spreadsheet.hpp"
#include "web/xlsx_reader.hpp"

namespace alis::web {
namespace xlsx_reader_test {

void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}

struct Entry {
    std::string name;
    std::string content;
    std::uint32_t method = 0;  // Stored; the bytes are written as given.
    std::uint32_t flags = 0;
};

// A zip archive of stored entries, written by hand so that a test can make it wrong on purpose.
std::string zip_of(const std::vector<Entry>& entries) {
    std::string out;
    std::string directory;
    for (const auto& e : entries) {
        const auto crc =
            static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(e.content.data()),
                                             static_cast<uInt>(e.content.size())));
        const auto offset = static_cast<std::uint32_t>(out.size());
        const auto size = static_cast<std::uint32_t>(e.content.size());
        const auto name_length = static_cast<std::uint32_t>(e.name.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, e.flags);
        put16(out, e.method);
        put32(out, 0);  // time and date
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, name_length);
        put16(out, 0);
        out += e.name + e.content;
        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, e.flags);
        put16(directory, e.method);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, name_length);
        put32(directory, 0);  // extra and comment lengths
        put32(directory, 0);  // disk, internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += e.name;
    }
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put32(out, 0);
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);
    return out;
}

const std::string kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Læringsmål" sheetId="1" r:id="rId7"/><sheet name="B" sheetId="2" r:id="rId1"/></sheets></workbook>)";
const std::string kRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/maal.xml"/></Relationships>)";

std::vector<Entry> workbook_with(const std::string& sheet_xml) {
    return {{"xl/workbook.xml", kWorkbook},
            {"xl/_rels/workbook.xml.rels", kRels},
            {"xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"},
            {"xl/worksheets/maal.xml", sheet_xml}};
}

XlsxProblem problem_of(const std::string& bytes) {
    try {
        read_first_sheet(bytes);
    } catch (const XlsxError& e) {
        return e.problem();
    }
    ADD_FAILURE() << "the workbook was read";
    return XlsxProblem::corrupt;
}

TEST(XlsxReader, AWorkbookOfAlisOwnWriterReadsBackCellForCell) {
    Sheet sheet;
    sheet.name = "Læringsmål";
    sheet.headers = {"Kode", "Tittel", "Beskrivelse", "Antall"};
    sheet.rows = {{std::string("ALM-055"), std::string("Utredning & <sykehus>"),
                   std::string("To linjer\nog «æøå»"), Number{3, 0}},
                  {std::string("ALM-060"), std::monostate{}, std::string("Vakt")}};
    const auto rows = read_first_sheet(xlsx_bytes(sheet));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].row, 1u);
    EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"Kode", "Tittel", "Beskrivelse", "Antall"}));
    EXPECT_EQ(rows[1].row, 2u);
    EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"ALM-055", "Utredning & <sykehus>",
                                                       "To linjer\nog «æøå»", "3"}));
    // The empty cell in the middle is there, empty.
    EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"ALM-060", "", "Vakt"}));
}

TEST(XlsxReader, OtherWritersInlineStringsPrefixesGapsAndTheFirstSheetByTheWorkbooksOrder) {
    const std::string sheet =
        R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Kode</x:t></x:is></x:c>)"
        R"(<x:c r="C1" t="inlineStr"><x:is><x:r><x:t>Tit</x:t></x:r><x:r><x:t>tel</x:t></x:r></x:is></x:c></x:row>)"
        R"(<x:row r="4"><x:c r="A4" t="str"><x:v>ALM-001</x:v></x:c><x:c r="C4"><x:v>2.5</x:v></x:c></x:row>)"
        R"(</x:sheetData></x:worksheet>)";
    const auto rows = read_first_sheet(zip_of(workbook_with(sheet)));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"Kode", "", "Tittel"}));
    EXPECT_EQ(rows[1].row, 4u) << "the sheet's own row number, for the messages";
    EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"ALM-001", "", "2.5"}));
}

TEST(XlsxReader, ADamagedOrHostileFileIsRefusedWithItsProblem) {
    Sheet sheet;
    sheet.name = "A";
    sheet.headers = {"Kode"};
    sheet.rows = {{std::string("ALM-001")}};
    const auto good = xlsx_bytes(sheet);
    EXPECT_EQ(problem_of("Kode;Tittel\n"), XlsxProblem::not_zip);
    EXPECT_EQ(problem_of(good.substr(0, good.size() / 2)), XlsxProblem::not_zip)
        << "cut short: no directory at the end";
    EXPECT_EQ(problem_of(zip_of({{"docProps/app.xml", "<x/>"}})), XlsxProblem::no_sheet);
    EXPECT_EQ(problem_of(zip_of(workbook_with("<worksheet><sheetData><row>"))),
              XlsxProblem::corrupt);
    const std::string ok_sheet = "<worksheet><sheetData/></worksheet>";
    auto entries = workbook_with(ok_sheet);
    entries.back().method = 12;  // bzip2
    EXPECT_EQ(problem_of(zip_of(entries)), XlsxProblem::unsupported);
    entries = workbook_with(ok_sheet);
    entries.back().flags = 1;  // encrypted
    EXPECT_EQ(problem_of(zip_of(entries)), XlsxProblem::unsupported);
    // A byte changed inside a stored entry: its CRC no longer matches.
    auto changed = zip_of(workbook_with(ok_sheet));
    changed[changed.rfind("sheetData/")] = 'S';
    EXPECT_EQ(problem_of(changed), XlsxProblem::corrupt);
    // A deflated entry that is not deflate data.
    entries = workbook_with(ok_sheet);
    entries.back().method = 8;
    EXPECT_EQ(problem_of(zip_of(entries)), XlsxProblem::corrupt);
    EXPECT_EQ(
        problem_of(zip_of(workbook_with(
            R"(<worksheet><sheetData><row r="100001"><c><v>1</v></c></row></sheetData></worksheet>)"))),
        XlsxProblem::too_large);
    EXPECT_EQ(
        problem_of(zip_of(workbook_with(
            R"(<worksheet><sheetData><row r="1"><c r="ZZZ1"><v>1</v></c></row></sheetData></worksheet>)"))),
        XlsxProblem::too_large);
    EXPECT_EQ(
        problem_of(zip_of(workbook_with(
            R"(<worksheet><sheetData><row r="1"><c t="s"><v>4</v></c></row></sheetData></worksheet>)"))),
        XlsxProblem::corrupt)
        << "a shared string that is not there";
}

}  // namespace xlsx_reader_test
}  // namespace alis::web
