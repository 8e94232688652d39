#pragma once

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace alis::web {

// Request counters by route and status, a latency histogram by route, and open connections,
// rendered in the Prometheus text format.
class Metrics {
  public:
    // Records one answered request.
    void record(const std::string& route, unsigned status, double seconds);
    // Adds `delta` (+1 or -1) to the open connections.
    void connections_changed(int delta) { open_connections_ += delta; }
    // The Prometheus exposition text.
    std::string render() const;

    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    struct RouteStats {
        std::map<unsigned, std::uint64_t> by_status;
        Histogram latency;
    };
    std::map<std::string, RouteStats, std::less<>> routes_;
    std::atomic<int> open_connections_{0};
};

}  // namespace alis::web
