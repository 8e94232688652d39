#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

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
    };
    std::map<std::string, Cached, std::less<>> statements_;
    sqlite3* db_ = nullptr;
    std::string path_;
};

// A prepared statement with bound parameters; every value reaches SQL through bind(), never through
// string building. Statements are prepared once per connection and reset for reuse when this
// object goes; a second Statement with the same SQL alive at once gets its own.
class Statement {
  public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds parameter `index` (1-based). Returns *this for chaining.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind_null(int index);

    // Advances to the next row; false when done. Throws StoreError (ConstraintViolation for a
    // broken constraint) on failure.
    bool step();
    // Steps to completion, for statements that return no rows.
    void run();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    std::optional<std::string> column_optional_text(int index) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool* in_use_ = nullptr;  // Set when the statement is the connection's cached one.
};

}  // namespace alis::store::sqlite
