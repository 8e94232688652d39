-- Completed courses with their certificates (issue 14, docs/supervision.md "Courses"), and the
-- general store of uploaded files they keep them in.
--
-- attachments: every uploaded file, kept as it was sent and never changed or removed
-- (append-only). Its type is what its first bytes say (domain/attachment.hpp: PDF, PNG or JPEG),
-- never what the browser declared; its size is at most 5 MiB (domain::kMaxAttachmentBytes). The
-- content is kept as base64 text, as signed_documents keeps its PDFs, so that `alis copy` and the
-- backups carry it as text on both backends; sha256 is the hash of the bytes themselves. The
-- table knows nothing of what a file is for: a completed course refers to its certificate here,
-- and the learning log's activities (issue 13) will refer to theirs the same way.
--
-- completed_courses: a course the doctor has completed, one of their ruleset's
-- (rules/courses/courses.toml, course_id) or another one (course_id NULL), with the hours, the
-- day and the certificate, which is required. A record is never deleted or changed: the doctor
-- may withdraw it once (withdrawn_at and withdrawn_by, set together), and the certificate stays.

CREATE TABLE attachments (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    media_type     TEXT NOT NULL
                   CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    byte_size      INTEGER NOT NULL CHECK (byte_size BETWEEN 1 AND 5242880),
    file_name      TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),  -- As uploaded.
    content_base64 TEXT NOT NULL CHECK (length(content_base64) > 0),
    uploaded_by    TEXT NOT NULL CHECK (length(uploaded_by) > 0),  -- Name and e-mail.
    uploaded_at    TEXT NOT NULL  -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
);

CREATE TABLE completed_courses (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES people (id),
    course_id     TEXT CHECK (course_id IS NULL OR length(course_id) BETWEEN 1 AND 100),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    hours         INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 1000),
    completed_on  TEXT NOT NULL,  -- "2026-11-22".
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),  -- The certificate.
    recorded_at   TEXT NOT NULL,  -- UTC; the audit event's instant.
    recorded_by   TEXT NOT NULL CHECK (length(recorded_by) > 0),  -- Name and e-mail.
    withdrawn_at  TEXT,
    withdrawn_by  TEXT CHECK (withdrawn_by IS NULL OR length(withdrawn_by) > 0),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX completed_courses_by_person ON completed_courses (person_id, completed_on, id);

CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments is append-only'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments is append-only'); END;

-- The one change a completed course allows: its withdrawal, once, touching nothing else.
CREATE TRIGGER completed_courses_no_update BEFORE UPDATE ON completed_courses
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.person_id IS NOT OLD.person_id
  OR NEW.course_id IS NOT OLD.course_id OR NEW.name IS NOT OLD.name
  OR NEW.hours IS NOT OLD.hours OR NEW.completed_on IS NOT OLD.completed_on
  OR NEW.attachment_id IS NOT OLD.attachment_id OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.recorded_by IS NOT OLD.recorded_by
BEGIN SELECT RAISE(ABORT, 'completed_courses is append-only but for its withdrawal'); END;
CREATE TRIGGER completed_courses_no_delete BEFORE DELETE ON completed_courses
BEGIN SELECT RAISE(ABORT, 'completed_courses is append-only but for its withdrawal'); END;

CREATE TRIGGER attachments_insert_bumps_data_generation AFTER INSERT ON attachments
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER completed_courses_insert_bumps_data_generation AFTER INSERT ON completed_courses
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER completed_courses_update_bumps_data_generation AFTER UPDATE ON completed_courses
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
