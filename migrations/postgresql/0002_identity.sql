-- Accounts, roles, sessions, login throttling and the relations access is derived from.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (accounts.id, role_grants.id, login_failures.id,
--        supervisor_assignments.id); foreign keys bigint. sessions.id_hash stays the text key.
--   dates: date (role_grants.starts_on, role_grants.ends_on, supervisor_assignments.starts_on,
--        supervisor_assignments.ends_on).
--   0/1 flags: boolean (accounts.disabled, default false).
--   Unix seconds stay bigint, because the queries compare and subtract them as numbers:
--        sessions.created_at, sessions.last_seen, sessions.reauthenticated_at, login_failures.at.
--   COLLATE NOCASE: the collation nocase below (accounts.email, login_failures.email).

-- SQLite's NOCASE for the e-mail addresses: equality, UNIQUE and the indexes ignore case, with
-- the same query text. ICU's level 2 compares letters and accents but not case, and it folds
-- every letter (SQLite folds only A-Z). A nondeterministic collation refuses LIKE: no query
-- uses LIKE on these columns.
CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2',
                                       deterministic = false);

CREATE TABLE accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text COLLATE nocase NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
    display_name  text NOT NULL CHECK (length(display_name) > 0),
    person_id     bigint REFERENCES people (id),
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false
);

-- A role held by an account, scoped by municipality (leader) or regional office
-- (regional_office), and bounded by dates.
CREATE TABLE role_grants (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id          bigint NOT NULL REFERENCES accounts (id),
    role                text NOT NULL CHECK (role IN ('trainee', 'supervisor', 'clinical_supervisor',
                            'leader', 'regional_office', 'national', 'admin')),
    municipality_number text REFERENCES municipalities (number),
    alis_office         text,
    starts_on           date NOT NULL,
    ends_on             date,
    CHECK (role <> 'leader' OR municipality_number IS NOT NULL),
    CHECK (role <> 'regional_office' OR alis_office IS NOT NULL),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX role_grants_by_account ON role_grants (account_id);

-- Sessions are stored by the SHA-256 of their id; the id itself exists only in the cookie.
-- Times are Unix seconds.
CREATE TABLE sessions (
    id_hash            text PRIMARY KEY,
    account_id         bigint NOT NULL REFERENCES accounts (id),
    csrf_token         text NOT NULL,
    created_at         bigint NOT NULL,
    last_seen          bigint NOT NULL,
    reauthenticated_at bigint NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE login_failures (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email   text COLLATE nocase NOT NULL,
    address text NOT NULL,
    at      bigint NOT NULL
);
CREATE INDEX login_failures_by_email ON login_failures (email, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

-- The supervisor (veileder) of a trainee, both people, bounded by dates.
CREATE TABLE supervisor_assignments (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supervisor_person_id bigint NOT NULL REFERENCES people (id),
    trainee_person_id    bigint NOT NULL REFERENCES people (id),
    starts_on            date NOT NULL,
    ends_on              date,
    CHECK (supervisor_person_id <> trainee_person_id),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX supervisor_assignments_by_trainee ON supervisor_assignments (trainee_person_id);
CREATE INDEX supervisor_assignments_by_supervisor ON supervisor_assignments (supervisor_person_id);
