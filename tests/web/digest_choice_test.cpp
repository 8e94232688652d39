// The daily e-mail digest's choice on /meg (issue 14): each account turns it off and on again
// with a form on its own page, each change audited; a bad value is 400 with a Norwegian message.
#include <gtest/gtest.h>

#include "app/digests.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace digest_choice_test {

using testing::kTestPassword;
namespace client = testing::client;
using http::verb;

class DigestChoice : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        anne = testing::add_trainee(db, "Anne Alis", "4601");
        account = testing::add_account(server.app(), "anne@alis.no", domain::Role::trainee,
                                       std::nullopt, std::nullopt, anne);
        session = *client::login(server.port(), "anne@alis.no", kTestPassword);
    }
    client::Response choose(const std::string& value) {
        return client::request(
            server.port(), verb::post, "/meg/varsler", client::form_body({{"digest", value}}),
            "application/x-www-form-urlencoded", session.post_headers(server.port()));
    }
    std::string me_page() { return client::get(server.port(), "/meg", session.headers()).body(); }
    std::size_t audited(const std::string& action) {
        return server.database()
            .read([&](const store::Snapshot& s) {
                return s.audit().events_about(anne, action, 10, 0);
            })
            .size();
    }

    testing::TestServer server;
    std::int64_t anne = 0;
    std::int64_t account = 0;
    client::SignedIn session;
};

TEST_F(DigestChoice, IsTurnedOffAndOnAgainOnTheAccountsOwnPageAndEachChangeIsAudited) {
    EXPECT_NE(me_page().find("Skru av e-posten"), std::string::npos);

    const auto off = choose("av");
    EXPECT_EQ(off.result(), http::status::see_other) << off.body();
    EXPECT_EQ(app::digest_choice(server.app(), account), app::DigestChoice::opt_out);
    const auto page = client::get(server.port(), "/meg?lagret=av", session.headers()).body();
    EXPECT_NE(page.find("Du får ikke lenger e-post om nye oppgaver."), std::string::npos);
    EXPECT_NE(page.find("Skru på e-posten"), std::string::npos);
    EXPECT_EQ(audited("account.digest_opted_out"), 1u);

    EXPECT_EQ(choose("paa").result(), http::status::see_other);
    EXPECT_EQ(app::digest_choice(server.app(), account), app::DigestChoice::receive);
    EXPECT_EQ(audited("account.digest_opted_in"), 1u);
}

TEST_F(DigestChoice, ABadValueIsABadRequestWithANorwegianMessageAndChangesNothing) {
    const auto r = choose("kanskje");
    EXPECT_EQ(r.result(), http::status::bad_request);
    EXPECT_NE(r.body().find("Velg om du vil ha e-posten eller ikke."), std::string::npos)
        << r.body();
    EXPECT_EQ(app::digest_choice(server.app(), account), app::DigestChoice::receive);
}

}  // namespace digest_choice_test
}  // namespace alis::web
