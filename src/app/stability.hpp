#pragma once

// Who stays and who leaves, for a municipality, a region or the country (issue 16): the
// Kaplan–Meier curves of domain/stability.hpp over the ALIS posts the store holds, in groups, and
// the reasons for leaving counted, both under the small-cell protection the scope needs.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/application.hpp"
#include "domain/departure.hpp"
#include "domain/enum_names.hpp"
#include "domain/stability.hpp"

namespace alis::domain {

template <>
struct EnumNames<StabilityOutcome> {
    static constexpr std::array<std::pair<StabilityOutcome, std::string_view>, 2> names{{
        {StabilityOutcome::in_post, "in_post"},
        {StabilityOutcome::in_training, "in_training"},
    }};
};

}  // namespace alis::domain

namespace alis::app {

// What the curves are grouped by (the post's, or the doctor's first post's): its start year, pay
// model, post type, regional office, centrality class, or the size band of its municipality
// (domain::SizeBand, by the population of data/municipalities.csv; "unknown" for a municipality
// not in that file); `none` is one curve.
enum class StabilityGrouping {
    none,
    start_year,
    pay_model,
    post_type,
    alis_office,
    centrality,
    size_band
};

// Whose posts: a municipality's, a regional office's municipalities', or (both none) the country's.
struct StabilityScope {
    std::optional<std::string> municipality_number;
    std::optional<std::string> alis_office;
};

// How many left for one reason; under protection a count below domain::kMinCell is not given.
struct ReasonCount {
    domain::DepartureReason reason = domain::DepartureReason::other;
    std::optional<int> count;
};

// The reasons for leaving of the posts of one group of the curves.
struct GroupReasons {
    std::string key;
    std::vector<ReasonCount> reasons;  // Every reason, in the enum's order.
};

struct StabilityReport {
    // The groups in key order, but size bands from the smallest municipalities to the largest.
    domain::StabilityFigures figures;
    std::vector<ReasonCount> reasons;  // Every reason, in the enum's order.
    // The same for the posts of each group shown (so never for a group left out), grouped by the
    // post's own key; empty for StabilityGrouping::none.
    std::vector<GroupReasons> reasons_by_group;
    int posts = 0;  // The posts of the scope that have started.
};

StabilityReport stability_report(Application& app, const StabilityScope& scope,
                                 domain::StabilityOutcome outcome, StabilityGrouping grouping,
                                 domain::SmallCells cells, domain::Date today);

// The calendar view of the scope's posts (domain::stability_calendar) for the months `from` to
// `to`; the window must pass domain::check_calendar_window.
std::vector<domain::CalendarMonth> stability_calendar(Application& app, const StabilityScope& scope,
                                                      domain::Month from, domain::Month to,
                                                      domain::SmallCells cells, domain::Date today);

}  // namespace alis::app

namespace alis::domain {

template <>
struct EnumNames<app::StabilityGrouping> {
    static constexpr std::array<std::pair<app::StabilityGrouping, std::string_view>, 7> names{{
        {app::StabilityGrouping::none, "none"},
        {app::StabilityGrouping::start_year, "start_year"},
        {app::StabilityGrouping::pay_model, "pay_model"},
        {app::StabilityGrouping::post_type, "post_type"},
        {app::StabilityGrouping::alis_office, "alis_office"},
        {app::StabilityGrouping::centrality, "centrality"},
        {app::StabilityGrouping::size_band, "size_band"},
    }};
};

}  // namespace alis::domain
