#include "support/test_server.hpp"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "app/demo_data.hpp"
#include "store/database.hpp"
#include "web/documents.hpp"

namespace alis::testing {

std::string test_backend() {
    const char* backend = std::getenv("ALIS_TEST_BACKEND");
    return backend != nullptr && std::string(backend) == "postgresql" ? "postgresql" : "sqlite";
}

TestServer::TestServer(TestServerOptions options) {
    auto& config = options.config;
    // Today follows the settable clock (UTC), so a test can move a year ahead.
    app::Clock clock{
        [this] {
            return domain::Date::from_days(static_cast<std::int32_t>(clock_.load() / 86400));
        },
        [this] { return clock_.load(); }};
    database_url_ = options.database_url;
    if (database_url_.empty() && test_backend() == "postgresql") {
        const auto server = postgres_server_url();
        if (!server) {
            throw std::runtime_error("ALIS_TEST_BACKEND=postgresql without ALIS_TEST_POSTGRES_URL");
        }
        postgres_ = std::make_unique<TempPostgres>(*server, TempPostgres::Schema::migrated);
        database_url_ = postgres_->url();
    } else if (database_url_.empty()) {
        database_url_ = dir_.sqlite_url();
    }
    app_ = std::make_unique<app::Application>(store::open_database(database_url_, 2),
                                              std::move(clock));
    app_->migrate();
    catalogue_ = std::make_unique<web::Catalogue>("nb");
    if (options.load_demo) {
        app::load_demo_data(*app_, fixed_today(), {});
        web::add_demo_documents(*catalogue_, *app_, fixed_today());
    }
    templates_ = std::make_unique<web::Templates>(*catalogue_);
    static_files_ =
        std::make_unique<web::StaticFiles>(web::StaticFiles::default_sources(ALIS_SOURCE_DIR));
    log_file_ = std::fopen((dir_.path() / "server.log").c_str(), "w");
    log_ = std::make_unique<web::Log>(log_file_);
    auth_ = std::make_unique<app::Authenticator>(*app_);
    services_ = std::make_unique<web::Services>(
        web::Services{*app_, *catalogue_, *templates_, *static_files_, metrics_, *log_, cache_,
                      *auth_, std::make_shared<web::ListReadWindow>()});
    services_->https = options.https;
    // Each server is an installation of its own, with a signing key of its own.
    signing_key_ = std::make_unique<app::AuditSigningKey>(app::AuditSigningKey::generate());
    services_->signing_key = signing_key_.get();
    pipeline_ = std::make_unique<web::Pipeline>(*services_);
    config.address = "127.0.0.1";
    config.port = 0;
    if (config.threads == 0) {
        config.threads = 2;
    }
    server_ = std::make_unique<web::Server>(config, pipeline_->service());
    thread_ = std::thread([this] { server_->run(false); });
    if (options.metrics_listener) {
        web::ServerConfig metrics_config;
        metrics_config.address = "127.0.0.1";
        metrics_config.port = 0;
        metrics_config.threads = 1;
        metrics_server_ =
            std::make_unique<web::Server>(metrics_config, web::metrics_service(metrics_));
        metrics_thread_ = std::thread([this] { metrics_server_->run(false); });
    }
}

TestServer::~TestServer() {
    stop();
    if (log_file_ != nullptr) {
        std::fclose(log_file_);
    }
}

void TestServer::stop() {
    if (metrics_thread_.joinable()) {
        metrics_server_->stop();
        metrics_thread_.join();
    }
    if (thread_.joinable()) {
        server_->stop();
        thread_.join();
    }
}

void TestServer::set_public_url(std::string url) {
    services_->public_url = std::move(url);
}

std::string TestServer::log_text() const {
    std::fflush(log_file_);
    std::ifstream in(dir_.path() / "server.log");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

namespace client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::string multipart_body(const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::vector<FilePart>& files) {
    const std::string boundary = kMultipartBoundary;
    std::string body;
    for (const auto& [name, value] : fields) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name +
                "\"\r\n\r\n" + value + "\r\n";
    }
    for (const auto& f : files) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field +
                "\"; filename=\"" + f.filename + "\"\r\nContent-Type: " + f.content_type +
                "\r\n\r\n" + f.bytes + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [key, value] : fields) {
        if (!body.empty()) {
            body += '&';
        }
        body += boost::urls::encode(key, boost::urls::unreserved_chars);
        body += '=';
        body += boost::urls::encode(value, boost::urls::unreserved_chars);
    }
    return body;
}

