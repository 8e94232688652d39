#pragma once

#include <boost/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.hpp"

namespace alis::web {

// Static assets held in memory, each under a stable name and a content-hashed name:
// /static/alis.css (ETag, revalidated) and /static/<hash>/alis.css (cached for a year).
class StaticFiles {
  public:
    struct Source {
        std::string name;  // The URL name, e.g. "designsystemet.css".
        std::filesystem::path path;
    };

    // Reads every source; throws std::runtime_error naming a file that cannot be read.
    explicit StaticFiles(const std::vector<Source>& sources);

    // Answers GET /static/{name} or /static/{hash}/{name} (hash empty for the first form):
    // 200 with the file, 304 when If-None-Match matches, 404 for an unknown name or stale hash.
    Response serve(const Request& request, std::string_view hash, std::string_view name) const;
    // The hashed URL of an asset, for templates.
    std::string url(std::string_view name) const;
    // Every asset's hashed URL by name with '.' and '-' turned into '_' ("alis_css").
    boost::json::object urls() const;

    // The assets alis serves: its own CSS and Designsystemet's, from `root` (the source tree).
    static std::vector<Source> default_sources(const std::filesystem::path& root);

  private:
    struct Asset {
        std::shared_ptr<const std::string> body;  // Shared with every response that sends it.
        std::string content_type;
        std::string hash;  // First 16 hex digits of the SHA-256 of the body.
    };
    std::map<std::string, Asset, std::less<>> assets_;
};

// The Content-Type for a file name, with a charset for text types.
std::string content_type_for(std::string_view name);

}  // namespace alis::web
