// `alis db grant` as an operator runs it: the owner grants a login role, and alis then runs as
// that role, which may add to the audit trail but never change or remove what it holds.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "app/accounts.hpp"
#include "app/audit_head.hpp"
#include "app/auth.hpp"
#include "store/installation.hpp"
#include "support/fixtures.hpp"
#include "support/postgres.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace db_grant_cli_test {

using testing::CommandResult;
using testing::is_one_error_line;

// Runs the alis binary, as the operator would.
constexpr auto alis = &testing::run_alis;

// A login role on the test server, dropped at the end (after the databases it may use).
class LoginRole {
  public:
    explicit LoginRole(std::string server_url) : server_url_(std::move(server_url)) {
        std::random_device device;
        name_ = "alis_app_" + std::to_string(device() % 1000000);
        pqxx::connection admin(server_url_);
        pqxx::nontransaction(admin).exec("CREATE ROLE " + name_ + " LOGIN");
    }
    ~LoginRole() {
        try {
            pqxx::connection admin(server_url_);
            pqxx::nontransaction(admin).exec("DROP ROLE IF EXISTS " + name_);
        } catch (const std::exception&) {
            // The server is gone; the role goes with the test cluster.
        }
    }
    LoginRole(const LoginRole&) = delete;
    LoginRole& operator=(const LoginRole&) = delete;
    const std::string& name() const { return name_; }

  private:
    std::string server_url_;
    std::string name_;
};

// `url` with its user replaced by `user` (postgresql://user@host/db?...).
std::string as_user(const std::string& url, const std::string& user) {
    const auto authority = url.find("://") + 3;
    const auto at = url.find('@', authority);
    const auto path = url.find('/', authority);
    const auto rest = at != std::string::npos && at < path ? at + 1 : authority;
    return url.substr(0, authority) + user + "@" + url.substr(rest);
}

// The SQLSTATE of running `sql` on `url` in a transaction that is rolled back, or "" when it
// succeeds. libpqxx 6.4 picks its exception class by SQLSTATE, but leaves sqlstate() empty for
// some classes, among them insufficient_privilege (42501), so that class is named here.
std::string sqlstate_of(const std::string& url, const std::string& sql) {
    pqxx::connection connection(url);
    try {
        pqxx::work tx(connection);
        tx.exec(sql);
        tx.abort();
        return "";
    } catch (const pqxx::insufficient_privilege&) {
        return "42501";
    } catch (const pqxx::sql_error& e) {
        return e.sqlstate().empty() ? "unknown" : e.sqlstate();
    }
}

using Privileges = std::set<std::tuple<std::string, std::string>>;

// The table privileges the role holds: (table, privilege).
Privileges privileges_of(const std::string& url, const std::string& role) {
    pqxx::connection connection(url);
    pqxx::nontransaction tx(connection);
    Privileges result;
    for (const auto& row :
         tx.exec_params("SELECT table_name, privilege_type FROM information_schema.table_privileges"
                        " WHERE grantee = $1",
                        role)) {
        result.emplace(row[0].c_str(), row[1].c_str());
    }
    return result;
}

class DbGrantCli : public ::testing::Test {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        role_ = std::make_unique<LoginRole>(testing::postgres_server_url().value());
        auto owner = testing::open_app(database_.url());
        testing::add_municipality(owner->database(), "4601", "Bergen", "Vest");
        testing::add_trainee(owner->database(), "Før Tildelingen", "4601");
        auto event = app::administration_event(*owner, "drift@alis.invalid");
        event.action = "test.before_grant";
        app::record_audit(*owner, event);
    }
    std::string app_url() { return as_user(database_.url(), role_->name()); }

    std::unique_ptr<LoginRole> role_;  // Dropped after the database, which names it in a grant.
    testing::TestDatabase database_{"postgresql"};
};

