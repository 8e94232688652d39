// The store's one list of tables (store/installation.hpp) is what alis copy copies: it must name
// every table of both schemas, with their columns in order and of the right kind, each after the
// tables it references, or a copy would silently leave data behind or fail halfway.
#include "store/installation.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <pqxx/pqxx>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "support/postgres.hpp"

namespace alis::store {
namespace installation_test {

// A column as the schema declares it, in the words of ColumnKind.
struct SchemaColumn {
    std::string name;
    std::string kind;
    bool generated_id = false;
    bool operator==(const SchemaColumn&) const = default;
};
using Schema = std::map<std::string, std::vector<SchemaColumn>>;
// (table, the table it references), for every foreign key.
using References = std::vector<std::pair<std::string, std::string>>;

// Every table but the two each database keeps for itself.
bool is_copied(const std::string& table) {
    return table != "schema_migrations" && table != "data_generation";
}

// Rows of text from the migrated SQLite database at `path`.
std::vector<std::vector<std::string>> sqlite_rows(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    std::vector<std::vector<std::string>> rows;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        ADD_FAILURE() << "cannot open " << path;
        sqlite3_close(db);
        return rows;
    }
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int k = 0; k < sqlite3_column_count(stmt); ++k) {
            const auto* text = sqlite3_column_text(stmt, k);
            row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows;
}

// SQLite declares INTEGER for integers and 0/1 flags, TEXT for text, dates and instants.
std::string sqlite_kind(ColumnKind kind) {
    return kind == ColumnKind::integer || kind == ColumnKind::boolean ? "INTEGER" : "TEXT";
}

std::string postgresql_kind(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::integer:
            return "integer";
        case ColumnKind::boolean:
            return "boolean";
        case ColumnKind::date:
            return "date";
        case ColumnKind::instant:
            return "timestamp with time zone";
        case ColumnKind::text:
            break;
    }
    return "text";
}

// The schema of a migrated database, and the list's view of it in the same words.
struct Schemas {
    Schema database;
    Schema listed;
    References references;
};

Schemas read_sqlite(const std::string& path) {
    Schemas s;
    for (const auto& row : sqlite_rows(path,
                                       "SELECT m.name, c.name, c.type FROM sqlite_schema m"
                                       " JOIN pragma_table_info(m.name) c"
                                       " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
                                       " ORDER BY m.name, c.cid")) {
        if (is_copied(row[0])) {
            s.database[row[0]].push_back({row[1], row[2]});
        }
    }
    for (const auto& row : sqlite_rows(path,
                                       "SELECT m.name, f.\"table\" FROM sqlite_schema m"
                                       " JOIN pragma_foreign_key_list(m.name) f"
                                       " WHERE m.type = 'table'")) {
        s.references.emplace_back(row[0], row[1]);
    }
    for (const Table& table : installation_tables()) {
        for (const Column& column : table.columns) {
            s.listed[std::string(table.name)].push_back(
                {std::string(column.name), sqlite_kind(column.kind)});
        }
    }
    return s;
}

Schemas read_postgresql(const std::string& url) {
    Schemas s;
    pqxx::connection connection(url);
    pqxx::nontransaction tx(connection);
    for (const auto& row : tx.exec("SELECT table_name, column_name, data_type, is_identity"
                                   " FROM information_schema.columns WHERE table_schema = 'public'"
                                   " ORDER BY table_name, ordinal_position")) {
        const std::string table = row[0].c_str();
        std::string kind = row[2].c_str();
        if (kind == "bigint") {
            kind = "integer";
        }
        if (is_copied(table)) {
            s.database[table].push_back(
                {row[1].c_str(), kind, std::string(row[3].c_str()) == "YES"});
        }
    }
    for (const auto& row :
         tx.exec("SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                 " WHERE contype = 'f'")) {
        s.references.emplace_back(row[0].c_str(), row[1].c_str());
    }
    for (const Table& table : installation_tables()) {
        for (const Column& column : table.columns) {
            s.listed[std::string(table.name)].push_back(
                {std::string(column.name), postgresql_kind(column.kind),
                 column.name == "id" && table.generated_id == GeneratedId::yes});
        }
    }
    return s;
}

class InstallationTables : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        open_database(database_.url(), 1)->migrate();
        schemas_ = GetParam() == "sqlite"
                       ? read_sqlite((database_.dir().path() / "alis.db").string())
                       : read_postgresql(database_.url());
    }
    testing::TestDatabase database_{GetParam()};
    Schemas schemas_;
};

TEST_P(InstallationTables, NameEveryTableOfTheSchemaWithItsColumnsInOrderAndOfTheirKind) {
    ASSERT_GE(schemas_.database.size(), 20u) << "the schema was not read";
    for (const auto& [table, columns] : schemas_.database) {
        const auto listed = schemas_.listed.find(table);
        ASSERT_TRUE(listed != schemas_.listed.end())
            << table << " is in the schema but not in installation_tables(): alis copy would "
            << "leave its rows behind";
        ASSERT_EQ(listed->second.size(), columns.size()) << table;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            EXPECT_EQ(listed->second[k].name, columns[k].name) << table << " column " << k;
            EXPECT_EQ(listed->second[k].kind, columns[k].kind) << table << "." << columns[k].name;
            EXPECT_EQ(listed->second[k].generated_id, columns[k].generated_id)
                << table << "." << columns[k].name << ": identity";
        }
    }
    for (const auto& [table, columns] : schemas_.listed) {
        EXPECT_TRUE(schemas_.database.contains(table))
            << table << " is listed but not in the schema";
    }
}

TEST_P(InstallationTables, ComeEachAfterTheTablesItReferences) {
    std::map<std::string, std::size_t> position;
    for (const Table& table : installation_tables()) {
        position.emplace(std::string(table.name), position.size());
    }
    ASSERT_FALSE(schemas_.references.empty()) << "no foreign keys were read";
    for (const auto& [table, referenced] : schemas_.references) {
        ASSERT_TRUE(position.contains(table) && position.contains(referenced))
            << table << " -> " << referenced;
        EXPECT_LT(position[referenced], position[table])
            << table << " references " << referenced << ", which must be copied before it";
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, InstallationTables,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const auto& info) { return info.param; });

}  // namespace installation_test
}  // namespace alis::store
