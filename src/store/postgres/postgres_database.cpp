#include "store/postgres/postgres_database.hpp"

#include <pqxx/pqxx>

#include <charconv>
#include <map>
#include <variant>

#include "store/migrations.hpp"

namespace alis::store::postgres {
namespace {

// The keys of alis's advisory locks (any fixed numbers; "alis" in ASCII, then 1 and 2).
constexpr const char* kLockWrites = "SELECT pg_advisory_xact_lock(1634494835001)";
constexpr const char* kLockMigrations = "SELECT pg_advisory_lock(1634494835002)";
constexpr const char* kUnlockMigrations = "SELECT pg_advisory_unlock(1634494835002)";
// Asked first, so that a role that may not create tables (alis db grant's) runs an up-to-date
// database without issuing any DDL.
constexpr const char* kMigrationTableExists =
    "SELECT count(*) FROM pg_tables"
    " WHERE schemaname = current_schema() AND tablename = 'schema_migrations'";
constexpr const char* kCreateMigrationTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY, name text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";
constexpr const char* kAppliedMigrations = "SELECT version FROM schema_migrations ORDER BY version";
constexpr const char* kMigrationApplied =
    "SELECT count(*) FROM schema_migrations WHERE version = $1";
constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)";
constexpr const char* kPing = "SELECT 1";
constexpr const char* kDataGeneration = "SELECT value FROM data_generation WHERE id = 1";

// The first line of a libpq message: the rest (DETAIL, the query) may hold values.
std::string first_line(const char* message) {
    std::string text = message != nullptr ? message : "";
    text = text.substr(0, text.find('\n'));
    if (text.starts_with("ERROR:  ")) {
        text = text.substr(8);
    }
    return text;
}

// The URL with a connect timeout, unless it names one itself.
std::string with_connect_timeout(const std::string& url, int seconds) {
    if (url.find("connect_timeout=") != std::string::npos) {
        return url;
    }
    return url + (url.find('?') == std::string::npos ? "?" : "&") +
           "connect_timeout=" + std::to_string(seconds);
}

}  // namespace

struct PostgresDatabase::Pooled {
    explicit Pooled(const std::string& conninfo) : connection(conninfo) {}
    // The name under which `sql` is prepared on this connection, preparing it on first use.
    const std::string& statement(std::string_view sql) {
        auto it = prepared.find(sql);
        if (it == prepared.end()) {
            std::string name = "alis_" + std::to_string(prepared.size() + 1);
            connection.prepare(name, std::string(sql));
            it = prepared.emplace(std::string(sql), std::move(name)).first;
        }
        return it->second;
    }
    pqxx::connection connection;
    std::map<std::string, std::string, std::less<>> prepared;
    bool broken = false;
};

namespace {

// Turns the exception being handled into the store's: a broken connection (marked so that the
// pool drops it) or a server that went away is DatabaseUnreachable, a broken rule (a key, a
// reference, an append-only trigger) is ConstraintViolation, anything else StoreError.
[[noreturn]] void rethrow_as_store_error(PostgresDatabase::Pooled& c) {
    try {
        throw;
    } catch (const StoreError&) {
        throw;
    } catch (const pqxx::broken_connection& e) {
        c.broken = true;
        throw DatabaseUnreachable("the PostgreSQL server cannot be reached: " +
                                  first_line(e.what()));
    } catch (const pqxx::in_doubt_error& e) {
        c.broken = true;
        throw DatabaseUnreachable(
            "the connection broke while committing; the write may or may "
            "not have been kept: " +
            first_line(e.what()));
    } catch (const pqxx::sql_error& e) {
        const std::string state = e.sqlstate();
        if (state.starts_with("08") || state.starts_with("57P")) {
            c.broken = true;
            throw DatabaseUnreachable("the PostgreSQL server cannot be reached: " +
                                      first_line(e.what()));
        }
        if (state.starts_with("23") || state == "P0001") {
            throw ConstraintViolation(first_line(e.what()));
        }
        if (state == "57014") {
            throw StoreError("a statement ran past the statement timeout");
        }
        throw StoreError("PostgreSQL: " + first_line(e.what()));
    } catch (const pqxx::failure& e) {
        c.broken = true;
        throw DatabaseUnreachable("PostgreSQL: " + first_line(e.what()));
    }
}

// A row of a result. Booleans come as t/f, dates as ISO text (DateStyle ISO), instants as
// "2026-11-22 10:15:30+00" (TimeZone UTC), which Row::instant turns into alis's own form.
class PostgresRow final : public Row {
  public:
    explicit PostgresRow(const pqxx::row& row) : row_(row) {}
    bool is_null(int column) const override { return row_[column].is_null(); }
    std::int64_t integer(int column) const override {
        const auto field = row_[column];
        const char* text = field.c_str();
        const std::size_t size = field.size();
        if (size == 1 && (text[0] == 't' || text[0] == 'f')) {
            return text[0] == 't' ? 1 : 0;
        }
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text, text + size, value);
        if (ec != std::errc{} || end != text + size) {
            throw StoreError("the database holds a number alis cannot read");
        }
        return value;
    }
    std::string text(int column) const override {
        const auto field = row_[column];
        return std::string(field.c_str(), field.size());
    }

