-- Individual education plans (journey 4). Every revision is a full snapshot of the plan, kept for
-- good: rows are never updated or deleted (the triggers abort it), so the history shows exactly
-- what each author saved and when.

CREATE TABLE education_plan_revisions (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES people (id),
    number            INTEGER NOT NULL CHECK (number >= 1),
    revised_at        TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z".
    revised_on        TEXT NOT NULL,  -- The server's date of the revision; the next is due a year later.
    author_account_id INTEGER REFERENCES accounts (id),
    author_label      TEXT NOT NULL CHECK (length(author_label) > 0),
    supervision_group TEXT NOT NULL CHECK (length(supervision_group) <= 1000),
    courses           TEXT NOT NULL CHECK (length(courses) <= 4000),
    next_months       TEXT NOT NULL CHECK (length(next_months) <= 8000),
    note              TEXT NOT NULL CHECK (length(note) <= 2000),
    UNIQUE (person_id, number)
);

CREATE TABLE education_plan_periods (
    revision_id INTEGER NOT NULL REFERENCES education_plan_revisions (id),
    position    INTEGER NOT NULL CHECK (position >= 0),
    arena       TEXT NOT NULL CHECK (arena IN
                    ('open_general_practice', 'other_general_practice', 'institution')),
    place       TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    fte         INTEGER NOT NULL CHECK (fte > 0 AND fte <= 100),
    CHECK (ends_on >= starts_on),
    PRIMARY KEY (revision_id, position)
);

CREATE TRIGGER education_plan_revisions_no_update BEFORE UPDATE ON education_plan_revisions
BEGIN
    SELECT RAISE(ABORT, 'education_plan_revisions is append-only');
END;

CREATE TRIGGER education_plan_revisions_no_delete BEFORE DELETE ON education_plan_revisions
BEGIN
    SELECT RAISE(ABORT, 'education_plan_revisions is append-only');
END;

CREATE TRIGGER education_plan_periods_no_update BEFORE UPDATE ON education_plan_periods
BEGIN
    SELECT RAISE(ABORT, 'education_plan_periods is append-only');
END;

CREATE TRIGGER education_plan_periods_no_delete BEFORE DELETE ON education_plan_periods
BEGIN
    SELECT RAISE(ABORT, 'education_plan_periods is append-only');
END;
