#include "app/stability.hpp"

#include "store/database.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "app/municipality_overview.hpp"
#include "domain/municipality.hpp"

namespace alis::app {
namespace {

constexpr std::string_view kUnknownBand = "unknown";

// The size band of each municipality of the reference file, by number.
const std::map<std::string, domain::SizeBand, std::less<>>& size_bands() {
    static const auto bands = [] {
        std::map<std::string, domain::SizeBand, std::less<>> result;
        for (const auto& r : reference_municipalities()) {
            result.emplace(r.municipality.number, domain::size_band(r.population));
        }
        return result;
    }();
    return bands;
}

std::string key_of(const domain::AlisPost& p, StabilityGrouping grouping) {
    switch (grouping) {
        case StabilityGrouping::none:
            break;
        case StabilityGrouping::start_year:
            return std::to_string(p.starts_on.year());
        case StabilityGrouping::pay_model:
            return std::string(domain::to_string(p.pay_model));
        case StabilityGrouping::post_type:
            return std::string(domain::to_string(p.post_type));
        case StabilityGrouping::alis_office:
            return p.alis_office;
        case StabilityGrouping::centrality:
            return std::to_string(p.centrality_class);
        case StabilityGrouping::size_band: {
            const auto it = size_bands().find(p.municipality_number);
            return std::string(it == size_bands().end() ? kUnknownBand
                                                        : domain::to_string(it->second));
        }
    }
    return "all";
}

// Where a size band's key goes among the groups: the bands from the smallest, then unknown.
std::size_t band_rank(const std::string& key) {
    const auto band = domain::parse_enum<domain::SizeBand>(key);
    return band ? static_cast<std::size_t>(*band) : domain::enum_values<domain::SizeBand>().size();
}

std::vector<domain::AlisPost> posts_of(Application& app, const StabilityScope& scope) {
    return app.database().read([&](const store::Snapshot& s) {
        return s.people().alis_posts(scope.municipality_number, scope.alis_office);
    });
}

}  // namespace

StabilityReport stability_report(Application& app, const StabilityScope& scope,
                                 domain::StabilityOutcome outcome, StabilityGrouping grouping,
                                 domain::SmallCells cells, domain::Date today) {
    const auto posts = posts_of(app, scope);
    StabilityReport report;
    const auto subjects = domain::followed_subjects(posts, outcome, today);
    report.figures = domain::stability_figures(
        subjects, [&](const domain::AlisPost& p) { return key_of(p, grouping); }, cells);
    if (grouping == StabilityGrouping::size_band) {
        std::stable_sort(
            report.figures.groups.begin(), report.figures.groups.end(),
            [](const domain::StabilityGroupCurve& a, const domain::StabilityGroupCurve& b) {
                return band_rank(a.key) < band_rank(b.key);
            });
    }
    // The reasons of the started posts, in all and per group, counted in one pass; each count
    // protected.
    constexpr auto kReasons = domain::enum_values<domain::DepartureReason>();
    using Counts = std::array<int, kReasons.size()>;
    const auto index_of = [&](domain::DepartureReason reason) {
        return static_cast<std::size_t>(std::find(kReasons.begin(), kReasons.end(), reason) -
                                        kReasons.begin());
    };
    Counts all{};
    std::map<std::string, Counts> by_group;
    for (const auto& p : posts) {
        if (today < p.starts_on) {
            continue;
        }
        ++report.posts;
        if (!p.departure) {
            continue;
        }
        const auto i = index_of(p.departure->reason);
        ++all[i];
        if (grouping != StabilityGrouping::none) {
            ++by_group[key_of(p, grouping)][i];
        }
    }
    const auto protect = [&](const Counts& counts) {
        std::vector<ReasonCount> reasons;
        for (std::size_t i = 0; i < kReasons.size(); ++i) {
            const int count = counts[i];
            const bool hidden =
                cells == domain::SmallCells::protected_ && count > 0 && count < domain::kMinCell;
            reasons.push_back({kReasons[i], hidden ? std::nullopt : std::optional<int>(count)});
        }
        return reasons;
    };
    report.reasons = protect(all);
    if (grouping != StabilityGrouping::none) {
        for (const auto& g : report.figures.groups) {
            report.reasons_by_group.push_back({g.key, protect(by_group[g.key])});
        }
    }
    return report;
}

std::vector<domain::CalendarMonth> stability_calendar(Application& app, const StabilityScope& scope,
                                                      domain::Month from, domain::Month to,
                                                      domain::SmallCells cells,
                                                      domain::Date today) {
    return domain::stability_calendar(posts_of(app, scope), from, to, today, cells);
}

}  // namespace alis::app
