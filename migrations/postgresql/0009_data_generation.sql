-- A counter of data changes, so that caches of derived data (the leader's overview, the front
-- page, the region pages) stay valid exactly until the data they were computed from changes, and
-- see changes made by any process using the database (the server, the CLI, psql by hand).
-- Every insert, update, delete and truncate on a data table bumps it through the triggers below;
-- the bookkeeping tables (sessions, login_failures, audit_events, schema_migrations) do not, so
-- logins and audited reads leave the caches warm. A table added later needs its trigger too (see
-- migrations/README.md).
--
-- Unlike SQLite's three row triggers per table, each table has one statement-level trigger: a
-- statement that changes many rows bumps the counter once, and so does a statement that happens
-- to change none (a needless bump only empties a cache). Each bump also sends
-- NOTIFY alis_data_generation with the new value, delivered when the transaction commits, so
-- that a server can drop its caches without asking.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   data_generation.id: integer, the one row's fixed key (1), not an identity;
--   data_generation.value: bigint.

CREATE TABLE data_generation (
    id    integer PRIMARY KEY CHECK (id = 1),
    value bigint NOT NULL
);
INSERT INTO data_generation (id, value) VALUES (1, 0);

CREATE FUNCTION bump_data_generation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    raised bigint;
BEGIN
    UPDATE data_generation SET value = value + 1 WHERE id = 1 RETURNING value INTO raised;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'data_generation has no row (migration 0009)';
    END IF;
    PERFORM pg_notify('alis_data_generation', raised::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER municipalities_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER people_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER employments_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON employments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER leaves_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON leaves
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER service_periods_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_periods
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER accounts_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER role_grants_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_grants
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER supervisor_assignments_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervisor_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER supervisors_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervisors
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER supervisor_capacity_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervisor_capacity
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER general_education_plans_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON general_education_plans
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER enterprise_status_changes_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_status_changes
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER learning_arenas_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON learning_arenas
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER plan_responsibilities_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_responsibilities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER education_plan_revisions_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON education_plan_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

CREATE TRIGGER education_plan_periods_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON education_plan_periods
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
