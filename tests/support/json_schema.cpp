#include "support/json_schema.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <set>

#include "domain/date.hpp"

namespace alis::testing {
namespace {

namespace json = boost::json;

// Deeper than any schema of ours; stops a $ref cycle from recursing forever.
constexpr int kMaxDepth = 64;

const std::set<std::string, std::less<>> kChecked = {
    "type",     "properties", "required",  "additionalProperties",
    "items",    "enum",       "const",     "$ref",
    "allOf",    "anyOf",      "oneOf",     "minimum",
    "maximum",  "minLength",  "maxLength", "pattern",
    "minItems", "maxItems",   "format"};
const std::set<std::string, std::less<>> kAnnotations = {"description", "title",      "example",
                                                         "examples",    "default",    "readOnly",
                                                         "writeOnly",   "deprecated", "$comment"};
const std::set<std::string, std::less<>> kFormats = {"date", "date-time"};

bool is_integer(const json::value& v) {
    if (v.is_int64() || v.is_uint64()) {
        return true;
    }
    // JSON Schema: 1.0 is an integer.
    return v.is_double() && std::isfinite(v.get_double()) &&
           v.get_double() == std::floor(v.get_double());
}

bool has_type(const json::value& v, std::string_view type) {
    if (type == "null") {
        return v.is_null();
    }
    if (type == "boolean") {
        return v.is_bool();
    }
    if (type == "integer") {
        return is_integer(v);
    }
    if (type == "number") {
        return v.is_number();
    }
    if (type == "string") {
        return v.is_string();
    }
    if (type == "array") {
        return v.is_array();
    }
    if (type == "object") {
        return v.is_object();
    }
    return false;
}

std::string_view type_name(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "boolean";
        case json::kind::int64:
        case json::kind::uint64:
            return "integer";
        case json::kind::double_:
            return is_integer(v) ? "integer" : "number";
        case json::kind::string:
            return "string";
        case json::kind::array:
            return "array";
        case json::kind::object:
            return "object";
    }
    return "?";
}

double as_double(const json::value& v) {
    return v.to_number<double>();
}

// Numbers compare by value (1 == 1.0), everything else as Boost.JSON does.
bool json_equal(const json::value& a, const json::value& b) {
    if (a.is_number() && b.is_number()) {
        return as_double(a) == as_double(b);
    }
    return a == b;
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool is_date(std::string_view text) {
    return domain::Date::parse_iso(text).has_value();
}

// 2026-11-22T08:30:00Z (UTC, as alis writes times), fractional seconds and offsets allowed.
bool is_date_time(std::string_view text) {
    static const std::regex kDateTime(
        R"(^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$)");
    return text.size() >= 20 && is_date(text.substr(0, 10)) &&
           std::regex_match(text.begin(), text.end(), kDateTime);
}

std::string describe_types(const json::value& type) {
    if (type.is_string()) {
        return std::string(type.get_string());
    }
    std::string out;
    const auto& list = type.as_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
        out += i == 0 ? "" : (i + 1 == list.size() ? " or " : ", ");
        out += std::string(list[i].as_string());
    }
    return out;
}

}  // namespace

std::string json_path_member(const std::string& path, std::string_view name) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
    if (plain) {
        return path + "." + std::string(name);
    }
    return path + "[" + json::serialize(json::value(name)) + "]";
}

const json::value* JsonSchemaValidator::resolve(std::string_view ref) const {
    if (!ref.starts_with("#")) {
        return nullptr;
    }
    ref.remove_prefix(1);
    const json::value* at = &root_;
    while (!ref.empty()) {
        if (ref.front() != '/') {
            return nullptr;
        }
        ref.remove_prefix(1);
        const auto end = ref.find('/');
        std::string token(ref.substr(0, end));
        ref = end == std::string_view::npos ? std::string_view() : ref.substr(end);
        // JSON pointer escapes: ~1 is '/', ~0 is '~'.
        for (std::size_t i = 0; (i = token.find('~', i)) != std::string::npos; ++i) {
            if (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1')) {
                return nullptr;
            }
            token.replace(i, 2, token[i + 1] == '1' ? "/" : "~");
        }
        if (at->is_object()) {
            at = at->get_object().if_contains(token);
        } else if (at->is_array()) {
            std::size_t index = 0;
            try {
                index = std::stoul(token);
            } catch (const std::exception&) {
                return nullptr;
            }
            at = index < at->get_array().size() ? &at->get_array()[index] : nullptr;
        } else {
            return nullptr;
        }
        if (at == nullptr) {
            return nullptr;
        }
    }
    return at;
}

