#include "web/templates.hpp"

#include <kainjow/mustache.hpp>

#include <stdexcept>

#include "embedded.hpp"

namespace alis::web {
namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view kBodyTag = "{{{body}}}";
// Names no template file can have (a file name has no '#').
constexpr std::string_view kLayoutHead = "layout#head";
constexpr std::string_view kLayoutTail = "layout#tail";

// kainjow's set() and push_back() copy their argument, so building nested data with them copies
// every row of a list once per level (1.5 ms of a 300-row overview). The containers behind the
// const references it hands out are not const objects, so the conversion moves into them instead.
void put(mustache::data& object, const std::string& key, mustache::data&& value) {
    object.set(key, mustache::data{mustache::data::type::bool_false});
    *const_cast<mustache::data*>(object.get(key)) = std::move(value);
}

mustache::basic_list<std::string>& items_of(mustache::data& list) {
    return const_cast<mustache::basic_list<std::string>&>(list.list_value());
}

// Converts JSON to mustache data; numbers are shown as JSON writes them.
mustache::data to_data(const boost::json::value& value) {
    switch (value.kind()) {
        case boost::json::kind::object: {
            mustache::data object{mustache::data::type::object};
            for (const auto& [key, item] : value.get_object()) {
                put(object, std::string(key), to_data(item));
            }
            return object;
        }
        case boost::json::kind::array: {
            mustache::data list{mustache::data::type::list};
            auto& items = items_of(list);
            // Reserved, since data's move constructor is not noexcept and growth would copy.
            items.reserve(value.get_array().size());
            for (const auto& item : value.get_array()) {
                items.push_back(to_data(item));
            }
            return list;
        }
        case boost::json::kind::string:
            return mustache::data{std::string(value.get_string())};
        case boost::json::kind::bool_:
            return value.get_bool() ? mustache::data{mustache::data::type::bool_true}
                                    : mustache::data{mustache::data::type::bool_false};
        case boost::json::kind::null:
            return mustache::data{mustache::data::type::bool_false};
        default:
            return mustache::data{boost::json::serialize(value)};
    }
}

}  // namespace

struct Templates::Shared {
    mustache::data data{mustache::data::type::object};
};

Templates::~Templates() = default;

Templates::Templates(const Catalogue& catalogue)
    : catalogue_(catalogue), shared_(std::make_unique<Shared>()) {
    constexpr std::string_view prefix = "templates/";
    constexpr std::string_view suffix = ".mustache";
    for (const auto& [path, source] : embedded::files()) {
        if (!path.starts_with(prefix) || !path.ends_with(suffix)) {
            continue;
        }
        const std::string name =
            path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
        mustache::mustache parsed{std::string(source)};
        if (!parsed.is_valid()) {
            throw std::runtime_error("template " + path + ": " + parsed.error_message());
        }
        sources_.emplace(name, std::string(source));
    }
    put(shared_->data, "t", to_data(catalogue_.tree()));
    // Templates named _something are partials, included with {{> _something}}.
    for (const auto& [partial, source] : sources_) {
        if (partial.starts_with('_')) {
            const std::string* text = &source;
            shared_->data.set(partial, mustache::partial{[text] { return *text; }});
        }
    }
    const auto layout = sources_.find("layout");
    if (layout == sources_.end()) {
        throw std::runtime_error("template templates/layout.mustache is missing");
    }
    // The layout is kept as the halves before and after {{{body}}}, so that a page's body (up to
    // a few hundred kB for a long list) is appended once instead of copied through the renderer.
    const std::string& text = layout->second;
    const auto at = text.find(kBodyTag);
    if (at == std::string::npos || text.find(kBodyTag, at + 1) != std::string::npos) {
        throw std::runtime_error("templates/layout.mustache must hold {{{body}}} exactly once");
    }
    for (const auto& [half, source] : {std::pair{kLayoutHead, text.substr(0, at)},
                                       std::pair{kLayoutTail, text.substr(at + kBodyTag.size())}}) {
        mustache::mustache parsed{source};
        if (!parsed.is_valid()) {
            throw std::runtime_error("templates/layout.mustache around {{{body}}}: " +
                                     parsed.error_message());
        }
        sources_.emplace(std::string(half), source);
    }
}

std::string Templates::render(std::string_view name, const boost::json::object& data) const {
    const auto it = sources_.find(name);
    if (it == sources_.end()) {
        throw std::runtime_error("no template named " + std::string(name));
    }
    // Parsed once per thread: a parsed template is not safe to render from two threads at once.
    thread_local std::map<std::string, mustache::mustache, std::less<>> parsed;
    auto found = parsed.find(name);
    if (found == parsed.end()) {
        found = parsed.emplace(std::string(name), mustache::mustache{it->second}).first;
    }
    auto& tmpl = found->second;
    // The page's own data first, then the shared catalogue and partials, without copying them.
    const mustache::data page = to_data(data);
    mustache::context<std::string> context(&shared_->data);
    context.push(&page);
    std::string html = tmpl.render(context);
    if (!tmpl.is_valid()) {
        const std::string error = tmpl.error_message();
        parsed.erase(found);
        throw std::runtime_error("template " + std::string(name) + ": " + error);
    }
    return html;
}

std::string Templates::render_page(std::string_view name, std::string_view title,
                                   boost::json::object data, const boost::json::object& assets,
                                   const boost::json::object& user) const {
    return render_layout(title, render_body(name, std::move(data), assets), assets, user);
}

std::string Templates::render_body(std::string_view name, boost::json::object data,
                                   const boost::json::object& assets) const {
    data["assets"] = assets;
    return render(name, data);
}

std::string Templates::render_layout(std::string_view title, std::string_view body,
                                     const boost::json::object& assets,
                                     const boost::json::object& user) const {
    boost::json::object layout;
    layout["assets"] = assets;
    layout["title"] = title;
    if (!user.empty()) {
        layout["user"] = user;
    }
    std::string html = render(kLayoutHead, layout);
    html.reserve(html.size() + body.size() + 512);
    html += body;
    html += render(kLayoutTail, layout);
    return html;
}

std::string escape_xml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

std::string render_mustache(std::string_view source, const boost::json::object& data,
                            std::string (*escape)(const std::string&)) {
    mustache::mustache tmpl{std::string(source)};
    if (!tmpl.is_valid()) {
        throw std::runtime_error(tmpl.error_message());
    }
    tmpl.set_custom_escape(escape);
    std::string text = tmpl.render(to_data(data));
    if (!tmpl.is_valid()) {
        throw std::runtime_error(tmpl.error_message());
    }
    return text;
}

}  // namespace alis::web
