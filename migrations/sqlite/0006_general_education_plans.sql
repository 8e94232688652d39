-- The municipality's general education plan ("generell utdanningsplan"), published without login:
-- its history of education-enterprise status, its learning arenas and who is responsible for what.

-- One row per municipality that has written anything to its plan: when it last changed, by whom.
CREATE TABLE general_education_plans (
    municipality_number TEXT PRIMARY KEY REFERENCES municipalities (number),
    changed_at          TEXT NOT NULL,
    changed_by          TEXT NOT NULL
);

-- Every recorded change of education-enterprise status, newest last. The latest row's status is
-- also kept in municipalities.enterprise_status (the store writes both in one transaction).
CREATE TABLE enterprise_status_changes (
    id                  INTEGER PRIMARY KEY,
    municipality_number TEXT NOT NULL REFERENCES municipalities (number),
    status              TEXT NOT NULL CHECK (status IN
                            ('registered', 'temporarily_registered', 'not_registered')),
    valid_from          TEXT NOT NULL,
    valid_until         TEXT,
    applied_on          TEXT,
    changed_at          TEXT NOT NULL,
    changed_by          TEXT NOT NULL,
    CHECK (valid_until IS NULL OR valid_until >= valid_from),
    CHECK ((status = 'temporarily_registered') = (valid_until IS NOT NULL))
);
CREATE INDEX enterprise_status_changes_by_municipality
    ON enterprise_status_changes (municipality_number, id);

CREATE TABLE learning_arenas (
    id                  INTEGER PRIMARY KEY,
    municipality_number TEXT NOT NULL REFERENCES municipalities (number),
    kind                TEXT NOT NULL CHECK (kind IN ('gp_office', 'nursing_home',
                            'out_of_hours_service', 'child_health_clinic', 'hospital_by_agreement',
                            'other')),
    name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    offers              TEXT NOT NULL CHECK (length(offers) BETWEEN 1 AND 2000)
);
CREATE INDEX learning_arenas_by_municipality ON learning_arenas (municipality_number);

CREATE TABLE plan_responsibilities (
    id                  INTEGER PRIMARY KEY,
    municipality_number TEXT NOT NULL REFERENCES municipalities (number),
    area                TEXT NOT NULL CHECK (length(area) BETWEEN 1 AND 120),
    responsible         TEXT NOT NULL CHECK (length(responsible) BETWEEN 1 AND 120),
    description         TEXT NOT NULL CHECK (length(description) <= 1000)
);
CREATE INDEX plan_responsibilities_by_municipality ON plan_responsibilities (municipality_number);
