// Individual supervision (issue 14): the trainee or the veileder plans a meeting, the veileder
// closes it, later notes are addenda; the hours count against the municipality's norm on the
// trainee's page and in the leader's overview. The minutes are private: every route that shows a
// meeting (pages, the API, the overview and its downloads) is asked here as every role.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/spreadsheets.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace supervision_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;
using http::verb;

constexpr const char* kSecret = "HEMMELIG-REFERAT-4711";
constexpr const char* kSecretAddendum = "HEMMELIG-TILLEGG-0815";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class Supervision : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        anne = testing::add_trainee(db, "Anne Alis", "4601");
        bjorn = testing::add_trainee(db, "Bjørn Alis", "4601");
        cecilie = testing::add_trainee(db, "Cecilie Alis", "4601");
        siri = testing::add_trainee(db, "Siri Veileder", "4601");
        testing::assign_supervisor(db, siri, anne);
        testing::assign_supervisor(db, siri, bjorn);
        testing::add_account(server.app(), "anne@alis.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, anne);
        testing::add_account(server.app(), "siri@alis.no", domain::Role::supervisor, std::nullopt,
                             std::nullopt, siri);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "nasjonal@hdir.no", domain::Role::national);
        testing::add_account(server.app(), "admin@alis.no", domain::Role::admin);
        for (const auto* email :
             {"anne@alis.no", "siri@alis.no", "leder@bergen.no", "leder@tromso.no",
              "kontor@bergen.no", "nasjonal@hdir.no", "admin@alis.no"}) {
            sessions.emplace(email, *client::login(server.port(), email, kTestPassword));
        }
    }

    client::Response send(const std::string& who, verb method, const std::string& path,
                          const json::object& body = {}) {
        return client::request(server.port(), method, path, json::serialize(body),
                               "application/json", sessions.at(who).post_headers(server.port()));
    }
    client::Response get(const std::string& who, const std::string& path) {
        return client::get(server.port(), path, sessions.at(who).headers());
    }
    std::string meetings_api(std::int64_t person) {
        return "/api/v1/people/" + std::to_string(person) + "/supervision-meetings";
    }

    // Plans a meeting of Anne through the API as `who` and returns its id.
    std::int64_t plan(const std::string& who, const char* day = "2026-11-10") {
        const auto r = send(who, verb::post, meetings_api(anne),
                            {{"held_on", day},
                             {"duration_minutes", 90},
                             {"topics", "Læringsmål i akuttmedisin"},
                             {"minutes", kSecret}});
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        return json::parse(r.body()).at("id").as_int64();
    }

    // A closed meeting of `person` with Siri on `day` lasting `minutes`, written to the store.
    void add_closed(std::int64_t person, const char* day, int minutes) {
        server.database().write([&](store::UnitOfWork& w) {
            domain::SupervisionMeeting m;
            m.trainee_person_id = person;
            m.supervisor_person_id = siri;
            m.held_on = *domain::Date::parse_iso(day);
            m.duration_minutes = minutes;
            m.topics = "Oppfølging";
            m.minutes = kSecret;
            m.planned_at = "2026-01-01T10:00:00Z";
            m.planned_by = "Siri Veileder (siri@alis.no)";
            const auto id = w.supervision().add(m);
            w.supervision().close(person, id, "2026-11-20T10:00:00Z", "Siri Veileder");
        });
    }

    testing::TestServer server;
    std::map<std::string, client::SignedIn> sessions;
    std::int64_t anne = 0, bjorn = 0, cecilie = 0, siri = 0;
};

