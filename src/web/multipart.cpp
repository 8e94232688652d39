#include "web/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace alis::web {
namespace {

constexpr std::size_t kMaxBoundary = 70;  // RFC 2046.

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

// The value of `parameter` in a header value such as `form-data; name="file"; filename="a.pdf"`.
std::optional<std::string> header_parameter(std::string_view value, std::string_view parameter) {
    std::size_t at = value.find(';');
    while (at != std::string_view::npos) {
        auto rest = value.substr(at + 1);
        const auto next = rest.find(';');
        auto item = trim_spaces(rest.substr(0, next));
        const auto eq = item.find('=');
        if (eq != std::string_view::npos && iequals(trim_spaces(item.substr(0, eq)), parameter)) {
            auto v = trim_spaces(item.substr(eq + 1));
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
                v = v.substr(1, v.size() - 2);
            }
            return std::string(v);
        }
        at = next == std::string_view::npos ? next : at + 1 + next;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view content_type,
                                                          std::string_view body) {
    const auto semicolon = content_type.find(';');
    if (!iequals(trim_spaces(content_type.substr(0, semicolon)), "multipart/form-data")) {
        return std::nullopt;
    }
    const auto boundary = header_parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > kMaxBoundary) {
        return std::nullopt;
    }
    const std::string delimiter = "--" + *boundary;
    // The first delimiter starts the body or a line.
    std::size_t at = body.starts_with(delimiter) ? 0 : body.find("\r\n" + delimiter);
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    at += body.starts_with(delimiter) ? delimiter.size() : delimiter.size() + 2;
    std::vector<MultipartPart> parts;
    while (true) {
        if (body.substr(at, 2) == "--") {
            return parts;  // The closing delimiter.
        }
        if (body.substr(at, 2) != "\r\n") {
            return std::nullopt;
        }
        at += 2;
        const auto headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos) {
            return std::nullopt;
        }
        MultipartPart part;
        bool named = false;
        for (auto h = at; h < headers_end;) {
            const auto eol = std::min(body.find("\r\n", h), headers_end);
            const auto line = body.substr(h, eol - h);
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) {
                return std::nullopt;
            }
            const auto name = trim_spaces(line.substr(0, colon));
            const auto value = trim_spaces(line.substr(colon + 1));
            if (iequals(name, "content-disposition")) {
                const auto field = header_parameter(value, "name");
                if (!field) {
                    return std::nullopt;
                }
                part.name = *field;
                part.filename = header_parameter(value, "filename").value_or("");
                named = true;
            } else if (iequals(name, "content-type")) {
                part.content_type = std::string(value);
            }
            h = eol + 2;
        }
        if (!named) {
            return std::nullopt;
        }
        const auto start = headers_end + 4;
        const auto end = body.find("\r\n" + delimiter, start);
        if (end == std::string_view::npos) {
            return std::nullopt;
        }
        part.body = std::string(body.substr(start, end - start));
        parts.push_back(std::move(part));
        at = end + 2 + delimiter.size();
    }
}

const MultipartPart* find_part(const std::vector<MultipartPart>& parts, std::string_view name) {
    const auto it = std::find_if(parts.begin(), parts.end(),
                                 [&](const MultipartPart& p) { return p.name == name; });
    return it == parts.end() ? nullptr : &*it;
}

}  // namespace alis::web
