#include "app/courses.hpp"

#include <string_view>

#include "app/training_ledger.hpp"
#include "store/database.hpp"

namespace alis::app {
// course_requirements() is in app/supervision.cpp, beside the other data files of issue 14.

std::vector<domain::CourseRequirement> required_courses(Application& app, std::int64_t person_id) {
    const auto person =
        app.database().read([&](const store::Snapshot& s) { return s.people().find(person_id); });
    if (!person) {
        return {};
    }
    return domain::courses_for(course_requirements(), person->ruleset
                                                          ? std::string_view(*person->ruleset)
                                                          : kDefaultRuleset);
}

}  // namespace alis::app
