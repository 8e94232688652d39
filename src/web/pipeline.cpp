#include "web/pipeline.hpp"

#include <sodium.h>
#include <boost/url/parse.hpp>

#include <chrono>

#include "domain/splitmix.hpp"
#include "domain/text.hpp"
#include "domain/training_path.hpp"
#include "web/access.hpp"

namespace alis::web {
namespace {

// A correlation id for the logs and the error page: unique, not secret. Each thread draws from its
// own SplitMix64 seeded once from the system's randomness (a getrandom call per request cost about
// 2 % of a cached answer).
std::string new_request_id() {
    thread_local domain::SplitMix64 generator(randombytes_random() |
                                              (std::uint64_t{randombytes_random()} << 32));
    const std::uint64_t value = generator.next();
    unsigned char bytes[8];
    for (std::size_t i = 0; i < sizeof bytes; ++i) {
        bytes[i] = static_cast<unsigned char>(value >> (8 * i));
    }
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

const char* message_key_for(http::status status) {
    switch (status) {
        case http::status::bad_request:
            return "error.bad_request";
        case http::status::not_found:
            return "error.not_found";
        case http::status::method_not_allowed:
            return "error.method_not_allowed";
        case http::status::payload_too_large:
            return "error.payload_too_large";
        case http::status::request_header_fields_too_large:
            return "error.header_too_large";
        case http::status::service_unavailable:
            return "error.unavailable";
        default:
            return "error.internal";
    }
}

const char* code_for(http::status status) {
    switch (status) {
        case http::status::bad_request:
            return "bad_request";
        case http::status::payload_too_large:
            return "payload_too_large";
        case http::status::request_header_fields_too_large:
            return "header_too_large";
        default:
            return "internal_error";
    }
}

}  // namespace

bool wants_json(const Request& request) {
    const auto target = request.target();
    if (target.starts_with("/api/")) {
        return true;
    }
    const auto accept = request[http::field::accept];
    return accept.find("application/json") != std::string_view::npos &&
           accept.find("text/html") == std::string_view::npos;
}

std::string public_origin(const Services& services, const Request& request) {
    if (!services.public_url.empty()) {
        return services.public_url;
    }
    return std::string(services.https ? "https://" : "http://") +
           std::string(request[http::field::host]);
}

void apply_security_headers(Response& response, bool https) {
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; "
                 "base-uri 'none'; frame-ancestors 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts,
    // which the CSRF origin check must refuse.
    response.set("Referrer-Policy", "same-origin");
    response.set("X-Frame-Options", "DENY");
    response.set("Cross-Origin-Opener-Policy", "same-origin");
    response.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (response.find(http::field::cache_control) == response.end()) {
        response.set(http::field::cache_control, "no-store");
    }
    response.erase(http::field::server);
    if (https) {
        response.set(http::field::strict_transport_security, "max-age=31536000; includeSubDomains");
    }
}

Response html_response(http::status status, unsigned version, std::string body) {
    Response response{status, version};
    response.set(http::field::content_type, kHtmlType);
    response.body() = std::move(body);
    return response;
}

Response json_response(http::status status, unsigned version, const boost::json::value& body) {
    Response response{status, version};
    response.set(http::field::content_type, kJsonType);
    response.body() = boost::json::serialize(body);
    return response;
}

boost::json::value date_or_null(const std::optional<domain::Date>& date) {
    return date ? boost::json::value(date->iso()) : boost::json::value();
}

Response cached_response(unsigned version, std::shared_ptr<const std::string> body,
                         std::string_view content_type) {
    Response response{http::status::ok, version};
    response.set(http::field::content_type, content_type);
    response.body().shared = std::move(body);
    return response;
}

Response download_response(const Request& request, std::shared_ptr<const std::string> body,
                           std::string_view type, const std::string& filename) {
    Response response = cached_response(request.version(), std::move(body), type);
    response.set(http::field::content_disposition, "attachment; filename=\"" + filename + "\"");
    return response;
}

namespace {

// The bytes of a file name as RFC 8187 (Content-Disposition's filename*=UTF-8''...).
std::string percent_encoded(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

}  // namespace

Response file_response(const Request& request, domain::Attachment file) {
    std::string ascii;
    for (const char ch : file.file_name) {
        const auto c = static_cast<unsigned char>(ch);
        ascii += c >= 0x20 && c < 0x7F && ch != '"' && ch != '\\' ? ch : '_';
    }
    auto response =
        download_response(request, std::make_shared<const std::string>(std::move(file.content)),
                          domain::to_string(file.media_type), ascii);
    response.set(http::field::content_disposition, "attachment; filename=\"" + ascii +
                                                       "\"; filename*=UTF-8''" +
                                                       percent_encoded(file.file_name));
    response.set("X-Content-Type-Options", "nosniff");
    response.set(http::field::cache_control, "private, no-store");
    response.set("X-Content-SHA256", file.sha256);
    return response;
}

Response pdf_response(const Request& request, std::string pdf, const std::string& filename) {
    Response response = cached_response(
        request.version(), std::make_shared<const std::string>(std::move(pdf)), "application/pdf");
    response.set(http::field::content_disposition, "inline; filename=\"" + filename + "\"");
    return response;
}

Response error_response(const Services& services, bool json, unsigned version, http::status status,
                        const std::string& code, const std::string& message_key,
                        const std::string& field, const std::string& request_id) {
    const std::string message = services.catalogue.text(message_key);
    if (json) {
        boost::json::object error{
            {"code", code}, {"message", message}, {"correlation_id", request_id}};
        if (!field.empty()) {
            error["field"] = field;
        }
        return json_response(status, version, boost::json::object{{"error", error}});
    }
    const boost::json::object data{
        {"message", message},
        {"correlation",
         services.catalogue.format("error.correlation", {{"request_id", request_id}})}};
    return html_response(
        status, version,
        services.templates.render_page("error", services.catalogue.text("error.title"), data,
                                       services.static_files.urls()));
}

Response page(const Services& services, const Request& request, const RequestContext& context,
              std::string_view template_name, const std::string& title, boost::json::object data,
              http::status status) {
    return html_response(
        status, request.version(),
        services.templates.render_page(template_name, title, std::move(data),
                                       services.static_files.urls(), user_bar(context)));
}

Response page_with_form_token(const Services& services, const Request& request,
                              const RequestContext& context, std::string_view template_name,
                              const std::string& title, boost::json::object data,
                              http::status status) {
    std::optional<std::string> cookie;
    data["csrf_token"] = form_token(request, context, cookie);
    auto response = page(services, request, context, template_name, title, std::move(data), status);
    if (cookie) {
        response.set(http::field::set_cookie, *cookie);
    }
    return response;
}

boost::json::object user_bar(const RequestContext& context) {
    boost::json::object user;
    if (context.session) {
        user["name"] = context.session->actor.display_name;
        user["csrf_token"] = context.session->csrf_token;
    }
    return user;
}

Response page_from_body(const Services& services, const Request& request,
                        const RequestContext& context, const std::string& title,
                        std::string_view body, http::status status) {
    return html_response(status, request.version(),
                         services.templates.render_layout(title, body, services.static_files.urls(),
                                                          user_bar(context)));
}

void Routes::add(http::verb method, std::string pattern, RouteAccess access, Endpoint endpoint,
                 std::size_t body_limit) {
    router_.add(
        method, std::move(pattern), access,
        [&services = services_, endpoint](const Request& request, RequestContext& context) {
            return endpoint(services, request, context);
        },
        body_limit);
}

Pipeline::Pipeline(Services& services) : services_(services) {
    register_routes(router_, services_);
}

Response Pipeline::dispatch(const Request& request, RequestContext& context) {
    const auto url = boost::urls::parse_origin_form(request.target());
    // The path as the router and the handlers see it (decoded) is text that entered alis: strict
    // UTF-8 without control characters (domain/text.hpp), or the request is refused here.
    if (!url || domain::check_input(url->path()) != domain::TextProblem::none) {
        throw HttpError(http::status::bad_request, "bad_request", "error.bad_request");
    }
    const auto match = router_.match(request.method(), url->path());
    if (match.route == nullptr) {
        if (match.method_not_allowed) {
            throw HttpError(http::status::method_not_allowed, "method_not_allowed",
                            "error.method_not_allowed");
        }
        not_found();
    }
    context.route = match.route->name;
    context.params = match.params;
    context.ids = match.ids;
    const RouteAccess access = match.route->access;
    resume_session(services_, request, context);
    // Access first: a POST without a live session is answered 401 (not "CSRF failed").
    if (auto answer = authorize(services_, access, request, context)) {
        return std::move(*answer);
    }
    check_state_change(request, context);
    // Middleware added with use() runs around the handler, innermost last.
    Handler next = match.route->handler;
    for (auto it = middleware_.rbegin(); it != middleware_.rend(); ++it) {
        next = [&middleware = *it, inner = std::move(next)](const Request& r, RequestContext& c) {
            return middleware(r, c, inner);
        };
    }
    Response response;
    try {
        response = next(request, context);
    } catch (const domain::TrainingPathError&) {
        // A record the ledger refuses (more periods than it counts) is a state of the data, not
        // a failure of alis: the page says so, and what to do, instead of a 500.
        throw HttpError(http::status::conflict, "ledger_failed", "error.ledger_failed");
    }
    if (response.result() == http::status::ok) {
        audit_read(services_, access, request, context);
    }
    return response;
}

Response Pipeline::handle(Request& request, const std::string& client_address) {
    RequestContext context;
    context.request_id = new_request_id();
    context.client_address = client_address;
    Response response;
    // The last-resort error handler: every failure becomes a friendly answer.
    try {
        response = dispatch(request, context);
    } catch (const HttpError& e) {
        try {
            response = error_response(services_, wants_json(request), request.version(), e.status(),
                                      e.code(), e.message_key(), e.field(), context.request_id);
        } catch (const std::exception&) {
            response = Response{e.status(), request.version()};
            response.set(http::field::content_type, "text/plain; charset=utf-8");
            response.body() = e.code();
        }
    } catch (const std::exception& e) {
        // An unreachable database is "try again" (503), not a failure of alis (500).
        const bool unreachable = app::is_database_unreachable(e);
        const auto status =
            unreachable ? http::status::service_unavailable : http::status::internal_server_error;
        const char* message_key = unreachable ? "error.database_unavailable" : "error.internal";
        services_.log.write({{"level", unreachable ? "warning" : "error"},
                             {"request_id", context.request_id},
                             {"route", context.route},
                             {"error", e.what()}});
        try {
            response = error_response(services_, wants_json(request), request.version(), status,
                                      unreachable ? "database_unavailable" : "internal_error",
                                      message_key, "", context.request_id);
        } catch (const std::exception&) {
            response = Response{status, request.version()};
            response.set(http::field::content_type, "text/plain; charset=utf-8");
            response.body() = services_.catalogue.text(message_key);
        }
        if (unreachable) {
            response.set(http::field::retry_after, "5");
        }
    }
    apply_security_headers(response, services_.https);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - context.started).count();
    services_.metrics.record(context.route, response.result_int(), seconds);
    if (!services_.log.enabled()) {
        return response;
    }
    services_.log.write({{"request_id", context.request_id},
                         {"method", std::string(request.method_string())},
                         {"route", context.route},
                         {"status", response.result_int()},
                         {"duration_us", static_cast<std::int64_t>(seconds * 1e6)}});
    return response;
}

Response Pipeline::reject(http::status status, const Request* header) {
    const std::string request_id = new_request_id();
    const unsigned version = header != nullptr ? header->version() : 11;
    const bool json = header != nullptr && wants_json(*header);
    Response response;
    try {
        response = error_response(services_, json, version, status, code_for(status),
                                  message_key_for(status), "", request_id);
    } catch (const std::exception&) {
        response = Response{status, version};
        response.set(http::field::content_type, "text/plain; charset=utf-8");
    }
    apply_security_headers(response, services_.https);
    services_.metrics.record("-", static_cast<unsigned>(status), 0.0);
    services_.log.write({{"request_id", request_id},
                         {"method", header != nullptr ? std::string(header->method_string()) : "-"},
                         {"route", "-"},
                         {"status", static_cast<unsigned>(status)},
                         {"duration_us", 0}});
    return response;
}

HttpService metrics_service(const Metrics& metrics) {
    HttpService service;
    const auto answer = [](http::status status, unsigned version, std::string body) {
        Response response{status, version};
        response.set(http::field::content_type, status == http::status::ok
                                                    ? "text/plain; version=0.0.4; charset=utf-8"
                                                    : "text/plain; charset=utf-8");
        response.body() = std::move(body);
        // A scraper reaches this port without TLS or a browser; the headers cost nothing.
        apply_security_headers(response, false);
        return response;
    };
    service.handle = [&metrics, answer](Request& request, const std::string&) {
        const auto target = request.target();
        const auto path = target.substr(0, target.find('?'));
        const bool get =
            request.method() == http::verb::get || request.method() == http::verb::head;
        if (path != "/metrics") {
            return answer(http::status::not_found, request.version(), "not found\n");
        }
        if (!get) {
            auto response =
                answer(http::status::method_not_allowed, request.version(), "method not allowed\n");
            response.set(http::field::allow, "GET, HEAD");
            return response;
        }
        return answer(http::status::ok, request.version(), metrics.render());
    };
    service.reject = [answer](http::status status, const Request* header) {
        return answer(status, header != nullptr ? header->version() : 11, "bad request\n");
    };
    return service;
}

HttpService Pipeline::service() {
    HttpService service;
    service.handle = [this](Request& request, const std::string& address) {
        return handle(request, address);
    };
    service.reject = [this](http::status status, const Request* header) {
        return reject(status, header);
    };
    service.body_limit = [this](const Request& header) -> std::optional<std::size_t> {
        const auto url = boost::urls::parse_origin_form(header.target());
        if (!url) {
            return std::nullopt;
        }
        const auto match = router_.match(header.method(), url->path());
        if (match.route == nullptr || match.route->body_limit == 0) {
            return std::nullopt;
        }
        return match.route->body_limit;
    };
    service.connections_changed = [this](int delta) {
        services_.metrics.connections_changed(delta);
    };
    return service;
}

}  // namespace alis::web
