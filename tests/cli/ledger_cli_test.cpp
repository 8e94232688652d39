// `alis ledger` as a user runs it: the built binary in a subprocess, a report in both formats,
// and exactly one line on stderr with exit code 2 for every class of bad input.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace alis::cli {
namespace ledger_cli_test {

const std::string kAlis = ALIS_BINARY;

// A directory of its own under the system's temporary directory, removed at the end.
class LedgerTempDir {
  public:
    LedgerTempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "alis-ledger-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path_ = pattern;
    }
    ~LedgerTempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    LedgerTempDir(const LedgerTempDir&) = delete;
    LedgerTempDir& operator=(const LedgerTempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Writes `text` to a file named `name` in the directory and returns its path.
    std::string write(const std::string& name, const std::string& text) const {
        const auto file = path_ / name;
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }

  private:
    std::filesystem::path path_;
};

struct Outcome {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs the alis binary with `args` (no shell, so nothing in the arguments is interpreted), feeding
// `input` on stdin; stdout and stderr go through files in a temporary directory.
Outcome run_alis(const std::vector<std::string>& args, const std::string& input = "") {
    LedgerTempDir dir;
    const std::string in_path = dir.write("stdin", input);
    const std::string out_path = (dir.path() / "stdout").string();
    const std::string err_path = (dir.path() / "stderr").string();

    std::vector<std::string> storage = {kAlis};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, kAlis.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    Outcome outcome;
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << kAlis;
        return outcome;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    outcome.out = slurp(out_path);
    outcome.err = slurp(err_path);
    return outcome;
}

bool exactly_one_line(const std::string& text) {
    return !text.empty() && text.find('\n') == text.size() - 1;
}

constexpr const char* kGoodPath = R"({
  "ruleset": "allmennmedisin-2019",
  "as_of": "2026-11-22",
  "lis1_completed": "2019-08-31",
  "periods": [
    {"from": "2019-09-01", "to": "2021-08-31", "arena": "open_general_practice", "fte": 100, "registered": true},
    {"from": "2021-09-01", "to": "2022-02-28", "arena": "institution", "fte": 100},
    {"from": "2022-03-01", "to": "2022-12-31", "arena": "leave"},
    {"from": "2023-01-01", "to": null, "arena": "other_general_practice", "fte": 60, "registered": true},
    {"from": "2023-01-01", "to": null, "arena": "open_general_practice", "fte": 40, "registered": true}
  ]
})";

// kGoodPath with `from` replaced by `to` once.
std::string good_path_with(const std::string& from, const std::string& to) {
    std::string text = kGoodPath;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) {
        text.replace(at, from.size(), to);
    }
    return text;
}

TEST(LedgerCli, JsonReportFromAFile) {
    LedgerTempDir dir;
    const auto r = run_alis({"ledger", dir.write("path.json", kGoodPath)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const boost::json::object report = boost::json::parse(r.out).as_object();
    EXPECT_EQ(report.at("as_of").as_string(), "2026-11-22");
    EXPECT_EQ(report.at("ruleset").as_string(), "allmennmedisin-2019");
    // 6 months of institution service, counted exactly.
    EXPECT_NE(r.out.find("\"institution\": 6.00"), std::string::npos) << r.out;
    EXPECT_EQ(report.at("requirements").as_array().size(), 3u);
    EXPECT_TRUE(report.at("complete").as_bool());
    EXPECT_EQ(report.at("projected_completion").as_string(), "2025-06-30");
    EXPECT_TRUE(report.at("warnings").as_array().empty());
}

TEST(LedgerCli, JsonReportFromStdin) {
    const auto r = run_alis({"ledger", "-"}, kGoodPath);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(boost::json::parse(r.out).at("ruleset").as_string(), "allmennmedisin-2019");
}

TEST(LedgerCli, TextReport) {
    const auto r = run_alis({"ledger", "--format", "text", "-"}, kGoodPath);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Utdanningsregnskap per 22.11.2026"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Institusjonstjeneste"), std::string::npos);
    EXPECT_NE(r.out.find("6,00"), std::string::npos);
    EXPECT_NE(r.out.find("Fullført: ja"), std::string::npos);
    EXPECT_NE(r.out.find("30.06.2025"), std::string::npos);
}

