#pragma once

// Kaplan–Meier estimates and the log-rank test, computed as R's survival package computes them
// (survfit, summary.survfit, print.survfit and survdiff with rho = 0), so that a figure alis shows
// can be checked against R. The formulas and R's rules are in docs/statistics.md. Nothing here
// knows what a subject or a group is: the stability statistics hand it days and keys.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace alis::domain {

// How the follow-up of one subject ended: with the event (for stability: the doctor left), or
// censored (still followed when the data were taken, or lost from sight).
enum class FollowUpEnd { event, censored };

// The longest follow-up alis accepts, in days (about 2,700 years): far beyond any real data,
// and small enough that no count or sort key can overflow.
inline constexpr std::int64_t kMaxFollowUpDays = 1'000'000;

// One subject: the days from its start to the event or to censoring.
struct SurvivalTime {
    std::int64_t days = 0;  // 0 to kMaxFollowUpDays.
    FollowUpEnd end = FollowUpEnd::censored;
};

// One row of a Kaplan–Meier curve: a distinct time at which at least one subject's follow-up
// ended, as a row of R's survfit object.
struct KaplanMeierStep {
    std::int64_t time = 0;
    std::int64_t at_risk = 0;   // Followed up to this time or longer (R: n.risk).
    std::int64_t events = 0;    // R: n.event.
    std::int64_t censored = 0;  // R: n.censor.
    double survival = 1.0;      // The estimate just after this time (R: surv).
    // The standard error of `survival` (Greenwood; R: summary's std.err) and the 95 % confidence
    // interval on the log scale (R: lower, upper). None of them exists once survival is 0.
    std::optional<double> std_err;
    std::optional<double> lower;
    std::optional<double> upper;
};

// The median follow-up time and its 95 % confidence interval, each read off its curve by R's
// rule (print.survfit); each is absent when its curve does not fall to one half.
struct MedianSurvival {
    std::optional<double> time;
    std::optional<double> lower;
    std::optional<double> upper;
};

struct KaplanMeierCurve {
    std::int64_t subjects = 0;
    std::int64_t events = 0;
    std::vector<KaplanMeierStep> steps;  // One per distinct time, in time order.
    MedianSurvival median;
};

// The Kaplan–Meier curve of `subjects`, with one step per distinct time (event or censoring).
// Throws std::invalid_argument when a time is outside 0 to kMaxFollowUpDays.
KaplanMeierCurve kaplan_meier(std::span<const SurvivalTime> subjects);

// The subjects of one group, named by a key the caller chose (a start year, a pay model, ...).
struct SurvivalGroup {
    std::string key;
    std::vector<SurvivalTime> subjects;
};

// The log-rank test that the groups' curves are the same.
struct LogRankTest {
    double chi_square = 0;
    int degrees_of_freedom = 0;  // The groups with expected events, less one.
    double p_value = 1;          // The chi-square distribution's upper tail at chi_square.
};

// The log-rank test between `groups` (R's survdiff, rho = 0); a group without expected events
// (all its subjects censored before the first event) takes no part, as in R. Returns nullopt
// when fewer than two groups take part. Throws std::invalid_argument as kaplan_meier does.
std::optional<LogRankTest> log_rank(std::span<const SurvivalGroup> groups);

}  // namespace alis::domain
