#pragma once

// The documents signed in alis (issue 17, docs/documents.md "Signatures"): each version of an
// agreement's text, who signed it for which party, and, once every party has, the frozen PDF.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/document_template.hpp"
#include "domain/enum_names.hpp"

namespace alis::domain {

// Who signs a document: the municipality (its leader), and the doctor (an ALIS agreement) or the
// supervisor (a supervision agreement).
enum class DocumentParty { employer, trainee, supervisor };
template <>
struct EnumNames<DocumentParty> {
    static constexpr std::array<std::pair<DocumentParty, std::string_view>, 3> names{{
        {DocumentParty::employer, "employer"},
        {DocumentParty::trainee, "trainee"},
        {DocumentParty::supervisor, "supervisor"},
    }};
};

// Where a version stands: no signature yet, some of the parties', or every party's.
enum class DocumentStatus { draft, partly_signed, signed_by_all };
template <>
struct EnumNames<DocumentStatus> {
    static constexpr std::array<std::pair<DocumentStatus, std::string_view>, 3> names{{
        {DocumentStatus::draft, "draft"},
        {DocumentStatus::partly_signed, "partly_signed"},
        {DocumentStatus::signed_by_all, "signed"},
    }};
};

struct DocumentSignature {
    std::int64_t id = 0;
    std::int64_t document_id = 0;
    DocumentParty party = DocumentParty::employer;
    std::int64_t account_id = 0;
    std::string signer;     // name and e-mail
    std::string signed_at;  // UTC, "2026-11-22T10:15:30Z"; the audit event's instant
};

// One version of a document, as written once, with its signatures. It is of one of two things:
// an ALIS agreement (agreement_id) or a municipality's agreement with a supervisor it has
// registered (supervisor_id); each has its own series of versions.
struct SignedDocument {
    std::int64_t id = 0;
    std::optional<std::int64_t> agreement_id;   // the agreement register's row
    std::optional<std::int64_t> supervisor_id;  // the supervisor's registration (supervisors row)
    int version = 1;
    DocumentKind kind = DocumentKind::alis_agreement;
    std::string template_version;
    std::string title;
    std::string content;         // the block markup the template and the data gave
    std::string content_sha256;  // hex
    std::string created_at;
    std::string created_by;
    std::vector<DocumentSignature> signatures;  // in the order signed
    // Once every party has signed: the SHA-256 (hex) of the frozen PDF, and the last signature's
    // instant.
    std::optional<std::string> pdf_sha256;
    std::optional<std::string> signed_at;

    DocumentStatus status() const;
    // The signature for `party`, or nullptr.
    const DocumentSignature* signature_of(DocumentParty party) const;
};

// The parties who sign a document of `kind`, in the order they are shown (any order of signing).
std::span<const DocumentParty> signing_parties(DocumentKind kind);

// True when alis keeps and signs documents of `kind` (the ALIS and the supervision agreement).
bool is_signed_in_alis(DocumentKind kind);

}  // namespace alis::domain
