#pragma once

// The courses each ruleset requires of a doctor in training (issue 14,
// rules/courses/courses.toml), each with its provenance: a course with no public text found is
// "assumed" (unconfirmed) and the pages say so. Pure: parsing the file and which courses are
// still missing of those completed.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
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

// The longest name of a completed course, and the most hours one may count.
inline constexpr std::size_t kMaxCourseNameLength = 200;
inline constexpr int kMaxCourseHours = 1000;

// A course the doctor has completed (migration 0024): one of their ruleset's (`course_id`, the
// requirement's id) or another one (no `course_id`), with its certificate (an attachment). It is
// never changed; the doctor may withdraw it, and the certificate stays.
struct CompletedCourse {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::optional<std::string> course_id;
    std::string name;
    int hours = 0;
    Date completed_on;
    std::int64_t attachment_id = 0;
    std::string recorded_at;  // UTC, "2026-11-22T10:15:30Z".
    std::string recorded_by;  // Name and e-mail.
    std::optional<std::string> withdrawn_at;
    std::optional<std::string> withdrawn_by;

    bool is_withdrawn() const { return withdrawn_at.has_value(); }
};

// The requirement ids of the courses among `completed` that are not withdrawn, in order.
std::vector<std::string> completed_course_ids(const std::vector<CompletedCourse>& completed);

// The courses of `required` whose id is not among `completed` (ids of courses done), in order.
std::vector<CourseRequirement> missing_courses(const std::vector<CourseRequirement>& required,
                                               const std::vector<std::string>& completed);

}  // namespace alis::domain
