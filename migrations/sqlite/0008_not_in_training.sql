-- A training status for a GP who is neither in the specialist training nor a specialist
-- ('not_in_training'), such as an experienced GP the municipality approved as supervisor; until
-- now those were registered as 'left', and their page said "Sluttet".
--
-- How the CHECK constraint of people.training_status is changed (docs/decisions.md):
-- SQLite's ALTER TABLE cannot change a CHECK constraint. Its general procedure (the "12 steps":
-- create a new table, copy the rows, drop the old table, rename the new one) must run with
-- foreign keys OFF, and PRAGMA foreign_keys cannot be changed inside a transaction: it is
-- silently ignored there. Every migration runs in a transaction with foreign keys ON, and
-- employments, leaves, accounts, supervisor_assignments, service_periods, supervisors and
-- education_plan_revisions reference people (id); DROP TABLE people would first delete its
-- rows and fail on those references (with defer_foreign_keys, fail at COMMIT).
-- So this uses the simpler procedure SQLite documents for CHECK constraint changes: edit the
-- table's CREATE TABLE text in sqlite_schema (PRAGMA writable_schema), inside the migration's
-- transaction. No row is copied or deleted and the foreign keys are not touched. It is safe
-- here because the new constraint only allows one more value: every row that satisfied the old
-- constraint satisfies the new one. It needs SQLITE_DBCONFIG_DEFENSIVE off, SQLite's default,
-- which alis does not change.

PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''specialist'', ''left''))',
                          '''specialist'', ''left'', ''not_in_training''))')
 WHERE type = 'table' AND name = 'people';
-- Turns the editing off and makes this connection read the schema again, so the rest of this
-- migration already sees the new constraint.
PRAGMA writable_schema = RESET;

-- Checks the steps; a failed check aborts the migration, and its transaction keeps nothing.
-- The table must be created right here: a CREATE TABLE after the edit makes SQLite read the
-- schema again should the transaction roll back, so no connection keeps the edited text then.
-- Creating and dropping it also increments the schema version, as the procedure asks, so that
-- every other connection to the database reads the new schema.
CREATE TABLE migration_0008_checks (
    people_schema_edited INTEGER CHECK (people_schema_edited = 1),
    people_integrity_ok  INTEGER CHECK (people_integrity_ok = 1)
);
INSERT INTO migration_0008_checks (people_schema_edited)
SELECT count(*) FROM sqlite_schema
 WHERE type = 'table' AND name = 'people'
   AND instr(sql, '''specialist'', ''left'', ''not_in_training''))') > 0;

-- Moves the approved experienced supervisors recorded as 'left' to the new status, but only
-- those with no trace of a training path of their own: a person with service periods,
-- employments, a supervisor of their own or an education plan may really have left the
-- training, and stays as recorded.
UPDATE people
   SET training_status = 'not_in_training'
 WHERE training_status = 'left'
   AND id IN (SELECT person_id FROM supervisors WHERE qualification = 'approved_experienced')
   AND id NOT IN (SELECT person_id FROM service_periods)
   AND id NOT IN (SELECT person_id FROM employments)
   AND id NOT IN (SELECT trainee_person_id FROM supervisor_assignments)
   AND id NOT IN (SELECT person_id FROM education_plan_revisions);

INSERT INTO migration_0008_checks (people_integrity_ok)
SELECT group_concat(integrity_check) = 'ok' FROM pragma_integrity_check('people');
DROP TABLE migration_0008_checks;
