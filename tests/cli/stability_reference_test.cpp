// `alis stability km` against the reference: R's survival package (survfit, summary.survfit,
// print.survfit's median and survdiff) on the same files. Every step of every curve, every median
// with its interval and every log-rank test must agree within 1e-9 (relative above 1). The data
// sets are built here with fixed seeds: the demo's kind of cohort, the textbook trial, the edges
// of the median rule, and random sets with many ties, heavy censoring and several groups.
// Without Rscript or its survival package the test is skipped, unless ALIS_REQUIRE_R=1 (as make
// test sets it).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "domain/splitmix.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace stability_reference_test {

namespace json = boost::json;

constexpr double kTolerance = 1e-9;

struct Row {
    std::int64_t time;
    int event;
    std::string group;
};

struct DataSet {
    std::string name;
    std::vector<Row> rows;
};

// Rscript on PATH, or nothing.
std::optional<std::string> find_rscript() {
    const char* path = std::getenv("PATH");
    std::stringstream folders(path == nullptr ? "" : path);
    for (std::string folder; std::getline(folders, folder, ':');) {
        const auto candidate = std::filesystem::path(folder) / "Rscript";
        if (!folder.empty() && ::access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
    }
    return std::nullopt;
}

bool r_required() {
    const char* required = std::getenv("ALIS_REQUIRE_R");
    return required != nullptr && std::string(required) == "1";
}

// A uniform draw in (0, 1).
double uniform(domain::SplitMix64& g) {
    return (static_cast<double>(g.next() >> 11) + 0.5) / 9007199254740992.0;
}

// The stability data the demo is meant to give: doctors who started in an ALIS post between
// 2017 and 2026, staying for an exponential time with the median of GP list contracts in their
// municipality's size band (Abelsen et al. 2015: 2.75, 5.91 and 8.37 years), censored at the
// day the data were taken.
DataSet demo_like() {
    const std::pair<const char*, double> bands[] = {
        {"under 2000", 2.75}, {"2000-49999", 5.91}, {"50000+", 8.37}};
    domain::SplitMix64 g(2026);
    DataSet set{"demo_like", {}};
    for (int i = 0; i < 450; ++i) {
        const auto& [band, median_years] = bands[g.between(0, 2)];
        const std::int64_t followed = g.between(30, 10 * 365);  // Start to the day of the data.
        const double stay = -median_years * 365.25 / std::log(2.0) * std::log(uniform(g));
        const auto stay_days = static_cast<std::int64_t>(stay);
        set.rows.push_back({std::min(stay_days, followed), stay_days < followed ? 1 : 0, band});
    }
    return set;
}

// Freireich's leukaemia trial, 6-MP against placebo (the unit tests' textbook example).
DataSet textbook() {
    DataSet set{"textbook", {}};
    for (int week : {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
        set.rows.push_back({week, 1, "6-MP"});
    }
    for (int week : {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
        set.rows.push_back({week, 0, "6-MP"});
    }
    for (int week : {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}) {
        set.rows.push_back({week, 1, "placebo"});
    }
    return set;
}

// Curves that sit exactly on one half, end there, fall to zero, or never fall: the cases where
// R's median rule chooses a midpoint, the first time, or nothing. Keys with spaces and letters
// beyond ASCII must come back as they went.
DataSet median_edges() {
    DataSet set{"median_edges", {}};
    const auto add = [&](const std::string& group, std::vector<std::pair<int, int>> rows) {
        for (const auto& [time, event] : rows) {
            set.rows.push_back({time, event, group});
        }
    };
    add("flat half", {{1, 1}, {2, 1}, {3, 1}, {4, 1}});
    add("ends at half", {{1, 1}, {2, 1}, {3, 0}, {4, 0}});
    add("Sør", {{0, 1}, {0, 0}, {2, 1}, {2, 1}, {5, 0}, {5, 0}, {7, 1}, {9, 0}});
    add("all leave", {{3, 1}, {3, 1}, {8, 1}, {8, 1}, {8, 1}, {12, 1}});
    add("none leave", {{4, 0}, {6, 0}, {6, 0}, {30, 0}});
    add("one", {{14, 1}});
    return set;
}

// A random set: `groups` groups of 1 to `most` subjects, times of 0 to `days` (so many ties),
// censored with a chance of `censoring` percent.
DataSet random_set(std::uint64_t seed, int groups, int most, int days, int censoring) {
    domain::SplitMix64 g(seed);
    DataSet set{"random_" + std::to_string(seed), {}};
    for (int k = 0; k < groups; ++k) {
        std::string key = "g";
        key += std::to_string(k + 1);
        const std::int64_t size = g.between(1, most);
        for (std::int64_t i = 0; i < size; ++i) {
            set.rows.push_back({g.between(0, days), g.chance(censoring) ? 0 : 1, key});
        }
    }
    return set;
}

std::vector<DataSet> data_sets() {
    std::vector<DataSet> sets = {demo_like(), textbook(), median_edges()};
    // Heavy censoring, many ties, two to six groups of up to 80.
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        domain::SplitMix64 g(seed * 7919);
        sets.push_back(random_set(seed, static_cast<int>(g.between(2, 6)), 80,
                                  static_cast<int>(g.between(5, 60)),
                                  static_cast<int>(g.between(50, 90))));
    }
    // Larger groups over ten years of days, and one group alone (no log-rank test).
    sets.push_back(random_set(101, 4, 2000, 3650, 60));
    sets.push_back(random_set(102, 1, 500, 400, 30));
    sets.back().name = "one_group";
    return sets;
}

void write_csv(const std::filesystem::path& file, const DataSet& set) {
    std::ofstream out(file, std::ios::binary);
    out << "time,event,group\n";
    for (const Row& row : set.rows) {
        out << row.time << ',' << row.event << ',' << row.group << '\n';
    }
}

// The lines of one of R's CSV files, split at commas, without the header.
std::vector<std::vector<std::string>> read_r_csv(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream fields(line);
        for (std::string cell; std::getline(fields, cell, ',');) {
            cells.push_back(cell);
        }
        rows.push_back(cells);
    }
    return rows;
}

// R's figure: nothing for NA and NaN (alis writes null).
std::optional<double> r_number(const std::string& text) {
    if (text == "NA" || text == "NaN") {
        return std::nullopt;
    }
    return std::stod(text);
}

std::optional<double> alis_number(const json::value& value) {
    if (value.is_null()) {
        return std::nullopt;
    }
    return value.to_number<double>();
}

// How far alis has been from R over all comparisons, for the test's log.
struct Agreement {
    std::size_t figures = 0;
    std::size_t steps = 0;
    double max_abs = 0;
    double max_rel = 0;

    // Expects `got` to be R's `want` within the tolerance (relative above 1); both or neither
    // missing.
    void expect(const std::optional<double>& got, const std::optional<double>& want,
                const std::string& where) {
        ++figures;
        ASSERT_EQ(got.has_value(), want.has_value())
            << where << ": alis " << (got ? std::to_string(*got) : "null") << ", R "
            << (want ? std::to_string(*want) : "NA");
        if (!got) {
            return;
        }
        const double diff = std::abs(*got - *want);
        max_abs = std::max(max_abs, diff);
        if (*want != 0) {
            max_rel = std::max(max_rel, diff / std::abs(*want));
        }
        EXPECT_LE(diff, kTolerance * std::max(1.0, std::abs(*want)))
            << where << ": alis " << *got << ", R " << *want;
    }
};

void compare(const std::string& name, const json::object& alis, const std::filesystem::path& r,
             Agreement& agreement) {
    std::map<std::string, const json::object*> groups;
    for (const json::value& g : alis.at("groups").as_array()) {
        groups[std::string(g.at("group").as_string())] = &g.as_object();
    }
    const auto curves = read_r_csv(r / (name + ".curves.csv"));
    ASSERT_EQ(groups.size(), curves.size()) << name;
    for (const auto& c : curves) {
        const std::string where = name + " " + c[0];
        ASSERT_TRUE(groups.contains(c[0])) << where;
        const json::object& g = *groups[c[0]];
        EXPECT_EQ(g.at("n").as_int64(), std::stoll(c[1])) << where;
        EXPECT_EQ(g.at("events").as_int64(), std::stoll(c[2])) << where;
        const json::object& median = g.at("median").as_object();
        agreement.expect(alis_number(median.at("time")), r_number(c[3]), where + " median");
        agreement.expect(alis_number(median.at("lower")), r_number(c[4]), where + " median lower");
        agreement.expect(alis_number(median.at("upper")), r_number(c[5]), where + " median upper");
    }

    std::map<std::string, std::size_t> next_step;
    for (const auto& s : read_r_csv(r / (name + ".steps.csv"))) {
        const json::array& steps = groups.at(s[0])->at("steps").as_array();
        const std::size_t i = next_step[s[0]]++;
        const std::string where = name + " " + s[0] + " step " + std::to_string(i + 1);
        ASSERT_LT(i, steps.size()) << where;
        const json::object& step = steps[i].as_object();
        EXPECT_EQ(step.at("time").as_int64(), std::stoll(s[1])) << where;
        EXPECT_EQ(step.at("n_risk").as_int64(), std::stoll(s[2])) << where;
        EXPECT_EQ(step.at("n_event").as_int64(), std::stoll(s[3])) << where;
        EXPECT_EQ(step.at("n_censor").as_int64(), std::stoll(s[4])) << where;
        agreement.expect(alis_number(step.at("surv")), r_number(s[5]), where + " surv");
        agreement.expect(alis_number(step.at("std_err")), r_number(s[6]), where + " std_err");
        agreement.expect(alis_number(step.at("lower")), r_number(s[7]), where + " lower");
        agreement.expect(alis_number(step.at("upper")), r_number(s[8]), where + " upper");
        ++agreement.steps;
    }
    for (const auto& [key, g] : groups) {
        EXPECT_EQ(next_step[key], g->at("steps").as_array().size()) << name << " " << key;
    }

    const auto logrank = r / (name + ".logrank.csv");
    if (!std::filesystem::exists(logrank)) {
        EXPECT_FALSE(alis.contains("logrank")) << name << ": one group, no test";
        return;
    }
    const auto test = read_r_csv(logrank).at(0);
    ASSERT_TRUE(alis.contains("logrank")) << name;
    if (std::stoi(test[1]) < 1) {
        EXPECT_TRUE(alis.at("logrank").is_null()) << name << ": fewer than two groups to compare";
        return;
    }
    const json::object& lr = alis.at("logrank").as_object();
    EXPECT_EQ(lr.at("df").as_int64(), std::stoll(test[1])) << name;
    agreement.expect(alis_number(lr.at("chisq")), r_number(test[0]), name + " chisq");
    agreement.expect(alis_number(lr.at("p")), r_number(test[2]), name + " p");
}

TEST(StabilityReference, EveryFigureAgreesWithRsSurvivalPackage) {
    const auto rscript = find_rscript();
    if (!rscript) {
        if (r_required()) {
            FAIL() << "no Rscript on PATH (scripts/install-deps test installs r-base-core and "
                      "r-cran-survival)";
        }
        GTEST_SKIP() << "no Rscript on PATH: the comparison with R is not run";
    }
    testing::TempDir dir;
    const std::vector<DataSet> sets = data_sets();
    std::vector<std::string> r_args = {
        *rscript, std::string(ALIS_SOURCE_DIR) + "/tests/cli/stability_reference.R",
        dir.path().string()};
    for (const DataSet& set : sets) {
        const auto file = dir.path() / (set.name + ".csv");
        write_csv(file, set);
        r_args.push_back(file.string());
    }
    const testing::CommandResult r = testing::run_command(r_args);
    if (r.exit_code != 0 && r.err.find("no package called") != std::string::npos && !r_required()) {
        GTEST_SKIP() << "R has no survival package: the comparison with R is not run";
    }
    ASSERT_EQ(r.exit_code, 0) << "R failed: " << r.err;

    Agreement agreement;
    for (const DataSet& set : sets) {
        const auto result = testing::run_alis({"stability", "km", "--group", "--format", "json",
                                               (dir.path() / (set.name + ".csv")).string()});
        ASSERT_EQ(result.exit_code, 0) << set.name << ": " << result.err;
        compare(set.name, json::parse(result.out).as_object(), dir.path(), agreement);
    }
    EXPECT_GT(agreement.steps, 5000u);
    std::cout << "[ R agrees ] " << sets.size() << " data sets, " << agreement.steps << " steps, "
              << agreement.figures << " figures; largest difference " << agreement.max_abs
              << " (relative " << agreement.max_rel << ")\n";
}

}  // namespace stability_reference_test
}  // namespace alis::cli
