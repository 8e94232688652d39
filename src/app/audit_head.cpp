#include "app/audit_head.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/hashing.hpp"
#include "store/audit_chain.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

constexpr std::string_view kKeyFileTitle =
    "alis audit signing key (Ed25519). Keep it secret, and away from the database and its "
    "backups.";
constexpr std::string_view kPublicKeyField = "public_key=";
constexpr std::string_view kSeedField = "secret_seed=";
// A key file or head is a few hundred bytes; anything much larger is not one.
constexpr std::size_t kLargestFile = 64 * 1024;

bool is_lower_hex(std::string_view text, std::size_t digits) {
    return text.size() == digits && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Decodes exactly `out.size()` bytes of hex; false for anything else.
template <std::size_t N>
bool from_hex(std::string_view text, std::array<unsigned char, N>& out) {
    if (!is_lower_hex(text, N * 2)) {
        return false;
    }
    std::size_t decoded = 0;
    return sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &decoded,
                          nullptr) == 0 &&
           decoded == N;
}

std::string read_small_file(const std::string& path, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw AuditHeadError("cannot read " + std::string(what) + " " + path + ": " +
                             std::strerror(errno));
    }
    std::string text(kLargestFile + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kLargestFile) {
        throw AuditHeadError(std::string(what) + " " + path + " is too large to be one");
    }
    return text;
}

// The value after `field` on a line of `text`, or empty when there is no such line.
std::string_view field_value(std::string_view text, std::string_view field) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = text.substr(start, end - start);
        if (line.starts_with(field)) {
            return line.substr(field.size());
        }
        start = end + 1;
    }
    return {};
}

std::string row(std::int64_t id) {
    return "row " + std::to_string(id);
}

}  // namespace

AuditSigningKey AuditSigningKey::generate() {
    ensure_sodium();
    AuditSigningKey key;
    randombytes_buf(key.seed_.data(), key.seed_.size());
    key.derive_from_seed();
    return key;
}

AuditSigningKey AuditSigningKey::load(const std::string& path) {
    ensure_sodium();
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        throw AuditHeadError("cannot read key file " + path + ": " + std::strerror(errno));
    }
    if (!S_ISREG(info.st_mode)) {
        throw AuditHeadError("key file " + path + " is not a regular file");
    }
    if ((info.st_mode & 077) != 0) {
        throw AuditHeadError("key file " + path +
                             " can be read by other users: run chmod 600 on it");
    }
    std::string text = read_small_file(path, "key file");
    AuditSigningKey key;
    std::array<unsigned char, 32> stated_public_key{};
    const bool parsed = from_hex(field_value(text, kSeedField), key.seed_) &&
                        from_hex(field_value(text, kPublicKeyField), stated_public_key);
    sodium_memzero(text.data(), text.size());
    if (!parsed) {
        throw AuditHeadError(
            "key file " + path +
            " is malformed: it needs a public_key= and a secret_seed= line of hex");
    }
    key.derive_from_seed();
    if (stated_public_key != key.public_key_) {
        throw AuditHeadError("key file " + path +
                             " is damaged: its public key does not belong to its secret seed");
    }
    return key;
}

AuditSigningKey::~AuditSigningKey() {
    sodium_memzero(seed_.data(), seed_.size());
    sodium_memzero(secret_key_.data(), secret_key_.size());
}

AuditSigningKey::AuditSigningKey(AuditSigningKey&& other) noexcept
    : seed_(other.seed_), public_key_(other.public_key_), secret_key_(other.secret_key_) {
    sodium_memzero(other.seed_.data(), other.seed_.size());
    sodium_memzero(other.secret_key_.data(), other.secret_key_.size());
}

void AuditSigningKey::derive_from_seed() {
    crypto_sign_seed_keypair(public_key_.data(), secret_key_.data(), seed_.data());
}

void AuditSigningKey::save(const std::string& path) const {
    // O_EXCL: an existing key is never replaced, since heads signed with it could no longer be
    // told from forgeries by the key's owner.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            throw AuditHeadError("key file " + path + " already exists; refusing to overwrite it");
        }
        throw AuditHeadError("cannot create key file " + path + ": " + std::strerror(errno));
    }
    std::string text = std::string(kKeyFileTitle) + "\n" + std::string(kPublicKeyField) +
                       public_key_hex() + "\n" + std::string(kSeedField) +
                       to_hex(seed_.data(), seed_.size()) + "\n";
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    bool ok = written == text.size();
    int saved_errno = ok ? 0 : (errno != 0 ? errno : EIO);
    sodium_memzero(text.data(), text.size());
    if (ok && ::fsync(fd) != 0) {
        ok = false;
        saved_errno = errno;
    }
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        throw AuditHeadError("cannot write key file " + path + ": " + std::strerror(saved_errno));
    }
}

std::string AuditSigningKey::public_key_hex() const {
    return to_hex(public_key_.data(), public_key_.size());
}

std::string AuditSigningKey::sign(std::string_view message) const {
    ensure_sodium();
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         secret_key_.data());
    return to_hex(signature.data(), signature.size());
}

