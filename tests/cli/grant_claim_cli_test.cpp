// `alis grant claim` as a user runs it: the built binary on a database, the same claim as the
// leader's page (its JSON), CSV and Excel, and one Norwegian line with exit code 2 for bad input.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/grant_claims.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/money_fixtures.hpp"
#include "support/process.hpp"
#include "support/spreadsheets.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace grant_claim_cli_test {

namespace json = boost::json;
using testing::CommandResult;
using testing::is_one_error_line;
using testing::run_alis;

class GrantClaimCli : public ::testing::Test {
  protected:
    void SetUp() override {
        app = testing::open_app(dir.sqlite_url());
        auto& db = app->database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        const auto kari = testing::add_trainee(db, "Kari Nordmann", "4601", "2024-01-01");
        testing::add_trainee(db, "Ola Nordmann", "4601", "2024-01-01");
        testing::add_signed_agreement(db, kari, "2024-01-01", "2023-12-01");
    }
    CommandResult claim(std::vector<std::string> extra) {
        std::vector<std::string> args{"grant", "claim", "--db", dir.sqlite_url()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_alis(args);
    }

    testing::TempDir dir;
    std::unique_ptr<app::Application> app;
};

TEST_F(GrantClaimCli, PrintsTheSameClaimAsTheUseCaseInJsonCsvAndExcel) {
    const auto from = *domain::Date::parse_iso("2024-09-01");
    const auto to = *domain::Date::parse_iso("2025-05-31");
    const auto expected = app::grant_claim(*app, "4601", from, to);
    ASSERT_TRUE(expected);
    const auto r = claim({"--municipality", "4601", "--period", "2024-09-01..2025-05-31"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto body = json::parse(r.out).as_object();
    EXPECT_EQ(body.at("total_ore").as_int64(), expected->claim.total.in_ore());
    EXPECT_GT(body.at("total_ore").as_int64(), 0);
    EXPECT_EQ(body.at("lines").as_array().size(), 2u);
    EXPECT_EQ(body.at("lines").as_array()[1].at("stopped").as_array()[0].at("reason"),
              "no_agreement");
    EXPECT_EQ(r.err.find("anslag") != std::string::npos, expected->claim.unconfirmed);

    const auto csv =
        claim({"--municipality", "4601", "--period", "2024-09-01..2025-05-31", "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(testing::parse_csv(csv.out).size(), 4u) << "header, two lines, total";
    const auto xlsx =
        claim({"--municipality", "4601", "--period", "2024-09-01..2025-05-31", "--format", "xlsx"});
    ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
    const auto cells = testing::read_xlsx_cells(xlsx.out);
    ASSERT_EQ(cells.size(), 4u);
    EXPECT_TRUE(cells.back()[4].number);
}

TEST_F(GrantClaimCli, BadInputEndsWithOneNorwegianLineAndExitCode2) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--municipality", "4601", "--period", "2024-09-01-2025-05-31"}, "ÅÅÅÅ-MM-DD"},
        {{"--municipality", "4601", "--period", "2025-05-31..2024-09-01"}, "før startdatoen"},
        {{"--municipality", "9999", "--period", "2024-09-01..2025-05-31"}, "9999"},
        {{"--municipality", "4601", "--period", "2024-08-01..2025-05-31"}, "refusjonsperioden"},
        {{"--municipality", "4601", "--period", "1999-01-01..1999-05-31"}, "1999"},
    };
    for (const auto& [args, text] : cases) {
        const auto r = claim(args);
        EXPECT_EQ(r.exit_code, 2) << args[3];
        EXPECT_TRUE(is_one_error_line(r)) << r.err;
        EXPECT_NE(r.err.find(text), std::string::npos) << r.err;
    }
    const auto missing = run_alis({"grant", "claim", "--db", "sqlite:/nonexistent/alis.db",
                                   "--municipality", "4601", "--period", "2024-09-01..2025-05-31"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(missing)) << missing.err;
}

}  // namespace grant_claim_cli_test
}  // namespace alis::cli
