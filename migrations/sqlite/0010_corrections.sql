-- Corrections of a training record (employments, service periods, leaves). The live row is
-- updated in place or deleted, and the version it had before is kept here for good, with who
-- corrected it, when and why: rows are never updated or deleted (the triggers abort it), so the
-- person's page can show every earlier version, and a removed record keeps its last version.

CREATE TABLE record_corrections (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    kind         TEXT NOT NULL CHECK (kind IN ('employment', 'service_period', 'leave')),
    record_id    INTEGER NOT NULL,  -- Not a reference: a removed record's row is gone.
    action       TEXT NOT NULL CHECK (action IN ('changed', 'removed')),
    before       TEXT NOT NULL,     -- JSON of the version before the correction.
    after        TEXT,              -- JSON of the corrected version; NULL when removed.
    reason       TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    corrected_at TEXT NOT NULL,     -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    corrected_by TEXT NOT NULL CHECK (length(corrected_by) > 0),  -- Name and e-mail.
    CHECK ((action = 'changed') = (after IS NOT NULL))
);
CREATE INDEX record_corrections_by_person ON record_corrections (person_id, id);

CREATE TRIGGER record_corrections_no_update BEFORE UPDATE ON record_corrections
BEGIN
    SELECT RAISE(ABORT, 'record_corrections is append-only');
END;

CREATE TRIGGER record_corrections_no_delete BEFORE DELETE ON record_corrections
BEGIN
    SELECT RAISE(ABORT, 'record_corrections is append-only');
END;

CREATE TRIGGER record_corrections_insert_bumps_data_generation AFTER INSERT ON record_corrections
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER record_corrections_update_bumps_data_generation AFTER UPDATE ON record_corrections
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER record_corrections_delete_bumps_data_generation AFTER DELETE ON record_corrections
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