TEST_F(Supervision, TheTraineePlansAndTheMeetingIsWithTheirVeileder) {
    const auto r = send("anne@alis.no", verb::post, meetings_api(anne),
                        {{"held_on", "2026-11-10"},
                         {"duration_minutes", 90},
                         {"topics", "Læringsmål i akuttmedisin"},
                         {"minutes", kSecret}});
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto body = json::parse(r.body()).as_object();
    EXPECT_EQ(body.at("supervisor_person_id").as_int64(), siri);
    EXPECT_EQ(body.at("supervisor_name").as_string(), "Siri Veileder");
    EXPECT_EQ(body.at("status").as_string(), "planned");
    EXPECT_EQ(body.at("minutes").as_string(), kSecret) << "the trainee reads their own minutes";
    EXPECT_NE(std::string(r[http::field::location]), "");
    // The veileder plans one too, as a form post, and is sent to the list.
    const auto form = client::request(
        server.port(), verb::post, "/personer/" + std::to_string(anne) + "/veiledning/ny",
        client::form_body({{"csrf_token", sessions.at("siri@alis.no").csrf_token},
                           {"held_on", "01.12.2026"},
                           {"duration_minutes", "60"},
                           {"topics", "Neste måned"}}),
        "application/x-www-form-urlencoded",
        sessions.at("siri@alis.no").post_headers(server.port()));
    ASSERT_EQ(form.result(), http::status::see_other) << form.body();
    const auto list = json::parse(get("siri@alis.no", meetings_api(anne)).body()).as_object();
    ASSERT_EQ(list.at("meetings").as_array().size(), 2u);
    EXPECT_EQ(list.at("norm").at("id").as_string(), "scheme_2019") << "the default norm";
    EXPECT_EQ(list.at("norm").at("minutes_per_month").as_int64(), 210) << "4 h x 10.5 / 12";
}

TEST_F(Supervision, TheMinutesAreShownOnlyToTheTraineeAndTheVeileder) {
    const auto id = plan("anne@alis.no");
    send("anne@alis.no", verb::put, meetings_api(anne) + "/" + std::to_string(id),
         {{"held_on", "2026-11-10"},
          {"duration_minutes", 90},
          {"topics", "Læringsmål i akuttmedisin"},
          {"minutes", kSecret}});
    ASSERT_EQ(
        send("siri@alis.no", verb::post, meetings_api(anne) + "/" + std::to_string(id) + "/close")
            .result(),
        http::status::ok);
    ASSERT_EQ(
        send("anne@alis.no", verb::post, meetings_api(anne) + "/" + std::to_string(id) + "/addenda",
             {{"text", kSecretAddendum}})
            .result(),
        http::status::created);
    const std::string person = "/personer/" + std::to_string(anne);
    const std::string meeting = person + "/veiledning/" + std::to_string(id);
    // The participants read the minutes and the addendum on the meeting's page and in the API.
    for (const auto* who : {"anne@alis.no", "siri@alis.no"}) {
        const auto page = get(who, meeting);
        ASSERT_EQ(page.result(), http::status::ok) << who;
        EXPECT_TRUE(contains(page.body(), kSecret)) << who;
        EXPECT_TRUE(contains(page.body(), kSecretAddendum)) << who;
        const auto api = json::parse(get(who, meetings_api(anne)).body());
        EXPECT_EQ(api.at("meetings").at(0).at("minutes").as_string(), kSecret) << who;
        EXPECT_EQ(api.at("meetings").at(0).at("addenda").at(0).at("text").as_string(),
                  kSecretAddendum)
            << who;
    }
    // The leader and the regional office read the record: they see the meeting, not its minutes,
    // on every route that shows it.
    for (const auto* who : {"leder@bergen.no", "kontor@bergen.no"}) {
        for (const auto& path : {meeting, person + "/veiledning", person, meetings_api(anne),
                                 "/api/v1/people/" + std::to_string(anne)}) {
            const auto r = get(who, path);
            ASSERT_EQ(r.result(), http::status::ok) << who << " " << path;
            EXPECT_FALSE(contains(r.body(), kSecret)) << who << " " << path;
            EXPECT_FALSE(contains(r.body(), kSecretAddendum)) << who << " " << path;
        }
        EXPECT_TRUE(contains(get(who, meeting).body(), "Læringsmål i akuttmedisin")) << who;
        const auto api = json::parse(get(who, meetings_api(anne)).body());
        const auto& row = api.at("meetings").at(0).as_object();
        EXPECT_FALSE(row.contains("minutes")) << who;
        EXPECT_FALSE(row.contains("addenda")) << who;
        EXPECT_FALSE(row.at("minutes_visible").as_bool()) << who;
    }
    // The leader's overview and its downloads never carry them either.
    for (const auto* path : {"/kommuner/4601/oversikt", "/kommuner/4601/oversikt.csv",
                             "/api/v1/municipalities/4601/trainees"}) {
        const auto r = get("leder@bergen.no", path);
        ASSERT_EQ(r.result(), http::status::ok) << path;
        EXPECT_FALSE(contains(r.body(), kSecret)) << path;
    }
    const auto xlsx = get("leder@bergen.no", "/kommuner/4601/oversikt.xlsx");
    ASSERT_EQ(xlsx.result(), http::status::ok);
    for (const auto& line : testing::read_xlsx(xlsx.body())) {
        for (const auto& cell : line) {
            EXPECT_FALSE(contains(cell, kSecret));
        }
    }
    // Who may not read the record gets the policy's refusal, as for every record.
    for (const auto* who : {"nasjonal@hdir.no", "admin@alis.no", "leder@tromso.no"}) {
        for (const auto& path : {meeting, person + "/veiledning", meetings_api(anne)}) {
            const auto r = get(who, path);
            EXPECT_EQ(r.result(), http::status::forbidden) << who << " " << path;
            EXPECT_FALSE(contains(r.body(), kSecret)) << who << " " << path;
        }
    }
    // The audit trail records each step and none of the texts.
    const auto rows = testing::rows_of_every_table(server.database_url());
    const auto& audit = rows.at("audit_events");
    for (const auto* action :
         {"supervision_meeting.planned", "supervision_meeting.changed",
          "supervision_meeting.closed", "supervision_meeting.addendum_added"}) {
        EXPECT_TRUE(contains(audit, action)) << action;
    }
    EXPECT_FALSE(contains(audit, kSecret));
    EXPECT_TRUE(
        server.database().read([](const store::Snapshot& s) { return s.audit().verify(); }).ok);
}

