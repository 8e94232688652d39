// Why a doctor left an ALIS post and where they went: recorded by the leader on an ended
// employment, through the form and the JSON API, shown on the person's page, changed later with
// the change audited, and the training status following "the training ended".
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
using client::form_body;
using Fields = std::vector<std::pair<std::string, std::string>>;

class Departures : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        // Her post ends at the end of the year: the leader records the departure while the
        // municipality still employs her (the policy gives a leader the records of the people
        // the municipality employs or has hired).
        kari = testing::add_trainee(db, "Kari Nordmann", "4601", "2023-01-01", "2026-12-31");
        ola = testing::add_trainee(db, "Ola Nordmann", "4601", "2024-01-01");
        db.read([&](const store::Snapshot& s) {
            ended = s.people().employments_of(kari).front().id;
            ongoing = s.people().employments_of(ola).front().id;
        });
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    std::string form_path(std::int64_t person, std::int64_t employment) const {
        return "/personer/" + std::to_string(person) + "/ansettelser/" +
               std::to_string(employment) + "/avslutning";
    }
    std::string api_path(std::int64_t person, std::int64_t employment) const {
        return "/api/v1/people/" + std::to_string(person) + "/employments/" +
               std::to_string(employment) + "/departure";
    }
    client::Response post(const std::string& path, Fields fields, const client::SignedIn& who) {
        fields.emplace_back("csrf_token", who.csrf_token);
        return client::request(server.port(), http::verb::post, path, form_body(fields),
                               "application/x-www-form-urlencoded",
                               who.post_headers(server.port()));
    }
    client::Response put(const std::string& path, const json::object& body,
                         const client::SignedIn& who) {
        return client::request(server.port(), http::verb::put, path, json::serialize(body),
                               "application/json", who.post_headers(server.port()));
    }
    std::vector<domain::Departure> departures(std::int64_t person) {
        return server.database().read(
            [&](const store::Snapshot& s) { return s.people().departures_of(person); });
    }
    domain::TrainingStatus status(std::int64_t person) {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.people().find(person); })
            ->training_status;
    }
    std::vector<std::string> actions(std::int64_t person) {
        std::vector<std::string> out;
        for (const auto& e : server.database().read(
                 [&](const store::Snapshot& s) { return s.audit().events_about(person, 50); })) {
            out.push_back(e.action);
        }
        return out;
    }
    int count(const std::vector<std::string>& all, const std::string& action) {
        return static_cast<int>(std::count(all.begin(), all.end(), action));
    }

    TestServer server;
    std::int64_t kari = 0;
    std::int64_t ola = 0;
    std::int64_t ended = 0;
    std::int64_t ongoing = 0;
    client::SignedIn leader;
};

TEST_F(Departures, TheLeaderRecordsWhyAPostEndedAndThePersonsPageShowsIt) {
    const std::string person = "/personer/" + std::to_string(kari);
    auto page = client::get(server.port(), person, leader.headers()).body();
    EXPECT_NE(page.find("Ikke registrert"), std::string::npos);
    EXPECT_NE(page.find("href=\"" + form_path(kari, ended) + "\""), std::string::npos);

    const auto form = client::get(server.port(), form_path(kari, ended), leader.headers());
    ASSERT_EQ(form.result(), http::status::ok);
    EXPECT_NE(form.body().find("name=\"reason\""), std::string::npos);
    EXPECT_NE(form.body().find("name=\"destination\""), std::string::npos);
    EXPECT_NE(form.body().find("Lønn og arbeidsvilkår"), std::string::npos);

    const auto r = post(form_path(kari, ended),
                        {{"reason", "pay_and_conditions"}, {"destination", "hospital"}}, leader);
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], person + "?lagret=avslutning");
    const auto kept = departures(kari);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].employment_id, ended);
    EXPECT_EQ(kept[0].reason, domain::DepartureReason::pay_and_conditions);
    EXPECT_EQ(kept[0].destination, domain::Destination::hospital);
    EXPECT_FALSE(kept[0].training_ended);
    EXPECT_EQ(kept[0].recorded_by, "leder (leder@bergen.no)");
    EXPECT_EQ(status(kari), domain::TrainingStatus::in_training) << "only the post ended";
    EXPECT_EQ(count(actions(kari), "departure.recorded"), 1);

    page = client::get(server.port(), person + "?lagret=avslutning", leader.headers()).body();
    EXPECT_NE(page.find("Avslutningen er lagret."), std::string::npos);
    EXPECT_NE(page.find("Lønn og arbeidsvilkår, Sykehus"), std::string::npos);
    EXPECT_EQ(page.find("Ikke registrert"), std::string::npos);
}

