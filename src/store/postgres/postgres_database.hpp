#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace alis::store::postgres {

// How the backend connects: the URL as libpq takes it (postgresql://user:password@host:port/db,
// or ?host=/socket/folder), how many connections it keeps at most, and its timeouts.
struct PostgresOptions {
    std::string url;
    int pool_size = 8;
    int connect_timeout_seconds = 5;
    int statement_timeout_ms = 30000;
};

// PostgreSQL through libpqxx: a pool of connections, each opened on first need and dropped when
// it breaks (the next request opens a new one, so alis recovers from a database restart without
// one of its own). Statements are prepared once per connection. Reads run at REPEATABLE READ,
// READ ONLY (one snapshot); writes at READ COMMITTED behind one transaction-level advisory lock,
// so writers of every alis process are serialised as SQLite's are, and each statement after the
// lock sees everything committed before it (docs/decisions.md, "PostgreSQL").
class PostgresDatabase final : public Database {
  public:
    // Opens the first connection at once, so that a wrong URL or password fails here with a
    // one-line StoreError (never the password).
    explicit PostgresDatabase(PostgresOptions options);
    ~PostgresDatabase() override;

    Dialect dialect() const override { return Dialect::postgresql; }
    int migrate() override;
    std::vector<int> applied_migrations() override;
    bool ping() override;
    std::uint64_t data_generation() override;

    struct Pooled;  // One connection and the statements prepared on it.

  protected:
    void run_read(const std::function<void(const Snapshot&)>& work) override;
    void run_write(const std::function<void(UnitOfWork&)>& work) override;

  private:
    // A connection borrowed from the pool for the lifetime of this object; a broken one is not
    // given back.
    class Lease {
      public:
        Lease(PostgresDatabase& database, std::unique_ptr<Pooled> connection);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Pooled& operator*() { return *connection_; }
        Pooled* operator->() { return connection_.get(); }

      private:
        PostgresDatabase& database_;
        std::unique_ptr<Pooled> connection_;
    };
    Lease lease();
    std::unique_ptr<Pooled> connect() const;

    PostgresOptions options_;
    std::string conninfo_;

    std::mutex pool_mutex_;
    std::condition_variable pool_available_;
    std::vector<std::unique_ptr<Pooled>> idle_;
    int open_ = 0;  // Connections that exist, idle or leased.
};

}  // namespace alis::store::postgres
