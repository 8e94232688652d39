#include "web/metrics.hpp"

#include <cstdio>
#include <sstream>

namespace alis::web {
namespace {

// Route patterns hold only '/', letters, digits, '{', '}', '_' and '-', but escape anyway.
std::string label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
        }
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

}  // namespace

void Metrics::record(const std::string& route, unsigned status, double seconds) {
    std::lock_guard lock(mutex_);
    auto it = routes_.find(route);
    if (it == routes_.end()) {
        it = routes_.emplace(route, RouteStats{}).first;
    }
    ++it->second.by_status[status];
    Histogram& h = it->second.latency;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
        }
    }
    ++h.count;
    h.sum += seconds;
}

std::string Metrics::render() const {
    std::ostringstream out;
    std::lock_guard lock(mutex_);
    out << "# HELP alis_http_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE alis_http_requests_total counter\n";
    for (const auto& [route, stats] : routes_) {
        for (const auto& [status, count] : stats.by_status) {
            out << "alis_http_requests_total{route=\"" << label(route) << "\",status=\"" << status
                << "\"} " << count << "\n";
        }
    }
    out << "# HELP alis_http_request_duration_seconds Time to answer a request, by route.\n"
        << "# TYPE alis_http_request_duration_seconds histogram\n";
    for (const auto& [route, stats] : routes_) {
        const Histogram& h = stats.latency;
        const std::string r = label(route);
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out << "alis_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\""
                << number(kBuckets[i]) << "\"} " << h.buckets[i] << "\n";
        }
        out << "alis_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} "
            << h.count << "\n";
        out << "alis_http_request_duration_seconds_sum{route=\"" << r << "\"} " << number(h.sum)
            << "\n";
        out << "alis_http_request_duration_seconds_count{route=\"" << r << "\"} " << h.count
            << "\n";
    }
    out << "# HELP alis_http_open_connections Client connections open now.\n"
        << "# TYPE alis_http_open_connections gauge\n"
        << "alis_http_open_connections " << open_connections_.load() << "\n";
    return out.str();
}

}  // namespace alis::web
