#pragma once

#include <boost/beast/http.hpp>

#include "app/auth.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace alis::web {

namespace http = boost::beast::http;
// A response body that is a string the handler owns, or a string shared with a cache: a cached
// page is sent from the cache's buffer instead of being copied into every response.
struct SharedStringBody {
    // Behaves as the std::string a handler writes into; `shared`, when set, is sent instead.
    struct value_type : std::string {
        using std::string::string;
        using std::string::operator=;
        value_type() = default;
        value_type(std::string text) : std::string(std::move(text)) {}  // NOLINT: implicit
        std::shared_ptr<const std::string> shared;
        // The bytes that go on the wire.
        const std::string& bytes() const { return shared ? *shared : *this; }
    };

    static std::uint64_t size(const value_type& body) { return body.bytes().size(); }

    // Serialises the body in one buffer (Beast's BodyWriter concept).
    class writer {
      public:
        using const_buffers_type = boost::asio::const_buffer;
        template <bool isRequest, class Fields>
        writer(const http::header<isRequest, Fields>&, const value_type& body) : body_(body) {}
        void init(boost::beast::error_code& ec) { ec = {}; }
        boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
            ec = {};
            const std::string& bytes = body_.bytes();
            return std::make_pair(const_buffers_type(bytes.data(), bytes.size()), false);
        }

      private:
        const value_type& body_;
    };
};

using Request = http::request<http::string_body>;
using Response = http::response<SharedStringBody>;

// What the pipeline knows about a request beside the request itself.
struct RequestContext {
    std::string request_id;  // Also the correlation id shown on error pages.
    // The matched route's name (its pattern without parameter types, "/personer/{person}"), for
    // logs, metrics and audit targets.
    std::string route = "-";
    // Text path parameters ({number}), e.g. {"number": "4601"}.
    std::map<std::string, std::string, std::less<>> params;
    // Id path parameters ({person:id}), parsed by the router when it matched the path.
    std::map<std::string, std::int64_t, std::less<>> ids;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::string client_address;                  // The peer's IP address.
    std::optional<app::ResumedSession> session;  // Set when the request carries a live session.
    // What the route's access was decided on (web/access.cpp), for a handler that asks the policy
    // again about the same resource (may this reader also edit?) without reading it again.
    std::optional<app::Resource> resource;

    // The value of the route's {name:id} parameter; throws std::out_of_range when it has none.
    std::int64_t id(std::string_view name) const {
        const auto it = ids.find(name);
        if (it == ids.end()) {
            throw std::out_of_range("the route has no id parameter " + std::string(name));
        }
        return it->second;
    }
};

// A handler is a plain function from a request (plus its context) to a response.
using Handler = std::function<Response(const Request&, RequestContext&)>;

// An expected failure that maps one-to-one to an HTTP status. `code` is stable for API clients;
// `message_key` names the user's message in the catalogue; `field` names the input at fault.
class HttpError : public std::runtime_error {
  public:
    HttpError(http::status status, std::string code, std::string message_key,
              std::string field = {})
        : std::runtime_error(code),
          status_(status),
          code_(std::move(code)),
          message_key_(std::move(message_key)),
          field_(std::move(field)) {}

    http::status status() const { return status_; }
    const std::string& code() const { return code_; }
    const std::string& message_key() const { return message_key_; }
    const std::string& field() const { return field_; }

  private:
    http::status status_;
    std::string code_;
    std::string message_key_;
    std::string field_;
};

// Throws the one "not found" of alis (404 not_found), for a record a handler looked for and did
// not find.
[[noreturn]] inline void not_found() {
    throw HttpError(http::status::not_found, "not_found", "error.not_found");
}

// The record a handler looked for, or 404 (not_found) when there is none.
template <class T>
T found(std::optional<T> record) {
    if (!record) {
        not_found();
    }
    return std::move(*record);
}

// True when the client asked for JSON (an /api/ path or an Accept header preferring JSON).
bool wants_json(const Request& request);

}  // namespace alis::web
