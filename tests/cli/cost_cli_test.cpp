// `alis cost` as a user runs it: the report's four examples (the demo's reconstructed inputs) as
// the report's table, their JSON, and bad input. The model itself: tests/domain/alis_cost_test.cpp.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace cost_cli_test {

namespace json = boost::json;
using testing::is_one_error_line;
using testing::run_alis;

const std::string kDemo =
    (std::filesystem::path(ALIS_SOURCE_DIR) / "data" / "demo" / "alis-costs-2023.toml").string();

TEST(CostCli, ShowsTheReportsTableOfAlisAToD) {
    const auto result = run_alis({"cost", kDemo});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Kostnad per ALIS for kommunen i 2023 (mill. kr)\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("ALIS A  ALIS B  ALIS C  ALIS D\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Utgifter         2,1     1,9     2,4     1,8\n"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Finansiering     2,4     1,0     1,0     1,4\n"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Kostnad         -0,3     0,9     1,4     0,5\n"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Merk: tallene er anslag"), std::string::npos) << result.out;
}

TEST(CostCli, JsonHasEachAlisInOre) {
    const auto result = run_alis({"cost", kDemo, "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json::object out = json::parse(result.out).as_object();
    EXPECT_EQ(out.at("year"), 2023);
    EXPECT_EQ(out.at("unconfirmed"), true);
    const json::array& alis = out.at("alis").as_array();
    ASSERT_EQ(alis.size(), 4u);
    const json::object& a = alis[0].as_object();
    EXPECT_EQ(a.at("name"), "ALIS A");
    EXPECT_EQ(a.at("cost_ore").as_int64(),
              a.at("expenses_ore").as_int64() - a.at("financing_ore").as_int64());
}

TEST(CostCli, BadInputGivesOneLineAndExitCode2) {
    testing::TempDir dir;
    const auto path = dir.path() / "costs.toml";
    std::ofstream(path) << "year = 2019\nunconfirmed = true\n[[alis]]\nname = \"X\"\n"
                           "contract = \"unknown\"\nzone = \"1\"\n";
    const auto unknown = run_alis({"cost", path.string()});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_EQ(unknown.err, "alis: ingen kostnadssatser for 2019 (kjente: 2023, 2024, 2025)\n");
    std::ofstream(path) << "year = 2023\nunconfirmed = true\n[[alis]]\nname = \"X\"\n"
                           "contract = \"unknown\"\nzone = \"6\"\n";
    const auto zone = run_alis({"cost", path.string()});
    EXPECT_EQ(zone.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(zone)) << zone.err;
    EXPECT_NE(zone.err.find("»: alis[0].zone har en ugyldig verdi ("), std::string::npos)
        << zone.err;
    std::ofstream(path) << "year = 2023\n[[alis]]\nname = \"X\"\ncontract = \"unknown\"\n"
                           "zone = \"1\"\n";
    const auto source = run_alis({"cost", path.string()});
    EXPECT_EQ(source.exit_code, 2);
    EXPECT_EQ(source.err, "alis: «" + path.string() +
                              "»: source oppgir ingen kilde (skriv source = \"…\", eller merk "
                              "verdien unconfirmed = true)\n");
}

}  // namespace cost_cli_test
}  // namespace alis::cli
