-- Attachments of learning activities (issue 13, docs/objectives.md, "Attachments of
-- activities"): the doctor keeps a PDF or an image with an activity (a case summary, a procedure
-- log, a course certificate). The file itself is in the general attachments table (0024), checked
-- by its first bytes and kept with its SHA-256; this table only says which activity it belongs
-- to. An attachment belongs to one activity, is added before the activity is signed, and is never
-- removed (append-only).
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   foreign keys bigint; attached_at timestamptz. SQLite's append-only triggers:
--   refuse_append_only_change() (0003).

CREATE TABLE activity_attachments (
    attachment_id bigint PRIMARY KEY REFERENCES attachments (id),
    activity_id   bigint NOT NULL REFERENCES learning_activities (id),
    attached_at   timestamptz NOT NULL,  -- The audit event's instant.
    attached_by   text NOT NULL CHECK (length(attached_by) > 0)  -- Name and e-mail.
);
CREATE INDEX activity_attachments_by_activity ON activity_attachments (activity_id, attachment_id);

CREATE TRIGGER activity_attachments_append_only BEFORE UPDATE OR DELETE ON activity_attachments
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER activity_attachments_no_truncate BEFORE TRUNCATE ON activity_attachments
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER activity_attachments_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_attachments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
