// `alis copy` as an operator runs it: the real binary moving a demo installation from SQLite to
// PostgreSQL and back, checked with the same tools and pages the operator and the users see.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/record_json.hpp"
#include "app/training_records.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/postgres.hpp"
#include "support/process.hpp"

namespace alis::cli {
namespace copy_cli_test {

using testing::CommandResult;
using testing::is_one_error_line;

// Runs the alis binary, as the operator would.
constexpr auto alis = &testing::run_alis;

// The person's page as data: the training record with its corrections, as one text.
std::string training_record_text(app::Application& app, std::int64_t person_id) {
    const auto record = app::training_record(app, person_id);
    if (!record) {
        return "none";
    }
    boost::json::object page;
    page["name"] = record->person.full_name;
    page["hpr"] = record->person.hpr_number.value_or("");
    page["status"] = domain::to_string(record->person.training_status);
    page["lis1"] = record->person.lis1_completed ? record->person.lis1_completed->iso() : "";
    page["ruleset"] = record->person.ruleset.value_or("");
    auto& employments = page["employments"].emplace_array();
    for (const auto& e : record->employments) {
        employments.push_back(app::employment_json(e));
    }
    auto& periods = page["periods"].emplace_array();
    for (const auto& p : record->periods) {
        periods.push_back(app::service_period_json(p));
    }
    auto& leaves = page["leaves"].emplace_array();
    for (const auto& l : record->leaves) {
        leaves.push_back(app::leave_json(l));
    }
    auto& corrections = page["corrections"].emplace_array();
    for (const auto& h : record->corrections) {
        corrections.push_back({h.correction.id, h.correction.reason, h.correction.corrected_at,
                               h.correction.corrected_by, h.correction.before,
                               h.correction.after.value_or("")});
    }
    return boost::json::serialize(page);
}

// The source and target counts of each table in the summary `alis copy` prints.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> summary_counts(
    const std::string& out) {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> counts;
    std::istringstream lines(out);
    std::string table;
    std::int64_t source = 0;
    std::int64_t target = 0;
    for (std::string line; std::getline(lines, line);) {
        if (std::istringstream(line) >> table >> source >> target) {
            counts[table] = {source, target};
        }
    }
    return counts;
}

class CopyCli : public ::testing::Test {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(postgres_);
        auto app = testing::open_app(sqlite_url());
        testing::load_whole_demo(*app);
    }
    std::string sqlite_url() const { return sqlite_.dir().sqlite_url(); }

    // Checks what an operator checks after a copy from `from` into `to`: a summary whose counts
    // agree and are the source's, one progress line per table, the same audit chain (by alis
    // audit verify) and the same person pages on both.
    void expect_a_whole_copy(const CommandResult& copy, const std::string& from,
                             const std::string& to) {
        ASSERT_EQ(copy.exit_code, 0) << copy.err;
        const auto counts = summary_counts(copy.out);
        const auto source_rows = testing::rows_of_every_table(from);
        for (const store::Table& table : store::installation_tables()) {
            const std::string name(table.name);
            EXPECT_NE(copy.err.find("copied " + name + ": "), std::string::npos) << copy.err;
            ASSERT_TRUE(counts.contains(name)) << copy.out;
            EXPECT_GT(counts.at(name).first, 0) << name << " is empty in the source";
            EXPECT_EQ(counts.at(name).first, counts.at(name).second) << name;
        }
        const auto verified_source = alis({"audit", "verify", "--db", from});
        const auto verified_target = alis({"audit", "verify", "--db", to});
        EXPECT_EQ(verified_target.exit_code, 0) << verified_target.err;
        EXPECT_TRUE(verified_target.out.starts_with("audit chain ok: ")) << verified_target.out;
        EXPECT_EQ(verified_target.out, verified_source.out);
        EXPECT_NE(copy.out.find(verified_source.out.substr(std::string("audit chain ok: ").size())),
                  std::string::npos)
            << "the summary names the audit chain's rows and head:\n"
            << copy.out;

        auto source = testing::open_app(from);
        auto target = testing::open_app(to);
        const auto people = counts.at("people").first;
        for (std::int64_t id = 1; id <= people; ++id) {
            ASSERT_EQ(training_record_text(*target, id), training_record_text(*source, id))
                << "person " << id;
        }
    }

    testing::TestDatabase sqlite_{"sqlite"};
    testing::TestDatabase postgres_{"postgresql"};
};

TEST_F(CopyCli, MovesAnInstallationFromSqliteToPostgresqlAndBackWhole) {
    const auto there = alis({"copy", "--from", sqlite_url(), "--to", postgres_.url()});
    expect_a_whole_copy(there, sqlite_url(), postgres_.url());

    const std::string back = sqlite_.dir().sqlite_url("back.db");
    const auto back_again = alis({"copy", "--from", postgres_.url(), "--to", back});
    expect_a_whole_copy(back_again, postgres_.url(), back);
}

TEST_F(CopyCli, ANonEmptyTargetIsRefusedAndLeftAsItWas) {
    ASSERT_EQ(alis({"copy", "--from", sqlite_url(), "--to", postgres_.url()}).exit_code, 0);
    const auto before = testing::rows_of_every_table(postgres_.url());
    const auto generation = store::open_database(postgres_.url(), 1)->data_generation();

    const auto again = alis({"copy", "--from", sqlite_url(), "--to", postgres_.url()});
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(again)) << again.err;
    EXPECT_NE(again.err.find("not empty"), std::string::npos) << again.err;
    EXPECT_EQ(again.out, "");
    EXPECT_EQ(testing::rows_of_every_table(postgres_.url()), before);
    EXPECT_EQ(store::open_database(postgres_.url(), 1)->data_generation(), generation);

    // The same the other way, into SQLite.
    const auto into_sqlite = alis({"copy", "--from", postgres_.url(), "--to", sqlite_url()});
    EXPECT_EQ(into_sqlite.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(into_sqlite)) << into_sqlite.err;
}

TEST_F(CopyCli, BadFlagsAndAMissingSourceGiveOneLineAndExitTwo) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"copy", "--from", sqlite_url()},
             {"copy", "--to", postgres_.url()},
             {"copy", "--from", "sqlite:" + (sqlite_.dir().path() / "none.db").string(), "--to",
              postgres_.url()},
             {"copy", "--from", "mysql://somewhere", "--to", postgres_.url()},
         }) {
        const auto r = alis(args);
        EXPECT_NE(r.exit_code, 0) << args.back();
        EXPECT_TRUE(is_one_error_line(r)) << r.err;
    }
}

}  // namespace copy_cli_test
}  // namespace alis::cli
