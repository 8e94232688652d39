#include "app/calendar.hpp"

#include <algorithm>
#include <tuple>

#include "app/auth.hpp"
#include "app/hashing.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

std::string name_of(const store::Snapshot& s, std::int64_t person_id) {
    const auto person = s.people().find(person_id);
    return person ? person->full_name : std::string();
}

}  // namespace

std::optional<CalendarFeed> calendar_feed(Application& app, const std::string& token) {
    const auto token_sha256 = sha256_hex(token);
    return app.database().read([&](const store::Snapshot& s) -> std::optional<CalendarFeed> {
        const auto account_id = s.identity().account_of_calendar_feed(token_sha256);
        const auto account = account_id ? s.identity().find_account(*account_id) : std::nullopt;
        if (!account || account->disabled) {
            return std::nullopt;
        }
        CalendarFeed feed;
        feed.owner = account->display_name.empty() ? account->email : account->display_name;
        if (!account->person_id) {
            return feed;
        }
        const std::int64_t person = *account->person_id;
        for (const auto& m : s.supervision().meetings_with(person)) {
            const bool as_supervisor = m.supervisor_person_id == person;
            feed.events.push_back(
                {CalendarEvent::Kind::supervision_meeting, m.id, m.held_on, m.duration_minutes,
                 name_of(s, as_supervisor ? m.trainee_person_id : m.supervisor_person_id),
                 as_supervisor});
        }
        for (const auto& [m, group] : s.supervision_groups().meetings_for(person)) {
            feed.events.push_back({CalendarEvent::Kind::group_meeting, m.id, m.held_on,
                                   m.duration_minutes, group, false});
        }
        std::sort(feed.events.begin(), feed.events.end(),
                  [](const CalendarEvent& a, const CalendarEvent& b) {
                      return std::tie(a.day, a.kind, a.id) < std::tie(b.day, b.kind, b.id);
                  });
        return feed;
    });
}

std::optional<std::string> calendar_feed_made(Application& app, const Actor& actor) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.identity().calendar_feed_of(actor.account_id); });
}

std::string renew_calendar_feed(Application& app, const Actor& actor, domain::AuditEvent audit) {
    std::string token = random_token();
    app.database().write([&](store::UnitOfWork& w) {
        w.identity().set_calendar_feed(actor.account_id, sha256_hex(token), audit.at);
        audit.action = "calendar_feed.renewed";
        audit.target = "account " + std::to_string(actor.account_id);
        w.audit().append(audit);
        return 0;
    });
    return token;
}

bool revoke_calendar_feed(Application& app, const Actor& actor, domain::AuditEvent audit) {
    return app.database().write([&](store::UnitOfWork& w) {
        if (!w.identity().calendar_feed_of(actor.account_id)) {
            return false;
        }
        w.identity().delete_calendar_feed(actor.account_id);
        audit.action = "calendar_feed.revoked";
        audit.target = "account " + std::to_string(actor.account_id);
        w.audit().append(audit);
        return true;
    });
}

}  // namespace alis::app
