// The courses each ruleset requires (rules/courses/courses.toml): each with its source or marked
// assumed, and which of them a doctor still misses.
#include "domain/course.hpp"

#include <gtest/gtest.h>

#include "data_files.hpp"

namespace alis::domain {
namespace course_test {

const char* kFile = "rules/courses/courses.toml";

std::vector<CourseRequirement> all_courses() {
    return parse_course_requirements(testing::read_source_file(kFile), kFile);
}

TEST(CourseRequirements, EveryRulesetHasCoursesEachSourcedOrMarkedAssumed) {
    const auto all = all_courses();
    for (const auto* ruleset : {"allmennmedisin-2019", "allmennmedisin-pre2019"}) {
        const auto courses = courses_for(all, ruleset);
        ASSERT_FALSE(courses.empty()) << ruleset;
        for (const auto& c : courses) {
            EXPECT_TRUE(!c.provenance.source.empty() || c.provenance.unconfirmed) << c.id;
            EXPECT_GT(c.hours, 0) << c.id;
        }
    }
    // The pre-2019 scheme's four basic courses and emergency medicine come from the brief; no
    // public text names the 2019 scheme's, so each of those is assumed.
    EXPECT_EQ(courses_for(all, "allmennmedisin-pre2019").size(), 5u);
    for (const auto& c : courses_for(all, "allmennmedisin-2019")) {
        EXPECT_TRUE(c.provenance.unconfirmed) << c.id;
    }
    EXPECT_TRUE(courses_for(all, "ukjent").empty());
}

TEST(CourseRequirements, MissingCoursesAreThoseNotCompletedInTheFilesOrder) {
    const auto required = courses_for(all_courses(), "allmennmedisin-pre2019");
    const auto missing = missing_courses(required, {"grunnkurs_b", "akuttmedisin", "annet"});
    ASSERT_EQ(missing.size(), 3u);
    EXPECT_EQ(missing[0].id, "grunnkurs_a");
    EXPECT_EQ(missing[1].id, "grunnkurs_c");
    EXPECT_EQ(missing[2].id, "grunnkurs_d");
    std::vector<std::string> every;
    for (const auto& c : required) {
        every.push_back(c.id);
    }
    EXPECT_TRUE(missing_courses(required, every).empty());
}

TEST(CourseRequirements, AWithdrawnCourseAndAnotherCourseCompleteNoRequiredOne) {
    const auto completed = [](const char* id, bool withdrawn) {
        CompletedCourse c;
        if (id != nullptr) {
            c.course_id = id;
        }
        c.name = "Kurs";
        if (withdrawn) {
            c.withdrawn_at = "2026-11-22T10:00:00Z";
            c.withdrawn_by = "Anne";
        }
        return c;
    };
    const auto required = courses_for(all_courses(), "allmennmedisin-2019");
    const std::vector<CompletedCourse> done = {completed("akuttmedisin", true),
                                               completed(nullptr, false),
                                               completed("veiledning_og_kommunikasjon", false)};
    EXPECT_EQ(completed_course_ids(done), std::vector<std::string>{"veiledning_og_kommunikasjon"});
    const auto missing = missing_courses(required, completed_course_ids(done));
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].id, "akuttmedisin") << "withdrawn, so missing again";
}

TEST(CourseRequirements, ABrokenFileIsRefusedNamingTheKey) {
    testing::expect_refused(
        testing::read_source_file(kFile),
        {
            {"hours = 15\n", "hours = 0\n", "courses[0].hours", "no hours"},
            {"source = \"domain brief §3: the pre-2019 scheme asks for 4 basic courses\"\nnote = "
             "\"the hours of each basic course are assumed\"\n\n[[courses]]",
             "note = \"x\"\n\n[[courses]]", "courses[0]", "neither a source nor unconfirmed"},
            {"id = \"grunnkurs_b\"", "id = \"grunnkurs_a\"", "courses[1].id", "listed twice"},
            {"name = \"Grunnkurs A\"", "name = \"Grunnkurs A\"\ncode = 1", "courses[0].code",
             "an unknown key"},
        },
        [](const std::string& text) { return parse_course_requirements(text, kFile); });
}

}  // namespace course_test
}  // namespace alis::domain
