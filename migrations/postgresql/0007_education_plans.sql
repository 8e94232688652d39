-- Individual education plans (journey 4). Every revision is a full snapshot of the plan, kept for
-- good: rows are never updated or deleted (the triggers abort it), so the history shows exactly
-- what each author saved and when.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (education_plan_revisions.id); foreign keys bigint.
--        education_plan_periods keeps its key (revision_id, position).
--   instants: timestamptz (education_plan_revisions.revised_at).
--   dates: date (education_plan_revisions.revised_on, education_plan_periods.starts_on, ends_on).
--   numbers: integer (education_plan_revisions.number, education_plan_periods.position, fte).

CREATE TABLE education_plan_revisions (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id         bigint NOT NULL REFERENCES people (id),
    number            integer NOT NULL CHECK (number >= 1),
    revised_at        timestamptz NOT NULL,
    revised_on        date NOT NULL,  -- The server's date of the revision; the next is due a year later.
    author_account_id bigint REFERENCES accounts (id),
    author_label      text NOT NULL CHECK (length(author_label) > 0),
    supervision_group text NOT NULL CHECK (length(supervision_group) <= 1000),
    courses           text NOT NULL CHECK (length(courses) <= 4000),
    next_months       text NOT NULL CHECK (length(next_months) <= 8000),
    note              text NOT NULL CHECK (length(note) <= 2000),
    UNIQUE (person_id, number)
);

CREATE TABLE education_plan_periods (
    revision_id bigint NOT NULL REFERENCES education_plan_revisions (id),
    position    integer NOT NULL CHECK (position >= 0),
    arena       text NOT NULL CHECK (arena IN
                    ('open_general_practice', 'other_general_practice', 'institution')),
    place       text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
    starts_on   date NOT NULL,
    ends_on     date NOT NULL,
    fte         integer NOT NULL CHECK (fte > 0 AND fte <= 100),
    CHECK (ends_on >= starts_on),
    PRIMARY KEY (revision_id, position)
);

-- refuse_append_only_change() is migration 0003's.
CREATE TRIGGER education_plan_revisions_no_update_or_delete
    BEFORE UPDATE OR DELETE ON education_plan_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER education_plan_revisions_no_truncate BEFORE TRUNCATE ON education_plan_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

CREATE TRIGGER education_plan_periods_no_update_or_delete
    BEFORE UPDATE OR DELETE ON education_plan_periods
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER education_plan_periods_no_truncate BEFORE TRUNCATE ON education_plan_periods
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