TEST_F(Supervision, OnlyTheVeilederClosesAndAClosedMeetingIsFrozen) {
    const auto id = plan("anne@alis.no");
    const std::string path = meetings_api(anne) + "/" + std::to_string(id);
    for (const auto* who : {"anne@alis.no", "leder@bergen.no", "kontor@bergen.no"}) {
        EXPECT_EQ(send(who, verb::post, path + "/close").result(), http::status::forbidden) << who;
    }
    EXPECT_EQ(
        send("anne@alis.no", verb::post, path + "/addenda", {{"text", "For tidlig"}}).result(),
        http::status::conflict)
        << "an open meeting is changed, not added to";
    const auto closed = send("siri@alis.no", verb::post, path + "/close");
    ASSERT_EQ(closed.result(), http::status::ok) << closed.body();
    EXPECT_EQ(json::parse(closed.body()).at("status").as_string(), "closed");
    EXPECT_EQ(send("siri@alis.no", verb::post, path + "/close").result(), http::status::conflict);
    const auto changed = send("anne@alis.no", verb::put, path,
                              {{"held_on", "2026-11-11"},
                               {"duration_minutes", 30},
                               {"topics", "Endret etterpå"},
                               {"minutes", "Nytt referat"}});
    EXPECT_EQ(changed.result(), http::status::conflict);
    EXPECT_EQ(json::parse(changed.body()).at("error").at("code").as_string(), "meeting_closed");
    const auto stored = server.database().read(
        [&](const store::Snapshot& s) { return s.supervision().find(anne, id); });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->minutes, kSecret) << "nothing stored is lost";
    EXPECT_EQ(stored->duration_minutes, 90);
    // The form to change it answers the same, and the page offers an addendum instead.
    const std::string page =
        "/personer/" + std::to_string(anne) + "/veiledning/" + std::to_string(id);
    EXPECT_EQ(get("anne@alis.no", page + "/endre").result(), http::status::conflict);
    const auto shown = get("anne@alis.no", page);
    EXPECT_TRUE(contains(shown.body(), page + "/tillegg"));
    EXPECT_FALSE(contains(shown.body(), page + "/endre"));
    EXPECT_FALSE(contains(shown.body(), page + "/lukk"));
    // Addenda are appended, one after the other.
    EXPECT_EQ(send("siri@alis.no", verb::post, path + "/addenda", {{"text", "Første"}}).result(),
              http::status::created);
    EXPECT_EQ(send("anne@alis.no", verb::post, path + "/addenda", {{"text", "Andre"}}).result(),
              http::status::created);
    const auto api = json::parse(get("siri@alis.no", meetings_api(anne)).body());
    const auto& addenda = api.at("meetings").at(0).at("addenda").as_array();
    ASSERT_EQ(addenda.size(), 2u);
    EXPECT_EQ(addenda[0].at("text").as_string(), "Første");
    EXPECT_TRUE(contains(std::string(addenda[1].at("written_by").as_string()), "anne@alis.no"));
}

