#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace alis::web {

// Keeps rendered bodies of read-only pages that many people request (the municipality overview)
// so that a burst of requests costs one query. An entry is used only while the store's write
// generation is unchanged (any write through this server invalidates it at once) and for at most
// `ttl`, which bounds how long a write made by another process (the CLI) can go unseen.
class ResponseCache {
  public:
    explicit ResponseCache(std::chrono::milliseconds ttl = std::chrono::milliseconds(1000))
        : ttl_(ttl) {}

    // The body cached under `key` if still fresh for `generation`; otherwise computes, stores and
    // returns it. `compute` may run on several threads at once for the same key; the last wins.
    std::shared_ptr<const std::string> get_or_compute(const std::string& key,
                                                      std::uint64_t generation,
                                                      const std::function<std::string()>& compute);

  private:
    struct Entry {
        std::shared_ptr<const std::string> body;
        std::uint64_t generation = 0;
        std::chrono::steady_clock::time_point expires;
    };
    std::chrono::milliseconds ttl_;
    std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace alis::web
