// alis stability km [--group] [--format json|csv] FILE|-
// Kaplan–Meier curves of follow-up times and the log-rank test between their groups, as R's
// survfit and survdiff give them (docs/statistics.md).
#include <boost/json.hpp>

#include <initializer_list>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "app/survival_json.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "domain/survival.hpp"
#include "domain/survival_csv.hpp"

namespace alis::cli {
namespace {

struct KmOptions {
    std::string input;  // A file name, or "-" for stdin.
    bool grouped = false;
    std::string format = "json";  // "json" or "csv".
};

// The message of a line that cannot be read. A wrong number of fields without --group also
// says how to give a group column.
BadInput bad_row(const domain::SurvivalCsvError& e, domain::GroupColumn groups) {
    std::string key = "stability.csv." + std::string(domain::to_string(e.problem()));
    if (e.problem() == domain::SurvivalCsvProblem::field_count &&
        groups == domain::GroupColumn::absent) {
        key += "_ungrouped";
    }
    return {key, {{"line", e.line()}, {"text", e.text()}, {"max", domain::kMaxFollowUpDays}}};
}

// A group's key as a CSV field: quoted when the reader would otherwise split or trim it.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos &&
        (text.empty() || (text.front() != ' ' && text.back() != ' '))) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? "\"\"" : std::string(1, c);
    }
    return quoted + "\"";
}

void append_csv_number(std::string& out, std::optional<double> value) {
    out += ',';
    if (value) {
        app::append_figure(out, *value);
    }
}

// One line per step: group,time,n_risk,n_event,n_censor,surv,std_err,lower,upper.
std::string csv_text(const std::vector<app::KeyedCurve>& curves) {
    std::string out = "group,time,n_risk,n_event,n_censor,surv,std_err,lower,upper\n";
    for (const app::KeyedCurve& g : curves) {
        const std::string key = g.key ? csv_field(*g.key) : "";
        for (const domain::KaplanMeierStep& s : g.curve.steps) {
            out += key;
            for (const std::int64_t count : {s.time, s.at_risk, s.events, s.censored}) {
                out += ',';
                out += std::to_string(count);
            }
            append_csv_number(out, s.survival);
            append_csv_number(out, s.std_err);
            append_csv_number(out, s.lower);
            append_csv_number(out, s.upper);
            out += '\n';
        }
    }
    return out;
}

int run_km(const KmOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    const auto groups =
        options.grouped ? domain::GroupColumn::present : domain::GroupColumn::absent;
    try {
        std::vector<domain::SurvivalGroup> subjects;
        try {
            subjects = domain::parse_survival_csv(read_input_file(options.input, in), groups);
        } catch (const domain::SurvivalCsvError& e) {
            throw bad_row(e, groups);
        }
        std::vector<app::KeyedCurve> curves;
        curves.reserve(subjects.size());
        for (const domain::SurvivalGroup& g : subjects) {
            curves.push_back({options.grouped ? std::optional(g.key) : std::nullopt,
                              domain::kaplan_meier(g.subjects)});
        }
        if (options.format == "csv") {
            out << csv_text(curves);
        } else {
            std::optional<std::optional<domain::LogRankTest>> test;
            if (subjects.size() > 1) {
                test = domain::log_rank(subjects);
            }
            out << app::survival_json(curves, test) << "\n";
        }
        out.flush();
        return 0;
    } catch (const BadInput& e) {
        return report_bad_input(e, err);
    } catch (const std::exception& e) {
        return report_internal_error(e.what(), err);
    }
}

}  // namespace

void add_stability_command(CLI::App& app, int& exit_code) {
    auto* stability = app.add_subcommand(
        "stability", "Stability statistics: how long doctors stay (see docs/statistics.md)");
    stability->require_subcommand(1);
    auto options = std::make_shared<KmOptions>();
    auto* km = stability->add_subcommand(
        "km",
        "Kaplan-Meier curves of CSV rows time,event[,group] (days; 1 event, 0 censored), with "
        "the log-rank test between groups, as R's survfit and survdiff");
    km->add_flag("--group", options->grouped,
                 "The rows have a third column naming each subject's group");
    km->add_option("--format", options->format, "Output format: json (default) or csv (the steps)")
        ->check(CLI::IsMember({"json", "csv"}));
    km->add_option("FILE", options->input, "The rows: a CSV file, or - for stdin")->required();
    km->callback(
        [options, &exit_code] { exit_code = run_km(*options, std::cin, std::cout, std::cerr); });
}

}  // namespace alis::cli