TEST_F(DbGrantCli, TheApplicationRoleRunsAlisAndAppendsToTheAuditTrailButCannotChangeIt) {
    const auto grant = alis({"db", "grant", "--db", database_.url(), "--role", role_->name()});
    ASSERT_EQ(grant.exit_code, 0) << grant.err;
    EXPECT_TRUE(grant.out.starts_with("granted " + role_->name())) << grant.out;

    {
        auto as_app = app::Application::open(app_url(), testing::fixed_clock(), 1);
        EXPECT_EQ(as_app->migrate(), 0) << "an up-to-date database needs no DDL";
        testing::add_trainee(as_app->database(), "Etter Tildelingen", "4601");
        auto event = app::administration_event(*as_app, "drift@alis.invalid");
        event.action = "test.as_application_role";
        app::record_audit(*as_app, event);
        const auto chain = app::verify_audit_chain(*as_app);
        EXPECT_TRUE(chain.ok) << chain.reason;
        EXPECT_EQ(chain.rows_checked, 2);
    }

    constexpr const char* kPermissionDenied = "42501";
    EXPECT_EQ(sqlstate_of(app_url(), "UPDATE audit_events SET outcome = 'changed'"),
              kPermissionDenied);
    EXPECT_EQ(sqlstate_of(app_url(), "DELETE FROM audit_events"), kPermissionDenied);
    EXPECT_EQ(sqlstate_of(app_url(), "UPDATE record_corrections SET reason = 'x'"),
              kPermissionDenied);
    EXPECT_EQ(sqlstate_of(app_url(), "DELETE FROM education_plan_periods"), kPermissionDenied);
    EXPECT_EQ(sqlstate_of(app_url(), "TRUNCATE people CASCADE"), kPermissionDenied);
    EXPECT_EQ(sqlstate_of(app_url(), "INSERT INTO schema_migrations VALUES (99, 'x')"),
              kPermissionDenied);
    EXPECT_EQ(sqlstate_of(app_url(), "CREATE TABLE intruder (id integer)"), kPermissionDenied);
    EXPECT_EQ(sqlstate_of(app_url(), "UPDATE people SET full_name = full_name || ''"), "");
    EXPECT_EQ(sqlstate_of(app_url(), "DELETE FROM sessions"), "");

    const auto verify = alis({"audit", "verify", "--db", app_url()});
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
    EXPECT_TRUE(verify.out.starts_with("audit chain ok: 2 rows")) << verify.out;
}

TEST_F(DbGrantCli, GrantsExactlyThePrivilegesListedAndTheSameWhenRunAgain) {
    ASSERT_EQ(alis({"db", "grant", "--db", database_.url(), "--role", role_->name()}).exit_code, 0);
    const auto granted = privileges_of(database_.url(), role_->name());
    const std::set<std::string> append_only = {"audit_events", "education_plan_revisions",
                                               "education_plan_periods", "record_corrections"};
    std::set<std::string> tables;
    for (const auto& [table, privilege] : granted) {
        tables.insert(table);
    }
    // Every table a copy moves, and schema_migrations and data_generation, which it does not.
    EXPECT_EQ(tables.size(), store::installation_tables().size() + 2)
        << "every table of the schema, schema_migrations included";
    for (const auto& table : tables) {
        const std::vector<std::string> expected =
            table == "schema_migrations" ? std::vector<std::string>{"SELECT"}
            : append_only.contains(table)
                ? std::vector<std::string>{"INSERT", "SELECT"}
                : std::vector<std::string>{"DELETE", "INSERT", "SELECT", "UPDATE"};
        std::vector<std::string> held;
        for (const auto& [t, privilege] : granted) {
            if (t == table) {
                held.push_back(privilege);
            }
        }
        EXPECT_EQ(held, expected) << table;
    }

    ASSERT_EQ(alis({"db", "grant", "--db", database_.url(), "--role", role_->name()}).exit_code, 0);
    EXPECT_EQ(privileges_of(database_.url(), role_->name()), granted);
}

TEST_F(DbGrantCli, AnUnknownRoleGivesOneLine) {
    const auto r = alis({"db", "grant", "--db", database_.url(), "--role", "no_such_role_here"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r)) << r.err;
    EXPECT_NE(r.err.find("no_such_role_here"), std::string::npos) << r.err;
}

TEST(DbGrantCliOnSqlite, IsRefusedWithOneLineAndCreatesNothing) {
    testing::TempDir dir;
    const auto r = alis({"db", "grant", "--db", dir.sqlite_url(), "--role", "alis_app"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(r)) << r.err;
    EXPECT_NE(r.err.find("PostgreSQL"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "alis.db"));
}

}  // namespace db_grant_cli_test
}  // namespace alis::cli
