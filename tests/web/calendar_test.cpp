// The secret calendar address (issue 14): made on /meg, shown once, an iCalendar feed that
// Python's icalendar parses, holding the person's own supervision meetings and group meetings
// and never a topic or the minutes; renewing ends the old address, revoking ends it too.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "app/hashing.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace calendar_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

// Parses a feed with Python's icalendar (RFC 5545) and prints one line per event: its start, its
// end and its summary; a feed it cannot parse fails the script.
const char* const kParse = R"(import sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert calendar['VERSION'] == '2.0', calendar['VERSION']
for event in calendar.walk('VEVENT'):
    print(event.decoded('DTSTART').isoformat(), event.decoded('DTEND').isoformat(),
          str(event['UID']), str(event['SUMMARY']), str(event['DESCRIPTION']), sep=' | ')
)";

class Calendar : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        orjan = testing::add_trainee(db, "Ørjan Ås", "4601", "2025-01-01");
        const auto other = testing::add_trainee(db, "Annen Lege", "4601", "2025-01-01");
        const auto veileder = testing::add_trainee(db, "Vera Vik", "4601");
        db.write([&](store::UnitOfWork& w) {
            auto meeting = [&](std::int64_t trainee, const char* day) {
                domain::SupervisionMeeting m;
                m.trainee_person_id = trainee;
                m.supervisor_person_id = veileder;
                m.held_on = *domain::Date::parse_iso(day);
                m.duration_minutes = 90;
                m.topics = "Hemmelig tema";
                m.minutes = "Hemmelig referat";
                m.planned_at = "2026-11-01T10:00:00Z";
                m.planned_by = "Vera Vik";
                return w.supervision().add(m);
            };
            meeting(orjan, "2026-12-07");
            meeting(other, "2026-12-08");
            const auto group = w.supervision_groups().add_group(
                {0, "4601", "Gruppe Vest, 2025", veileder, *domain::Date::parse_iso("2025-01-01")});
            w.supervision_groups().add_member(
                {0, group, orjan, *domain::Date::parse_iso("2025-01-01"), std::nullopt});
            w.supervision_groups().add_meeting(
                {0, group, *domain::Date::parse_iso("2026-12-14"), 180, "Gruppens tema"});
            return 0;
        });
        testing::add_account(server.app(), "orjan@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, orjan);
        testing::add_account(server.app(), "vera@lege.no", domain::Role::supervisor, std::nullopt,
                             std::nullopt, veileder);
        trainee = *client::login(server.port(), "orjan@lege.no", kTestPassword);
        supervisor = *client::login(server.port(), "vera@lege.no", kTestPassword);
    }
    client::Response post(const client::SignedIn& who, const std::string& path) {
        return client::request(server.port(), http::verb::post, path,
                               client::form_body({{"csrf_token", who.csrf_token}}),
                               "application/x-www-form-urlencoded",
                               who.post_headers(server.port()));
    }
    // Makes a new address on /meg; returns its path (/kalender/<token>), read off the page.
    std::string make_address(const client::SignedIn& who) {
        const auto r = post(who, "/meg/kalender");
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        EXPECT_NE(r.body().find("Den vises bare denne ene gangen"), std::string::npos);
        std::smatch match;
        const std::string body = r.body();
        const bool found = std::regex_search(
            body, match, std::regex("http://127\\.0\\.0\\.1:[0-9]+(/kalender/[0-9a-f]{64})"));
        EXPECT_TRUE(found) << body;
        return found ? match[1].str() : std::string("/kalender/none");
    }
    // The events of the feed at `path` as icalendar reads them, one line each.
    std::string parsed(const std::string& path) {
        const auto r = client::get(server.port(), path);
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        EXPECT_EQ(r[http::field::content_type], "text/calendar; charset=utf-8");
        EXPECT_EQ(r.body().find("Hemmelig"), std::string::npos) << "no topic, no minutes";
        EXPECT_EQ(r.body().find("Gruppens tema"), std::string::npos);
        const auto file = dir.path() / "feed.ics";
        std::ofstream(file, std::ios::binary) << r.body();
        const auto result = testing::run_command({"/usr/bin/python3", "-c", kParse, file.string()});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return result.out;
    }

    testing::TempDir dir;
    TestServer server;
    std::int64_t orjan = 0;
    client::SignedIn trainee;
    client::SignedIn supervisor;
};

TEST_F(Calendar, TheFeedHoldsOnesOwnMeetingsAndParsesAsICalendar) {
    const auto me = client::get(server.port(), "/meg", trainee.headers());
    EXPECT_NE(me.body().find("Lag kalenderadresse"), std::string::npos);
    const auto path = make_address(trainee);
    EXPECT_EQ(parsed(path),
              "2026-12-07 | 2026-12-08 | supervision-meeting-1@alis | Veiledning med Vera Vik | "
              "Varighet: 90 minutter\n"
              "2026-12-14 | 2026-12-15 | group-meeting-1@alis | Veiledningsgruppe: Gruppe Vest, "
              "2025 | Varighet: 180 minutter\n");
    // The veileder's feed has both trainees' meetings and the group they lead.
    const auto theirs = parsed(make_address(supervisor));
    EXPECT_NE(theirs.find("Veiledning av Ørjan Ås"), std::string::npos) << theirs;
    EXPECT_NE(theirs.find("Veiledning av Annen Lege"), std::string::npos);
    EXPECT_NE(theirs.find("Veiledningsgruppe: Gruppe Vest"), std::string::npos);
    // The page now says when it was made and offers a new one.
    const auto again = client::get(server.port(), "/meg", trainee.headers());
    EXPECT_NE(again.body().find("Du har en kalenderadresse, laget 22.11.2026"), std::string::npos);
    EXPECT_EQ(again.body().find(path), std::string::npos) << "the address is shown once";
}

TEST_F(Calendar, RenewingEndsTheOldAddressAndRevokingEndsIt) {
    const auto first = make_address(trainee);
    const auto second = make_address(trainee);
    EXPECT_NE(first, second);
    EXPECT_EQ(client::get(server.port(), first).result(), http::status::not_found);
    EXPECT_EQ(client::get(server.port(), second).result(), http::status::ok);
    // Only the token's hash is kept.
    const std::string token = second.substr(std::string("/kalender/").size());
    server.database().read([&](const store::Snapshot& s) {
        EXPECT_FALSE(s.identity().account_of_calendar_feed(token).has_value());
        EXPECT_TRUE(s.identity().account_of_calendar_feed(app::sha256_hex(token)).has_value());
        return 0;
    });
    const auto r = post(trainee, "/meg/kalender/av");
    ASSERT_EQ(r.result(), http::status::see_other);
    EXPECT_EQ(client::get(server.port(), second).result(), http::status::not_found);
    const auto me = client::get(server.port(), "/meg?kalender=av", trainee.headers());
    EXPECT_NE(me.body().find("Kalenderadressen er slått av."), std::string::npos);
    // A token nobody has, or no token, answers the same: nothing to learn from it.
    EXPECT_EQ(client::get(server.port(), "/kalender/" + std::string(64, 'a')).result(),
              http::status::not_found);
    EXPECT_EQ(client::get(server.port(), "/kalender/x").result(), http::status::not_found);
}

}  // namespace calendar_test
}  // namespace alis::web
