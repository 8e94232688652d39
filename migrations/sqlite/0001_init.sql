-- Municipalities, people and the employment of doctors by municipalities.

CREATE TABLE municipalities (
    number            TEXT PRIMARY KEY CHECK (length(number) = 4 AND number GLOB '[0-9][0-9][0-9][0-9]'),
    name              TEXT NOT NULL,
    county            TEXT NOT NULL,
    centrality_class  INTEGER NOT NULL CHECK (centrality_class BETWEEN 1 AND 6),
    enterprise_status TEXT NOT NULL CHECK (enterprise_status IN
                          ('registered', 'temporarily_registered', 'not_registered')),
    alis_office       TEXT NOT NULL
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    full_name       TEXT NOT NULL CHECK (length(full_name) > 0),
    hpr_number      TEXT UNIQUE,
    training_status TEXT NOT NULL CHECK (training_status IN ('in_training', 'specialist', 'left')),
    lis1_completed  TEXT,
    ruleset         TEXT
);

CREATE TABLE employments (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES people (id),
    municipality_number TEXT NOT NULL REFERENCES municipalities (number),
    starts_on           TEXT NOT NULL,
    ends_on             TEXT,
    fte                 INTEGER NOT NULL CHECK (fte > 0 AND fte <= 100),
    post_type           TEXT NOT NULL CHECK (post_type IN ('gp_list', 'other_general_practice', 'institution')),
    pay_model           TEXT NOT NULL CHECK (pay_model IN ('salaried', 'self_employed')),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX employments_by_municipality ON employments (municipality_number, starts_on);
CREATE INDEX employments_by_person ON employments (person_id, starts_on);

CREATE TABLE leaves (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    starts_on TEXT NOT NULL,
    ends_on   TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('parental', 'sick', 'other')),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX leaves_by_person ON leaves (person_id, starts_on);
