#include "app/stability.hpp"

#include "store/database.hpp"

namespace alis::app {
namespace {

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
    }
    return "all";
}

}  // namespace

StabilityReport stability_report(Application& app, const StabilityScope& scope,
                                 domain::StabilityOutcome outcome, StabilityGrouping grouping,
                                 domain::SmallCells cells, domain::Date today) {
    const auto posts = app.database().read([&](const store::Snapshot& s) {
        return s.people().alis_posts(scope.municipality_number, scope.alis_office);
    });
    StabilityReport report;
    const auto subjects = domain::followed_subjects(posts, outcome, today);
    report.figures = domain::stability_figures(
        subjects, [&](const domain::AlisPost& p) { return key_of(p, grouping); }, cells);
    for (const auto reason : domain::enum_values<domain::DepartureReason>()) {
        int count = 0;
        for (const auto& p : posts) {
            if (!(today < p.starts_on)) {
                count += p.departure && p.departure->reason == reason ? 1 : 0;
            }
        }
        const bool hidden =
            cells == domain::SmallCells::protected_ && count > 0 && count < domain::kMinCell;
        report.reasons.push_back({reason, hidden ? std::nullopt : std::optional<int>(count)});
    }
    for (const auto& p : posts) {
        report.posts += today < p.starts_on ? 0 : 1;
    }
    return report;
}

}  // namespace alis::app
