// "Mine oppgaver" (issue 14): each role's landing page lists what the person must do now, computed
// from the data, each task linking to where it is done; GET /api/v1/me/tasks gives the same list.
// Each role sees only tasks about what it may see.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/tasks.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace tasks_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;
using http::verb;

bool has_text(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class Tasks : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        anne = testing::add_trainee(db, "Anne Alis", "4601");
        bjorn = testing::add_trainee(db, "Bjørn Alis", "4601");
        cecilie = testing::add_trainee(db, "Cecilie Alis", "4601");
        dina = testing::add_trainee(db, "Dina Alis", "4601");
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "nasjonal@hdir.no", domain::Role::national);
        testing::add_account(server.app(), "anne@alis.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, anne);
        for (const auto* email : {"leder@bergen.no", "leder@tromso.no", "kontor@bergen.no",
                                  "nasjonal@hdir.no", "anne@alis.no"}) {
            sessions.emplace(email, *client::login(server.port(), email, kTestPassword));
        }
        // Siri is Bergen's supervisor, of three trainees while the capacity is two; Dina has none.
        const auto r =
            send("leder@bergen.no", verb::post, "/api/v1/municipalities/4601/supervisors",
                 {{"full_name", "Siri Veileder"},
                  {"qualification", "specialist"},
                  {"office", "Sentrum legesenter"},
                  {"home_municipality", "4601"}});
        ASSERT_EQ(r.result(), http::status::created) << r.body();
        siri = json::parse(r.body()).at("person_id").as_int64();
        for (const auto trainee : {anne, bjorn, cecilie}) {
            const auto a =
                send("leder@bergen.no", verb::post,
                     "/api/v1/people/" + std::to_string(trainee) + "/supervisor-assignments",
                     {{"supervisor", siri},
                      {"starts_on", "2024-01-01"},
                      {"confirm_over_capacity", true}});
            ASSERT_EQ(a.result(), http::status::created) << a.body();
        }
        testing::add_account(server.app(), "siri@alis.no", domain::Role::supervisor, std::nullopt,
                             std::nullopt, siri);
        sessions.emplace("siri@alis.no",
                         *client::login(server.port(), "siri@alis.no", kTestPassword));
        // Anne's plan is due for revision (revised more than a year before 22.11.2026), Bjørn's
        // is not; Cecilie and Dina have none.
        testing::add_education_plan(db, anne, "2025-10-01",
                                    {{domain::Arena::open_general_practice, "Bergen legesenter",
                                      "2025-10-01", "2027-12-31"}});
        testing::add_education_plan(db, bjorn, "2026-06-01",
                                    {{domain::Arena::open_general_practice, "Bergen legesenter",
                                      "2026-06-01", "2027-12-31"}});
    }

    client::Response send(const std::string& who, verb method, const std::string& path,
                          const json::object& body = {}) {
        return client::request(server.port(), method, path, json::serialize(body),
                               "application/json", sessions.at(who).post_headers(server.port()));
    }
    client::Response get(const std::string& who, const std::string& path) {
        return client::get(server.port(), path, sessions.at(who).headers());
    }
    json::array tasks(const std::string& who) {
        const auto r = get(who, "/api/v1/me/tasks");
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        const auto body = json::parse(r.body()).as_object();
        EXPECT_EQ(body.at("as_of").as_string(), "2026-11-22");
        return body.at("tasks").as_array();
    }
    // The task of `kind` in `list`, or null.
    static const json::object* task(const json::array& list, std::string_view kind) {
        for (const auto& t : list) {
            if (t.at("kind").as_string() == kind) {
                return &t.as_object();
            }
        }
        return nullptr;
    }
    std::int64_t plan_meeting(std::int64_t trainee, const char* day) {
        const auto r = send("siri@alis.no", verb::post, meetings(trainee),
                            {{"held_on", day}, {"duration_minutes", 60}, {"topics", "Oppfølging"}});
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        return json::parse(r.body()).at("id").as_int64();
    }
    static std::string meetings(std::int64_t trainee) {
        return "/api/v1/people/" + std::to_string(trainee) + "/supervision-meetings";
    }
    std::string person(std::int64_t id) { return "/personer/" + std::to_string(id); }

    testing::TestServer server;
    std::map<std::string, client::SignedIn> sessions;
    std::int64_t anne = 0, bjorn = 0, cecilie = 0, dina = 0, siri = 0;
};

