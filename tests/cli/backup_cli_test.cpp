// `alis backup` as an operator runs it: the real binary backing up a SQLite database that the
// application keeps writing to, and the backup opened again as alis opens a database.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <boost/json.hpp>

#include <algorithm>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "app/accounts.hpp"
#include "app/municipality_overview.hpp"
#include "app/training_records.hpp"
#include "support/fixtures.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace backup_cli_test {

using testing::is_one_error_line;

// Runs the alis binary, as the operator would.
constexpr auto alis = &testing::run_alis;

constexpr const char* kWriterAction = "test.backup_writer";
constexpr const char* kWriterName = "Skriver ";

// Registers doctors in training in Bergen through the application, each with its audit event in
// the same unit of work, one after another until stopped, as a busy server would.
class TraineeWriter {
  public:
    explicit TraineeWriter(const std::string& url)
        : app_(testing::open_app(url, testing::fixed_clock(), 1)),
          bergen_(*app::find_municipality(*app_, "4601")),
          thread_([this] { run(); }) {}
    ~TraineeWriter() { stop(); }
    TraineeWriter(const TraineeWriter&) = delete;
    TraineeWriter& operator=(const TraineeWriter&) = delete;

    // How many registrations have been committed.
    int written() const { return written_.load(); }
    void stop() {
        stop_ = true;
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    bool failed() const { return failed_.load(); }

  private:
    void run() {
        while (!stop_) {
            app::TraineeRegistration registration;
            registration.person.full_name = kWriterName + std::to_string(written_ + 1);
            registration.person.hpr_number = std::to_string(870000001 + written_);
            registration.person.lis1_completed = domain::Date::parse_iso("2023-06-01");
            registration.employment.starts_on = *domain::Date::parse_iso("2024-01-01");
            auto audit = app::administration_event(*app_, "drift@alis.invalid");
            audit.action = kWriterAction;
            const auto outcome = app::register_trainee(*app_, bergen_, registration, audit);
            if (!std::holds_alternative<app::RegisteredTrainee>(outcome)) {
                failed_ = true;
                return;
            }
            ++written_;
        }
    }

    std::unique_ptr<app::Application> app_;
    domain::Municipality bergen_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> failed_{false};
    std::atomic<int> written_{0};
    std::thread thread_;
};

// How many of the writer's doctors and of its audit events the database at `url` holds.
std::pair<int, int> written_in(const std::string& url) {
    const auto rows = testing::rows_of_every_table(url);
    const auto all_people = boost::json::parse(rows.at("people"));
    const auto all_events = boost::json::parse(rows.at("audit_events"));
    int people = 0;
    for (const auto& person : all_people.as_array()) {
        people += person.at("full_name").as_string().starts_with(kWriterName) ? 1 : 0;
    }
    int events = 0;
    for (const auto& event : all_events.as_array()) {
        events += event.at("action").as_string() == kWriterAction ? 1 : 0;
    }
    return {people, events};
}

// A table of 8 MiB beside alis's, written as someone with the file could.
void add_ballast(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    EXPECT_EQ(
        sqlite3_exec(
            db, "CREATE TABLE ballast (b BLOB); INSERT INTO ballast VALUES (randomblob(8388608))",
            nullptr, nullptr, nullptr),
        SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class BackupCli : public ::testing::Test {
  protected:
    void SetUp() override { testing::load_whole_demo(*testing::open_app(db())); }
    std::string db() const { return dir_.sqlite_url(); }
    std::string file(const std::string& name) const { return (dir_.path() / name).string(); }

    testing::TempDir dir_;
};

TEST_F(BackupCli, ABackupTakenWhileTheApplicationWritesHoldsAWholePrefixOfItsWrites) {
    // Ballast of 8 MiB, so that the backup takes many steps while the writer commits between them.
    add_ballast(dir_.path() / "alis.db");
    TraineeWriter writer(db());
    while (writer.written() < 5 && !writer.failed()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const int before = writer.written();
    const auto backup = alis({"backup", "--db", db(), "--to", file("backup.db")});
    const int after = writer.written();
    writer.stop();
    ASSERT_FALSE(writer.failed());
    ASSERT_EQ(backup.exit_code, 0) << backup.err;
    EXPECT_NE(backup.out.find("audit chain ok in the backup: "), std::string::npos) << backup.out;
    EXPECT_GT(after, before) << "the application could not write while the backup ran";
    // Taken in steps, from one snapshot: SQLite starts a backup over (its progress falls back)
    // when another connection writes between steps of a backup that holds no snapshot.
    std::istringstream progress(backup.err);
    int steps = 0;
    int copied = 0;
    int total = 0;
    for (std::string line; std::getline(progress, line); ++steps) {
        int now = 0;
        ASSERT_EQ(std::sscanf(line.c_str(), "backed up %d of %d pages", &now, &total), 2) << line;
        EXPECT_GE(now, copied) << "the backup started over:\n" << backup.err;
        copied = now;
    }
    EXPECT_GE(steps, 5) << backup.err;
    EXPECT_EQ(copied, total);

    // Restored as alis opens any database: by its URL.
    const std::string restored = "sqlite:" + file("backup.db");
    const auto verify = alis({"audit", "verify", "--db", restored});
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
    const auto [people, events] = written_in(restored);
    EXPECT_EQ(people, events) << "a doctor without the audit event written with it, or the other "
                                 "way round: the backup is not of one moment";
    EXPECT_GE(people, before);
    EXPECT_LE(people, after);
    EXPECT_TRUE(verify.out.starts_with("audit chain ok: ")) << verify.out;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".partial-"), std::string::npos)
            << entry.path() << " was left behind";
    }
    EXPECT_EQ(
        std::filesystem::status(file("backup.db")).permissions() & std::filesystem::perms::all,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST_F(BackupCli, AnExistingFileIsKeptUnlessForceIsGiven) {
    std::ofstream(file("backup.db")) << "an earlier backup\n";
    const auto refused = alis({"backup", "--db", db(), "--to", file("backup.db")});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(refused)) << refused.err;
    EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
    EXPECT_EQ(read_text(file("backup.db")), "an earlier backup\n");

    const auto forced = alis({"backup", "--db", db(), "--to", file("backup.db"), "--force"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_EQ(testing::rows_of_every_table("sqlite:" + file("backup.db")),
              testing::rows_of_every_table(db()));
}

TEST_F(BackupCli, PostgresqlIsPointedToPgDumpAndAMissingDatabaseCreatesNothing) {
    const auto postgresql =
        alis({"backup", "--db", "postgresql://alis@/alis?host=/nonexistent", "--to", file("b")});
    EXPECT_EQ(postgresql.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(postgresql)) << postgresql.err;
    EXPECT_NE(postgresql.err.find("pg_dump"), std::string::npos) << postgresql.err;
    EXPECT_NE(postgresql.err.find("docs/operations.md"), std::string::npos) << postgresql.err;

    const auto missing = alis({"backup", "--db", "sqlite:" + file("none.db"), "--to", file("b")});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(missing)) << missing.err;
    EXPECT_FALSE(std::filesystem::exists(file("none.db")));
    EXPECT_FALSE(std::filesystem::exists(file("b")));

    const auto itself = alis({"backup", "--db", db(), "--to", file("alis.db"), "--force"});
    EXPECT_EQ(itself.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(itself)) << itself.err;
}

}  // namespace backup_cli_test
}  // namespace alis::cli
