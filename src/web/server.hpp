#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "web/http.hpp"

namespace alis::web {

struct ServerConfig {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;  // 0 picks a free port; see Server::port().
    int threads = 0;             // 0 means one per core.
    std::size_t header_limit = 8 * 1024;
    std::size_t body_limit = 1024 * 1024;
    // How long a kept-alive connection may wait for the first byte of its next request.
    std::chrono::milliseconds idle_timeout{30'000};
    // How long a client may take to send a whole request once it has started (slow-client guard).
    std::chrono::milliseconds request_timeout{10'000};
    std::chrono::milliseconds write_timeout{30'000};
    // How long a shutdown waits for in-flight requests before closing them.
    std::chrono::milliseconds shutdown_grace{10'000};
};

// What the server hands requests to. Both functions must not throw.
struct HttpService {
    // Answers a well-formed request from the client at `address` (its IP address).
    std::function<Response(Request&, const std::string& address)> handle;
    // Answers a request that could not be read: 400, 413 or 431. `header` is what the parser had
    // read when it stopped (the request line and the fields so far), or nullptr when it could not
    // read even the request line.
    std::function<Response(http::status, const Request* header)> reject;
    // The largest body a request with this header may send, when its route has a limit of its
    // own (an upload); nullopt, or no function, for ServerConfig::body_limit. Must not throw.
    std::function<std::optional<std::size_t>(const Request& header)> body_limit;
    // Told when a connection opens (+1) or closes (-1).
    std::function<void(int)> connections_changed;
};

// An HTTP/1.1 server on Boost.Beast with C++20 coroutines: one thread per core, keep-alive,
// size limits, timeouts and a graceful stop.
class Server {
  public:
    // Binds the listening socket at once; throws std::system_error when it cannot.
    Server(ServerConfig config, HttpService service);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // The bound port (useful with port 0).
    unsigned short port() const;
    // Serves until stop() (or SIGINT/SIGTERM when `handle_signals`) and every in-flight request
    // has been answered; runs on the calling thread plus config.threads - 1 more.
    void run(bool handle_signals);
    // Stops accepting, lets in-flight requests finish, closes idle connections. Thread-safe.
    void stop();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace alis::web
