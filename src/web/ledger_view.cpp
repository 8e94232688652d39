#include "web/ledger_view.hpp"

#include <algorithm>

namespace alis::web {
namespace {

namespace json = boost::json;
using domain::Arena;
using domain::norwegian_months;

constexpr double kTimelineWidth = 1000.0;
constexpr int kLaneHeight = 28;
constexpr int kLaneGap = 8;
constexpr int kLaneLabelWidth = 0;

struct Lane {
    Arena arena;
    const char* key;   // Catalogue key under ledger.arena.
    const char* fill;  // The SVG pattern that draws it, so colour is not the only cue.
};

constexpr Lane kLanes[] = {
    {Arena::open_general_practice, "open_general_practice", "url(#alis-fill-open)"},
    {Arena::other_general_practice, "other_general_practice", "url(#alis-fill-other)"},
    {Arena::institution, "institution", "url(#alis-fill-institution)"},
    {Arena::leave, "leave", "url(#alis-fill-leave)"},
    {Arena::other, "other", "url(#alis-fill-none)"},
};

int lane_of(Arena arena) {
    for (int i = 0; i < static_cast<int>(std::size(kLanes)); ++i) {
        if (kLanes[i].arena == arena) {
            return i;
        }
    }
    return static_cast<int>(std::size(kLanes)) - 1;
}

std::string fixed(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value);
    return buf;
}

}  // namespace

json::object ledger_view(const app::PersonLedger& ledger, const Catalogue& t) {
    const auto& report = ledger.report;
    json::array requirements;
    for (const auto& r : report.requirements) {
        const double share =
            r.required > 0
                ? std::min(1.0, static_cast<double>(r.counted) / static_cast<double>(r.required))
                : 1.0;
        requirements.push_back(
            json::object{{"name", r.name},
                         {"counted", norwegian_months(r.counted)},
                         {"required", norwegian_months(r.required)},
                         {"remaining", norwegian_months(r.remaining)},
                         {"met", r.met},
                         {"percent", static_cast<int>(share * 100.0)},
                         {"bar_width", fixed(share * 100.0)},
                         {"summary", t.format("ledger.requirement_summary",
                                              {{"counted", norwegian_months(r.counted)},
                                               {"required", norwegian_months(r.required)}})}});
    }
    json::array warnings;
    for (const auto& w : report.warnings) {
        const std::string code(domain::warning_code_name(w.code));
        warnings.push_back(json::object{{"message", w.message},
                                        {"period", w.period + 1},
                                        {"help", t.text("ledger.help." + code)}});
    }

    // The timeline spans the first period to the later of today and the last planned day.
    domain::Date start = report.as_of;
    domain::Date end = report.as_of;
    for (const auto& p : ledger.path.periods) {
        start = std::min(start, p.from);
        end = std::max(end, p.to.value_or(report.as_of));
    }
    start = start.first_of_month();
    end = end.last_of_month();
    const double span = std::max(1, end.days_since_epoch() - start.days_since_epoch() + 1);
    auto x_of = [&](domain::Date d) {
        return kLaneLabelWidth + (d.days_since_epoch() - start.days_since_epoch()) / span *
                                     (kTimelineWidth - kLaneLabelWidth);
    };
    json::array lanes;
    for (int i = 0; i < static_cast<int>(std::size(kLanes)); ++i) {
        lanes.push_back(
            json::object{{"label", t.text(std::string("ledger.arena.") + kLanes[i].key)},
                         {"fill", kLanes[i].fill},
                         {"y", i * (kLaneHeight + kLaneGap)},
                         {"text_y", i * (kLaneHeight + kLaneGap) + kLaneHeight / 2 + 5}});
    }
    json::array bars;
    json::array rows;
    for (const auto& p : ledger.path.periods) {
        const domain::Date to = p.to.value_or(report.as_of);
        const int lane = lane_of(p.arena);
        const bool planned = p.from > report.as_of;
        const std::string label = t.text(std::string("ledger.arena.") + kLanes[lane].key);
        const std::string to_text = p.to ? p.to->norwegian() : t.text("ledger.ongoing");
        const std::string fte = p.arena == Arena::leave
                                    ? std::string("–")
                                    : std::to_string(p.fte / (domain::kFullTime / 100)) + " %";
        bars.push_back(json::object{
            {"x", fixed(x_of(p.from))},
            {"width", fixed(std::max(2.0, x_of(to.plus_days(1)) - x_of(p.from)))},
            {"y", lane * (kLaneHeight + kLaneGap)},
            {"fill", kLanes[lane].fill},
            {"planned", planned},
            {"title", label + ": " + p.from.norwegian() + " – " + to_text + ", " + fte}});
        rows.push_back(json::object{{"arena", label},
                                    {"from", p.from.norwegian()},
                                    {"to", to_text},
                                    {"fte", fte},
                                    {"planned", planned},
                                    {"registered", p.registered || p.arena == Arena::leave}});
    }
    json::array ticks;
    for (int year = start.year() + 1; year <= end.year(); ++year) {
        const auto d = *domain::Date::from_ymd(year, 1, 1);
        ticks.push_back(json::object{{"x", fixed(x_of(d))}, {"label", std::to_string(year)}});
    }
    const int height = static_cast<int>(std::size(kLanes)) * (kLaneHeight + kLaneGap) + 24;

    json::object view{
        {"ruleset_name", report.ruleset_name},
        {"complete", report.complete},
        {"total_counted", norwegian_months(report.months.total)},
        {"not_counted", norwegian_months(report.months.not_counted)},
        {"requirements", std::move(requirements)},
        {"has_warnings", !warnings.empty()},
        {"warnings", std::move(warnings)},
        {"timeline",
         json::object{
             {"width", kTimelineWidth},
             {"height", height},
             {"axis_y", height - 6},
             {"lanes", std::move(lanes)},
             {"bars", std::move(bars)},
             {"ticks", std::move(ticks)},
             {"today_x", fixed(x_of(report.as_of))},
             {"today_label", t.format("ledger.today", {{"date", report.as_of.norwegian()}})},
             {"description", t.format("ledger.timeline_description",
                                      {{"from", start.norwegian()}, {"to", end.norwegian()}})}}},
        {"has_periods", !rows.empty()},
        {"periods", std::move(rows)}};
    if (report.projected_completion) {
        view["projection"] = t.format(report.complete ? "ledger.completed_on" : "ledger.projected",
                                      {{"date", report.projected_completion->norwegian()}});
    } else {
        view["projection"] = t.text("ledger.no_projection");
    }
    return view;
}

std::string ledger_failure_text(const app::LedgerFailure& failure, const Catalogue& catalogue) {
    if (failure.field == "periods") {
        return catalogue.format("ledger.too_many_periods", {{"max", domain::kMaxPeriods}});
    }
    return catalogue.format("ledger.refused", {{"reason", failure.message}});
}

}  // namespace alis::web
