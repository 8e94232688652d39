#include "support/postgres.hpp"

#include <pqxx/pqxx>

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <random>

namespace alis::testing {

std::optional<std::string> postgres_server_url() {
    const char* url = std::getenv("ALIS_TEST_POSTGRES_URL");
    if (url == nullptr || *url == '\0') {
        return std::nullopt;
    }
    return std::string(url);
}

bool postgres_required() {
    const char* required = std::getenv("ALIS_REQUIRE_POSTGRES");
    return required != nullptr && std::string(required) == "1";
}

std::string TempPostgres::with_database(const std::string& url, const std::string& database) {
    // postgresql://[userinfo@][host][:port]/dbname[?params]
    const auto authority = url.find("://");
    const auto slash = url.find('/', authority == std::string::npos ? 0 : authority + 3);
    if (slash == std::string::npos) {
        return url + "/" + database;
    }
    const auto query = url.find('?', slash);
    return url.substr(0, slash + 1) + database +
           (query == std::string::npos ? std::string() : url.substr(query));
}

TempPostgres::TempPostgres(const std::string& server_url) : server_url_(server_url) {
    static std::atomic<int> counter{0};
    std::random_device device;
    name_ = "alis_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
            std::to_string(device() % 100000);
    pqxx::connection admin(server_url_);
    pqxx::nontransaction(admin).exec("CREATE DATABASE " + name_ + " STRATEGY FILE_COPY");
    url_ = with_database(server_url_, name_);
}

TempPostgres::~TempPostgres() {
    try {
        pqxx::connection admin(server_url_);
        pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The server is gone (a test stopped it): the whole cluster goes with make test.
    }
}

bool TestDatabase::available(std::string& why) const {
    if (backend_ == "sqlite") {
        return true;
    }
    if (!postgres_server_url()) {
        why = "no test PostgreSQL: run through make test, or scripts/test-postgres run DIR -- CMD";
        return false;
    }
    return true;
}

std::string TestDatabase::url() {
    if (backend_ == "sqlite") {
        return dir_.sqlite_url();
    }
    if (!postgres_) {
        postgres_ = std::make_unique<TempPostgres>(postgres_server_url().value());
    }
    return postgres_->url();
}

std::string TestDatabase::other_url() {
    if (backend_ == "sqlite") {
        return dir_.sqlite_url("other.db");
    }
    if (!other_postgres_) {
        other_postgres_ = std::make_unique<TempPostgres>(postgres_server_url().value());
    }
    return other_postgres_->url();
}

}  // namespace alis::testing
