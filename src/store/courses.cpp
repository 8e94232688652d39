#include "store/courses.hpp"

namespace alis::store {
namespace {

#define ALIS_COMPLETED_COURSE_COLUMNS                                            \
    "SELECT id, person_id, course_id, name, hours, completed_on, attachment_id," \
    " recorded_at, recorded_by, withdrawn_at, withdrawn_by FROM completed_courses"
constexpr const char* kCompletedCoursesOf =
    ALIS_COMPLETED_COURSE_COLUMNS " WHERE person_id = $1 ORDER BY completed_on, id";
constexpr const char* kFindCompletedCourse =
    ALIS_COMPLETED_COURSE_COLUMNS " WHERE person_id = $1 AND id = $2";
#undef ALIS_COMPLETED_COURSE_COLUMNS
constexpr const char* kAddCompletedCourse =
    "INSERT INTO completed_courses (person_id, course_id, name, hours, completed_on,"
    " attachment_id, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    " RETURNING id";
constexpr const char* kWithdrawCompletedCourse =
    "UPDATE completed_courses SET withdrawn_at = $3, withdrawn_by = $4"
    " WHERE person_id = $1 AND id = $2 AND withdrawn_at IS NULL RETURNING id";

domain::CompletedCourse read_completed_course(const Row& row) {
    domain::CompletedCourse c;
    c.id = row.integer(0);
    c.person_id = row.integer(1);
    c.course_id = row.optional_text(2);
    c.name = row.text(3);
    c.hours = static_cast<int>(row.integer(4));
    c.completed_on = row.date(5);
    c.attachment_id = row.integer(6);
    c.recorded_at = row.instant(7);
    c.recorded_by = row.text(8);
    if (!row.is_null(9)) {
        c.withdrawn_at = row.instant(9);
    }
    c.withdrawn_by = row.optional_text(10);
    return c;
}

}  // namespace

std::vector<domain::CompletedCourse> Courses::completed_of(std::int64_t person_id) const {
    return tx_.rows(kCompletedCoursesOf, {person_id}, read_completed_course);
}

std::optional<domain::CompletedCourse> Courses::find(std::int64_t person_id,
                                                     std::int64_t course_id) const {
    return tx_.row(kFindCompletedCourse, {person_id, course_id}, read_completed_course);
}

std::int64_t Courses::add(const domain::CompletedCourse& c) {
    return tx_.insert(kAddCompletedCourse,
                      {c.person_id, c.course_id, c.name, c.hours, c.completed_on, c.attachment_id,
                       c.recorded_at, c.recorded_by});
}

bool Courses::withdraw(std::int64_t person_id, std::int64_t course_id, const std::string& at,
                       const std::string& by) {
    return !tx_.rows(kWithdrawCompletedCourse, {person_id, course_id, at, by}, read_id).empty();
}

}  // namespace alis::store
