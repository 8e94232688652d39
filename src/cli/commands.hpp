#pragma once

#include <CLI/CLI.hpp>

namespace alis::cli {

// Runs the alis command line; returns the process exit code. Bad input gives a one-line reason on
// stderr and a non-zero exit, never a stack trace.
int run(int argc, char** argv);

// Each subcommand lives in its own file and registers itself on the app. Its callback stores the
// exit code in `exit_code` (0 by default) and reports errors as one line on stderr.
void add_server_commands(CLI::App& app,
                         int& exit_code);  // serve, demo, migrate (server_command.cpp)
void add_ledger_command(CLI::App& app, int& exit_code);  // ledger (ledger_command.cpp)
void add_audit_command(CLI::App& app, int& exit_code);   // audit (audit_command.cpp)
void add_user_command(CLI::App& app, int& exit_code);    // user (user_command.cpp)
// stability km (stability_command.cpp)
void add_stability_command(CLI::App& app, int& exit_code);
// grant evaluate (grant_command.cpp)
void add_grant_command(CLI::App& app, int& exit_code);
// grant claim, on the grant subcommand (grant_claim_command.cpp)
void add_grant_claim_command(CLI::App& grant, int& exit_code);
// cost (cost_command.cpp)
void add_cost_command(CLI::App& app, int& exit_code);
// budget (budget_command.cpp)
void add_budget_command(CLI::App& app, int& exit_code);
// document render (document_command.cpp)
void add_document_command(CLI::App& app, int& exit_code);
// catalogue import (catalogue_command.cpp)
void add_catalogue_command(CLI::App& app, int& exit_code);
// notify (notify_command.cpp)
void add_notify_command(CLI::App& app, int& exit_code);
// record export, record verify (record_command.cpp)
void add_record_command(CLI::App& app, int& exit_code);
// copy, backup, db grant (installation_command.cpp)
void add_installation_commands(CLI::App& app, int& exit_code);

}  // namespace alis::cli
