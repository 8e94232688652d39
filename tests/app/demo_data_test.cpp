// The demo generator: the same seed gives the same data, the scale option gives exactly the
// number of doctors in training asked for, and the national scale looks like Norway: every
// municipality, doctors spread by population, ten years of history.
#include "app/demo_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/stability.hpp"
#include "domain/municipality.hpp"
#include "embedded.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace alis::app {
namespace demo_data_test {

using domain::Date;

const Date kToday = *Date::parse_iso("2026-11-22");

TEST(DemoData, BergenGetsExactlyTheTraineesAskedFor) {
    testing::TempDir dir;
    auto app = testing::open_app(dir.sqlite_url(), testing::fixed_clock(kToday), 1);
    const auto summary = load_demo_data(*app, kToday, {.seed = 2019, .bergen_trainees = 120});
    app->database().read([&](const store::Snapshot& s) {
        EXPECT_EQ(s.people().trainees_employed_by("4601", kToday).size(), 120u);
        // Every one of them has a service period today, so the ledger has something to count.
        for (const auto& person : s.people().trainees_employed_by("4601", kToday)) {
            bool serving = false;
            for (const auto& p : s.people().service_periods_of(person.id)) {
                serving =
                    serving || (p.starts_on <= kToday && (!p.ends_on || kToday <= *p.ends_on));
            }
            EXPECT_TRUE(serving) << person.full_name;
        }
    });
    EXPECT_GT(summary.people, 120);
}

// A text that changes with any of the data a user sees of a municipality and its trainees:
// status and counts, every trainee's name, HPR number, employments, leaves, supervisors and
// plan revisions.
std::string fingerprint(Application& app) {
    return app.database().read([&](const store::Snapshot& s) {
        std::string text;
        for (const auto& m : s.municipalities().summaries(kToday)) {
            text += m.municipality.number + " " +
                    std::string(domain::to_string(m.municipality.enterprise_status)) + " " +
                    std::to_string(m.trainees) + "\n";
            for (const auto& p : s.people().trainees_employed_by(m.municipality.number, kToday)) {
                text += " " + p.full_name + " " + p.hpr_number.value_or("") + " " +
                        p.lis1_completed->iso();
                for (const auto& e : s.people().employments_of(p.id)) {
                    text += " e" + e.municipality_number + ":" + e.starts_on.iso() + ":" +
                            (e.ends_on ? e.ends_on->iso() : "") + ":" + std::to_string(e.fte);
                }
                for (const auto& l : s.people().leaves_of(p.id)) {
                    text += " l" + l.starts_on.iso() + ":" + l.ends_on.iso();
                }
                for (const auto supervisor : s.supervisors().supervisors_of(p.id, kToday)) {
                    text += " s" + s.people().find(supervisor)->full_name;
                }
                text += " p" + std::to_string(s.education_plans().revisions_of(p.id).size());
                text += "\n";
            }
        }
        return text;
    });
}

TEST(DemoData, TheSameSeedGivesTheSameData) {
    testing::TempDir dir;
    auto a = testing::open_app(dir.sqlite_url("a.db"), testing::fixed_clock(kToday), 1);
    auto b = testing::open_app(dir.sqlite_url("b.db"), testing::fixed_clock(kToday), 1);
    auto c = testing::open_app(dir.sqlite_url("c.db"), testing::fixed_clock(kToday), 1);
    const auto first = load_demo_data(*a, kToday, {.seed = 7});
    const auto second = load_demo_data(*b, kToday, {.seed = 7});
    load_demo_data(*c, kToday, {.seed = 8});
    EXPECT_EQ(first.people, second.people);
    EXPECT_EQ(first.employments, second.employments);
    EXPECT_EQ(first.supervisors, second.supervisors);
    const std::string a_text = fingerprint(*a);
    EXPECT_EQ(a_text, fingerprint(*b));
    // The fingerprint sees the seed: another seed gives other data.
    EXPECT_NE(a_text, fingerprint(*c));
}

TEST(DemoData, TheDemoScaleHasEveryMunicipalityAndAboutTwoHundredTwentyInTraining) {
    testing::TempDir dir;
    auto app = testing::open_app(dir.sqlite_url(), testing::fixed_clock(kToday), 1);
    const auto summary = load_demo_data(*app, kToday, {});
    EXPECT_EQ(summary.municipalities, 357);
    app->database().read([&](const store::Snapshot& s) {
        EXPECT_EQ(s.municipalities().all().size(), 357u);
        const int in_training = s.people().count(domain::TrainingStatus::in_training);
        EXPECT_GE(in_training, 200);
        EXPECT_LE(in_training, 260);
        EXPECT_FALSE(s.people().trainees_employed_by("4601", kToday).empty());
        EXPECT_FALSE(s.people().trainees_employed_by("5501", kToday).empty());
    });
}

// Spearman's rank correlation of two series of the same length, ties given their mean rank.
double rank_correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const auto ranks = [](const std::vector<double>& v) {
        std::vector<std::size_t> order(v.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return v[a] < v[b]; });
        std::vector<double> rank(v.size());
        for (std::size_t i = 0; i < order.size();) {
            std::size_t j = i;
            while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) {
                ++j;
            }
            for (std::size_t k = i; k <= j; ++k) {
                rank[order[k]] = (static_cast<double>(i + j) / 2.0) + 1.0;
            }
            i = j + 1;
        }
        return rank;
    };
    const auto rx = ranks(x);
    const auto ry = ranks(y);
    const double n = static_cast<double>(x.size());
    const double mean = (n + 1.0) / 2.0;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    return sxy / std::sqrt(sxx * syy);
}

