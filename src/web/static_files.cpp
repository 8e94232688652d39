#include "web/static_files.hpp"

#include <sodium.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace alis::web {
namespace {

std::string sha256_hex16(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, 16);
}

}  // namespace

std::string content_type_for(std::string_view name) {
    static const std::pair<std::string_view, std::string_view> kTypes[] = {
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml; charset=utf-8"},
        {".html", "text/html; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
    };
    for (const auto& [suffix, type] : kTypes) {
        if (name.ends_with(suffix)) {
            return std::string(type);
        }
    }
    return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::vector<Source>& sources) {
    for (const Source& source : sources) {
        std::ifstream in(source.path, std::ios::binary);
        if (!in) {
            throw std::runtime_error("cannot read static file " + source.path.string() +
                                     " (run scripts/install-deps to fetch front-end assets)");
        }
        std::ostringstream content;
        content << in.rdbuf();
        Asset asset;
        asset.body = std::make_shared<const std::string>(content.str());
        asset.content_type = content_type_for(source.name);
        asset.hash = sha256_hex16(*asset.body);
        assets_.emplace(source.name, std::move(asset));
    }
}

std::vector<StaticFiles::Source> StaticFiles::default_sources(const std::filesystem::path& root) {
    const auto ds = root / "node_modules" / "@digdir" / "designsystemet-css" / "dist";
    return {
        {"alis.css", root / "web" / "static" / "alis.css"},
        {"designsystemet.css", ds / "src" / "index.css"},
        {"designsystemet-theme.css", ds / "theme" / "designsystemet.css"},
    };
}

Response StaticFiles::serve(const Request& request, std::string_view hash,
                            std::string_view name) const {
    const auto it = assets_.find(name);
    if (it == assets_.end() || (!hash.empty() && hash != it->second.hash)) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    const Asset& asset = it->second;
    const std::string etag = "\"" + asset.hash + "\"";
    Response response{http::status::ok, request.version()};
    response.set(http::field::etag, etag);
    response.set(http::field::cache_control,
                 hash.empty() ? "no-cache" : "public, max-age=31536000, immutable");
    response.set(http::field::content_type, asset.content_type);
    if (request[http::field::if_none_match] == etag) {
        response.result(http::status::not_modified);
        return response;
    }
    response.body().shared = asset.body;
    return response;
}

std::string StaticFiles::url(std::string_view name) const {
    const auto it = assets_.find(name);
    if (it == assets_.end()) {
        return "/static/" + std::string(name);
    }
    return "/static/" + it->second.hash + "/" + std::string(name);
}

boost::json::object StaticFiles::urls() const {
    boost::json::object result;
    for (const auto& [name, asset] : assets_) {
        std::string key = name;
        for (char& c : key) {
            if (c == '.' || c == '-') {
                c = '_';
            }
        }
        result[key] = url(name);
    }
    return result;
}

}  // namespace alis::web
