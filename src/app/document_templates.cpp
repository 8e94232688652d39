#include "app/document_templates.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

#include "app/hashing.hpp"
#include "embedded.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

std::string embedded_file_name(domain::DocumentKind kind) {
    return "templates/documents/" + std::string(domain::to_string(kind)) + ".txt";
}

std::string embedded_source(domain::DocumentKind kind) {
    const std::string file = embedded_file_name(kind);
    const auto& files = embedded::files();
    const auto it = files.find(file);
    if (it == files.end()) {
        throw std::runtime_error("no document template " + file);
    }
    return std::string(it->second);
}

// The name a stored version is parsed under in error messages.
std::string stored_file_name(domain::DocumentKind kind, const std::string& version) {
    return std::string(domain::to_string(kind)) + " " + version;
}

TemplateVersion stored_version(domain::StoredDocumentTemplate stored) {
    TemplateVersion v;
    v.id = stored.id;
    v.parsed = domain::parse_document_template(stored.source,
                                               stored_file_name(stored.kind, stored.version));
    v.source = std::move(stored.source);
    v.source_sha256 = std::move(stored.source_sha256);
    v.recorded_at = std::move(stored.recorded_at);
    v.recorded_by = std::move(stored.recorded_by);
    return v;
}

std::string without_carriage_returns(std::string text) {
    std::erase(text, '\r');
    return text;
}

}  // namespace

const domain::DocumentTemplate& embedded_document_template(domain::DocumentKind kind) {
    static std::mutex mutex;
    static std::map<domain::DocumentKind, domain::DocumentTemplate> parsed;
    std::lock_guard lock(mutex);
    if (const auto it = parsed.find(kind); it != parsed.end()) {
        return it->second;
    }
    const std::string file = embedded_file_name(kind);
    auto document = domain::parse_document_template(embedded_source(kind), file);
    if (document.kind != kind) {
        throw std::runtime_error(file + ": kind is " +
                                 std::string(domain::to_string(document.kind)));
    }
    return parsed.emplace(kind, std::move(document)).first->second;
}

domain::DocumentTemplate document_template(Application& app, domain::DocumentKind kind) {
    auto stored = app.database().read(
        [&](const store::Snapshot& s) { return s.documents().latest_template(kind); });
    if (!stored) {
        return embedded_document_template(kind);
    }
    return stored_version(std::move(*stored)).parsed;
}

std::vector<TemplateVersion> template_versions(Application& app, domain::DocumentKind kind) {
    auto stored = app.database().read(
        [&](const store::Snapshot& s) { return s.documents().templates_of(kind); });
    std::vector<TemplateVersion> versions;
    for (auto it = stored.rbegin(); it != stored.rend(); ++it) {
        versions.push_back(stored_version(std::move(*it)));
    }
    TemplateVersion compiled_in;
    compiled_in.parsed = embedded_document_template(kind);
    compiled_in.source = embedded_source(kind);
    compiled_in.source_sha256 = sha256_hex(compiled_in.source);
    versions.push_back(std::move(compiled_in));
    versions.front().in_force = true;
    return versions;
}

bool template_is_unconfirmed(Application& app, domain::DocumentKind kind,
                             const std::string& version) {
    for (const auto& v : template_versions(app, kind)) {
        if (v.parsed.version == version) {
            return v.parsed.provenance.unconfirmed;
        }
    }
    return true;
}

std::variant<TemplateVersion, TemplateRefusal> replace_document_template(
    Application& app, domain::DocumentKind kind, std::string source,
    const TemplateBodyCheck& check_body, const Actor& actor, domain::AuditEvent audit) {
    source = without_carriage_returns(std::move(source));
    domain::DocumentTemplate parsed;
    try {
        parsed = domain::parse_document_template(source, domain::to_string(kind));
    } catch (const domain::DataFileError& e) {
        return TemplateRefusal{TemplateProblem::broken_file, e.problem(), e.key(), e.reason()};
    }
    const auto refusal = [](TemplateProblem problem, std::string key, std::string reason) {
        return TemplateRefusal{problem, domain::DataFileProblem::invalid, std::move(key),
                               std::move(reason)};
    };
    if (parsed.kind != kind) {
        return refusal(TemplateProblem::other_kind, std::string(domain::to_string(parsed.kind)),
                       {});
    }
    if (auto why = check_body(parsed)) {
        return refusal(TemplateProblem::broken_body, {}, std::move(*why));
    }
    const auto version_in_use = refusal(TemplateProblem::version_in_use, parsed.version, {});
    if (parsed.version == embedded_document_template(kind).version) {
        return version_in_use;
    }
    domain::StoredDocumentTemplate stored;
    stored.kind = kind;
    stored.version = parsed.version;
    stored.source_sha256 = sha256_hex(source);
    stored.source = std::move(source);
    stored.recorded_at = audit.at;
    stored.recorded_by = signature_of(actor);
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<TemplateVersion, TemplateRefusal> {
            const auto existing = w.documents().templates_of(kind);
            if (std::any_of(existing.begin(), existing.end(),
                            [&](const auto& t) { return t.version == stored.version; })) {
                return version_in_use;
            }
            stored.id = w.documents().add_template(stored);
            audit.action = "document_template.replaced";
            audit.target = std::string(domain::to_string(kind)) + " " + stored.version +
                           " sha256:" + stored.source_sha256;
            w.audit().append(audit);
            TemplateVersion v;
            v.id = stored.id;
            v.parsed = std::move(parsed);
            v.source = stored.source;
            v.source_sha256 = stored.source_sha256;
            v.recorded_at = stored.recorded_at;
            v.recorded_by = stored.recorded_by;
            v.in_force = true;
            return v;
        });
}

}  // namespace alis::app
