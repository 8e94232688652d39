#pragma once

#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace alis::web {

// The message catalogue: every string a user reads, by dotted key ("home.title"), in one language.
// Loaded from messages/<language>.json compiled into the binary.
class Catalogue {
  public:
    // Loads the catalogue of `language` ("nb"); throws std::runtime_error when it is missing or
    // malformed.
    explicit Catalogue(std::string_view language);

    // The text for a dotted key; a missing key gives the key itself in brackets, so a gap shows.
    std::string text(std::string_view key) const;
    // The text for a key with {{name}} placeholders filled from `args` (escaped for HTML: no).
    std::string format(std::string_view key, const boost::json::object& args) const;
    // The whole catalogue, for templates ({{t.home.title}}).
    const boost::json::object& tree() const { return tree_; }

  private:
    boost::json::object tree_;
};

}  // namespace alis::web
