#include "domain/survival.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <boost/math/special_functions/gamma.hpp>

namespace alis::domain {
namespace {

// R's qnorm(0.975): the normal quantile of a two-sided 95 % interval, to the last digit.
constexpr double kZ95 = 1.9599639845400536;

// R's tolerance when it compares a curve with one half: sqrt(.Machine$double.eps).
constexpr double kHalfTolerance = 1.4901161193847656e-08;

// A pivot this much smaller than its diagonal makes a group's row of the log-rank variance
// depend on the others (docs/statistics.md).
constexpr double kPivotTolerance = 1e-10;

std::int64_t checked_days(const SurvivalTime& subject) {
    if (subject.days < 0 || subject.days > kMaxFollowUpDays) {
        throw std::invalid_argument("survival time " + std::to_string(subject.days) +
                                    " is outside 0 to " + std::to_string(kMaxFollowUpDays));
    }
    return subject.days;
}

// One sortable number per subject: its time, then the end (an event sorts before a censoring at
// the same time), then the group in the low 32 bits. Sorting plain integers is what makes
// 100,000 subjects cheap.
std::uint64_t sort_key(const SurvivalTime& subject, std::size_t group) {
    const auto time = static_cast<std::uint64_t>(checked_days(subject));
    const std::uint64_t censored = subject.end == FollowUpEnd::censored ? 1 : 0;
    return ((time * 2 + censored) << 32) | group;
}

std::int64_t time_of(std::uint64_t key) {
    return static_cast<std::int64_t>(key >> 33);
}

bool is_censored(std::uint64_t key) {
    return ((key >> 32) & 1) != 0;
}

std::size_t group_of(std::uint64_t key) {
    return static_cast<std::size_t>(key & 0xFFFF'FFFFu);
}

// R's median of a curve (survmean's rule in print.survfit): the first time the curve is below
// one half, allowing R's tolerance; when the curve is one half there, the midpoint between that
// time and the next time it falls lower. Steps where the curve has no value take no part.
template <typename Curve>
std::optional<double> median_time(const std::vector<KaplanMeierStep>& steps, Curve curve) {
    auto first = steps.begin();
    while (first != steps.end() && !(curve(*first) && *curve(*first) < 0.5 + kHalfTolerance)) {
        ++first;
    }
    if (first == steps.end()) {
        return std::nullopt;
    }
    const double value = *curve(*first);
    const auto time = static_cast<double>(first->time);
    if (std::abs(value - 0.5) < kHalfTolerance) {
        for (auto later = first + 1; later != steps.end(); ++later) {
            if (curve(*later) && *curve(*later) < value) {
                return (time + static_cast<double>(later->time)) / 2;
            }
        }
    }
    return time;
}

// Solves V x = b for the symmetric positive semi-definite V (n by n, row-major) with an LDL'
// factorisation and returns b'x. A pivot that vanishes marks a row that depends on the others;
// it is left out, which makes x the solution through a generalised inverse. R's solve() stops
// with "exactly singular" there instead.
double quadratic_form(std::vector<double> v, const std::vector<double>& b, std::size_t n) {
    std::vector<double> pivot(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double d = v[i * n + i];
        for (std::size_t k = 0; k < i; ++k) {
            d -= v[i * n + k] * v[i * n + k] * pivot[k];
        }
        if (d <= kPivotTolerance * std::abs(v[i * n + i]) || d <= 0) {
            for (std::size_t j = i + 1; j < n; ++j) {
                v[j * n + i] = 0;
            }
            continue;
        }
        pivot[i] = d;
        for (std::size_t j = i + 1; j < n; ++j) {
            double l = v[j * n + i];
            for (std::size_t k = 0; k < i; ++k) {
                l -= v[j * n + k] * v[i * n + k] * pivot[k];
            }
            v[j * n + i] = l / d;
        }
    }
    // b'x = b' L'^-1 D^-1 L^-1 b = y' D^-1 y with L y = b.
    std::vector<double> y(b);
    double result = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < i; ++k) {
            y[i] -= v[i * n + k] * y[k];
        }
        if (pivot[i] > 0) {
            result += y[i] * y[i] / pivot[i];
        }
    }
    return result;
}

}  // namespace

