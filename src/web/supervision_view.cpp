// The views of web/supervision_view.hpp.
#include "web/supervision_view.hpp"

#include <algorithm>

#include "web/pipeline.hpp"
#include "web/supervision_chart.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

std::string veileder_name(const app::SupervisionRecord& record, std::int64_t id) {
    const auto it = record.supervisor_names.find(id);
    return it == record.supervisor_names.end() ? "" : it->second;
}

json::value optional_text(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

json::array addenda_of(const app::SupervisionRecord& record, std::int64_t meeting_id,
                       bool for_page) {
    json::array list;
    for (const auto& a : record.addenda) {
        if (a.meeting_id != meeting_id) {
            continue;
        }
        if (for_page) {
            list.push_back(json::object{{"text", a.text},
                                        {"by", a.written_by},
                                        {"date", domain::norwegian_day(a.written_at)}});
        } else {
            list.push_back(json::object{{"id", a.id},
                                        {"text", a.text},
                                        {"written_at", a.written_at},
                                        {"written_by", a.written_by}});
        }
    }
    return list;
}

}  // namespace

std::string supervision_path(std::int64_t person_id) {
    return "/personer/" + std::to_string(person_id) + "/veiledning";
}

std::string meeting_path(std::int64_t person_id, std::int64_t meeting_id) {
    return supervision_path(person_id) + "/" + std::to_string(meeting_id);
}

json::object meeting_json(const app::SupervisionRecord& record, const domain::SupervisionMeeting& m,
                          MinutesShown shown) {
    json::object o{{"id", m.id},
                   {"trainee_person_id", m.trainee_person_id},
                   {"supervisor_person_id", m.supervisor_person_id},
                   {"supervisor_name", veileder_name(record, m.supervisor_person_id)},
                   {"held_on", m.held_on.iso()},
                   {"duration_minutes", m.duration_minutes},
                   {"topics", m.topics},
                   {"status", m.is_closed() ? "closed" : "planned"},
                   {"planned_at", m.planned_at},
                   {"planned_by", m.planned_by},
                   {"closed_at", optional_text(m.closed_at)},
                   {"closed_by", optional_text(m.closed_by)},
                   {"minutes_visible", shown == MinutesShown::yes}};
    if (shown == MinutesShown::yes) {
        o["minutes"] = m.minutes;
        o["addenda"] = addenda_of(record, m.id, false);
    }
    return o;
}

json::object norm_json(const domain::SupervisionNorm& norm) {
    const auto provenance = [](const domain::Provenance& p) {
        return json::object{{"source", p.source}, {"unconfirmed", p.unconfirmed}, {"note", p.note}};
    };
    return {{"id", norm.id},
            {"name", norm.name},
            {"hours_per_month", norm.hours_per_month},
            {"hours_per_month_source", provenance(norm.hours_source)},
            {"months_per_year", static_cast<double>(norm.months_per_year_tenths) / 10},
            {"months_per_year_source", provenance(norm.months_source)},
            {"minutes_per_month", norm.minutes_per_month()}};
}

std::vector<domain::SupervisionMonth> chart_months(const app::SupervisionRecord& record,
                                                   domain::Date today) {
    const auto last = domain::Month::of(today);
    return domain::supervision_months(record.meetings, *record.norm,
                                      last.plus(1 - kSupervisionChartMonths), last);
}

json::object supervision_chart_view(const Catalogue& t, const app::SupervisionRecord& record,
                                    domain::Date today) {
    const auto months = chart_months(record, today);
    SupervisionChartText text;
    text.title = t.format("supervision.chart_title", {{"name", record.person.full_name}});
    text.description = t.format("supervision.chart_description",
                                {{"norm", domain::format_hours(record.norm->minutes_per_month())}});
    text.hours_unit = t.text("supervision.hours_unit");
    json::array rows;
    for (const auto& m : months) {
        const std::string month_name = t.text("stability.month." + std::to_string(m.month.month));
        text.month_labels.push_back(month_name.substr(0, 3) + ".");
        rows.push_back(json::object{
            {"month", month_name + " " + std::to_string(m.month.year)},
            {"held", domain::format_hours(m.held_minutes)},
            {"open", domain::format_hours(m.open_minutes)},
            {"norm", domain::format_hours(m.norm_minutes)},
            {"under", m.month < domain::Month::of(today) && m.held_minutes < m.norm_minutes}});
    }
    const auto window =
        domain::norm_window(record.meetings, *record.norm, record.started_on, today);
    json::object view{{"svg", supervision_chart_svg(months, text, "supervision-chart")},
                      {"rows", std::move(rows)},
                      {"norm", t.format("supervision.norm_line", {{"norm", record.norm->name}})},
                      {"window", t.format("supervision.window_line",
                                          {{"held", domain::format_hours(window.held_minutes)},
                                           {"norm", domain::format_hours(window.norm_minutes)},
                                           {"months", window.months}})}};
    if (window.under_norm()) {
        view["under_norm"] = t.text("supervision.under_norm");
    }
    return view;
}

