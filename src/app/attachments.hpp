#pragma once

// Uploaded files (issue 14; docs/security.md, "Uploads"): an upload is checked by its first bytes
// and its size (domain/attachment.hpp), hashed with SHA-256 and kept in the general, append-only
// attachments table. A use case that keeps a file with its record (a completed course's
// certificate; later a learning activity's) calls add_attachment inside its own unit of work, so
// the file and the record are kept together or not at all.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/attachment.hpp"

namespace alis::store {
class UnitOfWork;
}

namespace alis::app {

// The attachment `bytes` make, named `file_name` as uploaded (kept through
// domain::attachment_file_name, `fallback_name` when nothing usable is left), uploaded by
// `uploader` at `at` (the audit event's instant); or why it is refused (empty, too large, not
// PDF, PNG or JPEG by its first bytes). The declared type and the name's extension never count.
std::variant<domain::Attachment, domain::AttachmentProblem> read_upload(
    std::string_view file_name, std::string bytes, std::string_view fallback_name,
    const Actor& uploader, const std::string& at);

// Keeps an attachment made by read_upload in the unit of work and returns its id.
std::int64_t add_attachment(store::UnitOfWork& work, const domain::Attachment& attachment);

// The attachment with this id and its content; nullopt when there is none. Whoever calls this
// has decided that the reader may see the record that refers to it.
std::optional<domain::Attachment> find_attachment(Application& app, std::int64_t id);

}  // namespace alis::app
