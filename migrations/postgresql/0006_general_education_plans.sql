-- The municipality's general education plan ("generell utdanningsplan"), published without login:
-- its history of education-enterprise status, its learning arenas and who is responsible for what.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (enterprise_status_changes.id, learning_arenas.id,
--        plan_responsibilities.id). general_education_plans keeps its municipality as the key.
--   dates: date (enterprise_status_changes.valid_from, valid_until, applied_on).
--   instants: timestamptz (general_education_plans.changed_at,
--        enterprise_status_changes.changed_at).

-- One row per municipality that has written anything to its plan: when it last changed, by whom.
CREATE TABLE general_education_plans (
    municipality_number text PRIMARY KEY REFERENCES municipalities (number),
    changed_at          timestamptz NOT NULL,
    changed_by          text NOT NULL
);

-- Every recorded change of education-enterprise status, newest last. The latest row's status is
-- also kept in municipalities.enterprise_status (the store writes both in one transaction).
CREATE TABLE enterprise_status_changes (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_number text NOT NULL REFERENCES municipalities (number),
    status              text NOT NULL CHECK (status IN
                            ('registered', 'temporarily_registered', 'not_registered')),
    valid_from          date NOT NULL,
    valid_until         date,
    applied_on          date,
    changed_at          timestamptz NOT NULL,
    changed_by          text NOT NULL,
    CHECK (valid_until IS NULL OR valid_until >= valid_from),
    CHECK ((status = 'temporarily_registered') = (valid_until IS NOT NULL))
);
CREATE INDEX enterprise_status_changes_by_municipality
    ON enterprise_status_changes (municipality_number, id);

CREATE TABLE learning_arenas (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_number text NOT NULL REFERENCES municipalities (number),
    kind                text NOT NULL CHECK (kind IN ('gp_office', 'nursing_home',
                            'out_of_hours_service', 'child_health_clinic', 'hospital_by_agreement',
                            'other')),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    offers              text NOT NULL CHECK (length(offers) BETWEEN 1 AND 2000)
);
CREATE INDEX learning_arenas_by_municipality ON learning_arenas (municipality_number);

CREATE TABLE plan_responsibilities (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_number text NOT NULL REFERENCES municipalities (number),
    area                text NOT NULL CHECK (length(area) BETWEEN 1 AND 120),
    responsible         text NOT NULL CHECK (length(responsible) BETWEEN 1 AND 120),
    description         text NOT NULL CHECK (length(description) <= 1000)
);
CREATE INDEX plan_responsibilities_by_municipality ON plan_responsibilities (municipality_number);
