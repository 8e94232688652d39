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

CREATE TABLE supervision_meetings (
    id                   INTEGER PRIMARY KEY,
    trainee_person_id    INTEGER NOT NULL REFERENCES people (id),
    supervisor_person_id INTEGER NOT NULL REFERENCES people (id),
    held_on              TEXT NOT NULL,  -- The day the meeting is (or was) held.
    duration_minutes     INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    topics               TEXT NOT NULL CHECK (length(topics) BETWEEN 1 AND 2000),
    minutes              TEXT NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
    planned_at           TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    planned_by           TEXT NOT NULL CHECK (length(planned_by) > 0),  -- Name and e-mail.
    closed_at            TEXT,
    closed_by            TEXT CHECK (closed_by IS NULL OR length(closed_by) > 0),
    CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
    CHECK (trainee_person_id <> supervisor_person_id)
);
CREATE INDEX supervision_meetings_by_trainee
    ON supervision_meetings (trainee_person_id, held_on, id);

CREATE TRIGGER supervision_meetings_closed_no_update BEFORE UPDATE ON supervision_meetings
WHEN OLD.closed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'supervision_meetings is append-only once closed');
END;

CREATE TRIGGER supervision_meetings_closed_no_delete BEFORE DELETE ON supervision_meetings
WHEN OLD.closed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'supervision_meetings is append-only once closed');
END;

CREATE TABLE supervision_addenda (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES supervision_meetings (id),
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    written_at  TEXT NOT NULL,  -- UTC; the audit event's instant.
    written_by  TEXT NOT NULL CHECK (length(written_by) > 0)  -- Name and e-mail.
);
CREATE INDEX supervision_addenda_by_meeting ON supervision_addenda (meeting_id, id);

CREATE TRIGGER supervision_addenda_no_update BEFORE UPDATE ON supervision_addenda
BEGIN
    SELECT RAISE(ABORT, 'supervision_addenda is append-only');
END;

CREATE TRIGGER supervision_addenda_no_delete BEFORE DELETE ON supervision_addenda
BEGIN
    SELECT RAISE(ABORT, 'supervision_addenda is append-only');
END;

-- The norm a municipality has chosen (an id of rules/supervision/norms.toml); without a row the
-- file's default applies.
CREATE TABLE supervision_norms (
    municipality_number TEXT PRIMARY KEY REFERENCES municipalities (number),
    norm                TEXT NOT NULL CHECK (length(norm) BETWEEN 1 AND 100)
);

CREATE TRIGGER supervision_meetings_insert_bumps_data_generation AFTER INSERT ON supervision_meetings
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_meetings_update_bumps_data_generation AFTER UPDATE ON supervision_meetings
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_meetings_delete_bumps_data_generation AFTER DELETE ON supervision_meetings
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_addenda_insert_bumps_data_generation AFTER INSERT ON supervision_addenda
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_addenda_update_bumps_data_generation AFTER UPDATE ON supervision_addenda
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_addenda_delete_bumps_data_generation AFTER DELETE ON supervision_addenda
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_norms_insert_bumps_data_generation AFTER INSERT ON supervision_norms
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_norms_update_bumps_data_generation AFTER UPDATE ON supervision_norms
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_norms_delete_bumps_data_generation AFTER DELETE ON supervision_norms
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
