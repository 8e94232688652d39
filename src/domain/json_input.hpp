#pragma once

// Reading JSON input that a person wrote: the document parsed with the place of a syntax error,
// and the words an error message uses for a value's type. Shared by the parsers of domain's
// inputs (the training path, the grant claim).

#include <boost/json.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace alis::domain {

// Malformed JSON: where (line and column, both from 1) and what the parser said.
class JsonSyntaxError : public std::runtime_error {
  public:
    JsonSyntaxError(std::size_t line, std::size_t column, std::string message)
        : std::runtime_error("line " + std::to_string(line) + ", column " + std::to_string(column) +
                             ": " + message),
          line_(line),
          column_(column),
          message_(std::move(message)) {}
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    // "line 3, column 7".
    std::string where() const {
        return "line " + std::to_string(line_) + ", column " + std::to_string(column_);
    }
    const std::string& message() const { return message_; }

  private:
    std::size_t line_;
    std::size_t column_;
    std::string message_;
};

// Parses `text`; the value's memory comes from `storage`, which must outlive it. Throws
// JsonSyntaxError.
boost::json::value parse_json_document(std::string_view text, boost::json::storage_ptr storage);

// Describes a JSON value's type for an error message: "a string", "a number", "null".
std::string_view json_type_name(const boost::json::value& value);

}  // namespace alis::domain
