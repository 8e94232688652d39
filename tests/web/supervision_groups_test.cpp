// Supervision groups (issue 14): the leader creates a group with its group supervisor, adds the
// doctors who take part and records the meetings with who attended; the hours count toward the
// ruleset's requirement on the trainee's page. Another municipality sees none of it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace supervision_groups_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;
using http::verb;

const std::string kGroups = "/api/v1/municipalities/4601/supervision-groups";

class SupervisionGroups : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        anne = testing::add_trainee(db, "Anne Alis", "4601");
        bjorn = testing::add_trainee(db, "Bjørn Alis", "4601");
        tore = testing::add_trainee(db, "Tore Alis", "5501");
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        for (const auto* email : {"leder@bergen.no", "leder@tromso.no", "kontor@bergen.no"}) {
            sessions.emplace(email, *client::login(server.port(), email, kTestPassword));
        }
        const auto r =
            send("leder@bergen.no", verb::post, "/api/v1/municipalities/4601/supervisors",
                 {{"full_name", "Gro Gruppeveileder"},
                  {"qualification", "specialist"},
                  {"office", "Sentrum legesenter"},
                  {"home_municipality", "4601"}});
        ASSERT_EQ(r.result(), http::status::created) << r.body();
        gro = json::parse(r.body()).at("person_id").as_int64();
    }

    client::Response send(const std::string& who, verb method, const std::string& path,
                          const json::value& body) {
        return client::request(server.port(), method, path, json::serialize(body),
                               "application/json", sessions.at(who).post_headers(server.port()));
    }
    // A post of the HTML form, as the browser sends it.
    client::Response form(const std::string& who, const std::string& path,
                          std::vector<std::pair<std::string, std::string>> fields) {
        fields.emplace_back("csrf_token", sessions.at(who).csrf_token);
        return client::request(server.port(), verb::post, path, client::form_body(fields),
                               "application/x-www-form-urlencoded",
                               sessions.at(who).post_headers(server.port()));
    }
    client::Response get(const std::string& who, const std::string& path) {
        return client::get(server.port(), path, sessions.at(who).headers());
    }
    std::int64_t create(const char* name = "Veiledningsgruppe Sentrum") {
        const auto r = send(
            "leder@bergen.no", verb::post, kGroups,
            json::object{{"name", name}, {"group_supervisor", gro}, {"starts_on", "2025-01-01"}});
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        return json::parse(r.body()).at("id").as_int64();
    }
    std::string group_path(std::int64_t id) { return kGroups + "/" + std::to_string(id); }
    client::Response add_member(std::int64_t group, std::int64_t person, const char* from) {
        return send("leder@bergen.no", verb::post, group_path(group) + "/members",
                    json::object{{"person", person}, {"joined_on", from}});
    }
    client::Response add_meeting(std::int64_t group, const char* day, int minutes,
                                 const std::vector<std::int64_t>& attended) {
        json::array rows;
        for (const auto p : attended) {
            rows.push_back(json::object{{"person", p}});
        }
        return send("leder@bergen.no", verb::post, group_path(group) + "/meetings",
                    json::object{{"held_on", day},
                                 {"duration_minutes", minutes},
                                 {"topic", "Kasus fra legevakten"},
                                 {"attended", std::move(rows)}});
    }

    testing::TestServer server;
    std::map<std::string, client::SignedIn> sessions;
    std::int64_t anne = 0, bjorn = 0, tore = 0, gro = 0;
};

