#pragma once

#include <map>
#include <string>
#include <string_view>

namespace alis::embedded {

// Files compiled into the binary (migrations/, templates/, messages/, rules/, data/, api/), keyed
// by their path relative to the source root, e.g. "migrations/sqlite/0001_init.sql".
const std::map<std::string, std::string_view, std::less<>>& files();

}  // namespace alis::embedded