TEST_F(Departures, RecordedAgainTheDepartureIsReplacedTheChangeAuditedAndTheStatusFollows) {
    auto r =
        put(api_path(kari, ended),
            {{"reason", "became_specialist"}, {"destination", "unknown"}, {"training_ended", true}},
            leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto body = json::parse(r.body()).as_object();
    EXPECT_EQ(body.at("reason"), "became_specialist");
    EXPECT_EQ(body.at("training_ended"), true);
    EXPECT_EQ(status(kari), domain::TrainingStatus::specialist);

    // A mistake corrected: the doctor went on in the training elsewhere.
    r = put(api_path(kari, ended),
            {{"reason", "moved_on_in_training"}, {"destination", "other_alis_post"}}, leader);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto kept = departures(kari);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].reason, domain::DepartureReason::moved_on_in_training);
    EXPECT_FALSE(kept[0].training_ended);
    EXPECT_EQ(status(kari), domain::TrainingStatus::in_training)
        << "the status the first record set goes back";
    const auto all = actions(kari);
    EXPECT_EQ(count(all, "departure.recorded"), 1);
    EXPECT_EQ(count(all, "departure.changed"), 1);

    // The person's API lists it.
    const auto person =
        json::parse(
            client::get(server.port(), "/api/v1/people/" + std::to_string(kari), leader.headers())
                .body())
            .as_object();
    ASSERT_EQ(person.at("departures").as_array().size(), 1u);
    EXPECT_EQ(person.at("departures").as_array()[0].at("destination"), "other_alis_post");
}

TEST_F(Departures, BadInputAnOngoingPostAndAnotherMunicipalityAreRefusedAndStoreNothing) {
    // An unknown reason: 422 with the field named, in Norwegian, nothing stored.
    auto r = put(api_path(kari, ended), {{"reason", "bored"}, {"destination", "hospital"}}, leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    EXPECT_NE(r.body().find("reason"), std::string::npos);
    r = post(form_path(kari, ended), {{"destination", "hospital"}}, leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("name=\"reason\""), std::string::npos) << "the form again";

    // A post that has not ended has no departure yet.
    r = put(api_path(ola, ongoing), {{"reason", "workload"}, {"destination", "hospital"}}, leader);
    EXPECT_EQ(r.result(), http::status::conflict) << r.body();
    EXPECT_NE(r.body().find("ingen sluttdato"), std::string::npos);
    EXPECT_EQ(client::get(server.port(), form_path(ola, ongoing), leader.headers()).result(),
              http::status::conflict);

    // Someone else's employment id under this person is not found.
    r = put(api_path(kari, ongoing), {{"reason", "workload"}, {"destination", "hospital"}}, leader);
    EXPECT_EQ(r.result(), http::status::not_found);

    // Another municipality's leader may not record it.
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    r = put(api_path(kari, ended), {{"reason", "workload"}, {"destination", "hospital"}}, tromso);
    EXPECT_EQ(r.result(), http::status::forbidden);

    EXPECT_TRUE(departures(kari).empty());
    EXPECT_TRUE(departures(ola).empty());
    EXPECT_EQ(status(kari), domain::TrainingStatus::in_training);
}

}  // namespace
}  // namespace alis::web
