-- The supervision agreement signed in alis (issue 17, docs/documents.md): a document version is
-- now of an ALIS agreement (agreement_id, the register row) or of the agreement between a
-- municipality and a supervisor it has registered (supervisor_id, the supervisors row), never
-- both; and the supervisor signs as a party of their own ('supervisor').
--
-- PostgreSQL changes the columns and CHECK constraints with ALTER TABLE inside the migration's
-- transaction, so none of the SQLite file's schema editing is needed: each new constraint is
-- checked against every row when it is added, and a failure rolls the migration back. ALTER TABLE
-- fires no row trigger, so the append-only triggers of 0017 stay as they are.
--
-- PostgreSQL types for SQLite's (migrations/README.md): supervisor_id bigint.

ALTER TABLE documents
    ALTER COLUMN agreement_id DROP NOT NULL,
    ADD COLUMN supervisor_id bigint REFERENCES supervisors (id),
    DROP CONSTRAINT documents_kind_check,
    ADD CONSTRAINT documents_kind_check
        CHECK (kind IN ('alis-agreement', 'supervision-agreement')),
    ADD CHECK ((kind = 'alis-agreement' AND agreement_id IS NOT NULL AND
                supervisor_id IS NULL) OR
               (kind = 'supervision-agreement' AND supervisor_id IS NOT NULL AND
                agreement_id IS NULL));

ALTER TABLE document_signatures
    DROP CONSTRAINT document_signatures_party_check,
    ADD CONSTRAINT document_signatures_party_check
        CHECK (party IN ('employer', 'trainee', 'supervisor'));

-- A supervisor's agreement has one row per version, as an ALIS agreement has.
CREATE UNIQUE INDEX documents_by_supervisor_version ON documents (supervisor_id, version);