TEST(LedgerCli, RulesetOptionOverridesTheInput) {
    const auto r = run_alis({"ledger", "--ruleset", "allmennmedisin-pre2019", "-"}, kGoodPath);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const boost::json::object report = boost::json::parse(r.out).as_object();
    EXPECT_EQ(report.at("ruleset").as_string(), "allmennmedisin-pre2019");
    // The old scheme wants 12 months of hospital service; the path has 6.
    EXPECT_FALSE(report.at("complete").as_bool());
    // The 40 % open practice post is below the old per-post minimum of 50 %.
    const auto& warnings = report.at("warnings").as_array();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].at("code").as_string(), "below_min_fte");
    EXPECT_EQ(warnings[0].at("period").as_int64(), 4);
}

// A ruleset like the 2019 one, but asking 3 months of institution service.
constexpr const char* kCustomRuleset = R"(
id = "kort"
name = "Kort test"
version = 1
[counting]
min_fte = 50
min_fte_applies_to = "day"
[total]
arenas = ["open_general_practice", "other_general_practice", "institution"]
[[requirements]]
id = "institution_min"
name = "Institusjon"
counts = ["institution"]
months = 3
)";

TEST(LedgerCli, RulesFromADirectory) {
    LedgerTempDir dir;
    dir.write("kort.toml", kCustomRuleset);
    const auto r = run_alis(
        {"ledger", "--rules-dir", dir.path().string(), "--ruleset", "kort", "-"}, kGoodPath);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const boost::json::object report = boost::json::parse(r.out).as_object();
    EXPECT_EQ(report.at("ruleset").as_string(), "kort");
    // Met after the first three months of institution service, September-November 2021.
    EXPECT_EQ(report.at("projected_completion").as_string(), "2021-11-30");

    // The built-in rulesets are not in that directory.
    const auto missing = run_alis({"ledger", "--rules-dir", dir.path().string(), "-"}, kGoodPath);
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(exactly_one_line(missing.err)) << missing.err;
    EXPECT_NE(missing.err.find("ruleset: unknown ruleset 'allmennmedisin-2019' (known: kort)"),
              std::string::npos)
        << missing.err;
}

struct BadCase {
    std::string what;
    std::vector<std::string> args;  // after "ledger"; "@" is replaced by the input file
    std::string input;
    std::string expected;  // a part of the one stderr line
};

class LedgerCliBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(LedgerCliBadInput, ExitsWithTwoAndOneLineNamingTheField) {
    const BadCase& bad = GetParam();
    LedgerTempDir dir;
    const std::string file = dir.write("path.json", bad.input);
    dir.write("broken-rules.toml", "id = \"broken-rules\"\nname = \"x\"\nversion = 1\n");
    std::vector<std::string> args = {"ledger"};
    for (const std::string& arg : bad.args) {
        if (arg == "@") {
            args.push_back(file);
        } else if (arg == "@dir") {
            args.push_back(dir.path().string());
        } else {
            args.push_back(arg);
        }
    }
    const auto r = run_alis(args);
    EXPECT_EQ(r.exit_code, 2) << bad.what << ": " << r.err;
    EXPECT_TRUE(exactly_one_line(r.err)) << bad.what << ": [" << r.err << "]";
    EXPECT_NE(r.err.find(bad.expected), std::string::npos) << bad.what << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << bad.what << ": " << r.out;
}

