#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace alis::domain {

// SplitMix64: a tiny deterministic generator whose output is the same on every platform and
// standard library (the standard distributions are not). Used for demo data, property tests and
// benchmarks, never for anything secret.
class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // A whole number in [low, high]; the tiny modulo bias does not matter for these uses.
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
    }

    // True with probability percent/100.
    bool chance(int percent) { return between(1, 100) <= percent; }

    // One of `items`, which must not be empty.
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(
            between(0, static_cast<std::int64_t>(items.size()) - 1))];
    }

  private:
    std::uint64_t state_;
};

}  // namespace alis::domain
