#pragma once

// Signed heads of the audit trail. The hash chain in the database shows a row changed, removed or
// moved in the middle, but someone with write access to the database can delete the last rows, or
// rewrite the whole chain with fresh hashes, and the chain stays consistent. A *signed head* (the
// id and hash of the last row, signed with an Ed25519 key kept outside the database) that a third
// party keeps makes both detectable: the kept row must still be there, with the same hash.

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "app/application.hpp"
#include "domain/audit_event.hpp"

namespace alis::app {

// A key file or kept head that cannot be read, is malformed, or would be overwritten. The message
// is one line that names the file; it never holds key material.
class AuditHeadError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// An Ed25519 key pair that signs audit heads. The secret half is wiped from memory on destruction.
class AuditSigningKey {
  public:
    // A fresh random key pair.
    static AuditSigningKey generate();
    // Reads a key file written by save(). Throws AuditHeadError when the file is missing,
    // unreadable, malformed, or readable by other users than its owner.
    static AuditSigningKey load(const std::string& path);

    ~AuditSigningKey();
    AuditSigningKey(const AuditSigningKey&) = delete;
    AuditSigningKey& operator=(const AuditSigningKey&) = delete;
    AuditSigningKey(AuditSigningKey&& other) noexcept;
    AuditSigningKey& operator=(AuditSigningKey&&) = delete;

    // Writes the key to a new file with mode 0600. Throws AuditHeadError when the file already
    // exists (a key is never overwritten) or cannot be written.
    void save(const std::string& path) const;
    // The public key, 64 lower-case hex digits.
    std::string public_key_hex() const;
    // The Ed25519 signature of `message`, 128 lower-case hex digits.
    std::string sign(std::string_view message) const;

  private:
    AuditSigningKey() = default;
    void derive_from_seed();

    std::array<unsigned char, 32> seed_{};
    std::array<unsigned char, 32> public_key_{};
    std::array<unsigned char, 64> secret_key_{};
};

// The id and hash of the last row of the chain, signed at a time.
struct SignedAuditHead {
    std::int64_t id = 0;  // 0 for an empty chain, whose hash is the genesis hash.
    std::string hash;
    std::string at;          // UTC time of signing, "2026-11-22T10:15:30Z".
    std::string public_key;  // Hex.
    std::string signature;   // Hex, over audit_head_signed_text(id, hash, at).
};

// The exact text a head's signature covers.
std::string audit_head_signed_text(std::int64_t id, std::string_view hash, std::string_view at);

// The head as one line of JSON: {"id", "hash", "at", "public_key", "signature"}.
std::string to_json(const SignedAuditHead& head);
// Parses a head written by to_json. Throws AuditHeadError naming `source` when a field is missing
// or malformed; does not check the signature.
SignedAuditHead parse_signed_audit_head(std::string_view json, const std::string& source);
// Reads and parses a kept head file; throws AuditHeadError when it is unreadable or malformed.
SignedAuditHead read_signed_audit_head(const std::string& path);

// True when the head's signature is valid for its public key and fields.
bool signature_is_valid(const SignedAuditHead& head);

// Signing the current head: the head, or (when the chain is broken) only the chain's report, since
// signing a broken chain would vouch for the damage.
struct AuditHeadSigning {
    domain::AuditVerification chain;
    std::optional<SignedAuditHead> head;
};
// Recomputes every hash of the audit trail from its first row and reports the first row that does
// not fit.
domain::AuditVerification verify_audit_chain(Application& app);

// Checks the whole chain and, when it is intact, signs its last row with `key` at time `at`.
AuditHeadSigning sign_audit_head(Application& app, const AuditSigningKey& key, std::string at);

// The result of checking a kept head against a store.
struct AuditHeadVerification {
    bool ok = false;
    domain::AuditVerification chain;  // Filled when the signature was valid.
    std::string reason;               // One line, when not ok.
};
// Checks that the head is signed (by `expected_public_key`, when given), that the chain verifies
// from its first row to its current end, and that the kept row is still there with the kept hash.
AuditHeadVerification verify_audit_head(Application& app, const SignedAuditHead& head,
                                        const std::optional<std::string>& expected_public_key);

}  // namespace alis::app
