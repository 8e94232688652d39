#include "web/forms.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>

#include "domain/text.hpp"
#include "web/access.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// The message key for a text problem of a field.
const char* text_problem_key(domain::TextProblem problem) {
    return problem == domain::TextProblem::invisible_character ? "form.invisible_characters"
                                                               : "form.bad_characters";
}

// Refuses a JSON key that may not enter alis at all (web/access.cpp does so for forms).
void check_json_key(std::string_view text, const std::string& field) {
    if (const auto problem = domain::check_input(text); problem != domain::TextProblem::none) {
        throw HttpError(http::status::unprocessable_entity, "invalid_input",
                        text_problem_key(problem), field);
    }
}

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || text.empty()) {
        return std::nullopt;
    }
    return value;
}

// 22.11.2026 (also 1.2.2026), 22/11/2026 or 2026-11-22.
std::optional<domain::Date> parse_user_date(std::string_view text) {
    if (auto iso = domain::Date::parse_iso(text)) {
        return iso;
    }
    for (const char separator : {'.', '/'}) {
        const auto first = text.find(separator);
        const auto second =
            first == std::string_view::npos ? first : text.find(separator, first + 1);
        if (second == std::string_view::npos) {
            continue;
        }
        const auto day = whole_number(text.substr(0, first));
        const auto month = whole_number(text.substr(first + 1, second - first - 1));
        const auto year_text = text.substr(second + 1);
        const auto year = whole_number(year_text);
        if (day && month && year && year_text.size() == 4 && first <= 2 &&
            second - first - 1 <= 2) {
            return domain::Date::from_ymd(*year, *month, *day);
        }
    }
    return std::nullopt;
}

// A JSON scalar as form text; nullopt for arrays and objects.
std::optional<std::string> scalar_text(const json::value& value) {
    switch (value.kind()) {
        case json::kind::string:
            return std::string(value.get_string());
        case json::kind::bool_:
            return value.get_bool() ? "true" : "false";
        case json::kind::null:
            return std::string();
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_:
            return json::serialize(value);
        default:
            return std::nullopt;
    }
}

}  // namespace

std::string FieldRows::form_field(std::size_t index, std::string_view field) const {
    return std::string(form_prefix) + "_" + std::to_string(index + 1) + "_" + std::string(field);
}

std::string FieldRows::json_field(std::size_t index, std::string_view field) const {
    return std::string(name) + "[" + std::to_string(index) + "]." + std::string(field);
}

FormInput::FormInput(std::map<std::string, std::string> fields) {
    for (auto& [key, value] : fields) {
        fields_.emplace(key, std::move(value));
    }
}

FormInput FormInput::from_parts(const std::vector<MultipartPart>& parts) {
    FormInput input{std::map<std::string, std::string>{}};
    for (const auto& part : parts) {
        if (!part.filename.empty()) {
            continue;
        }
        if (domain::check_input(part.name) != domain::TextProblem::none) {
            throw HttpError(http::status::unprocessable_entity, "invalid_input",
                            "form.bad_characters");
        }
        const auto problem = domain::check_input(part.body);
        input.fields_.emplace(part.name, problem == domain::TextProblem::none ? part.body : "");
        if (problem != domain::TextProblem::none) {
            input.fail(part.name, problem == domain::TextProblem::invisible_character
                                      ? "form.invisible_characters"
                                      : "form.bad_characters");
        }
    }
    return input;
}

