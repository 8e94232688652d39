#include "store/attachments.hpp"

namespace alis::store {
namespace {

constexpr const char* kFindAttachment =
    "SELECT id, sha256, media_type, byte_size, file_name, uploaded_by, uploaded_at"
    " FROM attachments WHERE id = $1";
constexpr const char* kAttachmentContentOf = "SELECT content_base64 FROM attachments WHERE id = $1";
constexpr const char* kAddAttachment =
    "INSERT INTO attachments (sha256, media_type, byte_size, file_name, content_base64,"
    " uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

domain::Attachment read_attachment(const Row& row) {
    domain::Attachment a;
    a.id = row.integer(0);
    a.sha256 = row.text(1);
    a.media_type = row.enumeration<domain::MediaType>(2);
    a.byte_size = row.integer(3);
    a.file_name = row.text(4);
    a.uploaded_by = row.text(5);
    a.uploaded_at = row.instant(6);
    return a;
}

}  // namespace

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
