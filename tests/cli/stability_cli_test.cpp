// `alis stability km` as a user runs it: the built binary on a CSV file, its JSON and CSV, and one
// Norwegian line with exit code 2 for each kind of bad input. The figures themselves are checked
// against R in stability_reference_test.cpp.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace stability_cli_test {

namespace json = boost::json;
using testing::CommandResult;
using testing::is_one_error_line;
using testing::run_alis;

class StabilityCli : public ::testing::Test {
  protected:
    std::string file(const std::string& text) {
        const auto path = dir_.path() / ("input" + std::to_string(++files_) + ".csv");
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }

    CommandResult km(const std::string& text, std::vector<std::string> flags = {}) {
        std::vector<std::string> args = {"stability", "km", file(text)};
        args.insert(args.end(), flags.begin(), flags.end());
        return run_alis(args);
    }

  private:
    testing::TempDir dir_;
    int files_ = 0;
};

std::vector<std::string> keys_of(const json::object& object) {
    std::vector<std::string> keys;
    for (const auto& entry : object) {
        keys.emplace_back(entry.key());
    }
    return keys;
}

TEST_F(StabilityCli, JsonHasTheCurveOfEachGroupAndTheLogRankTest) {
    const auto result = km("time,event,group\n1,1,b\n2,0,b\n3,1,b\n2,1,a\n2,1,a\n4,0,a\n",
                           {"--group", "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const json::object out = json::parse(result.out).as_object();
    EXPECT_EQ(keys_of(out), (std::vector<std::string>{"groups", "logrank"}));
    const json::array& groups = out.at("groups").as_array();
    ASSERT_EQ(groups.size(), 2u);
    const json::object& a = groups[0].as_object();
    EXPECT_EQ(keys_of(a), (std::vector<std::string>{"group", "n", "events", "median", "steps"}));
    EXPECT_EQ(a.at("group"), "a");
    EXPECT_EQ(a.at("n"), 3);
    EXPECT_EQ(a.at("events"), 2);
    EXPECT_EQ(a.at("median").as_object().at("time").to_number<double>(), 2.0);
    const json::object& step = a.at("steps").as_array().at(0).as_object();
    EXPECT_EQ(keys_of(step), (std::vector<std::string>{"time", "n_risk", "n_event", "n_censor",
                                                       "surv", "std_err", "lower", "upper"}));
    EXPECT_EQ(step.at("n_risk"), 3);
    EXPECT_EQ(step.at("n_event"), 2);
    EXPECT_NEAR(step.at("surv").to_number<double>(), 1.0 / 3, 1e-15);
    const json::object& b = groups[1].as_object();
    EXPECT_EQ(b.at("steps").as_array().size(), 3u);
    EXPECT_TRUE(b.at("median").as_object().at("upper").is_null());
    const json::object& logrank = out.at("logrank").as_object();
    EXPECT_EQ(keys_of(logrank), (std::vector<std::string>{"chisq", "df", "p"}));
    EXPECT_EQ(logrank.at("df"), 1);
}

TEST_F(StabilityCli, OneGroupHasNoLogRankTestAndNoGroupKey) {
    const auto result = km("5,1\n7,0\n");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json::object out = json::parse(result.out).as_object();
    EXPECT_FALSE(out.contains("logrank"));
    const json::object& group = out.at("groups").as_array().at(0).as_object();
    EXPECT_TRUE(group.at("group").is_null());
    // The curve ends at one half: the median is the day it got there; the upper curve never
    // falls to one half, so that end of the interval is not reached.
    EXPECT_EQ(group.at("median").as_object().at("time").to_number<double>(), 5.0);
    EXPECT_EQ(group.at("median").as_object().at("lower").to_number<double>(), 5.0);
    EXPECT_TRUE(group.at("median").as_object().at("upper").is_null());
}

TEST_F(StabilityCli, GroupsWithoutEventsToCompareHaveANullTest) {
    const auto result = km("5,0,a\n7,0,b\n", {"--group"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(json::parse(result.out).as_object().at("logrank").is_null());
}

TEST_F(StabilityCli, CsvHasOneLinePerStepAndEmptyCellsForWhatIsMissing) {
    const auto result =
        km("3,1,\"Nord, Sør\"\n3,1,Vest\n8,0,Vest\n", {"--group", "--format", "csv"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out,
              "group,time,n_risk,n_event,n_censor,surv,std_err,lower,upper\n"
              "\"Nord, Sør\",3,1,1,0,0,,,\n"
              "Vest,3,2,1,0,0.5,0.3535533905932738,0.12504882662995326,1\n"
              "Vest,8,1,0,1,0.5,0.3535533905932738,0.12504882662995326,1\n");
}

TEST_F(StabilityCli, BadInputIsOneNorwegianLineNamingTheLineAndExitTwo) {
    const struct {
        std::string input;
        std::vector<std::string> flags;
        std::string message;
    } cases[] = {
        {"time,event\n1,1\n\n4,2\n",
         {},
         "alis: linje 4: hendelsen «2» skal være 1 (hendelsen "
         "inntraff) eller 0 (sensurert)\n"},
        {"1,1\n-4,0\n",
         {},
         "alis: linje 2: tiden «-4» er ikke et helt antall dager fra 0 til "
         "1000000\n"},
        {"1,1,Vest\n",
         {},
         "alis: linje 1: 3 felt, men hver rad skal ha 2 (time,event); med gruppen i en "
         "tredje kolonne, bruk --group\n"},
        {"1,1\n",
         {"--group"},
         "alis: linje 1: 2 felt, men hver rad skal ha 3 (time,event,group)\n"},
        {"1,1, \n", {"--group"}, "alis: linje 1: gruppen er tom\n"},
        {"1,1,\xFF\n",
         {"--group"},
         "alis: linje 1: gruppen er ikke gyldig tekst (UTF-8 på én linje, uten kontrolltegn)\n"},
        {"1,1,\"Vest\n",
         {"--group"},
         "alis: linje 1: et felt i anførselstegn er ikke avsluttet, "
         "eller har tekst etter det avsluttende anførselstegnet\n"},
        {"time,event\n", {}, "alis: filen har ingen rader med data\n"},
        {"1,1\n2,\x01\x0d\n",
         {},
         "alis: linje 2: hendelsen «\x01» skal være 1 (hendelsen "
         "inntraff) eller 0 (sensurert)\n"},
    };
    for (const auto& c : cases) {
        const auto result = km(c.input, c.flags);
        EXPECT_EQ(result.exit_code, 2) << c.input;
        EXPECT_TRUE(is_one_error_line(result)) << result.err;
        if (c.message.find('\x01') == std::string::npos) {
            EXPECT_EQ(result.err, c.message);
        } else {
            EXPECT_EQ(result.err.find('\x01'), std::string::npos) << "control characters go";
        }
        EXPECT_EQ(result.out, "");
    }
}

TEST_F(StabilityCli, AMissingFileOrAFolderIsBadInput) {
    const auto missing = run_alis({"stability", "km", "/nonexistent/stability.csv"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.err,
              "alis: kan ikke lese «/nonexistent/stability.csv»: filen finnes ikke eller kan ikke "
              "leses\n");
    const auto folder = run_alis({"stability", "km", "/tmp"});
    EXPECT_EQ(folder.exit_code, 2);
    EXPECT_EQ(folder.err, "alis: kan ikke lese «/tmp»: det er en mappe\n");
}

TEST_F(StabilityCli, AnUnknownFormatIsRefusedByTheCommandLine) {
    const auto result = km("1,1\n", {"--format", "xml"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(result)) << result.err;
}

}  // namespace stability_cli_test
}  // namespace alis::cli
