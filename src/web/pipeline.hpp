#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "app/application.hpp"
#include "app/denied_access.hpp"
#include "app/trainee_overview.hpp"
#include "domain/attachment.hpp"
#include "domain/date.hpp"
#include "domain/municipality.hpp"
#include "domain/person.hpp"
#include "web/access.hpp"
#include "web/http.hpp"
#include "web/log.hpp"
#include "web/messages.hpp"
#include "web/metrics.hpp"
#include "web/response_cache.hpp"
#include "web/router.hpp"
#include "web/server.hpp"
#include "web/static_files.hpp"
#include "web/templates.hpp"

namespace alis::app {
class AuditSigningKey;
}

namespace alis::web {

// What handlers may use. Owned by whoever starts the server; outlives the pipeline.
struct Services {
    app::Application& app;  // The use cases' database and clock (today, now).
    const Catalogue& catalogue;
    const Templates& templates;
    const StaticFiles& static_files;
    Metrics& metrics;
    Log& log;
    ResponseCache& cache;
    app::Authenticator& auth;
    // Which list rows each account was shown lately (web/access.hpp, audit_reads).
    std::shared_ptr<ListReadWindow> list_reads = std::make_shared<ListReadWindow>();
    // Repeated denials of an account, coalesced per minute (app/denied_access.hpp).
    std::shared_ptr<app::DeniedAccessWindow> denials = std::make_shared<app::DeniedAccessWindow>();
    // Browsers reach alis over https (--public-url https://...): every answer then carries
    // Strict-Transport-Security. Never on plain http, where it would mean nothing or worse.
    bool https = false;
    // The address users reach alis at (--public-url, without a trailing '/'), the origin of
    // links that leave it: the one-time sign-off link in a mail, the calendar address. Empty:
    // the request's scheme and Host, right when alis is reached directly (the demo, a test).
    std::string public_url{};
    // The installation's Ed25519 key (--key-file, app/audit_head.hpp) that signs the training
    // records it issues; nullptr when none was given: the record is then shown but not issued.
    const app::AuditSigningKey* signing_key = nullptr;

    domain::Date today() const { return app.today(); }
    std::int64_t now() const { return app.now(); }
};

// The origin of a link that leaves alis (Services::public_url, else the request's Host).
std::string public_origin(const Services& services, const Request& request);

// A middleware wraps the rest of the chain: it may act before and after calling `next`.
using Middleware = std::function<Response(const Request&, RequestContext&, const Handler& next)>;

// The request pipeline, outermost first: observe (request id, access log, metrics) -> security
// headers -> errors (one last-resort handler) -> [added middleware] -> router -> handler.
class Pipeline {
  public:
    // Builds the pipeline with every alis route registered.
    explicit Pipeline(Services& services);

    Router& router() { return router_; }
    // Adds a middleware just outside the router (after the ones added before it).
    void use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }
    // Runs a request through the whole chain; never throws.
    Response handle(Request& request, const std::string& client_address = "127.0.0.1");
    // The answer to a request the server could not read (400, 413, 431), with the same headers,
    // format and logging as every other answer. `header` is what the server read of the request
    // (nullptr when not even the request line): when it asks for JSON (wants_json), the answer is
    // JSON; without it, the HTML page.
    Response reject(http::status status, const Request* header);
    // Adapts the pipeline to the server.
    HttpService service();

  private:
    Response dispatch(const Request& request, RequestContext& context);

    Services& services_;
    Router router_;
    std::vector<Middleware> middleware_;
};

// Sets the headers every response carries (CSP, nosniff, referrer policy, framing, caching), and
// Strict-Transport-Security when `https` (Services::https).
void apply_security_headers(Response& response, bool https);

// The metrics listener's service (--metrics-listen): GET /metrics answers the Prometheus text of
// `metrics`, anything else 404. Kept off the public port, whose router has no /metrics.
HttpService metrics_service(const Metrics& metrics);

