// app::copy_installation between the backends: every value arrives as it was, the copy is whole or
// not there at all, and the target goes on from where the source was.
#include "app/installation.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <string>

#include "app/accounts.hpp"
#include "app/audit_head.hpp"
#include "app/auth.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/postgres.hpp"
#include "support/temp_dir.hpp"

namespace alis::app {
namespace installation_test {

void ignore_progress(const std::string&, std::int64_t) {}

const store::Table& table_named(std::string_view name) {
    for (const store::Table& table : store::installation_tables()) {
        if (table.name == name) {
            return table;
        }
    }
    throw std::invalid_argument("no table " + std::string(name));
}

// Runs SQL on a SQLite file directly, as someone with the file could.
void sqlite_exec(const std::filesystem::path& path, const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &message), SQLITE_OK)
        << (message != nullptr ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
}

class CopyInstallation : public ::testing::Test {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(postgres_);
        auto app = testing::open_app(sqlite_url());
        testing::load_whole_demo(*app);
    }
    std::string sqlite_url() const { return sqlite_.dir().sqlite_url(); }
    std::filesystem::path sqlite_path() const { return sqlite_.dir().path() / "alis.db"; }

    testing::TestDatabase sqlite_{"sqlite"};
    testing::TestDatabase postgres_{"postgresql"};
};

TEST_F(CopyInstallation, EveryValueOfEveryTableArrivesAsItWasOnTheOtherBackendAndBack) {
    const auto original = testing::rows_of_every_table(sqlite_url());
    for (const auto& [table, rows] : original) {
        EXPECT_NE(rows, "") << table << " is empty in the demo: the test would prove nothing";
    }
    const auto there = copy_installation(sqlite_url(), postgres_.url(), ignore_progress);
    EXPECT_EQ(there.problem, std::nullopt);
    const std::string back_url = sqlite_.dir().sqlite_url("back.db");
    const auto back = copy_installation(postgres_.url(), back_url, ignore_progress);
    EXPECT_EQ(back.problem, std::nullopt);

    const auto on_postgresql = testing::rows_of_every_table(postgres_.url());
    const auto on_sqlite_again = testing::rows_of_every_table(back_url);
    for (const auto& [table, rows] : original) {
        EXPECT_EQ(on_postgresql.at(table), rows) << table;
        EXPECT_EQ(on_sqlite_again.at(table), rows) << table;
    }
    EXPECT_TRUE(there.target_audit.ok);
    EXPECT_GT(there.target_audit.rows_checked, 0);
    EXPECT_EQ(back.target_audit.head_hash, there.target_audit.head_hash);
}

TEST_F(CopyInstallation, TheTargetGoesOnAfterTheCopiedIdsAndItsDataGenerationEndsAboveBoth) {
    const auto source_generation = store::open_database(sqlite_url(), 1)->data_generation();
    const auto copy = copy_installation(sqlite_url(), postgres_.url(), ignore_progress);
    ASSERT_EQ(copy.problem, std::nullopt);
    EXPECT_GT(copy.data_generation, source_generation);

    auto target = testing::open_app(postgres_.url());
    const auto last_person = target->database().read([](const store::Snapshot& s) {
        std::int64_t last = 0;
        s.installation().each_batch(table_named("people"), 1'000'000,
                                    [&](const store::RowBatch& batch) { last = batch.last_id; });
        return last;
    });
    ASSERT_GT(last_person, 0);
    const auto person = testing::add_trainee(target->database(), "Etter Kopien", "4601");
    EXPECT_GT(person, last_person) << "the identity of people was not moved past the copied ids";
    auto event = administration_event(*target, "test@alis.invalid");
    event.action = "test.after_copy";
    record_audit(*target, event);
    const auto chain = verify_audit_chain(*target);
    EXPECT_TRUE(chain.ok) << chain.reason;
    EXPECT_EQ(chain.rows_checked, copy.target_audit.rows_checked + 1);
}

TEST_F(CopyInstallation, AFailureHalfwayLeavesTheTargetEmpty) {
    // The last table copied holds an instant PostgreSQL cannot read (SQLite keeps any text).
    sqlite_exec(sqlite_path(),
                "DROP TRIGGER record_corrections_no_update;"
                " UPDATE record_corrections SET corrected_at = 'yesterday-ish'");
    EXPECT_THROW(copy_installation(sqlite_url(), postgres_.url(), ignore_progress),
                 store::StoreError);
    for (const auto& [table, rows] : testing::rows_of_every_table(postgres_.url())) {
        EXPECT_EQ(rows, "") << table << " kept rows of a failed copy";
    }
}

TEST_F(CopyInstallation, RefusesAMissingSourceAndCreatesNothing) {
    const auto nowhere = sqlite_.dir().path() / "nowhere.db";
    EXPECT_THROW(copy_installation("sqlite:" + nowhere.string(), postgres_.url(), ignore_progress),
                 InstallationRefused);
    EXPECT_FALSE(std::filesystem::exists(nowhere));
}

TEST_F(CopyInstallation, RefusesASourceAtAnotherSchemaVersion) {
    sqlite_exec(sqlite_path(), "DELETE FROM schema_migrations WHERE version = 12");
    try {
        copy_installation(sqlite_url(), postgres_.url(), ignore_progress);
        FAIL() << "copied a source that is not migrated";
    } catch (const InstallationRefused& e) {
        EXPECT_NE(std::string(e.what()).find("run alis migrate on the source first"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(CopyInstallation, RefusesToCopyADatabaseOntoItself) {
    EXPECT_THROW(copy_installation(sqlite_url(), sqlite_url(), ignore_progress),
                 InstallationRefused);
}

}  // namespace installation_test
}  // namespace alis::app
