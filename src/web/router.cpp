#include "web/router.hpp"

#include <stdexcept>

namespace alis::web {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '/') {
            ++pos;
            continue;
        }
        const std::size_t end = path.find('/', pos);
        const std::size_t stop = end == std::string_view::npos ? path.size() : end;
        segments.push_back(path.substr(pos, stop - pos));
        pos = stop;
    }
    return segments;
}

namespace {

bool is_parameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches path segments against a pattern's segments; fills params on success.
bool segments_match(const std::vector<std::string>& parts,
                    const std::vector<std::string_view>& path,
                    std::map<std::string, std::string>& params) {
    if (parts.size() != path.size()) {
        return false;
    }
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (is_parameter(parts[i])) {
            found.emplace(parts[i].substr(1, parts[i].size() - 2), path[i]);
        } else if (parts[i] != path[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

void Router::add(http::verb method, std::string pattern, RouteAccess access, Handler handler) {
    if (pattern.empty() || pattern.front() != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + pattern);
    }
    for (const Route& route : routes_) {
        if (route.method == method && route.pattern == pattern) {
            throw std::invalid_argument("route registered twice: " + pattern);
        }
    }
    std::vector<std::string> segments;
    for (const auto segment : split_path(pattern)) {
        segments.emplace_back(segment);
    }
    const bool literal = pattern.find('{') == std::string::npos;
    routes_.push_back(
        {method, std::move(pattern), access, std::move(handler), std::move(segments), literal});
}

Router::Match Router::match(http::verb method, std::string_view path) const {
    const auto segments = split_path(path);
    Match result;
    // Literal routes win over parameter routes: try them in two passes.
    for (const bool literal_pass : {true, false}) {
        for (const Route& route : routes_) {
            if (route.literal != literal_pass) {
                continue;
            }
            std::map<std::string, std::string> params;
            if (!segments_match(route.segments, segments, params)) {
                continue;
            }
            const bool method_ok = route.method == method ||
                                   (method == http::verb::head && route.method == http::verb::get);
            if (method_ok) {
                result.route = &route;
                result.params = std::move(params);
                result.method_not_allowed = false;
                return result;
            }
            result.method_not_allowed = true;
        }
    }
    return result;
}

}  // namespace alis::web
