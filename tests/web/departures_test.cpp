// Why a doctor left an ALIS post and where they went: recorded by the leader on an ended
// employment, through the form and the JSON API, shown on the person's page, changed later with
// the change audited, and the training status following "the training ended".
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace departures_test {

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

    // Someone else's employment id under this person is refused as someone else's record is.
    r = put(api_path(kari, ongoing), {{"reason", "workload"}, {"destination", "hospital"}}, leader);
    EXPECT_EQ(r.result(), http::status::forbidden);

    // Another municipality's leader may not record it.
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    r = put(api_path(kari, ended), {{"reason", "workload"}, {"destination", "hospital"}}, tromso);
    EXPECT_EQ(r.result(), http::status::forbidden);

    EXPECT_TRUE(departures(kari).empty());
    EXPECT_TRUE(departures(ola).empty());
    EXPECT_EQ(status(kari), domain::TrainingStatus::in_training);
}

// A doctor whose post ended before today (2026-11-22), and a doctor who moved on from Bergen to
// Tromsø: Bergen's leader no longer reads their records, but may record why they left Bergen for
// a year after the post ended; Tromsø's leader, the new employer, may not.
class DeparturesAfterTheEnd : public Departures {
  protected:
    void SetUp() override {
        Departures::SetUp();
        auto& db = server.database();
        left = testing::add_trainee(db, "Liv Sluttet", "4601", "2023-01-01", "2026-06-30");
        year_ago = testing::add_trainee(db, "Per Året", "4601", "2022-01-01", "2025-11-22");
        too_late = testing::add_trainee(db, "Pia Forlengst", "4601", "2022-01-01", "2025-11-21");
        moved = testing::add_trainee(db, "Mona Flyttet", "4601", "2023-01-01", "2026-06-30");
        db.write([&](store::UnitOfWork& w) {
            domain::Employment e;
            e.person_id = moved;
            e.municipality_number = "5501";
            e.starts_on = *domain::Date::parse_iso("2026-07-01");
            w.people().add_employment(e);
        });
        db.read([&](const store::Snapshot& s) {
            left_post = s.people().employments_of(left).front().id;
            year_ago_post = s.people().employments_of(year_ago).front().id;
            too_late_post = s.people().employments_of(too_late).front().id;
            bergen_post = s.people().employments_of(moved).front().id;
        });
    }
    std::int64_t left = 0, year_ago = 0, too_late = 0, moved = 0;
    std::int64_t left_post = 0, year_ago_post = 0, too_late_post = 0, bergen_post = 0;
};

TEST_F(DeparturesAfterTheEnd, TheFormerEmployersLeaderRecordsWhyForAYearWithoutTheRecord) {
    EXPECT_EQ(
        client::get(server.port(), "/personer/" + std::to_string(left), leader.headers()).result(),
        http::status::forbidden)
        << "the record is no longer Bergen's to read";
    const auto form = client::get(server.port(), form_path(left, left_post), leader.headers());
    ASSERT_EQ(form.result(), http::status::ok) << form.body();
    EXPECT_NE(form.body().find("Hvorfor sluttet Liv Sluttet?"), std::string::npos);
    EXPECT_NE(form.body().find("href=\"/kommuner/4601/oversikt\""), std::string::npos)
        << "back to the overview, not to a record the leader cannot open";

    const auto r = post(form_path(left, left_post),
                        {{"reason", "family_or_personal"}, {"destination", "abroad"}}, leader);
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], "/kommuner/4601/oversikt?lagret=avslutning");
    ASSERT_EQ(departures(left).size(), 1u);
    EXPECT_EQ(departures(left)[0].reason, domain::DepartureReason::family_or_personal);

    // The last day of the year after the end still counts; the day after it does not.
    auto put_r = put(api_path(year_ago, year_ago_post),
                     {{"reason", "workload"}, {"destination", "unknown"}}, leader);
    EXPECT_EQ(put_r.result(), http::status::ok) << put_r.body();
    put_r = put(api_path(too_late, too_late_post),
                {{"reason", "workload"}, {"destination", "unknown"}}, leader);
    EXPECT_EQ(put_r.result(), http::status::forbidden);
    EXPECT_EQ(
        client::get(server.port(), form_path(too_late, too_late_post), leader.headers()).result(),
        http::status::forbidden);
    EXPECT_TRUE(departures(too_late).empty());
}

