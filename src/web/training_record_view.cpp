#include "web/training_record_view.hpp"

#include <algorithm>

#include "domain/supervision.hpp"
#include "domain/training_path.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// "12.50" as Norwegian users write it: "12,50".
std::string norwegian_decimal(std::string months) {
    std::replace(months.begin(), months.end(), '.', ',');
    return months;
}

std::string record_arena_label(const Catalogue& t, const std::string& arena) {
    if (domain::parse_enum<domain::Arena>(arena)) {
        return t.text("ledger.arena." + arena);
    }
    return arena;
}

}  // namespace

json::object training_record_view(const Catalogue& t, const domain::TrainingRecordContent& r) {
    json::array periods;
    for (const auto& p : r.service_periods) {
        std::string municipality = p.municipality_name;
        if (!p.municipality_number.empty()) {
            // Appended piece by piece: GCC 12 warns falsely on std::string("(") + ... here.
            if (!municipality.empty()) {
                municipality.push_back(' ');
            }
            municipality.push_back('(');
            municipality.append(p.municipality_number);
            municipality.push_back(')');
        }
        periods.push_back(json::object{
            {"arena", record_arena_label(t, p.arena)},
            {"place", p.place},
            {"municipality", municipality},
            {"from", p.from.norwegian()},
            {"to", p.to ? p.to->norwegian() : t.text("training_record.ongoing")},
            {"fte", p.position_percent},
            {"registered",
             t.text(p.employer_registered ? "training_record.yes" : "training_record.no")},
            {"counted", norwegian_decimal(p.counted_months)}});
    }
    json::array objectives;
    for (const auto& o : r.objectives) {
        objectives.push_back(json::object{{"code", o.code},
                                          {"title", o.title},
                                          {"approved_on", domain::norwegian_day(o.approved_at)},
                                          {"approved_by", o.approved_by}});
    }
    json::object view{
        {"name", r.identity.name},
        {"hpr", r.identity.hpr.empty() ? t.text("training_record.no_hpr") : r.identity.hpr},
        {"as_of", r.as_of.norwegian()},
        {"issued_at", domain::norwegian_day(r.issued_at)},
        {"has_periods", !periods.empty()},
        {"periods", std::move(periods)},
        {"total",
         t.format("training_record.total", {{"ruleset", r.ledger.ruleset},
                                            {"months", norwegian_decimal(r.ledger.total_months)}})},
        {"total_months", norwegian_decimal(r.ledger.total_months)},
        {"complete", r.ledger.complete},
        {"has_objectives", !objectives.empty()},
        {"objectives", std::move(objectives)}};
    if (r.supervision) {
        const auto& s = *r.supervision;
        view["supervision"] =
            t.format("training_record.supervision_line",
                     {{"held", s.meetings_held},
                      {"hours", domain::format_hours(s.minutes_held)},
                      {"open", s.meetings_open},
                      {"norm", s.norm},
                      {"norm_hours", domain::format_hours(s.norm_minutes_per_month)}});
    }
    return view;
}

json::array imported_records_view(const Catalogue& t,
                                  const std::vector<app::ImportedRecordView>& imports) {
    json::array list;
    for (const auto& i : imports) {
        auto view = training_record_view(t, i.content);
        view["line"] = t.format("training_record.imported_line",
                                {{"issued", domain::norwegian_day(i.content.issued_at)},
                                 {"key", i.row.signer_public_key},
                                 {"imported", domain::norwegian_day(i.row.imported_at)},
                                 {"by", i.row.imported_by}});
        view["id"] = i.row.id;
        list.push_back(std::move(view));
    }
    return list;
}

std::string record_problem_text(const Catalogue& t, const app::RecordVerification& v) {
    using Outcome = app::RecordVerification::Outcome;
    switch (v.outcome) {
        case Outcome::intact:
            return t.text("training_record.check_ok");
        case Outcome::signature_invalid:
            return t.text("training_record.problem.signature_invalid");
        case Outcome::other_key:
            return t.text("training_record.problem.other_key");
        case Outcome::malformed:
            break;
    }
    const auto problem = v.problem.value_or(domain::RecordFileProblem::not_json);
    return t.format("training_record.problem." + std::string(domain::to_string(problem)),
                    {{"field", v.field}});
}

}  // namespace alis::web
