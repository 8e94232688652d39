// The validator that checks API responses against api/openapi.json: each case is an instance and
// the exact violations it must give (none for an instance that conforms).
#include "support/json_schema.hpp"

#include <gtest/gtest.h>

namespace alis::testing {
namespace {

namespace json = boost::json;

const json::value& root() {
    static const json::value document = json::parse(R"({
      "components": {"schemas": {
        "Date": {"type": "string", "format": "date"},
        "Employment": {
          "type": "object",
          "additionalProperties": false,
          "required": ["id", "fte", "starts_on"],
          "properties": {
            "id": {"type": "integer", "minimum": 1},
            "fte": {"type": "integer", "minimum": 1, "maximum": 100},
            "starts_on": {"$ref": "#/components/schemas/Date"},
            "ends_on": {"type": ["string", "null"], "format": "date"},
            "kind": {"enum": ["gp_list", "institution"]},
            "version": {"const": 1},
            "place": {"type": "string", "minLength": 1, "maxLength": 5, "pattern": "^[A-Z]"}
          }
        },
        "Record": {
          "type": "object",
          "required": ["employments"],
          "properties": {
            "employments": {"type": "array", "maxItems": 3,
                            "items": {"$ref": "#/components/schemas/Employment"}},
            "at": {"type": "string", "format": "date-time"},
            "status": {"anyOf": [{"type": "null"}, {"type": "string", "enum": ["ok"]}]},
            "one": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}]},
            "both": {"allOf": [{"type": "string"}, {"minLength": 2}]},
            "tags": {"type": "object", "additionalProperties": {"type": "boolean"}}
          }
        },
        "Broken": {"$ref": "#/components/schemas/Missing"},
        "Unchecked": {"type": "object", "patternProperties": {"^x": {"type": "string"}}},
        "Cycle": {"$ref": "#/components/schemas/Cycle"}
      }}
    })");
    return document;
}

const json::value& schema(const char* name) {
    return root().at("components").at("schemas").at(name);
}

struct Case {
    const char* schema;
    const char* instance;
    std::vector<std::string> violations;
};

