#include "domain/attachment.hpp"

#include "domain/text.hpp"

namespace alis::domain {

std::optional<MediaType> attachment_media_type(std::string_view bytes) {
    static constexpr std::string_view kPdf = "%PDF-";
    static constexpr std::string_view kPng = "\x89PNG\r\n\x1a\n";
    static constexpr std::string_view kJpeg = "\xFF\xD8\xFF";
    if (bytes.starts_with(kPdf)) {
        return MediaType::pdf;
    }
    if (bytes.starts_with(kPng)) {
        return MediaType::png;
    }
    if (bytes.starts_with(kJpeg)) {
        return MediaType::jpeg;
    }
    return std::nullopt;
}

std::optional<AttachmentProblem> check_attachment(std::string_view bytes) {
    if (bytes.empty()) {
        return AttachmentProblem::empty;
    }
    if (bytes.size() > kMaxAttachmentBytes) {
        return AttachmentProblem::too_large;
    }
    if (!attachment_media_type(bytes)) {
        return AttachmentProblem::not_accepted;
    }
    return std::nullopt;
}

std::string attachment_file_name(std::string_view uploaded, std::string_view fallback) {
    if (const auto slash = uploaded.find_last_of("/\\"); slash != std::string_view::npos) {
        uploaded.remove_prefix(slash + 1);
    }
    if (check_text(uploaded, TextKind::line) != TextProblem::none) {
        return std::string(fallback);
    }
    std::string name;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < uploaded.size() && characters < kMaxAttachmentNameLength;) {
        const auto c = static_cast<unsigned char>(uploaded[i]);
        // The length of the UTF-8 sequence this byte starts (the text is strict UTF-8).
        const std::size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (c != '"') {
            name.append(uploaded.substr(i, length));
            ++characters;
        }
        i += length;
    }
    if (name.empty() || name == "." || name == "..") {
        return std::string(fallback);
    }
    return name;
}

}  // namespace alis::domain
