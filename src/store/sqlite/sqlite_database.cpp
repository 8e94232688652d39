#include "store/sqlite/sqlite_database.hpp"

#include "store/migrations.hpp"

namespace alis::store::sqlite {
namespace {

constexpr const char* kCreateMigrationTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))";
constexpr const char* kAppliedMigrations = "SELECT version FROM schema_migrations ORDER BY version";
constexpr const char* kMigrationApplied = "SELECT 1 FROM schema_migrations WHERE version = $1";
constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)";
constexpr const char* kPing = "SELECT 1";
constexpr const char* kDataGeneration = "SELECT value FROM data_generation WHERE id = 1";
// Kept as prepared statements (not exec'd text), since every read and write runs them.
constexpr const char* kBeginRead = "BEGIN";
constexpr const char* kBeginWrite = "BEGIN IMMEDIATE";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";

// A row of the statement being stepped.
class SqliteRow final : public Row {
  public:
    explicit SqliteRow(const Statement& statement) : statement_(statement) {}
    bool is_null(int column) const override { return statement_.column_is_null(column); }
    std::int64_t integer(int column) const override { return statement_.column_int(column); }
    std::string text(int column) const override { return statement_.column_text(column); }

  private:
    const Statement& statement_;
};

// The statements of a transaction open on one connection.
class SqliteTransaction final : public Transaction {
  public:
    explicit SqliteTransaction(Connection& connection) : connection_(connection) {}
    Dialect dialect() const override { return Dialect::sqlite; }
    std::size_t query(std::string_view sql, std::span<const Param> params,
                      const std::function<void(const Row&)>& each) override {
        Statement statement(connection_, sql);
        statement.bind(params);
        const SqliteRow row(statement);
        std::size_t rows = 0;
        while (statement.step()) {
            each(row);
            ++rows;
        }
        return rows;
    }

  private:
    Connection& connection_;
};

void run(Connection& connection, const char* sql) {
    Statement statement(connection, sql);
    while (statement.step()) {
    }
}

// Runs `work` between `begin` and COMMIT, rolling back when it throws.
template <typename Work>
void in_transaction(Connection& connection, const char* begin, Work&& work) {
    run(connection, begin);
    try {
        work();
        run(connection, kCommit);
    } catch (...) {
        try {
            run(connection, kRollback);
        } catch (const StoreError&) {
            // SQLite has rolled back by itself (e.g. after an I/O error); nothing is kept.
        }
        throw;
    }
}

}  // namespace

SqliteDatabase::ReaderLease::ReaderLease(SqliteDatabase& database,
                                         std::unique_ptr<Connection> connection)
    : database_(database), connection_(std::move(connection)) {}

SqliteDatabase::ReaderLease::~ReaderLease() {
    {
        std::lock_guard lock(database_.pool_mutex_);
        database_.idle_readers_.push_back(std::move(connection_));
    }
    database_.pool_available_.notify_one();
}

SqliteDatabase::SqliteDatabase(std::string path, int reader_connections)
    : path_(std::move(path)), wal_(path_ + "-shm") {
    if (path_.empty()) {
        throw StoreError("the database URL names no file: use sqlite:PATH");
    }
    writer_ = std::make_unique<Connection>(path_, Access::read_write);
    for (int i = 0; i < std::max(1, reader_connections); ++i) {
        idle_readers_.push_back(std::make_unique<Connection>(path_, Access::read_only));
    }
}

SqliteDatabase::~SqliteDatabase() {
    // Folds the WAL back into the database file so that a clean shutdown leaves one file.
    try {
        idle_readers_.clear();
        writer_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const StoreError&) {
        // Nothing is lost: the WAL is replayed on the next open.
    }
}

SqliteDatabase::ReaderLease SqliteDatabase::reader() {
    std::unique_lock lock(pool_mutex_);
    pool_available_.wait(lock, [&] { return !idle_readers_.empty(); });
    auto connection = std::move(idle_readers_.back());
    idle_readers_.pop_back();
    return ReaderLease(*this, std::move(connection));
}

int SqliteDatabase::migrate() {
    std::lock_guard lock(write_mutex_);
    writer_->exec(kCreateMigrationTable);
    int applied = 0;
    SqliteTransaction tx(*writer_);
    for (const Migration& migration : migrations_for("sqlite")) {
        in_transaction(*writer_, kBeginWrite, [&] {
            // Checked inside the transaction, so two processes migrating at once apply it once.
            if (tx.integer(kMigrationApplied, {migration.version}) == 1) {
                return;
            }
            writer_->exec(migration.sql);
            tx.execute(kRecordMigration, {migration.version, migration.name});
            ++applied;
        });
    }
    return applied;
}

std::vector<int> SqliteDatabase::applied_migrations() {
    auto lease = reader();
    SqliteTransaction tx(*lease);
    return tx.rows(kAppliedMigrations, {},
                   [](const Row& row) { return static_cast<int>(row.integer(0)); });
}

bool SqliteDatabase::ping() {
    try {
        auto lease = reader();
        SqliteTransaction tx(*lease);
        return tx.integer(kPing) == 1;
    } catch (const StoreError&) {
        return false;
    }
}

std::uint64_t SqliteDatabase::data_generation() {
    // Every cached answer asks this once per request. The header is taken before the read, so a
    // commit in between leaves a pair that is only stale for an older header.
    const auto header = wal_.header();
    if (header) {
        std::lock_guard lock(generation_mutex_);
        if (known_generation_ && known_generation_->first == *header) {
            return known_generation_->second;
        }
    }
    const auto generation = read_data_generation();
    if (header) {
        std::lock_guard lock(generation_mutex_);
        known_generation_ = {*header, generation};
    }
    return generation;
}

std::uint64_t SqliteDatabase::read_data_generation() {
    auto lease = reader();
    Statement statement(*lease, kDataGeneration);
    if (!statement.step()) {
        throw StoreError("the database has no data_generation row (migration 0009)");
    }
    return static_cast<std::uint64_t>(statement.column_int(0));
}

void SqliteDatabase::run_read(const std::function<void(const Snapshot&)>& work) {
    auto lease = reader();
    SqliteTransaction tx(*lease);
    const Snapshot snapshot(tx);
    // A read transaction has nothing to keep: its "commit" only ends the snapshot.
    in_transaction(*lease, kBeginRead, [&] { work(snapshot); });
}

void SqliteDatabase::run_write(const std::function<void(UnitOfWork&)>& work) {
    std::lock_guard lock(write_mutex_);
    SqliteTransaction tx(*writer_);
    UnitOfWork unit(tx);
    in_transaction(*writer_, kBeginWrite, [&] { work(unit); });
}

}  // namespace alis::store::sqlite