const std::vector<Case> kCases = {
    // Conforming instances.
    {"Record", R"({"employments": []})", {}},
    {"Record",
     R"({"employments": [{"id": 1, "fte": 100, "starts_on": "2024-02-29", "ends_on": null,
         "kind": "gp_list", "version": 1.0, "place": "Bø"}],
         "at": "2026-11-22T08:30:00Z", "status": null, "one": 3, "both": "ab",
         "tags": {"a": true}, "anything": [1, 2]})",
     {}},
    {"Record", R"({"employments": [], "status": "ok", "one": 10.5})", {}},
    {"Employment",
     R"({"id": 2.0, "fte": 1, "starts_on": "2026-11-22", "ends_on": "2027-01-31"})",
     {}},
    // Types, also inside arrays and through $ref.
    {"Record",
     R"({"employments": [{"id": 1, "fte": 100, "starts_on": "2024-01-01"},
                         {"id": 2, "fte": 50, "starts_on": "2024-01-01"},
                         {"id": 3, "fte": "80", "starts_on": "2024-01-01"}]})",
     {"$.employments[2].fte: expected integer, got string"}},
    {"Record", R"([])", {"$: expected object, got array"}},
    {"Employment",
     R"({"id": 1.5, "fte": 10, "starts_on": "2024-01-01", "ends_on": 3})",
     {"$.id: expected integer, got number", "$.ends_on: expected string or null, got integer"}},
    // required, additionalProperties, enum, const.
    {"Employment",
     R"({"fte": 10, "starts_on": "2024-01-01", "extra": 1, "kind": "other"})",
     {"$.id: required but missing", "$.extra: not a documented property",
      R"($.kind: "other" is not one of ["gp_list","institution"])"}},
    {"Employment",
     R"({"id": 1, "fte": 10, "starts_on": "2024-01-01", "version": 2})",
     {"$.version: expected 1, got 2"}},
    {"Record",
     R"({"employments": [], "tags": {"a": 1, "b c": true}})",
     {"$.tags.a: expected boolean, got integer"}},
    // Bounds.
    {"Employment",
     R"({"id": 0, "fte": 101, "starts_on": "2024-01-01"})",
     {"$.id: 0 is below the minimum 1", "$.fte: 101 is above the maximum 100"}},
    {"Employment",
     R"({"id": 1, "fte": 1, "starts_on": "2024-01-01", "place": "ålesund"})",
     {"$.place: longer than 5 characters", R"($.place: "ålesund" does not match "^[A-Z]")"}},
    {"Employment",
     R"({"id": 1, "fte": 1, "starts_on": "2024-01-01", "place": ""})",
     {"$.place: shorter than 1 characters", R"($.place: "" does not match "^[A-Z]")"}},
    {"Record",
     R"({"employments": [{}, {}, {}, {}]})",
     {"$.employments: more than 3 items", "$.employments[0].id: required but missing",
      "$.employments[0].fte: required but missing",
      "$.employments[0].starts_on: required but missing",
      "$.employments[1].id: required but missing", "$.employments[1].fte: required but missing",
      "$.employments[1].starts_on: required but missing",
      "$.employments[2].id: required but missing", "$.employments[2].fte: required but missing",
      "$.employments[2].starts_on: required but missing",
      "$.employments[3].id: required but missing", "$.employments[3].fte: required but missing",
      "$.employments[3].starts_on: required but missing"}},
    // Formats: a real calendar date, and a UTC time.
    {"Employment",
     R"({"id": 1, "fte": 1, "starts_on": "2023-02-29", "ends_on": "22.11.2026"})",
     {R"($.starts_on: "2023-02-29" is not a date (YYYY-MM-DD))",
      R"($.ends_on: "22.11.2026" is not a date (YYYY-MM-DD))"}},
    {"Record",
     R"({"employments": [], "at": "2026-11-22 08:30"})",
     {R"($.at: "2026-11-22 08:30" is not a date-time (YYYY-MM-DDThh:mm:ssZ))"}},
    // anyOf, oneOf, allOf.
    {"Record",
     R"({"employments": [], "status": "bad"})",
     {"$.status: matches none of the anyOf schemas"}},
    {"Record",
     R"({"employments": [], "one": 12})",
     {"$.one: matches 2 of the oneOf schemas, not exactly one"}},
    {"Record",
     R"({"employments": [], "one": 1.5})",
     {"$.one: matches 0 of the oneOf schemas, not exactly one"}},
    {"Record", R"({"employments": [], "both": "a"})", {"$.both: shorter than 2 characters"}},
    // A schema that cannot be checked fails rather than passing silently.
    {"Broken", R"({})", {R"($: unresolvable $ref "#/components/schemas/Missing")"}},
    {"Unchecked",
     R"({"x": 1})",
     {"$: the schema uses 'patternProperties', which this validator does not check"}},
    {"Cycle", R"(1)", {"$: schema nests too deeply (a $ref cycle?)"}},
};

TEST(JsonSchema, EachCaseGivesExactlyItsViolations) {
    const JsonSchemaValidator validator(root());
    for (const auto& c : kCases) {
        EXPECT_EQ(validator.validate(json::parse(c.instance), schema(c.schema)), c.violations)
            << c.schema << " " << c.instance;
    }
}

TEST(JsonSchema, ResolvesLocalJsonPointers) {
    const JsonSchemaValidator validator(root());
    ASSERT_NE(validator.resolve("#/components/schemas/Date"), nullptr);
    EXPECT_EQ(*validator.resolve("#/components/schemas/Date/format"), json::value("date"));
    EXPECT_EQ(validator.resolve("#/components/schemas/Nothing"), nullptr);
    EXPECT_EQ(validator.resolve("other.json#/x"), nullptr);
    const json::value escaped = json::parse(R"({"paths": {"/a/{b}": {"x~y": [10, 20]}}})");
    const JsonSchemaValidator in_paths(escaped);
    ASSERT_NE(in_paths.resolve("#/paths/~1a~1{b}/x~0y/1"), nullptr);
    EXPECT_EQ(*in_paths.resolve("#/paths/~1a~1{b}/x~0y/1"), json::value(20));
    EXPECT_EQ(in_paths.resolve("#/paths/~1a~1{b}/x~0y/2"), nullptr);
}

TEST(JsonSchema, ListsKeywordsItDoesNotCheck) {
    const JsonSchemaValidator validator(root());
    EXPECT_TRUE(validator.unsupported_keywords(schema("Record")).empty());
    EXPECT_EQ(validator.unsupported_keywords(schema("Unchecked"), "#/Unchecked"),
              std::vector<std::string>{"#/Unchecked: unsupported keyword 'patternProperties'"});
    const auto nested = json::parse(
        R"({"properties": {"a": {"items": {"type": "string", "format": "email", "uniqueItems": true}}}})");
    EXPECT_EQ(
        validator.unsupported_keywords(nested),
        (std::vector<std::string>{"#/properties/a/items: unsupported format 'email'",
                                  "#/properties/a/items: unsupported keyword 'uniqueItems'"}));
}

}  // namespace
}  // namespace alis::testing
