// Courses (issue 14): the doctor's completed courses with their certificates, and the ruleset's
// courses still missing. The trainee records and withdraws their own (record_course); whoever may
// read the person's record reads the list and downloads the certificates (read_person). The form
// uploads the certificate as multipart/form-data, the one kind of route with a larger body limit
// (kUploadBodyLimit); the API takes the same fields the same way. Pages and API share one handler
// per write.
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <memory>

#include "app/courses.hpp"
#include "app/policy.hpp"
#include "web/access.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/multipart.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// The value of the course choice for a course that is not one of the ruleset's.
constexpr std::string_view kOtherCourse = "annet";
// The form's file field, and what the file chooser offers.
constexpr std::string_view kCertificateField = "certificate";
constexpr std::string_view kCertificateAccept =
    ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

std::string courses_path(std::int64_t person_id) {
    return person_path(person_id) + "/kurs";
}

std::string course_path(std::int64_t person_id, std::int64_t completed_id) {
    return courses_path(person_id) + "/" + std::to_string(completed_id);
}

std::string certificate_api_path(std::int64_t person_id, std::int64_t completed_id) {
    return "/api/v1/people/" + std::to_string(person_id) + "/courses/" +
           std::to_string(completed_id) + "/certificate";
}

json::object completed_json(const app::CourseRecord& record, const domain::CompletedCourse& c) {
    json::object certificate;
    if (const auto it = record.certificates.find(c.attachment_id);
        it != record.certificates.end()) {
        const auto& a = it->second;
        certificate = json::object{{"file_name", a.file_name},
                                   {"media_type", std::string(domain::to_string(a.media_type))},
                                   {"byte_size", a.byte_size},
                                   {"sha256", a.sha256},
                                   {"url", certificate_api_path(c.person_id, c.id)}};
    }
    return json::object{
        {"id", c.id},
        {"course_id", c.course_id ? json::value(*c.course_id) : json::value(nullptr)},
        {"name", c.name},
        {"hours", c.hours},
        {"completed_on", c.completed_on.iso()},
        {"recorded_at", c.recorded_at},
        {"recorded_by", c.recorded_by},
        {"withdrawn_at", c.withdrawn_at ? json::value(*c.withdrawn_at) : json::value(nullptr)},
        {"withdrawn_by", c.withdrawn_by ? json::value(*c.withdrawn_by) : json::value(nullptr)},
        {"certificate", std::move(certificate)}};
}

json::object missing_json(const Catalogue& t, const domain::CourseRequirement& c) {
    return json::object{{"id", c.id},
                        {"name", c.name},
                        {"hours", t.format("courses.hours", {{"hours", c.hours}})},
                        {"assumed", c.provenance.unconfirmed}};
}

// ---- Reading ----

Response courses_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const auto record = app::completed_courses(s.app, person.id);
    const auto& t = s.catalogue;
    const bool may_record = also_allowed(context, app::Action::record_course, s.today());
    json::array completed;
    for (auto it = record.completed.rbegin(); it != record.completed.rend(); ++it) {
        const auto& c = *it;
        json::object row{
            {"name", c.name},
            {"hours", c.hours},
            {"completed_on", c.completed_on.norwegian()},
            {"certificate_url", course_path(person.id, c.id) + "/kursbevis"},
            {"certificate_label", t.format("courses.certificate_link", {{"name", c.name}})},
            {"csrf_token", context.session->csrf_token}};
        if (const auto a = record.certificates.find(c.attachment_id);
            a != record.certificates.end()) {
            row["certificate_label"] =
                t.format("courses.certificate_file", {{"file", a->second.file_name}});
        }
        if (c.withdrawn_at) {
            row["withdrawn"] = t.format("courses.status_withdrawn",
                                        {{"date", domain::norwegian_day(*c.withdrawn_at)}});
        } else if (may_record) {
            row["withdraw_url"] = course_path(person.id, c.id) + "/trekk";
            row["withdraw_label"] = t.format("courses.withdraw", {{"name", c.name}});
        }
        completed.push_back(std::move(row));
    }
    json::array missing;
    for (const auto& c : record.missing) {
        missing.push_back(missing_json(t, c));
    }
    json::object data{{"heading", t.format("courses.title", {{"name", person.full_name}})},
                      {"person_url", person_path(person.id)},
                      {"has_completed", !completed.empty()},
                      {"completed", std::move(completed)},
                      {"has_missing", !missing.empty()},
                      {"missing", std::move(missing)}};
    if (may_record) {
        data["record_url"] = courses_path(person.id) + "/ny";
    }
    const std::string saved = query_value(request, "lagret");
    if (saved == "registrert" || saved == "trukket") {
        data["saved"] = t.text("courses.saved_" + saved);
    }
    return page(s, request, context, "courses",
                t.format("courses.title", {{"name", person.full_name}}), std::move(data));
}

