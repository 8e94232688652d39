#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace alis::web {

// Keeps rendered bodies of read-only answers that many people request (the front page, the
// municipality list, the leader's overview and its downloads) so that a burst of requests costs
// one computation. An entry is used only while the store's data generation is what it was when
// the entry was computed: any change to data, by this process or another, makes it stale at once.
// The cache holds at most `byte_budget` bytes of bodies and drops the least recently used first.
class ResponseCache {
  public:
    static constexpr std::size_t kDefaultByteBudget = 64u << 20;

    explicit ResponseCache(std::size_t byte_budget = kDefaultByteBudget)
        : byte_budget_(byte_budget) {}

    // The body cached under `key` if it was computed at `generation`; otherwise computes, stores
    // and returns it. `generation` must be read before the data `compute` reads, so that a change
    // in between leaves a body that is stale only for an older generation. `compute` may run on
    // several threads at once for the same key; the last one wins.
    std::shared_ptr<const std::string> get_or_compute(const std::string& key,
                                                      std::uint64_t generation,
                                                      const std::function<std::string()>& compute);

    // The bytes of the bodies held now.
    std::size_t bytes() const;

  private:
    struct Entry {
        std::shared_ptr<const std::string> body;
        std::uint64_t generation = 0;
        std::uint64_t last_used = 0;
    };
    void evict_locked();

    std::size_t byte_budget_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> entries_;
    std::size_t bytes_ = 0;
    std::uint64_t clock_ = 0;
    std::uint64_t newest_generation_ = 0;
};

}  // namespace alis::web
