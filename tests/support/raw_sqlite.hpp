#pragma once

// A raw SQLite connection for the tests of one migration on a database that lived through the
// migrations before it (tests/store/sqlite/*_migration_test.cpp): the tables are filled as they
// were then, with SQL, before the store opens the file and applies the rest.

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

namespace alis::testing {

// A connection to the database file, with foreign keys on as the store has them.
class RawSqlite {
  public:
    explicit RawSqlite(const std::string& path);
    ~RawSqlite();
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    // Runs the statements; throws std::runtime_error with SQLite's message when one fails.
    void exec(std::string_view sql);
    // Runs the statements; returns SQLite's result code and keeps its message.
    int try_exec(std::string_view sql);
    // The first column of every row of one query, as text ("" for NULL).
    std::vector<std::string> column(const char* sql);
    const std::string& last_message() const { return last_message_; }
    void record_migration(int version, const std::string& name);

  private:
    sqlite3* db_ = nullptr;
    std::string last_message_;
};

// Applies the migrations up to and including version `last` the way SqliteDatabase::migrate
// does: each in a transaction with foreign keys on, recorded in schema_migrations.
void migrate_sqlite_up_to(RawSqlite& db, int last);

}  // namespace alis::testing
