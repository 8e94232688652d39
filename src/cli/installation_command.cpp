// alis copy, alis backup and alis db grant: the operators' tools for a whole installation (see
// docs/operations.md).
#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>

#include "app/application.hpp"
#include "app/installation.hpp"
#include "cli/commands.hpp"

namespace alis::cli {
namespace {

// Exit codes: 1 for a copy that failed or did not check out, 2 for bad input or a refusal (also
// CLI11's, through run()).
constexpr int kFailed = 1;
constexpr int kRefused = 2;

struct InstallationOptions {
    std::string from;
    std::string to;
    std::string db;
    std::string role;
    std::string file;
    bool force = false;
};

// A one-line, user-facing failure: printed as "alis: <reason>" with exit code `code`.
struct InstallationFailure {
    std::string reason;
    int code = kFailed;
};

int copy(const InstallationOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const auto result = app::copy_installation(
        options.from, options.to, [](const std::string& table, std::int64_t rows) {
            std::cerr << "copied " << table << ": " << rows << " rows\n" << std::flush;
        });
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;

    std::cout << std::left << std::setw(28) << "table" << std::right << std::setw(10) << "source"
              << std::setw(10) << "target"
              << "\n";
    for (const auto& table : result.tables) {
        std::cout << std::left << std::setw(28) << table.table << std::right << std::setw(10)
                  << table.source << std::setw(10) << table.target << "\n";
    }
    std::cout << "copied " << result.rows << " rows of " << result.tables.size() << " tables in "
              << std::fixed << std::setprecision(1) << took.count() << " s\n";
    if (result.target_audit.ok) {
        std::cout << "audit chain ok on the target: " << result.target_audit.rows_checked
                  << " rows, head " << result.target_audit.head_id << " "
                  << result.target_audit.head_hash << "\n";
    }
    std::cout << "data generation of the target: " << result.data_generation << "\n";
    if (result.problem) {
        throw InstallationFailure{*result.problem};
    }
    return 0;
}

int backup(const InstallationOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    int reported = -1;
    const auto result = app::back_up_installation(
        options.db, options.file, options.force ? app::Overwrite::yes : app::Overwrite::no,
        [&](int copied, int total) {
            // A line at every tenth, not at every step.
            const int tenth = total > 0 ? copied * 10 / total : 10;
            if (tenth != reported) {
                reported = tenth;
                std::cerr << "backed up " << copied << " of " << total << " pages\n" << std::flush;
            }
        });
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cout << "backup written to " << options.file << ": " << result.pages << " pages, "
              << result.bytes << " bytes in " << std::fixed << std::setprecision(1) << took.count()
              << " s\n";
    if (!result.audit.ok) {
        throw InstallationFailure{"the backup's audit chain is broken: " + result.audit.reason};
    }
    std::cout << "audit chain ok in the backup: " << result.audit.rows_checked << " rows, head "
              << result.audit.head_id << " " << result.audit.head_hash << "\n";
    return 0;
}

int grant(const InstallationOptions& options) {
    app::grant_application_role(options.db, options.role);
    std::cout << "granted " << options.role
              << " what alis needs: CONNECT, USAGE on schema public, SELECT, INSERT, UPDATE, DELETE"
                 " on the tables (SELECT, INSERT on the append-only ones, SELECT on "
                 "schema_migrations), USAGE, SELECT on the sequences\n";
    return 0;
}

template <typename Body>
void run_installation_command(int& exit_code, Body&& body) {
    try {
        exit_code = body();
    } catch (const InstallationFailure& failure) {
        std::cerr << "alis: " << failure.reason << "\n";
        exit_code = failure.code;
    } catch (const app::InstallationRefused& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = kRefused;
    } catch (const std::exception& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = kFailed;
    }
}

}  // namespace

void add_installation_commands(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<InstallationOptions>();

    auto* copy_cmd = app.add_subcommand(
        "copy",
        "Copy a whole installation into an empty database, between SQLite and PostgreSQL or "
        "within one, and check the copy");
    copy_cmd
        ->add_option("--from", options->from,
                     "Database URL to copy from (sqlite:PATH or postgresql://...); it is only read")
        ->envname("ALIS_COPY_FROM")
        ->required();
    copy_cmd
        ->add_option("--to", options->to,
                     "Database URL to copy into; it is migrated and must then be empty")
        ->envname("ALIS_COPY_TO")
        ->required();
    copy_cmd->callback([options, &exit_code] {
        run_installation_command(exit_code, [&] { return copy(*options); });
    });

    auto* backup_cmd = app.add_subcommand(
        "backup",
        "Back up a SQLite database into a file while alis runs, and verify the backup's audit "
        "chain (PostgreSQL: pg_dump)");
    backup_cmd->add_option("--db", options->db, "Database URL: sqlite:PATH")
        ->envname("ALIS_DB")
        ->required();
    backup_cmd->add_option("--to", options->file, "The backup file to write")
        ->envname("ALIS_BACKUP_TO")
        ->required();
    backup_cmd->add_flag("--force", options->force, "Replace the backup file if it exists");
    backup_cmd->callback([options, &exit_code] {
        run_installation_command(exit_code, [&] { return backup(*options); });
    });

    auto* db_cmd = app.add_subcommand("db", "Administer the database alis runs on");
    db_cmd->require_subcommand(1);
    auto* grant_cmd = db_cmd->add_subcommand(
        "grant",
        "Grant a PostgreSQL role what alis needs to run, and no more (run as the database's "
        "owner, again after an upgrade)");
    grant_cmd->add_option("--db", options->db, "Database URL: postgresql://...")
        ->envname("ALIS_DB")
        ->required();
    grant_cmd->add_option("--role", options->role, "The role alis serve connects as")
        ->envname("ALIS_DB_ROLE")
        ->required();
    grant_cmd->callback([options, &exit_code] {
        run_installation_command(exit_code, [&] { return grant(*options); });
    });
}

}  // namespace alis::cli
