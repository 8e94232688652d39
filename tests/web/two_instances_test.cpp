// Several alis processes on one PostgreSQL database, as behind a load balancer: a write through
// one is read through the other at once (no stale cached answer), a session made on one is valid
// on the other, and writes through both at once keep one valid audit chain. And when the database
// server goes away, alis answers 503 and is not ready, and recovers without a restart when the
// server is back. PostgreSQL only: SQLite serves one process (docs/operations.md).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <thread>

#include "app/audit_head.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace two_instances_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;
using boost::beast::http::verb;

// Skips the suite on the SQLite run of the HTTP suites: instances share only a PostgreSQL server.
#define ALIS_POSTGRES_ONLY()                                                 \
    do {                                                                     \
        if (testing::test_backend() != "postgresql") {                       \
            GTEST_SKIP() << "runs as pg.TwoInstances.* (ALIS_TEST_BACKEND)"; \
        }                                                                    \
    } while (false)

json::value body_json(const client::Response& response) {
    return json::parse(response.body());
}

client::Response set_capacity(unsigned short port, const client::SignedIn& who, int capacity) {
    return client::request(port, verb::put, "/api/v1/municipalities/4601/supervisor-capacity",
                           json::serialize(json::object{{"max_trainees", capacity}}),
                           "application/json", who.post_headers(port));
}

class TwoInstances : public ::testing::Test {
  protected:
    void SetUp() override {
        ALIS_POSTGRES_ONLY();
        first = std::make_unique<testing::TestServer>();
        testing::TestServerOptions options;
        options.database_url = first->database_url();
        second = std::make_unique<testing::TestServer>(options);
        auto& db = first->database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_trainee(db, "Anne Alis", "4601");
        testing::add_account(first->app(), "leder@bergen.no", domain::Role::leader, "4601");
    }
    std::unique_ptr<testing::TestServer> first;
    std::unique_ptr<testing::TestServer> second;
};

TEST_F(TwoInstances, AWriteThroughOneIsReadThroughTheOtherAtOnce) {
    const auto leader = *client::login(first->port(), "leder@bergen.no", kTestPassword);
    const std::string list = "/api/v1/municipalities/4601/supervisors";
    // The second instance caches its answer first.
    auto before = client::get(second->port(), list, leader.headers());
    ASSERT_EQ(before.result(), http::status::ok) << before.body();
    EXPECT_EQ(body_json(before).at("capacity").as_int64(), 2);
    for (const int capacity : {5, 3, 7}) {
        ASSERT_EQ(set_capacity(first->port(), leader, capacity).result(), http::status::ok);
        const auto after = client::get(second->port(), list, leader.headers());
        ASSERT_EQ(after.result(), http::status::ok);
        EXPECT_EQ(body_json(after).at("capacity").as_int64(), capacity)
            << "the second instance answered from a stale cache";
    }
    // And the other way round, for a page that is cached per data generation.
    const std::string municipalities = "/api/v1/municipalities";
    ASSERT_EQ(client::get(first->port(), municipalities).result(), http::status::ok);
    ASSERT_EQ(client::request(second->port(), verb::put,
                              "/api/v1/municipalities/4601/supervisor-capacity",
                              json::serialize(json::object{{"max_trainees", 4}}),
                              "application/json", leader.post_headers(second->port()))
                  .result(),
              http::status::ok)
        << "the session made on the first instance is valid on the second";
    EXPECT_EQ(
        body_json(client::get(first->port(), list, leader.headers())).at("capacity").as_int64(), 4);
}

TEST_F(TwoInstances, ASessionMadeOnOneIsValidOnTheOtherAndLoggingOutEndsItOnBoth) {
    const auto leader = *client::login(first->port(), "leder@bergen.no", kTestPassword);
    auto me = client::get(second->port(), "/api/v1/me", leader.headers());
    ASSERT_EQ(me.result(), http::status::ok) << me.body();
    EXPECT_NE(me.body().find("leder@bergen.no"), std::string::npos);
    const auto logout =
        client::request(second->port(), verb::post, "/logg-ut", "csrf_token=" + leader.csrf_token,
                        "application/x-www-form-urlencoded", leader.post_headers(second->port()));
    ASSERT_LT(logout.result_int(), 400) << logout.body();
    EXPECT_EQ(client::get(first->port(), "/api/v1/me", leader.headers()).result(),
              http::status::unauthorized);
}

