#include "store/installation.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "store/postgres/application_role.hpp"

namespace alis::store {
namespace {

constexpr const char* kDataGeneration = "SELECT value FROM data_generation WHERE id = 1";
const DialectSql kSetDataGenerationAbove{
    "UPDATE data_generation SET value = max(value, $1) + 1 WHERE id = 1",
    "UPDATE data_generation SET value = greatest(value, $1) + 1 WHERE id = 1"};
// Only PostgreSQL has identities to move; the table is a parameter here, since
// pg_get_serial_sequence takes its name as text.
constexpr const char* kSetNextIdAfter = "SELECT setval(pg_get_serial_sequence($1, 'id'), $2)";

boost::json::value read_value(const Row& row, int column, ColumnKind kind) {
    if (row.is_null(column)) {
        return nullptr;
    }
    switch (kind) {
        case ColumnKind::integer:
            return row.integer(column);
        case ColumnKind::boolean:
            return row.boolean(column);
        case ColumnKind::instant:
            return boost::json::string(row.instant(column));
        case ColumnKind::text:
        case ColumnKind::date:
            break;
    }
    return boost::json::string(row.text(column));
}

}  // namespace

std::int64_t Installation::row_count(const Table& table) const {
    return tx_.integer(table.count_rows);
}

void Installation::each_batch(const Table& table, std::int64_t rows_per_batch,
                              const std::function<void(const RowBatch&)>& each) const {
    const bool has_id = table.columns.front().name == "id";
    boost::json::array rows;
    RowBatch batch;
    const auto hand_over = [&] {
        batch.json = boost::json::serialize(rows);
        each(batch);
        rows.clear();
        batch.rows = 0;
    };
    tx_.each_row(table.all_rows, {}, [&](const Row& row) {
        boost::json::object object;
        for (std::size_t k = 0; k < table.columns.size(); ++k) {
            const Column& column = table.columns[k];
            object[column.name] = read_value(row, static_cast<int>(k), column.kind);
        }
        if (has_id) {
            batch.last_id = std::max(batch.last_id, row.integer(0));
        }
        rows.push_back(std::move(object));
        if (++batch.rows == rows_per_batch) {
            hand_over();
        }
    });
    if (batch.rows > 0) {
        hand_over();
    }
}

std::int64_t Installation::data_generation() const {
    return tx_.integer(kDataGeneration);
}

void Installation::add_rows(const Table& table, const RowBatch& batch) {
    tx_.execute(tx_.pick(table.add_rows), {batch.json});
}

void Installation::set_next_id_after(const Table& table, std::int64_t last_id) {
    if (tx_.dialect() == Dialect::postgresql && table.generated_id == GeneratedId::yes &&
        last_id > 0) {
        tx_.execute(kSetNextIdAfter, {table.name, last_id});
    }
}

void Installation::set_data_generation_above(std::int64_t other) {
    tx_.execute(tx_.pick(kSetDataGenerationAbove), {other});
}

void Installation::grant_application_role(std::string_view role) {
    if (tx_.dialect() != Dialect::postgresql) {
        throw StoreError("SQLite has no roles to grant to");
    }
    postgres::grant_application_role(tx_, role);
}

}  // namespace alis::store
