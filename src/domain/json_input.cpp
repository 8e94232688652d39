#include "domain/json_input.hpp"

#include <cstddef>
#include <utility>

namespace alis::domain {
namespace {

namespace json = boost::json;

// The syntax error at byte `offset` of `text`, with its line and column (both from 1).
JsonSyntaxError error_at(std::string_view text, std::size_t offset, std::string message) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return JsonSyntaxError(line, column, std::move(message));
}

}  // namespace

json::value parse_json_document(std::string_view text, json::storage_ptr storage) {
    json::stream_parser parser;
    parser.reset(std::move(storage));
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (!ec) {
        parser.finish(ec);
        if (ec) {
            throw error_at(text, text.size(), ec.message());
        }
        return parser.release();
    }
    throw error_at(text, consumed, ec.message());
}

std::string_view json_type_name(const json::value& value) {
    switch (value.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_:
            return "a number";
        case json::kind::string:
            return "a string";
        case json::kind::array:
            return "a list";
        case json::kind::object:
            return "an object";
    }
    return "a value";
}

}  // namespace alis::domain