json::object courses_json(const Catalogue& t, std::int64_t person_id,
                          const app::CourseRecord& record) {
    json::array completed;
    for (const auto& c : record.completed) {
        completed.push_back(completed_json(record, c));
    }
    json::array missing;
    for (const auto& c : record.missing) {
        auto m = missing_json(t, c);
        m["hours"] = c.hours;
        missing.push_back(std::move(m));
    }
    return json::object{{"person_id", person_id},
                        {"completed", std::move(completed)},
                        {"missing", std::move(missing)}};
}

Response courses_api(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    return json_response(
        http::status::ok, request.version(),
        courses_json(s.catalogue, person.id, app::completed_courses(s.app, person.id)));
}

// The certificate as a download (file_response).
Response certificate(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    return file_response(request,
                         found(app::course_certificate(s.app, person.id, context.id("course"))));
}

// ---- Recording ----

json::object course_form(Services& s, const RequestContext& context, const domain::Person& person,
                         const std::vector<domain::CourseRequirement>& required,
                         const FormInput& input) {
    const auto& t = s.catalogue;
    auto choice = field(t, input, "course", "courses.field_course");
    choice["is_select"] = true;
    json::array options;
    const std::string chosen = input.text("course");
    for (const auto& c : required) {
        options.push_back(json::object{
            {"value", c.id},
            {"label", t.format("courses.option", {{"name", c.name}, {"hours", c.hours}})},
            {"selected", chosen == c.id}});
    }
    options.push_back(json::object{{"value", kOtherCourse},
                                   {"label", t.text("courses.other_course")},
                                   {"selected", chosen == kOtherCourse}});
    choice["options"] = std::move(options);
    auto name = text_field(t, input, "name", "courses.field_name");
    name["hint"] = t.text("courses.name_hint");
    name["optional"] = true;
    name["width"] = "lg";
    auto hours = field(t, input, "hours", "courses.field_hours");
    hours["hint"] = t.text("courses.hours_hint");
    hours["optional"] = true;
    hours["inputmode"] = "numeric";
    hours["width"] = "xs";
    json::array fields{std::move(choice), std::move(name), std::move(hours),
                       date_field(t, input, "completed_on", "courses.field_completed_on"),
                       file_field(t, input, kCertificateField, "courses.field_certificate",
                                  "courses.certificate_hint", kCertificateAccept)};
    return form_page(t, context, t.text("courses.record_title"),
                     t.format("courses.record_intro", {{"name", person.full_name}}),
                     courses_path(person.id) + "/ny", courses_path(person.id), "courses.record",
                     json::array{section(t, "courses.record_legend", std::move(fields))});
}

Response record_form(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const auto required = app::required_courses(s.app, person.id);
    const FormInput input(std::map<std::string, std::string>{});
    auto data = course_form(s, context, person, required, input);
    add_form_state(s.catalogue, input, data);
    return page(s, request, context, "record_form", s.catalogue.text("courses.record_title"),
                std::move(data));
}

// The field and message of a problem the use case found in the input.
std::pair<std::string_view, std::string_view> field_of(app::CourseProblem problem) {
    switch (problem) {
        case app::CourseProblem::unknown_course:
            return {"course", "courses.unknown_course"};
        case app::CourseProblem::in_future:
            return {"completed_on", "courses.in_future"};
        case app::CourseProblem::file_empty:
            return {kCertificateField, "courses.file_empty"};
        case app::CourseProblem::file_too_large:
            return {kCertificateField, "courses.file_too_large"};
        case app::CourseProblem::file_not_accepted:
            return {kCertificateField, "courses.file_not_accepted"};
        case app::CourseProblem::none:
        case app::CourseProblem::unknown_completed:
        case app::CourseProblem::withdrawn:
            break;
    }
    return {"", ""};
}

