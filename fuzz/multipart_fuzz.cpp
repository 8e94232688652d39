// multipart/form-data (web/multipart.hpp), the body of the public document check's upload: any
// bytes either parse or are refused, never a crash or a read outside the body; every part's bytes
// are bytes of the body; and parts written back with the same boundary parse to the same parts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "web/multipart.hpp"

namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=xYz";

std::string written(const std::vector<alis::web::MultipartPart>& parts) {
    std::string body;
    for (const auto& p : parts) {
        body += "--xYz\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
        if (!p.filename.empty()) {
            body += "; filename=\"" + p.filename + "\"";
        }
        body += "\r\n\r\n" + p.body + "\r\n";
    }
    return body + "--xYz--\r\n";
}

bool plain(const std::string& s) {
    return s.find_first_of("\"\r\n;") == std::string::npos && s.find("--xYz") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto parts = alis::web::parse_multipart(kType, body);
    if (!parts) {
        return 0;
    }
    bool round_trip = true;
    for (const auto& p : *parts) {
        if (body.find(p.body) == std::string_view::npos) {
            std::abort();  // A part's bytes must come from the body.
        }
        round_trip = round_trip && plain(p.name) && plain(p.filename) && !p.name.empty() &&
                     p.body.find("\r\n--xYz") == std::string::npos;
    }
    if (round_trip) {
        const auto again = alis::web::parse_multipart(kType, written(*parts));
        if (!again || again->size() != parts->size()) {
            std::abort();
        }
        for (std::size_t i = 0; i < parts->size(); ++i) {
            if ((*again)[i].name != (*parts)[i].name || (*again)[i].body != (*parts)[i].body ||
                (*again)[i].filename != (*parts)[i].filename) {
                std::abort();
            }
        }
    }
    return 0;
}
