#pragma once

// Uploaded files (issue 14; docs/security.md, "Uploads"): what alis keeps of one, and the pure
// rules an upload must pass before it is stored. A file's type is what its first bytes say (its
// "magic bytes"); the type the browser declared and the file's name never decide it, so a text
// file renamed to .pdf is refused.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/enum_names.hpp"

namespace alis::domain {

// The largest file alis keeps: 5 MiB, enough for a scanned certificate of a few pages, small
// enough that a form post stays a bounded request (the upload routes' body limit is this plus
// room for the form's other fields, web::kUploadBodyLimit).
inline constexpr std::size_t kMaxAttachmentBytes = 5 * 1024 * 1024;
// The longest file name kept, in characters.
inline constexpr std::size_t kMaxAttachmentNameLength = 200;

// The kinds of file alis accepts.
enum class MediaType { pdf, png, jpeg };

template <>
struct EnumNames<MediaType> {
    static constexpr std::array<std::pair<MediaType, std::string_view>, 3> names{{
        {MediaType::pdf, "application/pdf"},
        {MediaType::png, "image/png"},
        {MediaType::jpeg, "image/jpeg"},
    }};
};

// One stored file. `content` is the bytes as uploaded; `sha256` their hash (64 lower-case hex).
struct Attachment {
    std::int64_t id = 0;
    std::string sha256;
    MediaType media_type = MediaType::pdf;
    std::int64_t byte_size = 0;
    std::string file_name;
    std::string content;      // Empty when only the metadata was read.
    std::string uploaded_by;  // Name and e-mail, as signature_of gives it.
    std::string uploaded_at;  // UTC, "2026-11-22T10:15:30Z".
};

// Why an upload is refused.
enum class AttachmentProblem {
    empty,         // No file, or a file of no bytes.
    too_large,     // More than kMaxAttachmentBytes.
    not_accepted,  // Neither PDF, PNG nor JPEG by its first bytes.
};

// The type `bytes` begin with: PDF ("%PDF-"), PNG (its 8-byte signature) or JPEG (FF D8 FF);
// nullopt for anything else.
std::optional<MediaType> attachment_media_type(std::string_view bytes);

// What is wrong with `bytes` as an upload (empty, too large, not an accepted type), or nullopt
// when alis may keep it.
std::optional<AttachmentProblem> check_attachment(std::string_view bytes);

// The name a file is kept and offered under: `uploaded` without any folder part (a browser may
// send "C:\\Users\\...\\kursbevis.pdf") and without double quotes, cut to
// kMaxAttachmentNameLength characters; `fallback` when that is empty or the name is no text alis
// accepts in one line (domain/text.hpp).
std::string attachment_file_name(std::string_view uploaded, std::string_view fallback);

}  // namespace alis::domain
