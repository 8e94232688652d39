#pragma once

#include <string_view>

#include "store/sql.hpp"

namespace alis::store::postgres {

// Grants the role what alis needs to run against the database of `tx`, and no more: CONNECT on
// the database, USAGE on schema public, SELECT, INSERT, UPDATE and DELETE on every table but the
// append-only ones (audit_events, education_plan_revisions, education_plan_periods,
// record_corrections: SELECT and INSERT) and schema_migrations (SELECT), USAGE and SELECT on the
// sequences. Whatever the role held on them before is revoked first, so running it again gives
// the same grants. Throws StoreError when the role does not exist or the user may not grant.
void grant_application_role(Transaction& tx, std::string_view role);

}  // namespace alis::store::postgres
