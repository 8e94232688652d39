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

CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    agreement_id     INTEGER NOT NULL REFERENCES agreements (id),
    version          INTEGER NOT NULL CHECK (version >= 1),
    kind             TEXT NOT NULL CHECK (kind IN ('alis-agreement')),
    template_version TEXT NOT NULL CHECK (length(template_version) > 0),
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    content          TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 200000),
    content_sha256   TEXT NOT NULL CHECK (length(content_sha256) = 64),
    created_at       TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    created_by       TEXT NOT NULL CHECK (length(created_by) > 0),  -- Name and e-mail.
    UNIQUE (agreement_id, version)
);

CREATE TABLE document_signatures (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    party       TEXT NOT NULL CHECK (party IN ('employer', 'trainee')),
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    signer      TEXT NOT NULL CHECK (length(signer) > 0),  -- Name and e-mail.
    signed_at   TEXT NOT NULL,  -- UTC; the audit event's instant.
    UNIQUE (document_id, party)
);

CREATE TABLE signed_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id),
    pdf_base64  TEXT NOT NULL CHECK (length(pdf_base64) > 0),
    pdf_sha256  TEXT NOT NULL UNIQUE CHECK (length(pdf_sha256) = 64),
    signed_at   TEXT NOT NULL  -- UTC; the last signature's instant.
);

CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'documents is append-only'); END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'documents is append-only'); END;
CREATE TRIGGER document_signatures_no_update BEFORE UPDATE ON document_signatures
BEGIN SELECT RAISE(ABORT, 'document_signatures is append-only'); END;
CREATE TRIGGER document_signatures_no_delete BEFORE DELETE ON document_signatures
BEGIN SELECT RAISE(ABORT, 'document_signatures is append-only'); END;
CREATE TRIGGER signed_documents_no_update BEFORE UPDATE ON signed_documents
BEGIN SELECT RAISE(ABORT, 'signed_documents is append-only'); END;
CREATE TRIGGER signed_documents_no_delete BEFORE DELETE ON signed_documents
BEGIN SELECT RAISE(ABORT, 'signed_documents is append-only'); END;

CREATE TRIGGER documents_insert_bumps_data_generation AFTER INSERT ON documents
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER document_signatures_insert_bumps_data_generation AFTER INSERT ON document_signatures
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER signed_documents_insert_bumps_data_generation AFTER INSERT ON signed_documents
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
