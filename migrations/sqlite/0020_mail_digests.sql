-- E-mail digests (issue 14): each account's choice not to get the daily digest, which tasks a
-- digest already announced (so that a task is announced once), and the outbox every mail waits
-- in until an SMTP server accepted it (docs/operations.md, "E-mail digests"). Times are Unix
-- seconds, compared as numbers.
--
-- digest_opt_outs is data (the account's own choice, shown on /meg) and bumps data_generation;
-- digest_sent_tasks and mail_outbox are bookkeeping, written at every pass and every send, which
-- no cache shows, and bump nothing (migrations/README.md).

-- One row per account that asked for no digest.
CREATE TABLE digest_opt_outs (
    account_id    INTEGER PRIMARY KEY REFERENCES accounts (id),
    opted_out_at  INTEGER NOT NULL
);

-- The tasks a digest announced: app::task_key of each, with the day of the digest.
CREATE TABLE digest_sent_tasks (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    task_key   TEXT NOT NULL CHECK (length(task_key) BETWEEN 1 AND 1000),
    sent_on    TEXT NOT NULL,
    PRIMARY KEY (account_id, task_key)
);

-- A mail to send. A sender claims a row (claim_token, claimed_until) before it connects, marks
-- committing_at just before it ends the DATA, and sent_at once the server accepted the mail; a
-- failure clears the claim and sets next_attempt_at by the backoff. A claim that ran out without
-- committing_at is free again; one with committing_at may have been delivered and is never sent
-- again by itself. next_attempt_at NULL: given up (the server refused the mail for good).
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER REFERENCES accounts (id),
    digest_on       TEXT,
    recipient       TEXT NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    subject         TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body            TEXT NOT NULL,
    queued_at       INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER,
    claim_token     TEXT,
    claimed_until   INTEGER,
    committing_at   INTEGER,
    sent_at         INTEGER,
    last_error      TEXT,
    UNIQUE (account_id, digest_on)
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);

CREATE TRIGGER digest_opt_outs_insert_bumps_data_generation AFTER INSERT ON digest_opt_outs
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER digest_opt_outs_update_bumps_data_generation AFTER UPDATE ON digest_opt_outs
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER digest_opt_outs_delete_bumps_data_generation AFTER DELETE ON digest_opt_outs
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