TEST_F(Tasks, TheLeaderSeesTheMunicipalitysDutiesEachLinkedToWhereTheyAreDone) {
    const auto list = tasks("leder@bergen.no");
    const auto* without = task(list, "trainees_without_supervisor");
    ASSERT_NE(without, nullptr) << json::serialize(list);
    EXPECT_EQ(without->at("count").as_int64(), 1) << "Dina";
    EXPECT_EQ(without->at("role").as_string(), "leader");
    EXPECT_EQ(without->at("url").as_string(), "/kommuner/4601/oversikt?filter=uten-veileder");
    EXPECT_EQ(without->at("text").as_string(), "Uten veileder i Bergen: 1");
    const auto* over = task(list, "supervisors_over_capacity");
    ASSERT_NE(over, nullptr);
    EXPECT_EQ(over->at("count").as_int64(), 1) << "Siri, with three trainees";
    EXPECT_EQ(over->at("url").as_string(), "/kommuner/4601/veiledere");
    const auto* revisions = task(list, "plan_revisions_due");
    ASSERT_NE(revisions, nullptr);
    EXPECT_EQ(revisions->at("count").as_int64(), 1) << "Anne's plan; Bjørn's is not due";
    const auto* institution = task(list, "institution_unplanned");
    ASSERT_NE(institution, nullptr);
    EXPECT_EQ(institution->at("count").as_int64(), 4) << "none of the four has any planned";
    EXPECT_EQ(task(list, "grant_claim_due"), nullptr) << "no refund period awaits its claim";

    // Assigning Dina a supervisor and revising Anne's plan take those tasks away.
    const auto a =
        send("leder@bergen.no", verb::post,
             "/api/v1/people/" + std::to_string(dina) + "/supervisor-assignments",
             {{"supervisor", siri}, {"starts_on", "2026-11-22"}, {"confirm_over_capacity", true}});
    ASSERT_EQ(a.result(), http::status::created) << a.body();
    testing::add_education_plan(
        server.database(), anne, "2026-11-22",
        {{domain::Arena::institution, "Haukeland", "2027-01-01", "2027-06-30"}});
    const auto after = tasks("leder@bergen.no");
    EXPECT_EQ(task(after, "trainees_without_supervisor"), nullptr);
    EXPECT_EQ(task(after, "plan_revisions_due"), nullptr);
    ASSERT_NE(task(after, "institution_unplanned"), nullptr);
    EXPECT_EQ(task(after, "institution_unplanned")->at("count").as_int64(), 3)
        << "Anne's new plan has institution service";
}

TEST_F(Tasks, TheLandingPageListsTheSameTasksAsTheApi) {
    for (const auto* who : {"leder@bergen.no", "siri@alis.no", "anne@alis.no", "kontor@bergen.no",
                            "nasjonal@hdir.no"}) {
        const auto list = tasks(who);
        ASSERT_FALSE(list.empty()) << who;
        const auto page = get(who, "/meg");
        ASSERT_EQ(page.result(), http::status::ok);
        EXPECT_TRUE(has_text(page.body(), "Mine oppgaver"));
        for (const auto& t : list) {
            EXPECT_TRUE(has_text(page.body(), std::string(t.at("text").as_string())))
                << who << ": " << t.at("text").as_string();
            EXPECT_TRUE(has_text(page.body(), "href=\"" + std::string(t.at("url").as_string())))
                << who;
        }
    }
}

TEST_F(Tasks, TheVeilederIsAskedToCloseMinutesAndToMeetTraineesNotMetThisMonth) {
    const auto held = plan_meeting(anne, "2026-11-10");
    const auto bjorn_meeting = plan_meeting(bjorn, "2026-11-05");
    ASSERT_EQ(send("siri@alis.no", verb::post,
                   meetings(bjorn) + "/" + std::to_string(bjorn_meeting) + "/close")
                  .result(),
              http::status::ok);
    plan_meeting(anne, "2026-12-03");  // Later: nothing to close yet.
    const auto list = tasks("siri@alis.no");
    std::vector<std::string> kinds;
    for (const auto& t : list) {
        kinds.emplace_back(t.at("kind").as_string());
        EXPECT_EQ(t.at("role").as_string(), "supervisor");
    }
    // The minutes to close first, then Cecilie (Anne and Bjørn have met Siri this month).
    ASSERT_EQ(kinds, (std::vector<std::string>{"close_minutes", "meeting_due"}))
        << json::serialize(list);
    EXPECT_EQ(list[0].at("subject").as_string(), "Anne Alis");
    EXPECT_EQ(list[0].at("day").as_string(), "2026-11-10");
    EXPECT_EQ(list[0].at("url").as_string(), person(anne) + "/veiledning/" + std::to_string(held));
    EXPECT_EQ(list[1].at("subject").as_string(), "Cecilie Alis");
    EXPECT_EQ(list[1].at("url").as_string(), person(cecilie) + "/veiledning/ny");
    EXPECT_EQ(list[1].at("text").as_string(),
              "Ingen veiledning med Cecilie Alis denne måneden ennå (innen 30.11.2026)");
    // Closing the meeting takes its task away.
    ASSERT_EQ(
        send("siri@alis.no", verb::post, meetings(anne) + "/" + std::to_string(held) + "/close")
            .result(),
        http::status::ok);
    EXPECT_EQ(task(tasks("siri@alis.no"), "close_minutes"), nullptr);
}

