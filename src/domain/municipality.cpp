#include "domain/municipality.hpp"

#include <charconv>

#include "domain/text_lines.hpp"

namespace alis::domain {
namespace {

constexpr std::size_t kColumns = 6;

// The whole number in `cell`, or MunicipalityFileError naming the line and the column.
int read_whole_number(const std::string& cell, std::size_t line, const char* column) {
    int value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec != std::errc{} || end != cell.data() + cell.size() || cell.empty()) {
        throw MunicipalityFileError("line " + std::to_string(line) + ": " + column +
                                    " is not a whole number");
    }
    return value;
}

}  // namespace

std::vector<ReferenceMunicipality> parse_municipalities_csv(std::string_view text) {
    const auto lines = text_lines(text);
    std::vector<ReferenceMunicipality> result;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::size_t line = i + 1;
        // Every cell, an empty last one too ("...,Bergen," has six).
        std::vector<std::string> cells;
        for (std::size_t from = 0;;) {
            const auto comma = lines[i].find(',', from);
            cells.push_back(lines[i].substr(from, comma - from));
            if (comma == std::string::npos) {
                break;
            }
            from = comma + 1;
        }
        if (cells.size() != kColumns) {
            throw MunicipalityFileError("line " + std::to_string(line) + ": expected " +
                                        std::to_string(kColumns) + " columns");
        }
        ReferenceMunicipality r;
        r.municipality.number = cells[0];
        r.municipality.name = cells[1];
        r.municipality.county = cells[2];
        r.municipality.centrality_class = read_whole_number(cells[3], line, "centrality_class");
        r.municipality.alis_office = cells[4];
        r.population = read_whole_number(cells[5], line, "population");
        if (r.population < 0) {
            throw MunicipalityFileError("line " + std::to_string(line) +
                                        ": population is negative");
        }
        result.push_back(std::move(r));
    }
    return result;
}

}  // namespace alis::domain
