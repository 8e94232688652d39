#pragma once

// A mail of the outbox (migration 0020) and the rule of its retries: what waits to be sent, how
// often it was tried, and when it may be tried again. No I/O: the store keeps it, web's SMTP
// client sends it (docs/operations.md, "E-mail digests").

#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.hpp"

namespace alis::domain {

// One mail to send, as the outbox holds it. Times are Unix seconds.
struct OutboxMail {
    std::int64_t id = 0;
    std::optional<std::int64_t> account_id;  // The account a digest is for.
    std::optional<Date> digest_on;           // The day of the digest.
    std::string recipient;                   // An e-mail address.
    std::string subject;                     // UTF-8; the SMTP client encodes it.
    std::string body;                        // UTF-8 plain text, lines ended by "\n".
    std::int64_t queued_at = 0;
    int attempts = 0;                             // Sending attempts that ended, failed or not.
    std::optional<std::int64_t> next_attempt_at;  // Nullopt: given up.
    std::optional<std::int64_t> sent_at;
    std::string last_error;
};

// How a failed mail is tried again: after `base_seconds`, then twice as long after each further
// failure, never longer than `max_seconds` between two attempts.
struct RetryPolicy {
    std::int64_t base_seconds = 60;
    std::int64_t max_seconds = 6 * 60 * 60;
};

// The wait before the next attempt of a mail that has failed `attempts` times (at least 1):
// base, 2 base, 4 base, ..., at most the policy's maximum; 0 when the base is 0.
std::int64_t retry_delay(const RetryPolicy& policy, int attempts);

}  // namespace alis::domain
