#pragma once

#include <boost/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "web/messages.hpp"

namespace alis::web {

// The HTML templates (templates/*.mustache, compiled into the binary), rendered with kainjow
// mustache, which escapes every {{value}} by default.
class Templates {
  public:
    // Loads and parses every template; throws std::runtime_error naming a template that fails.
    explicit Templates(const Catalogue& catalogue);

    // Renders page template `name` with `data` inside the layout. `data` gets the catalogue as `t`
    // and `assets` as given; `title` is the page title.
    // `user` (may be empty) fills the layout's signed-in bar: {name, csrf_token}.
    std::string render_page(std::string_view name, std::string_view title, boost::json::object data,
                            const boost::json::object& assets,
                            const boost::json::object& user = {}) const;

    // The two halves of render_page, for a page whose body is kept in a cache: the page template
    // alone (with `t` and `assets`), and the layout around a body rendered before.
    std::string render_body(std::string_view name, boost::json::object data,
                            const boost::json::object& assets) const;
    std::string render_layout(std::string_view title, std::string_view body,
                              const boost::json::object& assets,
                              const boost::json::object& user = {}) const;

    ~Templates();

  private:
    // The data every render sees: the catalogue as `t` and the partials, converted once.
    struct Shared;

    std::string render(std::string_view name, const boost::json::object& data) const;

    const Catalogue& catalogue_;
    std::map<std::string, std::string, std::less<>> sources_;
    std::unique_ptr<Shared> shared_;
};

// `text` with &, <, >, " and ' written as XML references, for an element's text or an attribute
// (what mustache's {{value}} writes, for text built outside a template: an SVG, a PDF's markup).
std::string escape_xml(std::string_view text);

// Renders the mustache `source` with `data` alone (no catalogue, no partials), each {{value}}
// passed through `escape` instead of HTML's escaping (a document's markup escapes otherwise).
// Throws std::runtime_error with the parser's message for a broken template.
std::string render_mustache(std::string_view source, const boost::json::object& data,
                            std::string (*escape)(const std::string&));

}  // namespace alis::web
