#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace alis::app {

// Why a new password is refused; nullopt from check_new_password means accepted.
enum class PasswordProblem { too_short, too_long, too_common };

// The password rules (ASVS 2.1): at least 12 characters, at most 128, no composition rules, and
// not in the list of common passwords.
class PasswordPolicy {
  public:
    static constexpr std::size_t kMinCharacters = 12;
    static constexpr std::size_t kMaxCharacters = 128;

    // Loads the common-password list (one word a line, compared case-insensitively), by default
    // Debian's cracklib word list. Throws std::runtime_error when the file cannot be read.
    explicit PasswordPolicy(const std::string& common_list = "/usr/share/dict/cracklib-small");

    // Checks a new password; characters are counted as Unicode code points.
    std::optional<PasswordProblem> check(std::string_view password) const;

  private:
    std::unordered_set<std::string> common_;
};

// Hashes a password with Argon2id (libsodium crypto_pwhash_str: 2 passes, 19 MiB), in the encoded
// form that carries salt and parameters. Throws std::runtime_error when out of memory.
std::string hash_password(std::string_view password);

// True when `password` matches the encoded hash; false for any mismatch or malformed hash.
bool verify_password(std::string_view encoded_hash, std::string_view password);

// A hash of a random password, verified against on logins for unknown accounts so that they
// take as long as logins for known ones.
const std::string& decoy_password_hash();

}  // namespace alis::app
