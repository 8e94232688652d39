#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "domain/municipality.hpp"

namespace alis::domain {
namespace {

constexpr const char* kHeader = "number,name,county,centrality_class,alis_office\n";

TEST(MunicipalityCsv, ReadsEveryLineAfterTheHeaderSkippingBlankOnesAndCarriageReturns) {
    const auto result = parse_municipalities_csv(std::string(kHeader) +
                                                 "0301,Oslo,Oslo,1,Oslo\r\n\n"
                                                 "4601,Bergen,Vestland,2,Bergen\n");
    ASSERT_EQ(result.size(), 2u);
    EXPECT_EQ(result[0].number, "0301");
    EXPECT_EQ(result[0].alis_office, "Oslo");
    EXPECT_EQ(result[1].name, "Bergen");
    EXPECT_EQ(result[1].county, "Vestland");
    EXPECT_EQ(result[1].centrality_class, 2);
}

TEST(MunicipalityCsv, RefusesALineWithoutFiveColumnsNamingIt) {
    try {
        parse_municipalities_csv(std::string(kHeader) + "0301,Oslo,Oslo,1,Oslo\n4601,Bergen\n");
        FAIL() << "no error";
    } catch (const MunicipalityFileError& e) {
        EXPECT_STREQ(e.what(), "line 3: expected 5 columns");
    }
}

// Found by fuzz/municipalities_csv_fuzz: a centrality class that is not a number escaped as
// std::invalid_argument from std::stoi (and one too large as std::out_of_range), which the demo
// loader did not expect; now it is a MunicipalityFileError like every other bad line.
TEST(MunicipalityCsv, RefusesACentralityClassThatIsNotAWholeNumber) {
    for (const char* value : {"centrality_cla\x8e\x8c", "", "99999999999", "2x", " 2"}) {
        const std::string text = std::string(kHeader) +
                                 "1579,Hustadvika,More,4,Trondheim\n1579,Hustadvika,More," + value +
                                 ",Trondheim\n";
        try {
            parse_municipalities_csv(text);
            ADD_FAILURE() << "no error for '" << value << "'";
        } catch (const MunicipalityFileError& e) {
            EXPECT_STREQ(e.what(), "line 3: centrality_class is not a whole number") << value;
        }
    }
}

TEST(MunicipalityCsv, ReadsTheShippedFile) {
    // data/municipalities.csv: the header and every municipality of Norway the demo loads.
    std::FILE* file = std::fopen(ALIS_SOURCE_DIR "/data/municipalities.csv", "rb");
    ASSERT_NE(file, nullptr);
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
        text.append(buffer, n);
    }
    std::fclose(file);
    const auto result = parse_municipalities_csv(text);
    EXPECT_GT(result.size(), 100u);
}

}  // namespace
}  // namespace alis::domain
