#include "web/messages.hpp"

#include <stdexcept>

#include "embedded.hpp"

namespace alis::web {
namespace {

const boost::json::value* lookup(const boost::json::object& tree, std::string_view key) {
    const boost::json::object* node = &tree;
    while (true) {
        const auto dot = key.find('.');
        const auto head = key.substr(0, dot);
        const auto* found = node->if_contains(head);
        if (found == nullptr) {
            return nullptr;
        }
        if (dot == std::string_view::npos) {
            return found;
        }
        if (!found->is_object()) {
            return nullptr;
        }
        node = &found->get_object();
        key.remove_prefix(dot + 1);
    }
}

}  // namespace

Catalogue::Catalogue(std::string_view language) {
    const std::string path = "messages/" + std::string(language) + ".json";
    const auto& files = embedded::files();
    const auto it = files.find(path);
    if (it == files.end()) {
        throw std::runtime_error("no message catalogue for language '" + std::string(language) +
                                 "'");
    }
    boost::system::error_code ec;
    auto value = boost::json::parse(it->second, ec);
    if (ec || !value.is_object()) {
        throw std::runtime_error(path + " is not a JSON object: " + ec.message());
    }
    tree_ = std::move(value.get_object());
}

std::string Catalogue::text(std::string_view key) const {
    const auto* value = lookup(tree_, key);
    if (value == nullptr || !value->is_string()) {
        std::string missing;
        missing.reserve(key.size() + 2);
        missing.append(1, '[').append(key).append(1, ']');
        return missing;
    }
    return std::string(value->get_string());
}

std::string Catalogue::format(std::string_view key, const boost::json::object& args) const {
    std::string text = this->text(key);
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find("{{", pos);
        if (open == std::string::npos) {
            break;
        }
        const auto close = text.find("}}", open + 2);
        if (close == std::string::npos) {
            break;
        }
        out.append(text, pos, open - pos);
        const auto name = std::string_view(text).substr(open + 2, close - open - 2);
        if (const auto* arg = args.if_contains(name)) {
            if (arg->is_string()) {
                out += arg->get_string();
            } else {
                out += boost::json::serialize(*arg);
            }
        }
        pos = close + 2;
    }
    out.append(text, pos);
    return out;
}

}  // namespace alis::web
