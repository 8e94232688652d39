#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "support/temp_dir.hpp"
#include "web/pipeline.hpp"
#include "web/server.hpp"

namespace alis::testing {

// The real alis server, in this process, on a free loopback port, over a fresh migrated SQLite
// database in a temp dir. Its JSON log goes to a file the test can read.
class TestServer {
  public:
    explicit TestServer(web::ServerConfig config = {}, bool load_demo = false);
    ~TestServer();

    unsigned short port() const { return server_->port(); }
    store::Store& store() { return *store_; }
    web::Pipeline& pipeline() { return *pipeline_; }
    // Stops the server and waits until run() has returned.
    void stop();
    // Everything the server logged so far.
    std::string log_text() const;

    static domain::Date fixed_today() { return *domain::Date::parse_iso("2026-11-22"); }

  private:
    TempDir dir_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<web::Catalogue> catalogue_;
    std::unique_ptr<web::Templates> templates_;
    std::unique_ptr<web::StaticFiles> static_files_;
    web::Metrics metrics_;
    web::ResponseCache cache_;
    std::FILE* log_file_ = nullptr;
    std::unique_ptr<web::Log> log_;
    std::unique_ptr<web::Services> services_;
    std::unique_ptr<web::Pipeline> pipeline_;
    std::unique_ptr<web::Server> server_;
    std::thread thread_;
};

// A plain HTTP/1.1 client for tests.
namespace client {

using Response = boost::beast::http::response<boost::beast::http::string_body>;

// Sends one request on a new connection and reads the answer.
Response request(unsigned short port, boost::beast::http::verb method, const std::string& target,
                 const std::string& body = {}, const std::string& content_type = {},
                 const std::vector<std::pair<std::string, std::string>>& headers = {});
inline Response get(unsigned short port, const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return request(port, boost::beast::http::verb::get, target, {}, {}, headers);
}
// Writes raw bytes and reads until the server closes the connection (or `timeout` passes).
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

}  // namespace client
}  // namespace alis::testing
