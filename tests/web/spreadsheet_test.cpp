// The downloads' writer (web/spreadsheet.hpp): the CSV and the workbook of one sheet carry the same
// cells, numbers and dates typed in the workbook.
#include "web/spreadsheet.hpp"

#include <gtest/gtest.h>

#include "support/spreadsheets.hpp"

namespace alis::web {
namespace spreadsheet_test {

Sheet example() {
    Sheet sheet;
    sheet.name = "Prøve";
    sheet.headers = {"Tekst", "Tall", "Dato", "Tom"};
    sheet.rows = {
        {std::string("Åse Øvrebø"), Number{54.25, 2}, *domain::Date::parse_iso("2029-02-28"),
         std::monostate{}},
        {std::string("=SUM(A1)"), Number{1234567, 0}, *domain::Date::parse_iso("2024-02-29")},
        {std::string("kort rad")},
    };
    return sheet;
}

TEST(Spreadsheet, CsvWritesNumbersWithADecimalCommaAndDatesAsNorwegianDates) {
    const auto rows = testing::parse_csv(csv_text(example()));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"Tekst", "Tall", "Dato", "Tom"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"Åse Øvrebø", "54,25", "28.02.2029", ""}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"'=SUM(A1)", "1234567", "29.02.2024", ""}));
    EXPECT_EQ(rows[3], (std::vector<std::string>{"kort rad", "", "", ""})) << "short rows padded";
}

TEST(Spreadsheet, WorkbookHoldsTypedNumbersAndDates) {
    const auto cells = testing::read_xlsx_cells(xlsx_bytes(example()));
    ASSERT_EQ(cells.size(), 4u);
    ASSERT_EQ(cells[1].size(), 3u) << "no cell written for an empty one";
    EXPECT_FALSE(cells[0][1].number) << "the header is text";
    EXPECT_EQ(cells[1][0].text, "Åse Øvrebø");
    EXPECT_FALSE(cells[1][0].number);
    EXPECT_TRUE(cells[1][1].number);
    EXPECT_DOUBLE_EQ(std::stod(cells[1][1].text), 54.25);
    EXPECT_EQ(cells[1][1].format, "#,##0.00");
    EXPECT_TRUE(cells[1][2].number);
    EXPECT_EQ(cells[1][2].format, "dd.mm.yyyy");
    EXPECT_EQ(testing::excel_serial_norwegian(std::stod(cells[1][2].text)), "28.02.2029");
    EXPECT_EQ(cells[2][0].text, "=SUM(A1)") << "text, never a formula";
    EXPECT_EQ(cells[2][1].format, "#,##0");
    EXPECT_EQ(testing::excel_serial_norwegian(std::stod(cells[2][2].text)), "29.02.2024");
}

TEST(Spreadsheet, NegativeZeroIsWrittenAsZero) {
    EXPECT_EQ(cell_text(Number{-0.001, 2}), "0,00");
    EXPECT_EQ(cell_text(Number{-1.5, 1}), "-1,5");
}

}  // namespace spreadsheet_test
}  // namespace alis::web
