#include "domain/municipality.hpp"

#include <charconv>
#include <sstream>

#include "domain/text_lines.hpp"

namespace alis::domain {

std::vector<Municipality> parse_municipalities_csv(std::string_view text) {
    const auto lines = text_lines(text);
    std::vector<Municipality> result;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> cells;
        std::istringstream row(lines[i]);
        std::string cell;
        while (std::getline(row, cell, ',')) {
            cells.push_back(cell);
        }
        if (cells.size() != 5) {
            throw MunicipalityFileError("line " + std::to_string(i + 1) + ": expected 5 columns");
        }
        Municipality m;
        m.number = cells[0];
        m.name = cells[1];
        m.county = cells[2];
        const auto& number = cells[3];
        const auto [end, ec] =
            std::from_chars(number.data(), number.data() + number.size(), m.centrality_class);
        if (ec != std::errc{} || end != number.data() + number.size() || number.empty()) {
            throw MunicipalityFileError("line " + std::to_string(i + 1) +
                                        ": centrality_class is not a whole number");
        }
        m.alis_office = cells[4];
        result.push_back(std::move(m));
    }
    return result;
}

}  // namespace alis::domain
