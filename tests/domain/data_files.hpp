#pragma once

// The data files of the source tree (rules/, data/) as the domain tests read them, and the check
// that a parser refuses a broken file naming the key at fault.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/ruleset.hpp"

namespace alis::testing {

// The text of `relative` (e.g. "rules/grants/2023.toml") under the source root; empty when the
// file cannot be read.
inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::filesystem::path(ALIS_SOURCE_DIR) / relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The paths relative to the source root of the `*.toml` files in `folder` (e.g. "rules/grants").
inline std::vector<std::string> toml_files_in(const std::string& folder) {
    std::vector<std::string> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(ALIS_SOURCE_DIR) / folder)) {
        if (entry.path().extension() == ".toml") {
            files.push_back(folder + "/" + entry.path().filename().string());
        }
    }
    return files;
}

// A change that breaks a valid file: `from` replaced by `to`, and the key the error must name.
struct BrokenFile {
    std::string from;
    std::string to;
    std::string key;
    const char* why;
};

// Applies each change to `valid` alone and expects `parse(text)` to throw
// domain::RulesetError naming the case's key.
template <typename Parse>
void expect_refused(const std::string& valid, const std::vector<BrokenFile>& cases, Parse parse) {
    for (const BrokenFile& c : cases) {
        std::string text = valid;
        const auto at = text.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.why;
        text.replace(at, c.from.size(), c.to);
        try {
            (void)parse(text);
            ADD_FAILURE() << c.why << ": accepted";
        } catch (const domain::RulesetError& e) {
            EXPECT_EQ(e.key(), c.key) << c.why << ": " << e.what();
        }
    }
}

}  // namespace alis::testing
