#pragma once

// The input of a write, read the same way from an HTML form (application/x-www-form-urlencoded)
// and from a JSON API body, and validated field by field on the server. A handler reads every field
// through the checks below, which record an error per field instead of throwing; when any failed,
// it answers with `refuse` (422: the form again with what the user typed, an error summary and a
// message next to each field, or JSON with every field error), and writes nothing.

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "web/multipart.hpp"
#include "web/pipeline.hpp"

namespace alis::web {

// One field that failed, with its message in the catalogue and the message's {{placeholders}}.
struct FieldError {
    std::string field;
    std::string message_key;
    boost::json::object args;
};

// A repeated group of fields, e.g. the planned periods of an education plan. A JSON body gives its
// rows as an array of objects of scalars (`periods: [{"from": ...}]`, fields named
// `periods[0].from`); a form as numbered fields (`period_1_from`).
struct FieldRows {
    std::string_view name;         // The JSON array, and the name of its errors: "periods".
    std::string_view form_prefix;  // The form's fields: "period" for period_1_from.
    std::size_t max_rows;          // At most this many; more in JSON is a 422 `too_many_key`.
    std::string_view too_many_key;

    // The form's name of `field` in row `index` (from 0): period_1_from.
    std::string form_field(std::size_t index, std::string_view field) const;
    // The JSON name of `field` in row `index` (from 0): periods[0].from.
    std::string json_field(std::size_t index, std::string_view field) const;
};

class FormInput {
  public:
    // Reads the body of a form post or of a JSON object (values may be strings, numbers, booleans
    // or null; for a group in `rows`, an array of objects of such values). Anything else is a
    // 400/415 HttpError, and a value of another kind a 422 form.not_a_value on its field.
    static FormInput from_request(const Request& request, const std::vector<FieldRows>& rows = {});
    // The fields of a multipart/form-data body (a form that uploads a file): every part that is
    // not a file, checked as text entering alis as a urlencoded form's are. The files are the
    // handler's to read (find_part).
    static FormInput from_parts(const std::vector<MultipartPart>& parts);
    // For tests and for callers that already hold the fields (named as in a form).
    explicit FormInput(std::map<std::string, std::string> fields);

    // How many rows of `rows` to read: as many as the JSON array has, or for a form max_rows (the
    // caller skips the rows left empty).
    std::size_t row_count(const FieldRows& rows) const;
    // The name of `field` in row `index` (from 0) as this input names it: periods[0].from in
    // JSON, period_1_from in a form.
    std::string row_field(const FieldRows& rows, std::size_t index, std::string_view field) const;
    // Where an error about the rows as a whole goes: the JSON array, or in a form `field` of the
    // first row (the first input the user can fill in).
    std::string rows_field(const FieldRows& rows, std::string_view field) const;

    // The raw text of a field, trimmed; empty when absent.
    std::string text(std::string_view field) const;
    bool present(std::string_view field) const;

    // Each check records a FieldError (and returns nullopt) when the field is missing or wrong.
    // A required text of 1..max_length characters (UTF-8 code points), without control characters.
    std::optional<std::string> required_text(std::string_view field, std::size_t max_length);
    // An optional text: nullopt when empty, else as required_text.
    std::optional<std::string> optional_text(std::string_view field, std::size_t max_length);
    // A text of several lines (a <textarea>): "" when empty, else at most max_length code points;
    // line breaks (normalised to \n) and tabs are allowed, other control characters are not.
    std::optional<std::string> multiline_text(std::string_view field, std::size_t max_length);
    // A date written 22.11.2026 (forms), 2026-11-22 (forms and JSON) or 22/11/2026.
    std::optional<domain::Date> required_date(std::string_view field);
    // Like required_date, but an empty field is a valid "no date": the outer optional is set.
    std::optional<std::optional<domain::Date>> optional_date(std::string_view field);
    // A whole number within [min, max].
    std::optional<int> required_int(std::string_view field, int min, int max);
    // A checkbox or JSON boolean: "on", "true", "1", "ja" are true; absent or "false"/"0" false.
    bool flag(std::string_view field) const;
    // One of `choices` (the stored names, e.g. "gp_list").
    std::optional<std::string> required_choice(std::string_view field,
                                               const std::vector<std::string_view>& choices);

    // Records an error found by a rule that spans fields (an overlap, an end before a start).
    void fail(std::string field, std::string message_key, boost::json::object args = {});
    bool ok() const { return errors_.empty(); }
    const std::vector<FieldError>& errors() const { return errors_; }
    // True when `field` already has an error (so a later rule does not pile a second one on it).
    bool failed(std::string_view field) const;

    // What the user typed, by field, for re-rendering the form ({{value.name}}).
    boost::json::object values() const;

  private:
    // Adds a field of a JSON body, checked as text entering alis (an error on the field if not).
    void add_checked(const std::string& field, std::string text);
    // Remembers that a JSON field held a number or a boolean, which no text field takes.
    void note_json_kind(const std::string& field, const boost::json::value& value);
    // False (with the field's error) when a text was expected and the JSON gave a number or a
    // boolean.
    bool text_expected(std::string_view field);

    std::map<std::string, std::string, std::less<>> fields_;
    std::set<std::string, std::less<>> not_text_;
    // For a JSON body: how many rows each group in it has, by the group's name.
    std::optional<std::map<std::string, std::size_t, std::less<>>> json_rows_;
    std::vector<FieldError> errors_;
};

// Adds to a form template's data: `value` (what the user typed), `error` (message by field, for
// {{#error.name}}), `has_errors` and `errors` (the summary: [{field, message}]).
void add_form_state(const Catalogue& catalogue, const FormInput& input, boost::json::object& data);

// The options of a <select>: [{value, label, selected}], labels from `<label_prefix>.<value>`.
boost::json::array select_options(const Catalogue& catalogue, std::string_view label_prefix,
                                  const std::vector<std::string_view>& values,
                                  std::string_view selected);

// The one answer to input with errors (422), decided by the one rule of wants_json (an /api/
// path, or an Accept header asking for JSON): as JSON, {error: {code: "invalid_input", message,
// field, fields: [{field, message}]}} (the top-level message and field are the first error's);
// else the form page `template_name` again, with the user's input and its errors, its data built
// by `form` (only then) and its title `title` marked as having errors.
Response refuse(const Services& services, const Request& request, const RequestContext& context,
                const FormInput& input, std::string_view template_name, const std::string& title,
                const std::function<boost::json::object()>& form);

}  // namespace alis::web
