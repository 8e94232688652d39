-- The supervisører a doctor invites (issue 13, docs/objectives.md, "Sign-off and approval"): by
-- e-mail address, per doctor. An invited supervisør with an account of that address (role
-- clinical_supervisor) gives advice on the doctor's requested objectives. An invitation is never
-- deleted: the doctor withdraws it (withdrawn_at, set once), and the advice given stays.

CREATE TABLE clinical_supervisor_invitations (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id),  -- The doctor who invites.
    email        TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    invited_at   TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z".
    invited_by   TEXT NOT NULL CHECK (length(invited_by) > 0),  -- Name and e-mail.
    withdrawn_at TEXT
);
-- One open invitation of an address per doctor.
CREATE UNIQUE INDEX clinical_supervisor_invitations_open
    ON clinical_supervisor_invitations (person_id, email) WHERE withdrawn_at IS NULL;
CREATE INDEX clinical_supervisor_invitations_by_email
    ON clinical_supervisor_invitations (email, person_id);

CREATE TRIGGER clinical_supervisor_invitations_no_delete BEFORE DELETE ON clinical_supervisor_invitations
BEGIN SELECT RAISE(ABORT, 'clinical_supervisor_invitations is append-only: an invitation is withdrawn'); END;
CREATE TRIGGER clinical_supervisor_invitations_withdraw_once BEFORE UPDATE ON clinical_supervisor_invitations
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.person_id <> OLD.person_id
    OR NEW.email <> OLD.email OR NEW.name <> OLD.name OR NEW.invited_at <> OLD.invited_at
    OR NEW.invited_by <> OLD.invited_by
BEGIN SELECT RAISE(ABORT, 'an invitation is only withdrawn, once'); END;

CREATE TRIGGER clinical_supervisor_invitations_insert_bumps_data_generation AFTER INSERT ON clinical_supervisor_invitations
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER clinical_supervisor_invitations_update_bumps_data_generation AFTER UPDATE ON clinical_supervisor_invitations
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER clinical_supervisor_invitations_delete_bumps_data_generation AFTER DELETE ON clinical_supervisor_invitations
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
