#pragma once

// The operators' tools for a whole installation (docs/operations.md): copying it between
// databases of either backend, backing up a SQLite one while it runs, and granting PostgreSQL's
// application role what alis needs.

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_event.hpp"

namespace alis::app {

// A tool refused to start, and wrote nothing: the target is not empty, the source is missing or
// at another schema version, the backend cannot do it. The message is one line.
class InstallationRefused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// One table, as a copy counted it in the source (within the snapshot it copied) and in the
// target (after the copy committed).
struct TableRows {
    std::string table;
    std::int64_t source = 0;
    std::int64_t target = 0;
};

// What a copy did and found when it checked the target.
struct InstallationCopy {
    std::vector<TableRows> tables;  // In the order they were copied.
    std::int64_t rows = 0;          // Copied, over all tables.
    domain::AuditVerification target_audit;
    std::uint64_t data_generation = 0;  // The target's, after the copy.
    // The first thing the checks found wrong (a table's counts differ, the audit chain is
    // broken on the target), one line; nullopt when the copy is whole.
    std::optional<std::string> problem;
};

// Copies the whole installation at `from_url` (unchanged, and read in one snapshot, so that a
// server may keep running on it) into the database at `to_url`, which is migrated first and must
// then be empty: every table in foreign-key order, with the same ids and audit hashes, in one
// transaction, so that a failure leaves the target empty. The target's data generation ends
// above both databases' own. Then counts every table on both sides and verifies the target's
// audit chain. Calls `copied(table, rows)` after each table. Throws InstallationRefused before
// writing any data, DatabaseUnavailable when a database cannot be opened, store errors when the
// copy fails (nothing of it is kept).
InstallationCopy copy_installation(
    std::string_view from_url, std::string_view to_url,
    const std::function<void(const std::string& table, std::int64_t rows)>& copied);

// Whether a backup may replace a file that exists.
enum class Overwrite { no, yes };

// What a backup wrote, and what its audit chain looks like when read back from the file.
struct InstallationBackup {
    std::int64_t pages = 0;
    std::int64_t bytes = 0;
    domain::AuditVerification audit;
};

// Writes a consistent copy of the SQLite database at `url` into `file` while a server may keep
// reading and writing it (store::back_up_sqlite), then opens the copy and verifies its audit
// chain. The copy is written to a private (0600) temporary file beside `file` and renamed into
// place only when whole, so an earlier backup at `file` is never half overwritten. Calls
// `progress(copied, total)` with pages as it goes. Throws InstallationRefused (nothing written)
// for a PostgreSQL URL (pg_dump backs it up), a missing source, `file` being the database itself
// or, unless `overwrite` is yes, a `file` that exists; store errors when the backup fails.
InstallationBackup back_up_installation(std::string_view url, const std::string& file,
                                        Overwrite overwrite,
                                        const std::function<void(int copied, int total)>& progress);

// Grants the PostgreSQL role `role` what alis needs to run against the database at `url`, and no
// more (docs/operations.md lists the privileges); the database is migrated first, so that every
// table is there to grant on. Run again after an upgrade that adds tables. Throws
// InstallationRefused for a SQLite URL (SQLite has no roles) or an empty role,
// DatabaseUnavailable when the database cannot be opened, std::runtime_error (a store error)
// when the role does not exist or this user may not grant.
void grant_application_role(std::string_view url, const std::string& role);

}  // namespace alis::app
