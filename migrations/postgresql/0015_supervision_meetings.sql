-- Individual supervision ("veiledning", issue 14): the meetings of a trainee with their veileder,
-- the addenda written after a meeting was closed, and the supervision norm each municipality
-- counts its trainees' hours against (rules/supervision/norms.toml).
--
-- A meeting is planned (by the veileder or the trainee), may be changed while it is open, and is
-- closed by its veileder: closed_at and closed_by are set once, and from then on the row is
-- frozen (the triggers abort any change and the removal). What is learnt later is an addendum,
-- append-only. The minutes are private to the trainee and the veileder (docs/security.md); the
-- schema cannot keep that, app::decide does.
--
-- The learning objectives a meeting covers are linked by a table of their own once the
-- objectives exist (supervision_meeting_objectives (meeting_id, objective)); not before.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (supervision_meetings.id, supervision_addenda.id);
--        foreign keys bigint.
--   dates: date (held_on). instants: timestamptz (planned_at, closed_at, written_at).
--   SQLite's WHEN OLD.closed_at IS NOT NULL triggers: one row trigger running
--   refuse_closed_meeting_change() below, SQLSTATE 23000 as refuse_append_only_change() (0003).

CREATE TABLE supervision_meetings (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trainee_person_id    bigint NOT NULL REFERENCES people (id),
    supervisor_person_id bigint NOT NULL REFERENCES people (id),
    held_on              date NOT NULL,  -- The day the meeting is (or was) held.
    duration_minutes     integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    topics               text NOT NULL CHECK (length(topics) BETWEEN 1 AND 2000),
    minutes              text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
    planned_at           timestamptz NOT NULL,  -- The audit event's instant.
    planned_by           text NOT NULL CHECK (length(planned_by) > 0),  -- Name and e-mail.
    closed_at            timestamptz,
    closed_by            text CHECK (closed_by IS NULL OR length(closed_by) > 0),
    CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
    CHECK (trainee_person_id <> supervisor_person_id)
);
CREATE INDEX supervision_meetings_by_trainee
    ON supervision_meetings (trainee_person_id, held_on, id);

CREATE FUNCTION refuse_closed_meeting_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.closed_at IS NOT NULL THEN
        RAISE EXCEPTION 'supervision_meetings is append-only once closed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER supervision_meetings_closed_no_change BEFORE UPDATE OR DELETE ON supervision_meetings
    FOR EACH ROW EXECUTE FUNCTION refuse_closed_meeting_change();
CREATE TRIGGER supervision_meetings_no_truncate BEFORE TRUNCATE ON supervision_meetings
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

CREATE TABLE supervision_addenda (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  bigint NOT NULL REFERENCES supervision_meetings (id),
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    written_at  timestamptz NOT NULL,  -- The audit event's instant.
    written_by  text NOT NULL CHECK (length(written_by) > 0)  -- Name and e-mail.
);
CREATE INDEX supervision_addenda_by_meeting ON supervision_addenda (meeting_id, id);

-- refuse_append_only_change() is migration 0003's.
CREATE TRIGGER supervision_addenda_no_update_or_delete BEFORE UPDATE OR DELETE ON supervision_addenda
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER supervision_addenda_no_truncate BEFORE TRUNCATE ON supervision_addenda
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- The norm a municipality has chosen (an id of rules/supervision/norms.toml); without a row the
-- file's default applies.
CREATE TABLE supervision_norms (
    municipality_number text PRIMARY KEY REFERENCES municipalities (number),
    norm                text NOT NULL CHECK (length(norm) BETWEEN 1 AND 100)
);

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER supervision_meetings_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervision_meetings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER supervision_addenda_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervision_addenda
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER supervision_norms_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervision_norms
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
