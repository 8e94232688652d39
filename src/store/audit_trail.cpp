#include "store/audit_trail.hpp"

#include <algorithm>

#include "store/audit_chain.hpp"

namespace alis::store {
namespace {

// Every query that returns whole events names the columns in this order (see read_event).
#define ALIS_EVENT_COLUMNS                                                               \
    "id, at, actor_account_id, actor_label, action, subject_person_id, target, outcome," \
    " address, prev_hash, hash"
constexpr const char* kEventsAbout = "SELECT " ALIS_EVENT_COLUMNS
                                     " FROM audit_events WHERE subject_person_id = $1"
                                     " ORDER BY id DESC LIMIT $2";
constexpr const char* kEventsAboutWithAction =
    "SELECT " ALIS_EVENT_COLUMNS
    " FROM audit_events WHERE subject_person_id = $1 AND action = $2"
    " ORDER BY id DESC LIMIT $3 OFFSET $4";
constexpr const char* kFindEvent = "SELECT " ALIS_EVENT_COLUMNS " FROM audit_events WHERE id = $1";
constexpr const char* kAllEvents = "SELECT " ALIS_EVENT_COLUMNS " FROM audit_events ORDER BY id";
#undef ALIS_EVENT_COLUMNS
constexpr const char* kLast = "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1";
constexpr const char* kLastId = "SELECT coalesce(max(id), 0) FROM audit_events";
constexpr const char* kInsert =
    "INSERT INTO audit_events (id, at, actor_account_id, actor_label, action, subject_person_id,"
    " target, outcome, address, prev_hash, hash)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

domain::AuditEvent read_event(const Row& row) {
    domain::AuditEvent e;
    e.id = row.integer(0);
    e.at = row.instant(1);
    e.actor_account_id = row.optional_integer(2);
    e.actor_label = row.text(3);
    e.action = row.text(4);
    e.subject_person_id = row.optional_integer(5);
    e.target = row.text(6);
    e.outcome = row.text(7);
    e.address = row.text(8);
    e.prev_hash = row.text(9);
    e.hash = row.text(10);
    return e;
}

std::string row_name(std::int64_t id) {
    return "row " + std::to_string(id);
}

// The id under which `event` (whose content hashes wrongly at its own id) was written, when it
// was moved intact from another position of the chain; nullopt when its content was changed.
// Tries every id of the table: costs one hash per row, and runs only for the first bad row.
std::optional<std::int64_t> original_position(domain::AuditEvent event, std::int64_t last_id) {
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

std::vector<domain::AuditEvent> AuditTrail::events_about(std::int64_t person_id, int limit) const {
    return tx_.rows(kEventsAbout, {person_id, std::max(limit, 0)}, read_event);
}

std::vector<domain::AuditEvent> AuditTrail::events_about(std::int64_t person_id,
                                                         const std::string& action, int limit,
                                                         std::int64_t offset) const {
    return tx_.rows(kEventsAboutWithAction,
                    {person_id, action, std::max(limit, 0), std::max<std::int64_t>(offset, 0)},
                    read_event);
}

std::optional<domain::AuditEvent> AuditTrail::find(std::int64_t id) const {
    return tx_.row(kFindEvent, {id}, read_event);
}

domain::AuditVerification AuditTrail::verify() const {
    domain::AuditVerification result;
    result.head_hash = kAuditGenesisHash;
    std::optional<std::int64_t> bad;
    std::string reason;
    std::int64_t expected_id = 1;
    std::string previous_hash = kAuditGenesisHash;
    // A broken row stops the walk: the rest of the rows are read but no longer checked.
    tx_.each_row(kAllEvents, {}, [&](const Row& row) {
        if (bad) {
            return;
        }
        const domain::AuditEvent event = read_event(row);
        const auto fail = [&](std::int64_t id, std::string why) {
            bad = id;
            reason = std::move(why);
        };
        if (event.id < expected_id) {
            return fail(event.id, row_name(event.id) + " was inserted before the first row");
        }
        if (event.id > expected_id) {
            return fail(expected_id, row_name(expected_id) + " is missing (removed)");
        }
        if (audit_hash(event) != event.hash) {
            if (const auto from = original_position(event, tx_.integer(kLastId))) {
                return fail(event.id, row_name(event.id) +
                                          " is out of order (it holds the event of " +
                                          row_name(*from) + ")");
            }
            return fail(event.id, row_name(event.id) + " was changed");
        }
        if (event.prev_hash != previous_hash) {
            // This row is intact, so the one before it was rewritten with a fresh hash (or this
            // row's link was, which cannot be told apart): name the earlier one.
            if (event.id == 1) {
                return fail(1, "row 1 does not start from the genesis hash (it was rewritten)");
            }
            return fail(event.id - 1, row_name(event.id - 1) + " was changed and re-hashed (" +
                                          row_name(event.id) + " no longer chains to it)");
        }
        previous_hash = event.hash;
        result.rows_checked = event.id;
        result.head_id = event.id;
        result.head_hash = event.hash;
        ++expected_id;
    });
    if (bad) {
        result.ok = false;
        result.first_bad_id = bad;
        result.reason = std::move(reason);
        result.head_id = 0;
        result.head_hash.clear();
    }
    return result;
}

std::int64_t AuditTrail::append(domain::AuditEvent event) {
    std::int64_t last_id = 0;
    std::string last_hash = kAuditGenesisHash;
    tx_.each_row(kLast, {}, [&](const Row& row) {
        last_id = row.integer(0);
        last_hash = row.text(1);
    });
    // The id is assigned here rather than by the database, because it is part of the hashed
    // content.
    event.id = last_id + 1;
    event.prev_hash = std::move(last_hash);
    event.hash = audit_hash(event);
    tx_.execute(kInsert, {event.id, event.at, event.actor_account_id, event.actor_label,
                          event.action, event.subject_person_id, event.target, event.outcome,
                          event.address, event.prev_hash, event.hash});
    return event.id;
}

}  // namespace alis::store