TEST_F(Tasks, TheTraineeIsAskedToPrepareTheNextMeetingAndReviseThePlan) {
    plan_meeting(anne, "2026-11-10");  // Held already: the veileder's to close.
    const auto next = plan_meeting(anne, "2026-12-03");
    plan_meeting(anne, "2027-01-07");
    const auto list = tasks("anne@alis.no");
    ASSERT_EQ(list.size(), 3u) << json::serialize(list);
    EXPECT_EQ(list[0].at("kind").as_string(), "prepare_meeting");
    EXPECT_EQ(list[0].at("day").as_string(), "2026-12-03");
    EXPECT_EQ(list[0].at("url").as_string(), person(anne) + "/veiledning/" + std::to_string(next));
    EXPECT_EQ(list[1].at("kind").as_string(), "revise_education_plan");
    EXPECT_EQ(list[1].at("day").as_string(), "2026-10-01");
    EXPECT_EQ(list[1].at("url").as_string(), person(anne) + "/utdanningsplan/revider");
    // Both courses of the default ruleset are missing (tests/web/courses_test.cpp records them).
    EXPECT_EQ(list[2].at("kind").as_string(), "courses_missing");
    EXPECT_EQ(list[2].at("count").as_int64(), 2);
    EXPECT_EQ(list[2].at("url").as_string(), person(anne) + "/kurs");
    // A trainee without a plan is asked to make one.
    app::Actor cecilie_actor{99,
                             "cecilie@alis.no",
                             "Cecilie Alis",
                             cecilie,
                             {{0, 99, domain::Role::trainee, std::nullopt, std::nullopt,
                               *domain::Date::parse_iso("2020-01-01"), std::nullopt}}};
    const auto own = app::tasks_of(server.app(), cecilie_actor, server.fixed_today());
    ASSERT_EQ(own.size(), 2u);
    EXPECT_EQ(own[0].kind, app::TaskKind::make_education_plan);
    EXPECT_EQ(own[1].kind, app::TaskKind::courses_missing);
}

TEST_F(Tasks, EachRoleSeesOnlyWhatItMaySee) {
    // Tromsø's leader has no trainees: no task, and nothing of Bergen's.
    const auto r = get("leder@tromso.no", "/api/v1/me/tasks");
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_TRUE(json::parse(r.body()).at("tasks").as_array().empty()) << r.body();
    EXPECT_FALSE(has_text(r.body(), "Bergen"));
    EXPECT_TRUE(has_text(get("leder@tromso.no", "/meg").body(), "Du har ingen oppgaver"));
    // The regional office sees municipalities, never a trainee's name.
    const auto office = tasks("kontor@bergen.no");
    const auto* bergen = task(office, "municipality_warnings");
    ASSERT_NE(bergen, nullptr) << json::serialize(office);
    EXPECT_EQ(bergen->at("subject").as_string(), "Bergen");
    EXPECT_EQ(bergen->at("url").as_string(), "/kommuner/4601/oversikt?filter=varsler");
    for (const auto* name : {"Anne", "Dina", "Siri"}) {
        EXPECT_FALSE(has_text(json::serialize(office), name));
    }
    // The national administrator gets links to the aggregate views only.
    const auto national = tasks("nasjonal@hdir.no");
    ASSERT_EQ(national.size(), 3u);
    for (const auto& t : national) {
        EXPECT_EQ(t.at("kind").as_string(), "aggregate_view");
    }
    EXPECT_EQ(national[0].at("url").as_string(), "/stabilitet");
    // Without a session: 401.
    EXPECT_EQ(client::get(server.port(), "/api/v1/me/tasks").result(), http::status::unauthorized);
}

TEST_F(Tasks, TheLeaderIsAskedForTheGrantClaimFromTheEndOfTheRefundPeriodToTheDeadline) {
    app::Actor leader{1,
                      "leder@bergen.no",
                      "",
                      std::nullopt,
                      {{0, 1, domain::Role::leader, std::string("4601"), std::nullopt,
                        *domain::Date::parse_iso("2020-01-01"), std::nullopt}}};
    const auto claims_on = [&](const char* day) {
        std::vector<std::string> found;
        for (const auto& t : app::tasks_of(server.app(), leader, *domain::Date::parse_iso(day))) {
            if (t.kind == app::TaskKind::grant_claim_due) {
                found.push_back(t.subject + " " + t.day->iso() + " " + t.url);
            }
        }
        return found;
    };
    // rules/grants/2025.toml: refund period to 31.05.2025, claim deadline 31.08.2025.
    EXPECT_TRUE(claims_on("2025-05-31").empty());
    EXPECT_EQ(
        claims_on("2025-06-01"),
        (std::vector<std::string>{"2025 2025-08-31 /kommuner/4601/tilskudd?grant_year=2025"}));
    EXPECT_EQ(claims_on("2025-08-31").size(), 1u);
    EXPECT_TRUE(claims_on("2025-09-01").empty());
}

}  // namespace tasks_test
}  // namespace alis::web
