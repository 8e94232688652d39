// The TOML rulesets (rules/*.toml): any text either parses into a ruleset or is refused with a
// RulesetError; nothing else may escape, crash or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/ruleset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)alis::domain::parse_ruleset(text, "fuzz.toml");
    } catch (const alis::domain::RulesetError&) {
    }
    return 0;
}
