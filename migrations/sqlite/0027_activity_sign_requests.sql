-- Requests to sign off a learning activity (issue 13, docs/objectives.md, "Sign-off"): the doctor
-- asks a supervisør they invited to sign an activity they saw in daily work. Each request is a
-- one-time link: only the SHA-256 (hex) of its token is kept, it is bound to the activity and the
-- invited address, it expires 14 days after it was made (expires_at), and it is used once
-- (used_at, set once, by the link or by the supervisør's account). A used request is frozen; none
-- is ever deleted.

CREATE TABLE activity_sign_requests (
    id            INTEGER PRIMARY KEY,
    activity_id   INTEGER NOT NULL REFERENCES learning_activities (id),
    invitation_id INTEGER NOT NULL REFERENCES clinical_supervisor_invitations (id),
    email         TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    token_sha256  TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    requested_at  TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z".
    requested_by  TEXT NOT NULL CHECK (length(requested_by) > 0),  -- Name and e-mail.
    expires_at    INTEGER NOT NULL,  -- Unix seconds.
    used_at       TEXT
);
CREATE INDEX activity_sign_requests_by_activity ON activity_sign_requests (activity_id, id);
CREATE INDEX activity_sign_requests_by_email ON activity_sign_requests (email, id);

CREATE TRIGGER activity_sign_requests_no_delete BEFORE DELETE ON activity_sign_requests
BEGIN SELECT RAISE(ABORT, 'activity_sign_requests is append-only: a request is used, once'); END;
CREATE TRIGGER activity_sign_requests_use_once BEFORE UPDATE ON activity_sign_requests
WHEN OLD.used_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.activity_id <> OLD.activity_id
    OR NEW.invitation_id <> OLD.invitation_id OR NEW.email <> OLD.email
    OR NEW.token_sha256 <> OLD.token_sha256 OR NEW.requested_at <> OLD.requested_at
    OR NEW.requested_by <> OLD.requested_by OR NEW.expires_at <> OLD.expires_at
BEGIN SELECT RAISE(ABORT, 'activity_sign_requests is append-only: a request is only used, once'); END;

CREATE TRIGGER activity_sign_requests_insert_bumps_data_generation AFTER INSERT ON activity_sign_requests
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER activity_sign_requests_update_bumps_data_generation AFTER UPDATE ON activity_sign_requests
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER activity_sign_requests_delete_bumps_data_generation AFTER DELETE ON activity_sign_requests
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
