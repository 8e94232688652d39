#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/document_template.hpp"
#include "domain/signed_document.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The documents signed in alis (migrations 0017, 0023): each version of an agreement's text (an
// ALIS agreement's, or a municipality's agreement with a supervisor), its signatures and, once
// every party has signed, its frozen PDF; and the templates administrators
// put in place of the compiled-in ones (migration 0019). Every table is append-only.
class Documents {
  public:
    explicit Documents(Transaction& tx) : tx_(tx) {}

    // The document versions of the person's agreements, by agreement, then version; with their
    // signatures (not the content, which a list does not need).
    std::vector<domain::SignedDocument> documents_of(std::int64_t person_id) const;
    // The versions of one agreement, oldest first, with signatures and content.
    std::vector<domain::SignedDocument> versions_of(std::int64_t agreement_id) const;
    // The versions of the agreement with one registered supervisor (a supervisors row), oldest
    // first, with signatures and content.
    std::vector<domain::SignedDocument> supervision_versions_of(std::int64_t supervisor_id) const;
    // The supervision agreements of every registration of the person as a supervisor, by
    // registration, then version; with signatures, without content.
    std::vector<domain::SignedDocument> supervision_documents_of(std::int64_t person_id) const;
    // The document with this id, with signatures and content; nullopt when there is none.
    std::optional<domain::SignedDocument> find(std::int64_t id) const;
    // The signed document whose frozen PDF has this SHA-256 (hex), or nullopt.
    std::optional<domain::SignedDocument> find_by_pdf_sha256(const std::string& sha256) const;
    // The person whose ALIS agreement the document is; nullopt when there is no such document, or
    // it is a supervision agreement.
    std::optional<std::int64_t> person_of(std::int64_t document_id) const;
    // The frozen PDF of a signed document (base64), or nullopt.
    std::optional<std::string> pdf_of(std::int64_t document_id) const;

    // Adds a version (its id and signatures are ignored) and returns its id.
    std::int64_t add(const domain::SignedDocument& document);
    // Appends a signature and returns its id; a second one for the same party is a
    // ConstraintViolation.
    std::int64_t append_signature(const domain::DocumentSignature& signature);
    // Keeps the PDF every party has signed.
    void freeze(std::int64_t document_id, const std::string& pdf_base64,
                const std::string& pdf_sha256, const std::string& signed_at);

    // The stored versions of a kind's template, oldest first.
    std::vector<domain::StoredDocumentTemplate> templates_of(domain::DocumentKind kind) const;
    // The latest stored version of a kind's template (the one in force), or nullopt.
    std::optional<domain::StoredDocumentTemplate> latest_template(domain::DocumentKind kind) const;
    // Adds a version of a template (its id is ignored) and returns its id; a version name the kind
    // already has is a ConstraintViolation.
    std::int64_t add_template(const domain::StoredDocumentTemplate& stored);

  private:
    void read_signatures(std::vector<domain::SignedDocument>& documents) const;
    Transaction& tx_;
};

}  // namespace alis::store
