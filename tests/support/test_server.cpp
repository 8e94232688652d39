#include "support/test_server.hpp"

#include <fstream>
#include <sstream>

#include "app/demo_data.hpp"

namespace alis::testing {

TestServer::TestServer(web::ServerConfig config, bool load_demo) {
    store_ = store::open_store(dir_.sqlite_url(), 2);
    store_->migrate();
    if (load_demo) {
        app::load_demo_data(*store_, fixed_today(), 2019);
    }
    catalogue_ = std::make_unique<web::Catalogue>("nb");
    templates_ = std::make_unique<web::Templates>(*catalogue_);
    static_files_ =
        std::make_unique<web::StaticFiles>(web::StaticFiles::default_sources(ALIS_SOURCE_DIR));
    log_file_ = std::fopen((dir_.path() / "server.log").c_str(), "w");
    log_ = std::make_unique<web::Log>(log_file_);
    services_ = std::make_unique<web::Services>(web::Services{
        *store_, *catalogue_, *templates_, *static_files_, metrics_, *log_, &fixed_today, cache_});
    pipeline_ = std::make_unique<web::Pipeline>(*services_);
    config.address = "127.0.0.1";
    config.port = 0;
    if (config.threads == 0) {
        config.threads = 2;
    }
    server_ = std::make_unique<web::Server>(config, pipeline_->service());
    thread_ = std::thread([this] { server_->run(false); });
}

TestServer::~TestServer() {
    stop();
    if (log_file_ != nullptr) {
        std::fclose(log_file_);
    }
}

void TestServer::stop() {
    if (thread_.joinable()) {
        server_->stop();
        thread_.join();
    }
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

std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds timeout) {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.expires_after(timeout);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    asio::write(stream.socket(), asio::buffer(bytes));
    std::string received;
    std::array<char, 4096> chunk{};
    beast::error_code ec;
    while (true) {
        const std::size_t n = stream.read_some(asio::buffer(chunk), ec);
        received.append(chunk.data(), n);
        if (ec) {
            break;
        }
    }
    return received;
}

}  // namespace client
}  // namespace alis::testing
