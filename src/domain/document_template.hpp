#pragma once

// The templates of the documents alis writes (templates/documents/*.txt): data, with a version
// each. A template is a TOML header, a line "+++", then its body: the block markup of web/pdf.hpp
// with mustache variables ({{person.name}}) that the data fills in.
//
//     kind = "service-certificate"
//     version = "2026-12-01"
//     title = "Tjenesteattest"
//     source = "..."            # where its structure comes from, or
//     unconfirmed = true        # no official text here confirms its wording
//     note = "..."              # why it is what it is
//     check = ["...", "..."]    # what to check against the official template, when there is one
//     +++
//     # Tjenesteattest
//     ...

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/provenance.hpp"

namespace alis::domain {

enum class DocumentKind {
    alis_agreement,
    supervision_agreement,
    service_certificate,
    education_plan,
    general_plan,
};
template <>
struct EnumNames<DocumentKind> {
    static constexpr std::array<std::pair<DocumentKind, std::string_view>, 5> names{{
        {DocumentKind::alis_agreement, "alis-agreement"},
        {DocumentKind::supervision_agreement, "supervision-agreement"},
        {DocumentKind::service_certificate, "service-certificate"},
        {DocumentKind::education_plan, "education-plan"},
        {DocumentKind::general_plan, "general-plan"},
    }};
};

struct DocumentTemplate {
    DocumentKind kind = DocumentKind::service_certificate;
    std::string version;
    std::string title;
    Provenance provenance;
    std::vector<std::string> check;  // What to check against the official template.
    std::string body;                // Mustache source of the block markup.
};

// A version of a template that an administrator put in place of the compiled-in one (migration
// 0019): the whole file as uploaded, kept as it is.
struct StoredDocumentTemplate {
    std::int64_t id = 0;
    DocumentKind kind = DocumentKind::service_certificate;
    std::string version;
    std::string source;         // The whole file: its header, "+++" and the body.
    std::string source_sha256;  // Hex.
    std::string recorded_at;    // UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    std::string recorded_by;    // Name and e-mail.
};

// Parses a template; throws DataFileError (domain/toml_reader.hpp) naming `file`, the key and the
// reason.
DocumentTemplate parse_document_template(std::string_view text, std::string_view file);

}  // namespace alis::domain
