#pragma once

#include <boost/json.hpp>

#include <cstdio>
#include <mutex>

namespace alis::web {

// Writes structured JSON log lines, one object per line, to a stream (stdout by default) or
// nowhere. Callers pass only what is safe to log: never passwords, tokens or record content.
class Log {
  public:
    explicit Log(std::FILE* out = stdout) : out_(out) {}
    // Adds "time" (UTC, ISO 8601 with milliseconds) and writes the line; a null stream drops it.
    void write(boost::json::object line);
    // False when lines are dropped, so callers can skip building them.
    bool enabled() const { return out_ != nullptr; }

  private:
    std::mutex mutex_;
    std::FILE* out_;
};

// The current UTC time as "2026-11-22T10:15:30.123Z".
std::string utc_timestamp();

}  // namespace alis::web
