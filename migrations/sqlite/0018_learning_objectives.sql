-- Learning objectives (issue 13): the catalogues' editions and their objectives, the doctor's
-- learning log (activities and the objectives each supports), the signatures of activities, and
-- the events of an objective (requested, recalled, recommended, approved, rejected, reversed).
--
-- An edition is versioned data: imported once (`alis catalogue import`, or the demo editions of
-- rules/objectives/), never changed; a new text is a new edition. Editions, objectives,
-- signatures and objective events are append-only (the triggers abort any update and delete):
-- a decision is reversed only by a new event with a reason. Activities are the doctor's notes and
-- may be corrected; one that is signed cannot be removed (its signature refers to it).

CREATE TABLE objective_catalogue_editions (
    id             INTEGER PRIMARY KEY,
    catalogue      TEXT NOT NULL CHECK (catalogue IN ('ALM', 'FKM')),
    edition        TEXT NOT NULL CHECK (length(edition) BETWEEN 1 AND 100),
    valid_from     TEXT NOT NULL,
    demo           INTEGER NOT NULL CHECK (demo IN (0, 1)),  -- Paraphrased texts, never official.
    source         TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 1000),
    content_digest TEXT NOT NULL CHECK (length(content_digest) = 16),
    imported_at    TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z".
    imported_by    TEXT NOT NULL CHECK (length(imported_by) > 0),
    UNIQUE (catalogue, edition)
);

CREATE TABLE learning_objectives (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES objective_catalogue_editions (id),
    code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    position    INTEGER NOT NULL CHECK (position >= 0),
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description TEXT NOT NULL CHECK (length(description) <= 8000),
    activities  TEXT NOT NULL CHECK (length(activities) <= 8000),
    signed_by   TEXT NOT NULL CHECK (signed_by IN ('clinical_supervisor', 'supervisor')),
    assessment  TEXT NOT NULL CHECK (length(assessment) <= 8000),
    arenas      TEXT NOT NULL CHECK (length(arenas) <= 500),  -- Arena names, comma-separated.
    UNIQUE (edition_id, code)
);

CREATE TABLE learning_activities (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES people (id),
    kind              TEXT NOT NULL CHECK (kind IN ('clinical_case', 'procedure', 'course',
                          'supervision', 'quality_work', 'teaching', 'other')),
    done_on           TEXT NOT NULL,
    service_period_id INTEGER REFERENCES service_periods (id) ON DELETE SET NULL,
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    reflection        TEXT NOT NULL CHECK (length(reflection) <= 8000),
    recorded_at       TEXT NOT NULL,  -- UTC; the audit event's instant.
    recorded_by       TEXT NOT NULL CHECK (length(recorded_by) > 0)  -- Name and e-mail.
);
CREATE INDEX learning_activities_by_person ON learning_activities (person_id, done_on, id);

CREATE TABLE learning_activity_objectives (
    activity_id  INTEGER NOT NULL REFERENCES learning_activities (id) ON DELETE CASCADE,
    objective_id INTEGER NOT NULL REFERENCES learning_objectives (id),
    PRIMARY KEY (activity_id, objective_id)
);

CREATE TABLE activity_signatures (
    id               INTEGER PRIMARY KEY,
    activity_id      INTEGER NOT NULL REFERENCES learning_activities (id),
    signer_person_id INTEGER REFERENCES people (id),  -- NULL for one who signed by a link.
    signer_label     TEXT NOT NULL CHECK (length(signer_label) > 0),  -- Name and e-mail.
    signed_at        TEXT NOT NULL,
    UNIQUE (activity_id)
);

