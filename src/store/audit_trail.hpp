#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The append-only audit trail, each row chained to the one before it by its hash
// (store/audit_chain.hpp, docs/audit.md). Appending runs in the caller's unit of work, so a change
// and its audit event are kept together or not at all.
class AuditTrail {
  public:
    explicit AuditTrail(Transaction& tx) : tx_(tx) {}

    // Events whose subject is the person, newest first, at most `limit`.
    std::vector<domain::AuditEvent> events_about(std::int64_t person_id, int limit) const;
    // Events whose subject is the person with this action (e.g. "person.read"), newest first:
    // at most `limit` after skipping the `offset` newest (index
    // audit_events_by_subject_and_action).
    std::vector<domain::AuditEvent> events_about(std::int64_t person_id, const std::string& action,
                                                 int limit, std::int64_t offset) const;
    // The event with this id, or nullopt.
    std::optional<domain::AuditEvent> find(std::int64_t id) const;
    // Recomputes every hash from the first row on and reports the first row that does not fit.
    // The rows are streamed by one statement, never held all at once.
    domain::AuditVerification verify() const;

    // Appends `event` chained to the last row (fills id, prev_hash and hash); returns its id.
    std::int64_t append(domain::AuditEvent event);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
