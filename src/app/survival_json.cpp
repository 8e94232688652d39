#include "app/survival_json.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <initializer_list>
#include <utility>
#include <variant>

namespace alis::app {
namespace {

// A figure of the JSON output: a count, or a measure that may be missing (null).
using Figure = std::variant<std::int64_t, std::optional<double>>;
using NamedFigure = std::pair<std::string_view, Figure>;

// Appends `"name":figure` for each figure, separated by commas: the members of a JSON object.
void append_members(std::string& out, std::initializer_list<NamedFigure> figures) {
    std::string_view separator;
    for (const auto& [name, figure] : figures) {
        out += separator;
        separator = ",";
        out += '"';
        out += name;
        out += "\":";
        if (const auto* count = std::get_if<std::int64_t>(&figure)) {
            out += std::to_string(*count);
        } else if (const auto& measure = std::get<std::optional<double>>(figure)) {
            append_figure(out, *measure);
        } else {
            out += "null";
        }
    }
}

}  // namespace

void append_figure(std::string& out, double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// {groups: [{group, n, events, median: {time, lower, upper}, steps: [...]}], logrank}
std::string survival_json(const std::vector<KeyedCurve>& curves,
                          const std::optional<std::optional<domain::LogRankTest>>& test) {
    std::string out = "{\"groups\":[";
    for (const KeyedCurve& g : curves) {
        out += &g == curves.data() ? "{\"group\":" : ",{\"group\":";
        out += g.key ? boost::json::serialize(boost::json::string(*g.key)) : "null";
        out += ',';
        append_members(out, {{"n", g.curve.subjects}, {"events", g.curve.events}});
        out += ",\"median\":{";
        const domain::MedianSurvival& m = g.curve.median;
        append_members(out, {{"time", m.time}, {"lower", m.lower}, {"upper", m.upper}});
        out += "},\"steps\":[";
        for (const domain::KaplanMeierStep& s : g.curve.steps) {
            out += &s == g.curve.steps.data() ? "{" : ",{";
            append_members(out, {{"time", s.time},
                                 {"n_risk", s.at_risk},
                                 {"n_event", s.events},
                                 {"n_censor", s.censored},
                                 {"surv", std::optional(s.survival)},
                                 {"std_err", s.std_err},
                                 {"lower", s.lower},
                                 {"upper", s.upper}});
            out += '}';
        }
        out += "]}";
    }
    out += ']';
    if (test) {
        out += ",\"logrank\":";
        if (const auto& t = *test) {
            out += '{';
            append_members(out, {{"chisq", std::optional(t->chi_square)},
                                 {"df", std::int64_t{t->degrees_of_freedom}},
                                 {"p", std::optional(t->p_value)}});
            out += '}';
        } else {
            out += "null";
        }
    }
    out += "}";
    return out;
}

}  // namespace alis::app
