#include "store/sqlite/connection.hpp"

#include <sqlite3.h>

#include "store/store.hpp"

namespace alis::store::sqlite {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what) {
    const std::string reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int primary = rc & 0xff;
    if (primary == SQLITE_CONSTRAINT) {
        throw ConstraintViolation(what + ": " + reason);
    }
    throw StoreError(what + ": " + reason);
}

}  // namespace

Connection::Connection(const std::string& path, Access access) : path_(path) {
    const int flags = access == Access::read_write
                          ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
                          : SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError("cannot open database " + path + ": " + reason);
    }
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_extended_result_codes(db_, 1);
    try {
        if (access == Access::read_write) {
            exec("PRAGMA journal_mode=WAL");
        }
        exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        // Fails early, with a clear reason, when the file is not a database.
        exec("SELECT count(*) FROM sqlite_schema");
    } catch (const StoreError& e) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError("cannot use database " + path + ": " + e.what());
    }
}

Connection::~Connection() {
    for (auto& [sql, cached] : statements_) {
        sqlite3_finalize(cached.stmt);
    }
    if (db_ != nullptr) {
        sqlite3_close_v2(db_);
    }
}

void Connection::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        if ((rc & 0xff) == SQLITE_CONSTRAINT) {
            throw ConstraintViolation(path_ + ": " + reason);
        }
        throw StoreError(path_ + ": " + reason);
    }
}

Statement::Statement(Connection& connection, std::string_view sql) : db_(connection.handle()) {
    auto it = connection.statements_.find(sql);
    if (it != connection.statements_.end() && !it->second.in_use) {
        stmt_ = it->second.stmt;
        in_use_ = &it->second.in_use;
        *in_use_ = true;
        return;
    }
    const bool keep = it == connection.statements_.end();
    const unsigned flags = keep ? SQLITE_PREPARE_PERSISTENT : 0;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), flags, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        fail(db_, rc, "prepare");
    }
    if (keep) {
        auto& cached = connection.statements_[std::string(sql)];
        cached = {stmt_, true};
        in_use_ = &cached.in_use;
    }
}

Statement::~Statement() {
    if (in_use_ == nullptr) {
        sqlite3_finalize(stmt_);
        return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) {
        fail(db_, rc, "bind");
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                     SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) {
        fail(db_, rc, "bind");
    }
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) {
        fail(db_, rc, "bind");
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(db_, rc, "query");
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(stmt_, index);
}

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_, index);
    return text != nullptr
               ? std::string(reinterpret_cast<const char*>(text),
                             static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)))
               : std::string();
}

std::optional<std::string> Statement::column_optional_text(int index) const {
    if (sqlite3_column_type(stmt_, index) == SQLITE_NULL) {
        return std::nullopt;
    }
    return column_text(index);
}

}  // namespace alis::store::sqlite