std::vector<std::string> JsonSchemaValidator::validate(const json::value& instance,
                                                       const json::value& schema) const {
    std::vector<std::string> out;
    check(instance, schema, "$", out, 0);
    return out;
}

void JsonSchemaValidator::check(const json::value& instance, const json::value& schema,
                                const std::string& path, std::vector<std::string>& out,
                                int depth) const {
    if (depth > kMaxDepth) {
        out.push_back(path + ": schema nests too deeply (a $ref cycle?)");
        return;
    }
    if (schema.is_bool()) {
        if (!schema.get_bool()) {
            out.push_back(path + ": no value is allowed here");
        }
        return;
    }
    if (!schema.is_object()) {
        out.push_back(path + ": the schema is neither an object nor a boolean");
        return;
    }
    const auto& s = schema.get_object();
    for (const auto& [key, value] : s) {
        if (!kChecked.contains(key) && !kAnnotations.contains(key)) {
            out.push_back(path + ": the schema uses '" + std::string(key) +
                          "', which this validator does not check");
        }
    }

    if (const auto* ref = s.if_contains("$ref")) {
        const auto* target = ref->is_string() ? resolve(ref->get_string()) : nullptr;
        if (target == nullptr) {
            out.push_back(path + ": unresolvable $ref " + json::serialize(*ref));
        } else {
            check(instance, *target, path, out, depth + 1);
        }
    }

    if (const auto* type = s.if_contains("type")) {
        bool matches = false;
        if (type->is_string()) {
            matches = has_type(instance, type->get_string());
        } else if (type->is_array()) {
            for (const auto& t : type->get_array()) {
                matches = matches || (t.is_string() && has_type(instance, t.get_string()));
            }
        }
        if (!matches) {
            out.push_back(path + ": expected " + describe_types(*type) + ", got " +
                          std::string(type_name(instance)));
            return;  // The other keywords would only repeat the mismatch.
        }
    }

    if (const auto* values = s.if_contains("enum")) {
        const auto& list = values->as_array();
        if (std::none_of(list.begin(), list.end(),
                         [&](const json::value& v) { return json_equal(v, instance); })) {
            out.push_back(path + ": " + json::serialize(instance) + " is not one of " +
                          json::serialize(*values));
        }
    }
    if (const auto* expected = s.if_contains("const")) {
        if (!json_equal(*expected, instance)) {
            out.push_back(path + ": expected " + json::serialize(*expected) + ", got " +
                          json::serialize(instance));
        }
    }

    if (instance.is_number()) {
        const double number = as_double(instance);
        if (const auto* min = s.if_contains("minimum"); min && number < as_double(*min)) {
            out.push_back(path + ": " + json::serialize(instance) + " is below the minimum " +
                          json::serialize(*min));
        }
        if (const auto* max = s.if_contains("maximum"); max && number > as_double(*max)) {
            out.push_back(path + ": " + json::serialize(instance) + " is above the maximum " +
                          json::serialize(*max));
        }
    }

    if (instance.is_string()) {
        const std::string_view text = instance.get_string();
        const auto length = code_points(text);
        if (const auto* min = s.if_contains("minLength");
            min && length < min->to_number<std::size_t>()) {
            out.push_back(path + ": shorter than " + json::serialize(*min) + " characters");
        }
        if (const auto* max = s.if_contains("maxLength");
            max && length > max->to_number<std::size_t>()) {
            out.push_back(path + ": longer than " + json::serialize(*max) + " characters");
        }
        if (const auto* pattern = s.if_contains("pattern")) {
            const std::regex re(std::string(pattern->as_string()), std::regex::ECMAScript);
            if (!std::regex_search(text.begin(), text.end(), re)) {
                out.push_back(path + ": " + json::serialize(instance) + " does not match " +
                              json::serialize(*pattern));
            }
        }
        if (const auto* format = s.if_contains("format")) {
            const std::string_view name = format->as_string();
            if (name == "date" && !is_date(text)) {
                out.push_back(path + ": " + json::serialize(instance) +
                              " is not a date (YYYY-MM-DD)");
            } else if (name == "date-time" && !is_date_time(text)) {
                out.push_back(path + ": " + json::serialize(instance) +
                              " is not a date-time (YYYY-MM-DDThh:mm:ssZ)");
            } else if (!kFormats.contains(name)) {
                out.push_back(path + ": the schema uses format '" + std::string(name) +
                              "', which this validator does not check");
            }
        }
    }

    if (instance.is_object()) {
        const auto& object = instance.get_object();
        if (const auto* required = s.if_contains("required")) {
            for (const auto& name : required->as_array()) {
                if (!object.contains(name.as_string())) {
                    out.push_back(json_path_member(path, name.as_string()) +
                                  ": required but missing");
                }
            }
        }
        const auto* properties = s.if_contains("properties");
        const auto* additional = s.if_contains("additionalProperties");
        for (const auto& [name, value] : object) {
            const std::string at = json_path_member(path, name);
            const json::value* property =
                properties ? properties->as_object().if_contains(name) : nullptr;
            if (property != nullptr) {
                check(value, *property, at, out, depth + 1);
            } else if (additional != nullptr) {
                if (additional->is_bool() && !additional->get_bool()) {
                    out.push_back(at + ": not a documented property");
                } else {
                    check(value, *additional, at, out, depth + 1);
                }
            }
        }
    }

    if (instance.is_array()) {
        const auto& array = instance.get_array();
        if (const auto* min = s.if_contains("minItems");
            min && array.size() < min->to_number<std::size_t>()) {
            out.push_back(path + ": fewer than " + json::serialize(*min) + " items");
        }
        if (const auto* max = s.if_contains("maxItems");
            max && array.size() > max->to_number<std::size_t>()) {
            out.push_back(path + ": more than " + json::serialize(*max) + " items");
        }
        if (const auto* items = s.if_contains("items")) {
            for (std::size_t i = 0; i < array.size(); ++i) {
                check(array[i], *items, path + "[" + std::to_string(i) + "]", out, depth + 1);
            }
        }
    }

    if (const auto* all = s.if_contains("allOf")) {
        for (const auto& sub : all->as_array()) {
            check(instance, sub, path, out, depth + 1);
        }
    }
    const auto matching = [&](const json::array& list) {
        std::size_t count = 0;
        for (const auto& sub : list) {
            std::vector<std::string> ignored;
            check(instance, sub, path, ignored, depth + 1);
            count += ignored.empty() ? 1 : 0;
        }
        return count;
    };
    if (const auto* any = s.if_contains("anyOf"); any && matching(any->as_array()) == 0) {
        out.push_back(path + ": matches none of the anyOf schemas");
    }
    if (const auto* one = s.if_contains("oneOf")) {
        const auto count = matching(one->as_array());
        if (count != 1) {
            out.push_back(path + ": matches " + std::to_string(count) +
                          " of the oneOf schemas, not exactly one");
        }
    }
}

