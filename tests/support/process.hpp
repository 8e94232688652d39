#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace alis::testing {

// A child process (the alis binary, usually) with stdout and stderr captured in files. Arguments
// are passed as a vector: no shell ever sees them.
class ChildProcess {
  public:
    // Starts `argv[0]` with the arguments and `stdin_text` on its standard input.
    explicit ChildProcess(const std::vector<std::string>& argv, const std::string& stdin_text = {},
                          const std::vector<std::string>& extra_env = {});
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Waits for the exit; returns the exit code (128 + signal when killed), or nullopt when it
    // did not end within `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // Sends a signal (SIGTERM, SIGINT).
    void signal(int signal_number);
    std::string stdout_text() const;
    std::string stderr_text() const;
    // Polls stdout until it contains `text` or the timeout passes.
    bool wait_for_output(const std::string& text,
                         std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;

  private:
    TempDir dir_;
    int pid_ = -1;
    std::optional<int> exit_code_;
};

// Runs a command to completion and returns {exit code, stdout, stderr}.
struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
CommandResult run_command(const std::vector<std::string>& argv, const std::string& stdin_text = {},
                          const std::vector<std::string>& extra_env = {});
// Runs the built alis binary with `args`.
CommandResult run_alis(std::vector<std::string> args);
// True when the command failed as alis fails: one line on stderr, "alis: <reason>".
bool is_one_error_line(const CommandResult& result);

}  // namespace alis::testing
