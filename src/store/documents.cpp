#include "store/documents.hpp"

#include <map>

namespace alis::store {
namespace {

#define ALIS_DOCUMENT_COLUMNS(content)                                                      \
    "SELECT d.id, d.agreement_id, d.version, d.kind, d.template_version, d.title, " content \
    ", d.content_sha256, d.created_at, d.created_by, s.pdf_sha256, s.signed_at,"            \
    " d.supervisor_id FROM documents d LEFT JOIN signed_documents s ON s.document_id = d.id"
constexpr const char* kDocumentsOf =
    ALIS_DOCUMENT_COLUMNS("''") " JOIN agreements a ON a.id = d.agreement_id"
                                " JOIN employments e ON e.id = a.employment_id"
                                " WHERE e.person_id = $1 ORDER BY d.agreement_id, d.version";
constexpr const char* kVersionsOf =
    ALIS_DOCUMENT_COLUMNS("d.content") " WHERE d.agreement_id = $1 ORDER BY d.version";
constexpr const char* kSupervisionVersionsOf =
    ALIS_DOCUMENT_COLUMNS("d.content") " WHERE d.supervisor_id = $1 ORDER BY d.version";
constexpr const char* kSupervisionDocumentsOf =
    ALIS_DOCUMENT_COLUMNS("''") " JOIN supervisors v ON v.id = d.supervisor_id"
                                " WHERE v.person_id = $1 ORDER BY d.supervisor_id, d.version";
constexpr const char* kFindDocument = ALIS_DOCUMENT_COLUMNS("d.content") " WHERE d.id = $1";
constexpr const char* kFindByPdfSha256 =
    ALIS_DOCUMENT_COLUMNS("d.content") " WHERE s.pdf_sha256 = $1";
#undef ALIS_DOCUMENT_COLUMNS
#define ALIS_SIGNATURES_OF(listed)                                 \
    "SELECT id, document_id, party, account_id, signer, signed_at" \
    " FROM document_signatures WHERE document_id" listed " ORDER BY signed_at, id"
const DialectSql kSignaturesOf{ALIS_SIGNATURES_OF(" IN (SELECT value FROM json_each($1))"),
                               ALIS_SIGNATURES_OF(" = ANY($1::bigint[])")};
#undef ALIS_SIGNATURES_OF
constexpr const char* kPersonOf =
    "SELECT e.person_id FROM documents d JOIN agreements a ON a.id = d.agreement_id"
    " JOIN employments e ON e.id = a.employment_id WHERE d.id = $1";
constexpr const char* kPdfOf = "SELECT pdf_base64 FROM signed_documents WHERE document_id = $1";

constexpr const char* kAddDocument =
    "INSERT INTO documents (agreement_id, supervisor_id, version, kind, template_version, title,"
    " content, content_sha256, created_at, created_by)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
constexpr const char* kAppendSignature =
    "INSERT INTO document_signatures (document_id, party, account_id, signer, signed_at)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr const char* kFreeze =
    "INSERT INTO signed_documents (document_id, pdf_base64, pdf_sha256, signed_at)"
    " VALUES ($1, $2, $3, $4)";

#define ALIS_TEMPLATE_COLUMNS                                                        \
    "SELECT id, kind, version, source, source_sha256, recorded_at, recorded_by FROM" \
    " document_templates WHERE kind = $1 ORDER BY id"
constexpr const char* kTemplatesOf = ALIS_TEMPLATE_COLUMNS;
constexpr const char* kLatestTemplate = ALIS_TEMPLATE_COLUMNS " DESC LIMIT 1";
#undef ALIS_TEMPLATE_COLUMNS
constexpr const char* kAddTemplate =
    "INSERT INTO document_templates (kind, version, source, source_sha256, recorded_at,"
    " recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

domain::StoredDocumentTemplate read_template(const Row& row) {
    domain::StoredDocumentTemplate t;
    t.id = row.integer(0);
    t.kind = row.enumeration<domain::DocumentKind>(1);
    t.version = row.text(2);
    t.source = row.text(3);
    t.source_sha256 = row.text(4);
    t.recorded_at = row.instant(5);
    t.recorded_by = row.text(6);
    return t;
}

domain::SignedDocument read_document(const Row& row) {
    domain::SignedDocument d;
    d.id = row.integer(0);
    d.agreement_id = row.optional_integer(1);
    d.supervisor_id = row.optional_integer(12);
    d.version = static_cast<int>(row.integer(2));
    d.kind = row.enumeration<domain::DocumentKind>(3);
    d.template_version = row.text(4);
    d.title = row.text(5);
    d.content = row.text(6);
    d.content_sha256 = row.text(7);
    d.created_at = row.instant(8);
    d.created_by = row.text(9);
    d.pdf_sha256 = row.optional_text(10);
    if (!row.is_null(11)) {
        d.signed_at = row.instant(11);
    }
    return d;
}

}  // namespace

void Documents::read_signatures(std::vector<domain::SignedDocument>& documents) const {
    if (documents.empty()) {
        return;
    }
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, domain::SignedDocument*> by_id;
    for (auto& d : documents) {
        ids.push_back(d.id);
        by_id[d.id] = &d;
    }
    tx_.each_row(tx_.pick(kSignaturesOf), {id_list(tx_.dialect(), ids)}, [&](const Row& row) {
        domain::DocumentSignature s;
        s.id = row.integer(0);
        s.document_id = row.integer(1);
        s.party = row.enumeration<domain::DocumentParty>(2);
        s.account_id = row.integer(3);
        s.signer = row.text(4);
        s.signed_at = row.instant(5);
        by_id.at(s.document_id)->signatures.push_back(std::move(s));
    });
}

std::vector<domain::SignedDocument> Documents::documents_of(std::int64_t person_id) const {
    auto documents = tx_.rows(kDocumentsOf, {person_id}, read_document);
    read_signatures(documents);
    return documents;
}

std::vector<domain::SignedDocument> Documents::versions_of(std::int64_t agreement_id) const {
    auto documents = tx_.rows(kVersionsOf, {agreement_id}, read_document);
    read_signatures(documents);
    return documents;
}

std::vector<domain::SignedDocument> Documents::supervision_versions_of(
    std::int64_t supervisor_id) const {
    auto documents = tx_.rows(kSupervisionVersionsOf, {supervisor_id}, read_document);
    read_signatures(documents);
    return documents;
}

std::vector<domain::SignedDocument> Documents::supervision_documents_of(
    std::int64_t person_id) const {
    auto documents = tx_.rows(kSupervisionDocumentsOf, {person_id}, read_document);
    read_signatures(documents);
    return documents;
}

std::optional<domain::SignedDocument> Documents::find(std::int64_t id) const {
    auto documents = tx_.rows(kFindDocument, {id}, read_document);
    read_signatures(documents);
    if (documents.empty()) {
        return std::nullopt;
    }
    return std::move(documents.front());
}

std::optional<domain::SignedDocument> Documents::find_by_pdf_sha256(
    const std::string& sha256) const {
    auto documents = tx_.rows(kFindByPdfSha256, {sha256}, read_document);
    read_signatures(documents);
    if (documents.empty()) {
        return std::nullopt;
    }
    return std::move(documents.front());
}

std::optional<std::int64_t> Documents::person_of(std::int64_t document_id) const {
    return tx_.row(kPersonOf, {document_id}, [](const Row& row) { return row.integer(0); });
}

std::optional<std::string> Documents::pdf_of(std::int64_t document_id) const {
    return tx_.row(kPdfOf, {document_id}, [](const Row& row) { return row.text(0); });
}

std::int64_t Documents::add(const domain::SignedDocument& d) {
    return tx_.insert(kAddDocument,
                      {d.agreement_id, d.supervisor_id, d.version, d.kind, d.template_version,
                       d.title, d.content, d.content_sha256, d.created_at, d.created_by});
}

std::int64_t Documents::append_signature(const domain::DocumentSignature& s) {
    return tx_.insert(kAppendSignature,
                      {s.document_id, s.party, s.account_id, s.signer, s.signed_at});
}

void Documents::freeze(std::int64_t document_id, const std::string& pdf_base64,
                       const std::string& pdf_sha256, const std::string& signed_at) {
    tx_.execute(kFreeze, {document_id, pdf_base64, pdf_sha256, signed_at});
}

std::vector<domain::StoredDocumentTemplate> Documents::templates_of(
    domain::DocumentKind kind) const {
    return tx_.rows(kTemplatesOf, {kind}, read_template);
}

std::optional<domain::StoredDocumentTemplate> Documents::latest_template(
    domain::DocumentKind kind) const {
    return tx_.row(kLatestTemplate, {kind}, read_template);
}

std::int64_t Documents::add_template(const domain::StoredDocumentTemplate& t) {
    return tx_.insert(kAddTemplate,
                      {t.kind, t.version, t.source, t.source_sha256, t.recorded_at, t.recorded_by});
}

}  // namespace alis::store
