#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/attachment.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The columns every read of a file's facts selects, in this order, and their reader: the id,
// sha256, media_type, byte_size, file_name, uploaded_by and uploaded_at of `attachments`, read
// from the row's column `first` on (without the content).
#define ALIS_ATTACHMENT_FACTS(table)                                                 \
    table ".id, " table ".sha256, " table ".media_type, " table ".byte_size, " table \
          ".file_name, " table ".uploaded_by, " table ".uploaded_at"
domain::Attachment read_attachment_facts(const Row& row, int first);

// The general store of uploaded files (migration 0024), append-only: a file is added once and
// never changed or removed. It knows nothing of what a file is for; the records that use one
// (a completed course's certificate, a learning activity's) refer to its id.
class Attachments {
  public:
    explicit Attachments(Transaction& tx) : tx_(tx) {}

    // The file with this id, without its content (which a list does not need); nullopt when
    // there is none.
    std::optional<domain::Attachment> find(std::int64_t id) const;
    // The file's bytes as base64, as the table keeps them (app::from_base64 gives the bytes back);
    // nullopt when there is no such file.
    std::optional<std::string> content_base64_of(std::int64_t id) const;

    // Adds a file, its facts from `attachment` (id and content ignored), its bytes as base64, and
    // returns its id. The caller has checked it (domain::check_attachment) and hashed it; the
    // schema refuses a size out of range or a hash that is not 64 lower-case hex digits.
    std::int64_t add(const domain::Attachment& attachment, const std::string& content_base64);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
