#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.hpp"

namespace alis::web {

// Where a route's resource comes from, for the access decision.
enum class ResourceFrom {
    none,                // No resource: public pages, one's own account.
    person_param,        // The path parameter {person} is a person id.
    municipality_param,  // The path parameter {number} is a municipality number.
    office_param         // The path parameter {office} names a regional ALIS office.
};

// What a route does and to what: every route declares it, and the pipeline asks the central
// policy (app/policy.hpp) before the handler runs.
struct RouteAccess {
    app::Action action;
    ResourceFrom resource = ResourceFrom::none;
};

// Maps a method and a path to a handler. Patterns are literal segments and `{name}` parameters,
// e.g. "/api/v1/municipalities/{number}".
class Router {
  public:
    struct Route {
        http::verb method;
        std::string pattern;
        RouteAccess access;
        Handler handler;
        std::vector<std::string> segments;  // The pattern split at '/', computed once.
        bool literal = true;                // No {parameter} segment.
    };

    struct Match {
        const Route* route = nullptr;
        std::map<std::string, std::string> params;
        // Set when the path matched a route but not with this method (405).
        bool method_not_allowed = false;
    };

    // Registers a route; throws std::invalid_argument for a malformed pattern or a duplicate.
    void add(http::verb method, std::string pattern, RouteAccess access, Handler handler);
    // Finds the route for a method and a path (without query string).
    Match match(http::verb method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

// Splits "/a/b/c" into {"a", "b", "c"}; an empty path or "/" gives {}.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace alis::web
