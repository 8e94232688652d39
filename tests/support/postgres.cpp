#include "support/postgres.hpp"

#include <pqxx/pqxx>

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <random>

#include "app/hashing.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

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

namespace {

std::string unique_database_name(const char* prefix) {
    static std::atomic<int> counter{0};
    std::random_device device;
    return prefix + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
           std::to_string(device() % 100000);
}

// The template of the migrated schema is named after the SHA-256 of the migrations compiled in,
// so that a server kept between runs never hands out an older schema.
std::string migrated_template_name() {
    std::string migrations;
    for (const auto& m : store::migrations_for("postgresql")) {
        migrations += m.name;
        migrations += '\n';
        migrations += m.sql;
        migrations += '\n';
    }
    return "alis_template_" + app::sha256_hex(migrations).substr(0, 16);
}

// Makes the template once per server: under an advisory lock (tests start at once), migrated
// under a name of its own and renamed when whole, so that a test that dies midway leaves none.
std::string migrated_template(pqxx::connection& admin, const std::string& server_url) {
    static const std::string name = migrated_template_name();
    constexpr const char* kLock = "SELECT pg_advisory_lock(7302946)";
    constexpr const char* kUnlock = "SELECT pg_advisory_unlock(7302946)";
    pqxx::nontransaction session(admin);
    session.exec(kLock);
    try {
        if (session.exec("SELECT 1 FROM pg_database WHERE datname = " + session.quote(name))
                .empty()) {
            const std::string building = unique_database_name("alis_building_");
            session.exec("CREATE DATABASE " + building + " STRATEGY FILE_COPY");
            store::open_database(TempPostgres::with_database(server_url, building), 1)->migrate();
            session.exec("ALTER DATABASE " + building + " RENAME TO " + name);
        }
    } catch (...) {
        session.exec(kUnlock);
        throw;
    }
    session.exec(kUnlock);
    return name;
}

}  // namespace

TempPostgres::TempPostgres(const std::string& server_url, Schema schema)
    : server_url_(server_url), name_(unique_database_name("alis_test_")) {
    pqxx::connection admin(server_url_);
    const std::string from = schema == Schema::migrated
                                 ? " TEMPLATE " + migrated_template(admin, server_url_)
                                 : std::string();
    pqxx::nontransaction(admin).exec("CREATE DATABASE " + name_ + from + " STRATEGY FILE_COPY");
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
