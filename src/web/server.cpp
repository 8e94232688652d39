#include "web/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>

#include <algorithm>
#include <array>
#include <csignal>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

namespace alis::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);

using Clock = std::chrono::steady_clock;

// One client connection. `idle` is only read and written on the connection's strand.
//
// Timeouts are a deadline per connection, checked by one sweeper for the whole server, rather
// than Beast's timer per read and write: re-arming a timer on every operation cost about a
// quarter of the throughput (docs/performance.md).
struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    bool idle = true;
    std::atomic<Clock::rep> deadline{Clock::time_point::max().time_since_epoch().count()};

    // The current operation must finish within `timeout`, or the sweeper cancels it.
    void expires_after(std::chrono::milliseconds timeout) {
        deadline = (Clock::now() + timeout).time_since_epoch().count();
    }
    void expires_never() { deadline = Clock::time_point::max().time_since_epoch().count(); }
};

// The status line and fields of a response as they go on the wire.
std::string header_bytes(const Response& response) {
    std::string out;
    out.reserve(768);
    out += response.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    out += std::to_string(response.result_int());
    out += ' ';
    out.append(response.reason());
    out += "\r\n";
    for (const auto& field : response) {
        out.append(field.name_string());
        out += ": ";
        out.append(field.value());
        out += "\r\n";
    }
    out += "\r\n";
    return out;
}

// Writes a prepared response (Content-Length and Connection set) as two buffers, the header block
// and the body (a cached body is sent from the cache's string): one gathered write, where Beast's
// serializer hands the kernel one buffer per field name, separator and value (docs/performance.md).
asio::awaitable<beast::error_code> write_response(Connection& connection,
                                                  const Response& response) {
    const std::string head = header_bytes(response);
    const std::string& body = response.body().bytes();
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(head), asio::buffer(body)};
    auto [ec, written] = co_await asio::async_write(connection.stream, buffers, use_nothrow);
    co_return ec;
}

// Maps a failed read to the status that answers it, or nullopt when the connection should just
// be closed (the client went away or was too slow).
std::optional<http::status> status_for_read_error(const beast::error_code& ec) {
    if (ec == http::error::header_limit) {
        return http::status::request_header_fields_too_large;
    }
    if (ec == http::error::body_limit) {
        return http::status::payload_too_large;
    }
    if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
        ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::broken_pipe) {
        return std::nullopt;
    }
    if (ec.category() == beast::error_code(http::error::bad_method).category() ||
        ec == asio::error::message_size) {
        return http::status::bad_request;
    }
    return std::nullopt;
}

// Reads run where they arrive (most are answered in well under a millisecond, and a hop to
// another thread would cost more); requests that change state go to the workers.
bool changes_state(const Request& request) {
    return request.method() != http::verb::get && request.method() != http::verb::head;
}

}  // namespace

struct Server::State {
    State(ServerConfig c, HttpService s)
        : config(std::move(c)),
          service(std::move(s)),
          ioc(config.threads),
          control(asio::make_strand(ioc)),
          acceptor(control),
          signals(control),
          grace_timer(control),
          sweep_timer(control) {}

    ServerConfig config;
    HttpService service;
    asio::io_context ioc;
    asio::strand<asio::io_context::executor_type> control;  // Acceptor, signals, grace timer.
    tcp::acceptor acceptor;
    asio::signal_set signals;
    asio::steady_timer grace_timer;
    asio::steady_timer sweep_timer;
    std::atomic<bool> stopping{false};

    std::mutex mutex;
    std::set<std::shared_ptr<Connection>> connections;
    // Runs the requests that change state (logins hash a password with Argon2id; writes wait
    // for fsync), so that they never hold an I/O thread from the connections it serves. Declared
    // last: destroyed first, it waits for the handlers still running, which use the rest.
    std::unique_ptr<asio::thread_pool> workers;

    asio::awaitable<void> accept_loop();
    asio::awaitable<void> sweep_deadlines();
    asio::awaitable<void> session(std::shared_ptr<Connection> connection);
    asio::awaitable<void> reject_and_close(Connection& connection, http::status status,
                                           const Request* header);
    // Answers the request on a worker thread and resumes on the connection's strand.
    asio::awaitable<Response> handle_on_worker(Request& request, const std::string& address);
    void begin_stop();
    bool connections_empty() {
        std::lock_guard lock(mutex);
        return connections.empty();
    }
    void connection_closed(const std::shared_ptr<Connection>& connection);
};

