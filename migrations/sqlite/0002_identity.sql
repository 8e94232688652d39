-- Accounts, roles, sessions, login throttling and the relations access is derived from.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
    display_name  TEXT NOT NULL CHECK (length(display_name) > 0),
    person_id     INTEGER REFERENCES people (id),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

-- A role held by an account, scoped by municipality (leader) or regional office
-- (regional_office), and bounded by dates.
CREATE TABLE role_grants (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts (id),
    role                TEXT NOT NULL CHECK (role IN ('trainee', 'supervisor', 'clinical_supervisor',
                            'leader', 'regional_office', 'national', 'admin')),
    municipality_number TEXT REFERENCES municipalities (number),
    alis_office         TEXT,
    starts_on           TEXT NOT NULL,
    ends_on             TEXT,
    CHECK (role <> 'leader' OR municipality_number IS NOT NULL),
    CHECK (role <> 'regional_office' OR alis_office IS NOT NULL),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX role_grants_by_account ON role_grants (account_id);

-- Sessions are stored by the SHA-256 of their id; the id itself exists only in the cookie.
-- Times are Unix seconds.
CREATE TABLE sessions (
    id_hash            TEXT PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts (id),
    csrf_token         TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    last_seen          INTEGER NOT NULL,
    reauthenticated_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE login_failures (
    id      INTEGER PRIMARY KEY,
    email   TEXT NOT NULL COLLATE NOCASE,
    address TEXT NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX login_failures_by_email ON login_failures (email, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

-- The supervisor (veileder) of a trainee, both people, bounded by dates.
CREATE TABLE supervisor_assignments (
    id                   INTEGER PRIMARY KEY,
    supervisor_person_id INTEGER NOT NULL REFERENCES people (id),
    trainee_person_id    INTEGER NOT NULL REFERENCES people (id),
    starts_on            TEXT NOT NULL,
    ends_on              TEXT,
    CHECK (supervisor_person_id <> trainee_person_id),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX supervisor_assignments_by_trainee ON supervisor_assignments (trainee_person_id);
CREATE INDEX supervisor_assignments_by_supervisor ON supervisor_assignments (supervisor_person_id);
