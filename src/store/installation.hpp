#pragma once

// A whole installation as the operators' tools see it (alis copy, alis db grant): every table of
// the schema, read and written as rows, whichever backend holds it.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "store/sql.hpp"

namespace alis::store {

// How a column's values are read from one backend and written to the other: as text, except
// integers, booleans (SQLite's 0/1, PostgreSQL's t/f) and instants (Row::instant's form).
enum class ColumnKind { text, integer, boolean, date, instant };

struct Column {
    std::string_view name;
    ColumnKind kind;
};

// Whether PostgreSQL generates the table's `id` (GENERATED ALWAYS AS IDENTITY), so that a copy
// that keeps the ids must move the identity past them.
enum class GeneratedId { no, yes };

// One table of the schema, with the statements that read and write it whole (constants of
// installation.cpp).
struct Table {
    std::string_view name;
    std::span<const Column> columns;  // In the schema's order.
    GeneratedId generated_id;
    std::string_view count_rows;
    std::string_view all_rows;  // Every column, in key order.
    DialectSql add_rows;        // From one JSON parameter, as RowBatch holds it.
};

// Every table of the schema except schema_migrations and data_generation (which each database
// keeps for itself), each after the tables it references: the order a copy inserts them in.
std::span<const Table> installation_tables();

// Rows of one table as one JSON array of objects keyed by column name (integers as numbers,
// booleans as true/false, everything else as strings, null as null): the same text whichever
// backend they were read from, and what Installation::add_rows writes into either.
struct RowBatch {
    std::string json;
    std::int64_t rows = 0;
    std::int64_t last_id = 0;  // The largest `id` up to this batch's last row; 0 without ids.
};

// The installation as one transaction sees it. The reads work in a Snapshot, the writes in a
// UnitOfWork; all of a copy's writes belong in one, so that a failure leaves the target empty.
class Installation {
  public:
    explicit Installation(Transaction& tx) : tx_(tx) {}

    // The number of rows in `table`.
    std::int64_t row_count(const Table& table) const;
    // Hands the rows of `table`, in key order, to `each` in batches of at most `rows_per_batch`
    // rows (none for an empty table).
    void each_batch(const Table& table, std::int64_t rows_per_batch,
                    const std::function<void(const RowBatch&)>& each) const;
    // The data generation now (migration 0009).
    std::int64_t data_generation() const;

    // Inserts the rows of `batch`, read from `table` of any backend, with their own keys;
    // throws ConstraintViolation when one breaks a rule of the schema.
    void add_rows(const Table& table, const RowBatch& batch);
    // Makes PostgreSQL's identity of `table` go on after `last_id`, so that the next row added
    // gets a new id. SQLite needs nothing: it goes on after the largest id by itself.
    void set_next_id_after(const Table& table, std::int64_t last_id);
    // Sets the data generation above both its own value and `other` (the source's), so that no
    // cache computed from either database before trusts an answer any longer.
    void set_data_generation_above(std::int64_t other);
    // Grants the PostgreSQL role `role` what alis needs to run, and no more
    // (postgres/application_role.cpp); throws StoreError on SQLite, which has no roles, or when
    // the role does not exist.
    void grant_application_role(std::string_view role);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
