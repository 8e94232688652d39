#pragma once

// What the commands that read a file share: reading it (or stdin), and a failure the user must
// fix reported as one Norwegian line from the message catalogue with exit code 2.

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <exception>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/application.hpp"

namespace alis::cli {

// A failure the user must fix: the catalogue key of its message and the message's arguments.
struct BadInput {
    std::string key;
    boost::json::object args;
};

// The whole text of the file `name`, or of `in` when `name` is "-". Throws BadInput
// ("cli.input.directory", "cli.input.unreadable") when it cannot be read.
std::string read_input_file(const std::string& name, std::istream& in);

// The text with every control character replaced by a space, so that a message stays one line.
std::string one_line(std::string text);

// Writes "alis: <message>" on `err`, the message being catalogue key `key` filled from `args`.
void write_message(std::string_view key, const boost::json::object& args, std::ostream& err);

// Writes "alis: <message>" for `bad` on `err` and returns 2, the exit code of bad input.
int report_bad_input(const BadInput& bad, std::ostream& err);

// Writes "alis: internal error: <what>" on `err` and returns 1.
int report_internal_error(std::string_view what, std::ostream& err);

// The one line for a broken data file (budget, cost inputs, rates): by the kind of its problem,
// "data_file.<problem>" in the catalogue, naming the file and the key.
BadInput data_file_error(const std::exception& error);

// The file of a "sqlite:PATH" database URL when that file does not exist, else nullopt: a command
// that reads a database must refuse it, not open (and so create) an empty one.
std::optional<std::string> missing_sqlite_file(const std::string& url);

// The installation at `url`, which must exist: throws BadInput ("cli.document.no_database") for a
// "sqlite:PATH" whose file is not there, so that a command never creates an empty one.
std::unique_ptr<app::Application> open_existing_installation(const std::string& url);

// The options of a command that reads one file.
struct FileInput {
    std::string name;    // a file name, or "-" for stdin
    std::string format;  // the --format chosen; empty when the command has none
};

// What a file command makes of the file's text: the output to print. It throws BadInput for
// input the user must fix, and may write a notice on `err` once nothing can fail any more.
using FileCommand =
    std::function<std::string(const std::string& text, const FileInput& input, std::ostream& err)>;

// Registers subcommand `name` of `parent` that reads FILE (or - for stdin) and prints what
// `command` makes of it, with --format when `formats` is not empty (the first is the default).
// Bad input ends with one line on stderr and exit code 2, any other failure with exit code 1.
CLI::App* add_file_command(CLI::App& parent, const std::string& name,
                           const std::string& description, const std::string& file_help,
                           const std::vector<std::string>& formats, int& exit_code,
                           FileCommand command);

}  // namespace alis::cli
