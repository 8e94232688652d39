#include "domain/ruleset.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace alis::domain {
namespace ruleset_test {

std::string read_rules_file(const std::string& name) {
    std::ifstream in(std::filesystem::path(ALIS_SOURCE_DIR) / "rules" / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const Requirement* find(const Ruleset& ruleset, const std::string& id) {
    for (const Requirement& r : ruleset.requirements) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

constexpr std::size_t kOpen = counting_index(Arena::open_general_practice);
constexpr std::size_t kOther = counting_index(Arena::other_general_practice);
constexpr std::size_t kInstitution = counting_index(Arena::institution);

TEST(Ruleset, TheSchemeFrom2019HasTheValuesOfTheIssue) {
    const Ruleset r = parse_ruleset(read_rules_file("allmennmedisin-2019.toml"),
                                    "rules/allmennmedisin-2019.toml");
    EXPECT_EQ(r.id, "allmennmedisin-2019");
    EXPECT_FALSE(r.name.empty());
    EXPECT_GE(r.version, 1);
    ASSERT_TRUE(r.valid_from.has_value());
    EXPECT_EQ(r.valid_from->iso(), "2019-03-01");
    EXPECT_EQ(r.min_fte, 500'000);
    EXPECT_EQ(r.min_fte_basis, MinimumFteBasis::day);
    EXPECT_TRUE(r.total_arenas[kOpen] && r.total_arenas[kOther] && r.total_arenas[kInstitution]);
    EXPECT_EQ(r.caps[kOpen], 54);
    EXPECT_EQ(r.caps[kOther], 30);
    EXPECT_FALSE(r.caps[kInstitution].has_value());

    ASSERT_EQ(r.requirements.size(), 3u);
    EXPECT_EQ(r.requirements[0].id, "total");
    const Requirement* total = find(r, "total");
    ASSERT_NE(total, nullptr);
    EXPECT_EQ(total->basis, RequirementBasis::total);
    EXPECT_EQ(total->months, 60);
    const Requirement* open = find(r, "open_general_practice_min");
    ASSERT_NE(open, nullptr);
    EXPECT_EQ(open->basis, RequirementBasis::arenas);
    EXPECT_TRUE(open->arenas[kOpen]);
    EXPECT_FALSE(open->arenas[kOther] || open->arenas[kInstitution]);
    EXPECT_EQ(open->months, 24);
    const Requirement* institution = find(r, "institution_min");
    ASSERT_NE(institution, nullptr);
    EXPECT_TRUE(institution->arenas[kInstitution]);
    EXPECT_EQ(institution->months, 6);
}

TEST(Ruleset, ThePre2019SchemeHasTheValuesOfTheIssue) {
    const Ruleset r = parse_ruleset(read_rules_file("allmennmedisin-pre2019.toml"),
                                    "rules/allmennmedisin-pre2019.toml");
    EXPECT_EQ(r.id, "allmennmedisin-pre2019");
    EXPECT_EQ(r.min_fte, 500'000);
    EXPECT_EQ(r.min_fte_basis, MinimumFteBasis::period);
    EXPECT_TRUE(r.total_arenas[kOpen] && r.total_arenas[kOther]);
    EXPECT_FALSE(r.total_arenas[kInstitution]);
    ASSERT_NE(find(r, "total"), nullptr);
    EXPECT_EQ(find(r, "total")->months, 48);
    ASSERT_NE(find(r, "open_general_practice_min"), nullptr);
    EXPECT_EQ(find(r, "open_general_practice_min")->months, 24);
    ASSERT_NE(find(r, "institution_min"), nullptr);
    EXPECT_EQ(find(r, "institution_min")->months, 12);
}

TEST(Ruleset, EveryShippedRulesetLoadsAndIsNamedForItsFile) {
    int count = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(ALIS_SOURCE_DIR) / "rules")) {
        if (entry.path().extension() != ".toml") {
            continue;
        }
        ++count;
        const std::string name = entry.path().filename().string();
        const Ruleset r = parse_ruleset(read_rules_file(name), "rules/" + name);
        EXPECT_EQ(r.id, entry.path().stem().string());
    }
    EXPECT_GE(count, 2);
}

// A small valid ruleset; each broken variant below changes one thing.
const std::string kValid = R"(
id = "test-rules"
name = "Test"
version = 1
valid_from = 2019-03-01

[counting]
min_fte = 50
min_fte_applies_to = "day"

[total]
arenas = ["open_general_practice", "institution"]

[total.caps]
open_general_practice = 54

[[requirements]]
id = "total"
name = "Samlet"
counts = "total"
months = 60

[[requirements]]
id = "institution_min"
name = "Institusjon"
counts = ["institution"]
months = 6
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) {
        text.replace(at, from.size(), to);
    }
    return text;
}

TEST(Ruleset, TheTestRulesetIsValid) {
    const Ruleset r = parse_ruleset(kValid, "test.toml");
    EXPECT_EQ(r.requirements.size(), 2u);
    EXPECT_EQ(r.caps[kOpen], 54);
}

TEST(Ruleset, AcceptsADecimalMinimum) {
    const Ruleset r = parse_ruleset(replaced(kValid, "min_fte = 50", "min_fte = 37.5"), "t.toml");
    EXPECT_EQ(r.min_fte, 375'000);
}

struct Broken {
    std::string from;
    std::string to;
    std::string key;
    std::string reason_part;
};

class RulesetBroken : public ::testing::TestWithParam<Broken> {};

TEST_P(RulesetBroken, IsRefusedWithFileKeyAndReason) {
    const Broken& b = GetParam();
    const std::string text = replaced(kValid, b.from, b.to);
    try {
        parse_ruleset(text, "rules/broken.toml");
        ADD_FAILURE() << "accepted:\n" << text;
    } catch (const RulesetError& e) {
        EXPECT_EQ(e.file(), "rules/broken.toml");
        EXPECT_EQ(e.key(), b.key);
        EXPECT_NE(e.reason().find(b.reason_part), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind("rules/broken.toml: ", 0), 0u) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Variants, RulesetBroken,
    ::testing::Values(
        Broken{"version = 1", "version = ", "", "line 4"},
        Broken{"id = \"test-rules\"\n", "", "id", "missing"},
        Broken{"id = \"test-rules\"", "id = \"Test Rules\"", "id", "a-z, 0-9 and -"},
        Broken{"version = 1", "version = \"1\"", "version", "whole number"},
        Broken{"version = 1", "version = 0", "version", "not 0"},
        Broken{"valid_from = 2019-03-01", "valid_from = \"2019-03-01\"", "valid_from", "date"},
        Broken{"valid_from = 2019-03-01", "valid_from = 2019-03-01\nvalid_to = 2018-01-01",
               "valid_to", "before valid_from"},
        Broken{"version = 1", "version = 1\ncolour = \"red\"", "colour", "unknown key"},
        Broken{"min_fte = 50", "min_fte = 0", "counting.min_fte", "above 0"},
        Broken{"min_fte = 50", "min_fte = 120", "counting.min_fte", "at most 100"},
        Broken{"min_fte = 50", "min_fte = \"50\"", "counting.min_fte", "percentage"},
        Broken{"min_fte = 50\n", "", "counting.min_fte", "missing"},
        Broken{"\"day\"", "\"week\"", "counting.min_fte_applies_to", "\"day\" or \"period\""},
        Broken{"min_fte = 50", "min_fte = 50\nminimum = 2", "counting.minimum", "unknown key"},
        Broken{"[\"open_general_practice\", \"institution\"]", "[]", "total.arenas", "non-empty"},
        Broken{"[\"open_general_practice\", \"institution\"]",
               "[\"open_general_practice\", \"leave\"]", "total.arenas[1]", "not a counting arena"},
        Broken{"[\"open_general_practice\", \"institution\"]", "[\"institution\", \"institution\"]",
               "total.arenas[1]", "listed twice"},
        Broken{"open_general_practice = 54", "open_general_practice = 54.5",
               "total.caps.open_general_practice", "whole number of months"},
        Broken{"open_general_practice = 54", "open_general_practice = 0",
               "total.caps.open_general_practice", "from 1 to 1200"},
        Broken{"open_general_practice = 54", "other_general_practice = 30",
               "total.caps.other_general_practice", "does not list"},
        Broken{"open_general_practice = 54", "hospital = 30", "total.caps.hospital",
               "not a counting arena"},
        Broken{"months = 60", "months = 60.0", "requirements[0].months", "whole number"},
        Broken{"months = 60", "months = 1201", "requirements[0].months", "from 1 to 1200"},
        Broken{"months = 60\n", "", "requirements[0].months", "missing"},
        Broken{"counts = \"total\"", "counts = \"everything\"", "requirements[0].counts",
               "\"total\" or a list"},
        Broken{"counts = [\"institution\"]", "counts = [\"other\"]", "requirements[1].counts[0]",
               "not a counting arena"},
        Broken{"id = \"institution_min\"", "id = \"total\"", "requirements[1].id", "used twice"},
        Broken{"id = \"institution_min\"", "id = \"institution-min\"", "requirements[1].id",
               "a-z, 0-9 and _"},
        Broken{"name = \"Institusjon\"", "name = \"\"", "requirements[1].name", "not be empty"},
        Broken{"months = 6\n", "months = 6\nmin_fte = 100\n", "requirements[1].min_fte",
               "unknown key"},
        Broken{"[[requirements]]\nid = \"total\"", "[requirements_]\nid = \"total\"",
               "requirements_", "unknown key"}));

TEST(Ruleset, RefusesARulesetWithoutRequirements) {
    const std::string text = kValid.substr(0, kValid.find("[[requirements]]"));
    try {
        parse_ruleset(text, "rules/empty.toml");
        ADD_FAILURE() << "accepted a ruleset without requirements";
    } catch (const RulesetError& e) {
        EXPECT_EQ(e.key(), "requirements");
    }
}

}  // namespace ruleset_test
}  // namespace alis::domain
