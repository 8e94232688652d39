#pragma once

// A small JSON Schema (2020-12) validator for the subset that api/openapi.json uses, so that tests
// can check real API responses and the document's examples against the documented schemas.
//
// Checked keywords: type (a name or a list of names), properties, required,
// additionalProperties (false or a schema), items, enum, const, $ref (a JSON pointer into the root
// document, "#/components/schemas/Error"), allOf, anyOf, oneOf, minimum, maximum, minLength,
// maxLength, pattern (ECMAScript, matched on UTF-8 bytes: keep patterns ASCII), minItems, maxItems,
// and format "date" (YYYY-MM-DD, a real calendar date) and "date-time" (YYYY-MM-DDThh:mm:ssZ).
// Annotations (description, title, example(s), default, readOnly, writeOnly, deprecated, $comment)
// are allowed and ignored. Any other keyword is reported as a violation, so that the document
// cannot rely on a rule this validator silently skips.

#include <boost/json.hpp>

#include <string>
#include <vector>

namespace alis::testing {

class JsonSchemaValidator {
  public:
    // `root` is the document that "$ref"s resolve in (the OpenAPI document); it must outlive this.
    explicit JsonSchemaValidator(const boost::json::value& root) : root_(root) {}

    // Every way `instance` breaks `schema`, each as "<JSON path>: <what is wrong>", e.g.
    // "$.employments[2].fte: expected integer, got string". Empty when it conforms.
    std::vector<std::string> validate(const boost::json::value& instance,
                                      const boost::json::value& schema) const;

    // The schema keywords in `schema` (and the schemas inside it, without following $refs) that
    // this validator does not check, each as "<schema path>: unsupported keyword 'x'".
    std::vector<std::string> unsupported_keywords(const boost::json::value& schema,
                                                  const std::string& at = "#") const;

    // The value a local reference ("#/components/schemas/Person") points to, or nullptr.
    const boost::json::value* resolve(std::string_view ref) const;

  private:
    void check(const boost::json::value& instance, const boost::json::value& schema,
               const std::string& path, std::vector<std::string>& out, int depth) const;

    const boost::json::value& root_;
};

// "$" + ".name" or "[3]": how validate() names a place in an instance.
std::string json_path_member(const std::string& path, std::string_view name);

}  // namespace alis::testing
