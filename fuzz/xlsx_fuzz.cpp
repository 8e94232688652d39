// An uploaded catalogue workbook (alis catalogue import FILE.xlsx): any bytes either give the rows
// of the first sheet, which parse to objectives or a CatalogueFileError naming a row, or are
// refused with an XlsxError; never a crash, a read outside the input or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/learning_objective.hpp"
#include "web/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto rows = alis::web::read_first_sheet(bytes);
        (void)alis::domain::parse_catalogue_rows(rows, alis::domain::Catalogue::alm);
    } catch (const alis::web::XlsxError&) {
    } catch (const alis::domain::CatalogueFileError&) {
    }
    return 0;
}