Response request(unsigned short port, http::verb method, const std::string& target,
                 const std::string& body, const std::string& content_type,
                 const std::vector<std::pair<std::string, std::string>>& headers) {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    for (const auto& [name, value] : headers) {
        req.set(name, value);
    }
    if (!content_type.empty()) {
        req.set(http::field::content_type, content_type);
    }
    req.body() = body;
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (method == http::verb::head) {
        parser.skip(true);
    }
    http::read(stream, buffer, parser);
    beast::error_code ec;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    return parser.release();
}

std::optional<std::string> set_cookie_header(const Response& response, const std::string& name) {
    for (auto it = response.find(http::field::set_cookie);
         it != response.end() && it->name() == http::field::set_cookie; ++it) {
        const std::string value(it->value());
        if (value.starts_with(name + "=")) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<std::string> set_cookie_value(const Response& response, const std::string& name) {
    const auto header = set_cookie_header(response, name);
    if (!header) {
        return std::nullopt;
    }
    const auto start = name.size() + 1;
    return header->substr(start, header->find(';') - start);
}

namespace {

std::string form_encode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

std::optional<SignedIn> login(unsigned short port, const std::string& email,
                              const std::string& password, unsigned* status) {
    const auto form = get(port, "/logg-inn");
    const auto csrf = set_cookie_value(form, "__Host-alis_csrf");
    if (!csrf) {
        throw std::runtime_error("the login form set no CSRF cookie");
    }
    const std::string body = "csrf_token=" + *csrf + "&email=" + form_encode(email) +
                             "&password=" + form_encode(password) + "&neste=%2Fmeg";
    const auto answer =
        request(port, http::verb::post, "/logg-inn", body, "application/x-www-form-urlencoded",
                {{"Cookie", "__Host-alis_csrf=" + *csrf},
                 {"Origin", "http://127.0.0.1:" + std::to_string(port)}});
    if (status != nullptr) {
        *status = answer.result_int();
    }
    const auto session = set_cookie_value(answer, "__Host-alis_session");
    if (answer.result() != http::status::see_other || !session) {
        return std::nullopt;
    }
    SignedIn signed_in;
    signed_in.session_id = *session;
    signed_in.session_cookie = "__Host-alis_session=" + *session;
    const auto me = get(port, "/api/v1/me", signed_in.headers());
    const auto doc = boost::json::parse(me.body());
    signed_in.csrf_token = std::string(doc.at("csrf_token").as_string());
    return signed_in;
}

std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds timeout) {
    asio::io_context ioc;
    asio::ip::tcp::socket socket(ioc);
    socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    asio::write(socket, asio::buffer(bytes));
    // Asynchronous reads under run_for, since a blocking read would ignore the timeout: a
    // server that never answers gives what arrived so far (perhaps nothing), not a hung test.
    std::string received;
    std::array<char, 4096> chunk{};
    std::function<void(const beast::error_code&, std::size_t)> on_read =
        [&](const beast::error_code& ec, std::size_t n) {
            received.append(chunk.data(), n);
            if (!ec) {
                socket.async_read_some(asio::buffer(chunk), on_read);
            }
        };
    socket.async_read_some(asio::buffer(chunk), on_read);
    ioc.run_for(timeout);
    return received;
}

}  // namespace client
}  // namespace alis::testing
