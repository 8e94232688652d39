#include "store/audit_chain.hpp"

#include <sodium.h>

#include <stdexcept>

namespace alis::store {
namespace {

// Bumped only with a migration that re-chains every row: old hashes would no longer verify.
constexpr std::string_view kEncodingVersion = "alis-audit-v1\n";

// Each field is written as `name=` followed by one value form and a newline:
//   -            NULL
//   i<decimal>   an integer
//   s<n>:<bytes> a string of n bytes, copied as they are
// A reader always knows where a value ends (strings carry their length), so two different events
// can never encode alike, and NULL ("-") is never confused with the empty string ("s0:").
void put_name(std::string& out, std::string_view name) {
    out += name;
    out += '=';
}

void put(std::string& out, std::string_view name, std::int64_t value) {
    put_name(out, name);
    out += 'i';
    out += std::to_string(value);
    out += '\n';
}

void put(std::string& out, std::string_view name, std::string_view value) {
    put_name(out, name);
    out += 's';
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

void put(std::string& out, std::string_view name, const std::optional<std::int64_t>& value) {
    if (value) {
        put(out, name, *value);
        return;
    }
    put_name(out, name);
    out += "-\n";
}

}  // namespace

const std::string kAuditGenesisHash(64, '0');

std::string audit_canonical_encoding(const domain::AuditEvent& event) {
    std::string out(kEncodingVersion);
    put(out, "id", event.id);
    put(out, "at", event.at);
    put(out, "actor_account_id", event.actor_account_id);
    put(out, "actor_label", event.actor_label);
    put(out, "action", event.action);
    put(out, "subject_person_id", event.subject_person_id);
    put(out, "target", event.target);
    put(out, "outcome", event.outcome);
    put(out, "address", event.address);
    put(out, "prev_hash", event.prev_hash);
    return out;
}

std::string audit_hash(const domain::AuditEvent& event) {
    // SHA-256 in libsodium needs no sodium_init(), but initialising keeps the library's contract.
    static const bool ready = sodium_init() >= 0;
    if (!ready) {
        throw std::runtime_error("libsodium could not be initialised");
    }
    const std::string encoding = audit_canonical_encoding(event);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(encoding.data()),
                       encoding.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

}  // namespace alis::store
