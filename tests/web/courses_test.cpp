// Courses (issue 14): the courses the trainee's ruleset requires show on their page as missing,
// each course without a public source marked as assumed.
#include <gtest/gtest.h>

#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace courses_test {

using testing::kTestPassword;
namespace client = testing::client;

TEST(Courses, TheRulesetsCoursesShowAsMissingOnTheTraineesPageMarkedAssumed) {
    testing::TestServer server;
    testing::add_municipality(server.database(), "4601", "Bergen", "Bergen");
    const auto anne = testing::add_trainee(server.database(), "Anne Alis", "4601");
    testing::add_account(server.app(), "anne@alis.no", domain::Role::trainee, std::nullopt,
                         std::nullopt, anne);
    const auto session = *client::login(server.port(), "anne@alis.no", kTestPassword);
    const auto page =
        client::get(server.port(), "/personer/" + std::to_string(anne), session.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    // rules/courses/courses.toml, allmennmedisin-2019 (the default ruleset).
    for (const auto* text : {"Kurs som mangler", "Kurs i akuttmedisin og legevaktarbeid (40 timer)",
                             "Kurs i kommunikasjon og veiledning (15 timer)",
                             "antatt: ingen offentlig kilde funnet"}) {
        EXPECT_NE(page.body().find(text), std::string::npos) << text;
    }
    EXPECT_EQ(page.body().find("Grunnkurs A"), std::string::npos) << "the pre-2019 scheme's";
}

}  // namespace courses_test
}  // namespace alis::web
