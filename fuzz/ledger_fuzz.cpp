// The training ledger's JSON input (docs/ledger.md): any text either parses into a training path
// or is refused with a TrainingPathError; a path that parses is counted against the ruleset it
// names (or each shipped ruleset when it names none or an unknown one), and both reports are
// written. The JSON report must itself be valid JSON.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ledger.hpp"
#include "domain/ruleset.hpp"
#include "domain/training_path.hpp"
#include "embedded.hpp"

namespace {

const std::vector<alis::domain::Ruleset>& rulesets() {
    static const std::vector<alis::domain::Ruleset> all = [] {
        std::vector<alis::domain::Ruleset> result;
        for (const auto& [path, text] : alis::embedded::files()) {
            // Only the rulesets directly in rules/: its folders hold the money rates.
            if (path.starts_with("rules/") && path.ends_with(".toml") &&
                path.find('/', 6) == std::string::npos) {
                result.push_back(alis::domain::parse_ruleset(text, path));
            }
        }
        return result;
    }();
    return all;
}

void count(const alis::domain::TrainingPath& path, const alis::domain::Ruleset& ruleset) {
    try {
        const auto report = alis::domain::evaluate(path, ruleset);
        const std::string json = alis::domain::report_json(report);
        boost::system::error_code ec;
        (void)boost::json::parse(json, ec);
        if (ec) {
            std::abort();  // report_json wrote something that is not JSON.
        }
        (void)alis::domain::report_text(report);
    } catch (const alis::domain::TrainingPathError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (rulesets().empty()) {
        std::abort();  // The build embeds rules/*.toml; without them nothing is counted.
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    alis::domain::TrainingPath path;
    try {
        path = alis::domain::parse_training_path(text);
    } catch (const alis::domain::TrainingPathError&) {
        return 0;
    }
    bool named = false;
    for (const auto& ruleset : rulesets()) {
        if (ruleset.id == path.ruleset) {
            count(path, ruleset);
            named = true;
        }
    }
    if (!named) {
        for (const auto& ruleset : rulesets()) {
            count(path, ruleset);
        }
    }
    return 0;
}
