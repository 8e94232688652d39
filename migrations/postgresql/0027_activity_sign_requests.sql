-- Requests to sign off a learning activity (issue 13, docs/objectives.md, "Sign-off"): the doctor
-- asks a supervisør they invited to sign an activity they saw in daily work. Each request is a
-- one-time link: only the SHA-256 (hex) of its token is kept, it is bound to the activity and the
-- invited address, it expires 14 days after it was made (expires_at), and it is used once
-- (used_at, set once, by the link or by the supervisør's account). A used request is frozen; none
-- is ever deleted.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   id: bigint GENERATED ALWAYS AS IDENTITY; foreign keys bigint. requested_at, used_at:
--   timestamptz; expires_at: bigint (Unix seconds). SQLite's use-once trigger:
--   refuse_sign_request_change() below, SQLSTATE 23000 as refuse_append_only_change() (0003).

CREATE TABLE activity_sign_requests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id   bigint NOT NULL REFERENCES learning_activities (id),
    invitation_id bigint NOT NULL REFERENCES clinical_supervisor_invitations (id),
    email         text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
    token_sha256  text NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    requested_at  timestamptz NOT NULL,
    requested_by  text NOT NULL CHECK (length(requested_by) > 0),  -- Name and e-mail.
    expires_at    bigint NOT NULL,  -- Unix seconds.
    used_at       timestamptz
);
CREATE INDEX activity_sign_requests_by_activity ON activity_sign_requests (activity_id, id);
CREATE INDEX activity_sign_requests_by_email ON activity_sign_requests (email, id);

CREATE FUNCTION refuse_sign_request_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.used_at IS NOT NULL OR NEW.id <> OLD.id
        OR NEW.activity_id <> OLD.activity_id OR NEW.invitation_id <> OLD.invitation_id
        OR NEW.email <> OLD.email OR NEW.token_sha256 <> OLD.token_sha256
        OR NEW.requested_at <> OLD.requested_at OR NEW.requested_by <> OLD.requested_by
        OR NEW.expires_at <> OLD.expires_at THEN
        RAISE EXCEPTION 'a sign-off request is only used, once'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER activity_sign_requests_use_once BEFORE UPDATE OR DELETE ON activity_sign_requests
    FOR EACH ROW EXECUTE FUNCTION refuse_sign_request_change();
CREATE TRIGGER activity_sign_requests_no_truncate BEFORE TRUNCATE ON activity_sign_requests
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER activity_sign_requests_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_sign_requests
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
