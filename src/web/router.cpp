#include "web/router.hpp"

#include <charconv>
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

std::optional<std::int64_t> parse_id(std::string_view text) {
    if (text.empty() || text.front() < '0' || text.front() > '9') {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || value <= 0) {
        return std::nullopt;
    }
    return value;
}

namespace {

using Segment = Router::Segment;

// "{person:id}" -> an id parameter "person"; "{number}" -> a text parameter; else a literal.
Segment segment_of(std::string_view text, const std::string& pattern) {
    if (text.size() < 3 || text.front() != '{' || text.back() != '}') {
        if (text.find_first_of("{}") != std::string_view::npos) {
            throw std::invalid_argument("malformed route parameter in " + pattern);
        }
        return {Segment::Kind::literal, std::string(text)};
    }
    const std::string_view inner = text.substr(1, text.size() - 2);
    const auto colon = inner.find(':');
    const std::string name(inner.substr(0, colon));
    if (name.empty()) {
        throw std::invalid_argument("route parameter without a name in " + pattern);
    }
    if (colon == std::string_view::npos) {
        return {Segment::Kind::text, name};
    }
    if (inner.substr(colon + 1) == "id") {
        return {Segment::Kind::id, name};
    }
    throw std::invalid_argument("unknown route parameter type in " + pattern);
}

// Matches path segments against a route's segments; fills the match's parameters on success.
bool segments_match(const std::vector<Segment>& parts, const std::vector<std::string_view>& path,
                    Router::Match& match) {
    if (parts.size() != path.size()) {
        return false;
    }
    Router::Match found;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        switch (parts[i].kind) {
            case Segment::Kind::literal:
                if (parts[i].text != path[i]) {
                    return false;
                }
                break;
            case Segment::Kind::text:
                found.params.emplace(parts[i].text, path[i]);
                break;
            case Segment::Kind::id: {
                const auto id = parse_id(path[i]);
                if (!id) {
                    return false;
                }
                found.ids.emplace(parts[i].text, *id);
                break;
            }
        }
    }
    match.params = std::move(found.params);
    match.ids = std::move(found.ids);
    return true;
}

}  // namespace

void Router::add(http::verb method, std::string pattern, RouteAccess access, Handler handler,
                 std::size_t body_limit) {
    if (pattern.empty() || pattern.front() != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + pattern);
    }
    for (const Route& route : routes_) {
        if (route.method == method && route.pattern == pattern) {
            throw std::invalid_argument("route registered twice: " + pattern);
        }
    }
    std::vector<Segment> segments;
    std::string name;
    bool literal = true;
    for (const auto text : split_path(pattern)) {
        segments.push_back(segment_of(text, pattern));
        const Segment& segment = segments.back();
        literal = literal && segment.kind == Segment::Kind::literal;
        name +=
            segment.kind == Segment::Kind::literal ? "/" + segment.text : "/{" + segment.text + "}";
    }
    if (name.empty() || pattern.ends_with('/')) {
        name += '/';
    }
    routes_.push_back({method, std::move(pattern), std::move(name), access, std::move(handler),
                       std::move(segments), literal, body_limit});
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
            Match candidate;
            if (!segments_match(route.segments, segments, candidate)) {
                continue;
            }
            const bool method_ok = route.method == method ||
                                   (method == http::verb::head && route.method == http::verb::get);
            if (method_ok) {
                candidate.route = &route;
                return candidate;
            }
            result.method_not_allowed = true;
        }
    }
    return result;
}

}  // namespace alis::web
