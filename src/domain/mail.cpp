#include "domain/mail.hpp"

#include <algorithm>

namespace alis::domain {

std::int64_t retry_delay(const RetryPolicy& policy, int attempts) {
    std::int64_t delay = std::max<std::int64_t>(policy.base_seconds, 0);
    for (int i = 1; i < attempts && delay < policy.max_seconds; ++i) {
        delay *= 2;
    }
    return std::min(delay, policy.max_seconds);
}

}  // namespace alis::domain