KaplanMeierCurve kaplan_meier(std::span<const SurvivalTime> subjects) {
    std::vector<std::uint64_t> keys;
    keys.reserve(subjects.size());
    for (const SurvivalTime& subject : subjects) {
        keys.push_back(sort_key(subject, 0));
    }
    std::sort(keys.begin(), keys.end());

    KaplanMeierCurve curve;
    curve.subjects = static_cast<std::int64_t>(subjects.size());
    std::int64_t at_risk = curve.subjects;
    double survival = 1.0;
    double log_variance = 0.0;  // Greenwood's sum of d / (n (n - d)): the variance of log S.
    for (auto it = keys.begin(); it != keys.end();) {
        KaplanMeierStep step;
        step.time = time_of(*it);
        step.at_risk = at_risk;
        for (; it != keys.end() && time_of(*it) == step.time; ++it) {
            ++(is_censored(*it) ? step.censored : step.events);
        }
        if (step.events > 0) {
            const auto n = static_cast<double>(at_risk);
            const auto d = static_cast<double>(step.events);
            survival *= (n - d) / n;
            if (step.events < at_risk) {
                log_variance += d / (n * (n - d));
            }
        }
        step.survival = survival;
        if (survival > 0) {
            const double se = std::sqrt(log_variance);
            step.std_err = survival * se;
            step.lower = std::exp(std::log(survival) - kZ95 * se);
            step.upper = std::min(1.0, std::exp(std::log(survival) + kZ95 * se));
        }
        curve.events += step.events;
        at_risk -= step.events + step.censored;
        curve.steps.push_back(step);
    }

    curve.median.time = median_time(
        curve.steps, [](const KaplanMeierStep& s) -> std::optional<double> { return s.survival; });
    curve.median.lower = median_time(curve.steps, [](const KaplanMeierStep& s) { return s.lower; });
    curve.median.upper = median_time(curve.steps, [](const KaplanMeierStep& s) { return s.upper; });
    return curve;
}

std::optional<LogRankTest> log_rank(std::span<const SurvivalGroup> groups) {
    const std::size_t k = groups.size();
    std::vector<std::uint64_t> keys;
    std::vector<double> at_risk(k, 0.0);
    for (std::size_t g = 0; g < k; ++g) {
        for (const SurvivalTime& subject : groups[g].subjects) {
            keys.push_back(sort_key(subject, g));
        }
        at_risk[g] = static_cast<double>(groups[g].subjects.size());
    }
    std::sort(keys.begin(), keys.end());

    // Observed and expected events and their covariance, summed over the event times.
    std::vector<double> observed(k, 0.0);
    std::vector<double> expected(k, 0.0);
    std::vector<double> variance(k * k, 0.0);
    std::vector<double> events(k, 0.0);
    std::vector<double> leaving(k, 0.0);
    auto n = static_cast<double>(keys.size());
    for (auto it = keys.begin(); it != keys.end();) {
        const std::int64_t time = time_of(*it);
        std::fill(events.begin(), events.end(), 0.0);
        std::fill(leaving.begin(), leaving.end(), 0.0);
        double d = 0;
        double gone = 0;
        for (; it != keys.end() && time_of(*it) == time; ++it) {
            const std::size_t g = group_of(*it);
            if (!is_censored(*it)) {
                events[g] += 1;
                d += 1;
            }
            leaving[g] += 1;
            gone += 1;
        }
        if (d > 0) {
            for (std::size_t i = 0; i < k; ++i) {
                observed[i] += events[i];
                expected[i] += at_risk[i] * d / n;
            }
            if (n > 1) {
                const double weight = d * (n - d) / (n * n * (n - 1));
                for (std::size_t i = 0; i < k; ++i) {
                    for (std::size_t j = 0; j < k; ++j) {
                        const double own = i == j ? n : 0.0;
                        variance[i * k + j] += weight * at_risk[i] * (own - at_risk[j]);
                    }
                }
            }
        }
        for (std::size_t g = 0; g < k; ++g) {
            at_risk[g] -= leaving[g];
        }
        n -= gone;
    }

    // As survdiff: the groups with expected events take part, and the first of them is left out
    // of the quadratic form (the differences O - E sum to zero, so any one could be).
    std::vector<std::size_t> taking_part;
    for (std::size_t g = 0; g < k; ++g) {
        if (expected[g] > 0) {
            taking_part.push_back(g);
        }
    }
    if (taking_part.size() < 2) {
        return std::nullopt;
    }
    const std::size_t m = taking_part.size() - 1;
    std::vector<double> difference(m);
    std::vector<double> v(m * m);
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t gi = taking_part[i + 1];
        difference[i] = observed[gi] - expected[gi];
        for (std::size_t j = 0; j < m; ++j) {
            v[i * m + j] = variance[gi * k + taking_part[j + 1]];
        }
    }
    LogRankTest test;
    test.chi_square = std::max(0.0, quadratic_form(std::move(v), difference, m));
    test.degrees_of_freedom = static_cast<int>(m);
    test.p_value = boost::math::gamma_q(static_cast<double>(m) / 2, test.chi_square / 2);
    return test;
}

}  // namespace alis::domain
