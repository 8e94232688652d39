-- A counter of data changes, so that caches of derived data (the leader's overview, the front
-- page, the region pages) stay valid exactly until the data they were computed from changes, and
-- see changes made by any process using the database (the server, the CLI, sqlite3 by hand).
-- Every insert, update and delete on a data table bumps it through the triggers below; the
-- bookkeeping tables (sessions, login_failures, audit_events) do not, so logins and audited
-- reads leave the caches warm. A table added later, or rebuilt, needs its three triggers here
-- again (see migrations/README.md).

CREATE TABLE data_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO data_generation (id, value) VALUES (1, 0);

CREATE TRIGGER municipalities_insert_bumps_data_generation AFTER INSERT ON municipalities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER municipalities_update_bumps_data_generation AFTER UPDATE ON municipalities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER municipalities_delete_bumps_data_generation AFTER DELETE ON municipalities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER people_insert_bumps_data_generation AFTER INSERT ON people
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER people_update_bumps_data_generation AFTER UPDATE ON people
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER people_delete_bumps_data_generation AFTER DELETE ON people
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER employments_insert_bumps_data_generation AFTER INSERT ON employments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER employments_update_bumps_data_generation AFTER UPDATE ON employments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER employments_delete_bumps_data_generation AFTER DELETE ON employments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER leaves_insert_bumps_data_generation AFTER INSERT ON leaves
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER leaves_update_bumps_data_generation AFTER UPDATE ON leaves
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER leaves_delete_bumps_data_generation AFTER DELETE ON leaves
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER service_periods_insert_bumps_data_generation AFTER INSERT ON service_periods
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER service_periods_update_bumps_data_generation AFTER UPDATE ON service_periods
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER service_periods_delete_bumps_data_generation AFTER DELETE ON service_periods
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER accounts_insert_bumps_data_generation AFTER INSERT ON accounts
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER accounts_update_bumps_data_generation AFTER UPDATE ON accounts
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER accounts_delete_bumps_data_generation AFTER DELETE ON accounts
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER role_grants_insert_bumps_data_generation AFTER INSERT ON role_grants
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_grants_update_bumps_data_generation AFTER UPDATE ON role_grants
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER role_grants_delete_bumps_data_generation AFTER DELETE ON role_grants
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER supervisor_assignments_insert_bumps_data_generation AFTER INSERT ON supervisor_assignments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervisor_assignments_update_bumps_data_generation AFTER UPDATE ON supervisor_assignments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervisor_assignments_delete_bumps_data_generation AFTER DELETE ON supervisor_assignments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER supervisors_insert_bumps_data_generation AFTER INSERT ON supervisors
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervisors_update_bumps_data_generation AFTER UPDATE ON supervisors
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervisors_delete_bumps_data_generation AFTER DELETE ON supervisors
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER supervisor_capacity_insert_bumps_data_generation AFTER INSERT ON supervisor_capacity
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervisor_capacity_update_bumps_data_generation AFTER UPDATE ON supervisor_capacity
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervisor_capacity_delete_bumps_data_generation AFTER DELETE ON supervisor_capacity
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER general_education_plans_insert_bumps_data_generation AFTER INSERT ON general_education_plans
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER general_education_plans_update_bumps_data_generation AFTER UPDATE ON general_education_plans
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER general_education_plans_delete_bumps_data_generation AFTER DELETE ON general_education_plans
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER enterprise_status_changes_insert_bumps_data_generation AFTER INSERT ON enterprise_status_changes
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_status_changes_update_bumps_data_generation AFTER UPDATE ON enterprise_status_changes
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_status_changes_delete_bumps_data_generation AFTER DELETE ON enterprise_status_changes
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER learning_arenas_insert_bumps_data_generation AFTER INSERT ON learning_arenas
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_arenas_update_bumps_data_generation AFTER UPDATE ON learning_arenas
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_arenas_delete_bumps_data_generation AFTER DELETE ON learning_arenas
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER plan_responsibilities_insert_bumps_data_generation AFTER INSERT ON plan_responsibilities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_responsibilities_update_bumps_data_generation AFTER UPDATE ON plan_responsibilities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_responsibilities_delete_bumps_data_generation AFTER DELETE ON plan_responsibilities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER education_plan_revisions_insert_bumps_data_generation AFTER INSERT ON education_plan_revisions
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER education_plan_revisions_update_bumps_data_generation AFTER UPDATE ON education_plan_revisions
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER education_plan_revisions_delete_bumps_data_generation AFTER DELETE ON education_plan_revisions
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;

CREATE TRIGGER education_plan_periods_insert_bumps_data_generation AFTER INSERT ON education_plan_periods
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER education_plan_periods_update_bumps_data_generation AFTER UPDATE ON education_plan_periods
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER education_plan_periods_delete_bumps_data_generation AFTER DELETE ON education_plan_periods
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
