-- The money of issue 15 (docs/money.md): what the grant needs to know of a post, the register of
-- ALIS agreements, and the cost inputs of each ALIS and year with the municipality's defaults.

-- The grant-relevant facts of an employment (domain/agreement.hpp, GrantPostFacts): which of the
-- grant's four post types it is, whether the doctor is employed through a staffing agency, and
-- whether the post is a GP substitute's. An employment without a row counts by its post type
-- (docs/money.md, "Claims from the store"). A removed employment takes its row with it.
CREATE TABLE grant_posts (
    employment_id   INTEGER PRIMARY KEY REFERENCES employments (id) ON DELETE CASCADE,
    grant_post_type TEXT NOT NULL CHECK (grant_post_type IN ('regular_gp', 'introduction_post',
                        'other_municipal_gp', 'supervision_only')),
    via_agency      INTEGER NOT NULL CHECK (via_agency IN (0, 1)),
    substitute      INTEGER NOT NULL CHECK (substitute IN (0, 1)),
    -- A GP substitute ("fastlegevikar") holds a regular GP post.
    CHECK (substitute = 0 OR grant_post_type = 'regular_gp')
);

-- The agreement register: each agreement of an employment, with its template, the period it
-- covers and whether and when it was signed. Issue 17 (documents) keeps its agreements here too:
-- `kind` names the document kind, and a signed document will refer to its row.
CREATE TABLE agreements (
    id                INTEGER PRIMARY KEY,
    employment_id     INTEGER NOT NULL REFERENCES employments (id) ON DELETE CASCADE,
    kind              TEXT NOT NULL CHECK (kind IN ('alis_agreement')),
    template_version  TEXT NOT NULL CHECK (length(template_version) > 0),
    national_template INTEGER NOT NULL CHECK (national_template IN (0, 1)),
    covers_from       TEXT NOT NULL,
    covers_to         TEXT,              -- Inclusive; NULL: until the employment ends.
    status            TEXT NOT NULL CHECK (status IN ('draft', 'partly_signed', 'signed',
                          'cancelled')),
    signed_on         TEXT,              -- NULL: not signed.
    recorded_at       TEXT NOT NULL,     -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    recorded_by       TEXT NOT NULL CHECK (length(recorded_by) > 0),
    CHECK (covers_to IS NULL OR covers_to >= covers_from),
    -- A signed agreement has its date; a draft has none; a cancelled one may have either.
    CHECK ((status = 'signed' AND signed_on IS NOT NULL) OR
           (status IN ('draft', 'partly_signed') AND signed_on IS NULL) OR status = 'cancelled')
);
CREATE INDEX agreements_by_employment ON agreements (employment_id, covers_from);

-- What the municipality enters for the cost of its ALIS (domain/alis_cost.hpp, AlisCostInput),
-- amounts in øre a year: a municipality's defaults for a year, and each ALIS's own inputs for a
-- year, where a NULL takes the default (and a NULL default counts as 0).
CREATE TABLE cost_defaults (
    municipality_number    TEXT NOT NULL REFERENCES municipalities (number),
    year                   INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2199),
    list_length            INTEGER CHECK (list_length >= 0),
    other_gp_work_percent  INTEGER CHECK (other_gp_work_percent BETWEEN 0 AND 100),
    zone                   TEXT CHECK (zone IN ('1', '1a', '2', '3', '4', '4a', '5')),
    salary_ore             INTEGER CHECK (salary_ore >= 0),
    bonus_ore              INTEGER CHECK (bonus_ore >= 0),
    office_ore             INTEGER CHECK (office_ore >= 0),
    supervision_hours      INTEGER CHECK (supervision_hours >= 0),
    supervision_rate_ore   INTEGER CHECK (supervision_rate_ore >= 0),
    courses_and_travel_ore INTEGER CHECK (courses_and_travel_ore >= 0),
    substitutes_ore        INTEGER CHECK (substitutes_ore >= 0),
    fee_for_service_ore    INTEGER CHECK (fee_for_service_ore >= 0),
    recorded_at            TEXT NOT NULL,
    recorded_by            TEXT NOT NULL CHECK (length(recorded_by) > 0),
    PRIMARY KEY (municipality_number, year)
);

CREATE TABLE alis_cost_inputs (
    person_id              INTEGER NOT NULL REFERENCES people (id),
    municipality_number    TEXT NOT NULL REFERENCES municipalities (number),
    year                   INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2199),
    list_length            INTEGER CHECK (list_length >= 0),
    other_gp_work_percent  INTEGER CHECK (other_gp_work_percent BETWEEN 0 AND 100),
    zone                   TEXT CHECK (zone IN ('1', '1a', '2', '3', '4', '4a', '5')),
    salary_ore             INTEGER CHECK (salary_ore >= 0),
    bonus_ore              INTEGER CHECK (bonus_ore >= 0),
    office_ore             INTEGER CHECK (office_ore >= 0),
    supervision_hours      INTEGER CHECK (supervision_hours >= 0),
    supervision_rate_ore   INTEGER CHECK (supervision_rate_ore >= 0),
    courses_and_travel_ore INTEGER CHECK (courses_and_travel_ore >= 0),
    substitutes_ore        INTEGER CHECK (substitutes_ore >= 0),
    fee_for_service_ore    INTEGER CHECK (fee_for_service_ore >= 0),
    recorded_at            TEXT NOT NULL,
    recorded_by            TEXT NOT NULL CHECK (length(recorded_by) > 0),
    PRIMARY KEY (person_id, municipality_number, year)
);
CREATE INDEX alis_cost_inputs_by_municipality ON alis_cost_inputs (municipality_number, year);

CREATE TRIGGER grant_posts_insert_bumps_data_generation AFTER INSERT ON grant_posts
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER grant_posts_update_bumps_data_generation AFTER UPDATE ON grant_posts
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER grant_posts_delete_bumps_data_generation AFTER DELETE ON grant_posts
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER agreements_insert_bumps_data_generation AFTER INSERT ON agreements
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER agreements_update_bumps_data_generation AFTER UPDATE ON agreements
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER agreements_delete_bumps_data_generation AFTER DELETE ON agreements
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER cost_defaults_insert_bumps_data_generation AFTER INSERT ON cost_defaults
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER cost_defaults_update_bumps_data_generation AFTER UPDATE ON cost_defaults
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER cost_defaults_delete_bumps_data_generation AFTER DELETE ON cost_defaults
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER alis_cost_inputs_insert_bumps_data_generation AFTER INSERT ON alis_cost_inputs
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER alis_cost_inputs_update_bumps_data_generation AFTER UPDATE ON alis_cost_inputs
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER alis_cost_inputs_delete_bumps_data_generation AFTER DELETE ON alis_cost_inputs
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
