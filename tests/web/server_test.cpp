// HTTP integration tests: the real server on an ephemeral loopback port, spoken to over TCP.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <future>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace server_test {

using testing::TestServer;
using testing::TestServerOptions;
namespace client = testing::client;

void expect_security_headers(const client::Response& r, const std::string& what) {
    const std::string csp(r["Content-Security-Policy"]);
    EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << what;
    EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << what;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what;
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << what;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << what;
    EXPECT_EQ(r["X-Content-Type-Options"], "nosniff") << what;
    EXPECT_FALSE(r["Referrer-Policy"].empty()) << what;
    EXPECT_EQ(r.find(http::field::server), r.end()) << what;
    const std::string type(r[http::field::content_type]);
    if (type.starts_with("text/") || type.starts_with("application/json")) {
        EXPECT_NE(type.find("charset=utf-8"), std::string::npos) << what;
    }
}

TEST(Server, HomePageListsMunicipalitiesByRegionInNorwegian) {
    TestServer server({}, /*load_demo=*/true);
    const auto r = client::get(server.port(), "/");
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_EQ(r[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(r[http::field::cache_control], "no-store");
    const std::string& body = r.body();
    EXPECT_NE(body.find("<html lang=\"nb\">"), std::string::npos);
    EXPECT_NE(body.find("ALIS-kontor Bergen"), std::string::npos);
    EXPECT_NE(body.find("ALIS-kontor Bodø"), std::string::npos);
    EXPECT_NE(body.find("Ålesund"), std::string::npos);
    EXPECT_NE(body.find("22.11.2026"), std::string::npos);
    EXPECT_NE(body.find("Registrert"), std::string::npos);
    EXPECT_EQ(body.find("<script"), std::string::npos) << "the page works without JavaScript";
    EXPECT_NE(body.find("designsystemet.css"), std::string::npos);
}

TEST(Server, TheFrontPageSharesItsBodyButNeverTheSignedInBar) {
    TestServer server({}, true);
    testing::add_account(server.app(), "kari@bergen.no", domain::Role::leader, "4601");
    testing::add_account(server.app(), "per@voss.no", domain::Role::leader, "4621");
    const auto kari = *client::login(server.port(), "kari@bergen.no", testing::kTestPassword);
    const auto per = *client::login(server.port(), "per@voss.no", testing::kTestPassword);
    const auto anonymous = client::get(server.port(), "/");
    const auto as_kari = client::get(server.port(), "/", kari.headers());
    const auto as_per = client::get(server.port(), "/", per.headers());
    for (const auto* r : {&anonymous, &as_kari, &as_per}) {
        ASSERT_EQ(r->result(), http::status::ok);
        EXPECT_NE(r->body().find("ALIS-kontor Bergen"), std::string::npos);
    }
    EXPECT_EQ(anonymous.body().find(kari.csrf_token), std::string::npos);
    EXPECT_NE(anonymous.body().find("/logg-inn"), std::string::npos);
    EXPECT_NE(as_kari.body().find(kari.csrf_token), std::string::npos);
    EXPECT_EQ(as_per.body().find(kari.csrf_token), std::string::npos);
    EXPECT_NE(as_per.body().find(per.csrf_token), std::string::npos);
}

TEST(Server, ApiGivesTheSameDataAsJson) {
    TestServer server({}, true);
    const auto r = client::get(server.port(), "/api/v1/municipalities");
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_EQ(r[http::field::content_type], "application/json; charset=utf-8");
    const auto doc = boost::json::parse(r.body()).as_object();
    EXPECT_EQ(doc.at("as_of").as_string(), "2026-11-22");
    const auto& list = doc.at("municipalities").as_array();
    EXPECT_EQ(list.size(),
              server.database()
                  .read([&](const store::Snapshot& s) { return s.municipalities().all(); })
                  .size());
    int api_trainees = 0;
    bool found_bergen = false;
    for (const auto& item : list) {
        const auto& m = item.as_object();
        api_trainees += static_cast<int>(m.at("trainees").as_int64());
        if (m.at("number").as_string() == "4601") {
            found_bergen = true;
            EXPECT_EQ(m.at("name").as_string(), "Bergen");
            EXPECT_EQ(m.at("alis_office").as_string(), "Bergen");
        }
    }
    EXPECT_TRUE(found_bergen);
    int store_trainees = 0;
    for (const auto& s : server.database().read([&](const store::Snapshot& s) {
             return s.municipalities().summaries(TestServer::fixed_today());
         })) {
        store_trainees += s.trainees;
    }
    EXPECT_EQ(api_trainees, store_trainees);
    EXPECT_GT(api_trainees, 0);
}

TEST(Server, SecurityHeadersOnEveryRouteAndError) {
    TestServer server;
    for (const char* target : {"/", "/api/v1/municipalities", "/healthz", "/readyz",
                               "/static/alis.css", "/no/such/page", "/api/v1/nothing"}) {
        const auto r = client::get(server.port(), target);
        expect_security_headers(r, target);
        // Served over plain http: Strict-Transport-Security would mean nothing, or lock out a
        // host that has no TLS.
        EXPECT_EQ(r.find(http::field::strict_transport_security), r.end()) << target;
    }
    const auto post = client::request(server.port(), http::verb::post, "/", "x=1",
                                      "application/x-www-form-urlencoded");
    EXPECT_EQ(post.result(), http::status::method_not_allowed);
    expect_security_headers(post, "POST /");
}

TEST(Server, BehindTlsEveryAnswerCarriesStrictTransportSecurity) {
    TestServerOptions options;
    options.https = true;
    TestServer server(options);
    for (const char* target : {"/", "/api/v1/municipalities", "/healthz", "/logg-inn",
                               "/static/alis.css", "/no/such/page", "/api/v1/nothing"}) {
        const auto r = client::get(server.port(), target);
        expect_security_headers(r, target);
        EXPECT_EQ(r[http::field::strict_transport_security], "max-age=31536000; includeSubDomains")
            << target;
    }
    // A refused write and a request the server cannot read carry it too.
    const auto post = client::request(server.port(), http::verb::post, "/", "x=1",
                                      "application/x-www-form-urlencoded");
    EXPECT_EQ(post.result(), http::status::method_not_allowed);
    EXPECT_FALSE(post[http::field::strict_transport_security].empty());
    const auto raw = client::raw_exchange(server.port(), "GET / HTTP/1.1\r\nHost x\r\n\r\n");
    EXPECT_TRUE(raw.starts_with("HTTP/1.1 400")) << raw;
    EXPECT_NE(raw.find("Strict-Transport-Security: max-age=31536000; includeSubDomains"),
              std::string::npos)
        << raw;
}

TEST(Server, NotFoundIsFriendlyHtmlOrJsonWithCorrelationId) {
    TestServer server;
    const auto page = client::get(server.port(), "/finnes-ikke");
    EXPECT_EQ(page.result(), http::status::not_found);
    EXPECT_NE(page.body().find("Siden finnes ikke."), std::string::npos);
    EXPECT_NE(page.body().find("Oppgi referansen"), std::string::npos);

    const auto api = client::get(server.port(), "/api/v1/finnes-ikke");
    EXPECT_EQ(api.result(), http::status::not_found);
    const auto error = boost::json::parse(api.body()).as_object().at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "not_found");
    EXPECT_EQ(error.at("message").as_string(), "Siden finnes ikke.");
    EXPECT_EQ(error.at("correlation_id").as_string().size(), 16u);
    // The correlation id is the request id of the access log line.
    EXPECT_NE(server.log_text().find(std::string(error.at("correlation_id").as_string())),
              std::string::npos);
}

TEST(Server, OversizedBodyGets413WithoutReadingIt) {
    TestServer server;
    // Announces 2 MiB but sends only the headers: the limit is judged before any body arrives.
    const std::string head =
        "POST /api/v1/municipalities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 2097152\r\n\r\n";
    const std::string answer = testing::client::raw_exchange(server.port(), head);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer.substr(0, 80);
    EXPECT_NE(answer.find("Content-Security-Policy"), std::string::npos);
}

// Splits a raw HTTP answer into its head (status line and fields) and its body.
std::pair<std::string, std::string> head_and_body(const std::string& answer) {
    const auto end = answer.find("\r\n\r\n");
    if (end == std::string::npos) {
        return {answer, ""};
    }
    return {answer.substr(0, end), answer.substr(end + 4)};
}

TEST(Server, OversizedBodyToTheApiGets413AsJsonInNorwegian) {
    TestServer server;
    const std::string answer = testing::client::raw_exchange(
        server.port(),
        "POST /api/v1/municipalities/4601/supervisors HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/json\r\nContent-Length: 2097152\r\n\r\n");
    ASSERT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer.substr(0, 80);
    const auto [head, body] = head_and_body(answer);
    EXPECT_NE(head.find("Content-Type: application/json; charset=utf-8"), std::string::npos)
        << head;
    EXPECT_NE(head.find("Content-Security-Policy"), std::string::npos);
    const auto error = boost::json::parse(body).as_object().at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "payload_too_large");
    EXPECT_EQ(error.at("message").as_string(), "Innholdet som ble sendt er for stort.");
    EXPECT_EQ(error.at("correlation_id").as_string().size(), 16u);
    // The access log names the method it read, and never the path.
    EXPECT_NE(server.log_text().find(std::string(error.at("correlation_id").as_string())),
              std::string::npos);
    EXPECT_EQ(server.log_text().find("supervisors"), std::string::npos);
}

