#include "app/courses.hpp"

#include <algorithm>
#include <string_view>

#include "app/attachments.hpp"
#include "app/training_ledger.hpp"
#include "store/database.hpp"

namespace alis::app {
// course_requirements() is in app/supervision.cpp, beside the other data files of issue 14.
namespace {

std::vector<domain::CourseRequirement> courses_of_ruleset(
    const std::optional<std::string>& ruleset) {
    return domain::courses_for(course_requirements(),
                               ruleset ? std::string_view(*ruleset) : kDefaultRuleset);
}

CourseProblem course_problem_of(domain::AttachmentProblem problem) {
    switch (problem) {
        case domain::AttachmentProblem::empty:
            return CourseProblem::file_empty;
        case domain::AttachmentProblem::too_large:
            return CourseProblem::file_too_large;
        case domain::AttachmentProblem::not_accepted:
            break;
    }
    return CourseProblem::file_not_accepted;
}

}  // namespace

std::vector<domain::CourseRequirement> required_courses(Application& app, std::int64_t person_id) {
    const auto person =
        app.database().read([&](const store::Snapshot& s) { return s.people().find(person_id); });
    if (!person) {
        return {};
    }
    return courses_of_ruleset(person->ruleset);
}

CourseRecord completed_courses(Application& app, std::int64_t person_id) {
    return app.database().read([&](const store::Snapshot& s) {
        CourseRecord record;
        const auto person = s.people().find(person_id);
        if (!person) {
            return record;
        }
        record.completed = s.courses().completed_of(person_id);
        for (const auto& c : record.completed) {
            if (auto a = s.attachments().find(c.attachment_id)) {
                record.certificates.emplace(c.attachment_id, std::move(*a));
            }
        }
        record.required = courses_of_ruleset(person->ruleset);
        record.missing = domain::missing_courses(record.required,
                                                 domain::completed_course_ids(record.completed));
        return record;
    });
}

std::variant<domain::CompletedCourse, CourseProblem> record_completed_course(
    Application& app, std::int64_t person_id, const CourseInput& input, const Actor& actor,
    domain::AuditEvent audit, domain::Date today) {
    if (today < input.completed_on) {
        return CourseProblem::in_future;
    }
    auto upload = read_upload(input.file_name, input.file, "kursbevis", actor, audit.at);
    if (const auto* problem = std::get_if<domain::AttachmentProblem>(&upload)) {
        return course_problem_of(*problem);
    }
    const auto& certificate = std::get<domain::Attachment>(upload);
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::CompletedCourse, CourseProblem> {
            const auto person = w.people().find(person_id);
            if (!person) {
                return CourseProblem::unknown_course;
            }
            domain::CompletedCourse c;
            c.person_id = person_id;
            c.name = input.name;
            if (input.course_id) {
                const auto required = courses_of_ruleset(person->ruleset);
                const auto it = std::find_if(required.begin(), required.end(), [&](const auto& r) {
                    return r.id == *input.course_id;
                });
                if (it == required.end()) {
                    return CourseProblem::unknown_course;
                }
                c.course_id = it->id;
                c.name = it->name;
            }
            c.hours = input.hours;
            c.completed_on = input.completed_on;
            c.attachment_id = add_attachment(w, certificate);
            c.recorded_at = audit.at;
            c.recorded_by = signature_of(actor);
            c.id = w.courses().add(c);
            audit.subject_person_id = person_id;
            w.audit().append(audit);
            return c;
        });
}

std::variant<domain::CompletedCourse, CourseProblem> withdraw_completed_course(
    Application& app, std::int64_t person_id, std::int64_t completed_id, const Actor& actor,
    domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::CompletedCourse, CourseProblem> {
            auto c = w.courses().find(person_id, completed_id);
            if (!c) {
                return CourseProblem::unknown_completed;
            }
            if (c->is_withdrawn()) {
                return CourseProblem::withdrawn;
            }
            const std::string by = signature_of(actor);
            if (!w.courses().withdraw(person_id, completed_id, audit.at, by)) {
                return CourseProblem::withdrawn;
            }
            c->withdrawn_at = audit.at;
            c->withdrawn_by = by;
            audit.subject_person_id = person_id;
            w.audit().append(audit);
            return std::move(*c);
        });
}

std::optional<domain::Attachment> course_certificate(Application& app, std::int64_t person_id,
                                                     std::int64_t completed_id) {
    const auto course = app.database().read(
        [&](const store::Snapshot& s) { return s.courses().find(person_id, completed_id); });
    if (!course) {
        return std::nullopt;
    }
    return find_attachment(app, course->attachment_id);
}

}  // namespace alis::app
