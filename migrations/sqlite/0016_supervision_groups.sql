-- Supervision groups ("veiledningsgruppe", issue 14): a municipality's groups with their group
-- supervisor, the doctors who take part (from a day, until a day), the group's meetings with
-- their hours and who attended each. What each ruleset requires of the group is data
-- (rules/supervision/groups.toml); domain::group_progress counts it against the service periods.

CREATE TABLE supervision_groups (
    id                         INTEGER PRIMARY KEY,
    municipality_number        TEXT NOT NULL REFERENCES municipalities (number),
    name                       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    group_supervisor_person_id INTEGER NOT NULL REFERENCES people (id),
    starts_on                  TEXT NOT NULL
);
CREATE INDEX supervision_groups_by_municipality ON supervision_groups (municipality_number, id);

CREATE TABLE supervision_group_members (
    id        INTEGER PRIMARY KEY,
    group_id  INTEGER NOT NULL REFERENCES supervision_groups (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    joined_on TEXT NOT NULL,
    left_on   TEXT CHECK (left_on IS NULL OR left_on >= joined_on),
    UNIQUE (group_id, person_id, joined_on)
);
CREATE INDEX supervision_group_members_by_person ON supervision_group_members (person_id, group_id);

CREATE TABLE supervision_group_meetings (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES supervision_groups (id),
    held_on          TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    topic            TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 2000)
);
CREATE INDEX supervision_group_meetings_by_group ON supervision_group_meetings (group_id, held_on);

-- Who attended a meeting: one row per member present.
CREATE TABLE supervision_group_attendance (
    meeting_id INTEGER NOT NULL REFERENCES supervision_group_meetings (id),
    person_id  INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX supervision_group_attendance_by_person ON supervision_group_attendance (person_id);

CREATE TRIGGER supervision_groups_insert_bumps_data_generation AFTER INSERT ON supervision_groups
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_groups_update_bumps_data_generation AFTER UPDATE ON supervision_groups
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_groups_delete_bumps_data_generation AFTER DELETE ON supervision_groups
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_members_insert_bumps_data_generation
AFTER INSERT ON supervision_group_members
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_members_update_bumps_data_generation
AFTER UPDATE ON supervision_group_members
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_members_delete_bumps_data_generation
AFTER DELETE ON supervision_group_members
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_meetings_insert_bumps_data_generation
AFTER INSERT ON supervision_group_meetings
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_meetings_update_bumps_data_generation
AFTER UPDATE ON supervision_group_meetings
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_meetings_delete_bumps_data_generation
AFTER DELETE ON supervision_group_meetings
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_attendance_insert_bumps_data_generation
AFTER INSERT ON supervision_group_attendance
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_attendance_update_bumps_data_generation
AFTER UPDATE ON supervision_group_attendance
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER supervision_group_attendance_delete_bumps_data_generation
AFTER DELETE ON supervision_group_attendance
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
