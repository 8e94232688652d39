// The secret calendar address (issue 14, docs/supervision.md, "Calendar"): the iCalendar feed
// (RFC 5545) at /kalender/{token}, and the forms on /meg that make, renew and revoke it. The
// token is the credential of the feed, as a session is of a page: the route is public, and the
// feed holds only what its own account may see of its own meetings (app/calendar.hpp).
#include <boost/json.hpp>

#include "app/auth.hpp"
#include "app/calendar.hpp"
#include "web/access.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// A TEXT value of RFC 5545 (3.3.11): backslash, semicolon, comma and line breaks escaped.
std::string ical_text(std::string_view value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

// A content line, folded after 75 octets (3.1) without splitting a UTF-8 sequence, ended by CRLF.
void add_line(std::string& out, const std::string& line) {
    std::size_t start = 0;
    std::size_t limit = 75;
    while (line.size() - start > limit) {
        std::size_t end = start + limit;
        while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) {
            --end;  // Not inside a code point.
        }
        out.append(line, start, end - start);
        out += "\r\n ";
        start = end;
        limit = 74;  // The leading space counts.
    }
    out.append(line, start);
    out += "\r\n";
}

std::string ical_date(domain::Date day) {
    const std::string iso = day.iso();
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string feed_text(const Catalogue& t, const app::CalendarFeed& feed, std::int64_t now) {
    std::string stamp = app::utc_iso(now);  // 2026-11-22T10:15:30Z -> 20261122T101530Z
    std::erase(stamp, '-');
    std::erase(stamp, ':');
    std::string out;
    add_line(out, "BEGIN:VCALENDAR");
    add_line(out, "VERSION:2.0");
    add_line(out, "PRODID:-//alis//veiledning//NB");
    add_line(out, "CALSCALE:GREGORIAN");
    add_line(out, "METHOD:PUBLISH");
    add_line(out, "X-WR-CALNAME:" + ical_text(t.format("calendar.name", {{"name", feed.owner}})));
    for (const auto& e : feed.events) {
        const bool group = e.kind == app::CalendarEvent::Kind::group_meeting;
        const std::string summary =
            group
                ? t.format("calendar.group_meeting", {{"group", e.with}})
                : t.format(e.as_supervisor ? "calendar.meeting_as_supervisor" : "calendar.meeting",
                           {{"name", e.with}});
        add_line(out, "BEGIN:VEVENT");
        add_line(out, std::string("UID:") + (group ? "group-meeting-" : "supervision-meeting-") +
                          std::to_string(e.id) + "@alis");
        add_line(out, "DTSTAMP:" + stamp);
        add_line(out, "DTSTART;VALUE=DATE:" + ical_date(e.day));
        add_line(out, "DTEND;VALUE=DATE:" + ical_date(e.day.plus_days(1)));
        add_line(out, "SUMMARY:" + ical_text(summary));
        add_line(out,
                 "DESCRIPTION:" + ical_text(t.format("calendar.minutes",
                                                     {{"minutes", std::to_string(e.minutes)}})));
        add_line(out, "TRANSP:TRANSPARENT");
        add_line(out, "END:VEVENT");
    }
    add_line(out, "END:VCALENDAR");
    return out;
}

Response feed(Services& s, const Request& request, RequestContext& context) {
    const auto found_feed = app::calendar_feed(s.app, context.params.at("token"));
    if (!found_feed) {
        not_found();  // Revoked, renewed or never made: the same answer, saying nothing more.
    }
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "text/calendar; charset=utf-8");
    response.set(http::field::cache_control, "private, no-store");
    response.body() = feed_text(s.catalogue, *found_feed, s.now());
    return response;
}

// The address as the user copies it into a calendar program.
std::string feed_url(const Services& s, const Request& request, const std::string& token) {
    return public_origin(s, request) + "/kalender/" + token;
}

Response renew(Services& s, const Request& request, RequestContext& context) {
    const auto token =
        app::renew_calendar_feed(s.app, context.session->actor,
                                 audit_event(s, request, context, "calendar_feed.renewed", "ok"));
    return page(s, request, context, "calendar", s.catalogue.text("calendar.title"),
                json::object{{"url", feed_url(s, request, token)}});
}

Response revoke(Services& s, const Request& request, RequestContext& context) {
    app::revoke_calendar_feed(s.app, context.session->actor,
                              audit_event(s, request, context, "calendar_feed.revoked", "ok"));
    return redirect(request.version(), "/meg?kalender=av");
}

}  // namespace

void register_calendar_routes(Routes& routes) {
    using http::verb;
    routes.add(verb::get, "/kalender/{token}", {app::Action::view_public}, feed);
    routes.add(verb::post, "/meg/kalender", {app::Action::view_own_account}, renew);
    routes.add(verb::post, "/meg/kalender/av", {app::Action::view_own_account}, revoke);
}

}  // namespace alis::web
