-- The supervisører a doctor invites (issue 13, docs/objectives.md, "Sign-off and approval"): by
-- e-mail address, per doctor. An invited supervisør with an account of that address (role
-- clinical_supervisor) gives advice on the doctor's requested objectives. An invitation is never
-- deleted: the doctor withdraws it (withdrawn_at, set once), and the advice given stays.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   id: bigint GENERATED ALWAYS AS IDENTITY; person_id bigint. instants: timestamptz.
--   SQLite's withdraw-once trigger: refuse_invitation_change() below, SQLSTATE 23000 as
--   refuse_append_only_change() (0003).

CREATE TABLE clinical_supervisor_invitations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    bigint NOT NULL REFERENCES people (id),  -- The doctor who invites.
    email        text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    invited_at   timestamptz NOT NULL,
    invited_by   text NOT NULL CHECK (length(invited_by) > 0),  -- Name and e-mail.
    withdrawn_at timestamptz
);
-- One open invitation of an address per doctor.
CREATE UNIQUE INDEX clinical_supervisor_invitations_open
    ON clinical_supervisor_invitations (person_id, email) WHERE withdrawn_at IS NULL;
CREATE INDEX clinical_supervisor_invitations_by_email
    ON clinical_supervisor_invitations (email, person_id);

CREATE FUNCTION refuse_invitation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.withdrawn_at IS NOT NULL OR NEW.id <> OLD.id
        OR NEW.person_id <> OLD.person_id OR NEW.email <> OLD.email OR NEW.name <> OLD.name
        OR NEW.invited_at <> OLD.invited_at OR NEW.invited_by <> OLD.invited_by THEN
        RAISE EXCEPTION 'an invitation is only withdrawn, once'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER clinical_supervisor_invitations_withdraw_once
    BEFORE UPDATE OR DELETE ON clinical_supervisor_invitations
    FOR EACH ROW EXECUTE FUNCTION refuse_invitation_change();
CREATE TRIGGER clinical_supervisor_invitations_no_truncate
    BEFORE TRUNCATE ON clinical_supervisor_invitations
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER clinical_supervisor_invitations_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clinical_supervisor_invitations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
