#pragma once

// The events of the append-only, hash-chained audit trail (docs/audit.md).

#include <cstdint>
#include <optional>
#include <string>

namespace alis::domain {

// One row of the audit trail. Never holds record content or secrets.
struct AuditEvent {
    std::int64_t id = 0;
    std::string at;  // UTC, "2026-11-22T10:15:30Z".
    std::optional<std::int64_t> actor_account_id;
    std::string actor_label;  // The actor's e-mail, or "anonym" / "system".
    std::string action;       // E.g. "login.failed", "person.read", "access.denied".
    std::optional<std::int64_t> subject_person_id;
    std::string target;   // The route or object acted on.
    std::string outcome;  // "ok", "failed", "denied".
    std::string address;  // The client's IP address.
    std::string prev_hash;
    std::string hash;
};

// The result of checking the whole audit chain.
struct AuditVerification {
    bool ok = true;
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> first_bad_id;  // The first row changed, removed or reordered.
    std::string reason;
    std::int64_t head_id = 0;  // The last row, when ok.
    std::string head_hash;
};

}  // namespace alis::domain
