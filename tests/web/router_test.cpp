// The router: typed path parameters are parsed once when matching, and text that is not a valid
// value does not match the route, so it is 404 before any access is decided.
#include <gtest/gtest.h>

#include <stdexcept>

#include "support/fixtures.hpp"
#include "support/test_server.hpp"
#include "web/router.hpp"

namespace alis::web {
namespace router_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

Response ok(const Request&, RequestContext&) {
    return Response{http::status::ok, 11};
}

TEST(Router, AnIdParameterMatchesOnlyAPositiveDecimalInt64) {
    Router router;
    router.add(http::verb::get, "/personer/{person:id}", {app::Action::read_person}, ok);
    const auto match = router.match(http::verb::get, "/personer/42");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.ids.at("person"), 42);
    EXPECT_TRUE(match.params.empty());
    EXPECT_EQ(match.route->name, "/personer/{person}");
    EXPECT_EQ(router.match(http::verb::get, "/personer/9223372036854775807").ids.at("person"),
              9223372036854775807);
    for (const char* path :
         {"/personer/abc", "/personer/0", "/personer/-1", "/personer/+1", "/personer/7x",
          "/personer/ 7", "/personer/99999999999999999999", "/personer/9223372036854775808"}) {
        const auto refused = router.match(http::verb::get, path);
        EXPECT_EQ(refused.route, nullptr) << path;
        EXPECT_FALSE(refused.method_not_allowed) << path;
    }
}

TEST(Router, TextParametersStayText) {
    Router router;
    router.add(http::verb::get, "/kommuner/{number}/arenaer/{arena:id}", {app::Action::view_public},
               ok);
    const auto match = router.match(http::verb::get, "/kommuner/0301/arenaer/7");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.params.at("number"), "0301");
    EXPECT_EQ(match.ids.at("arena"), 7);
    EXPECT_EQ(match.route->name, "/kommuner/{number}/arenaer/{arena}");
}

TEST(Router, RefusesUnknownParameterTypes) {
    Router router;
    EXPECT_THROW(router.add(http::verb::get, "/a/{x:uuid}", {app::Action::view_public}, ok),
                 std::invalid_argument);
    EXPECT_THROW(router.add(http::verb::get, "/a/{:id}", {app::Action::view_public}, ok),
                 std::invalid_argument);
    EXPECT_THROW(router.add(http::verb::get, "/a/b{x}", {app::Action::view_public}, ok),
                 std::invalid_argument);
}

TEST(Router, AnIdThatIsNoIdIsNotFoundBeforeAccessIsDecided) {
    TestServer server;
    auto& db = server.database();
    testing::add_municipality(db, "4601", "Bergen", "Bergen");
    const auto trainee = testing::add_trainee(db, "Kari Nordmann", "4601");
    testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
    const auto leader = client::login(server.port(), "leder@bergen.no", kTestPassword);
    ASSERT_TRUE(leader);
    for (const char* id : {"abc", "0", "-1", "99999999999999999999"}) {
        for (const std::string prefix : {"/personer/", "/api/v1/people/"}) {
            EXPECT_EQ(client::get(server.port(), prefix + id, leader->headers()).result(),
                      http::status::not_found)
                << prefix << id;
            // Also without a session: no login page, no 401, for a path that names nothing.
            EXPECT_EQ(client::get(server.port(), prefix + id).result(), http::status::not_found)
                << prefix << id;
        }
    }
    // No denial was audited for them: access was never asked.
    for (const auto& e :
         db.read([&](const store::Snapshot& s) { return s.audit().events_about(trainee, 100); })) {
        EXPECT_NE(e.action, "access.denied");
    }
    // A valid id reaches the handler.
    const auto page =
        client::get(server.port(), "/personer/" + std::to_string(trainee), leader->headers());
    EXPECT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("Kari Nordmann"), std::string::npos);
}

}  // namespace router_test
}  // namespace alis::web