TEST(Server, OversizedBodyToAPageGets413AsTheHtmlPage) {
    TestServer server;
    const std::string answer = testing::client::raw_exchange(
        server.port(),
        "POST /kommuner/4601/veiledere/ny HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2097152\r\n\r\n");
    ASSERT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer.substr(0, 80);
    const auto [head, body] = head_and_body(answer);
    EXPECT_NE(head.find("Content-Type: text/html; charset=utf-8"), std::string::npos) << head;
    EXPECT_NE(body.find("<html lang=\"nb\">"), std::string::npos);
    EXPECT_NE(body.find("Innholdet som ble sendt er for stort."), std::string::npos);

    // A script that asks a page path for JSON gets JSON, as everywhere else.
    const std::string json_answer = testing::client::raw_exchange(
        server.port(),
        "POST /kommuner/4601/veiledere/ny HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
        "Content-Length: 2097152\r\n\r\n");
    ASSERT_TRUE(json_answer.starts_with("HTTP/1.1 413")) << json_answer.substr(0, 80);
    const auto error =
        boost::json::parse(head_and_body(json_answer).second).at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "payload_too_large");
}

TEST(Server, BodyLimitIsConfigurable) {
    ServerConfig config;
    config.body_limit = 2048;
    TestServer server(config);
    const std::string big(4096, 'x');
    const std::string answer = testing::client::raw_exchange(
        server.port(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n" + big);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer.substr(0, 80);
    const std::string ok_answer = testing::client::raw_exchange(
        server.port(),
        "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 10\r\n\r\n" +
            std::string(10, 'x'));
    EXPECT_TRUE(ok_answer.starts_with("HTTP/1.1 405")) << ok_answer.substr(0, 80);
}

TEST(Server, ARequestThatChangesStateNeverHoldsUpTheReads) {
    // One I/O thread: were the slow request answered on it, nothing else could be.
    ServerConfig config;
    config.threads = 1;
    TestServer server(config);
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> entered{false};
    // A request that changes state and takes as long as the test wants (a login hashing a
    // password, a write waiting for the disk).
    server.pipeline().router().add(
        http::verb::options, "/test/slow", RouteAccess{app::Action::view_public},
        [&](const Request& request, RequestContext&) {
            entered = true;
            released.wait();
            return html_response(http::status::ok, request.version(), "slow done");
        });
    auto slow = std::async(std::launch::async, [&] {
        return testing::client::raw_exchange(
            server.port(), "OPTIONS /test/slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            std::chrono::milliseconds(30'000));
    });
    while (!entered) {
        std::this_thread::yield();
    }
    // The slow one is being answered; a read is answered meanwhile (else this times out empty).
    const std::string read = testing::client::raw_exchange(
        server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        std::chrono::milliseconds(10'000));
    EXPECT_TRUE(read.starts_with("HTTP/1.1 200")) << read.substr(0, 80);
    EXPECT_EQ(slow.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
        << "the slow request was still waiting";
    release.set_value();
    const std::string answer = slow.get();
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer.substr(0, 80);
    EXPECT_NE(answer.find("slow done"), std::string::npos);
}

TEST(Server, OversizedHeadersGet431) {
    TestServer server;
    const std::string answer = testing::client::raw_exchange(
        server.port(),
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 431")) << answer.substr(0, 80);
}

TEST(Server, MalformedRequestLineGets400) {
    TestServer server;
    for (const char* bad : {"GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET\r\n\r\n",
                            "G@T / HTTP/1.1\r\nHost: x\r\n\r\n"}) {
        const std::string answer = testing::client::raw_exchange(server.port(), bad);
        EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << bad << " -> " << answer.substr(0, 60);
    }
    // A request line that cannot be read tells nothing of what was asked: the page, even for
    // an /api/ path.
    const std::string answer = testing::client::raw_exchange(
        server.port(), "G@T /api/v1/municipalities HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(answer.starts_with("HTTP/1.1 400")) << answer.substr(0, 80);
    const auto [head, body] = head_and_body(answer);
    EXPECT_NE(head.find("Content-Type: text/html; charset=utf-8"), std::string::npos) << head;
    EXPECT_NE(body.find("Forespørselen kunne ikke forstås."), std::string::npos);
    // The server still answers normal requests afterwards.
    EXPECT_EQ(client::get(server.port(), "/healthz").result(), http::status::ok);
}

TEST(Server, AMalformedHeaderFieldToTheApiGets400AsJson) {
    TestServer server;
    // The request line was read before the bad field, so the answer follows the path.
    const std::string answer = testing::client::raw_exchange(
        server.port(), "GET /api/v1/municipalities HTTP/1.1\r\nHost: x\r\nBad Field: y\r\n\r\n");
    ASSERT_TRUE(answer.starts_with("HTTP/1.1 400")) << answer.substr(0, 80);
    const auto error = boost::json::parse(head_and_body(answer).second).at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "bad_request");
    EXPECT_EQ(error.at("message").as_string(), "Forespørselen kunne ikke forstås.");
}

TEST(Server, SlowClientIsCutOffWhileOthersAreServed) {
    ServerConfig config;
    config.request_timeout = std::chrono::milliseconds(600);
    config.threads = 1;  // Even a single thread must not be held by the slow client.
    TestServer server(config);
    namespace asio = boost::asio;
    asio::io_context ioc;
    asio::ip::tcp::socket slow(ioc);
    slow.connect({asio::ip::make_address("127.0.0.1"), server.port()});
    const auto started = std::chrono::steady_clock::now();
    bool cut_off = false;
    const std::string drip = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    for (int i = 0; i < 40 && !cut_off; ++i) {
        boost::system::error_code ec;
        asio::write(slow, asio::buffer(i < static_cast<int>(drip.size()) ? drip.substr(i, 1) : "a"),
                    ec);
        if (ec) {
            cut_off = true;
            break;
        }
        // A normal request in the middle of the drip is answered at once.
        if (i == 3) {
            EXPECT_EQ(client::get(server.port(), "/healthz").result(), http::status::ok);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        slow.non_blocking(true);
        std::array<char, 16> probe{};
        const auto n = slow.read_some(asio::buffer(probe), ec);
        slow.non_blocking(false);
        if (ec == asio::error::eof || ec == asio::error::connection_reset || (n == 0 && !ec)) {
            cut_off = ec == asio::error::eof || ec == asio::error::connection_reset;
        }
    }
    EXPECT_TRUE(cut_off) << "the slow client was not disconnected";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

TEST(Server, AnIdleConnectionIsClosedAfterTheIdleTimeout) {
    ServerConfig config;
    config.idle_timeout = std::chrono::milliseconds(300);
    TestServer server(config);
    const auto started = std::chrono::steady_clock::now();
    // Sends nothing: the server must close the connection by itself.
    const std::string answer =
        testing::client::raw_exchange(server.port(), "", std::chrono::milliseconds(5000));
    EXPECT_TRUE(answer.empty());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(4000))
        << "closed by the server, not by the client's own 5 s limit";
}

TEST(Server, KeepAliveServesSeveralRequestsOnOneConnection) {
    TestServer server;
    const std::string answer = testing::client::raw_exchange(
        server.port(),
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n");
    std::size_t count = 0;
    for (std::size_t pos = answer.find("HTTP/1.1 200"); pos != std::string::npos;
         pos = answer.find("HTTP/1.1 200", pos + 1)) {
        ++count;
    }
    EXPECT_EQ(count, 2u);
}

TEST(Server, HealthReadinessAndMetricsOnTheirOwnPort) {
    TestServerOptions options;
    options.metrics_listener = true;
    TestServer server(options);
    EXPECT_EQ(client::get(server.port(), "/healthz").body(), "ok\n");
    EXPECT_EQ(client::get(server.port(), "/readyz").body(), "ready\n");
    client::get(server.port(), "/api/v1/municipalities");
    client::get(server.port(), "/finnes-ikke");
    const auto metrics = client::get(server.metrics_port(), "/metrics");
    ASSERT_EQ(metrics.result(), http::status::ok);
    EXPECT_EQ(metrics[http::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
    const std::string& text = metrics.body();
    EXPECT_NE(
        text.find("alis_http_requests_total{route=\"/api/v1/municipalities\",status=\"200\"} 1"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("alis_http_requests_total{route=\"-\",status=\"404\"} 1"),
              std::string::npos);
    EXPECT_NE(
        text.find("alis_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 1"),
        std::string::npos);
    EXPECT_NE(text.find("\nalis_http_open_connections "), std::string::npos);
}

TEST(Server, ThePublicPortHasNoMetricsAndTheMetricsPortNothingElse) {
    TestServerOptions options;
    options.metrics_listener = true;
    TestServer server(options);
    client::get(server.port(), "/healthz");
    const auto hidden = client::get(server.port(), "/metrics");
    EXPECT_EQ(hidden.result(), http::status::not_found);
    EXPECT_EQ(hidden.body().find("alis_http_requests_total"), std::string::npos);
    for (const char* target : {"/", "/healthz", "/api/v1/municipalities", "/metrics/x"}) {
        EXPECT_EQ(client::get(server.metrics_port(), target).result(), http::status::not_found)
            << target;
    }
    EXPECT_EQ(client::request(server.metrics_port(), http::verb::post, "/metrics").result(),
              http::status::method_not_allowed);
    EXPECT_EQ(client::get(server.metrics_port(), "/metrics?x=1").result(), http::status::ok);
    // Without the option nobody serves /metrics (TestServer's default, as alis serve's).
    TestServer plain;
    EXPECT_EQ(client::get(plain.port(), "/metrics").result(), http::status::not_found);
}

TEST(Server, StaticFilesHaveTypesEtagsAndLongCachingWhenHashed) {
    TestServer server;
    const auto plain = client::get(server.port(), "/static/alis.css");
    ASSERT_EQ(plain.result(), http::status::ok);
    EXPECT_EQ(plain[http::field::content_type], "text/css; charset=utf-8");
    EXPECT_EQ(plain[http::field::cache_control], "no-cache");
    const std::string etag(plain[http::field::etag]);
    ASSERT_EQ(etag.size(), 18u);

    const auto again = client::get(server.port(), "/static/alis.css", {{"If-None-Match", etag}});
    EXPECT_EQ(again.result(), http::status::not_modified);
    EXPECT_TRUE(again.body().empty());

    const std::string hash = etag.substr(1, 16);
    const auto hashed = client::get(server.port(), "/static/" + hash + "/alis.css");
    EXPECT_EQ(hashed.result(), http::status::ok);
    EXPECT_EQ(hashed[http::field::cache_control], "public, max-age=31536000, immutable");
    EXPECT_EQ(hashed.body(), plain.body());

    EXPECT_EQ(client::get(server.port(), "/static/0000000000000000/alis.css").result(),
              http::status::not_found);
    EXPECT_EQ(client::get(server.port(), "/static/designsystemet.css").result(), http::status::ok);
    EXPECT_EQ(client::get(server.port(), "/static/..%2f..%2fetc%2fpasswd").result(),
              http::status::not_found);
}

TEST(Server, HeadAnswersHeadersOnly) {
    TestServer server;
    const auto r = client::request(server.port(), http::verb::head, "/healthz");
    EXPECT_EQ(r.result(), http::status::ok);
    EXPECT_EQ(r[http::field::content_length], "3");
}

TEST(Server, AnUnexpectedFailureIsA500WithoutInternals) {
    TestServer server;
    server.pipeline().router().add(
        http::verb::get, "/boom", RouteAccess{app::Action::view_public},
        [](const Request&, RequestContext&) -> Response {
            throw std::runtime_error("SELECT secret FROM table near line 3");
        });
    const auto page = client::get(server.port(), "/boom");
    EXPECT_EQ(page.result(), http::status::internal_server_error);
    EXPECT_EQ(page.body().find("SELECT"), std::string::npos);
    EXPECT_NE(page.body().find("En uventet feil oppstod"), std::string::npos);
    const auto json = client::get(server.port(), "/boom", {{"Accept", "application/json"}});
    EXPECT_EQ(json.result(), http::status::internal_server_error);
    EXPECT_EQ(boost::json::parse(json.body()).at("error").at("code").as_string(), "internal_error");
    // The reason is in the server's log for the operators, with the request id.
    EXPECT_NE(server.log_text().find("SELECT secret"), std::string::npos);
}

TEST(Server, AccessLogIsOneJsonObjectPerRequest) {
    TestServer server;
    client::get(server.port(), "/api/v1/municipalities?token=hemmelig");
    server.stop();
    const std::string log = server.log_text();
    ASSERT_FALSE(log.empty());
    const std::string first_line = log.substr(0, log.find('\n'));
    const auto line = boost::json::parse(first_line).as_object();
    for (const char* key : {"time", "request_id", "method", "route", "status", "duration_us"}) {
        EXPECT_TRUE(line.contains(key)) << key;
    }
    EXPECT_EQ(line.at("route").as_string(), "/api/v1/municipalities");
    EXPECT_TRUE(line.at("time").as_string().ends_with("Z"));
    EXPECT_EQ(log.find("hemmelig"), std::string::npos) << "query strings never reach the log";
}

TEST(Server, GracefulShutdownFinishesTheRequestInFlight) {
    TestServer server;
    std::promise<void> entered;
    std::atomic<bool> release{false};
    server.pipeline().router().add(
        http::verb::get, "/slow", RouteAccess{app::Action::view_public},
        [&](const Request& r, RequestContext&) {
            entered.set_value();
            while (!release) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            Response response{http::status::ok, r.version()};
            response.set(http::field::content_type, "text/plain; charset=utf-8");
            response.body() = "finished";
            return response;
        });
    auto in_flight =
        std::async(std::launch::async, [&] { return client::get(server.port(), "/slow"); });
    entered.get_future().wait();
    std::thread stopper([&] { server.stop(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    // New connections are refused while stopping.
    EXPECT_THROW(client::get(server.port(), "/healthz"), boost::system::system_error);
    release = true;
    const auto r = in_flight.get();
    stopper.join();
    EXPECT_EQ(r.result(), http::status::ok);
    EXPECT_EQ(r.body(), "finished");
    EXPECT_FALSE(r.keep_alive());
}

}  // namespace server_test
}  // namespace alis::web

namespace alis::web {
namespace server_test {

int trainees_in(const testing::client::Response& r, const std::string& number) {
    const auto doc = boost::json::parse(r.body());
    for (const auto& item : doc.at("municipalities").as_array()) {
        if (item.at("number").as_string() == number) {
            return static_cast<int>(item.at("trainees").as_int64());
        }
    }
    return -1;
}

TEST(Server, AWriteShowsAtOnceDespiteTheResponseCache) {
    TestServer server;
    server.database().write([](store::UnitOfWork& w) {
        domain::Municipality m;
        m.number = "4601";
        m.name = "Bergen";
        m.county = "Vestland";
        m.centrality_class = 2;
        m.alis_office = "Bergen";
        w.municipalities().put(m);
    });
    EXPECT_EQ(trainees_in(client::get(server.port(), "/api/v1/municipalities"), "4601"), 0);
    server.database().write([](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Ola Nordmann";
        domain::Employment e;
        e.person_id = w.people().add(p);
        e.municipality_number = "4601";
        e.starts_on = *domain::Date::parse_iso("2025-01-01");
        w.people().add_employment(e);
    });
    EXPECT_EQ(trainees_in(client::get(server.port(), "/api/v1/municipalities"), "4601"), 1);
    EXPECT_NE(client::get(server.port(), "/").body().find("1 leger i spesialisering"),
              std::string::npos);
}

}  // namespace server_test
}  // namespace alis::web
