-- The document templates an administrator has put in place of the ones compiled into alis
-- (issue 17, docs/documents.md "Templates"). Each row is one version of one kind's template, as
-- uploaded: the whole file (its TOML header, "+++" and the body), its SHA-256 (hex), when and by
-- whom. The template in force for a kind is its latest row, else the compiled-in file. Rows are
-- never changed or removed, so every old version stays readable: append-only. A document made
-- from a template keeps the template's version (documents.template_version).

CREATE TABLE document_templates (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('alis-agreement', 'supervision-agreement',
                                              'service-certificate', 'education-plan',
                                              'general-plan')),
    version     TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    source      TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 200000),
    source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
    recorded_at TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    recorded_by TEXT NOT NULL CHECK (length(recorded_by) > 0),  -- Name and e-mail.
    UNIQUE (kind, version)
);

CREATE TRIGGER document_templates_no_update BEFORE UPDATE ON document_templates
BEGIN SELECT RAISE(ABORT, 'document_templates is append-only'); END;
CREATE TRIGGER document_templates_no_delete BEFORE DELETE ON document_templates
BEGIN SELECT RAISE(ABORT, 'document_templates is append-only'); END;

CREATE TRIGGER document_templates_insert_bumps_data_generation AFTER INSERT ON document_templates
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
