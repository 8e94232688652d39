// SQLite keeps data_generation with triggers (migration 0009): every table that holds data has
// its three, so that no write, by alis or by hand, leaves a cache of derived data stale.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>
#include <stdexcept>
#include <string>

#include "store/database.hpp"
#include "support/temp_dir.hpp"

namespace alis::store {
namespace {

// The names the query returns, one column each.
std::set<std::string> names(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + path);
    }
    std::set<std::string> result;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            result.emplace(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return result;
}

// The tables whose rows are bookkeeping, not data: logins, sessions, the audit trail (which
// caches never show) and the migration log and counter themselves.
const std::set<std::string> kBookkeeping = {"sessions", "login_failures", "audit_events",
                                            "schema_migrations", "data_generation"};

TEST(DataGeneration, EveryDataTableBumpsItOnInsertUpdateAndDelete) {
    testing::TempDir dir;
    {
        auto db = open_database(dir.sqlite_url(), 1);
        db->migrate();
    }
    const std::string path = (dir.path() / "alis.db").string();
    const auto tables = names(path,
                              "SELECT name FROM sqlite_schema WHERE type = 'table'"
                              " AND name NOT LIKE 'sqlite_%'");
    const auto triggers = names(path, "SELECT name FROM sqlite_schema WHERE type = 'trigger'");
    ASSERT_GT(tables.size(), 10u);
    int checked = 0;
    for (const auto& table : tables) {
        if (kBookkeeping.contains(table)) {
            continue;
        }
        for (const char* event : {"insert", "update", "delete"}) {
            EXPECT_TRUE(triggers.contains(table + "_" + event + "_bumps_data_generation"))
                << "table " << table << " has no " << event
                << " trigger for data_generation (see migrations/README.md)";
        }
        ++checked;
    }
    EXPECT_GE(checked, 16);
    for (const auto& table : kBookkeeping) {
        EXPECT_FALSE(triggers.contains(table + "_insert_bumps_data_generation")) << table;
    }
}

}  // namespace
}  // namespace alis::store
