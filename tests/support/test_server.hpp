#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "app/audit_head.hpp"
#include "app/auth.hpp"
#include "store/database.hpp"
#include "support/postgres.hpp"
#include "support/temp_dir.hpp"
#include "web/pipeline.hpp"
#include "web/server.hpp"

namespace alis::testing {

// What a TestServer is started with beside its ServerConfig.
struct TestServerOptions {
    web::ServerConfig config;
    bool load_demo = false;
    bool https = false;             // As `--public-url https://...`: responses carry HSTS.
    bool metrics_listener = false;  // As `--metrics-listen`: see metrics_port().
    // The database to serve; empty: a fresh one of the test backend (below).
    std::string database_url;
};

// The backend a TestServer's fresh database is on: "sqlite" (a file in its temp dir), or
// "postgresql" when ALIS_TEST_BACKEND=postgresql (CTest runs the HTTP suites a second time so,
// as pg.* tests), a fresh database on the test server (tests/support/postgres.hpp).
std::string test_backend();

// The real alis server, in this process, on a free loopback port, over a fresh migrated database
// of the test backend (or options.database_url). Its JSON log goes to a file the test can read.
class TestServer {
  public:
    explicit TestServer(web::ServerConfig config = {}, bool load_demo = false)
        : TestServer(TestServerOptions{std::move(config), load_demo, false, false, {}}) {}
    explicit TestServer(TestServerOptions options);
    ~TestServer();

    unsigned short port() const { return server_->port(); }
    // The metrics listener's port (options.metrics_listener), serving only /metrics.
    unsigned short metrics_port() const { return metrics_server_->port(); }
    app::Application& app() { return *app_; }
    // The server's database, for tests that read or write it directly.
    store::Database& database() { return app_->database(); }
    // The server's database, for a second store object that stands in for another process.
    std::string database_url() const { return database_url_; }
    web::Pipeline& pipeline() { return *pipeline_; }
    // The installation's signing key (a fresh one per server): signs the training records.
    const app::AuditSigningKey& signing_key() const { return *signing_key_; }
    // Stops the server and waits until run() has returned.
    void stop();
    // Everything the server logged so far.
    std::string log_text() const;
    // As `--public-url URL`: the origin of links that leave alis (web::public_origin). Between
    // requests only.
    void set_public_url(std::string url);

    static domain::Date fixed_today() { return *domain::Date::parse_iso("2026-11-22"); }
    // The server's clock (Unix seconds), for session-expiry tests. The server's "today" is the
    // clock's UTC date: fixed_today() until the clock is advanced past midnight.
    std::int64_t now() const { return clock_.load(); }
    void advance_clock(std::int64_t seconds) { clock_ += seconds; }

  private:
    TempDir dir_;
    std::unique_ptr<TempPostgres> postgres_;
    std::string database_url_;
    std::atomic<std::int64_t> clock_{1795305600};  // 2026-11-22T00:00:00Z.
    std::unique_ptr<app::Application> app_;
    std::unique_ptr<web::Catalogue> catalogue_;
    std::unique_ptr<web::Templates> templates_;
    std::unique_ptr<web::StaticFiles> static_files_;
    web::Metrics metrics_;
    web::ResponseCache cache_;
    std::unique_ptr<app::Authenticator> auth_;
    std::FILE* log_file_ = nullptr;
    std::unique_ptr<web::Log> log_;
    std::unique_ptr<app::AuditSigningKey> signing_key_;
    std::unique_ptr<web::Services> services_;
    std::unique_ptr<web::Pipeline> pipeline_;
    std::unique_ptr<web::Server> server_;
    std::thread thread_;
    std::unique_ptr<web::Server> metrics_server_;
    std::thread metrics_thread_;
};

// A plain HTTP/1.1 client for tests.
namespace client {

using Response = boost::beast::http::response<boost::beast::http::string_body>;

// An application/x-www-form-urlencoded body of `fields`, each key and value percent-encoded byte
// by byte (so a test can send any bytes a browser or an attacker could).
std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields);

// A file of a multipart/form-data body: its field, its name and declared type, and its bytes.
struct FilePart {
    std::string field;
    std::string filename;
    std::string content_type;
    std::string bytes;
};
// The boundary multipart_body uses, and the Content-Type that names it.
inline constexpr const char* kMultipartBoundary = "----alisboundary7MA4YWxk";
inline constexpr const char* kMultipartType =
    "multipart/form-data; boundary=----alisboundary7MA4YWxk";
// A multipart/form-data body as a browser sends a form with files: the fields, then the files.
std::string multipart_body(const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::vector<FilePart>& files);

// Sends one request on a new connection and reads the answer.
Response request(unsigned short port, boost::beast::http::verb method, const std::string& target,
                 const std::string& body = {}, const std::string& content_type = {},
                 const std::vector<std::pair<std::string, std::string>>& headers = {});
inline Response get(unsigned short port, const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return request(port, boost::beast::http::verb::get, target, {}, {}, headers);
}
// A signed-in browser, as far as tests need one: the session cookie and its CSRF token.
struct SignedIn {
    std::string session_cookie;  // "__Host-alis_session=..."
    std::string session_id;
    std::string csrf_token;
    std::vector<std::pair<std::string, std::string>> headers() const {
        return {{"Cookie", session_cookie}};
    }
    // Headers for a state-changing request: cookie, same Origin and the CSRF token.
    std::vector<std::pair<std::string, std::string>> post_headers(unsigned short port) const {
        return {{"Cookie", session_cookie},
                {"Origin", "http://127.0.0.1:" + std::to_string(port)},
                {"X-CSRF-Token", csrf_token}};
    }
};

// Logs in through the real login form (GET for the CSRF cookie, POST with it); returns nullopt
// with the response status in `status` when the login is refused.
std::optional<SignedIn> login(unsigned short port, const std::string& email,
                              const std::string& password, unsigned* status = nullptr);

// The value of a cookie set by a response, or nullopt.
std::optional<std::string> set_cookie_value(const Response& response, const std::string& name);
// The whole Set-Cookie header for a cookie name.
std::optional<std::string> set_cookie_header(const Response& response, const std::string& name);

// Writes raw bytes and reads until the server closes the connection (or `timeout` passes).
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

}  // namespace client
}  // namespace alis::testing
