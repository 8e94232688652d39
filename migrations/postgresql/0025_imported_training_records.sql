-- Signed training records imported from another installation (issue 13, docs/objectives.md
-- "Signed training record"): a leader of a municipality that employs the doctor imports the
-- record the doctor brought; alis keeps the file exactly as received (the signature covers its
-- canonical form, which alis reads back from it), its SHA-256 (hex), the issuing installation's
-- public key, who imported it and when. An import is never changed or removed: append-only.
--
-- PostgreSQL types for SQLite's (migrations/README.md): id bigint identity, person_id bigint,
-- imported_at timestamptz; the append-only triggers of 0003's refuse_append_only_change() and the
-- statement-level bump_data_generation() of 0009.

CREATE TABLE imported_training_records (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id         bigint NOT NULL REFERENCES people (id),
    record_json       text NOT NULL CHECK (length(record_json) BETWEEN 1 AND 1000000),
    sha256            text NOT NULL CHECK (length(sha256) = 64),
    signer_public_key text NOT NULL CHECK (length(signer_public_key) = 64),
    imported_by       text NOT NULL CHECK (length(imported_by) > 0),  -- Name and e-mail.
    imported_at       timestamptz NOT NULL,  -- The audit event's instant.
    UNIQUE (person_id, sha256)
);

CREATE TRIGGER imported_training_records_no_update_or_delete BEFORE UPDATE OR DELETE
    ON imported_training_records FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER imported_training_records_no_truncate BEFORE TRUNCATE ON imported_training_records
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

CREATE TRIGGER imported_training_records_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imported_training_records
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
