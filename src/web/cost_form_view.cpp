// The leader's form of cost inputs: its fields, its values and the computed figures beside it.
#include "web/cost_form_view.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "app/money_rules.hpp"
#include "web/form_fields.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// How a field is typed: a whole number, an amount of kroner, or the contribution zone.
enum class Kind { count, amount, zone };

struct CostField {
    std::string_view id;  // the form's and the API's field name
    Kind kind;
};

// The fields in the order of the form, by section.
constexpr CostField kPost[] = {
    {"list_length", Kind::count}, {"other_gp_work_percent", Kind::count}, {"zone", Kind::zone}};
constexpr CostField kExpenses[] = {
    {"salary", Kind::amount},           {"bonus", Kind::amount},
    {"office", Kind::amount},           {"supervision_hours", Kind::count},
    {"supervision_rate", Kind::amount}, {"courses_and_travel", Kind::amount},
    {"substitutes", Kind::amount}};
constexpr CostField kFinancing[] = {{"fee_for_service", Kind::amount}};

// An amount as the form shows and reads it: "1 234 567", "1 234 567,50" (no-break spaces).
std::string kroner_text(domain::Money amount) {
    std::string text = domain::format_kroner(amount);
    constexpr std::string_view kSuffix = "\u00a0kr";
    if (text.ends_with(kSuffix)) {
        text.resize(text.size() - kSuffix.size());
    }
    return text;
}

// The fields of an entry as form text, by field name; empty fields are left out.
std::map<std::string, std::string> entry_fields(const domain::CostEntry& e) {
    std::map<std::string, std::string> fields;
    const auto count = [&](std::string_view id, const std::optional<int>& v) {
        if (v) {
            fields.emplace(id, std::to_string(*v));
        }
    };
    const auto amount = [&](std::string_view id, const std::optional<domain::Money>& v) {
        if (v) {
            fields.emplace(id, kroner_text(*v));
        }
    };
    count("list_length", e.list_length);
    count("other_gp_work_percent", e.other_gp_work_percent);
    if (e.zone) {
        fields.emplace("zone", std::string(domain::to_string(*e.zone)));
    }
    amount("salary", e.salary);
    amount("bonus", e.bonus);
    amount("office", e.office);
    count("supervision_hours", e.supervision_hours);
    amount("supervision_rate", e.supervision_rate);
    amount("courses_and_travel", e.courses_and_travel);
    amount("substitutes", e.substitutes);
    amount("fee_for_service", e.fee_for_service);
    return fields;
}

json::object zone_field(const Catalogue& t, const FormInput& input) {
    auto f = field(t, input, "zone", "cost_form.field.zone");
    f["is_select"] = true;
    const std::string chosen = input.text("zone");
    json::array options{json::object{
        {"value", ""}, {"label", t.text("cost_form.zone_none")}, {"selected", chosen.empty()}}};
    for (const auto zone : domain::enum_names<domain::ContributionZone>()) {
        options.push_back(
            json::object{{"value", zone},
                         {"label", t.format("cost_form.zone_option", {{"zone", zone}})},
                         {"selected", chosen == zone}});
    }
    f["options"] = std::move(options);
    return f;
}

// A section of the form; on an ALIS's form each field's hint says what an empty field takes.
template <std::size_t N>
json::object cost_section(const Catalogue& t, const FormInput& input, std::string_view legend_key,
                          const CostField (&fields)[N], const app::CostForm& form,
                          const std::map<std::string, std::string>& defaults) {
    json::array list;
    for (const auto& cf : fields) {
        auto f = cf.kind == Kind::zone
                     ? zone_field(t, input)
                     : field(t, input, cf.id, "cost_form.field." + std::string(cf.id));
        f["optional"] = true;
        std::string hint = cf.kind == Kind::amount ? t.text("cost_form.amount_hint") : "";
        if (cf.kind != Kind::zone) {
            f["inputmode"] = cf.kind == Kind::amount ? "decimal" : "numeric";
            f["width"] = cf.kind == Kind::amount ? "sm" : "xs";
        }
        if (form.person_id) {
            const auto d = defaults.find(std::string(cf.id));
            std::string shown = d == defaults.end() ? t.text("cost_form.default_none") : d->second;
            if (d != defaults.end() && cf.kind == Kind::amount) {
                shown += "\u00a0kr";
            }
            if (!hint.empty()) {
                hint += ' ';
            }
            hint += t.format("cost_form.default_hint", {{"default", shown}});
        }
        f["hint"] = hint.empty() ? json::value(nullptr) : json::value(hint);
        list.push_back(std::move(f));
    }
    return section(t, legend_key, std::move(list));
}