TEST_F(DeparturesAfterTheEnd, TheOverviewListsTheYearsEndedPostsWithWhatIsLeftToRecord) {
    ASSERT_EQ(post(form_path(left, left_post),
                   {{"reason", "workload"}, {"destination", "hospital"}}, leader)
                  .result(),
              http::status::see_other);
    const auto page =
        client::get(server.port(), "/kommuner/4601/oversikt", leader.headers()).body();
    const auto section = page.find("Avsluttede ansettelser det siste året");
    ASSERT_NE(section, std::string::npos) << page;
    const std::string list = page.substr(section);
    EXPECT_NE(list.find("Liv Sluttet"), std::string::npos);
    EXPECT_NE(list.find("30.06.2026"), std::string::npos);
    EXPECT_NE(list.find("Arbeidsbelastning"), std::string::npos) << "recorded, with its reason";
    EXPECT_NE(list.find("Mona Flyttet"), std::string::npos);
    EXPECT_NE(list.find("href=\"" + form_path(moved, bergen_post) + "\""), std::string::npos);
    EXPECT_NE(list.find("Per Året"), std::string::npos) << "ended exactly a year ago";
    EXPECT_EQ(list.find("Pia Forlengst"), std::string::npos) << "ended more than a year ago";
    EXPECT_EQ(list.find("Ola Nordmann"), std::string::npos) << "still employed";

    // The regional office reads the overview, not the departures to record.
    testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                         std::nullopt, "Bergen");
    const auto office = *client::login(server.port(), "kontor@bergen.no", kTestPassword);
    const auto office_page =
        client::get(server.port(), "/kommuner/4601/oversikt", office.headers()).body();
    EXPECT_EQ(office_page.find("Avsluttede ansettelser"), std::string::npos);
    EXPECT_EQ(office_page.find("Liv Sluttet"), std::string::npos);
}

TEST_F(DeparturesAfterTheEnd, TheNewEmployerDoesNotRecordWhyTheDoctorLeftTheOldPost) {
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    const auto page =
        client::get(server.port(), "/personer/" + std::to_string(moved), tromso.headers());
    ASSERT_EQ(page.result(), http::status::ok) << "Tromsø employs her now";
    EXPECT_EQ(page.body().find(form_path(moved, bergen_post)), std::string::npos)
        << "no link to recording Bergen's departure";
    const auto r =
        put(api_path(moved, bergen_post),
            {{"reason", "moved_on_in_training"}, {"destination", "other_alis_post"}}, tromso);
    EXPECT_EQ(r.result(), http::status::forbidden);
    EXPECT_TRUE(departures(moved).empty());
}

TEST_F(DeparturesAfterTheEnd, TheTrainingDoesNotEndWhileALaterEmploymentGoesOn) {
    auto r = put(api_path(moved, bergen_post),
                 {{"reason", "moved_on_in_training"},
                  {"destination", "other_alis_post"},
                  {"training_ended", true}},
                 leader);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    EXPECT_NE(r.body().find("training_ended"), std::string::npos);
    const auto form = post(form_path(moved, bergen_post),
                           {{"reason", "moved_on_in_training"},
                            {"destination", "other_alis_post"},
                            {"training_ended", "ja"}},
                           leader);
    EXPECT_EQ(form.result(), http::status::unprocessable_entity);
    EXPECT_NE(form.body().find("varer lenger enn denne"), std::string::npos);
    EXPECT_TRUE(departures(moved).empty());
    EXPECT_EQ(status(moved), domain::TrainingStatus::in_training);

    r = put(api_path(moved, bergen_post),
            {{"reason", "moved_on_in_training"}, {"destination", "other_alis_post"}}, leader);
    EXPECT_EQ(r.result(), http::status::ok) << "without it the departure is recorded";
}

}  // namespace departures_test
}  // namespace alis::web
