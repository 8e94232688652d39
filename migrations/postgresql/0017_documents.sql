-- The documents of issue 17 that are signed in alis (docs/documents.md, "Signatures"): each
-- version of an agreement's text, the parties' signatures, and the frozen PDF of a version that
-- every party has signed.
--
-- A version is written once and never changed: its content is the document's markup as the
-- template and the data gave it, and content_sha256 its SHA-256 (hex). A change after signing is
-- a new version with the next number, which is signed again. A signature is one party's, once
-- per version. When the last party has signed, the PDF with the signatures is made once and kept
-- as it is (base64, so that `alis copy` and the backups carry it as text): its SHA-256 is what
-- `alis document verify` looks the file up by. All three tables are append-only.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (documents.id, document_signatures.id); foreign
--        keys bigint. instants: timestamptz (created_at, signed_at).

CREATE TABLE documents (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agreement_id     bigint NOT NULL REFERENCES agreements (id),
    version          integer NOT NULL CHECK (version >= 1),
    kind             text NOT NULL CHECK (kind IN ('alis-agreement')),
    template_version text NOT NULL CHECK (length(template_version) > 0),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    content          text NOT NULL CHECK (length(content) BETWEEN 1 AND 200000),
    content_sha256   text NOT NULL CHECK (length(content_sha256) = 64),
    created_at       timestamptz NOT NULL,  -- The audit event's instant.
    created_by       text NOT NULL CHECK (length(created_by) > 0),  -- Name and e-mail.
    UNIQUE (agreement_id, version)
);

CREATE TABLE document_signatures (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id),
    party       text NOT NULL CHECK (party IN ('employer', 'trainee')),
    account_id  bigint NOT NULL REFERENCES accounts (id),
    signer      text NOT NULL CHECK (length(signer) > 0),  -- Name and e-mail.
    signed_at   timestamptz NOT NULL,  -- The audit event's instant.
    UNIQUE (document_id, party)
);

CREATE TABLE signed_documents (
    document_id bigint PRIMARY KEY REFERENCES documents (id),
    pdf_base64  text NOT NULL CHECK (length(pdf_base64) > 0),
    pdf_sha256  text NOT NULL UNIQUE CHECK (length(pdf_sha256) = 64),
    signed_at   timestamptz NOT NULL  -- The last signature's instant.
);

-- refuse_append_only_change() is migration 0003's.
CREATE TRIGGER documents_no_update_or_delete BEFORE UPDATE OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER document_signatures_no_update_or_delete BEFORE UPDATE OR DELETE
    ON document_signatures FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER document_signatures_no_truncate BEFORE TRUNCATE ON document_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER signed_documents_no_update_or_delete BEFORE UPDATE OR DELETE ON signed_documents
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER signed_documents_no_truncate BEFORE TRUNCATE ON signed_documents
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER documents_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER document_signatures_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER signed_documents_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON signed_documents
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