asio::awaitable<void> Server::State::accept_loop() {
    while (!stopping) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), use_nothrow);
        if (ec) {
            if (stopping || ec == asio::error::operation_aborted) {
                co_return;
            }
            // Out of file descriptors or similar: back off briefly instead of spinning.
            asio::steady_timer pause(control, std::chrono::milliseconds(50));
            co_await pause.async_wait(use_nothrow);
            continue;
        }
        // Without Nagle's algorithm: a response is written whole, and when the kernel takes it in
        // more than one send, its last small segment must not wait for the client's delayed ACK
        // (a 40 ms stall on large answers; docs/performance.md).
        beast::error_code nodelay_ec;
        socket.set_option(tcp::no_delay(true), nodelay_ec);
        auto connection = std::make_shared<Connection>(std::move(socket));
        {
            std::lock_guard lock(mutex);
            connections.insert(connection);
        }
        if (service.connections_changed) {
            service.connections_changed(+1);
        }
        asio::co_spawn(connection->stream.get_executor(), session(connection), asio::detached);
    }
}

asio::awaitable<void> Server::State::sweep_deadlines() {
    using std::chrono::milliseconds;
    const auto shortest =
        std::min({config.idle_timeout, config.request_timeout, config.write_timeout});
    const auto interval = std::clamp(shortest / 4, milliseconds(10), milliseconds(250));
    while (true) {
        sweep_timer.expires_after(interval);
        auto [ec] = co_await sweep_timer.async_wait(use_nothrow);
        if (ec || (stopping && connections_empty())) {
            co_return;
        }
        const auto now = Clock::now().time_since_epoch().count();
        std::lock_guard lock(mutex);
        for (const auto& connection : connections) {
            if (connection->deadline.load() < now) {
                connection->expires_never();
                asio::post(connection->stream.get_executor(), [connection] {
                    beast::error_code ignored;
                    connection->stream.socket().cancel(ignored);
                });
            }
        }
    }
}

asio::awaitable<void> Server::State::reject_and_close(Connection& connection, http::status status,
                                                      const Request* header) {
    Response response = service.reject(status, header);
    response.keep_alive(false);
    response.prepare_payload();
    connection.expires_after(config.write_timeout);
    co_await write_response(connection, response);
    // Reads and drops what the client still sends (bounded), so that closing does not reset the
    // connection before the client has read the answer.
    beast::error_code ec;
    connection.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    connection.expires_after(std::chrono::milliseconds(500));
    std::array<char, 4096> sink{};
    std::size_t drained = 0;
    while (drained < config.body_limit + config.header_limit) {
        auto [read_ec, n] =
            co_await connection.stream.async_read_some(asio::buffer(sink), use_nothrow);
        if (read_ec) {
            break;
        }
        drained += n;
    }
}

asio::awaitable<Response> Server::State::handle_on_worker(Request& request,
                                                          const std::string& address) {
    // The request and the answer live in the job, which the worker holds, so a connection torn
    // down while its request is being answered leaves the worker nothing dangling. (No lambda
    // coroutine here: GCC 12 mishandles the captures of one.)
    struct Job {
        Request request;
        std::string address;
    };
    auto job = std::make_shared<Job>(Job{std::move(request), address});
    auto initiation = [this, job](auto handler) {
        asio::post(*workers, [this, job, handler = std::move(handler)]() mutable {
            Response response = service.handle(job->request, job->address);
            const auto executor = asio::get_associated_executor(handler);
            asio::dispatch(
                executor, [handler = std::move(handler), response = std::move(response)]() mutable {
                    std::move(handler)(std::move(response));
                });
        });
    };
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
        initiation, asio::use_awaitable);
}