json::object meeting_row(const Catalogue& t, const app::SupervisionRecord& record,
                         const domain::SupervisionMeeting& m) {
    return {{"date", m.held_on.norwegian()},
            {"hours", domain::format_hours(m.duration_minutes)},
            {"topics", m.topics},
            {"veileder", veileder_name(record, m.supervisor_person_id)},
            {"status",
             t.text(m.is_closed() ? "supervision.status_closed" : "supervision.status_planned")},
            {"closed", m.is_closed()},
            {"url", meeting_path(m.trainee_person_id, m.id)}};
}

json::object meeting_view(const Catalogue& t, const app::SupervisionRecord& record,
                          const domain::SupervisionMeeting& m, MinutesShown shown) {
    auto view = meeting_row(t, record, m);
    view["planned"] =
        t.format("supervision.planned_by",
                 {{"by", m.planned_by}, {"date", domain::norwegian_day(m.planned_at)}});
    if (m.closed_at && m.closed_by) {
        view["closed_line"] =
            t.format("supervision.closed_by",
                     {{"by", *m.closed_by}, {"date", domain::norwegian_day(*m.closed_at)}});
    }
    if (shown == MinutesShown::yes) {
        view["minutes_shown"] = true;
        view["minutes"] = m.minutes;
        view["has_minutes"] = !m.minutes.empty();
        auto addenda = addenda_of(record, m.id, true);
        view["has_addenda"] = !addenda.empty();
        view["addenda"] = std::move(addenda);
    }
    return view;
}

json::object group_json(const app::GroupStatus& status) {
    const auto& r = status.requirement;
    const auto& p = status.progress;
    const auto provenance = [](const domain::Provenance& x) {
        return json::object{{"source", x.source}, {"unconfirmed", x.unconfirmed}, {"note", x.note}};
    };
    return {
        {"requirement", json::object{{"ruleset", r.ruleset},
                                     {"months", r.months},
                                     {"months_source", provenance(r.months_source)},
                                     {"hours", r.hours},
                                     {"hours_source", provenance(r.hours_source)},
                                     {"open_practice_months", r.open_practice_months},
                                     {"open_practice_source", provenance(r.open_practice_source)}}},
        {"member_days", p.member_days},
        {"open_practice_days", p.open_practice_days},
        {"attended_minutes", p.attended_minutes},
        {"months_met", p.months_met},
        {"hours_met", p.hours_met},
        {"open_practice_met", p.open_practice_met},
        {"met", p.met()}};
}

json::object group_view(const Catalogue& t, const app::GroupStatus& status) {
    const auto& r = status.requirement;
    const auto& p = status.progress;
    const auto bar = [](std::int64_t done, std::int64_t required) {
        return std::to_string(required > 0 ? std::min<std::int64_t>(100, done * 100 / required)
                                           : 100);
    };
    // Days as the requirement's months count them (365.25 / 12 days).
    const auto month_days = [](int months) {
        return static_cast<std::int64_t>(months) * 36525 / 1200;
    };
    const auto months_row = [&](const char* name_key, int days, int months, bool met) {
        return json::object{{"name", t.text(name_key)},
                            {"summary", t.format("supervision.group_months",
                                                 {{"done", domain::format_group_months(days)},
                                                  {"required", months}})},
                            {"bar_width", bar(days, month_days(months))},
                            {"met", met}};
    };
    json::array rows{
        months_row("supervision.group_time", p.member_days, r.months, p.months_met),
        json::object{{"name", t.text("supervision.group_hours_name")},
                     {"summary", t.format("supervision.group_hours",
                                          {{"done", domain::format_hours(p.attended_minutes)},
                                           {"required", r.hours}})},
                     {"bar_width", bar(p.attended_minutes, std::int64_t{r.hours} * 60)},
                     {"met", p.hours_met}},
        months_row("supervision.group_open", p.open_practice_days, r.open_practice_months,
                   p.open_practice_met)};
    return {{"rows", std::move(rows)}, {"met", p.met()}};
}

}  // namespace alis::web
