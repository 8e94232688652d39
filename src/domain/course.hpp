#pragma once

// The courses each ruleset requires of a doctor in training (issue 14,
// rules/courses/courses.toml), each with its provenance: a course with no public text found is
// "assumed" (unconfirmed) and the pages say so. Pure: parsing the file and which courses are
// still missing of those completed.

#include <string>
#include <string_view>
#include <vector>

#include "domain/provenance.hpp"

namespace alis::domain {

// One course a ruleset requires.
struct CourseRequirement {
    std::string ruleset;  // A ruleset id, e.g. "allmennmedisin-2019".
    std::string id;       // Stable within the ruleset, e.g. "akuttmedisin".
    std::string name;     // As shown, in Norwegian.
    int hours = 0;
    Provenance provenance;
};

// Parses and checks the courses file; `file` names it in errors. Throws DataFileError for bad
// TOML, a missing, unknown or unsourced key, hours out of range (1-1000) or a course listed twice
// for one ruleset.
std::vector<CourseRequirement> parse_course_requirements(std::string_view toml_text,
                                                         std::string_view file);

// The courses of `ruleset` among `all`, in the file's order.
std::vector<CourseRequirement> courses_for(const std::vector<CourseRequirement>& all,
                                           std::string_view ruleset);

// The courses of `required` whose id is not among `completed` (ids of courses done), in order.
std::vector<CourseRequirement> missing_courses(const std::vector<CourseRequirement>& required,
                                               const std::vector<std::string>& completed);

}  // namespace alis::domain
