#pragma once

// Each account's secret calendar address (issue 14, docs/supervision.md, "Calendar"): an
// iCalendar feed of the supervision meetings and group meetings its person takes part in. The
// token in the URL is the credential, so only its SHA-256 is kept; renewing makes a new one and
// the old address stops working, revoking ends it. A feed holds the day, the length and the
// other party's or the group's name: never topics or minutes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"

namespace alis::app {

// One event of a feed.
struct CalendarEvent {
    enum class Kind { supervision_meeting, group_meeting };
    Kind kind = Kind::supervision_meeting;
    std::int64_t id = 0;  // The meeting's, unique within its kind.
    domain::Date day;
    int minutes = 0;
    std::string with;            // The other party's name, or the group's.
    bool as_supervisor = false;  // A supervision meeting the person holds as the veileder.
};

struct CalendarFeed {
    std::string owner;                  // The account's name, or its e-mail.
    std::vector<CalendarEvent> events;  // By day.
};

// The feed of the address with `token`; nullopt for a token no account has (revoked, renewed,
// never made) or an account that is disabled.
std::optional<CalendarFeed> calendar_feed(Application& app, const std::string& token);

// When the actor's address was made (UTC instant), or nullopt when it has none.
std::optional<std::string> calendar_feed_made(Application& app, const Actor& actor);

// Makes a new address for the actor in place of any old one ("calendar_feed.renewed") and
// returns its token, which is shown once and kept nowhere.
std::string renew_calendar_feed(Application& app, const Actor& actor, domain::AuditEvent audit);

// Ends the actor's address ("calendar_feed.revoked"); false when it had none.
bool revoke_calendar_feed(Application& app, const Actor& actor, domain::AuditEvent audit);

}  // namespace alis::app
