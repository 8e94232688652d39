#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/wal_watch.hpp"

namespace alis::store::sqlite {

// The embedded SQLite backend: one writer connection behind a mutex (SQLite allows one writer at a
// time anyway, and BEGIN IMMEDIATE with a busy timeout orders writers of other processes) and a
// pool of read-only connections that WAL lets run beside the writer, each read in its own
// snapshot.
class SqliteDatabase final : public Database {
  public:
    // Opens or creates the database file; throws StoreError with the path and reason on failure.
    SqliteDatabase(std::string path, int reader_connections);
    ~SqliteDatabase() override;

    Dialect dialect() const override { return Dialect::sqlite; }
    int migrate() override;
    std::vector<int> applied_migrations() override;
    bool ping() override;
    std::uint64_t data_generation() override;

  protected:
    void run_read(const std::function<void(const Snapshot&)>& work) override;
    void run_write(const std::function<void(UnitOfWork&)>& work) override;

  private:
    // A reader connection borrowed from the pool for the lifetime of this object.
    class ReaderLease {
      public:
        ReaderLease(SqliteDatabase& database, std::unique_ptr<Connection> connection);
        ~ReaderLease();
        ReaderLease(const ReaderLease&) = delete;
        ReaderLease& operator=(const ReaderLease&) = delete;
        Connection& operator*() { return *connection_; }

      private:
        SqliteDatabase& database_;
        std::unique_ptr<Connection> connection_;
    };
    ReaderLease reader();

    std::string path_;
    std::mutex write_mutex_;
    std::unique_ptr<Connection> writer_;

    std::mutex pool_mutex_;
    std::condition_variable pool_available_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;

    // The data generation last read, and the wal-index header taken just before reading it: while
    // the header is the same, nothing has committed since, and the value is answered without a
    // read.
    std::uint64_t read_data_generation();
    WalWatch wal_;
    std::mutex generation_mutex_;
    std::optional<std::pair<WalIndexHeader, std::uint64_t>> known_generation_;
};

}  // namespace alis::store::sqlite