// A page or JSON body as a response with the right Content-Type.
inline constexpr std::string_view kHtmlType = "text/html; charset=utf-8";
inline constexpr std::string_view kJsonType = "application/json; charset=utf-8";
Response html_response(http::status status, unsigned version, std::string body);
Response json_response(http::status status, unsigned version, const boost::json::value& body);
// An optional date as JSON: its ISO text ("2026-11-22"), or null.
boost::json::value date_or_null(const std::optional<domain::Date>& date);
// A 200 answer whose body is shared with the response cache: sent from its buffer, not copied.
Response cached_response(unsigned version, std::shared_ptr<const std::string> body,
                         std::string_view content_type);

// A download: a body of cached_response as an attachment named `filename` (CSV or Excel).
inline constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
inline constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
Response download_response(const Request& request, std::shared_ptr<const std::string> body,
                           std::string_view type, const std::string& filename);
// An uploaded file as a download, never shown in the browser: its stored type (by its first
// bytes), attachment, nosniff, not cached; a name in ASCII for old clients and in UTF-8 for the
// rest, and the bytes' SHA-256 in X-Content-SHA256.
Response file_response(const Request& request, domain::Attachment file);
// A PDF shown in the browser (inline), saved as `filename`.
Response pdf_response(const Request& request, std::string pdf, const std::string& filename);

// Renders an error as a friendly HTML page or as {"error": {code, message, field,
// correlation_id}}, in Norwegian, never with internals.
Response error_response(const Services& services, bool json, unsigned version, http::status status,
                        const std::string& code, const std::string& message_key,
                        const std::string& field, const std::string& request_id);

// Renders a page for a request: the page template inside the layout, with the signed-in user's
// bar (name, logout form with its CSRF token) when there is a session.
Response page(const Services& services, const Request& request, const RequestContext& context,
              std::string_view template_name, const std::string& title, boost::json::object data,
              http::status status = http::status::ok);

// The same as page, for a form that a visitor without a session may post back (the public checks
// of a document and of a training record): data's "csrf_token" is the form's token, and the
// visitor's token cookie is set when it is new (form_token).
Response page_with_form_token(const Services& services, const Request& request,
                              const RequestContext& context, std::string_view template_name,
                              const std::string& title, boost::json::object data,
                              http::status status = http::status::ok);

// The layout's signed-in bar: the user's name and the logout form's CSRF token; empty without a
// session.
boost::json::object user_bar(const RequestContext& context);

// The same as page, around a page body rendered before (Templates::render_body), e.g. kept in the
// response cache.
Response page_from_body(const Services& services, const Request& request,
                        const RequestContext& context, const std::string& title,
                        std::string_view body, http::status status = http::status::ok);

// The Designsystemet colour of an education-enterprise status tag ("success", "warning", ...).
const char* status_color(domain::EnterpriseStatus status);

// The person of a {person:id} route; throws HttpError 404 when there is none.
domain::Person load_person(Services& services, const RequestContext& context);

// A handler of alis: a plain function of the services, the request and what the pipeline knows
// about it (the path parameters, the session).
using Endpoint = Response (*)(Services&, const Request&, RequestContext&);

// The body limit of a route that takes an uploaded file (multipart/form-data): the largest file
// alis keeps (domain::kMaxAttachmentBytes, 5 MiB) and room for the form's other fields and the
// parts' headers. Every other route keeps the server's limit (ServerConfig::body_limit, 1 MiB).
inline constexpr std::size_t kUploadBodyLimit = domain::kMaxAttachmentBytes + 64 * 1024;

// The one way to declare an alis route: a method, a pattern with its typed parameters
// ("/personer/{person:id}", see Router), the access it needs, and its handler, bound to the
// services. Each web/*_routes.cpp declares its routes through it.
class Routes {
  public:
    Routes(Router& router, Services& services) : router_(router), services_(services) {}
    // `body_limit` is the route's own (Router::Route::body_limit): kUploadBodyLimit for a route
    // that takes an uploaded file, else 0 for the server's.
    void add(http::verb method, std::string pattern, RouteAccess access, Endpoint endpoint,
             std::size_t body_limit = 0);

  private:
    Router& router_;
    Services& services_;
};

// Registers every alis route on the router (web/routes.cpp).
void register_routes(Router& router, Services& services);

}  // namespace alis::web
