#include "app/installation.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "app/application.hpp"
#include "app/audit_head.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

// Rows per insert statement: few enough to keep each statement's JSON under a megabyte, many
// enough that PostgreSQL's round trips and its statement-level triggers (one bump of
// data_generation per statement) cost little.
constexpr std::int64_t kRowsPerBatch = 1000;

std::optional<std::filesystem::path> sqlite_path(std::string_view url) {
    if (!url.starts_with("sqlite:")) {
        return std::nullopt;
    }
    return std::filesystem::path(std::string(url.substr(7)));
}

// Opens a database that must exist already: opening a SQLite path creates an empty database,
// and a copy of that would be empty too.
std::unique_ptr<Application> open_existing(std::string_view url, const std::string& role) {
    if (const auto path = sqlite_path(url); path && !std::filesystem::exists(*path)) {
        throw InstallationRefused("no " + role + " database at " + path->string());
    }
    return Application::open(url, system_clock(), 1);
}

bool same_database(std::string_view a, std::string_view b) {
    if (a == b) {
        return true;
    }
    const auto path_a = sqlite_path(a);
    const auto path_b = sqlite_path(b);
    std::error_code ec;
    return path_a && path_b && std::filesystem::equivalent(*path_a, *path_b, ec);
}

int version(const std::vector<int>& applied) {
    return applied.empty() ? 0 : applied.back();
}

// Refuses a source whose schema is not the one the target was migrated to.
void check_same_schema(Application& source, Application& target) {
    const auto from = source.applied_migrations();
    const auto to = target.applied_migrations();
    if (from == to) {
        return;
    }
    if (version(from) > version(to)) {
        throw InstallationRefused("the source database is at schema version " +
                                  std::to_string(version(from)) + ", newer than this alis (" +
                                  std::to_string(version(to)) + "): copy it with a newer alis");
    }
    throw InstallationRefused(
        "the source database is at schema version " + std::to_string(version(from)) +
        ", this alis at " + std::to_string(version(to)) + ": run alis migrate on the source first");
}

}  // namespace

InstallationCopy copy_installation(
    std::string_view from_url, std::string_view to_url,
    const std::function<void(const std::string& table, std::int64_t rows)>& copied) {
    if (same_database(from_url, to_url)) {
        throw InstallationRefused("the source and the target are the same database");
    }
    const auto source = open_existing(from_url, "source");
    const auto target = Application::open(to_url, system_clock(), 1);
    target->migrate();
    check_same_schema(*source, *target);

    InstallationCopy result;
    const auto tables = store::installation_tables();
    // One snapshot of the source for every table, and one transaction on the target, so that the
    // copy is of one moment and is kept whole or not at all.
    source->database().read([&](const store::Snapshot& s) {
        const store::Installation& from = s.installation();
        target->database().write([&](store::UnitOfWork& w) {
            store::Installation& to = w.installation();
            for (const store::Table& table : tables) {
                if (const auto rows = to.row_count(table); rows > 0) {
                    throw InstallationRefused(
                        "the target database is not empty (" + std::string(table.name) + " has " +
                        std::to_string(rows) +
                        " rows): alis copy only writes into an empty database");
                }
            }
            result.tables.clear();
            result.rows = 0;
            for (const store::Table& table : tables) {
                TableRows counted{std::string(table.name), from.row_count(table), 0};
                std::int64_t rows = 0;
                std::int64_t last_id = 0;
                from.each_batch(table, kRowsPerBatch, [&](const store::RowBatch& batch) {
                    to.add_rows(table, batch);
                    rows += batch.rows;
                    last_id = batch.last_id;
                });
                to.set_next_id_after(table, last_id);
                if (rows != counted.source) {
                    throw store::StoreError("read " + std::to_string(rows) + " rows of " +
                                            counted.table + " for " +
                                            std::to_string(counted.source) + " counted");
                }
                result.rows += rows;
                result.tables.push_back(std::move(counted));
                copied(result.tables.back().table, rows);
            }
            to.set_data_generation_above(from.data_generation());
        });
    });

    target->database().read([&](const store::Snapshot& s) {
        for (std::size_t k = 0; k < tables.size(); ++k) {
            result.tables[k].target = s.installation().row_count(tables[k]);
        }
    });
    for (const TableRows& table : result.tables) {
        if (table.source != table.target) {
            result.problem = "row counts differ: " + table.table + " has " +
                             std::to_string(table.source) + " rows in the source and " +
                             std::to_string(table.target) + " in the target";
            break;
        }
    }
    result.target_audit = verify_audit_chain(*target);
    if (!result.problem && !result.target_audit.ok) {
        result.problem = "audit chain broken on the target: " + result.target_audit.reason;
    }
    result.data_generation = target->data_generation();
    return result;
}

InstallationBackup back_up_installation(
    std::string_view url, const std::string& file, Overwrite overwrite,
    const std::function<void(int copied, int total)>& progress) {
    const auto source_path = sqlite_path(url);
    if (!source_path) {
        throw InstallationRefused(
            "alis backup copies SQLite databases; back up PostgreSQL with pg_dump -Fc and restore "
            "with pg_restore (see docs/operations.md)");
    }
    if (!std::filesystem::exists(*source_path)) {
        throw InstallationRefused("no database at " + source_path->string());
    }
    std::error_code ec;
    if (std::filesystem::equivalent(*source_path, file, ec)) {
        throw InstallationRefused(file + " is the database itself");
    }
    if (std::filesystem::exists(file + "-wal")) {
        throw InstallationRefused(file + " is a database in use (" + file +
                                  "-wal exists); choose another file");
    }
    if (overwrite == Overwrite::no && std::filesystem::exists(file)) {
        throw InstallationRefused(file + " exists; give --force to replace it");
    }

    std::string partial = file + ".partial-XXXXXX";
    const int fd = ::mkstemp(partial.data());
    if (fd < 0) {
        throw InstallationRefused("cannot create " + partial + ": " + std::strerror(errno));
    }
    ::close(fd);
    InstallationBackup result;
    try {
        store::back_up_sqlite(url, partial, [&](int copied, int total) {
            result.pages = total;
            progress(copied, total);
        });
        result.bytes = static_cast<std::int64_t>(std::filesystem::file_size(partial));
        // Read back as alis reads it; closing folds the WAL it opens into the file again.
        result.audit =
            verify_audit_chain(*Application::open("sqlite:" + partial, system_clock(), 1));
        // link() refuses a file that appeared meanwhile; rename() replaces one, as --force asks.
        if (overwrite == Overwrite::no ? ::link(partial.c_str(), file.c_str()) != 0
                                       : ::rename(partial.c_str(), file.c_str()) != 0) {
            throw InstallationRefused("cannot write " + file + ": " + std::strerror(errno));
        }
    } catch (...) {
        std::filesystem::remove(partial, ec);
        throw;
    }
    std::filesystem::remove(partial, ec);
    const auto folder = std::filesystem::absolute(file).parent_path();
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);  // The new name is kept through a crash too.
        ::close(dir);
    }
    return result;
}

void grant_application_role(std::string_view url, const std::string& role) {
    if (sqlite_path(url)) {
        throw InstallationRefused(
            "alis db grant is for PostgreSQL: SQLite has no roles; let only the user alis runs as "
            "read and write the database file");
    }
    if (role.empty()) {
        throw InstallationRefused("--role names no role");
    }
    const auto database = Application::open(url, system_clock(), 1);
    database->migrate();
    database->database().write(
        [&](store::UnitOfWork& w) { w.installation().grant_application_role(role); });
}

}  // namespace alis::app