json::object fact(std::string label, std::string value) {
    return json::object{{"label", std::move(label)}, {"value", std::move(value)}};
}

// The ALIS's figures computed from what is recorded, as the coverage page has them.
json::object computed_data(const Catalogue& t, const app::CostForm& form) {
    json::object data{{"heading", t.format("cost_form.computed_heading", {{"year", form.year}})},
                      {"unconfirmed", form.unconfirmed}};
    const auto years = app::coverage_years();
    if (std::find(years.begin(), years.end(), form.year) == years.end()) {
        data["note"] = t.format("cost_form.no_rates", {{"year", form.year}});
        return data;
    }
    if (!form.computed) {
        data["note"] = t.text("cost_form.nothing_entered");
        return data;
    }
    const auto& a = *form.computed;
    const auto& c = a.cost;
    json::array facts{
        fact(t.text("cost_form.computed.expenses"), domain::format_kroner(c.expenses)),
        fact(t.text("cost_form.computed.direct_training"),
             t.format("cost_form.computed.direct_training_value",
                      {{"amount", domain::format_kroner(c.direct_training)},
                       {"share", domain::format_per_mille(c.direct_training_per_mille)}})),
        fact(t.text("cost_form.computed.basic_payment"), domain::format_kroner(c.basic_payment)),
        fact(t.text("cost_form.computed.fee_for_service"),
             domain::format_kroner(c.fee_for_service)),
        fact(t.text("coverage.col_cost"), domain::format_kroner(a.coverage.cost_before_grant)),
        fact(t.format("cost_form.computed.grant", {{"year", form.year}}),
             domain::format_kroner(a.coverage.grant)),
        fact(t.text("cost_form.computed.after_grant"),
             domain::format_kroner(a.coverage.cost_before_grant - a.coverage.grant)),
        fact(t.text("coverage.col_coverage"), domain::format_per_mille(a.coverage.per_mille()))};
    data["facts"] = std::move(facts);
    data["has_facts"] = true;
    if (a.coverage.grant == domain::Money()) {
        data["note"] = t.format("cost_form.no_grant", {{"year", form.year}});
    }
    return data;
}

}  // namespace

std::string cost_form_path(const std::string& number, int year,
                           std::optional<std::int64_t> person_id) {
    // Appended piece by piece: GCC 12 warns falsely on a chain of + here (-Warray-bounds).
    std::string path = "/kommuner/";
    path.append(number).append("/kostnader/").append(std::to_string(year));
    if (person_id) {
        path.append("/").append(std::to_string(*person_id));
    }
    return path;
}

FormInput cost_form_input(const app::CostForm& form) {
    return FormInput(form.entry ? entry_fields(form.entry->entry)
                                : std::map<std::string, std::string>{});
}

json::object cost_form_data(const Catalogue& t, const RequestContext& context,
                            const app::CostForm& form, const FormInput& input) {
    const auto& number = form.municipality.number;
    const auto defaults =
        form.defaults ? entry_fields(form.defaults->entry) : std::map<std::string, std::string>{};
    json::array sections{
        cost_section(t, input, "cost_form.legend_post", kPost, form, defaults),
        cost_section(t, input, "cost_form.legend_expenses", kExpenses, form, defaults),
        cost_section(t, input, "cost_form.legend_financing", kFinancing, form, defaults)};
    const auto years = app::coverage_years();
    const bool has_coverage = std::find(years.begin(), years.end(), form.year) != years.end();
    const std::string back =
        has_coverage ? "/kommuner/" + number + "/dekning?year=" + std::to_string(form.year)
                     : "/kommuner/" + number + "/oversikt";
    const json::object names{
        {"name", form.full_name}, {"municipality", form.municipality.name}, {"year", form.year}};
    auto data = form_page(
        t, context,
        t.format(form.person_id ? "cost_form.heading_alis" : "cost_form.heading_defaults", names),
        t.format(form.person_id ? "cost_form.intro_alis" : "cost_form.intro_defaults", names),
        cost_form_path(number, form.year, form.person_id), back, "cost_form.save",
        std::move(sections));
    data["back_label"] =
        t.text(has_coverage ? "cost_form.back_coverage" : "cost_form.back_overview");
    data["back_url"] = back;
    if (form.person_id) {
        data["computed"] = computed_data(t, form);
        data["defaults_url"] = cost_form_path(number, form.year, std::nullopt);
    }
    if (form.entry) {
        data["recorded"] =
            t.format("cost_form.recorded", {{"at", domain::norwegian_day(form.entry->recorded_at)},
                                            {"by", form.entry->recorded_by}});
    }
    return data;
}

}  // namespace alis::web
