#include "app/document_templates.hpp"

#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

#include "embedded.hpp"

namespace alis::app {

const domain::DocumentTemplate& embedded_document_template(domain::DocumentKind kind) {
    static std::mutex mutex;
    static std::map<domain::DocumentKind, domain::DocumentTemplate> parsed;
    std::lock_guard lock(mutex);
    if (const auto it = parsed.find(kind); it != parsed.end()) {
        return it->second;
    }
    const std::string file = "templates/documents/" + std::string(domain::to_string(kind)) + ".txt";
    const auto& files = embedded::files();
    const auto it = files.find(file);
    if (it == files.end()) {
        throw std::runtime_error("no document template " + file);
    }
    auto document = domain::parse_document_template(it->second, file);
    if (document.kind != kind) {
        throw std::runtime_error(file + ": kind is " +
                                 std::string(domain::to_string(document.kind)));
    }
    return parsed.emplace(kind, std::move(document)).first->second;
}

}  // namespace alis::app
