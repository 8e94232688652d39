#pragma once

#include <string>

#include "domain/audit_event.hpp"

namespace alis::store {

// The prev_hash of the first event: 64 zeros.
extern const std::string kAuditGenesisHash;

// The canonical encoding of an event: every field but `hash`, in a fixed order, in a form where
// no two different events encode alike. Backend-neutral, so SQLite and PostgreSQL chain alike.
std::string audit_canonical_encoding(const domain::AuditEvent& event);

// SHA-256 (lower-case hex) over the canonical encoding of the event, which includes prev_hash.
std::string audit_hash(const domain::AuditEvent& event);

}  // namespace alis::store
