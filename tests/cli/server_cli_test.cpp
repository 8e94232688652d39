// The alis binary as a user runs it: subcommands, flags, environment fallback and clear errors.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <signal.h>

#include <fstream>
#include <regex>

#include "support/process.hpp"
#include "support/test_server.hpp"

namespace alis::cli {
namespace server_cli_test {

using testing::ChildProcess;
using testing::run_command;
using testing::TempDir;

const std::string kAlis = ALIS_BINARY;

unsigned short port_from_banner(const std::string& out) {
    std::smatch m;
    const std::regex re("listening on http://127\\.0\\.0\\.1:([0-9]+)/");
    if (!std::regex_search(out, m, re)) {
        return 0;
    }
    return static_cast<unsigned short>(std::stoi(m[1]));
}

bool one_line(const std::string& text) {
    return !text.empty() && text.find('\n') == text.size() - 1;
}

TEST(Cli, VersionAndHelpOnEverySubcommand) {
    const auto version = run_command({kAlis, "version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_TRUE(version.out.starts_with("alis "));
    for (const char* sub : {"serve", "demo", "migrate", "version"}) {
        const auto help = run_command({kAlis, sub, "--help"});
        EXPECT_EQ(help.exit_code, 0) << sub;
        EXPECT_NE(help.out.find("--help"), std::string::npos) << sub;
    }
    const auto help = run_command({kAlis, "serve", "--help"});
    EXPECT_NE(help.out.find("--db"), std::string::npos);
    EXPECT_NE(help.out.find("ALIS_DB"), std::string::npos);
}

TEST(Cli, BadFlagsGiveOneLineAndNonZeroExit) {
    for (const auto& args :
         std::vector<std::vector<std::string>>{{kAlis, "serve", "--no-such-flag"},
                                               {kAlis, "serve", "--listen", "nonsense"},
                                               {kAlis, "serve", "--listen", "127.0.0.1:99999"},
                                               {kAlis, "serve", "--listen", "not-an-ip:80"},
                                               {kAlis, "serve", "--threads", "-3"},
                                               {kAlis, "serve", "--metrics-listen", "nonsense"},
                                               {kAlis, "serve", "--public-url", "alis.example"},
                                               {kAlis, "demo", "--scale", "city"},
                                               {kAlis, "frobnicate"},
                                               {kAlis}}) {
        const auto r = run_command(args);
        EXPECT_NE(r.exit_code, 0) << args.back();
        EXPECT_TRUE(one_line(r.err)) << args.back() << ": " << r.err;
        EXPECT_TRUE(r.err.starts_with("alis: ")) << r.err;
    }
}

TEST(Cli, UnreadableDatabaseGivesOneLine) {
    TempDir dir;
    const auto garbage = dir.path() / "garbage.db";
    {
        std::FILE* f = std::fopen(garbage.c_str(), "w");
        std::fputs("definitely not an SQLite database, but long enough to look like a header", f);
        std::fclose(f);
    }
    for (const std::string& url : {"sqlite:" + garbage.string(), std::string("mysql://x"),
                                   std::string("postgresql://localhost/alis")}) {
        const auto r = run_command({kAlis, "migrate", "--db", url});
        EXPECT_EQ(r.exit_code, 1) << url;
        EXPECT_TRUE(one_line(r.err)) << r.err;
    }
    // The garbage file is untouched: nothing already stored is lost.
    std::ifstream in(garbage);
    std::string content;
    std::getline(in, content);
    EXPECT_TRUE(content.starts_with("definitely not"));
}

TEST(Cli, MigrateIsIdempotentAndReadsTheEnvironment) {
    TempDir dir;
    const auto first = run_command({kAlis, "migrate"}, "", {"ALIS_DB=" + dir.sqlite_url()});
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_TRUE(
        std::regex_search(first.out, std::regex("alis: [1-9][0-9]* migration\\(s\\) applied")))
        << first.out;
    const auto second = run_command({kAlis, "migrate", "--db", dir.sqlite_url()});
    EXPECT_EQ(second.exit_code, 0);
    EXPECT_NE(second.out.find("0 migration(s) applied"), std::string::npos) << second.out;
}

TEST(Cli, DemoStartsServesTheHomePageAndStopsGracefullyOnSigterm) {
    TempDir dir;
    ChildProcess demo({kAlis, "demo", "--db", dir.sqlite_url("demo.db"), "--listen", "127.0.0.1:0",
                       "--access-log", "off"});
    ASSERT_TRUE(demo.wait_for_output("Stop with Ctrl+C")) << demo.stderr_text();
    const auto port = port_from_banner(demo.stdout_text());
    ASSERT_NE(port, 0) << demo.stdout_text();
    EXPECT_NE(demo.stdout_text().find("Demo logins"), std::string::npos);
    const auto home = testing::client::get(port, "/");
    EXPECT_EQ(home.result(), boost::beast::http::status::ok);
    EXPECT_NE(home.body().find("ALIS-kontor"), std::string::npos);
    demo.signal(SIGTERM);
    EXPECT_EQ(demo.wait(std::chrono::seconds(15)), 0);
    EXPECT_NE(demo.stdout_text().find("alis stopped"), std::string::npos);
}

TEST(Cli, DemoAtNationalScaleServesAllMunicipalities) {
    TempDir dir;
    ChildProcess demo({kAlis, "demo", "--db", dir.sqlite_url("demo.db"), "--listen", "127.0.0.1:0",
                       "--access-log", "off", "--scale", "national"});
    ASSERT_TRUE(demo.wait_for_output("Stop with Ctrl+C")) << demo.stderr_text();
    const std::string out = demo.stdout_text();
    EXPECT_NE(out.find("357 municipalities"), std::string::npos) << out;
    EXPECT_NE(out.find("national scale, seed 2019"), std::string::npos) << out;
    const auto port = port_from_banner(out);
    const auto home = testing::client::get(port, "/");
    EXPECT_EQ(home.result(), boost::beast::http::status::ok);
    EXPECT_NE(home.body().find("Guovdageaidnu - Kautokeino"), std::string::npos);
    EXPECT_NE(home.body().find("ALIS-kontor Hamar"), std::string::npos);
    const auto api = testing::client::get(port, "/api/v1/municipalities");
    EXPECT_EQ(boost::json::parse(api.body()).at("municipalities").as_array().size(), 357u);
    demo.signal(SIGTERM);
    EXPECT_EQ(demo.wait(std::chrono::seconds(15)), 0);
}

TEST(Cli, MetricsListenServesMetricsApartAndPublicUrlHttpsAddsHsts) {
    TempDir dir;
    ChildProcess demo({kAlis, "demo", "--db", dir.sqlite_url("demo.db"), "--listen", "127.0.0.1:0",
                       "--access-log", "off", "--public-url", "https://alis.example.no",
                       "--metrics-listen", "127.0.0.1:0"});
    ASSERT_TRUE(demo.wait_for_output("Stop with Ctrl+C")) << demo.stderr_text();
    const auto port = port_from_banner(demo.stdout_text());
    std::smatch m;
    const std::string out = demo.stdout_text();
    ASSERT_TRUE(std::regex_search(
        out, m, std::regex("Metrics are served on http://127\\.0\\.0\\.1:([0-9]+)/metrics")))
        << out;
    const auto metrics_port = static_cast<unsigned short>(std::stoi(m[1]));
    const auto home = testing::client::get(port, "/");
    EXPECT_EQ(home["Strict-Transport-Security"], "max-age=31536000; includeSubDomains");
    EXPECT_EQ(testing::client::get(port, "/metrics").result(),
              boost::beast::http::status::not_found);
    const auto metrics = testing::client::get(metrics_port, "/metrics");
    EXPECT_EQ(metrics.result(), boost::beast::http::status::ok);
    EXPECT_NE(metrics.body().find("alis_http_requests_total{route=\"/\",status=\"200\"} 1"),
              std::string::npos)
        << metrics.body();
    demo.signal(SIGTERM);
    EXPECT_EQ(demo.wait(std::chrono::seconds(15)), 0);
}

TEST(Cli, DemoDataIsTheSameForTheSameSeed) {
    TempDir dir;
    auto banner = [&](const std::string& name) {
        ChildProcess demo({kAlis, "demo", "--db", dir.sqlite_url(name), "--listen", "127.0.0.1:0",
                           "--access-log", "off", "--seed", "7"});
        EXPECT_TRUE(demo.wait_for_output("Stop with Ctrl+C"));
        demo.signal(SIGINT);
        demo.wait();
        const std::string out = demo.stdout_text();
        const auto start = out.find(": ", out.find("Demo database")) + 2;
        return out.substr(start, out.find('\n', start) - start);
    };
    const std::string first = banner("a.db");
    EXPECT_NE(first.find("doctors"), std::string::npos) << first;
    EXPECT_EQ(first, banner("b.db"));
}

}  // namespace server_cli_test
}  // namespace alis::cli
