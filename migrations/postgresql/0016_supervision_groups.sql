-- Supervision groups ("veiledningsgruppe", issue 14): a municipality's groups with their group
-- supervisor, the doctors who take part (from a day, until a day), the group's meetings with
-- their hours and who attended each. What each ruleset requires of the group is data
-- (rules/supervision/groups.toml); domain::group_progress counts it against the service periods.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (groups, members, meetings); foreign keys bigint;
--        supervision_group_attendance has no id (its key is the meeting and the person).
--   dates: date (starts_on, joined_on, left_on, held_on).

CREATE TABLE supervision_groups (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_number        text NOT NULL REFERENCES municipalities (number),
    name                       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    group_supervisor_person_id bigint NOT NULL REFERENCES people (id),
    starts_on                  date NOT NULL
);
CREATE INDEX supervision_groups_by_municipality ON supervision_groups (municipality_number, id);

CREATE TABLE supervision_group_members (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id  bigint NOT NULL REFERENCES supervision_groups (id),
    person_id bigint NOT NULL REFERENCES people (id),
    joined_on date NOT NULL,
    left_on   date CHECK (left_on IS NULL OR left_on >= joined_on),
    UNIQUE (group_id, person_id, joined_on)
);
CREATE INDEX supervision_group_members_by_person ON supervision_group_members (person_id, group_id);

CREATE TABLE supervision_group_meetings (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id         bigint NOT NULL REFERENCES supervision_groups (id),
    held_on          date NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    topic            text NOT NULL CHECK (length(topic) BETWEEN 1 AND 2000)
);
CREATE INDEX supervision_group_meetings_by_group ON supervision_group_meetings (group_id, held_on);

-- Who attended a meeting: one row per member present.
CREATE TABLE supervision_group_attendance (
    meeting_id bigint NOT NULL REFERENCES supervision_group_meetings (id),
    person_id  bigint NOT NULL REFERENCES people (id),
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX supervision_group_attendance_by_person ON supervision_group_attendance (person_id);

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER supervision_groups_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervision_groups
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER supervision_group_members_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervision_group_members
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER supervision_group_meetings_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervision_group_meetings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER supervision_group_attendance_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supervision_group_attendance
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
