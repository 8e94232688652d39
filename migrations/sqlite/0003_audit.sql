-- The append-only, hash-chained audit trail. Each row stores the hash of the row before it;
-- `hash` is SHA-256 over the canonical encoding of this row and `prev_hash`
-- (src/store/audit_chain.cpp). Rows are never updated or deleted: the triggers abort it.

CREATE TABLE audit_events (
    id                INTEGER PRIMARY KEY,
    at                TEXT NOT NULL,
    actor_account_id  INTEGER,
    actor_label       TEXT NOT NULL,
    action            TEXT NOT NULL,
    subject_person_id INTEGER,
    target            TEXT NOT NULL,
    outcome           TEXT NOT NULL,
    address           TEXT NOT NULL,
    prev_hash         TEXT NOT NULL,
    hash              TEXT NOT NULL
);
CREATE INDEX audit_events_by_subject ON audit_events (subject_person_id, id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
