#include "web/log.hpp"

#include <chrono>
#include <ctime>

namespace alis::web {

std::string utc_timestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(millis));
    return buf;
}

void Log::write(boost::json::object line) {
    if (out_ == nullptr) {
        return;
    }
    boost::json::object ordered;
    ordered["time"] = utc_timestamp();
    for (auto& [key, value] : line) {
        ordered[key] = std::move(value);
    }
    const std::string text = boost::json::serialize(ordered) + "\n";
    std::lock_guard lock(mutex_);
    std::fwrite(text.data(), 1, text.size(), out_);
    std::fflush(out_);
}

}  // namespace alis::web
