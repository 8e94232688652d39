-- The append-only, hash-chained audit trail. Each row stores the hash of the row before it;
-- `hash` is SHA-256 over the canonical encoding of this row and `prev_hash`
-- (src/store/audit_chain.cpp). Rows are never updated or deleted: the triggers abort it.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   audit_events.id: bigint PRIMARY KEY without IDENTITY, because alis assigns it (the id is part
--        of the hashed content) and inserts it; actor_account_id, subject_person_id: bigint
--        (not references, as in SQLite).
--   instants (ISO text in SQLite): timestamptz (audit_events.at). alis writes whole seconds in
--        UTC; the hash is computed over the text Row::instant makes of it again, which is the
--        text written only when the session's TimeZone is UTC.

CREATE TABLE audit_events (
    id                bigint PRIMARY KEY,
    at                timestamptz NOT NULL,
    actor_account_id  bigint,
    actor_label       text NOT NULL,
    action            text NOT NULL,
    subject_person_id bigint,
    target            text NOT NULL,
    outcome           text NOT NULL,
    address           text NOT NULL,
    prev_hash         text NOT NULL,
    hash              text NOT NULL
);
CREATE INDEX audit_events_by_subject ON audit_events (subject_person_id, id);

-- Aborts any change to a row of an append-only table, with SQLite's message. Its SQLSTATE is in
-- class 23 (integrity constraint violation), as SQLite reports RAISE(ABORT) as a constraint
-- failure. TRUNCATE, which SQLite does not have and which fires no row trigger, is refused too.
CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
