#include "web/response_cache.hpp"

namespace alis::web {

std::shared_ptr<const std::string> ResponseCache::get_or_compute(
    const std::string& key, std::uint64_t generation, const std::function<std::string()>& compute) {
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(key);
        if (it != entries_.end() && it->second.generation == generation &&
            now < it->second.expires) {
            return it->second.body;
        }
    }
    auto body = std::make_shared<const std::string>(compute());
    std::lock_guard lock(mutex_);
    // A day's key is replaced, not accumulated: keys carry the date, so drop stale days.
    if (entries_.size() > 64) {
        entries_.clear();
    }
    entries_[key] = Entry{body, generation, now + ttl_};
    return body;
}

}  // namespace alis::web