FormInput FormInput::from_request(const Request& request, const std::vector<FieldRows>& rows) {
    const std::string_view type = request[http::field::content_type];
    if (type.starts_with("application/x-www-form-urlencoded")) {
        std::map<std::string, std::string> refused;
        FormInput input(form_fields(request, &refused));
        for (auto& [field, message_key] : refused) {
            input.fail(field, message_key);
        }
        return input;
    }
    if (!type.starts_with("application/json")) {
        throw HttpError(http::status::unsupported_media_type, "unsupported_media_type",
                        "error.unsupported_media_type");
    }
    json::value body;
    try {
        body = json::parse(request.body());
    } catch (const std::exception&) {
        throw HttpError(http::status::bad_request, "bad_json", "error.bad_json");
    }
    if (!body.is_object()) {
        throw HttpError(http::status::bad_request, "bad_json", "error.bad_json");
    }
    const auto not_a_value = [](std::string field) {
        return HttpError(http::status::unprocessable_entity, "invalid_input", "form.not_a_value",
                         std::move(field));
    };
    FormInput input{std::map<std::string, std::string>{}};
    input.json_rows_.emplace();
    for (const auto& [key, value] : body.get_object()) {
        const auto group =
            std::find_if(rows.begin(), rows.end(),
                         // Clang 14 cannot capture a structured binding.
                         [&name = key](const FieldRows& r) { return r.name == name; });
        if (group != rows.end() && value.is_array()) {
            const auto& items = value.get_array();
            if (items.size() > group->max_rows) {
                throw HttpError(http::status::unprocessable_entity, "invalid_input",
                                std::string(group->too_many_key), std::string(key));
            }
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (!items[i].is_object()) {
                    throw not_a_value(group->json_field(i, ""));
                }
                for (const auto& [name, field] : items[i].get_object()) {
                    const std::string id = group->json_field(i, name);
                    check_json_key(name, std::string(key));
                    auto text = scalar_text(field);
                    if (!text) {
                        throw not_a_value(id);
                    }
                    input.note_json_kind(id, field);
                    input.add_checked(id, std::move(*text));
                }
            }
            input.json_rows_->emplace(std::string(key), items.size());
            continue;
        }
        check_json_key(key, "");
        auto text = scalar_text(value);
        if (!text) {
            throw not_a_value(std::string(key));
        }
        input.note_json_kind(std::string(key), value);
        input.add_checked(std::string(key), std::move(*text));
    }
    return input;
}

std::size_t FormInput::row_count(const FieldRows& rows) const {
    if (!json_rows_) {
        return rows.max_rows;
    }
    const auto it = json_rows_->find(rows.name);
    return it == json_rows_->end() ? 0 : it->second;
}

std::string FormInput::row_field(const FieldRows& rows, std::size_t index,
                                 std::string_view field) const {
    return json_rows_ ? rows.json_field(index, field) : rows.form_field(index, field);
}

std::string FormInput::rows_field(const FieldRows& rows, std::string_view field) const {
    return json_rows_ ? std::string(rows.name) : rows.form_field(0, field);
}

std::string FormInput::text(std::string_view field) const {
    const auto it = fields_.find(field);
    return it == fields_.end() ? std::string() : trim(it->second);
}

bool FormInput::present(std::string_view field) const {
    return !text(field).empty();
}

void FormInput::fail(std::string field, std::string message_key, json::object args) {
    errors_.push_back({std::move(field), std::move(message_key), std::move(args)});
}

bool FormInput::failed(std::string_view field) const {
    return std::any_of(errors_.begin(), errors_.end(),
                       [&](const FieldError& e) { return e.field == field; });
}

void FormInput::add_checked(const std::string& field, std::string text) {
    // Checked once, here, as web/access.cpp checks form fields: the bad text goes no further.
    if (const auto problem = domain::check_input(text); problem != domain::TextProblem::none) {
        fail(field, text_problem_key(problem));
        text.clear();
    }
    fields_.emplace(field, std::move(text));
}

void FormInput::note_json_kind(const std::string& field, const json::value& value) {
    if (value.is_number() || value.is_bool()) {
        not_text_.insert(field);
    }
}

bool FormInput::text_expected(std::string_view field) {
    if (failed(field)) {
        return false;  // Refused where it entered (bad characters): one message is enough.
    }
    if (not_text_.find(field) == not_text_.end()) {
        return true;
    }
    fail(std::string(field), "form.not_text");
    return false;
}

