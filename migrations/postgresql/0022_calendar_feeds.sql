-- Each account's secret calendar address (issue 14, docs/supervision.md, "Calendar"): the
-- SHA-256 (hex) of the token in its URL, never the token itself, and when it was made. One per
-- account: renewing replaces the row, so the old address stops working; revoking deletes it.
-- Like sessions, this is bookkeeping of access, not training data: it leaves data_generation
-- alone.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   account_id: bigint. created_at: timestamptz.

CREATE TABLE calendar_feeds (
    account_id   bigint PRIMARY KEY REFERENCES accounts (id),
    token_sha256 text NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    created_at   timestamptz NOT NULL
);