TEST_F(SupervisionGroups, TheLeaderCreatesAGroupAddsMembersAndRecordsMeetingsWithAttendance) {
    const auto group = create();
    ASSERT_EQ(add_member(group, anne, "2025-01-01").result(), http::status::created);
    ASSERT_EQ(add_member(group, bjorn, "2025-03-01").result(), http::status::created);
    ASSERT_EQ(add_meeting(group, "2025-02-10", 180, {anne}).result(), http::status::created);
    const auto r = add_meeting(group, "2025-03-10", 150, {anne, bjorn});
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    EXPECT_EQ(std::string(r[http::field::location]), group_path(group));

    const auto read = get("kontor@bergen.no", group_path(group));
    ASSERT_EQ(read.result(), http::status::ok) << "the regional office reads it";
    const auto body = json::parse(read.body()).as_object();
    EXPECT_EQ(body.at("name").as_string(), "Veiledningsgruppe Sentrum");
    EXPECT_EQ(body.at("group_supervisor_name").as_string(), "Gro Gruppeveileder");
    EXPECT_EQ(body.at("meeting_minutes").as_int64(), 330);
    const auto& members = body.at("members").as_array();
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0].at("name").as_string(), "Anne Alis");
    const auto& meetings = body.at("meetings").as_array();
    ASSERT_EQ(meetings.size(), 2u);
    EXPECT_EQ(meetings[0].at("attended").as_array().size(), 1u);
    EXPECT_EQ(meetings[1].at("attended").as_array().size(), 2u);
    const auto list = json::parse(get("leder@bergen.no", kGroups).body());
    EXPECT_EQ(list.at("groups").as_array().size(), 1u);

    // The page shows the same, to the regional office too; the supervisors' page links to it.
    const auto page = get("kontor@bergen.no", "/kommuner/4601/veiledningsgrupper");
    ASSERT_EQ(page.result(), http::status::ok);
    for (const auto* text :
         {"Veiledningsgrupper i Bergen", "Veiledningsgruppe Sentrum", "Gro Gruppeveileder",
          "Anne Alis", "Bjørn Alis", "1 av 1", "2 av 2", "10.03.2025"}) {
        EXPECT_NE(page.body().find(text), std::string::npos) << text;
    }
    EXPECT_NE(get("leder@bergen.no", "/kommuner/4601/veiledere")
                  .body()
                  .find("href=\"/kommuner/4601/veiledningsgrupper\""),
              std::string::npos);
    EXPECT_EQ(get("leder@tromso.no", "/kommuner/4601/veiledningsgrupper").result(),
              http::status::forbidden);

    // The hours count on Anne's supervision (5.5 of the ruleset's 120).
    const auto supervision = json::parse(
        get("leder@bergen.no", "/api/v1/people/" + std::to_string(anne) + "/supervision-meetings")
            .body());
    EXPECT_EQ(supervision.at("group").at("attended_minutes").as_int64(), 330)
        << json::serialize(supervision.at("group"));
}

TEST_F(SupervisionGroups, BadInputIsRefusedAndNothingIsStored) {
    const auto group = create();
    // A group supervisor not registered here, a doctor of another municipality, an attendee not a
    // member, a day before the group started: each 422 on its field.
    const auto r1 =
        send("leder@bergen.no", verb::post, kGroups,
             json::object{{"name", "Ny"}, {"group_supervisor", anne}, {"starts_on", "2025-01-01"}});
    EXPECT_EQ(r1.result(), http::status::unprocessable_entity);
    EXPECT_NE(r1.body().find("group_supervisor"), std::string::npos);
    const auto r2 = add_member(group, tore, "2025-01-01");
    EXPECT_EQ(r2.result(), http::status::unprocessable_entity);
    EXPECT_NE(r2.body().find("\"person\""), std::string::npos);
    const auto r3 = add_meeting(group, "2025-02-10", 180, {bjorn});
    EXPECT_EQ(r3.result(), http::status::unprocessable_entity) << r3.body();
    EXPECT_NE(r3.body().find("attended"), std::string::npos);
    EXPECT_EQ(add_member(group, anne, "2024-12-01").result(), http::status::unprocessable_entity);
    EXPECT_EQ(add_meeting(group, "2025-02-10", 0, {}).result(), http::status::unprocessable_entity);
    ASSERT_EQ(add_member(group, anne, "2025-01-01").result(), http::status::created);
    EXPECT_EQ(add_member(group, anne, "2025-02-01").result(), http::status::conflict)
        << "already a member that day";
    const auto body = json::parse(get("leder@bergen.no", group_path(group)).body());
    EXPECT_EQ(body.at("members").as_array().size(), 1u);
    EXPECT_TRUE(body.at("meetings").as_array().empty());
    EXPECT_EQ(json::parse(get("leder@bergen.no", kGroups).body()).at("groups").as_array().size(),
              1u);
}