TEST(DemoData, RankCorrelationIsOneForTheSameOrderAndMinusOneForTheReverse) {
    EXPECT_DOUBLE_EQ(rank_correlation({1, 2, 3, 4}, {10, 20, 30, 400}), 1.0);
    EXPECT_DOUBLE_EQ(rank_correlation({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
    EXPECT_NEAR(rank_correlation({1, 2, 3, 4}, {0, 0, 1, 1}), 0.894, 0.001);
}

// The national scale, generated once for the tests below (under a second in a release build).
class NationalDemo : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<testing::TempDir>();
        app_ = testing::open_app(dir_->sqlite_url(), testing::fixed_clock(kToday), 1);
        summary_ = load_demo_data(*app_, kToday, {.seed = 2019, .scale = DemoScale::national});
    }
    static void TearDownTestSuite() {
        app_.reset();
        dir_.reset();
    }

    // Every person the demo wrote (ids count from 1 in a new database), with their employments
    // and leaves.
    struct Everyone {
        std::vector<domain::Person> people;
        std::map<std::int64_t, std::vector<domain::Employment>> employments;
        std::map<std::int64_t, std::vector<domain::Leave>> leaves;
    };
    static Everyone everyone() {
        return app_->database().read([&](const store::Snapshot& s) {
            Everyone result;
            std::vector<std::int64_t> ids;
            for (std::int64_t id = 1; const auto person = s.people().find(id); ++id) {
                result.people.push_back(*person);
                ids.push_back(id);
            }
            s.people().employments_of(ids, [&](std::int64_t id, domain::Employment e) {
                result.employments[id].push_back(std::move(e));
            });
            s.people().leaves_of(
                ids, [&](std::int64_t id, domain::Leave l) { result.leaves[id].push_back(l); });
            return result;
        });
    }

    static inline std::unique_ptr<testing::TempDir> dir_;
    static inline std::unique_ptr<Application> app_;
    static inline DemoSummary summary_;
};

TEST_F(NationalDemo, TheSameSeedGivesTheSameData) {
    testing::TempDir dir;
    auto again = testing::open_app(dir.sqlite_url(), testing::fixed_clock(kToday), 1);
    const auto summary =
        load_demo_data(*again, kToday, {.seed = 2019, .scale = DemoScale::national});
    EXPECT_EQ(summary.people, summary_.people);
    EXPECT_EQ(summary.employments, summary_.employments);
    EXPECT_EQ(summary.plan_revisions, summary_.plan_revisions);
    EXPECT_EQ(fingerprint(*again), fingerprint(*app_));
}

TEST_F(NationalDemo, HasEveryMunicipalityAndTheNationalNumbersOfTraineesAndSupervisors) {
    app_->database().read([&](const store::Snapshot& s) {
        const auto municipalities = s.municipalities().all();
        EXPECT_EQ(municipalities.size(), 357u);
        const int in_training = s.people().count(domain::TrainingStatus::in_training);
        EXPECT_GE(in_training, 2300);
        EXPECT_LE(in_training, 2700);
        std::size_t supervisors = 0;
        for (const auto& m : municipalities) {
            supervisors += s.supervisors().registered_for(m.number, kToday).size();
        }
        EXPECT_GE(supervisors, 1300u);
        EXPECT_LE(supervisors, 1700u);
        EXPECT_EQ(static_cast<std::size_t>(summary_.supervisors), supervisors);
    });
}

TEST_F(NationalDemo, TraineesPerMunicipalityFollowPopulation) {
    // The populations of the file the demo reads; the counts of the front page's query.
    std::map<std::string, int> population;
    for (const auto& [m, inhabitants] :
         domain::parse_municipalities_csv(embedded::files().at("data/municipalities.csv"))) {
        population[m.number] = inhabitants;
    }
    app_->database().read([&](const store::Snapshot& s) {
        std::vector<double> inhabitants;
        std::vector<double> in_training;
        std::map<std::string, int> trainees;
        for (const auto& [m, count] : s.municipalities().summaries(kToday)) {
            trainees[m.number] = count;
            inhabitants.push_back(population.at(m.number));
            in_training.push_back(count);
            if (population.at(m.number) >= 2000) {
                EXPECT_GE(count, 1) << m.name << " has " << population.at(m.number);
            }
        }
        EXPECT_GT(rank_correlation(inhabitants, in_training), 0.8);
        EXPECT_GT(trainees["4601"], 20 * std::max(1, trainees["1144"]));  // Bergen, Kvitsøy.
        EXPECT_GT(trainees["0301"], trainees["4601"]);
    });
}

TEST_F(NationalDemo, HistorySpansTenYearsWithMovesPartTimeAndLeaves) {
    const auto all = everyone();
    std::map<int, int> starts_per_year;
    std::optional<Date> earliest;
    int movers = 0;
    int part_time = 0;
    std::set<domain::LeaveKind> leave_kinds;
    for (const auto& person : all.people) {
        if (!person.lis1_completed) {
            continue;  // A supervisor, not a doctor in part 3.
        }
        const Date start = person.lis1_completed->plus_days(1);
        ++starts_per_year[start.year()];
        earliest = earliest ? std::min(*earliest, start) : start;
        std::set<std::string> places;
        const auto it = all.employments.find(person.id);
        for (const auto& e :
             it == all.employments.end() ? std::vector<domain::Employment>{} : it->second) {
            places.insert(e.municipality_number);
            part_time += e.fte < 100 ? 1 : 0;
        }
        movers += places.size() > 1 ? 1 : 0;
        if (const auto leaves = all.leaves.find(person.id); leaves != all.leaves.end()) {
            for (const auto& l : leaves->second) {
                leave_kinds.insert(l.kind);
            }
        }
    }
    ASSERT_TRUE(earliest);
    EXPECT_LE(*earliest, *Date::from_ymd(kToday.year() - 10, kToday.month(), kToday.day()));
    for (int year = kToday.year() - 9; year <= kToday.year() - 1; ++year) {
        EXPECT_GE(starts_per_year[year], 200) << year;
    }
    EXPECT_GE(movers, 200);
    EXPECT_GE(part_time, 500);
    EXPECT_EQ(leave_kinds,
              (std::set<domain::LeaveKind>{domain::LeaveKind::parental, domain::LeaveKind::sick,
                                           domain::LeaveKind::other}));
    EXPECT_GE(summary_.leaves, 500);
}

TEST_F(NationalDemo, MostTraineesHaveASupervisorAndAPlanAndTheDemoAccountsWork) {
    app_->database().read([&](const store::Snapshot& s) {
        int trainees = 0;
        int supervised = 0;
        int planned = 0;
        int supervised_for_five_years = 0;
        for (const auto& m : s.municipalities().all()) {
            for (const auto& p : s.people().trainees_employed_by(m.number, kToday)) {
                ++trainees;
                supervised += s.supervisors().supervisors_of(p.id, kToday).empty() ? 0 : 1;
                planned += s.education_plans().current_of(p.id) ? 1 : 0;
                for (const auto& a : s.supervisors().assignments_of(p.id)) {
                    supervised_for_five_years +=
                        a.starts_on < *Date::from_ymd(kToday.year() - 5, 1, 1) ? 1 : 0;
                }
            }
        }
        EXPECT_GE(supervised * 10, trainees * 7) << supervised << " of " << trainees;
        EXPECT_GE(planned * 10, trainees * 6) << planned << " of " << trainees;
        EXPECT_GE(supervised_for_five_years, 50);
        for (const char* email :
             {"leder.bergen@demo.alis.no", "leder.tromso@demo.alis.no", "alis@demo.alis.no",
              "veileder@demo.alis.no", "alis-kontor.bergen@demo.alis.no",
              "helsedirektoratet@demo.alis.no", "admin@demo.alis.no", "supervisor@demo.alis.no"}) {
            EXPECT_TRUE(s.identity().find_account_by_email(email)) << email;
        }
        const auto trainee = s.identity().find_account_by_email("alis@demo.alis.no");
        ASSERT_TRUE(trainee && trainee->person_id);
        EXPECT_EQ(s.people().employing_municipalities(*trainee->person_id, kToday),
                  std::vector<std::string>{"4601"});
        EXPECT_TRUE(s.education_plans().current_of(*trainee->person_id));
    });
    EXPECT_EQ(summary_.logins.size(), 8u);
}

// The demo's stays follow the GP list-contract durations by municipality size (Abelsen et al.
// 2015: medians of 2.75 years under 2,000 inhabitants, 8.37 from 50,000): the smallest
// municipalities' doctors leave their posts soonest, and the bands differ clearly.
TEST_F(NationalDemo, DoctorsStayLongerInTheirPostsInLargerMunicipalities) {
    const auto report =
        stability_report(*app_, {}, domain::StabilityOutcome::in_post, StabilityGrouping::size_band,
                         domain::SmallCells::shown, kToday);
    const auto& groups = report.figures.groups;
    ASSERT_EQ(groups.size(), 5u);
    EXPECT_EQ(groups.front().key, "under_2000");
    EXPECT_EQ(groups.back().key, "50000_and_more");
    ASSERT_TRUE(groups.front().curve.median.time);
    ASSERT_TRUE(groups.back().curve.median.time);
    EXPECT_LT(*groups.front().curve.median.time * 1.5, *groups.back().curve.median.time);
    ASSERT_TRUE(report.figures.log_rank);
    EXPECT_LT(report.figures.log_rank->p_value, 0.001);
    EXPECT_GE(summary_.departures, 1000);
}

}  // namespace demo_data_test
}  // namespace alis::app