std::optional<std::string> FormInput::required_text(std::string_view field,
                                                    std::size_t max_length) {
    if (!text_expected(field)) {
        return std::nullopt;
    }
    const std::string value = text(field);
    if (value.empty()) {
        fail(std::string(field), "form.required");
        return std::nullopt;
    }
    if (const auto problem = domain::check_text(value, domain::TextKind::line);
        problem != domain::TextProblem::none) {
        fail(std::string(field), text_problem_key(problem));
        return std::nullopt;
    }
    const auto length = domain::utf8_code_points(value);
    if (*length > max_length) {
        fail(std::string(field), "form.too_long", {{"max", max_length}});
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> FormInput::optional_text(std::string_view field,
                                                    std::size_t max_length) {
    if (!present(field)) {
        return std::nullopt;
    }
    return required_text(field, max_length);
}

std::optional<std::string> FormInput::multiline_text(std::string_view field,
                                                     std::size_t max_length) {
    if (!text_expected(field)) {
        return std::nullopt;
    }
    std::string value;
    for (const char c : text(field)) {
        if (c != '\r') {
            value.push_back(c);
        }
    }
    if (const auto problem = domain::check_text(value, domain::TextKind::lines);
        problem != domain::TextProblem::none) {
        fail(std::string(field), text_problem_key(problem));
        return std::nullopt;
    }
    const auto length = domain::utf8_code_points(value);
    if (*length > max_length) {
        fail(std::string(field), "form.too_long", {{"max", max_length}});
        return std::nullopt;
    }
    return value;
}

std::optional<domain::Date> FormInput::required_date(std::string_view field) {
    if (!text_expected(field)) {
        return std::nullopt;
    }
    const std::string value = text(field);
    if (value.empty()) {
        fail(std::string(field), "form.required");
        return std::nullopt;
    }
    const auto date = parse_user_date(value);
    if (!date || date->year() < 1900 || date->year() > 2199) {
        fail(std::string(field), "form.bad_date");
        return std::nullopt;
    }
    return date;
}

std::optional<std::optional<domain::Date>> FormInput::optional_date(std::string_view field) {
    if (!present(field)) {
        return std::optional<domain::Date>{};
    }
    const auto date = required_date(field);
    if (!date) {
        return std::nullopt;
    }
    return std::optional<domain::Date>{*date};
}

std::optional<int> FormInput::required_int(std::string_view field, int min, int max) {
    if (failed(field)) {
        return std::nullopt;  // Refused where it entered.
    }
    const std::string value = text(field);
    if (value.empty()) {
        fail(std::string(field), "form.required");
        return std::nullopt;
    }
    const auto number = whole_number(value);
    if (!number || *number < min || *number > max) {
        fail(std::string(field), "form.out_of_range", {{"min", min}, {"max", max}});
        return std::nullopt;
    }
    return number;
}

bool FormInput::flag(std::string_view field) const {
    const std::string value = text(field);
    return value == "on" || value == "true" || value == "1" || value == "ja";
}

std::optional<std::string> FormInput::required_choice(
    std::string_view field, const std::vector<std::string_view>& choices) {
    if (!text_expected(field)) {
        return std::nullopt;
    }
    const std::string value = text(field);
    if (value.empty()) {
        fail(std::string(field), "form.required");
        return std::nullopt;
    }
    if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
        fail(std::string(field), "form.bad_choice");
        return std::nullopt;
    }
    return value;
}

json::object FormInput::values() const {
    json::object values;
    for (const auto& [key, value] : fields_) {
        if (key != "csrf_token") {
            values[key] = value;
        }
    }
    return values;
}

void add_form_state(const Catalogue& catalogue, const FormInput& input, json::object& data) {
    json::object by_field;
    json::array summary;
    for (const auto& e : input.errors()) {
        const std::string message = catalogue.format(e.message_key, e.args);
        if (!by_field.contains(e.field)) {
            by_field[e.field] = message;
        }
        summary.push_back(json::object{{"field", e.field}, {"message", message}});
    }
    data["value"] = input.values();
    data["error"] = std::move(by_field);
    data["has_errors"] = !summary.empty();
    data["errors"] = std::move(summary);
}

json::array select_options(const Catalogue& catalogue, std::string_view label_prefix,
                           const std::vector<std::string_view>& values, std::string_view selected) {
    json::array options;
    for (const auto value : values) {
        options.push_back(json::object{
            {"value", value},
            {"label", catalogue.text(std::string(label_prefix) + "." + std::string(value))},
            {"selected", value == selected}});
    }
    return options;
}

Response refuse(const Services& services, const Request& request, const RequestContext& context,
                const FormInput& input, std::string_view template_name, const std::string& title,
                const std::function<json::object()>& form) {
    if (!wants_json(request)) {
        json::object data = form();
        add_form_state(services.catalogue, input, data);
        return page(services, request, context, template_name,
                    services.catalogue.format("form.title_with_errors", {{"title", title}}),
                    std::move(data), http::status::unprocessable_entity);
    }
    json::array fields;
    for (const auto& e : input.errors()) {
        fields.push_back(json::object{
            {"field", e.field}, {"message", services.catalogue.format(e.message_key, e.args)}});
    }
    json::object error{{"code", "invalid_input"},
                       {"message", services.catalogue.text("form.invalid_input")},
                       {"correlation_id", context.request_id}};
    if (!input.errors().empty()) {
        error["field"] = input.errors().front().field;
        error["message"] = fields.front().at("message");
    }
    error["fields"] = std::move(fields);
    return json_response(http::status::unprocessable_entity, request.version(),
                         json::object{{"error", std::move(error)}});
}

}  // namespace alis::web
