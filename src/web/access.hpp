#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/http.hpp"
#include "web/router.hpp"

namespace alis::web {

struct Services;

inline constexpr std::string_view kSessionCookie = "__Host-alis_session";
inline constexpr std::string_view kLoginCsrfCookie = "__Host-alis_csrf";

// The value of a cookie in the request, or nullopt.
std::optional<std::string> cookie_value(const Request& request, std::string_view name);

// A Set-Cookie value with alis's flags: __Host- names are Secure, Path=/ and have no Domain;
// always HttpOnly and SameSite=Lax. A max_age of 0 deletes the cookie.
std::string cookie_header(std::string_view name, std::string_view value,
                          std::optional<int> max_age_seconds = std::nullopt);

// The percent-decoded value of a query parameter of the request target ("" when absent); throws
// HttpError 400 when it is not text alis accepts (domain::check_input).
std::string query_value(const Request& request, std::string_view name);

// The fields of an application/x-www-form-urlencoded body (empty for other types); throws
// HttpError 400 for a body that is not form-encoded. Every key and value is checked as text
// entering alis (domain::check_input): a bad key is a 422; a bad value is a 422 too, unless
// `refused` is given, which then gets the field and its message key, and the value is left empty.
std::map<std::string, std::string> form_fields(
    const Request& request, std::map<std::string, std::string>* refused = nullptr);

// Finds the session of the request's cookie and puts it in the context.
void resume_session(Services& services, const Request& request, RequestContext& context);

// For POST/PUT/PATCH/DELETE: refuses a request whose Origin (or Referer) is not this server, or
// whose CSRF token (form field csrf_token or header X-CSRF-Token) does not match the session's
// (or, before login, the double-submit cookie). Throws HttpError 403.
void check_state_change(const Request& request, const RequestContext& context);

// The CSRF token a form posts back: the session's, or a visitor's without a session (the login
// form, the public document check), kept in a cookie; `set_cookie` gets the Set-Cookie value
// when that cookie is new.
std::string form_token(const Request& request, const RequestContext& context,
                       std::optional<std::string>& set_cookie);

// Asks the central policy whether the request may run the route; throws HttpError (401, 403,
// 404) when not, after auditing the denial. Returns a redirect to the login page instead when an
// anonymous browser asks for a page. Returns nullopt when the handler may run.
std::optional<Response> authorize(Services& services, const RouteAccess& access,
                                  const Request& request, RequestContext& context);

// Whether the policy also allows `action` on what the route's access was decided on (for a
// {person:id} route, the person of the path), read once by authorize(): may this reader also edit?
bool also_allowed(const RequestContext& context, app::Action action, domain::Date today);

// Audits a successful read of a person's record (who, whose, when; never the content).
void audit_read(Services& services, const RouteAccess& access, const Request& request,
                const RequestContext& context);

// Remembers which records an account was shown in a list, so that showing the same list again
// within kListReadWindowSeconds adds no new audit events: the trail says "X saw Y's row in a list
// at T" once per window, not once per re-sort or download. Thread-safe.
class ListReadWindow {
  public:
    static constexpr std::int64_t kListReadWindowSeconds = 15 * 60;
    // The ids among `person_ids` not shown to `account_id` within the window before `now`.
    std::vector<std::int64_t> unseen(std::int64_t account_id,
                                     const std::vector<std::int64_t>& person_ids,
                                     std::int64_t now) const;
    // Records that they were shown (after their audit events were stored).
    void shown(std::int64_t account_id, const std::vector<std::int64_t>& person_ids,
               std::int64_t now);

  private:
    mutable std::mutex mutex_;
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> last_shown_;
};

// Audits that the request showed these people's records (a list or an export), one event each,
// in one transaction; records already audited for this account within the list-read window are
// not audited again (see ListReadWindow).
void audit_reads(Services& services, const Request& request, const RequestContext& context,
                 const std::vector<std::int64_t>& person_ids);

// The one audit event of web: now, the actor (or "anonym"), the address, the action and its
// outcome, and the target as "METHOD /route/{name}" (the route's name, without parameter types).
// Every write and denial of web builds its event here; the caller sets the subject and appends it
// (or hands it to the use case).
domain::AuditEvent audit_event(Services& services, const Request& request,
                               const RequestContext& context, std::string action,
                               std::string outcome);

// A 303 See Other to `location` (a path on this server).
Response redirect(unsigned version, const std::string& location);

}  // namespace alis::web