std::string bad_case_name(const ::testing::TestParamInfo<BadCase>& info) {
    std::string name = info.param.what;
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            c = '_';
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(
    Classes, LedgerCliBadInput,
    ::testing::Values(
        BadCase{"malformed JSON",
                {"@"},
                R"({"as_of": "2026-11-22", "periods": [})",
                "alis ledger: input: malformed JSON at line 1, column 37"},
        BadCase{"empty input", {"@"}, "", "input: malformed JSON"},
        BadCase{"not an object", {"@"}, "[1, 2]", "input: must be a JSON object"},
        BadCase{"unknown arena",
                {"@"},
                good_path_with("\"leave\"", "\"sabbatical\""),
                "periods[2].arena: unknown arena 'sabbatical'"},
        BadCase{"unknown ruleset in the input",
                {"@"},
                good_path_with("allmennmedisin-2019", "allmennmedisin-2031"),
                "ruleset: unknown ruleset 'allmennmedisin-2031' (known: allmennmedisin-2019, "
                "allmennmedisin-pre2019)"},
        BadCase{"unknown ruleset option",
                {"--ruleset", "../rules/allmennmedisin-2019", "@"},
                kGoodPath,
                "--ruleset: unknown ruleset '../rules/allmennmedisin-2019'"},
        BadCase{"no ruleset at all",
                {"@"},
                good_path_with("\"ruleset\": \"allmennmedisin-2019\",", ""),
                "ruleset: missing"},
        BadCase{"a date that does not exist",
                {"@"},
                good_path_with("2022-02-28", "2023-02-30"),
                "periods[1].to: '2023-02-30' is not a date that exists"},
        BadCase{"a date in another format",
                {"@"},
                good_path_with("2026-11-22", "22.11.2026"),
                "as_of: '22.11.2026' is not a date"},
        BadCase{"to before from",
                {"@"},
                good_path_with("2022-12-31", "2022-02-01"),
                "periods[2].to: 2022-02-01 is before from (2022-03-01)"},
        BadCase{"fte above 100",
                {"@"},
                good_path_with("\"fte\": 60", "\"fte\": 160"),
                "periods[3].fte: 160 is out of range"},
        BadCase{"fte zero",
                {"@"},
                good_path_with("\"fte\": 40", "\"fte\": 0"),
                "periods[4].fte: 0 is out of range"},
        BadCase{"fte negative",
                {"@"},
                good_path_with("\"fte\": 60", "\"fte\": -60"),
                "periods[3].fte: -60 is out of range"},
        BadCase{"fte not a number",
                {"@"},
                good_path_with("\"fte\": 60", "\"fte\": \"60 %\""),
                "periods[3].fte: must be a number"},
        BadCase{"registered not a boolean",
                {"@"},
                good_path_with("\"registered\": true", "\"registered\": \"ja\""),
                "periods[0].registered: must be true or false"},
        BadCase{"unknown field",
                {"@"},
                good_path_with("\"arena\": \"leave\"", "\"arena\": \"leave\", \"reason\": \"x\""),
                "periods[2].reason: unknown field"},
        BadCase{"missing as_of",
                {"@"},
                good_path_with("\"as_of\": \"2026-11-22\",", ""),
                "as_of: missing"},
        BadCase{"missing to",
                {"@"},
                good_path_with("\"to\": \"2022-12-31\", ", ""),
                "periods[2].to: missing"},
        BadCase{"periods not a list",
                {"@"},
                R"({"ruleset": "allmennmedisin-2019", "as_of": "2026-11-22", "periods": 5})",
                "periods: must be a list"},
        BadCase{"no such file",
                {"/nonexistent/alis/path.json"},
                "",
                "cannot read '/nonexistent/alis/path.json'"},
        BadCase{"bad format", {"--format", "xml", "@"}, kGoodPath, "--format"},
        BadCase{"missing file argument", {}, "", "FILE is required"},
        BadCase{"broken ruleset file",
                {"--rules-dir", "@dir", "--ruleset", "broken-rules", "@"},
                kGoodPath,
                "broken-rules.toml: counting: missing"},
        BadCase{"rules dir that does not exist",
                {"--rules-dir", "/nonexistent/alis/rules", "@"},
                kGoodPath,
                "--rules-dir"}),
    bad_case_name);

}  // namespace ledger_cli_test
}  // namespace alis::cli
