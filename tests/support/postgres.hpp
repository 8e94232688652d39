#pragma once

#include <memory>
#include <optional>
#include <string>

#include "support/temp_dir.hpp"

namespace alis::testing {

// The test PostgreSQL server that `make test` starts (scripts/test-postgres, which sets
// ALIS_TEST_POSTGRES_URL), or nullopt when the tests run without one. With
// ALIS_REQUIRE_POSTGRES=1 (as make test sets it), a missing server fails the test instead of
// skipping it, so that the PostgreSQL half of a suite can never silently not run.
std::optional<std::string> postgres_server_url();
bool postgres_required();

// A fresh database on the test server, dropped (with its connections) at the end: empty, or
// already holding the schema of the migrations compiled in (a copy of a template database that
// the first such test of a server migrates, about a fifth of a second of the server's CPU less
// for each test after it; docs/performance.md).
class TempPostgres {
  public:
    enum class Schema { empty, migrated };
    explicit TempPostgres(const std::string& server_url, Schema schema = Schema::empty);
    ~TempPostgres();
    TempPostgres(const TempPostgres&) = delete;
    TempPostgres& operator=(const TempPostgres&) = delete;

    // Its URL, as alis takes it with --db.
    const std::string& url() const { return url_; }
    // The same URL naming another database of the server (e.g. for an admin connection).
    static std::string with_database(const std::string& url, const std::string& database);

  private:
    std::string server_url_;
    std::string name_;
    std::string url_;
};

// The database of one test on one backend: "sqlite" (a file in a temp folder) or "postgresql"
// (a fresh database on the test server).
class TestDatabase {
  public:
    explicit TestDatabase(std::string backend) : backend_(std::move(backend)) {}
    // False (with the reason in `why`) when the backend cannot run here.
    bool available(std::string& why) const;
    // The URL of this test's database; the PostgreSQL one is created on first call.
    std::string url();
    // A second, separate database of the same backend (for copies between databases).
    std::string other_url();
    const std::string& backend() const { return backend_; }
    const TempDir& dir() const { return dir_; }

  private:
    std::string backend_;
    TempDir dir_;
    std::unique_ptr<TempPostgres> postgres_;
    std::unique_ptr<TempPostgres> other_postgres_;
};

}  // namespace alis::testing

// Skips (or, with ALIS_REQUIRE_POSTGRES=1, fails) a test whose backend cannot run here.
#define ALIS_REQUIRE_BACKEND(database)                  \
    do {                                                \
        std::string alis_why;                           \
        if (!(database).available(alis_why)) {          \
            if (::alis::testing::postgres_required()) { \
                FAIL() << alis_why;                     \
            }                                           \
            GTEST_SKIP() << alis_why;                   \
        }                                               \
    } while (false)