std::vector<std::string> JsonSchemaValidator::unsupported_keywords(const json::value& schema,
                                                                   const std::string& at) const {
    std::vector<std::string> out;
    if (!schema.is_object()) {
        return out;
    }
    for (const auto& [key, value] : schema.get_object()) {
        const std::string here = at + "/" + std::string(key);
        if (!kChecked.contains(key) && !kAnnotations.contains(key)) {
            out.push_back(at + ": unsupported keyword '" + std::string(key) + "'");
            continue;
        }
        if (key == "format" && value.is_string() && !kFormats.contains(value.get_string())) {
            out.push_back(at + ": unsupported format '" + std::string(value.get_string()) + "'");
        }
        auto add = [&](const std::vector<std::string>& more) {
            out.insert(out.end(), more.begin(), more.end());
        };
        if (key == "properties" && value.is_object()) {
            for (const auto& [name, sub] : value.get_object()) {
                add(unsupported_keywords(sub, here + "/" + std::string(name)));
            }
        } else if ((key == "items" || key == "additionalProperties") && value.is_object()) {
            add(unsupported_keywords(value, here));
        } else if ((key == "allOf" || key == "anyOf" || key == "oneOf") && value.is_array()) {
            for (std::size_t i = 0; i < value.get_array().size(); ++i) {
                add(unsupported_keywords(value.get_array()[i], here + "/" + std::to_string(i)));
            }
        }
    }
    return out;
}

}  // namespace alis::testing
