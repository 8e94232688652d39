#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.hpp"

namespace alis::web {

// Where a route's resource comes from, for the access decision.
enum class ResourceFrom {
    none,                // No resource: public pages, one's own account.
    person_param,        // The path parameter {person:id} is a person id.
    municipality_param,  // The path parameter {number} is a municipality number.
    office_param,        // The path parameter {office} names a regional ALIS office.
    employment_param,    // {person:id} and {employment:id}: one employment of that person.
    meeting_param,       // {person:id} and {meeting:id}: one supervision meeting of that person.
    supervisor_param,    // {number} and {supervisor:id}: one supervisor that municipality has
                         // registered.
    activity_param       // {person:id} and {activity:id}: one learning activity of that person.
};

// What a route does and to what: every route declares it, and the pipeline asks the central
// policy (app/policy.hpp) before the handler runs.
struct RouteAccess {
    app::Action action;
    ResourceFrom resource = ResourceFrom::none;
};

// Maps a method and a path to a handler. Patterns are literal segments and parameters: `{name}`
// is any text, `{name:id}` a positive decimal int64 ("42"; not "0", "-1", "+1", "07x" or more
// than fits), e.g. "/kommuner/{number}/utdanningsplan/arenaer/{arena:id}". A path whose text is
// not a valid value for a typed parameter does not match the route, so it is answered 404 before
// any access is decided; the handler reads the value parsed once (RequestContext::id).
class Router {
  public:
    // One segment of a pattern: a literal, or a parameter with its name and type.
    struct Segment {
        enum class Kind { literal, text, id };
        Kind kind = Kind::literal;
        std::string text;  // The literal, or the parameter's name.
    };

    struct Route {
        http::verb method;
        std::string pattern;  // As registered: "/personer/{person:id}".
        std::string name;     // Without parameter types: "/personer/{person}", for logs and audit.
        RouteAccess access;
        Handler handler;
        std::vector<Segment> segments;  // The pattern split at '/', computed once.
        bool literal = true;            // No parameter segment.
        // The largest request body the route takes, or 0 for the server's (ServerConfig's
        // body_limit); only the routes that take an upload have a larger one.
        std::size_t body_limit = 0;
    };

    struct Match {
        const Route* route = nullptr;
        std::map<std::string, std::string, std::less<>> params;  // {name} parameters.
        std::map<std::string, std::int64_t, std::less<>> ids;    // {name:id} parameters.
        // Set when the path matched a route but not with this method (405).
        bool method_not_allowed = false;
    };

    // Registers a route (with its own body limit, Route::body_limit, when not 0); throws
    // std::invalid_argument for a malformed pattern, an unknown parameter type or a duplicate.
    void add(http::verb method, std::string pattern, RouteAccess access, Handler handler,
             std::size_t body_limit = 0);
    // Finds the route for a method and a path (without query string).
    Match match(http::verb method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

// Splits "/a/b/c" into {"a", "b", "c"}; an empty path or "/" gives {}.
std::vector<std::string_view> split_path(std::string_view path);

// An id as alis writes it in paths and forms: a positive decimal int64 without sign ("42");
// nullopt for anything else ("0", "-1", "+1", "7x", "", more than fits).
std::optional<std::int64_t> parse_id(std::string_view text);

}  // namespace alis::web
