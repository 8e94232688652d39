-- Corrections of a training record (employments, service periods, leaves). The live row is
-- updated in place or deleted, and the version it had before is kept here for good, with who
-- corrected it, when and why: rows are never updated or deleted (the triggers abort it), so the
-- person's page can show every earlier version, and a removed record keeps its last version.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (record_corrections.id); foreign keys bigint;
--        record_id bigint (not a reference, as in SQLite).
--   instants: timestamptz (record_corrections.corrected_at).
--   before, after: text, not json or jsonb: they are shown as written, and jsonb would reorder
--        the keys.

CREATE TABLE record_corrections (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    bigint NOT NULL REFERENCES people (id),
    kind         text NOT NULL CHECK (kind IN ('employment', 'service_period', 'leave')),
    record_id    bigint NOT NULL,       -- Not a reference: a removed record's row is gone.
    action       text NOT NULL CHECK (action IN ('changed', 'removed')),
    before       text NOT NULL,         -- JSON of the version before the correction.
    after        text,                  -- JSON of the corrected version; NULL when removed.
    reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    corrected_at timestamptz NOT NULL,  -- The audit event's instant.
    corrected_by text NOT NULL CHECK (length(corrected_by) > 0),  -- Name and e-mail.
    CHECK ((action = 'changed') = (after IS NOT NULL))
);
CREATE INDEX record_corrections_by_person ON record_corrections (person_id, id);

-- refuse_append_only_change() is migration 0003's.
CREATE TRIGGER record_corrections_no_update_or_delete BEFORE UPDATE OR DELETE ON record_corrections
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER record_corrections_no_truncate BEFORE TRUNCATE ON record_corrections
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER record_corrections_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON record_corrections
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
