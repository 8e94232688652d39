-- Signed training records imported from another installation (issue 13, docs/objectives.md
-- "Signed training record"): a leader of a municipality that employs the doctor imports the
-- record the doctor brought; alis keeps the file exactly as received (the signature covers its
-- canonical form, which alis reads back from it), its SHA-256 (hex), the issuing installation's
-- public key, who imported it and when. An import is never changed or removed: append-only.

CREATE TABLE imported_training_records (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES people (id),
    record_json       TEXT NOT NULL CHECK (length(record_json) BETWEEN 1 AND 1000000),
    sha256            TEXT NOT NULL CHECK (length(sha256) = 64),
    signer_public_key TEXT NOT NULL CHECK (length(signer_public_key) = 64),
    imported_by       TEXT NOT NULL CHECK (length(imported_by) > 0),  -- Name and e-mail.
    imported_at       TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    UNIQUE (person_id, sha256)
);

CREATE TRIGGER imported_training_records_no_update BEFORE UPDATE ON imported_training_records
BEGIN SELECT RAISE(ABORT, 'imported_training_records is append-only'); END;
CREATE TRIGGER imported_training_records_no_delete BEFORE DELETE ON imported_training_records
BEGIN SELECT RAISE(ABORT, 'imported_training_records is append-only'); END;

CREATE TRIGGER imported_training_records_insert_bumps_data_generation
AFTER INSERT ON imported_training_records
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER imported_training_records_update_bumps_data_generation
AFTER UPDATE ON imported_training_records
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER imported_training_records_delete_bumps_data_generation
AFTER DELETE ON imported_training_records
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
