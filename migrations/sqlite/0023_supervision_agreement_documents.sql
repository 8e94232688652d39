-- The supervision agreement signed in alis (issue 17, docs/documents.md): a document version is
-- now of an ALIS agreement (agreement_id, the register row) or of the agreement between a
-- municipality and a supervisor it has registered (supervisor_id, the supervisors row), never
-- both; and the supervisor signs as a party of their own ('supervisor').
--
-- How the tables are changed: as in 0008 (docs/decisions.md), SQLite's ALTER TABLE cannot drop a
-- NOT NULL or change a CHECK constraint, and the general procedure (a new table, the rows copied,
-- the old one dropped) fails inside the migration's transaction with foreign keys ON, since
-- document_signatures and signed_documents reference documents. The column is added with ALTER
-- TABLE; then the CREATE TABLE texts are edited in sqlite_schema (PRAGMA writable_schema) inside
-- the transaction. No row is copied or deleted. It is safe here because every edit only allows
-- more (agreement_id may be NULL, one more kind, one more party) except the new CHECK of one
-- subject, which every existing row meets (all are ALIS agreements with an agreement_id and no
-- supervisor_id): the integrity check below verifies it, and a failure aborts the migration.

ALTER TABLE documents ADD COLUMN supervisor_id INTEGER REFERENCES supervisors (id);

PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(replace(replace(sql,
           'agreement_id     INTEGER NOT NULL REFERENCES agreements (id)',
           'agreement_id     INTEGER REFERENCES agreements (id)'),
           'CHECK (kind IN (''alis-agreement''))',
           'CHECK (kind IN (''alis-agreement'', ''supervision-agreement''))'),
           'UNIQUE (agreement_id, version)',
           'UNIQUE (agreement_id, version),' || char(10) ||
           '    CHECK ((kind = ''alis-agreement'' AND agreement_id IS NOT NULL AND' ||
           ' supervisor_id IS NULL) OR' || char(10) ||
           '           (kind = ''supervision-agreement'' AND supervisor_id IS NOT NULL AND' ||
           ' agreement_id IS NULL))')
 WHERE type = 'table' AND name = 'documents';
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (party IN (''employer'', ''trainee''))',
                          'CHECK (party IN (''employer'', ''trainee'', ''supervisor''))')
 WHERE type = 'table' AND name = 'document_signatures';
-- Turns the editing off and makes this connection read the schema again.
PRAGMA writable_schema = RESET;

-- Checks the steps; a failed check aborts the migration, and its transaction keeps nothing. The
-- table is created right after the edit, as in 0008, so that the schema version moves on and
-- every other connection reads the new schema.
CREATE TABLE migration_0023_checks (
    documents_edited     INTEGER CHECK (documents_edited = 1),
    signatures_edited    INTEGER CHECK (signatures_edited = 1),
    documents_ok         INTEGER CHECK (documents_ok = 1),
    signatures_ok        INTEGER CHECK (signatures_ok = 1)
);
INSERT INTO migration_0023_checks (documents_edited)
SELECT count(*) FROM sqlite_schema
 WHERE type = 'table' AND name = 'documents'
   AND instr(sql, 'agreement_id     INTEGER REFERENCES agreements (id)') > 0
   AND instr(sql, '''alis-agreement'', ''supervision-agreement'')') > 0
   AND instr(sql, 'supervisor_id IS NOT NULL AND agreement_id IS NULL') > 0;
INSERT INTO migration_0023_checks (signatures_edited)
SELECT count(*) FROM sqlite_schema
 WHERE type = 'table' AND name = 'document_signatures'
   AND instr(sql, '''employer'', ''trainee'', ''supervisor'')') > 0;
INSERT INTO migration_0023_checks (documents_ok)
SELECT group_concat(integrity_check) = 'ok' FROM pragma_integrity_check('documents');
INSERT INTO migration_0023_checks (signatures_ok)
SELECT group_concat(integrity_check) = 'ok' FROM pragma_integrity_check('document_signatures');
DROP TABLE migration_0023_checks;

-- A supervisor's agreement has one row per version, as an ALIS agreement has.
CREATE UNIQUE INDEX documents_by_supervisor_version ON documents (supervisor_id, version);
