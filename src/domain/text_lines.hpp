#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace alis::domain {

// The lines of a text without their ends (LF or CR LF), leaving out empty ones.
std::vector<std::string> text_lines(std::string_view text);

}  // namespace alis::domain
