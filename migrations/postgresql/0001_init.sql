-- Municipalities, people and the employment of doctors by municipalities.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (people.id, employments.id, leaves.id); foreign keys
--        bigint. municipalities.number stays the text primary key it is.
--   dates ('YYYY-MM-DD' text in SQLite): date (people.lis1_completed, employments.starts_on,
--        employments.ends_on, leaves.starts_on, leaves.ends_on).
--   small counts and percentages: integer (municipalities.centrality_class, employments.fte).
--   people.training_status has a named CHECK, so that 0008 can replace it.

CREATE TABLE municipalities (
    number            text PRIMARY KEY CHECK (length(number) = 4 AND number ~ '^[0-9]{4}$'),
    name              text NOT NULL,
    county            text NOT NULL,
    centrality_class  integer NOT NULL CHECK (centrality_class BETWEEN 1 AND 6),
    enterprise_status text NOT NULL CHECK (enterprise_status IN
                          ('registered', 'temporarily_registered', 'not_registered')),
    alis_office       text NOT NULL
);

CREATE TABLE people (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name       text NOT NULL CHECK (length(full_name) > 0),
    hpr_number      text UNIQUE,
    training_status text NOT NULL CONSTRAINT people_training_status_check
                        CHECK (training_status IN ('in_training', 'specialist', 'left')),
    lis1_completed  date,
    ruleset         text
);

CREATE TABLE employments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id           bigint NOT NULL REFERENCES people (id),
    municipality_number text NOT NULL REFERENCES municipalities (number),
    starts_on           date NOT NULL,
    ends_on             date,
    fte                 integer NOT NULL CHECK (fte > 0 AND fte <= 100),
    post_type           text NOT NULL CHECK (post_type IN ('gp_list', 'other_general_practice', 'institution')),
    pay_model           text NOT NULL CHECK (pay_model IN ('salaried', 'self_employed')),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX employments_by_municipality ON employments (municipality_number, starts_on);
CREATE INDEX employments_by_person ON employments (person_id, starts_on);

CREATE TABLE leaves (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people (id),
    starts_on date NOT NULL,
    ends_on   date NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('parental', 'sick', 'other')),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX leaves_by_person ON leaves (person_id, starts_on);