std::string audit_head_signed_text(std::int64_t id, std::string_view hash, std::string_view at) {
    // The id is digits and the hash fixed-length hex, so the text reads back one way only.
    return "alis-audit-head-v1\nid=" + std::to_string(id) + "\nhash=" + std::string(hash) +
           "\nat=" + std::string(at) + "\n";
}

std::string to_json(const SignedAuditHead& head) {
    boost::json::object object;
    object["id"] = head.id;
    object["hash"] = head.hash;
    object["at"] = head.at;
    object["public_key"] = head.public_key;
    object["signature"] = head.signature;
    return boost::json::serialize(object);
}

SignedAuditHead parse_signed_audit_head(std::string_view json, const std::string& source) {
    const auto malformed = [&](const std::string& why) {
        return AuditHeadError("kept head " + source + " is malformed: " + why);
    };
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(json, ec);
    if (ec || !value.is_object()) {
        throw malformed("it is not a JSON object");
    }
    const boost::json::object& object = value.as_object();
    const auto text = [&](std::string_view name) -> std::string {
        const auto* field = object.if_contains(name);
        if (field == nullptr || !field->is_string()) {
            throw malformed("\"" + std::string(name) + "\" is missing or not a string");
        }
        return std::string(field->as_string());
    };

    SignedAuditHead head;
    const auto* id = object.if_contains("id");
    if (id != nullptr && id->is_int64() && id->as_int64() >= 0) {
        head.id = id->as_int64();
    } else if (id != nullptr && id->is_uint64() &&
               id->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        head.id = static_cast<std::int64_t>(id->as_uint64());
    } else {
        throw malformed("\"id\" is missing or not a row number");
    }
    head.hash = text("hash");
    head.at = text("at");
    head.public_key = text("public_key");
    head.signature = text("signature");
    if (!is_lower_hex(head.hash, 64)) {
        throw malformed("\"hash\" is not 64 hex digits");
    }
    if (head.at.empty() || head.at.size() > 64 || head.at.find('\n') != std::string::npos) {
        throw malformed("\"at\" is not a time");
    }
    if (!is_lower_hex(head.public_key, crypto_sign_PUBLICKEYBYTES * 2)) {
        throw malformed("\"public_key\" is not 64 hex digits");
    }
    if (!is_lower_hex(head.signature, crypto_sign_BYTES * 2)) {
        throw malformed("\"signature\" is not 128 hex digits");
    }
    return head;
}

SignedAuditHead read_signed_audit_head(const std::string& path) {
    return parse_signed_audit_head(read_small_file(path, "kept head"), path);
}

bool signature_is_valid(const SignedAuditHead& head) {
    ensure_sodium();
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    if (!from_hex(head.public_key, public_key) || !from_hex(head.signature, signature)) {
        return false;
    }
    const std::string message = audit_head_signed_text(head.id, head.hash, head.at);
    return crypto_sign_verify_detached(signature.data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), public_key.data()) == 0;
}

domain::AuditVerification verify_audit_chain(Application& app) {
    return app.database().read([](const store::Snapshot& s) { return s.audit().verify(); });
}

AuditHeadSigning sign_audit_head(Application& app, const AuditSigningKey& key, std::string at) {
    AuditHeadSigning result;
    result.chain = verify_audit_chain(app);
    if (!result.chain.ok) {
        return result;
    }
    SignedAuditHead head;
    head.id = result.chain.head_id;
    head.hash = result.chain.head_hash;
    head.at = std::move(at);
    head.public_key = key.public_key_hex();
    head.signature = key.sign(audit_head_signed_text(head.id, head.hash, head.at));
    result.head = std::move(head);
    return result;
}

AuditHeadVerification verify_audit_head(Application& app, const SignedAuditHead& head,
                                        const std::optional<std::string>& expected_public_key) {
    AuditHeadVerification result;
    const auto fail = [&](std::string reason) {
        result.ok = false;
        result.reason = std::move(reason);
        return result;
    };
    if (expected_public_key && *expected_public_key != head.public_key) {
        return fail("kept head is signed by key " + head.public_key + ", not by the expected " +
                    *expected_public_key);
    }
    if (!signature_is_valid(head)) {
        return fail(
            "kept head: signature does not match (the head was altered, or not signed by "
            "its key)");
    }
    result.chain = verify_audit_chain(app);
    if (!result.chain.ok) {
        return fail("audit chain broken: " + result.chain.reason);
    }
    if (head.id > result.chain.head_id) {
        return fail("kept head " + row(head.id) +
                    " is missing: rows were removed after it was signed (the chain now ends at " +
                    row(result.chain.head_id) + ")");
    }
    const std::string now_hash =
        head.id == 0 ? store::kAuditGenesisHash
        : head.id == result.chain.head_id
            ? result.chain.head_hash
            : app.database()
                  .read([&](const store::Snapshot& s) { return s.audit().find(head.id); })
                  .value_or(domain::AuditEvent{})
                  .hash;
    if (now_hash != head.hash) {
        return fail("kept head " + row(head.id) +
                    " has another hash now: the chain was rewritten after the head was signed");
    }
    result.ok = true;
    return result;
}

}  // namespace alis::app