Response record(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    const auto required = app::required_courses(s.app, person.id);
    const auto parts = parse_multipart(request[http::field::content_type], request.body());
    if (!parts) {
        throw HttpError(http::status::unsupported_media_type, "unsupported_media_type",
                        "courses.not_multipart");
    }
    auto input = FormInput::from_parts(*parts);
    const std::string title = s.catalogue.text("courses.record_title");
    app::CourseInput course;
    const auto choice = input.text("course");
    const auto requirement = std::find_if(required.begin(), required.end(),
                                          [&](const auto& c) { return c.id == choice; });
    if (choice.empty()) {
        input.fail("course", "form.required");
    } else if (choice == kOtherCourse) {
        if (const auto name = input.required_text("name", domain::kMaxCourseNameLength)) {
            course.name = *name;
        }
    } else if (requirement == required.end()) {
        input.fail("course", "courses.unknown_course");
    } else {
        course.course_id = requirement->id;
    }
    if (input.text("hours").empty() && requirement != required.end()) {
        course.hours = requirement->hours;
    } else if (const auto hours = input.required_int("hours", 1, domain::kMaxCourseHours)) {
        course.hours = *hours;
    }
    if (const auto day = input.required_date("completed_on")) {
        course.completed_on = *day;
    }
    const auto* file = find_part(*parts, kCertificateField);
    if (file == nullptr || file->body.empty()) {
        input.fail(std::string(kCertificateField), "courses.file_empty");
    } else {
        course.file_name = file->filename;
        course.file = file->body;
    }
    const auto form = [&] { return course_form(s, context, person, required, input); };
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", title, form);
    }
    auto result = app::record_completed_course(
        s.app, person.id, course, context.session->actor,
        audit_event(s, request, context, "course.recorded", "ok"), s.today());
    if (const auto* problem = std::get_if<app::CourseProblem>(&result)) {
        const auto [field, message] = field_of(*problem);
        input.fail(std::string(field), std::string(message));
        return refuse(s, request, context, input, "record_form", title, form);
    }
    const auto& recorded = std::get<domain::CompletedCourse>(result);
    if (!wants_json(request)) {
        return redirect(request.version(), courses_path(person.id) + "?lagret=registrert");
    }
    const auto record = app::completed_courses(s.app, person.id);
    auto response =
        json_response(http::status::created, request.version(), completed_json(record, recorded));
    response.set(http::field::location, "/api/v1/people/" + std::to_string(person.id) + "/courses");
    return response;
}

Response withdraw(Services& s, const Request& request, RequestContext& context) {
    const auto person = load_person(s, context);
    auto result = app::withdraw_completed_course(
        s.app, person.id, context.id("course"), context.session->actor,
        audit_event(s, request, context, "course.withdrawn", "ok"));
    if (const auto* problem = std::get_if<app::CourseProblem>(&result)) {
        if (*problem == app::CourseProblem::withdrawn) {
            throw HttpError(http::status::conflict, "course_withdrawn",
                            "courses.already_withdrawn");
        }
        not_found();
    }
    if (!wants_json(request)) {
        return redirect(request.version(), courses_path(person.id) + "?lagret=trukket");
    }
    const auto record = app::completed_courses(s.app, person.id);
    return json_response(http::status::ok, request.version(),
                         completed_json(record, std::get<domain::CompletedCourse>(result)));
}

}  // namespace

void register_course_routes(Routes& routes) {
    const RouteAccess kRead{app::Action::read_person, ResourceFrom::person_param};
    const RouteAccess kRecord{app::Action::record_course, ResourceFrom::person_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/kurs", kRead, courses_page);
    routes.add(verb::get, "/personer/{person:id}/kurs/ny", kRecord, record_form);
    routes.add(verb::post, "/personer/{person:id}/kurs/ny", kRecord, record, kUploadBodyLimit);
    routes.add(verb::get, "/personer/{person:id}/kurs/{course:id}/kursbevis", kRead, certificate);
    routes.add(verb::post, "/personer/{person:id}/kurs/{course:id}/trekk", kRecord, withdraw);
    routes.add(verb::get, "/api/v1/people/{person:id}/courses", kRead, courses_api);
    routes.add(verb::post, "/api/v1/people/{person:id}/courses", kRecord, record, kUploadBodyLimit);
    routes.add(verb::get, "/api/v1/people/{person:id}/courses/{course:id}/certificate", kRead,
               certificate);
    routes.add(verb::post, "/api/v1/people/{person:id}/courses/{course:id}/withdrawal", kRecord,
               withdraw);
}

}  // namespace alis::web
