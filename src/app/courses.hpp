#pragma once

// Courses (issue 14): what the person's ruleset requires (rules/courses/courses.toml, each course
// with its source or marked assumed), the courses the doctor has completed, each with its
// certificate (an attachment, app/attachments.hpp), and which required ones are still missing.
// Who may record, withdraw and read them is app::decide's (record_course, read_person).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/attachment.hpp"
#include "domain/audit_event.hpp"
#include "domain/course.hpp"
#include "domain/date.hpp"

namespace alis::app {

// The courses compiled into alis, parsed once; throws domain::RulesetError when the file is
// broken (a bug of the build, caught by its test).
const std::vector<domain::CourseRequirement>& course_requirements();

// The courses the person's ruleset requires, in the file's order; empty for an unknown person.
std::vector<domain::CourseRequirement> required_courses(Application& app, std::int64_t person_id);

// A person's courses as their pages show them.
struct CourseRecord {
    std::vector<domain::CompletedCourse> completed;  // Withdrawn ones too, by the day completed.
    std::map<std::int64_t, domain::Attachment> certificates;  // By attachment id, no content.
    std::vector<domain::CourseRequirement> required;          // The ruleset's, in the file's order.
    std::vector<domain::CourseRequirement> missing;  // Required and not completed (withdrawn
                                                     // ones do not count).
};

// The person's courses; empty for an unknown person.
CourseRecord completed_courses(Application& app, std::int64_t person_id);

// What the course form sets (its fields' form checked by the front).
struct CourseInput {
    std::optional<std::string> course_id;  // One of the ruleset's; nullopt for another course.
    std::string name;                      // Another course's name (a ruleset's has its own).
    int hours = 0;
    domain::Date completed_on;
    std::string file_name;  // The certificate's name and bytes as uploaded.
    std::string file;
};

enum class CourseProblem {
    none,
    unknown_course,     // The course_id is none of the person's ruleset's courses.
    in_future,          // Completed after today.
    file_empty,         // No certificate, or an empty file.
    file_too_large,     // Over domain::kMaxAttachmentBytes.
    file_not_accepted,  // Not PDF, PNG or JPEG by its first bytes.
    unknown_completed,  // No such completed course of this person.
    withdrawn,          // Withdrawn already.
};

// Records a completed course of the person with its certificate, signed by the actor, and
// appends `audit`, in one unit of work; or the problem, and nothing is kept.
std::variant<domain::CompletedCourse, CourseProblem> record_completed_course(
    Application& app, std::int64_t person_id, const CourseInput& input, const Actor& actor,
    domain::AuditEvent audit, domain::Date today);

// Withdraws the person's completed course, signed by the actor, and appends `audit`, in one unit
// of work; unknown_completed or withdrawn when it cannot. The certificate stays.
std::variant<domain::CompletedCourse, CourseProblem> withdraw_completed_course(
    Application& app, std::int64_t person_id, std::int64_t completed_id, const Actor& actor,
    domain::AuditEvent audit);

// The certificate of the person's completed course, with its content; nullopt when the course
// is not the person's.
std::optional<domain::Attachment> course_certificate(Application& app, std::int64_t person_id,
                                                     std::int64_t completed_id);

}  // namespace alis::app
