-- Attachments of learning activities (issue 13, docs/objectives.md, "Attachments of
-- activities"): the doctor keeps a PDF or an image with an activity (a case summary, a procedure
-- log, a course certificate). The file itself is in the general attachments table (0024), checked
-- by its first bytes and kept with its SHA-256; this table only says which activity it belongs
-- to. An attachment belongs to one activity, is added before the activity is signed, and is never
-- removed (append-only).

CREATE TABLE activity_attachments (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id),
    activity_id   INTEGER NOT NULL REFERENCES learning_activities (id),
    attached_at   TEXT NOT NULL,  -- UTC; the audit event's instant.
    attached_by   TEXT NOT NULL CHECK (length(attached_by) > 0)  -- Name and e-mail.
);
CREATE INDEX activity_attachments_by_activity ON activity_attachments (activity_id, attachment_id);

CREATE TRIGGER activity_attachments_no_update BEFORE UPDATE ON activity_attachments
BEGIN SELECT RAISE(ABORT, 'activity_attachments is append-only'); END;
CREATE TRIGGER activity_attachments_no_delete BEFORE DELETE ON activity_attachments
BEGIN SELECT RAISE(ABORT, 'activity_attachments is append-only'); END;

CREATE TRIGGER activity_attachments_insert_bumps_data_generation AFTER INSERT ON activity_attachments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER activity_attachments_update_bumps_data_generation AFTER UPDATE ON activity_attachments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER activity_attachments_delete_bumps_data_generation AFTER DELETE ON activity_attachments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
