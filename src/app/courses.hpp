#pragma once

// Courses (issue 14): what the person's ruleset requires (rules/courses/courses.toml, each course
// with its source or marked assumed). Recording a completed course (with its certificate) is
// still to come, so every required course is missing for now.

#include <cstdint>
#include <vector>

#include "app/application.hpp"
#include "domain/course.hpp"

namespace alis::app {

// The courses compiled into alis, parsed once; throws domain::RulesetError when the file is
// broken (a bug of the build, caught by its test).
const std::vector<domain::CourseRequirement>& course_requirements();

// The courses the person's ruleset requires, in the file's order; empty for an unknown person.
std::vector<domain::CourseRequirement> required_courses(Application& app, std::int64_t person_id);

}  // namespace alis::app
