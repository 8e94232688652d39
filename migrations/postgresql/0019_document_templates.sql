-- The document templates an administrator has put in place of the ones compiled into alis
-- (issue 17, docs/documents.md "Templates"). Each row is one version of one kind's template, as
-- uploaded: the whole file (its TOML header, "+++" and the body), its SHA-256 (hex), when and by
-- whom. The template in force for a kind is its latest row, else the compiled-in file. Rows are
-- never changed or removed, so every old version stays readable: append-only. A document made
-- from a template keeps the template's version (documents.template_version).
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY. instants: timestamptz (recorded_at).

CREATE TABLE document_templates (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('alis-agreement', 'supervision-agreement',
                                              'service-certificate', 'education-plan',
                                              'general-plan')),
    version     text NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    source      text NOT NULL CHECK (length(source) BETWEEN 1 AND 200000),
    source_sha256 text NOT NULL CHECK (length(source_sha256) = 64),
    recorded_at timestamptz NOT NULL,  -- The audit event's instant.
    recorded_by text NOT NULL CHECK (length(recorded_by) > 0),  -- Name and e-mail.
    UNIQUE (kind, version)
);

-- refuse_append_only_change() is migration 0003's.
CREATE TRIGGER document_templates_no_update_or_delete BEFORE UPDATE OR DELETE
    ON document_templates FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER document_templates_no_truncate BEFORE TRUNCATE ON document_templates
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER document_templates_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_templates
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
