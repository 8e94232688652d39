#include "domain/toml_reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace alis::domain {
namespace toml_reader_test {

// What each kind of broken file is reported as, so that a front can say it in Norwegian.
TEST(TomlReader, SaysWhatKindOfProblemAFileHas) {
    struct Case {
        std::string text;
        DataFileProblem problem;
        std::string key;
    };
    for (const Case& c : {
             Case{"value = ", DataFileProblem::syntax, ""},
             Case{"other = 1", DataFileProblem::unknown_key, "other"},
             Case{"", DataFileProblem::missing, "value"},
             Case{"value = { ore = 1 }", DataFileProblem::no_source, "value"},
             Case{"value = { ore = -1, source = \"x\" }", DataFileProblem::invalid, "value.ore"},
         }) {
        try {
            const toml::table root = parse_toml(c.text, "t.toml");
            const TomlReader reader("t.toml");
            reader.refuse_unknown_keys(root, {"value"}, "");
            Provenance provenance;
            const toml::node& ore = reader.sourced_value(root, "value", "value", "ore", provenance);
            (void)reader.ore(ore, "value.ore");
            ADD_FAILURE() << c.text << ": accepted";
        } catch (const DataFileError& e) {
            EXPECT_EQ(e.problem(), c.problem) << c.text << ": " << e.what();
            EXPECT_EQ(e.key(), c.key) << c.text;
            EXPECT_EQ(e.file(), "t.toml");
        }
    }
}

}  // namespace toml_reader_test
}  // namespace alis::domain
