#include "domain/course.hpp"

#include <algorithm>

#include "domain/toml_reader.hpp"

namespace alis::domain {

std::vector<CourseRequirement> parse_course_requirements(std::string_view toml_text,
                                                         std::string_view file) {
    const TomlReader reader(file);
    const toml::table root = parse_toml(toml_text, file);
    reader.refuse_unknown_keys(root, {"courses"}, "");
    const toml::node& list = reader.require(root, "courses", "courses");
    if (!list.is_array() || list.as_array()->empty()) {
        reader.fail("courses", "must be a list of at least one [[courses]] table");
    }
    std::vector<CourseRequirement> result;
    const toml::array& tables = *list.as_array();
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const std::string key = "courses[" + std::to_string(i) + "]";
        if (!tables[i].is_table()) {
            reader.fail(key, "must be a table");
        }
        const toml::table& t = *tables[i].as_table();
        reader.refuse_unknown_keys(
            t, {"ruleset", "id", "name", "hours", "source", "unconfirmed", "note"}, key + ".");
        CourseRequirement c;
        c.ruleset = reader.string_at(t, "ruleset", key + ".ruleset");
        c.id = reader.string_at(t, "id", key + ".id");
        c.name = reader.string_at(t, "name", key + ".name");
        c.hours = static_cast<int>(reader.integer(reader.require(t, "hours", key + ".hours"),
                                                  key + ".hours", 1, 1000,
                                                  "a whole number of hours from 1 to 1000"));
        c.provenance = reader.provenance(t, key);
        const bool twice = std::any_of(result.begin(), result.end(), [&](const auto& other) {
            return other.ruleset == c.ruleset && other.id == c.id;
        });
        if (twice) {
            reader.fail(key + ".id",
                        "names a course already listed for " + c.ruleset + ": " + c.id);
        }
        result.push_back(std::move(c));
    }
    return result;
}

std::vector<CourseRequirement> courses_for(const std::vector<CourseRequirement>& all,
                                           std::string_view ruleset) {
    std::vector<CourseRequirement> result;
    std::copy_if(all.begin(), all.end(), std::back_inserter(result),
                 [&](const CourseRequirement& c) { return c.ruleset == ruleset; });
    return result;
}

std::vector<std::string> completed_course_ids(const std::vector<CompletedCourse>& completed) {
    std::vector<std::string> result;
    for (const auto& c : completed) {
        if (c.course_id && !c.is_withdrawn()) {
            result.push_back(*c.course_id);
        }
    }
    return result;
}

std::vector<CourseRequirement> missing_courses(const std::vector<CourseRequirement>& required,
                                               const std::vector<std::string>& completed) {
    std::vector<CourseRequirement> result;
    std::copy_if(required.begin(), required.end(), std::back_inserter(result),
                 [&](const CourseRequirement& c) {
                     return std::find(completed.begin(), completed.end(), c.id) == completed.end();
                 });
    return result;
}

}  // namespace alis::domain
