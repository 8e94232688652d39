#include "app/passwords.hpp"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "app/hashing.hpp"

namespace alis::app {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19 * 1024 * 1024;

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace

PasswordPolicy::PasswordPolicy(const std::string& common_list) {
    std::ifstream in(common_list);
    if (!in) {
        throw std::runtime_error("cannot read the common-password list " + common_list +
                                 " (install cracklib-runtime)");
    }
    std::string word;
    while (std::getline(in, word)) {
        if (!word.empty()) {
            common_.insert(lower_ascii(word));
        }
    }
}

std::optional<PasswordProblem> PasswordPolicy::check(std::string_view password) const {
    const std::size_t length = code_points(password);
    if (length < kMinCharacters) {
        return PasswordProblem::too_short;
    }
    if (length > kMaxCharacters) {
        return PasswordProblem::too_long;
    }
    if (common_.contains(lower_ascii(password))) {
        return PasswordProblem::too_common;
    }
    return std::nullopt;
}

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("out of memory while hashing a password");
    }
    return out;
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
    ensure_sodium();
    const std::string hash(encoded_hash);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& decoy_password_hash() {
    static const std::string hash = [] {
        ensure_sodium();
        unsigned char random[16];
        randombytes_buf(random, sizeof random);
        return hash_password(
            std::string_view(reinterpret_cast<const char*>(random), sizeof random));
    }();
    return hash;
}

}  // namespace alis::app
