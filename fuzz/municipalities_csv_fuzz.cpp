// The municipality CSV the demo imports (data/municipalities.csv): any text either gives
// municipalities or is refused with a MunicipalityFileError naming the line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/municipality.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)alis::domain::parse_municipalities_csv(text);
    } catch (const alis::domain::MunicipalityFileError&) {
    }
    return 0;
}
