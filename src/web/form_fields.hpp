#pragma once

// Form fields described as data: one JSON object per input, rendered by
// templates/_field.mustache, grouped in sections and pages by templates/record_form.mustache. A
// new form is a list of these descriptions in C++, not a new template. Each description carries
// what the user typed (or the defaults) and the field's error from the FormInput it is built from.

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "web/forms.hpp"
#include "web/messages.hpp"

namespace alis::web {

// An input with its label (`label_key` in the catalogue), its value and its error from `input`;
// no hint, required, a text input of medium width. The others start from it.
boost::json::object field(const Catalogue& t, const FormInput& input, std::string_view id,
                          std::string_view label_key);
// A text input.
boost::json::object text_field(const Catalogue& t, const FormInput& input, std::string_view id,
                               std::string_view label_key);
// A date input, with the hint on how to write a date; `optional` marks it as not required.
boost::json::object date_field(const Catalogue& t, const FormInput& input, std::string_view id,
                               std::string_view label_key, bool optional = false);
// A position in percent (1..100), a narrow numeric input.
boost::json::object percent_field(const Catalogue& t, const FormInput& input, std::string_view id,
                                  std::string_view label_key);
// A <select> of `values`, labelled `<label_prefix>.<value>` in the catalogue.
boost::json::object select_field(const Catalogue& t, const FormInput& input, std::string_view id,
                                 std::string_view label_key, std::string_view label_prefix,
                                 const std::vector<std::string_view>& values);
// A checkbox with a hint (`hint_key`), checked when `input` has the flag set.
boost::json::object checkbox_field(const Catalogue& t, const FormInput& input, std::string_view id,
                                   std::string_view label_key, std::string_view hint_key);
// A text of several lines (a <textarea>) with a hint (`hint_key`).
boost::json::object textarea_field(const Catalogue& t, const FormInput& input, std::string_view id,
                                   std::string_view label_key, std::string_view hint_key);
// A file to upload, of the types `accept` names (e.g. ".pdf,.png,.jpg"), with a hint
// (`hint_key`); the form it is in is sent as multipart/form-data.
boost::json::object file_field(const Catalogue& t, const FormInput& input, std::string_view id,
                               std::string_view label_key, std::string_view hint_key,
                               std::string_view accept);
// A <fieldset> of fields with its legend (`legend_key`).
boost::json::object section(const Catalogue& t, std::string_view legend_key,
                            boost::json::array fields);
// The data of templates/record_form.mustache: heading, intro, where it posts to, where "cancel"
// goes, the submit button's text (`submit_key`) and the sections; each field gets its
// aria-describedby from its hint and its error.
boost::json::object form_page(const Catalogue& t, const RequestContext& context,
                              std::string heading, std::string intro, std::string action,
                              std::string cancel, std::string_view submit_key,
                              boost::json::array sections);

}  // namespace alis::web
