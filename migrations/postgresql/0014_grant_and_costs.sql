-- The money of issue 15 (docs/money.md): what the grant needs to know of a post, the register of
-- ALIS agreements, and the cost inputs of each ALIS and year with the municipality's defaults.
--
-- PostgreSQL types for SQLite's (migrations/README.md): ids bigint GENERATED ALWAYS AS IDENTITY
-- (agreements.id), references bigint; via_agency, substitute, national_template boolean;
-- covers_from, covers_to, signed_on date; recorded_at timestamptz; amounts in øre bigint; counts,
-- percentages and years integer.

-- The grant-relevant facts of an employment (domain/agreement.hpp, GrantPostFacts): which of the
-- grant's four post types it is, whether the doctor is employed through a staffing agency, and
-- whether the post is a GP substitute's. An employment without a row counts by its post type
-- (docs/money.md, "Claims from the store"). A removed employment takes its row with it.
CREATE TABLE grant_posts (
    employment_id   bigint PRIMARY KEY REFERENCES employments (id) ON DELETE CASCADE,
    grant_post_type text NOT NULL CHECK (grant_post_type IN ('regular_gp', 'introduction_post',
                        'other_municipal_gp', 'supervision_only')),
    via_agency      boolean NOT NULL,
    substitute      boolean NOT NULL,
    -- A GP substitute ("fastlegevikar") holds a regular GP post.
    CHECK (NOT substitute OR grant_post_type = 'regular_gp')
);

-- The agreement register: each agreement of an employment, with its template, the period it
-- covers and whether and when it was signed. Issue 17 (documents) keeps its agreements here too:
-- `kind` names the document kind, and a signed document will refer to its row.
CREATE TABLE agreements (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employment_id     bigint NOT NULL REFERENCES employments (id) ON DELETE CASCADE,
    kind              text NOT NULL CHECK (kind IN ('alis_agreement')),
    template_version  text NOT NULL CHECK (length(template_version) > 0),
    national_template boolean NOT NULL,
    covers_from       date NOT NULL,
    covers_to         date,              -- Inclusive; NULL: until the employment ends.
    status            text NOT NULL CHECK (status IN ('draft', 'partly_signed', 'signed',
                          'cancelled')),
    signed_on         date,              -- NULL: not signed.
    recorded_at       timestamptz NOT NULL,
    recorded_by       text NOT NULL CHECK (length(recorded_by) > 0),
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
    municipality_number    text NOT NULL REFERENCES municipalities (number),
    year                   integer NOT NULL CHECK (year BETWEEN 2000 AND 2199),
    list_length            integer CHECK (list_length >= 0),
    other_gp_work_percent  integer CHECK (other_gp_work_percent BETWEEN 0 AND 100),
    zone                   text CHECK (zone IN ('1', '1a', '2', '3', '4', '4a', '5')),
    salary_ore             bigint CHECK (salary_ore >= 0),
    bonus_ore              bigint CHECK (bonus_ore >= 0),
    office_ore             bigint CHECK (office_ore >= 0),
    supervision_hours      integer CHECK (supervision_hours >= 0),
    supervision_rate_ore   bigint CHECK (supervision_rate_ore >= 0),
    courses_and_travel_ore bigint CHECK (courses_and_travel_ore >= 0),
    substitutes_ore        bigint CHECK (substitutes_ore >= 0),
    fee_for_service_ore    bigint CHECK (fee_for_service_ore >= 0),
    recorded_at            timestamptz NOT NULL,
    recorded_by            text NOT NULL CHECK (length(recorded_by) > 0),
    PRIMARY KEY (municipality_number, year)
);

CREATE TABLE alis_cost_inputs (
    person_id              bigint NOT NULL REFERENCES people (id),
    municipality_number    text NOT NULL REFERENCES municipalities (number),
    year                   integer NOT NULL CHECK (year BETWEEN 2000 AND 2199),
    list_length            integer CHECK (list_length >= 0),
    other_gp_work_percent  integer CHECK (other_gp_work_percent BETWEEN 0 AND 100),
    zone                   text CHECK (zone IN ('1', '1a', '2', '3', '4', '4a', '5')),
    salary_ore             bigint CHECK (salary_ore >= 0),
    bonus_ore              bigint CHECK (bonus_ore >= 0),
    office_ore             bigint CHECK (office_ore >= 0),
    supervision_hours      integer CHECK (supervision_hours >= 0),
    supervision_rate_ore   bigint CHECK (supervision_rate_ore >= 0),
    courses_and_travel_ore bigint CHECK (courses_and_travel_ore >= 0),
    substitutes_ore        bigint CHECK (substitutes_ore >= 0),
    fee_for_service_ore    bigint CHECK (fee_for_service_ore >= 0),
    recorded_at            timestamptz NOT NULL,
    recorded_by            text NOT NULL CHECK (length(recorded_by) > 0),
    PRIMARY KEY (person_id, municipality_number, year)
);
CREATE INDEX alis_cost_inputs_by_municipality ON alis_cost_inputs (municipality_number, year);

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER grant_posts_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_posts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER agreements_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreements
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER cost_defaults_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cost_defaults
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER alis_cost_inputs_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alis_cost_inputs
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
