#include "web/response_cache.hpp"

namespace alis::web {

std::shared_ptr<const std::string> ResponseCache::get_or_compute(
    const std::string& key, std::uint64_t generation, const std::function<std::string()>& compute) {
    {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(key);
        if (it != entries_.end() && it->second.generation == generation) {
            it->second.last_used = ++clock_;
            return it->second.body;
        }
    }
    auto body = std::make_shared<const std::string>(compute());
    std::lock_guard lock(mutex_);
    if (generation > newest_generation_) {
        // Generations only grow: what was computed for an older one is never used again.
        newest_generation_ = generation;
        std::erase_if(entries_, [&](const auto& item) {
            if (item.second.generation == generation) {
                return false;
            }
            bytes_ -= item.second.body->size();
            return true;
        });
    }
    auto& entry = entries_[key];
    if (entry.body) {
        bytes_ -= entry.body->size();
    }
    entry = Entry{body, generation, ++clock_};
    bytes_ += body->size();
    evict_locked();
    return body;
}

void ResponseCache::evict_locked() {
    while (bytes_ > byte_budget_ && !entries_.empty()) {
        auto oldest = entries_.begin();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second.last_used < oldest->second.last_used) {
                oldest = it;
            }
        }
        bytes_ -= oldest->second.body->size();
        entries_.erase(oldest);
    }
}

std::size_t ResponseCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

}  // namespace alis::web
