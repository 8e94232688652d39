#pragma once

// The agreements signed in alis (issue 17, docs/documents.md "Signatures"). The leader makes a
// version of an agreement's document from the register row and the data; each party signs it
// with a fresh password, in any order; when the last party signs, the PDF with the signatures is
// made once, hashed and kept, and the register row is marked signed. A change after that is a new
// version, signed again. What the fronts render (the markup, the PDF) is theirs: this layer keeps
// the versions, the signatures and the frozen bytes, and checks a file against them.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/agreement.hpp"
#include "domain/audit_event.hpp"
#include "domain/money.hpp"
#include "domain/person.hpp"
#include "domain/signed_document.hpp"

namespace alis::app {

enum class DocumentProblem {
    unknown_agreement,    // Not an agreement of this person (a 404).
    unknown_document,     // Not a document of this person (a 404).
    superseded,           // A later version exists: only the latest is signed.
    already_signed,       // This party has signed this version.
    cancelled_agreement,  // The register row is cancelled: no new version, no signature.
    unknown_supervisor,   // Not a supervisor the municipality has registered (a 404).
};

// What an ALIS agreement's document says, read from the register row and the data: the doctor,
// the employment the agreement is for, its municipality, the veileder assigned on `today`, and
// the salary and bonus entered for the year the agreement begins (the ALIS's own inputs, else the
// municipality's defaults; docs/money.md).
struct AgreementDocumentFacts {
    domain::Person person;
    domain::Employment employment;
    std::string municipality_name;
    domain::Agreement agreement;
    std::optional<std::string> supervisor_name;
    std::optional<domain::Money> salary;
    std::optional<domain::Money> bonus;
};
// Nullopt when the agreement is not the person's.
std::optional<AgreementDocumentFacts> agreement_document_facts(Application& app,
                                                               std::int64_t person_id,
                                                               std::int64_t agreement_id,
                                                               domain::Date today);

// What a front rendered for a new version.
struct DocumentDraft {
    domain::DocumentKind kind = domain::DocumentKind::alis_agreement;
    std::string template_version;
    std::string title;
    std::string content;  // The block markup (web/pdf.hpp).
};

// Adds the next version of the agreement's document ("document.created"), unless the latest
// version already has this content: then that one is returned and nothing is written.
std::variant<domain::SignedDocument, DocumentProblem> add_document_version(
    Application& app, std::int64_t person_id, std::int64_t agreement_id, DocumentDraft draft,
    const Actor& actor, domain::AuditEvent audit);

// Makes the PDF of a version that every party has signed; its bytes are what is kept.
using SignedPdf = std::function<std::string(const domain::SignedDocument&)>;

// Signs the person's document as `party` ("document.signed"; its target names the document,
// the version and the content's SHA-256). When every party has now signed, `make_pdf` is called
// in the same unit of work and its bytes are kept with their SHA-256, and the agreement register
// row becomes signed on the day of the last signature, unless an earlier version was signed
// already.
std::variant<domain::SignedDocument, DocumentProblem> sign_document(
    Application& app, std::int64_t person_id, std::int64_t document_id, domain::DocumentParty party,
    const Actor& actor, domain::AuditEvent audit, const SignedPdf& make_pdf);

// The municipality's agreement with a supervisor it has registered: the leader makes its
// versions from the supervisor list and the terms they give, and the leader (for the
// municipality) and the supervisor sign them like an ALIS agreement's, with no register row to
// update. Adds the next version of the agreement with registration `supervisor_id` of the
// municipality ("document.created", about the supervisor's person), unless the latest version
// already has this content: then that one is returned and nothing is written.
std::variant<domain::SignedDocument, DocumentProblem> add_supervision_document_version(
    Application& app, const std::string& municipality_number, std::int64_t supervisor_id,
    DocumentDraft draft, const Actor& actor, domain::AuditEvent audit);

// What the policy decides a supervision agreement's routes on: kind supervisor, the municipality
// and the supervisor's person, read from the registration; kind none when the municipality has no
// registration `supervisor_id`.
Resource supervisor_resource(Application& app, const std::string& municipality_number,
                             std::int64_t supervisor_id);

// Signs a version of the municipality's agreement with the supervisor as `party`, as
// sign_document does ("document.signed"), freezing the PDF when both parties have signed.
std::variant<domain::SignedDocument, DocumentProblem> sign_supervision_document(
    Application& app, const std::string& municipality_number, std::int64_t supervisor_id,
    std::int64_t document_id, domain::DocumentParty party, const Actor& actor,
    domain::AuditEvent audit, const SignedPdf& make_pdf);

// The versions of the municipality's agreement with the supervisor, oldest first, with content;
// empty when there are none or the municipality has no such supervisor.
std::vector<domain::SignedDocument> supervision_documents(Application& app,
                                                          const std::string& municipality_number,
                                                          std::int64_t supervisor_id);
// The supervision agreements the person is the supervisor of, in every municipality (without
// content).
std::vector<domain::SignedDocument> supervision_documents_of(Application& app,
                                                             std::int64_t person_id);

// Every version of the person's documents, by agreement and version (without content).
std::vector<domain::SignedDocument> documents_of(Application& app, std::int64_t person_id);
// The person's document with this id, with content and signatures; nullopt when not theirs.
std::optional<domain::SignedDocument> find_document(Application& app, std::int64_t person_id,
                                                    std::int64_t document_id);
// The document with this id, whoever's, for the command line; nullopt when there is none.
std::optional<domain::SignedDocument> find_document(Application& app, std::int64_t document_id);
// The person whose document it is, or nullopt.
std::optional<std::int64_t> person_of_document(Application& app, std::int64_t document_id);
// The exact bytes kept when every party had signed, or nullopt (not signed, or no document).
std::optional<std::string> signed_pdf(Application& app, std::int64_t document_id);

// The marker alis puts in a document's PDF metadata (its keywords), so that an altered file can
// still be named: "alis-document-12".
std::string document_marker(std::int64_t document_id);

// What a file is, checked against the store.
struct DocumentCheck {
    enum class Outcome {
        signed_version,  // The exact bytes of a signed version.
        altered,         // Names a signed document, but its bytes are not those signed.
        not_signed,      // Names a document no party or only some parties have signed.
        unknown,         // Names no document of this installation.
    };
    Outcome outcome = Outcome::unknown;
    std::optional<domain::SignedDocument> document;  // signed_version, altered, not_signed.
    std::string sha256;                              // Of the file checked.
};
DocumentCheck check_document(Application& app, std::string_view pdf_bytes);

}  // namespace alis::app
