// alis ledger [--ruleset ID] [--format json|text] [--rules-dir DIR] FILE|-
#include "cli/ledger_command.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "domain/ledger.hpp"
#include "domain/training_path.hpp"
#include "embedded.hpp"

namespace alis::cli {
namespace {

constexpr std::string_view kEmbeddedPrefix = "rules/";
constexpr std::string_view kSuffix = ".toml";

// A failure the user must fix: one line on stderr and exit code 2.
struct LedgerFailure {
    std::string message;
};

// Ruleset ids are file names; anything else (a path, "..") is simply not a known id.
bool is_plain_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string read_stream(std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string read_input(const std::string& name, std::istream& in) {
    if (name == "-") {
        return read_stream(in);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(name, ec)) {
        throw LedgerFailure{"cannot read '" + name + "': it is a directory"};
    }
    std::ifstream file(name, std::ios::binary);
    if (!file) {
        throw LedgerFailure{"cannot read '" + name + "': no such file, or not readable"};
    }
    return read_stream(file);
}

std::string joined(const std::vector<std::string>& ids) {
    std::string text;
    for (const std::string& id : ids) {
        text += (text.empty() ? "" : ", ") + id;
    }
    return text.empty() ? "none" : text;
}

}  // namespace

std::vector<std::string> ruleset_ids(const RulesetSource& source) {
    std::vector<std::string> ids;
    if (source.rules_dir.empty()) {
        for (const auto& [path, text] : embedded::files()) {
            // Only the files directly in rules/: its folders (grants/, costs/) hold other data.
            if (path.starts_with(kEmbeddedPrefix) && path.ends_with(kSuffix) &&
                path.find('/', kEmbeddedPrefix.size()) == std::string::npos) {
                ids.push_back(path.substr(kEmbeddedPrefix.size(),
                                          path.size() - kEmbeddedPrefix.size() - kSuffix.size()));
            }
        }
    } else {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(source.rules_dir, ec)) {
            if (entry.path().extension() == kSuffix) {
                ids.push_back(entry.path().stem().string());
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

domain::Ruleset load_ruleset(const RulesetSource& source, const std::string& id,
                             const std::string& field) {
    std::string file;
    std::string text;
    bool found = false;
    if (is_plain_id(id)) {
        if (source.rules_dir.empty()) {
            file = std::string(kEmbeddedPrefix) + id + std::string(kSuffix);
            if (const auto entry = embedded::files().find(file); entry != embedded::files().end()) {
                text = std::string(entry->second);
                found = true;
            }
        } else {
            file = (std::filesystem::path(source.rules_dir) / (id + std::string(kSuffix))).string();
            std::ifstream in(file, std::ios::binary);
            if (in) {
                text = read_stream(in);
                found = true;
            }
        }
    }
    if (!found) {
        throw UnknownRuleset(field + ": unknown ruleset '" + id +
                             "' (known: " + joined(ruleset_ids(source)) + ")");
    }
    domain::Ruleset ruleset = domain::parse_ruleset(text, file);
    if (ruleset.id != id) {
        throw domain::RulesetError(
            file, "id", "is '" + ruleset.id + "', but the file is named for '" + id + "'");
    }
    return ruleset;
}

int run_ledger(const LedgerOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
    const auto fail = [&](const std::string& message, int code) {
        err << "alis ledger: " << one_line(message) << "\n";
        return code;
    };
    try {
        if (options.format != "json" && options.format != "text") {
            throw LedgerFailure{"--format: must be json or text, not '" + options.format + "'"};
        }
        if (!options.rules.rules_dir.empty() &&
            !std::filesystem::is_directory(options.rules.rules_dir)) {
            throw LedgerFailure{"--rules-dir: '" + options.rules.rules_dir +
                                "' is not a directory"};
        }
        const domain::TrainingPath path =
            domain::parse_training_path(read_input(options.input, in));
        const bool from_option = !options.ruleset.empty();
        const std::string id = from_option ? options.ruleset : path.ruleset;
        if (id.empty()) {
            throw LedgerFailure{"ruleset: missing (name it in the input or with --ruleset)"};
        }
        const domain::Ruleset ruleset =
            load_ruleset(options.rules, id, from_option ? "--ruleset" : "ruleset");
        const domain::LedgerReport report = domain::evaluate(path, ruleset);
        out << (options.format == "text" ? domain::report_text(report)
                                         : domain::report_json(report));
        out.flush();
        return 0;
    } catch (const LedgerFailure& e) {
        return fail(e.message, 2);
    } catch (const domain::TrainingPathError& e) {
        return fail(e.what(), 2);
    } catch (const domain::RulesetError& e) {
        return fail(e.what(), 2);
    } catch (const UnknownRuleset& e) {
        return fail(e.what(), 2);
    } catch (const std::exception& e) {
        return fail(std::string("internal error: ") + e.what(), 1);
    }
}

void add_ledger_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<LedgerOptions>();
    auto* command = app.add_subcommand(
        "ledger",
        "Count a training path (JSON) against a ruleset: months per arena, requirements, "
        "projected completion and warnings (see docs/ledger.md)");
    command->add_option("--ruleset", options->ruleset,
                        "Ruleset id, e.g. allmennmedisin-2019 (overrides the input's \"ruleset\")");
    command->add_option("--format", options->format, "Output format: json (default) or text")
        ->check(CLI::IsMember({"json", "text"}));
    command->add_option("--rules-dir", options->rules.rules_dir,
                        "Read rulesets from DIR/<id>.toml instead of the built-in ones");
    command->add_option("FILE", options->input, "The training path: a JSON file, or - for stdin")
        ->required();
    command->callback([options, &exit_code] {
        exit_code = run_ledger(*options, std::cin, std::cout, std::cerr);
    });
}

}  // namespace alis::cli