  private:
    const pqxx::row& row_;
};

// The statements of one transaction on one pooled connection.
class PostgresTransaction final : public Transaction {
  public:
    PostgresTransaction(PostgresDatabase::Pooled& connection, pqxx::transaction_base& tx)
        : connection_(connection), tx_(tx) {}
    Dialect dialect() const override { return Dialect::postgresql; }
    std::size_t query(std::string_view sql, std::span<const Param> params,
                      const std::function<void(const Row&)>& each) override {
        std::vector<std::string> texts;
        texts.reserve(params.size());
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const Param& param : params) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) {
                        values.push_back(nullptr);
                        return;
                    } else if constexpr (std::is_same_v<T, std::int64_t>) {
                        texts.push_back(std::to_string(v));
                    } else if constexpr (std::is_same_v<T, std::string_view>) {
                        texts.emplace_back(v);
                    } else if constexpr (std::is_same_v<T, bool>) {
                        texts.emplace_back(v ? "true" : "false");
                    } else {
                        texts.push_back(v.iso());
                    }
                    values.push_back(texts.back().c_str());
                },
                param.value());
        }
        pqxx::result result;
        try {
            const std::string& name = connection_.statement(sql);
            result = tx_.exec_prepared(name, pqxx::prepare::make_dynamic_params(values));
        } catch (...) {
            rethrow_as_store_error(connection_);
        }
        for (const auto& row : result) {
            each(PostgresRow(row));
        }
        return result.size();
    }

  private:
    PostgresDatabase::Pooled& connection_;
    pqxx::transaction_base& tx_;
};

using ReadTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

}  // namespace

PostgresDatabase::Lease::Lease(PostgresDatabase& database, std::unique_ptr<Pooled> connection)
    : database_(database), connection_(std::move(connection)) {}

PostgresDatabase::Lease::~Lease() {
    {
        std::lock_guard lock(database_.pool_mutex_);
        if (connection_->broken) {
            --database_.open_;
        } else {
            database_.idle_.push_back(std::move(connection_));
        }
    }
    database_.pool_available_.notify_one();
}

PostgresDatabase::PostgresDatabase(PostgresOptions options)
    : options_(std::move(options)),
      conninfo_(with_connect_timeout(options_.url, options_.connect_timeout_seconds)) {
    options_.pool_size = std::max(1, options_.pool_size);
    idle_.push_back(connect());
    open_ = 1;
}

PostgresDatabase::~PostgresDatabase() = default;

std::unique_ptr<PostgresDatabase::Pooled> PostgresDatabase::connect() const {
    std::unique_ptr<Pooled> pooled;
    try {
        pooled = std::make_unique<Pooled>(conninfo_);
        pqxx::nontransaction setup(pooled->connection);
        setup.exec("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET statement_timeout = " +
                   std::to_string(options_.statement_timeout_ms) +
                   "; SET application_name = 'alis'");
    } catch (const pqxx::broken_connection& e) {
        throw DatabaseUnreachable("cannot connect to " + redacted_url(options_.url) + ": " +
                                  first_line(e.what()));
    } catch (const std::exception& e) {
        throw StoreError("cannot use " + redacted_url(options_.url) + ": " + first_line(e.what()));
    }
    return pooled;
}

