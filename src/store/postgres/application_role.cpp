#include "store/postgres/application_role.hpp"

namespace alis::store::postgres {
namespace {

// A role is an identifier, which no statement takes as a parameter: it reaches the DO block
// through a setting of this transaction, and format's %I quotes it there, as it quotes the
// database's name. Not among check-pg-sql's statements, which PREPARE cannot take a DO block
// for; tests/cli/db_grant_cli_test.cpp runs it.
constexpr const char* kSetApplicationRole = "SELECT set_config('alis.application_role', $1, true)";
constexpr const char* kGrantApplicationRole = R"sql(DO $grant$
DECLARE
    app text := current_setting('alis.application_role');
BEGIN
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I',
                   app);
    EXECUTE format('REVOKE UPDATE, DELETE ON audit_events, education_plan_revisions,'
                   ' education_plan_periods, record_corrections FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
END
$grant$)sql";

}  // namespace

void grant_application_role(Transaction& tx, std::string_view role) {
    tx.execute(kSetApplicationRole, {role});
    tx.execute(kGrantApplicationRole);
}

}  // namespace alis::store::postgres
