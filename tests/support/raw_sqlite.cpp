#include "support/raw_sqlite.hpp"

#include <stdexcept>

#include "store/migrations.hpp"

namespace alis::testing {

RawSqlite::RawSqlite(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db_);
        throw std::runtime_error("cannot open " + path);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA foreign_keys=ON");
}

RawSqlite::~RawSqlite() {
    sqlite3_close(db_);
}

void RawSqlite::exec(std::string_view sql) {
    if (const int rc = try_exec(sql); rc != SQLITE_OK) {
        throw std::runtime_error(last_message_);
    }
}

int RawSqlite::try_exec(std::string_view sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    last_message_ = message != nullptr ? message : "";
    sqlite3_free(message);
    return rc;
}

std::vector<std::string> RawSqlite::column(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        throw std::runtime_error(sqlite3_errmsg(db_));
    }
    std::vector<std::string> values;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(stmt, 0);
        values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(stmt);
    return values;
}

void RawSqlite::record_migration(int version, const std::string& name) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)", -1,
                       &stmt, nullptr);
    sqlite3_bind_int(stmt, 1, version);
    sqlite3_bind_text(stmt, 2, name.c_str(), -1, SQLITE_TRANSIENT);
    const int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        throw std::runtime_error(sqlite3_errmsg(db_));
    }
}

void migrate_sqlite_up_to(RawSqlite& db, int last) {
    db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
    for (const store::Migration& m : store::migrations_for("sqlite")) {
        if (m.version > last) {
            break;
        }
        db.exec("BEGIN IMMEDIATE");
        db.exec(m.sql);
        db.record_migration(m.version, m.name);
        db.exec("COMMIT");
    }
}

}  // namespace alis::testing
