#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/course.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The courses doctors have completed (migration 0024), each with its certificate in
// attachments. A record is never changed or removed but for its withdrawal, once.
class Courses {
  public:
    explicit Courses(Transaction& tx) : tx_(tx) {}

    // The person's completed courses, withdrawn ones too, by the day completed, then id.
    std::vector<domain::CompletedCourse> completed_of(std::int64_t person_id) const;
    // The person's completed course with this id; nullopt when there is none of theirs.
    std::optional<domain::CompletedCourse> find(std::int64_t person_id,
                                                std::int64_t course_id) const;

    // Adds a completed course (its id and withdrawal are ignored) and returns its id; an
    // attachment_id that is no attachment is a ConstraintViolation.
    std::int64_t add(const domain::CompletedCourse& course);
    // Marks the person's course withdrawn at `at` by `by`; false (nothing changed) when there is
    // no such course of theirs or it is withdrawn already.
    bool withdraw(std::int64_t person_id, std::int64_t course_id, const std::string& at,
                  const std::string& by);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
