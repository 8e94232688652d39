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
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (attachments.id, completed_courses.id); foreign keys
--        bigint. dates: date (completed_on). instants: timestamptz (uploaded_at, recorded_at,
--        withdrawn_at). hours, byte_size: integer.
--   SQLite's GLOB check of the hex digits is a regular expression here. SQLite's trigger that
--   allows only the withdrawal is refuse_completed_course_change() below, SQLSTATE 23000 as
--   refuse_append_only_change() (0003); TRUNCATE is refused as on the append-only tables.

CREATE TABLE attachments (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media_type     text NOT NULL
                   CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    byte_size      integer NOT NULL CHECK (byte_size BETWEEN 1 AND 5242880),
    file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),  -- As uploaded.
    content_base64 text NOT NULL CHECK (length(content_base64) > 0),
    uploaded_by    text NOT NULL CHECK (length(uploaded_by) > 0),  -- Name and e-mail.
    uploaded_at    timestamptz NOT NULL  -- The audit event's instant.
);

CREATE TABLE completed_courses (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id     bigint NOT NULL REFERENCES people (id),
    course_id     text CHECK (course_id IS NULL OR length(course_id) BETWEEN 1 AND 100),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    hours         integer NOT NULL CHECK (hours BETWEEN 1 AND 1000),
    completed_on  date NOT NULL,
    attachment_id bigint NOT NULL REFERENCES attachments (id),  -- The certificate.
    recorded_at   timestamptz NOT NULL,  -- The audit event's instant.
    recorded_by   text NOT NULL CHECK (length(recorded_by) > 0),  -- Name and e-mail.
    withdrawn_at  timestamptz,
    withdrawn_by  text CHECK (withdrawn_by IS NULL OR length(withdrawn_by) > 0),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX completed_courses_by_person ON completed_courses (person_id, completed_on, id);

-- refuse_append_only_change() is migration 0003's.
CREATE TRIGGER attachments_no_update_or_delete BEFORE UPDATE OR DELETE ON attachments
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON attachments
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- The one change a completed course allows: its withdrawal, once, touching nothing else.
CREATE FUNCTION refuse_completed_course_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
       AND (NEW.id, NEW.person_id, NEW.course_id, NEW.name, NEW.hours, NEW.completed_on,
            NEW.attachment_id, NEW.recorded_at, NEW.recorded_by)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.person_id, OLD.course_id, OLD.name, OLD.hours, OLD.completed_on,
            OLD.attachment_id, OLD.recorded_at, OLD.recorded_by) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'completed_courses is append-only but for its withdrawal'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER completed_courses_no_update_or_delete BEFORE UPDATE OR DELETE ON completed_courses
    FOR EACH ROW EXECUTE FUNCTION refuse_completed_course_change();
CREATE TRIGGER completed_courses_no_truncate BEFORE TRUNCATE ON completed_courses
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER attachments_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attachments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER completed_courses_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON completed_courses
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