asio::awaitable<void> Server::State::session(std::shared_ptr<Connection> connection) {
    Connection& c = *connection;
    beast::error_code endpoint_ec;
    const auto peer = c.stream.socket().remote_endpoint(endpoint_ec);
    const std::string address = endpoint_ec ? std::string("-") : peer.address().to_string();
    // Whatever happens inside, the connection is closed and unregistered below: an escaping
    // exception must not leak the socket or hold up a graceful stop.
    try {
        beast::flat_buffer buffer;
        while (!stopping) {
            c.idle = true;
            if (buffer.size() == 0) {
                c.expires_after(config.idle_timeout);
                auto [ec, n] = co_await c.stream.async_read_some(buffer.prepare(4096), use_nothrow);
                if (ec) {
                    break;
                }
                buffer.commit(n);
            }
            c.idle = false;

            http::request_parser<http::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
            // The header first, with no body limit yet: the limit depends on the route (an
            // upload's is larger), so it is set, and a Content-Length judged, once the header
            // is read. A chunked body is judged against it chunk by chunk.
            parser.body_limit(boost::none);
            c.expires_after(config.request_timeout);
            auto [read_ec, read_n] =
                co_await http::async_read_header(c.stream, buffer, parser, use_nothrow);
            if (!read_ec) {
                std::size_t limit = config.body_limit;
                if (service.body_limit) {
                    limit = service.body_limit(parser.get()).value_or(config.body_limit);
                }
                const auto length = parser.content_length();
                if (length && *length > limit) {
                    read_ec = http::error::body_limit;
                } else {
                    parser.body_limit(limit);
                    std::tie(read_ec, read_n) =
                        co_await http::async_read(c.stream, buffer, parser, use_nothrow);
                }
            }
            if (read_ec) {
                if (const auto status = status_for_read_error(read_ec)) {
                    // The parser fills the message as it reads, and Beast refuses an empty
                    // target, so a target means the request line was read. (is_header_done() is
                    // no sign: Beast judges Content-Length against body_limit before it marks the
                    // header done, although every field has been read by then.)
                    const Request& header = parser.get();
                    co_await reject_and_close(c, *status,
                                              header.target().empty() ? nullptr : &header);
                }
                break;
            }

            Request request = parser.release();
            const bool head = request.method() == http::verb::head;
            const bool wants_keep_alive = request.keep_alive();
            // Not a conditional expression: GCC 12 miscompiles co_await inside one.
            Response response;
            if (changes_state(request)) {
                response = co_await handle_on_worker(request, address);
            } else {
                response = service.handle(request, address);
            }
            const bool keep_alive = wants_keep_alive && !stopping;
            response.keep_alive(keep_alive);
            response.prepare_payload();
            if (head) {
                const auto length = SharedStringBody::size(response.body());
                response.body().clear();
                response.body().shared.reset();
                response.content_length(length);
            }
            c.expires_after(config.write_timeout);
            const beast::error_code write_ec = co_await write_response(c, response);
            if (write_ec || !keep_alive) {
                break;
            }
        }
    } catch (const std::exception&) {
        // The pipeline answers every request itself; this is only a last guard.
    }
    beast::error_code ignored;
    c.stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    c.stream.close();
    connection_closed(connection);
}

void Server::State::connection_closed(const std::shared_ptr<Connection>& connection) {
    {
        std::lock_guard lock(mutex);
        connections.erase(connection);
    }
    if (service.connections_changed) {
        service.connections_changed(-1);
    }
    if (stopping) {
        asio::post(control, [this] {
            std::lock_guard lock(mutex);
            if (connections.empty()) {
                grace_timer.cancel();
                sweep_timer.cancel();
            }
        });
    }
}

void Server::State::begin_stop() {
    // Runs on the control strand.
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    std::lock_guard lock(mutex);
    for (const auto& connection : connections) {
        // Idle keep-alive connections are closed now; busy ones finish their request first.
        asio::post(connection->stream.get_executor(), [connection] {
            if (connection->idle) {
                connection->stream.cancel();
            }
        });
    }
    if (connections.empty()) {
        sweep_timer.cancel();
    } else {
        grace_timer.expires_after(config.shutdown_grace);
        grace_timer.async_wait([this](const beast::error_code& ec) {
            if (!ec) {
                ioc.stop();  // In-flight requests overran the grace period.
            }
        });
    }
}

Server::Server(ServerConfig config, HttpService service)
    : state_(std::make_unique<State>(std::move(config), std::move(service))) {
    auto& s = *state_;
    if (s.config.threads <= 0) {
        s.config.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }
    s.workers = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(s.config.threads));
    const tcp::endpoint endpoint(asio::ip::make_address(s.config.address), s.config.port);
    s.acceptor.open(endpoint.protocol());
    s.acceptor.set_option(asio::socket_base::reuse_address(true));
    s.acceptor.bind(endpoint);
    s.acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() = default;

unsigned short Server::port() const {
    return state_->acceptor.local_endpoint().port();
}

void Server::run(bool handle_signals) {
    auto& s = *state_;
    if (handle_signals) {
        s.signals.add(SIGINT);
        s.signals.add(SIGTERM);
        s.signals.async_wait([this](const beast::error_code& ec, int) {
            if (!ec) {
                stop();
            }
        });
    }
    asio::co_spawn(s.control, s.accept_loop(), asio::detached);
    asio::co_spawn(s.control, s.sweep_deadlines(), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < s.config.threads; ++i) {
        threads.emplace_back([&s] { s.ioc.run(); });
    }
    s.ioc.run();
    for (auto& t : threads) {
        t.join();
    }
}

void Server::stop() {
    auto& s = *state_;
    if (s.stopping.exchange(true)) {
        return;
    }
    asio::post(s.control, [&s] { s.begin_stop(); });
}

}  // namespace alis::web
