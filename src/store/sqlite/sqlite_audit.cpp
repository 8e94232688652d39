// The audit trail on SQLite: appending a chained row, reading rows back, and checking the chain.
#include <algorithm>

#include "store/audit_chain.hpp"
#include "store/sqlite/audit_sql.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace alis::store {
namespace sql {

constexpr const char* kLastAuditEvent =
    "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1";
constexpr const char* kInsertAuditEvent =
    "INSERT INTO audit_events (id, at, actor_account_id, actor_label, action, subject_person_id,"
    " target, outcome, address, prev_hash, hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
// Every query that returns whole events names the columns in this order (see read_event).
constexpr const char* kAuditEventsAbout =
    "SELECT id, at, actor_account_id, actor_label, action, subject_person_id, target, outcome,"
    " address, prev_hash, hash FROM audit_events WHERE subject_person_id = ?1"
    " ORDER BY id DESC LIMIT ?2";
constexpr const char* kAuditEvent =
    "SELECT id, at, actor_account_id, actor_label, action, subject_person_id, target, outcome,"
    " address, prev_hash, hash FROM audit_events WHERE id = ?1";
constexpr const char* kAllAuditEvents =
    "SELECT id, at, actor_account_id, actor_label, action, subject_person_id, target, outcome,"
    " address, prev_hash, hash FROM audit_events ORDER BY id";
constexpr const char* kLastAuditId = "SELECT coalesce(max(id), 0) FROM audit_events";

}  // namespace sql

namespace {

using sqlite::Statement;

void bind_optional(Statement& s, int index, const std::optional<std::int64_t>& value) {
    value ? s.bind(index, *value) : s.bind_null(index);
}

std::optional<std::int64_t> optional_int(const Statement& s, int index) {
    return s.column_optional_text(index) ? std::optional<std::int64_t>(s.column_int(index))
                                         : std::nullopt;
}

AuditEvent read_event(const Statement& s) {
    AuditEvent e;
    e.id = s.column_int(0);
    e.at = s.column_text(1);
    e.actor_account_id = optional_int(s, 2);
    e.actor_label = s.column_text(3);
    e.action = s.column_text(4);
    e.subject_person_id = optional_int(s, 5);
    e.target = s.column_text(6);
    e.outcome = s.column_text(7);
    e.address = s.column_text(8);
    e.prev_hash = s.column_text(9);
    e.hash = s.column_text(10);
    return e;
}

std::string row(std::int64_t id) {
    return "row " + std::to_string(id);
}

// The id under which `event` (whose content hashes wrongly at its own id) was written, when it
// was moved intact from another position of the chain; nullopt when its content was changed.
// Tries every id of the table: costs one hash per row, and runs only for the first bad row.
std::optional<std::int64_t> original_position(AuditEvent event, std::int64_t last_id) {
    const std::int64_t at = event.id;
    for (std::int64_t id = 1; id <= last_id; ++id) {
        if (id == at) {
            continue;
        }
        event.id = id;
        if (audit_hash(event) == event.hash) {
            return id;
        }
    }
    return std::nullopt;
}

}  // namespace

namespace sqlite {

std::int64_t append_audit_event(Connection& connection, AuditEvent event) {
    std::int64_t last_id = 0;
    std::string last_hash = kAuditGenesisHash;
    {
        Statement last(connection, sql::kLastAuditEvent);
        if (last.step()) {
            last_id = last.column_int(0);
            last_hash = last.column_text(1);
        }
    }
    // The id is assigned here rather than by SQLite, because it is part of the hashed content.
    event.id = last_id + 1;
    event.prev_hash = std::move(last_hash);
    event.hash = audit_hash(event);

    Statement s(connection, sql::kInsertAuditEvent);
    s.bind(1, event.id).bind(2, event.at);
    bind_optional(s, 3, event.actor_account_id);
    s.bind(4, event.actor_label).bind(5, event.action);
    bind_optional(s, 6, event.subject_person_id);
    s.bind(7, event.target).bind(8, event.outcome).bind(9, event.address);
    s.bind(10, event.prev_hash).bind(11, event.hash).run();
    return event.id;
}

}  // namespace sqlite

std::vector<AuditEvent> SqliteStore::audit_events_about(std::int64_t person_id, int limit) {
    auto lease = reader();
    Statement s(*lease, sql::kAuditEventsAbout);
    s.bind(1, person_id).bind(2, std::max(limit, 0));
    std::vector<AuditEvent> result;
    while (s.step()) {
        result.push_back(read_event(s));
    }
    return result;
}

std::optional<AuditEvent> SqliteStore::audit_event(std::int64_t id) {
    auto lease = reader();
    Statement s(*lease, sql::kAuditEvent);
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return read_event(s);
}

AuditVerification SqliteStore::verify_audit_chain() {
    // One statement walks the rows, so they all come from one snapshot even while the server
    // appends; the rows are streamed, never held all at once.
    auto lease = reader();
    AuditVerification result;
    result.head_hash = kAuditGenesisHash;
    const auto fail = [&](std::int64_t id, std::string reason) {
        result.ok = false;
        result.first_bad_id = id;
        result.reason = std::move(reason);
        result.head_id = 0;
        result.head_hash.clear();
        return result;
    };

    std::int64_t expected_id = 1;
    std::string previous_hash = kAuditGenesisHash;
    Statement s(*lease, sql::kAllAuditEvents);
    while (s.step()) {
        const AuditEvent event = read_event(s);
        if (event.id < expected_id) {
            return fail(event.id, row(event.id) + " was inserted before the first row");
        }
        if (event.id > expected_id) {
            return fail(expected_id, row(expected_id) + " is missing (removed)");
        }
        if (audit_hash(event) != event.hash) {
            Statement last(*lease, sql::kLastAuditId);
            last.step();
            if (const auto from = original_position(event, last.column_int(0))) {
                return fail(event.id, row(event.id) + " is out of order (it holds the event of " +
                                          row(*from) + ")");
            }
            return fail(event.id, row(event.id) + " was changed");
        }
        if (event.prev_hash != previous_hash) {
            // This row is intact, so the one before it was rewritten with a fresh hash (or this
            // row's link was, which cannot be told apart): name the earlier one.
            if (event.id == 1) {
                return fail(1, "row 1 does not start from the genesis hash (it was rewritten)");
            }
            return fail(event.id - 1, row(event.id - 1) + " was changed and re-hashed (" +
                                          row(event.id) + " no longer chains to it)");
        }
        previous_hash = event.hash;
        result.rows_checked = event.id;
        result.head_id = event.id;
        result.head_hash = event.hash;
        ++expected_id;
    }
    return result;
}

}  // namespace alis::store