PostgresDatabase::Lease PostgresDatabase::lease() {
    std::unique_lock lock(pool_mutex_);
    pool_available_.wait(lock, [&] { return !idle_.empty() || open_ < options_.pool_size; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(connection));
    }
    ++open_;
    lock.unlock();
    try {
        return Lease(*this, connect());
    } catch (...) {
        lock.lock();
        --open_;
        lock.unlock();
        pool_available_.notify_one();
        throw;
    }
}

int PostgresDatabase::migrate() {
    auto c = lease();
    int applied = 0;
    try {
        // A session lock: two instances starting at once apply each migration once, in turn.
        pqxx::nontransaction(c->connection).exec(kLockMigrations);
        try {
            {
                pqxx::work tx(c->connection);
                if (PostgresTransaction(*c, tx).integer(kMigrationTableExists) == 0) {
                    tx.exec(kCreateMigrationTable);
                }
                tx.commit();
            }
            for (const Migration& migration : migrations_for("postgresql")) {
                pqxx::work tx(c->connection);
                PostgresTransaction statements(*c, tx);
                if (statements.integer(kMigrationApplied, {migration.version}) == 1) {
                    continue;
                }
                tx.exec(std::string(migration.sql));
                statements.execute(kRecordMigration, {migration.version, migration.name});
                tx.commit();
                ++applied;
            }
        } catch (...) {
            if (!c->broken && c->connection.is_open()) {
                pqxx::nontransaction(c->connection).exec(kUnlockMigrations);
            }
            throw;
        }
        pqxx::nontransaction(c->connection).exec(kUnlockMigrations);
    } catch (...) {
        rethrow_as_store_error(*c);
    }
    return applied;
}

std::vector<int> PostgresDatabase::applied_migrations() {
    std::vector<int> versions;
    auto c = lease();
    try {
        pqxx::nontransaction tx(c->connection);
        PostgresTransaction statements(*c, tx);
        versions = statements.rows(kAppliedMigrations, {},
                                   [](const Row& row) { return static_cast<int>(row.integer(0)); });
    } catch (...) {
        rethrow_as_store_error(*c);
    }
    return versions;
}

bool PostgresDatabase::ping() {
    try {
        auto c = lease();
        try {
            pqxx::nontransaction tx(c->connection);
            PostgresTransaction statements(*c, tx);
            return statements.integer(kPing) == 1;
        } catch (...) {
            rethrow_as_store_error(*c);
        }
    } catch (const StoreError&) {
        return false;
    }
}

std::uint64_t PostgresDatabase::data_generation() {
    // Read from the server on every request: a write through another instance shows at once.
    auto c = lease();
    try {
        pqxx::nontransaction tx(c->connection);
        PostgresTransaction statements(*c, tx);
        const auto value =
            statements.row(kDataGeneration, {}, [](const Row& row) { return row.integer(0); });
        if (!value) {
            throw StoreError("the database has no data_generation row (migration 0009)");
        }
        return static_cast<std::uint64_t>(*value);
    } catch (...) {
        rethrow_as_store_error(*c);
    }
}

void PostgresDatabase::run_read(const std::function<void(const Snapshot&)>& work) {
    auto c = lease();
    try {
        ReadTransaction tx(c->connection);
        PostgresTransaction statements(*c, tx);
        const Snapshot snapshot(statements);
        work(snapshot);
        tx.commit();
    } catch (...) {
        rethrow_as_store_error(*c);
    }
}

void PostgresDatabase::run_write(const std::function<void(UnitOfWork&)>& work) {
    auto c = lease();
    try {
        pqxx::work tx(c->connection);
        PostgresTransaction statements(*c, tx);
        // Every writer of every instance waits here in turn; the statements after it see all that
        // was committed before (READ COMMITTED takes a snapshot per statement).
        statements.execute(kLockWrites);
        UnitOfWork unit(statements);
        work(unit);
        tx.commit();
    } catch (...) {
        rethrow_as_store_error(*c);
    }
}

}  // namespace alis::store::postgres
