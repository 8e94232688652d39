#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/municipality.hpp"

namespace alis::domain {
namespace municipality_csv_test {

constexpr const char* kHeader = "number,name,county,centrality_class,alis_office,population\n";

TEST(MunicipalityCsv, ReadsEveryLineAfterTheHeaderSkippingBlankOnesAndCarriageReturns) {
    const auto result = parse_municipalities_csv(std::string(kHeader) +
                                                 "0301,Oslo,Oslo,1,Oslo,724290\r\n\n"
                                                 "4601,Bergen,Vestland,2,Bergen,293709\n");
    ASSERT_EQ(result.size(), 2u);
    EXPECT_EQ(result[0].municipality.number, "0301");
    EXPECT_EQ(result[0].municipality.alis_office, "Oslo");
    EXPECT_EQ(result[0].population, 724290);
    EXPECT_EQ(result[1].municipality.name, "Bergen");
    EXPECT_EQ(result[1].municipality.county, "Vestland");
    EXPECT_EQ(result[1].municipality.centrality_class, 2);
    EXPECT_EQ(result[1].population, 293709);
}

TEST(MunicipalityCsv, RefusesALineWithoutSixColumnsNamingIt) {
    for (const char* line : {"4601,Bergen", "4601,Bergen,Vestland,2,Bergen",
                             "4601,Bergen,Vestland,2,Bergen,293709,x"}) {
        try {
            parse_municipalities_csv(std::string(kHeader) + "0301,Oslo,Oslo,1,Oslo,724290\n" +
                                     line + "\n");
            ADD_FAILURE() << "no error for " << line;
        } catch (const MunicipalityFileError& e) {
            EXPECT_STREQ(e.what(), "line 3: expected 6 columns") << line;
        }
    }
}

// Found by fuzz/municipalities_csv_fuzz: a centrality class that is not a number escaped as
// std::invalid_argument from std::stoi (and one too large as std::out_of_range), which the demo
// loader did not expect; now it is a MunicipalityFileError like every other bad line.
TEST(MunicipalityCsv, RefusesACentralityClassThatIsNotAWholeNumber) {
    for (const char* value : {"centrality_cla\x8e\x8c", "", "99999999999", "2x", " 2"}) {
        const std::string text = std::string(kHeader) +
                                 "1579,Hustadvika,More,5,Trondheim,13460\n1579,Hustadvika,More," +
                                 value + ",Trondheim,13460\n";
        try {
            parse_municipalities_csv(text);
            ADD_FAILURE() << "no error for '" << value << "'";
        } catch (const MunicipalityFileError& e) {
            EXPECT_STREQ(e.what(), "line 3: centrality_class is not a whole number") << value;
        }
    }
}

TEST(MunicipalityCsv, RefusesAPopulationThatIsNotAWholeNumberOrNegative) {
    const std::pair<const char*, const char*> cases[] = {
        {"", "line 2: population is not a whole number"},
        {"13 460", "line 2: population is not a whole number"},
        {"-1", "line 2: population is negative"}};
    for (const auto& [value, message] : cases) {
        try {
            parse_municipalities_csv(std::string(kHeader) +
                                     "1579,Hustadvika,Møre og Romsdal,5,Trondheim," + value + "\n");
            ADD_FAILURE() << "no error for '" << value << "'";
        } catch (const MunicipalityFileError& e) {
            EXPECT_STREQ(e.what(), message) << value;
        }
    }
}

std::vector<ReferenceMunicipality> shipped_municipalities() {
    std::FILE* file = std::fopen(ALIS_SOURCE_DIR "/data/municipalities.csv", "rb");
    if (file == nullptr) {
        ADD_FAILURE() << "cannot open data/municipalities.csv";
        return {};
    }
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
        text.append(buffer, n);
    }
    std::fclose(file);
    return parse_municipalities_csv(text);
}

// data/municipalities.csv holds every municipality of 2024 once, with the counts per county and
// per centrality class that data/README.md gives for its sources (Kartverket, SSB KLASS 128).
TEST(MunicipalityCsv, TheShippedFileHoldsAllMunicipalitiesOf2024) {
    const auto all = shipped_municipalities();
    EXPECT_EQ(all.size(), 357u);
    std::set<std::string> numbers;
    std::map<std::string, int> per_county;
    std::map<int, int> per_class;
    const std::set<std::string> offices = {"Bodø",         "Trondheim", "Bergen",
                                           "Kristiansand", "Hamar",     "Oslo"};
    int population = 0;
    for (const auto& [m, inhabitants] : all) {
        population += inhabitants;
        EXPECT_GT(inhabitants, 0) << m.number;
        EXPECT_TRUE(numbers.insert(m.number).second) << m.number << " twice";
        EXPECT_EQ(m.number.size(), 4u) << m.number;
        EXPECT_TRUE(offices.contains(m.alis_office)) << m.number << " " << m.alis_office;
        ++per_county[m.county];
        ++per_class[m.centrality_class];
    }
    const std::map<std::string, int> expected_counties = {
        {"Innlandet", 46},       {"Vestland", 43}, {"Nordland", 41}, {"Trøndelag", 38},
        {"Møre og Romsdal", 27}, {"Agder", 25},    {"Rogaland", 23}, {"Akershus", 21},
        {"Troms", 21},           {"Buskerud", 18}, {"Finnmark", 18}, {"Telemark", 17},
        {"Østfold", 12},         {"Vestfold", 6},  {"Oslo", 1}};
    EXPECT_EQ(per_county, expected_counties);
    const std::map<int, int> expected_classes = {{1, 5},  {2, 21},  {3, 54},
                                                 {4, 65}, {5, 104}, {6, 108}};
    EXPECT_EQ(per_class, expected_classes);
    EXPECT_EQ(population, 5'594'340);  // SSB 07459, 1 January 2025.
}

// A few lines checked by hand against the sources: an official Sami double name, classes that
// the earlier hand-entered file had wrong, and two populations.
TEST(MunicipalityCsv, TheShippedFileHasOfficialNamesAndSsbClasses) {
    std::map<std::string, Municipality> by_number;
    std::map<std::string, int> population;
    for (auto& [m, inhabitants] : shipped_municipalities()) {
        population[m.number] = inhabitants;
        by_number[m.number] = m;
    }
    ASSERT_EQ(by_number.count("5612"), 1u);
    EXPECT_EQ(by_number["5612"].name, "Guovdageaidnu - Kautokeino");
    EXPECT_EQ(by_number["5612"].county, "Finnmark");
    EXPECT_EQ(by_number["1144"].name, "Kvitsøy");
    EXPECT_EQ(by_number["1144"].centrality_class, 6);
    EXPECT_EQ(by_number["4642"].centrality_class, 5);  // Lærdal
    EXPECT_EQ(by_number["3107"].centrality_class, 2);  // Fredrikstad
    EXPECT_EQ(by_number["0301"].centrality_class, 1);
    EXPECT_EQ(by_number["1515"].name, "Herøy");
    EXPECT_EQ(by_number["1818"].name, "Herøy");
    EXPECT_EQ(population["4601"], 293'709);
    EXPECT_EQ(population["1144"], 570);
}

}  // namespace municipality_csv_test
}  // namespace alis::domain
