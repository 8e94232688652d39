#pragma once

// The templates of the documents alis writes (domain/document_template.hpp): the ones compiled
// into alis from templates/documents/, and the versions an administrator puts in their place
// (migration 0019, docs/documents.md "Templates"). The template in force for a kind is the
// latest stored version, else the compiled-in one; every older version stays readable.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/document_template.hpp"
#include "domain/toml_reader.hpp"

namespace alis::app {

// The compiled-in template of `kind`, parsed once. Throws domain::DataFileError when the file is
// broken, std::runtime_error when there is none for the kind.
const domain::DocumentTemplate& embedded_document_template(domain::DocumentKind kind);

// The template of `kind` in force: the latest version an administrator stored, else the
// compiled-in one.
domain::DocumentTemplate document_template(Application& app, domain::DocumentKind kind);

// One version of a kind's template, as the administrator's page lists it.
struct TemplateVersion {
    std::optional<std::int64_t> id;  // The stored row; nullopt for the compiled-in file.
    domain::DocumentTemplate parsed;
    std::string source;  // The whole file.
    std::string source_sha256;
    std::string recorded_at;  // Empty for the compiled-in file.
    std::string recorded_by;
    bool in_force = false;
};

// Every version of a kind's template, the one in force first, then the older stored ones newest
// first, and the compiled-in file last.
std::vector<TemplateVersion> template_versions(Application& app, domain::DocumentKind kind);

// Whether the wording of a kind's template version is marked unconfirmed; a version alis no
// longer knows counts as unconfirmed.
bool template_is_unconfirmed(Application& app, domain::DocumentKind kind,
                             const std::string& version);

// Why a replacement was refused.
enum class TemplateProblem {
    broken_file,     // Not a template file: `file_problem`, `key` and `reason` say why.
    broken_body,     // The front cannot fill in the body: `reason` says why.
    other_kind,      // The file is of another kind: `key` names it.
    version_in_use,  // The kind already has this version (stored or compiled in): `key`.
};
struct TemplateRefusal {
    TemplateProblem problem = TemplateProblem::broken_file;
    domain::DataFileProblem file_problem = domain::DataFileProblem::invalid;
    std::string key;
    std::string reason;  // In English, from the parser.
};

// The front's check that a template's body can be filled in: nullopt when it can, else why not.
using TemplateBodyCheck =
    std::function<std::optional<std::string>(const domain::DocumentTemplate&)>;

// Checks `source` (line endings made "\n") as a template of `kind`, its body with `check_body`,
// and stores it as the version in force ("document_template.replaced"; its target names the
// kind, the version and the SHA-256). Nothing is stored when it is refused.
std::variant<TemplateVersion, TemplateRefusal> replace_document_template(
    Application& app, domain::DocumentKind kind, std::string source,
    const TemplateBodyCheck& check_body, const Actor& actor, domain::AuditEvent audit);

}  // namespace alis::app
