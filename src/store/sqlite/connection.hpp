#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace alis::store::sqlite {

enum class Access { read_write, read_only };

// One open SQLite connection with alis's settings (WAL, synchronous=FULL, foreign keys on,
// busy timeout). Not thread-safe: the store hands each connection to one thread at a time.
class Connection {
  public:
    // Opens (and for read_write creates) the database at `path`; throws StoreError on failure.
    Connection(const std::string& path, Access access);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements without parameters (migrations, pragmas, BEGIN/COMMIT).
    void exec(std::string_view sql);
    sqlite3* handle() const { return db_; }

  private:
    friend class Statement;
    // Prepared statements kept for reuse, by SQL text: alis runs the same few dozen statements
    // over and over, and preparing (parsing) each time cost more than running them.
    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;
        std::vector<int> slots;  // The SQLite index of each parameter $1, $2, ...
    };
    std::map<std::string, Cached, std::less<>> statements_;
    sqlite3* db_ = nullptr;
    std::string path_;
};

// A prepared statement with bound parameters; every value reaches SQL through bind(), never through
// string building. Parameters are written $1, $2, ... and bound in that order, wherever they stand
// in the text (SQLite numbers named parameters by first appearance, so each is looked up by its
// name). Statements are prepared once per connection and reset for reuse when this object goes;
// a second Statement with the same SQL alive at once gets its own.
class Statement {
  public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds params[k] to $k+1; throws StoreError when their number is not the statement's.
    Statement& bind(std::span<const Param> params);

    // Advances to the next row; false when done. Throws StoreError (ConstraintViolation for a
    // broken constraint) on failure.
    bool step();

    bool column_is_null(int index) const;
    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool* in_use_ = nullptr;  // Set when the statement is the connection's cached one.
    std::vector<int> own_slots_;
    const std::vector<int>* slots_ = &own_slots_;
};

}  // namespace alis::store::sqlite
