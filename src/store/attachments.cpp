#include "store/attachments.hpp"

namespace alis::store {
namespace {

constexpr const char* kFindAttachment =
    "SELECT " ALIS_ATTACHMENT_FACTS("attachments") " FROM attachments WHERE id = $1";
constexpr const char* kAttachmentContentOf = "SELECT content_base64 FROM attachments WHERE id = $1";
constexpr const char* kAddAttachment =
    "INSERT INTO attachments (sha256, media_type, byte_size, file_name, content_base64,"
    " uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

domain::Attachment read_attachment(const Row& row) {
    return read_attachment_facts(row, 0);
}

}  // namespace

domain::Attachment read_attachment_facts(const Row& row, int first) {
    domain::Attachment a;
    a.id = row.integer(first);
    a.sha256 = row.text(first + 1);
    a.media_type = row.enumeration<domain::MediaType>(first + 2);
    a.byte_size = row.integer(first + 3);
    a.file_name = row.text(first + 4);
    a.uploaded_by = row.text(first + 5);
    a.uploaded_at = row.instant(first + 6);
    return a;
}

std::optional<domain::Attachment> Attachments::find(std::int64_t id) const {
    return tx_.row(kFindAttachment, {id}, read_attachment);
}

std::optional<std::string> Attachments::content_base64_of(std::int64_t id) const {
    return tx_.row(kAttachmentContentOf, {id}, [](const Row& row) { return row.text(0); });
}

std::int64_t Attachments::add(const domain::Attachment& a, const std::string& content_base64) {
    return tx_.insert(kAddAttachment, {a.sha256, a.media_type, a.byte_size, a.file_name,
                                       content_base64, a.uploaded_by, a.uploaded_at});
}

}  // namespace alis::store