TEST_F(SupervisionGroups, TheLeaderDoesItAllWithThePagesForms) {
    const std::string page = "/kommuner/4601/veiledningsgrupper";
    auto r = get("leder@bergen.no", page);
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_NE(r.body().find("href=\"" + page + "/ny\""), std::string::npos);
    EXPECT_EQ(get("kontor@bergen.no", page).body().find(page + "/ny"), std::string::npos)
        << "the regional office reads, and gets no forms";
    EXPECT_EQ(get("kontor@bergen.no", page + "/ny").result(), http::status::forbidden);

    // The new group's form offers the registered supervisors; a mistake keeps what was typed.
    r = get("leder@bergen.no", page + "/ny");
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_NE(r.body().find("Gro Gruppeveileder"), std::string::npos);
    r = form("leder@bergen.no", page + "/ny",
             {{"name", "Gruppe Nord"}, {"group_supervisor", ""}, {"starts_on", "32.01.2025"}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("value=\"Gruppe Nord\""), std::string::npos);
    EXPECT_NE(r.body().find("id=\"starts_on-error\""), std::string::npos);
    EXPECT_TRUE(
        json::parse(get("leder@bergen.no", kGroups).body()).at("groups").as_array().empty());
    r = form("leder@bergen.no", page + "/ny",
             {{"name", "Gruppe Nord"},
              {"group_supervisor", std::to_string(gro)},
              {"starts_on", "01.01.2025"}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    const auto groups = json::parse(get("leder@bergen.no", kGroups).body());
    ASSERT_EQ(groups.at("groups").as_array().size(), 1u);
    const auto group = groups.at("groups").at(0).at("id").as_int64();
    const auto path = page + "/" + std::to_string(group);
    EXPECT_EQ(std::string(r[http::field::location]),
              page + "?lagret=ja#group-" + std::to_string(group));
    r = get("leder@bergen.no", page + "?lagret=ja");
    EXPECT_NE(r.body().find("href=\"" + path + "/medlem\""), std::string::npos) << r.body();
    EXPECT_NE(r.body().find("href=\"" + path + "/samling\""), std::string::npos);

    // Members from the municipality's trainees; then a meeting with the boxes of who attended.
    r = get("leder@bergen.no", path + "/medlem");
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_NE(r.body().find("Bjørn Alis"), std::string::npos);
    EXPECT_EQ(r.body().find("Tore Alis"), std::string::npos) << "Tromsø's trainee is not offered";
    for (const auto person : {anne, bjorn}) {
        r = form("leder@bergen.no", path + "/medlem",
                 {{"person", std::to_string(person)}, {"joined_on", "01.02.2025"}});
        ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    }
    r = get("leder@bergen.no", path + "/samling");
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_NE(r.body().find("value=\"" + std::to_string(bjorn) + "\""), std::string::npos);
    r = form("leder@bergen.no", path + "/samling",
             {{"held_on", "10.02.2025"}, {"duration_minutes", "0"}, {"topic", ""}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("id=\"duration_minutes-error\""), std::string::npos);
    r = form("leder@bergen.no", path + "/samling",
             {{"held_on", "10.02.2025"},
              {"duration_minutes", "150"},
              {"topic", "Kasus fra legevakten"},
              {"attended_2_person", std::to_string(bjorn)}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    const auto body = json::parse(get("leder@bergen.no", group_path(group)).body());
    ASSERT_EQ(body.at("members").as_array().size(), 2u);
    ASSERT_EQ(body.at("meetings").as_array().size(), 1u);
    EXPECT_EQ(body.at("meetings").at(0).at("attended"), (json::array{bjorn}));
    EXPECT_EQ(body.at("meeting_minutes").as_int64(), 150);
    r = get("leder@bergen.no", page + "?lagret=ja");
    EXPECT_NE(r.body().find("Lagret."), std::string::npos);
    EXPECT_NE(r.body().find("1 av 2"), std::string::npos) << "one of the two members attended";
}

TEST_F(SupervisionGroups, AnotherMunicipalityNeitherReadsNorWritesTheGroup) {
    const auto group = create();
    EXPECT_EQ(get("leder@tromso.no", group_path(group)).result(), http::status::forbidden);
    EXPECT_EQ(get("leder@tromso.no", kGroups).result(), http::status::forbidden);
    // Through its own municipality's path the group is not found.
    const auto own = "/api/v1/municipalities/5501/supervision-groups/" + std::to_string(group);
    EXPECT_EQ(get("leder@tromso.no", own).result(), http::status::not_found);
    EXPECT_EQ(send("leder@tromso.no", verb::post, own + "/members",
                   json::object{{"person", tore}, {"joined_on", "2025-01-01"}})
                  .result(),
              http::status::not_found);
    // The regional office reads but does not write.
    EXPECT_EQ(send("kontor@bergen.no", verb::post, group_path(group) + "/members",
                   json::object{{"person", anne}, {"joined_on", "2025-01-01"}})
                  .result(),
              http::status::forbidden);
    const auto body = json::parse(get("leder@bergen.no", group_path(group)).body());
    EXPECT_TRUE(body.at("members").as_array().empty());
}

}  // namespace supervision_groups_test
}  // namespace alis::web
