#pragma once

#include <cstdint>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace alis::store::sqlite {

// Appends `event` to audit_events on `connection` (which must be inside a write transaction),
// chained to the current last row; returns the new id.
std::int64_t append_audit_event(Connection& connection, AuditEvent event);

}  // namespace alis::store::sqlite
