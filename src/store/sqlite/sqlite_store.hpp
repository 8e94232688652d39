#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace alis::store {

// The embedded SQLite backend: one writer connection behind a mutex (SQLite allows one writer at a
// time anyway) and a pool of read-only connections that WAL lets run beside the writer.
class SqliteStore final : public Store {
  public:
    // Opens or creates the database file; throws StoreError with the path and reason on failure.
    SqliteStore(std::string path, int reader_connections);
    ~SqliteStore() override;

    int migrate() override;
    std::vector<int> applied_migrations() override;
    bool ping() override;
    void write(const std::function<void(StoreWriter&)>& work) override;
    std::uint64_t write_generation() const override { return generation_.load(); }
    std::vector<Municipality> municipalities() override;
    std::vector<MunicipalitySummary> municipality_summaries(Date day) override;
    std::optional<Person> person(std::int64_t id) override;
    std::vector<Employment> employments_of(std::int64_t person_id) override;
    std::vector<Leave> leaves_of(std::int64_t person_id) override;
    int count_people(TrainingStatus status) override;

  private:
    class ReaderLease;
    ReaderLease reader();

    std::string path_;
    std::mutex write_mutex_;
    std::atomic<std::uint64_t> generation_{0};
    std::unique_ptr<sqlite::Connection> writer_;

    std::mutex pool_mutex_;
    std::condition_variable pool_available_;
    std::vector<std::unique_ptr<sqlite::Connection>> idle_readers_;
};

}  // namespace alis::store
