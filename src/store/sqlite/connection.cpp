#include "store/sqlite/connection.hpp"

#include <sqlite3.h>

#include <charconv>

#include "store/sql.hpp"

namespace alis::store::sqlite {
namespace {

// The SQLite index of each parameter $1, $2, ... of a prepared statement; throws StoreError for a
// statement whose parameters are not exactly $1..$n.
std::vector<int> parameter_slots(sqlite3_stmt* stmt) {
    const int count = sqlite3_bind_parameter_count(stmt);
    std::vector<int> slots(static_cast<std::size_t>(count), 0);
    for (int index = 1; index <= count; ++index) {
        const char* name = sqlite3_bind_parameter_name(stmt, index);
        const std::string_view text = name != nullptr ? name : "";
        int number = 0;
        const auto [end, ec] =
            text.size() > 1 ? std::from_chars(text.data() + 1, text.data() + text.size(), number)
                            : std::from_chars_result{text.data(), std::errc::invalid_argument};
        if (text.empty() || text.front() != '$' || ec != std::errc{} ||
            end != text.data() + text.size() || number < 1 || number > count) {
            throw StoreError("a statement's parameters must be $1..$n");
        }
        slots[static_cast<std::size_t>(number - 1)] = index;
    }
    return slots;
}

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
        slots_ = &it->second.slots;
        return;
    }
    const bool keep = it == connection.statements_.end();
    const unsigned flags = keep ? SQLITE_PREPARE_PERSISTENT : 0;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), flags, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        fail(db_, rc, "prepare");
    }
    try {
        own_slots_ = parameter_slots(stmt_);
    } catch (...) {
        sqlite3_finalize(stmt_);
        throw;
    }
    if (keep) {
        auto& cached = connection.statements_[std::string(sql)];
        cached = {stmt_, true, std::move(own_slots_)};
        in_use_ = &cached.in_use;
        slots_ = &cached.slots;
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

Statement& Statement::bind(std::span<const Param> params) {
    if (params.size() != slots_->size()) {
        throw StoreError("a statement was given " + std::to_string(params.size()) +
                         " parameters for " + std::to_string(slots_->size()));
    }
    for (std::size_t k = 0; k < params.size(); ++k) {
        const int slot = (*slots_)[k];
        const auto& value = params[k].value();
        int rc = SQLITE_OK;
        if (std::holds_alternative<std::monostate>(value)) {
            rc = sqlite3_bind_null(stmt_, slot);
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            rc = sqlite3_bind_int64(stmt_, slot, *i);
        } else if (const auto* t = std::get_if<std::string_view>(&value)) {
            rc = sqlite3_bind_text(stmt_, slot, t->data(), static_cast<int>(t->size()),
                                   SQLITE_TRANSIENT);
        } else if (const auto* b = std::get_if<bool>(&value)) {
            rc = sqlite3_bind_int(stmt_, slot, *b ? 1 : 0);
        } else if (const auto* d = std::get_if<domain::Date>(&value)) {
            const std::string iso = d->iso();
            rc = sqlite3_bind_text(stmt_, slot, iso.data(), static_cast<int>(iso.size()),
                                   SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) {
            fail(db_, rc, "bind");
        }
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

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
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

}  // namespace alis::store::sqlite