TEST_F(Supervision, BadInputIsRefusedInNorwegianAndNothingIsStored) {
    const auto bad = [&](json::object body, const char* field) {
        const auto r = send("anne@alis.no", verb::post, meetings_api(anne), body);
        EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
        const auto e = json::parse(r.body()).at("error");
        EXPECT_EQ(e.at("code").as_string(), "invalid_input");
        bool named = false;
        for (const auto& f : e.at("fields").as_array()) {
            named = named || f.at("field").as_string() == field;
        }
        EXPECT_TRUE(named) << field << " " << r.body();
    };
    bad({{"held_on", "2026-11-10"}, {"duration_minutes", 0}, {"topics", "x"}}, "duration_minutes");
    bad({{"held_on", "2026-11-10"}, {"duration_minutes", 601}, {"topics", "x"}},
        "duration_minutes");
    bad({{"held_on", "31.02.2026"}, {"duration_minutes", 60}, {"topics", "x"}}, "held_on");
    bad({{"held_on", "2026-11-10"}, {"duration_minutes", 60}, {"topics", ""}}, "topics");
    bad({{"held_on", "2026-11-10"}, {"duration_minutes", 60}, {"topics", std::string(2001, 'a')}},
        "topics");
    // The form gets the page again with the message beside the field.
    const auto form = client::request(
        server.port(), verb::post, "/personer/" + std::to_string(anne) + "/veiledning/ny",
        client::form_body({{"csrf_token", sessions.at("anne@alis.no").csrf_token},
                           {"held_on", "i morgen"},
                           {"duration_minutes", "60"},
                           {"topics", "Plan"}}),
        "application/x-www-form-urlencoded",
        sessions.at("anne@alis.no").post_headers(server.port()));
    EXPECT_EQ(form.result(), http::status::unprocessable_entity);
    EXPECT_TRUE(contains(form.body(), "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(form.body(), ">Plan</textarea>")) << "what was typed is kept";
    const auto count = server.database().read(
        [&](const store::Snapshot& s) { return s.supervision().meetings_of(anne).size(); });
    EXPECT_EQ(count, 0u);
    // A trainee without a veileder cannot plan one: a clear conflict, not a failure.
    testing::add_account(server.app(), "cecilie@alis.no", domain::Role::trainee, std::nullopt,
                         std::nullopt, cecilie);
    const auto cecilie_session = *client::login(server.port(), "cecilie@alis.no", kTestPassword);
    const auto none = client::request(
        server.port(), verb::post, meetings_api(cecilie),
        json::serialize(
            json::object{{"held_on", "2026-11-10"}, {"duration_minutes", 60}, {"topics", "Plan"}}),
        "application/json", cecilie_session.post_headers(server.port()));
    EXPECT_EQ(none.result(), http::status::conflict);
    EXPECT_EQ(json::parse(none.body()).at("error").at("code").as_string(), "no_supervisor");
}

TEST_F(Supervision, AMeetingOfAnotherPersonIsNeitherShownNorChanged) {
    const auto id = plan("siri@alis.no");
    // Bjørn's path with Anne's meeting: not his, so the page is 404 and the writes 403.
    const std::string other =
        "/personer/" + std::to_string(bjorn) + "/veiledning/" + std::to_string(id);
    EXPECT_EQ(get("leder@bergen.no", other).result(), http::status::not_found);
    EXPECT_EQ(
        send("siri@alis.no", verb::post, meetings_api(bjorn) + "/" + std::to_string(id) + "/close")
            .result(),
        http::status::forbidden);
    EXPECT_EQ(send("siri@alis.no", verb::put, meetings_api(bjorn) + "/" + std::to_string(id),
                   {{"held_on", "2026-11-10"}, {"duration_minutes", 60}, {"topics", "x"}})
                  .result(),
              http::status::forbidden);
    const auto stored = server.database().read(
        [&](const store::Snapshot& s) { return s.supervision().find(anne, id); });
    ASSERT_TRUE(stored);
    EXPECT_FALSE(stored->is_closed());
}

TEST_F(Supervision, HoursUnderTheNormShowOnTheChartAndInTheOverview) {
    // Today is 22.11.2026: the last three complete months are August to October.
    add_closed(anne, "2026-08-12", 240);
    add_closed(anne, "2026-09-09", 240);
    add_closed(anne, "2026-10-14", 240);
    add_closed(bjorn, "2026-10-14", 60);
    const auto overview =
        json::parse(get("leder@bergen.no", "/api/v1/municipalities/4601/trainees").body());
    std::map<std::int64_t, json::object> rows;
    for (const auto& t : overview.at("trainees").as_array()) {
        rows[t.at("person_id").as_int64()] = t.at("supervision").as_object();
    }
    EXPECT_FALSE(rows.at(anne).at("under_norm").as_bool()) << "12 h of a norm of 10.5 h";
    EXPECT_EQ(rows.at(anne).at("held_minutes").as_int64(), 720);
    EXPECT_EQ(rows.at(anne).at("norm_minutes").as_int64(), 630);
    EXPECT_TRUE(rows.at(bjorn).at("under_norm").as_bool());
    const auto page = get("leder@bergen.no", "/kommuner/4601/oversikt");
    EXPECT_TRUE(contains(page.body(), "Under normen de siste 3 månedene"));
    const auto csv =
        testing::parse_csv(get("leder@bergen.no", "/kommuner/4601/oversikt.csv").body());
    bool bjorn_warned = false, anne_warned = false;
    for (const auto& line : csv) {
        const bool warned = contains(line.back(), "Under normen");
        bjorn_warned = bjorn_warned || (line.front() == "Bjørn Alis" && warned);
        anne_warned = anne_warned || (line.front() == "Anne Alis" && warned);
    }
    EXPECT_TRUE(bjorn_warned);
    EXPECT_FALSE(anne_warned);
    // The trainee's page draws the months against the norm, with the numbers in a table.
    const auto person = get("anne@alis.no", "/personer/" + std::to_string(anne));
    EXPECT_TRUE(contains(person.body(), "supervision-chart-title"));
    EXPECT_TRUE(contains(person.body(), "oktober 2026"));
    EXPECT_TRUE(contains(person.body(), "role=\"img\""));
    // Beside the ledger, the supervision group's requirement: Anne is in no group yet.
    EXPECT_TRUE(contains(person.body(), "Veiledningsgruppe"));
    EXPECT_TRUE(contains(person.body(), "0,0 av 24 måneder"));
    EXPECT_TRUE(contains(person.body(), "0 av 120 timer"));
    server.database().write([&](store::UnitOfWork& w) {
        const auto group = w.supervision_groups().add_group(
            {0, "4601", "Veiledningsgruppe Sentrum", siri, *domain::Date::parse_iso("2024-01-01")});
        w.supervision_groups().add_member(
            {0, group, anne, *domain::Date::parse_iso("2024-01-01"), std::nullopt});
        const auto meeting = w.supervision_groups().add_meeting(
            {0, group, *domain::Date::parse_iso("2026-10-01"), 180, "Kasus"});
        w.supervision_groups().add_attendance(meeting, anne);
    });
    const auto grouped = get("anne@alis.no", "/personer/" + std::to_string(anne)).body();
    EXPECT_TRUE(contains(grouped, "3 av 120 timer")) << "the meeting attended";
    EXPECT_TRUE(contains(grouped, "34,7 av 24 måneder")) << "1057 days since 1 January 2024";
    // The ALIS-Vest norm the municipality may choose instead: 2 hours every month.
    EXPECT_EQ(send("anne@alis.no", verb::put, "/api/v1/municipalities/4601/supervision-norm",
                   {{"norm", "alis_vest"}})
                  .result(),
              http::status::forbidden);
    EXPECT_EQ(send("leder@bergen.no", verb::put, "/api/v1/municipalities/4601/supervision-norm",
                   {{"norm", "ukjent"}})
                  .result(),
              http::status::unprocessable_entity);
    const auto chosen =
        send("leder@bergen.no", verb::put, "/api/v1/municipalities/4601/supervision-norm",
             {{"norm", "alis_vest"}});
    ASSERT_EQ(chosen.result(), http::status::ok) << chosen.body();
    const auto after =
        json::parse(get("leder@bergen.no", "/api/v1/municipalities/4601/trainees").body());
    for (const auto& t : after.at("trainees").as_array()) {
        EXPECT_EQ(t.at("supervision").at("norm_minutes").as_int64(), 360) << "3 x 2 hours";
    }
    const auto list = json::parse(get("anne@alis.no", meetings_api(anne)).body());
    EXPECT_EQ(list.at("norm").at("id").as_string(), "alis_vest");
    EXPECT_TRUE(list.at("norm").at("months_per_year_source").at("unconfirmed").as_bool());
}

}  // namespace supervision_test
}  // namespace alis::web
