// alis user add | disable | roles, as an administrator runs them.
#include <gtest/gtest.h>

#include <signal.h>

#include <regex>

#include "support/process.hpp"
#include "support/test_server.hpp"

namespace alis::cli {
namespace user_cli_test {

using testing::ChildProcess;
using testing::run_command;
using testing::TempDir;

const std::string kAlis = ALIS_BINARY;
const std::string kPassword = "riktig-hest-batteri-stift";

bool one_line(const std::string& text) {
    return !text.empty() && text.find('\n') == text.size() - 1;
}

class UserCli : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_EQ(run_command({kAlis, "migrate", "--db", db}).exit_code, 0); }
    testing::CommandResult add(const std::vector<std::string>& extra, const std::string& input) {
        std::vector<std::string> args = {kAlis, "user", "add", "--db", db};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_command(args, input);
    }
    TempDir dir;
    std::string db = dir.sqlite_url();
};

TEST_F(UserCli, AddsAnAccountWithThePasswordFromStandardInput) {
    const auto r =
        add({"--email", "kari@bergen.kommune.no", "--name", "Kari Nordmann", "--role", "national"},
            kPassword + "\n" + kPassword + "\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("created for kari@bergen.kommune.no"), std::string::npos);
    const auto roles =
        run_command({kAlis, "user", "roles", "--db", db, "--email", "kari@bergen.kommune.no"});
    EXPECT_EQ(roles.exit_code, 0);
    EXPECT_NE(roles.out.find("national"), std::string::npos);
    // A single line is accepted too (no confirmation line).
    EXPECT_EQ(add({"--email", "ola@x.no", "--name", "Ola", "--role", "admin"}, kPassword + "\n")
                  .exit_code,
              0);
}

TEST_F(UserCli, RefusesBadInputWithOneLine) {
    struct Case {
        std::vector<std::string> args;
        std::string input;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {{"--email", "a@x.no", "--name", "A", "--role", "national"}, "kort\nkort\n", "12"},
        {{"--email", "a@x.no", "--name", "A", "--role", "national"},
         kPassword + "\nannet-passord-her\n",
         "differ"},
        {{"--email", "a@x.no", "--name", "A", "--role", "national"},
         "international\ninternational\n",
         "common"},
        {{"--email", "a@x.no", "--name", "A", "--role", "leader"},
         kPassword + "\n",
         "municipality"},
        {{"--email", "a@x.no", "--name", "A", "--role", "leader", "--municipality", "9999"},
         kPassword + "\n",
         "9999"},
        {{"--email", "a@x.no", "--name", "A", "--role", "king"}, kPassword + "\n", "unknown role"},
        {{"--email", "not-an-address", "--name", "A", "--role", "national"},
         kPassword + "\n",
         "e-mail"},
        {{"--email", "a@x.no", "--name", "A", "--role", "national"}, "", "no password"},
    };
    for (const auto& c : cases) {
        const auto r = add(c.args, c.input);
        EXPECT_NE(r.exit_code, 0) << c.reason;
        EXPECT_TRUE(one_line(r.err)) << c.reason << ": " << r.err;
        EXPECT_NE(r.err.find(c.reason), std::string::npos) << r.err;
    }
    // A duplicate e-mail is refused and the first account is untouched.
    ASSERT_EQ(
        add({"--email", "a@x.no", "--name", "A", "--role", "national"}, kPassword + "\n").exit_code,
        0);
    const auto again =
        add({"--email", "A@X.NO", "--name", "B", "--role", "admin"}, kPassword + "\n");
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("exists already"), std::string::npos);
}

TEST_F(UserCli, WorksWhileTheServerRunsAndDisablingEndsSessions) {
    ChildProcess server(
        {kAlis, "serve", "--db", db, "--listen", "127.0.0.1:0", "--access-log", "off"});
    ASSERT_TRUE(server.wait_for_output("listening on")) << server.stderr_text();
    std::smatch m;
    const std::string out = server.stdout_text();
    ASSERT_TRUE(std::regex_search(out, m, std::regex("127\\.0\\.0\\.1:([0-9]+)/")));
    const auto port = static_cast<unsigned short>(std::stoi(m[1]));

    ASSERT_EQ(add({"--email", "admin@x.no", "--name", "Admin", "--role", "national"},
                  kPassword + "\n" + kPassword + "\n")
                  .exit_code,
              0);
    const auto session = testing::client::login(port, "admin@x.no", kPassword);
    ASSERT_TRUE(session) << "an account added while the server runs can log in at once";
    EXPECT_EQ(testing::client::get(port, "/api/v1/me", session->headers()).result_int(), 200u);

    const auto off = run_command({kAlis, "user", "disable", "--db", db, "--email", "admin@x.no"});
    EXPECT_EQ(off.exit_code, 0) << off.err;
    EXPECT_EQ(testing::client::get(port, "/api/v1/me", session->headers()).result_int(), 401u);
    const auto unknown =
        run_command({kAlis, "user", "disable", "--db", db, "--email", "nobody@x.no"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_TRUE(one_line(unknown.err));
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(), 0);
}

TEST_F(UserCli, TheLastActiveAdministratorCannotBeDisabled) {
    ASSERT_EQ(add({"--email", "admin@x.no", "--name", "Admin", "--role", "admin"}, kPassword + "\n")
                  .exit_code,
              0);
    const auto disable = [&](const char* email) {
        return run_command({kAlis, "user", "disable", "--db", db, "--email", email});
    };
    auto r = disable("admin@x.no");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(one_line(r.err)) << r.err;
    EXPECT_NE(r.err.find("last active administrator"), std::string::npos) << r.err;
    // With a second administrator, one of them may go, but not both.
    ASSERT_EQ(
        add({"--email", "admin2@x.no", "--name", "Admin 2", "--role", "admin"}, kPassword + "\n")
            .exit_code,
        0);
    r = disable("admin@x.no");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = disable("admin2@x.no");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("last active administrator"), std::string::npos) << r.err;
}

}  // namespace user_cli_test
}  // namespace alis::cli
