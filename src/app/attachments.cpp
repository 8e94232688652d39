#include "app/attachments.hpp"

#include "app/hashing.hpp"
#include "store/database.hpp"

namespace alis::app {

std::variant<domain::Attachment, domain::AttachmentProblem> read_upload(
    std::string_view file_name, std::string bytes, std::string_view fallback_name,
    const Actor& uploader, const std::string& at) {
    if (const auto problem = domain::check_attachment(bytes)) {
        return *problem;
    }
    domain::Attachment a;
    a.media_type = *domain::attachment_media_type(bytes);
    a.sha256 = sha256_hex(bytes);
    a.byte_size = static_cast<std::int64_t>(bytes.size());
    a.file_name = domain::attachment_file_name(file_name, fallback_name);
    a.content = std::move(bytes);
    a.uploaded_by = signature_of(uploader);
    a.uploaded_at = at;
    return a;
}

std::int64_t add_attachment(store::UnitOfWork& work, const domain::Attachment& attachment) {
    return work.attachments().add(attachment, to_base64(attachment.content));
}

std::optional<domain::Attachment> find_attachment(Application& app, std::int64_t id) {
    auto found = app.database().read([&](const store::Snapshot& s) {
        std::optional<std::pair<domain::Attachment, std::string>> result;
        if (auto a = s.attachments().find(id)) {
            result.emplace(std::move(*a), s.attachments().content_base64_of(id).value_or(""));
        }
        return result;
    });
    if (!found) {
        return std::nullopt;
    }
    found->first.content = from_base64(found->second);
    return std::move(found->first);
}

}  // namespace alis::app
