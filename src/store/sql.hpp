#pragma once

// The seam between the aggregates and a database backend: statements with parameters, and the
// rows they return. The aggregates (municipalities.hpp, people.hpp, ...) write their SQL once,
// against this interface, in the form SQLite and PostgreSQL both accept: `$1` placeholders,
// `INSERT ... RETURNING id`, ISO dates as text parameters. Where the dialects really differ, a
// statement is a DialectSql with one text per dialect.

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace alis::store {

// Thrown when the database cannot be opened, migrated or reached, or a statement fails. The
// message names the database and the reason; it never carries SQL text or values.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Thrown when the database server cannot be reached (down, restarting, the network gone): the
// request cannot be answered now, and may be later. The backend recovers by itself.
class DatabaseUnreachable : public StoreError {
  public:
    using StoreError::StoreError;
};

// Thrown when a write would break a rule the schema keeps (a duplicate key, a missing reference).
class ConstraintViolation : public StoreError {
  public:
    using StoreError::StoreError;
};

enum class Dialect { sqlite, postgresql };

// A statement text for each dialect, for the few statements where they differ.
struct DialectSql {
    std::string_view sqlite;
    std::string_view postgresql;
};

// The condition "`column` is one of the ids listed in parameter `param`" (see id_list) in each
// dialect, for the two texts of a DialectSql: the one place the dialects differ in such reads.
#define ALIS_LISTED_SQLITE(column, param) " " column " IN (SELECT value FROM json_each(" param "))"
#define ALIS_LISTED_POSTGRESQL(column, param) " " column " = ANY(" param "::bigint[])"

// One statement parameter: null, an integer, a text, a boolean or a date (bound as ISO text).
class Param {
  public:
    using Value = std::variant<std::monostate, std::int64_t, std::string_view, bool, domain::Date>;

    Param(std::nullptr_t) {}  // NOLINT: implicit, so that {id, nullptr} reads as a list.
    Param(std::int64_t value) : value_(value) {}                          // NOLINT
    Param(int value) : value_(std::int64_t{value}) {}                     // NOLINT
    Param(std::string_view value) : value_(value) {}                      // NOLINT
    Param(const std::string& value) : value_(std::string_view(value)) {}  // NOLINT
    Param(const char* value) : value_(std::string_view(value)) {}         // NOLINT
    Param(bool value) : value_(value) {}                                  // NOLINT
    Param(domain::Date value) : value_(value) {}                          // NOLINT
    template <typename T>
    Param(const std::optional<T>& value) {  // NOLINT: null when empty.
        if (value) {
            *this = Param(*value);
        }
    }
    template <domain::NamedEnum Enum>
    Param(Enum value) : value_(domain::to_string(value)) {}  // NOLINT: its stored name.

    const Value& value() const { return value_; }

  private:
    Value value_;
};

// One row of a result, read by column index (from 0).
class Row {
  public:
    virtual ~Row() = default;
    virtual bool is_null(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual std::string text(int column) const = 0;

    // A boolean column: SQLite's 0/1 or PostgreSQL's t/f.
    bool boolean(int column) const;
    // A date column ("2026-11-22"); throws StoreError when the database holds a malformed one.
    domain::Date date(int column) const;
    // An instant column as "2026-11-22T10:15:30Z" (SQLite keeps that text; PostgreSQL's
    // timestamptz comes as "2026-11-22 10:15:30+00").
    std::string instant(int column) const;
    std::optional<std::int64_t> optional_integer(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<domain::Date> optional_date(int column) const;
    // An enum column by its stored name; throws StoreError for a name this version does not know.
    template <domain::NamedEnum Enum>
    Enum enumeration(int column) const {
        const auto value = domain::parse_enum<Enum>(text(column));
        if (!value) {
            throw StoreError("the database holds a value this version of alis does not know");
        }
        return *value;
    }
};

// The statements of one open transaction on one connection. A backend implements query and
// execute; the aggregates use the helpers below. Not thread-safe: one transaction, one thread.
class Transaction {
  public:
    virtual ~Transaction() = default;
    virtual Dialect dialect() const = 0;
    // Runs `sql` with `params` ($1, $2, ... in order) and hands each result row to `each`;
    // returns the number of rows. Throws StoreError (ConstraintViolation for a broken rule).
    virtual std::size_t query(std::string_view sql, std::span<const Param> params,
                              const std::function<void(const Row&)>& each) = 0;

    // The statement for this transaction's dialect.
    std::string_view pick(const DialectSql& sql) const {
        return dialect() == Dialect::sqlite ? sql.sqlite : sql.postgresql;
    }
    // Runs a statement that returns no rows.
    void execute(std::string_view sql, std::initializer_list<Param> params = {});
    // Runs `INSERT ... RETURNING id` and returns the id.
    std::int64_t insert(std::string_view sql, std::initializer_list<Param> params);
    // The one integer a statement such as `SELECT count(*) ...` returns (0 without a row).
    std::int64_t integer(std::string_view sql, std::initializer_list<Param> params = {});

    // Every row, each read by `read` (a function from const Row& to T).
    template <typename Read>
    auto rows(std::string_view sql, std::initializer_list<Param> params, Read read) {
        std::vector<std::invoke_result_t<Read, const Row&>> result;
        query(sql, std::span(params.begin(), params.size()),
              [&](const Row& row) { result.push_back(read(row)); });
        return result;
    }
    // The first row read by `read`, or nullopt when there is none.
    template <typename Read>
    auto row(std::string_view sql, std::initializer_list<Param> params, Read read) {
        std::optional<std::invoke_result_t<Read, const Row&>> result;
        query(sql, std::span(params.begin(), params.size()), [&](const Row& row) {
            if (!result) {
                result = read(row);
            }
        });
        return result;
    }
    // Hands each row to `each`, for reads that fill several results at once.
    void each_row(std::string_view sql, std::initializer_list<Param> params,
                  const std::function<void(const Row&)>& each) {
        query(sql, std::span(params.begin(), params.size()), each);
    }
};

// The id in a row's first column: the read of `SELECT id ...` and of `... RETURNING id`.
inline std::int64_t read_id(const Row& row) {
    return row.integer(0);
}

// A list of ids as one text parameter: a JSON array for SQLite's json_each ("[3,5]"), an array
// literal for PostgreSQL's ANY($n::bigint[]) ("{3,5}").
std::string id_list(Dialect dialect, const std::vector<std::int64_t>& ids);

}  // namespace alis::store
