#pragma once

// multipart/form-data (RFC 7578), the body of a form that uploads a file: its parts, each with
// its field name, the file's name and type where the part is a file, and its bytes as sent.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alis::web {

struct MultipartPart {
    std::string name;          // The form field's name.
    std::string filename;      // Empty when the part is not a file.
    std::string content_type;  // Empty when the part names none.
    std::string body;
};

// The parts of `body` sent with the Content-Type `content_type`; nullopt when the type is not
// multipart/form-data with a boundary, or the body is not well formed (a part without a name,
// no closing boundary).
std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view content_type,
                                                          std::string_view body);

// The part named `name`, or nullptr.
const MultipartPart* find_part(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace alis::web
