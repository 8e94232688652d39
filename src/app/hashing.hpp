#pragma once

// The one SHA-256 of alis's documents and files, lower-case hex of the digest, and base64, for
// the bytes kept as text (libsodium).

#include <string>
#include <string_view>

namespace alis::app {

std::string sha256_hex(std::string_view bytes);

// Bytes as base64 (the original alphabet, padded), and back; from_base64 throws
// std::runtime_error for text that is not base64.
std::string to_base64(std::string_view bytes);
std::string from_base64(const std::string& text);

}  // namespace alis::app