CREATE TABLE objective_events (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES people (id),
    objective_id        INTEGER NOT NULL REFERENCES learning_objectives (id),
    kind                TEXT NOT NULL CHECK (kind IN ('requested', 'recalled', 'recommended',
                            'advised_against', 'approved', 'rejected', 'reversed')),
    actor_role          TEXT NOT NULL CHECK (actor_role IN ('trainee', 'supervisor',
                            'clinical_supervisor', 'leader')),
    actor_person_id     INTEGER REFERENCES people (id),
    actor_label         TEXT NOT NULL CHECK (length(actor_label) > 0),  -- Name and e-mail.
    municipality_number TEXT REFERENCES municipalities (number),  -- A leader's, when deciding.
    at                  TEXT NOT NULL,  -- UTC; the audit event's instant.
    reason              TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    CHECK (kind NOT IN ('rejected', 'reversed') OR length(reason) > 0),
    CHECK (actor_person_id IS NULL OR actor_person_id <> person_id OR actor_role = 'trainee')
);
CREATE INDEX objective_events_by_person ON objective_events (person_id, objective_id, id);
CREATE INDEX objective_events_by_kind ON objective_events (kind, id);

CREATE TRIGGER objective_catalogue_editions_no_update BEFORE UPDATE ON objective_catalogue_editions
BEGIN SELECT RAISE(ABORT, 'objective_catalogue_editions is append-only'); END;
CREATE TRIGGER objective_catalogue_editions_no_delete BEFORE DELETE ON objective_catalogue_editions
BEGIN SELECT RAISE(ABORT, 'objective_catalogue_editions is append-only'); END;
CREATE TRIGGER learning_objectives_no_update BEFORE UPDATE ON learning_objectives
BEGIN SELECT RAISE(ABORT, 'learning_objectives is append-only'); END;
CREATE TRIGGER learning_objectives_no_delete BEFORE DELETE ON learning_objectives
BEGIN SELECT RAISE(ABORT, 'learning_objectives is append-only'); END;
CREATE TRIGGER activity_signatures_no_update BEFORE UPDATE ON activity_signatures
BEGIN SELECT RAISE(ABORT, 'activity_signatures is append-only'); END;
CREATE TRIGGER activity_signatures_no_delete BEFORE DELETE ON activity_signatures
BEGIN SELECT RAISE(ABORT, 'activity_signatures is append-only'); END;
CREATE TRIGGER objective_events_no_update BEFORE UPDATE ON objective_events
BEGIN SELECT RAISE(ABORT, 'objective_events is append-only'); END;
CREATE TRIGGER objective_events_no_delete BEFORE DELETE ON objective_events
BEGIN SELECT RAISE(ABORT, 'objective_events is append-only'); END;

CREATE TRIGGER objective_catalogue_editions_insert_bumps_data_generation AFTER INSERT ON objective_catalogue_editions
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER objective_catalogue_editions_update_bumps_data_generation AFTER UPDATE ON objective_catalogue_editions
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER objective_catalogue_editions_delete_bumps_data_generation AFTER DELETE ON objective_catalogue_editions
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_objectives_insert_bumps_data_generation AFTER INSERT ON learning_objectives
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_objectives_update_bumps_data_generation AFTER UPDATE ON learning_objectives
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_objectives_delete_bumps_data_generation AFTER DELETE ON learning_objectives
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_activities_insert_bumps_data_generation AFTER INSERT ON learning_activities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_activities_update_bumps_data_generation AFTER UPDATE ON learning_activities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_activities_delete_bumps_data_generation AFTER DELETE ON learning_activities
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_activity_objectives_insert_bumps_data_generation AFTER INSERT ON learning_activity_objectives
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_activity_objectives_update_bumps_data_generation AFTER UPDATE ON learning_activity_objectives
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER learning_activity_objectives_delete_bumps_data_generation AFTER DELETE ON learning_activity_objectives
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER activity_signatures_insert_bumps_data_generation AFTER INSERT ON activity_signatures
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER activity_signatures_update_bumps_data_generation AFTER UPDATE ON activity_signatures
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER activity_signatures_delete_bumps_data_generation AFTER DELETE ON activity_signatures
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER objective_events_insert_bumps_data_generation AFTER INSERT ON objective_events
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER objective_events_update_bumps_data_generation AFTER UPDATE ON objective_events
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER objective_events_delete_bumps_data_generation AFTER DELETE ON objective_events
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
