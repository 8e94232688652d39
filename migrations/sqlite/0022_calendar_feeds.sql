-- Each account's secret calendar address (issue 14, docs/supervision.md, "Calendar"): the
-- SHA-256 (hex) of the token in its URL, never the token itself, and when it was made. One per
-- account: renewing replaces the row, so the old address stops working; revoking deletes it.
-- Like sessions, this is bookkeeping of access, not training data: it leaves data_generation
-- alone.

CREATE TABLE calendar_feeds (
    account_id   INTEGER PRIMARY KEY REFERENCES accounts (id),
    token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    created_at   TEXT NOT NULL  -- UTC, "2026-11-22T10:15:30Z".
);
