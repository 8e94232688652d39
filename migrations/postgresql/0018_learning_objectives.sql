-- Learning objectives (issue 13): the catalogues' editions and their objectives, the doctor's
-- learning log (activities and the objectives each supports), the signatures of activities, and
-- the events of an objective (requested, recalled, recommended, approved, rejected, reversed).
--
-- An edition is versioned data: imported once (`alis catalogue import`, or the demo editions of
-- rules/objectives/), never changed; a new text is a new edition. Editions, objectives,
-- signatures and objective events are append-only (the triggers abort any update and delete):
-- a decision is reversed only by a new event with a reason. Activities are the doctor's notes and
-- may be corrected; one that is signed cannot be removed (its signature refers to it).

--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY; foreign keys bigint.
--   dates: date (valid_from, done_on). instants: timestamptz (imported_at, recorded_at,
--   signed_at, at). demo: boolean. position: integer.
--   Append-only: refuse_append_only_change() (0003) on update, delete and truncate.

CREATE TABLE objective_catalogue_editions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    catalogue      text NOT NULL CHECK (catalogue IN ('ALM', 'FKM')),
    edition        text NOT NULL CHECK (length(edition) BETWEEN 1 AND 100),
    valid_from     date NOT NULL,
    demo           boolean NOT NULL,  -- Paraphrased texts, never official.
    source         text NOT NULL CHECK (length(source) BETWEEN 1 AND 1000),
    content_digest text NOT NULL CHECK (length(content_digest) = 16),
    imported_at    timestamptz NOT NULL,
    imported_by    text NOT NULL CHECK (length(imported_by) > 0),
    UNIQUE (catalogue, edition)
);

CREATE TABLE learning_objectives (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id  bigint NOT NULL REFERENCES objective_catalogue_editions (id),
    code        text NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    position    integer NOT NULL CHECK (position >= 0),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description text NOT NULL CHECK (length(description) <= 8000),
    activities  text NOT NULL CHECK (length(activities) <= 8000),
    signed_by   text NOT NULL CHECK (signed_by IN ('clinical_supervisor', 'supervisor')),
    assessment  text NOT NULL CHECK (length(assessment) <= 8000),
    arenas      text NOT NULL CHECK (length(arenas) <= 500),  -- Arena names, comma-separated.
    UNIQUE (edition_id, code)
);

CREATE TABLE learning_activities (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id         bigint NOT NULL REFERENCES people (id),
    kind              text NOT NULL CHECK (kind IN ('clinical_case', 'procedure', 'course',
                          'supervision', 'quality_work', 'teaching', 'other')),
    done_on           date NOT NULL,
    service_period_id bigint REFERENCES service_periods (id) ON DELETE SET NULL,
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    reflection        text NOT NULL CHECK (length(reflection) <= 8000),
    recorded_at       timestamptz NOT NULL,  -- The audit event's instant.
    recorded_by       text NOT NULL CHECK (length(recorded_by) > 0)  -- Name and e-mail.
);
CREATE INDEX learning_activities_by_person ON learning_activities (person_id, done_on, id);

CREATE TABLE learning_activity_objectives (
    activity_id  bigint NOT NULL REFERENCES learning_activities (id) ON DELETE CASCADE,
    objective_id bigint NOT NULL REFERENCES learning_objectives (id),
    PRIMARY KEY (activity_id, objective_id)
);

CREATE TABLE activity_signatures (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id      bigint NOT NULL REFERENCES learning_activities (id),
    signer_person_id bigint REFERENCES people (id),  -- NULL for one who signed by a link.
    signer_label     text NOT NULL CHECK (length(signer_label) > 0),  -- Name and e-mail.
    signed_at        timestamptz NOT NULL,
    UNIQUE (activity_id)
);

CREATE TABLE objective_events (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id           bigint NOT NULL REFERENCES people (id),
    objective_id        bigint NOT NULL REFERENCES learning_objectives (id),
    kind                text NOT NULL CHECK (kind IN ('requested', 'recalled', 'recommended',
                            'advised_against', 'approved', 'rejected', 'reversed')),
    actor_role          text NOT NULL CHECK (actor_role IN ('trainee', 'supervisor',
                            'clinical_supervisor', 'leader')),
    actor_person_id     bigint REFERENCES people (id),
    actor_label         text NOT NULL CHECK (length(actor_label) > 0),  -- Name and e-mail.
    municipality_number text REFERENCES municipalities (number),  -- A leader's, when deciding.
    at                  timestamptz NOT NULL,  -- The audit event's instant.
    reason              text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    CHECK (kind NOT IN ('rejected', 'reversed') OR length(reason) > 0),
    CHECK (actor_person_id IS NULL OR actor_person_id <> person_id OR actor_role = 'trainee')
);
CREATE INDEX objective_events_by_person ON objective_events (person_id, objective_id, id);
CREATE INDEX objective_events_by_kind ON objective_events (kind, id);

-- refuse_append_only_change() is migration 0003's, bump_data_generation() 0009's.
CREATE TRIGGER objective_catalogue_editions_no_update_or_delete BEFORE UPDATE OR DELETE ON objective_catalogue_editions
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER objective_catalogue_editions_no_truncate BEFORE TRUNCATE ON objective_catalogue_editions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER learning_objectives_no_update_or_delete BEFORE UPDATE OR DELETE ON learning_objectives
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER learning_objectives_no_truncate BEFORE TRUNCATE ON learning_objectives
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER activity_signatures_no_update_or_delete BEFORE UPDATE OR DELETE ON activity_signatures
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER activity_signatures_no_truncate BEFORE TRUNCATE ON activity_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER objective_events_no_update_or_delete BEFORE UPDATE OR DELETE ON objective_events
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER objective_events_no_truncate BEFORE TRUNCATE ON objective_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER objective_catalogue_editions_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON objective_catalogue_editions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER learning_objectives_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON learning_objectives
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER learning_activities_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON learning_activities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER learning_activity_objectives_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON learning_activity_objectives
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER activity_signatures_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER objective_events_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON objective_events
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
