-- E-mail digests (issue 14): each account's choice not to get the daily digest, which tasks a
-- digest already announced (so that a task is announced once), and the outbox every mail waits
-- in until an SMTP server accepted it (docs/operations.md, "E-mail digests"). Times are Unix
-- seconds, compared as numbers.
--
-- digest_opt_outs is data (the account's own choice, shown on /meg) and bumps data_generation;
-- digest_sent_tasks and mail_outbox are bookkeeping, written at every pass and every send, which
-- no cache shows, and bump nothing (migrations/README.md).
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: mail_outbox.id bigint GENERATED ALWAYS AS IDENTITY; account_id bigint.
--   Unix seconds: bigint (opted_out_at, queued_at, next_attempt_at, claimed_until,
--                 committing_at, sent_at).
--   dates: date (sent_on, digest_on).

-- One row per account that asked for no digest.
CREATE TABLE digest_opt_outs (
    account_id    bigint PRIMARY KEY REFERENCES accounts (id),
    opted_out_at  bigint NOT NULL
);

-- The tasks a digest announced: app::task_key of each, with the day of the digest.
CREATE TABLE digest_sent_tasks (
    account_id bigint NOT NULL REFERENCES accounts (id),
    task_key   text NOT NULL CHECK (length(task_key) BETWEEN 1 AND 1000),
    sent_on    date NOT NULL,
    PRIMARY KEY (account_id, task_key)
);

-- A mail to send. A sender claims a row (claim_token, claimed_until) before it connects, marks
-- committing_at just before it ends the DATA, and sent_at once the server accepted the mail; a
-- failure clears the claim and sets next_attempt_at by the backoff. A claim that ran out without
-- committing_at is free again; one with committing_at may have been delivered and is never sent
-- again by itself. next_attempt_at NULL: given up (the server refused the mail for good).
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      bigint REFERENCES accounts (id),
    digest_on       date,
    recipient       text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body            text NOT NULL,
    queued_at       bigint NOT NULL,
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at bigint,
    claim_token     text,
    claimed_until   bigint,
    committing_at   bigint,
    sent_at         bigint,
    last_error      text,
    UNIQUE (account_id, digest_on)
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER digest_opt_outs_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON digest_opt_outs
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
