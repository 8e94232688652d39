// The stability API: curves and reasons for a municipality, a region and the country, with
// small groups shown only to the municipality's own leader.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;
using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

class StabilityApi : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4627", "Askøy", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Tromsø");
        // Bergen: three posts, two of them ended for pay and conditions.
        const auto a = testing::add_trainee(db, "A", "4601", "2023-01-01", "2024-12-31");
        const auto b = testing::add_trainee(db, "B", "4601", "2023-01-01", "2025-06-30");
        testing::add_trainee(db, "C", "4601", "2024-01-01");
        // Askøy: six posts, one ended.
        for (int i = 0; i < 6; ++i) {
            testing::add_trainee(db, "Askøy " + std::to_string(i), "4627", "2022-01-01",
                                 i == 0 ? "2023-06-30" : nullptr);
        }
        db.write([&](store::UnitOfWork& w) {
            for (const auto person : {a, b}) {
                domain::Departure d;
                d.employment_id = w.people().employments_of(person).front().id;
                d.reason = domain::DepartureReason::pay_and_conditions;
                d.destination = domain::Destination::hospital;
                d.recorded_at = "2025-07-01T08:00:00Z";
                d.recorded_by = "Leder";
                w.people().put_departure(d);
            }
        });
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "nasjonal@alis.no", domain::Role::national);
    }

    json::object get(const std::string& path, const std::string& email,
                     http::status expected = http::status::ok) {
        const auto who = client::login(server.port(), email, kTestPassword);
        EXPECT_TRUE(who) << email;
        const auto r = client::get(server.port(), path, who->headers());
        EXPECT_EQ(r.result(), expected) << path << " as " << email << ": " << r.body();
        const auto value = json::parse(r.body());
        return value.is_object() ? value.as_object() : json::object{};
    }
    static std::optional<std::int64_t> reason_count(const json::object& body,
                                                    std::string_view reason) {
        for (const auto& r : body.at("reasons").as_array()) {
            if (r.at("reason").as_string() == reason) {
                return r.at("count").is_null()
                           ? std::nullopt
                           : std::optional(r.at("count").to_number<std::int64_t>());
            }
        }
        ADD_FAILURE() << reason << " is not listed";
        return std::nullopt;
    }

    TestServer server;
};

TEST_F(StabilityApi, TheLeaderSeesTheMunicipalitysSmallGroupInFull) {
    const auto body = get("/api/v1/municipalities/4601/stability", "leder@bergen.no");
    EXPECT_EQ(body.at("small_cells"), "shown");
    EXPECT_EQ(body.at("posts"), 3);
    ASSERT_EQ(body.at("groups").as_array().size(), 1u);
    const auto& all = body.at("groups").as_array()[0].as_object();
    EXPECT_EQ(all.at("n"), 3);
    EXPECT_EQ(all.at("events"), 2);
    // Ended after 731 and 912 days (both days counted); the third is still in post.
    const auto& steps = all.at("steps").as_array();
    ASSERT_GE(steps.size(), 2u);
    EXPECT_EQ(steps[0].at("time"), 731);
    EXPECT_EQ(steps[0].at("n_risk"), 3);
    EXPECT_EQ(steps[0].at("n_event"), 1);
    EXPECT_EQ(reason_count(body, "pay_and_conditions"), 2);
    EXPECT_EQ(reason_count(body, "workload"), 0);
    EXPECT_FALSE(body.contains("logrank")) << "one group";
}

TEST_F(StabilityApi, OutsideTheMunicipalityAGroupOfFewerThanFiveAndSmallCountsAreNotShown) {
    auto body = get("/api/v1/municipalities/4601/stability", "kontor@bergen.no");
    EXPECT_EQ(body.at("small_cells"), "protected");
    EXPECT_TRUE(body.at("groups").as_array().empty());
    EXPECT_EQ(body.at("groups_left_out"), 1);
    EXPECT_EQ(reason_count(body, "pay_and_conditions"), std::nullopt);

    // The region: nine posts in one group, shown until fewer than five are at risk.
    body = get("/api/v1/regions/Bergen/stability", "kontor@bergen.no");
    ASSERT_EQ(body.at("groups").as_array().size(), 1u);
    const auto& region = body.at("groups").as_array()[0].as_object();
    EXPECT_EQ(region.at("n"), 9);
    for (const auto& step : region.at("steps").as_array()) {
        EXPECT_GE(step.at("n_risk").to_number<std::int64_t>(), 5);
    }
    // By municipality office for the country: Bergen's 9 shown, Tromsø's none.
    body = get("/api/v1/stability?group=alis_office&outcome=in_training", "nasjonal@alis.no");
    EXPECT_EQ(body.at("outcome"), "in_training");
    ASSERT_EQ(body.at("groups").as_array().size(), 1u);
    EXPECT_EQ(body.at("groups").as_array()[0].at("group"), "Bergen");
}

TEST_F(StabilityApi, GroupsAreComparedAndABadChoiceIsRefused) {
    const auto body = get("/api/v1/regions/Bergen/stability?group=start_year", "kontor@bergen.no");
    // 2022 (six in Askøy) is shown; 2023 (two) and 2024 (one) are left out.
    ASSERT_EQ(body.at("groups").as_array().size(), 1u);
    EXPECT_EQ(body.at("groups").as_array()[0].at("group"), "2022");
    EXPECT_EQ(body.at("groups_left_out"), 2);
    EXPECT_TRUE(body.at("logrank").is_null()) << "one group shown: no test";

    get("/api/v1/stability?group=hair_colour", "nasjonal@alis.no", http::status::bad_request);
    get("/api/v1/stability?outcome=forever", "nasjonal@alis.no", http::status::bad_request);
    // The region of another office is not the office's.
    get("/api/v1/regions/Troms%C3%B8/stability", "kontor@bergen.no", http::status::forbidden);
}

}  // namespace
}  // namespace alis::web