TEST_F(TwoInstances, ConcurrentWritesThroughBothKeepOneValidAuditChain) {
    const auto leader = *client::login(first->port(), "leder@bergen.no", kTestPassword);
    const auto events = [&] {
        return first->database().read(
            [](const store::Snapshot& s) { return s.audit().verify().rows_checked; });
    };
    const auto before = events();
    constexpr int kWrites = 25;
    std::atomic<int> answered_ok{0};
    auto writer = [&](testing::TestServer& server, int offset) {
        for (int i = 0; i < kWrites; ++i) {
            if (set_capacity(server.port(), leader, 1 + (i + offset) % 9).result() ==
                http::status::ok) {
                ++answered_ok;
            }
        }
    };
    std::thread a(writer, std::ref(*first), 0);
    std::thread b(writer, std::ref(*second), 4);
    a.join();
    b.join();
    EXPECT_EQ(answered_ok.load(), 2 * kWrites) << "every write is kept, none refused";
    EXPECT_EQ(events(), before + 2 * kWrites) << "one audit event per write";
    for (auto* server : {first.get(), second.get()}) {
        const auto verification = app::verify_audit_chain(server->app());
        EXPECT_TRUE(verification.ok) << verification.reason;
        EXPECT_EQ(verification.rows_checked, events());
    }
}

// A PostgreSQL server of this test's own (scripts/test-postgres), which the test stops and starts.
class DatabaseOutage : public ::testing::Test {
  protected:
    void SetUp() override {
        ALIS_POSTGRES_ONLY();
        script = std::string(ALIS_SOURCE_DIR) + "/scripts/test-postgres";
        folder = (dir.path() / "pg").string();
        const auto started = testing::run_command({script, "start", folder});
        ASSERT_EQ(started.exit_code, 0) << started.err;
        url = started.out.substr(0, started.out.find('\n'));
        testing::TestServerOptions options;
        options.database_url = url;
        server = std::make_unique<testing::TestServer>(options);
        testing::add_municipality(server->database(), "4601", "Bergen", "Bergen");
    }
    void TearDown() override {
        server.reset();
        if (!folder.empty()) {
            testing::run_command({script, "stop", folder});
        }
    }
    testing::TempDir dir;
    std::string script;
    std::string folder;
    std::string url;
    std::unique_ptr<testing::TestServer> server;
};

TEST_F(DatabaseOutage, RequestsAnswer503WhileTheDatabaseIsDownAndRecoverAfter) {
    ASSERT_EQ(client::get(server->port(), "/readyz").result(), http::status::ok);
    ASSERT_EQ(client::get(server->port(), "/kommuner/4601/utdanningsplan").result(),
              http::status::ok);

    const auto stopped = testing::run_command({script, "stop", folder});
    ASSERT_EQ(stopped.exit_code, 0) << stopped.err;
    const auto page = client::get(server->port(), "/kommuner/4601/utdanningsplan");
    EXPECT_EQ(page.result(), http::status::service_unavailable);
    EXPECT_NE(page.body().find("Databasen svarer ikke"), std::string::npos) << page.body();
    EXPECT_EQ(page.body().find("PostgreSQL"), std::string::npos) << "no internals to the user";
    const auto api = client::get(server->port(), "/api/v1/municipalities");
    EXPECT_EQ(api.result(), http::status::service_unavailable);
    EXPECT_EQ(body_json(api).at("error").at("code").as_string(), "database_unavailable");
    EXPECT_EQ(client::get(server->port(), "/readyz").result(), http::status::service_unavailable);
    EXPECT_EQ(client::get(server->port(), "/healthz").result(), http::status::ok)
        << "the process itself is alive";

    const auto restarted = testing::run_command({script, "start", folder});
    ASSERT_EQ(restarted.exit_code, 0) << restarted.err;
    EXPECT_EQ(client::get(server->port(), "/readyz").result(), http::status::ok);
    EXPECT_EQ(client::get(server->port(), "/kommuner/4601/utdanningsplan").result(),
              http::status::ok);
    EXPECT_EQ(client::get(server->port(), "/api/v1/municipalities").result(), http::status::ok);
}

}  // namespace two_instances_test
}  // namespace alis::web
