-- Login throttling per (account, address) pair (src/app/auth.cpp, docs/security.md): the count of
-- an e-mail's failures from one address within the hour is read on every login attempt.
-- login_failures is bookkeeping, not data: no data_generation trigger. No types are chosen here.

CREATE INDEX login_failures_by_email_and_address ON login_failures (email, address, at);
