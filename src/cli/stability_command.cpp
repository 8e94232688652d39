// alis stability km [--group] [--format json|csv] FILE|-
// Kaplan–Meier curves of follow-up times and the log-rank test between their groups, as R's
// survfit and survdiff give them (docs/statistics.md).
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "app/survival_json.hpp"
#include "cli/commands.hpp"
#include "domain/survival.hpp"
#include "domain/survival_csv.hpp"
#include "web/messages.hpp"

namespace alis::cli {
namespace {

struct KmOptions {
    std::string input;  // A file name, or "-" for stdin.
    bool grouped = false;
    std::string format = "json";  // "json" or "csv".
};

// A failure the user must fix: the catalogue key of its message and the message's arguments.
struct BadInput {
    std::string key;
    boost::json::object args;
};

std::string read_all(std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string read_csv_input(const std::string& name, std::istream& in) {
    if (name == "-") {
        return read_all(in);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(name, ec)) {
        throw BadInput{"stability.input.directory", {{"file", name}}};
    }
    std::ifstream file(name, std::ios::binary);
    if (!file) {
        throw BadInput{"stability.input.unreadable", {{"file", name}}};
    }
    return read_all(file);
}

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

// Keeps a message on one line whatever the input held: control characters become spaces.
std::string one_line(std::string text) {
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            c = ' ';
        }
    }
    return text;
}

int run_km(const KmOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    const auto groups =
        options.grouped ? domain::GroupColumn::present : domain::GroupColumn::absent;
    try {
        std::vector<domain::SurvivalGroup> subjects;
        try {
            subjects = domain::parse_survival_csv(read_csv_input(options.input, in), groups);
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
        const web::Catalogue catalogue("nb");
        err << "alis: " << one_line(catalogue.format(e.key, e.args)) << "\n";
        return 2;
    } catch (const std::exception& e) {
        err << "alis: internal error: " << one_line(e.what()) << "\n";
        return 1;
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
