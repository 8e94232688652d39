// The field descriptions of web/form_fields.hpp.
#include "web/form_fields.hpp"

namespace alis::web {

namespace json = boost::json;

json::object field(const Catalogue& t, const FormInput& input, std::string_view id,
                   std::string_view label_key) {
    json::object f{{"id", id},           {"label", t.text(label_key)}, {"value", input.text(id)},
                   {"hint", nullptr},    {"error", nullptr},           {"optional", false},
                   {"is_select", false}, {"is_checkbox", false},       {"is_textarea", false},
                   {"is_file", false},   {"inputmode", nullptr},       {"autocomplete", "off"},
                   {"width", "md"}};
    for (const auto& e : input.errors()) {
        if (e.field == id) {
            f["error"] = t.format(e.message_key, e.args);
            break;
        }
    }
    return f;
}

json::object text_field(const Catalogue& t, const FormInput& input, std::string_view id,
                        std::string_view label_key) {
    return field(t, input, id, label_key);
}

json::object date_field(const Catalogue& t, const FormInput& input, std::string_view id,
                        std::string_view label_key, bool optional) {
    auto f = field(t, input, id, label_key);
    f["hint"] = t.text("form.date_hint");
    f["optional"] = optional;
    f["width"] = "sm";
    return f;
}

json::object percent_field(const Catalogue& t, const FormInput& input, std::string_view id,
                           std::string_view label_key) {
    auto f = field(t, input, id, label_key);
    f["hint"] = t.text("records.fte_hint");
    f["inputmode"] = "numeric";
    f["width"] = "xs";
    return f;
}

json::object select_field(const Catalogue& t, const FormInput& input, std::string_view id,
                          std::string_view label_key, std::string_view label_prefix,
                          const std::vector<std::string_view>& values) {
    auto f = field(t, input, id, label_key);
    f["is_select"] = true;
    f["options"] = select_options(t, label_prefix, values, input.text(id));
    return f;
}

json::object checkbox_field(const Catalogue& t, const FormInput& input, std::string_view id,
                            std::string_view label_key, std::string_view hint_key) {
    auto f = field(t, input, id, label_key);
    f["is_checkbox"] = true;
    f["checked"] = input.flag(id);
    f["hint"] = t.text(hint_key);
    return f;
}

json::object textarea_field(const Catalogue& t, const FormInput& input, std::string_view id,
                            std::string_view label_key, std::string_view hint_key) {
    auto f = field(t, input, id, label_key);
    f["is_textarea"] = true;
    f["hint"] = t.text(hint_key);
    f["width"] = "lg";
    return f;
}

json::object file_field(const Catalogue& t, const FormInput& input, std::string_view id,
                        std::string_view label_key, std::string_view hint_key,
                        std::string_view accept) {
    auto f = field(t, input, id, label_key);
    f["is_file"] = true;
    f["accept"] = accept;
    f["hint"] = t.text(hint_key);
    f["width"] = "lg";
    return f;
}

json::object section(const Catalogue& t, std::string_view legend_key, json::array fields) {
    return json::object{{"legend", t.text(legend_key)}, {"fields", std::move(fields)}};
}

// The data of templates/record_form.mustache.
json::object form_page(const Catalogue& t, const RequestContext& context, std::string heading,
                       std::string intro, std::string action, std::string cancel,
                       std::string_view submit_key, json::array sections) {
    // Each input is described by its hint and its error, when it has them; a form with a file
    // field is sent as multipart/form-data.
    bool multipart = false;
    for (auto& s : sections) {
        for (auto& f : s.as_object()["fields"].as_array()) {
            auto& o = f.as_object();
            const auto* is_file = o.if_contains("is_file");
            multipart =
                multipart || (is_file != nullptr && is_file->is_bool() && is_file->as_bool());
            const std::string id(o["id"].as_string());
            std::string described;
            if (!o["hint"].is_null()) {
                described = id + "-hint";
            }
            if (!o["error"].is_null()) {
                described += (described.empty() ? "" : " ") + id + "-error";
            }
            o["describedby"] = described.empty() ? json::value() : json::value(described);
        }
    }
    return json::object{{"heading", std::move(heading)},
                        {"intro", std::move(intro)},
                        {"action", std::move(action)},
                        {"cancel", std::move(cancel)},
                        {"submit", t.text(submit_key)},
                        {"csrf_token", context.session ? context.session->csrf_token : ""},
                        {"multipart", multipart},
                        {"sections", std::move(sections)}};
}

}  // namespace alis::web
