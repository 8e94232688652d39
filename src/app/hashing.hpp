#pragma once

// The one SHA-256 of alis's documents and files (lower-case hex of the digest), bytes kept as text
// in hex or base64, and libsodium's initialisation (libsodium).

#include <cstddef>
#include <string>
#include <string_view>

namespace alis::app {

std::string sha256_hex(std::string_view bytes);

// The `size` bytes at `bytes` as lower-case hex, two digits a byte.
std::string to_hex(const unsigned char* bytes, std::size_t size);

// Initialises libsodium (again is harmless); throws std::runtime_error when it cannot be.
void ensure_sodium();

// Bytes as base64 (the original alphabet, padded), and back; from_base64 throws
// std::runtime_error for text that is not base64.
std::string to_base64(std::string_view bytes);
std::string from_base64(const std::string& text);

}  // namespace alis::app
