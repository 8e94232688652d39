// api/openapi.json is the contract of the JSON API, and these tests keep it true: every registered
// /api/ route is documented and nothing else is; the document is OpenAPI 3.1 whose every $ref
// resolves; its examples fit its schemas; and real answers of the server, for every documented
// operation, fit the schema documented for their status. A new API route is one line in kCalls.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "app/audit_head.hpp"
#include "app/signed_training_record.hpp"
#include "embedded.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/json_schema.hpp"
#include "support/test_server.hpp"
#include "web/access.hpp"

namespace alis::web {
namespace openapi_test {

namespace json = boost::json;
using testing::JsonSchemaValidator;
using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

constexpr const char* kDocumentFile = "api/openapi.json";
const std::set<std::string, std::less<>> kMethods = {"get",   "put",     "post", "delete",
                                                     "patch", "options", "head", "trace"};

const json::value& document() {
    static const json::value parsed = json::parse(embedded::files().at(kDocumentFile));
    return parsed;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// The OpenAPI path of a route pattern: its {name:type} parameters as {name}
// ("/api/v1/people/{person:id}" is "/api/v1/people/{person}").
std::string openapi_path(const std::string& pattern) {
    return std::regex_replace(pattern, std::regex("\\{(\\w+):\\w+\\}"), "{$1}");
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

// "GET /api/v1/me" for every operation in the document.
std::set<std::string> documented_operations() {
    std::set<std::string> out;
    for (const auto& [path, item] : document().at("paths").as_object()) {
        for (const auto& [method, operation] : item.as_object()) {
            if (kMethods.contains(method)) {
                out.insert(upper(method) + " " + std::string(path));
            }
        }
    }
    return out;
}

// A value itself, or what its "$ref" points to.
const json::value& dereferenced(const JsonSchemaValidator& validator, const json::value& value) {
    if (const auto* ref = value.as_object().if_contains("$ref")) {
        const auto* target = validator.resolve(ref->as_string());
        if (target == nullptr) {
            throw std::runtime_error("unresolvable $ref " + json::serialize(*ref));
        }
        return *target;
    }
    return value;
}

// Calls `visit(value, pointer)` for every value in the document, depth first.
template <typename Visit>
void walk(const json::value& value, const std::string& pointer, const Visit& visit) {
    visit(value, pointer);
    if (value.is_object()) {
        for (const auto& [key, child] : value.get_object()) {
            std::string token(key);
            // JSON pointer escapes, so that a reported place can be looked up.
            for (std::size_t i = 0; (i = token.find_first_of("~/", i)) != std::string::npos;
                 i += 2) {
                token.replace(i, 1, token[i] == '~' ? "~0" : "~1");
            }
            walk(child, pointer + "/" + token, visit);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.get_array().size(); ++i) {
            walk(value.get_array()[i], pointer + "/" + std::to_string(i), visit);
        }
    }
}

TEST(OpenApiDocument, IsOpenApi31WithSecuritySchemesAndResolvableRefs) {
    json::error_code ec;
    const auto parsed = json::parse(embedded::files().at(kDocumentFile), ec);
    ASSERT_FALSE(ec) << kDocumentFile << " is not valid JSON: " << ec.message();
    ASSERT_TRUE(parsed.is_object());
    const auto& doc = parsed.as_object();
    EXPECT_EQ(doc.at("openapi"), json::value("3.1.0"));
    EXPECT_EQ(doc.at("info").at("title"), json::value("alis"));
    EXPECT_TRUE(doc.at("info").at("version").is_string());
    EXPECT_EQ(doc.at("servers").at(0).at("url"), json::value("/"));

    const auto& schemes = doc.at("components").at("securitySchemes");
    EXPECT_EQ(schemes.at("session").at("type"), json::value("apiKey"));
    EXPECT_EQ(schemes.at("session").at("in"), json::value("cookie"));
    EXPECT_EQ(schemes.at("session").at("name"), json::value(std::string(kSessionCookie)));
    EXPECT_EQ(schemes.at("csrf").at("in"), json::value("header"));
    EXPECT_EQ(schemes.at("csrf").at("name"), json::value("X-CSRF-Token"));

    const JsonSchemaValidator validator(parsed);
    int refs = 0;
    walk(parsed, "#", [&](const json::value& value, const std::string& pointer) {
        if (!value.is_object()) {
            return;
        }
        if (const auto* ref = value.get_object().if_contains("$ref")) {
            ++refs;
            EXPECT_TRUE(ref->is_string() && validator.resolve(ref->get_string()) != nullptr)
                << pointer << ": $ref " << json::serialize(*ref) << " does not resolve";
        }
        // Every security requirement names a declared scheme.
        if (const auto* security = value.get_object().if_contains("security");
            security && security->is_array()) {
            for (const auto& requirement : security->get_array()) {
                for (const auto& [name, scopes] : requirement.as_object()) {
                    EXPECT_TRUE(schemes.as_object().contains(name))
                        << pointer << ": unknown security scheme " << name;
                }
            }
        }
    });
    EXPECT_GT(refs, 20);
}

TEST(OpenApiDocument, EveryOperationDeclaresItsPathParametersAndWritesNeedTheCsrfToken) {
    const JsonSchemaValidator validator(document());
    const std::regex parameter("\\{([a-z_]+)\\}");
    for (const auto& [path, item] : document().at("paths").as_object()) {
        const std::string template_path(path);
        for (const auto& [method, operation] : item.as_object()) {
            if (!kMethods.contains(method)) {
                continue;
            }
            const std::string where = upper(method) + " " + template_path;
            std::set<std::string> declared;
            for (const auto* list : {item.as_object().if_contains("parameters"),
                                     operation.as_object().if_contains("parameters")}) {
                if (list == nullptr) {
                    continue;
                }
                for (const auto& p : list->as_array()) {
                    const auto& resolved = dereferenced(validator, p);
                    if (resolved.at("in") == json::value("path")) {
                        EXPECT_EQ(resolved.at("required"), json::value(true)) << where;
                        declared.insert(std::string(resolved.at("name").as_string()));
                    }
                }
            }
            std::set<std::string> in_path;
            for (auto it =
                     std::sregex_iterator(template_path.begin(), template_path.end(), parameter);
                 it != std::sregex_iterator(); ++it) {
                in_path.insert((*it)[1]);
            }
            EXPECT_EQ(declared, in_path) << where << ": path parameters and the template differ";
            EXPECT_TRUE(operation.as_object().contains("operationId")) << where;
            if (method == "post" || method == "put" || method == "patch" || method == "delete") {
                const auto& security = operation.at("security");
                EXPECT_EQ(security, json::parse(R"([{"session": [], "csrf": []}])")) << where;
            }
        }
    }
}

TEST(OpenApiDocument, EverySchemaUsesOnlyKeywordsTheTestsCheck) {
    const JsonSchemaValidator validator(document());
    walk(document(), "#", [&](const json::value& value, const std::string& pointer) {
        const bool is_schema = pointer.starts_with("#/components/schemas/") &&
                               std::count(pointer.begin(), pointer.end(), '/') == 3;
        const json::value* schema = is_schema ? &value : nullptr;
        if (!is_schema && value.is_object() && !pointer.starts_with("#/components/schemas")) {
            schema = value.get_object().if_contains("schema");
        }
        if (schema == nullptr) {
            return;
        }
        for (const auto& problem : validator.unsupported_keywords(*schema, pointer)) {
            ADD_FAILURE() << problem;
        }
    });
}

TEST(OpenApiDocument, EveryExampleFitsItsSchema) {
    const JsonSchemaValidator validator(document());
    int examples = 0;
    auto check = [&](const json::value& example, const json::value& schema,
                     const std::string& where) {
        ++examples;
        for (const auto& violation : validator.validate(example, schema)) {
            ADD_FAILURE() << where << " example: " << violation;
        }
    };
    walk(document(), "#", [&](const json::value& value, const std::string& pointer) {
        if (!value.is_object()) {
            return;
        }
        const auto& object = value.get_object();
        // Media types and parameters: "schema" beside "example" or "examples" {name: {value}}.
        if (const auto* schema = object.if_contains("schema")) {
            if (const auto* example = object.if_contains("example")) {
                check(*example, *schema, pointer);
            }
            if (const auto* named = object.if_contains("examples"); named && named->is_object()) {
                for (const auto& [name, entry] : named->get_object()) {
                    check(dereferenced(validator, entry).at("value"), *schema,
                          pointer + "/examples/" + std::string(name));
                }
            }
        }
        // Schemas: JSON Schema "examples" is a list of instances of the schema it sits in.
        if (pointer.starts_with("#/components/schemas/")) {
            if (const auto* list = object.if_contains("examples"); list && list->is_array()) {
                for (const auto& example : list->get_array()) {
                    check(example, value, pointer);
                }
            }
        }
    });
    EXPECT_GT(examples, 20);

    // Every success and every refused write shows what it looks like.
    for (const auto& [path, item] : document().at("paths").as_object()) {
        for (const auto& [method, operation] : item.as_object()) {
            if (!kMethods.contains(method)) {
                continue;
            }
            for (const auto& [status, response] : operation.at("responses").as_object()) {
                if (!status.starts_with("2") && status != "422") {
                    continue;
                }
                const auto& content = dereferenced(validator, response).at("content");
                if (!content.as_object().contains("application/json")) {
                    continue;  // A file (a certificate): its bytes are no example.
                }
                const auto& json_content = content.at("application/json");
                EXPECT_TRUE(json_content.as_object().contains("example"))
                    << upper(method) << " " << path << " " << status << " has no example";
            }
        }
    }
}

TEST(OpenApiDocument, IsServedAtApiV1OpenapiJson) {
    TestServer server;
    const auto r = client::get(server.port(), "/api/v1/openapi.json");
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_EQ(std::string(r[http::field::content_type]), "application/json");
    EXPECT_EQ(r.body(), embedded::files().at(kDocumentFile));
}

// Every registered /api/ route is documented, and every documented operation is a route.
TEST(OpenApiDocument, DocumentsEveryApiRouteAndNothingElse) {
    TestServer server;
    const auto documented = documented_operations();
    std::set<std::string> registered;
    for (const auto& route : server.pipeline().router().routes()) {
        if (!route.pattern.starts_with("/api/")) {
            continue;
        }
        const std::string key =
            std::string(http::to_string(route.method)) + " " + openapi_path(route.pattern);
        registered.insert(key);
        EXPECT_TRUE(documented.contains(key))
            << key << " is registered but not in " << kDocumentFile
            << ": document it (parameters, request body, a response per status with a schema and "
               "an example) and add calls to kCalls in tests/web/openapi_test.cpp";
    }
    for (const auto& key : documented) {
        EXPECT_TRUE(registered.contains(key))
            << key << " is in " << kDocumentFile << " but no such route is registered: remove it";
    }
    EXPECT_GE(registered.size(), 10u);
}

// ---- Real answers against the document. ----

enum class Csrf { send, omit };

// One real request and the status it must get; its answer must then fit the schema documented
// for that status. In `path` and `body`, {kari}, {foreign} and {supervisor} stand for the ids of
// the fixture's people, {registration} for the supervisor's registration by Bergen, {arena} and
// {responsibility} for the first of Bergen's general plan.
struct Call {
    http::verb method;
    std::string path;
    std::string who;  // The signed-in account's e-mail; empty for no session.
    unsigned status;
    std::string body = {};      // For a POST or PUT; sent as `content_type`.
    std::string contains = {};  // Text the answer must contain, when the schema alone is too lax.
    std::string content_type = "application/json";
    Csrf csrf = Csrf::send;
};

constexpr auto kGet = http::verb::get;
constexpr auto kPost = http::verb::post;
constexpr auto kPut = http::verb::put;
constexpr auto kDelete = http::verb::delete_;
const std::string kLeader = "leder@bergen.no";
const std::string kOffice = "kontor@bergen.no";
const std::string kNational = "nasjonal@alis.no";
const std::string kKari = "kari@lege.no";
const std::string kSupervisor = "veileder@bergen.no";
const std::string kClinical = "hansen@sykehus.no";
const std::string kForm = "application/x-www-form-urlencoded";
const std::string kJson = "application/json";

// Run in order: later calls read what earlier ones wrote.
const std::vector<Call> kCalls = {
    {kGet, "/api/v1/openapi.json", "", 200},
    {kGet, "/api/v1/municipalities", "", 200, "", "\"4601\""},
    {kGet, "/api/v1/me", kLeader, 200, "", "\"municipality\":\"4601\""},
    {kGet, "/api/v1/me", kKari, 200, "", "\"person_id\""},
    {kGet, "/api/v1/me", "", 401},
    {kGet, "/api/v1/me/digest", kKari, 200, "", "\"digest\":\"receive\""},
    {kGet, "/api/v1/me/digest", "", 401},
    {kPut, "/api/v1/me/digest", kKari, 200, R"({"digest": "opt_out"})", "\"digest\":\"opt_out\""},
    {kGet, "/api/v1/me/digest", kKari, 200, "", "\"digest\":\"opt_out\""},
    {kPut, "/api/v1/me/digest", kKari, 422, R"({"digest": "sometimes"})", "\"field\":\"digest\""},
    {kPut, "/api/v1/me/digest", kKari, 400, "{"},
    {kPut, "/api/v1/me/digest", kKari, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/me/digest", "", 401, R"({"digest": "receive"})"},
    {kPut, "/api/v1/me/digest", kKari, 200, R"({"digest": "receive"})", "\"digest\":\"receive\""},
    {kGet, "/api/v1/people/{kari}", kLeader, 200},
    {kGet, "/api/v1/people/{kari}", kKari, 200},
    {kGet, "/api/v1/people/{kari}", kOffice, 200},
    {kGet, "/api/v1/people/{foreign}", kLeader, 403},
    {kGet, "/api/v1/people/{kari}", "", 401},
    {kGet, "/api/v1/me/access-log", kKari, 200, "", kLeader},
    {kGet, "/api/v1/me/access-log", kLeader, 200},
    {kGet, "/api/v1/me/access-log", "", 401},
    {kGet, "/api/v1/me/tasks", kKari, 200},
    {kGet, "/api/v1/me/tasks", kLeader, 200, "", "\"role\":\"leader\""},
    {kGet, "/api/v1/me/tasks", kOffice, 200},
    {kGet, "/api/v1/me/tasks", kSupervisor, 200},
    {kGet, "/api/v1/me/tasks", kNational, 200, "", "aggregate_view"},
    {kGet, "/api/v1/me/tasks", "", 401},
    {kGet, "/api/v1/municipalities/4601/trainees", kLeader, 200, "", "Kari"},
    {kGet, "/api/v1/municipalities/4601/trainees?sorter=fremdrift&filter=uten-veileder", kOffice,
     200},
    {kGet, "/api/v1/municipalities/5501/trainees", kLeader, 403},
    {kGet, "/api/v1/municipalities/9999/trainees", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/trainees", "", 401},

    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 201,
     R"({"full_name": "Øyvind Ærø-Ås", "hpr_number": "1234567", "lis1_completed": "2025-08-31",
         "ruleset": "allmennmedisin-2019", "starts_on": "2025-09-01", "ends_on": null, "fte": 80,
         "post_type": "gp_list", "pay_model": "self_employed", "count_as_service": true,
         "place": "Sentrum legekontor"})"},
    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 201,
     R"({"full_name": "Eldre Regler", "hpr_number": "7654321", "ruleset": "allmennmedisin-pre2019",
         "starts_on": "2026-01-01", "ends_on": "2026-12-31", "fte": 50,
         "post_type": "institution", "pay_model": "salaried"})"},
    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 422,
     R"({"full_name": "Samme Nummer", "hpr_number": "1234567", "lis1_completed": "2025-08-31",
         "ruleset": "allmennmedisin-2019", "starts_on": "2025-09-01", "fte": 100,
         "post_type": "gp_list", "pay_model": "salaried"})",
     "hpr_number"},
    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 422,
     R"({"full_name": "", "hpr_number": "12", "ruleset": "ny", "starts_on": "2025-02-30",
         "fte": 0, "post_type": "x", "pay_model": "x", "count_as_service": true})"},
    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 422, R"({"full_name": ["Kari"]})"},
    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 400, "not json"},
    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 415, "full_name=Kari", "",
     "text/plain"},
    {kPost, "/api/v1/municipalities/4601/trainees", kLeader, 403, "{}", "", "application/json",
     Csrf::omit},
    {kPost, "/api/v1/municipalities/5501/trainees", kLeader, 403, "{}"},
    {kPost, "/api/v1/municipalities/9999/trainees", kLeader, 404, "{}"},
    {kPost, "/api/v1/municipalities/4601/trainees", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/4601/trainees", "", 401, "{}"},

    {kPost, "/api/v1/people/{kari}/employments", kLeader, 201,
     R"({"starts_on": "2023-01-01", "ends_on": "2023-12-31", "fte": 60,
         "post_type": "other_general_practice", "pay_model": "salaried"})"},
    {kPost, "/api/v1/people/{kari}/employments", kLeader, 422,
     R"({"starts_on": "2025-01-01", "fte": 50, "post_type": "gp_list", "pay_model": "salaried"})",
     "\"field\":\"fte\""},
    {kPost, "/api/v1/people/{kari}/employments", kLeader, 422,
     R"({"starts_on": "2025-01-01", "ends_on": "2024-01-01", "fte": 101})"},
    {kPost, "/api/v1/people/{foreign}/employments", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/employments", kKari, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/employments", kLeader, 400, "[1, 2]"},
    {kPost, "/api/v1/people/{kari}/employments", "", 401, "{}"},

    {kPost, "/api/v1/people/{kari}/service-periods", kLeader, 201,
     R"({"arena": "institution", "place": "Haukeland universitetssjukehus",
         "starts_on": "2023-02-01", "ends_on": "2023-07-31", "fte": 100,
         "employer_registered": true, "employment_id": null})"},
    {kPost, "/api/v1/people/{kari}/service-periods", kLeader, 422,
     R"({"arena": "moon", "place": "", "starts_on": "2023-02-29", "fte": "full",
         "employment_id": 999999})"},
    {kPost, "/api/v1/people/{foreign}/service-periods", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/service-periods", kLeader, 415, "", "", "text/csv"},
    {kPost, "/api/v1/people/{kari}/service-periods", "", 401, "{}"},

    {kPost, "/api/v1/people/{kari}/leaves", kLeader, 201,
     R"({"kind": "parental", "starts_on": "2025-03-01", "ends_on": "2025-08-31"})"},
    // Through the API a form body gets JSON answers too.
    {kPost, "/api/v1/people/{kari}/leaves", kLeader, 201,
     "kind=sick&starts_on=01.09.2025&ends_on=14.09.2025", "\"kind\":\"sick\"",
     "application/x-www-form-urlencoded"},
    {kPost, "/api/v1/people/{kari}/leaves", kLeader, 422,
     R"({"kind": "sick", "starts_on": "2025-03-14", "ends_on": "2025-03-01"})",
     "\"field\":\"ends_on\""},
    {kPost, "/api/v1/people/{foreign}/leaves", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/leaves", kLeader, 403, "{}", "", "application/json", Csrf::omit},
    {kPost, "/api/v1/people/{kari}/leaves", "", 401, "{}"},

    // Corrections: {employment}, {period} and {leave} are Kari's first of each, looked up per call.
    {kPut, "/api/v1/people/{kari}/employments/{employment}", kLeader, 200,
     R"({"starts_on": "2023-01-01", "ends_on": "2023-06-30", "fte": 60,
         "post_type": "other_general_practice", "pay_model": "salaried",
         "reason": "Ansettelsen sluttet 30. juni."})",
     "\"ends_on\":\"2023-06-30\""},
    {kPut, "/api/v1/people/{kari}/employments/{employment}", kLeader, 422,
     R"({"starts_on": "2023-01-01", "fte": 60, "post_type": "gp_list", "pay_model": "salaried"})",
     "\"field\":\"reason\""},
    {kPut, "/api/v1/people/{kari}/employments/999999", kLeader, 404,
     R"({"starts_on": "2023-01-01", "fte": 60, "post_type": "gp_list", "pay_model": "salaried",
         "reason": "Feil."})"},
    {kPut, "/api/v1/people/{foreign}/employments/{employment}", kLeader, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}", kKari, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}", kLeader, 400, "[]"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}", kLeader, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}", "", 401, "{}"},
    // The departure from the employment that has now ended.
    {kPut, "/api/v1/people/{kari}/employments/{employment}/departure", kLeader, 200,
     R"({"reason": "pay_and_conditions", "destination": "hospital"})",
     "\"reason\":\"pay_and_conditions\""},
    {kGet, "/api/v1/people/{kari}", kLeader, 200, "", "\"destination\":\"hospital\""},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/departure", kLeader, 422,
     R"({"reason": "bored", "destination": "hospital"})", "\"field\":\"reason\""},
    {kPut, "/api/v1/people/{kari}/employments/999999/departure", kLeader, 403,
     R"({"reason": "workload", "destination": "hospital"})"},
    {kPut, "/api/v1/people/{foreign}/employments/{employment}/departure", kLeader, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/departure", kLeader, 400, "[]"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/departure", kLeader, 415, "x", "",
     "text/plain"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/departure", "", 401, "{}"},
    {kDelete, "/api/v1/people/{kari}/employments/{employment}", kLeader, 422, "{}",
     "\"field\":\"reason\""},
    {kDelete, "/api/v1/people/{kari}/employments/{employment}", kLeader, 200,
     R"({"reason": "Registrert ved en feil."})", "\"removed\""},
    // Now the first is the one the fixture's service period is part of.
    {kDelete, "/api/v1/people/{kari}/employments/{employment}", kLeader, 422,
     R"({"reason": "Feil."})", "tjenesteperioder"},
    {kDelete, "/api/v1/people/{kari}/employments/999999", kLeader, 404, R"({"reason": "Feil."})"},
    // The first is ongoing: it has no departure yet.
    {kPut, "/api/v1/people/{kari}/employments/{employment}/departure", kLeader, 409,
     R"({"reason": "workload", "destination": "hospital"})", "still_employed"},
    {kDelete, "/api/v1/people/{foreign}/employments/{employment}", kLeader, 403, "{}"},
    {kDelete, "/api/v1/people/{kari}/employments/{employment}", kLeader, 400, "[]"},
    {kDelete, "/api/v1/people/{kari}/employments/{employment}", kLeader, 415, "x", "",
     "text/plain"},
    {kDelete, "/api/v1/people/{kari}/employments/{employment}", "", 401, "{}"},

    {kPut, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 200,
     R"({"arena": "institution", "place": "Haukeland universitetssjukehus",
         "starts_on": "2023-02-01", "ends_on": "2023-08-31", "fte": 100,
         "employer_registered": true, "employment_id": null, "reason": "Feil sluttdato."})",
     "\"ends_on\":\"2023-08-31\""},
    {kPut, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 422,
     R"({"arena": "institution", "place": "Haukeland", "starts_on": "2023-02-01",
         "ends_on": "2023-01-31", "fte": 100, "reason": "Feil."})",
     "\"field\":\"ends_on\""},
    {kPut, "/api/v1/people/{kari}/service-periods/999999", kLeader, 404,
     R"({"arena": "institution", "place": "Haukeland", "starts_on": "2023-02-01", "fte": 100,
         "reason": "Feil."})"},
    {kPut, "/api/v1/people/{foreign}/service-periods/{period}", kLeader, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 400, "[]"},
    {kPut, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/people/{kari}/service-periods/{period}", "", 401, "{}"},

    {kPut, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 200,
     "kind=parental&starts_on=01.03.2025&ends_on=31.07.2025&reason=Kom+tilbake+1.+august.",
     "\"ends_on\":\"2025-07-31\"", kForm},
    {kPut, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 422,
     R"({"kind": "parental", "starts_on": "2025-03-01", "ends_on": "2025-07-31",
         "reason": ""})",
     "\"field\":\"reason\""},
    {kPut, "/api/v1/people/{kari}/leaves/999999", kLeader, 404,
     R"({"kind": "parental", "starts_on": "2025-03-01", "ends_on": "2025-07-31",
         "reason": "Feil."})"},
    {kPut, "/api/v1/people/{foreign}/leaves/{leave}", kLeader, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 400, "[]"},
    {kPut, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/people/{kari}/leaves/{leave}", "", 401, "{}"},
    {kGet, "/api/v1/people/{kari}", kLeader, 200, "", "\"corrections\":[{"},
    {kDelete, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 200,
     R"({"reason": "Registrert to ganger."})", "\"removed\""},
    {kDelete, "/api/v1/people/{kari}/leaves/999999", kLeader, 404, R"({"reason": "Feil."})"},
    {kDelete, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 422, "{}", "\"field\":\"reason\""},
    {kDelete, "/api/v1/people/{foreign}/leaves/{leave}", kLeader, 403, "{}"},
    {kDelete, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 400, "[]"},
    {kDelete, "/api/v1/people/{kari}/leaves/{leave}", kLeader, 415, "x", "", "text/plain"},
    {kDelete, "/api/v1/people/{kari}/leaves/{leave}", "", 401, "{}"},
    // Haukeland goes; the fixture's period, part of the fixture's employment, stays.
    {kDelete, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 200,
     R"({"reason": "Registrert ved en feil."})", "Haukeland"},
    {kDelete, "/api/v1/people/{kari}/service-periods/999999", kLeader, 404,
     R"({"reason": "Feil."})"},
    {kDelete, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 422, "{}",
     "\"field\":\"reason\""},
    {kDelete, "/api/v1/people/{foreign}/service-periods/{period}", kLeader, 403, "{}"},
    {kDelete, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 400, "[]"},
    {kDelete, "/api/v1/people/{kari}/service-periods/{period}", kLeader, 415, "x", "",
     "text/plain"},
    {kDelete, "/api/v1/people/{kari}/service-periods/{period}", "", 401, "{}"},

    // The individual education plan (journey 4).
    {kGet, "/api/v1/people/{kari}/education-plan", kLeader, 200, "", "\"plan\":null"},
    {kGet, "/api/v1/people/{foreign}/education-plan", kLeader, 403},
    {kGet, "/api/v1/people/{kari}/education-plan", "", 401},
    {kPost, "/api/v1/people/{kari}/education-plan/revisions", kKari, 201,
     R"({"periods": [{"arena": "institution", "place": "Haukeland", "from": "2027-01-01",
        "to": "2027-06-30", "fte": 100}], "courses": "Grunnkurs A", "note": "Første plan"})"},
    {kPost, "/api/v1/people/{kari}/education-plan/revisions", kKari, 422,
     R"({"periods": [{"arena": "institution", "place": "Haukeland", "from": "2027-07-01",
        "to": "2027-06-30", "fte": 100}]})",
     "periods[0].to"},
    {kPost, "/api/v1/people/{kari}/education-plan/revisions", kOffice, 403, "{}"},
    {kPost, "/api/v1/people/{foreign}/education-plan/revisions", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/education-plan/revisions", "", 401, "{}"},
    {kGet, "/api/v1/people/{kari}/education-plan/revisions", kOffice, 200, "", "\"number\":1"},
    {kGet, "/api/v1/people/{kari}/education-plan/revisions", "", 401},
    {kGet, "/api/v1/people/{kari}/education-plan", kLeader, 200, "", "\"projected_completion\""},

    // Read again, now with what was written above: nulls, links, leaves and the new doctors.
    {kGet, "/api/v1/people/{kari}", kLeader, 200, "", "Haukeland"},
    {kGet, "/api/v1/municipalities/4601/trainees?sorter=ferdig", kLeader, 200, "", "Eldre Regler"},

    // Supervisors (journey 5). Per Veileder supervises Bjørn.
    {kGet, "/api/v1/municipalities/4601/supervisors", kLeader, 200, "", "Per Veileder"},
    {kGet, "/api/v1/municipalities/4601/supervisors", kOffice, 403},
    {kGet, "/api/v1/municipalities/5501/supervisors", kLeader, 403},
    {kGet, "/api/v1/municipalities/9999/supervisors", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/supervisors", "", 401},
    {kPost, "/api/v1/municipalities/4601/supervisors", kLeader, 201,
     R"({"full_name": "Siri Spesialist", "hpr_number": null, "qualification": "specialist",
         "office": "Sentrum legesenter", "home_municipality": "4601"})",
     "\"agreement\":null"},
    {kPost, "/api/v1/municipalities/4601/supervisors", kLeader, 201,
     R"({"full_name": "Tor Erfaren", "hpr_number": "2345678",
         "qualification": "approved_experienced", "approved_on": "2024-05-02",
         "approval_reason": "Tolv års erfaring.", "office": "Tromsø legesenter",
         "home_municipality": "5501", "agreement_reference": "Avtale 2025/14",
         "agreement_date": "2025-01-20"})",
     "\"reference\":\"Avtale 2025/14\""},
    {kPost, "/api/v1/municipalities/4601/supervisors", kLeader, 422,
     R"({"full_name": "", "hpr_number": "12", "qualification": "approved_experienced",
         "home_municipality": "0000"})",
     "\"field\":\"full_name\""},
    {kPost, "/api/v1/municipalities/4601/supervisors", kLeader, 422,
     R"({"full_name": "Øyvind Ærø-Ås", "hpr_number": "1234567", "qualification": "specialist",
         "office": "Sentrum legesenter", "home_municipality": "4601"})",
     "\"field\":\"hpr_number\""},
    {kPost, "/api/v1/municipalities/4601/supervisors", kLeader, 201,
     "full_name=Skjema+Veileder&qualification=specialist&office=Legesenteret&home_municipality="
     "4601",
     "\"name\":\"Skjema Veileder\"", kForm},
    {kPost, "/api/v1/municipalities/4601/supervisors", kLeader, 400, "[]"},
    {kPost, "/api/v1/municipalities/4601/supervisors", kLeader, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/municipalities/4601/supervisors", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/9999/supervisors", kLeader, 404, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervisors", "", 401, "{}"},

    {kPut, "/api/v1/municipalities/4601/supervisor-capacity", kLeader, 200,
     R"({"max_trainees": 3})", "\"capacity\":3"},
    {kPut, "/api/v1/municipalities/4601/supervisor-capacity", kLeader, 422,
     R"({"max_trainees": 11})", "\"field\":\"max_trainees\""},
    {kPut, "/api/v1/municipalities/4601/supervisor-capacity", kLeader, 200, "max_trainees=1",
     "\"capacity\":1", kForm},
    {kPut, "/api/v1/municipalities/4601/supervisor-capacity", kLeader, 400, "nope"},
    {kPut, "/api/v1/municipalities/4601/supervisor-capacity", kLeader, 415, "1", "", "text/plain"},
    {kPut, "/api/v1/municipalities/4601/supervisor-capacity", kLeader, 403,
     R"({"max_trainees": 2})", "", kJson, Csrf::omit},
    {kPut, "/api/v1/municipalities/5501/supervisor-capacity", kLeader, 403, "{}"},
    {kPut, "/api/v1/municipalities/9999/supervisor-capacity", kLeader, 404, "{}"},
    {kPut, "/api/v1/municipalities/4601/supervisor-capacity", "", 401, "{}"},

    // With a capacity of 1, Per Veileder (who has Bjørn) takes Kari only when confirmed.
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kLeader, 201,
     "supervisor={supervisor}&starts_on=01.10.2026&ends_on=31.10.2026&confirm_over_capacity=ja",
     "\"over_capacity\":true", kForm},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kLeader, 409,
     R"({"supervisor": {supervisor}, "starts_on": "2026-11-01"})", "\"code\":\"over_capacity\""},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kLeader, 422,
     R"({"supervisor": "Per", "starts_on": "2026-02-30", "ends_on": "2025-01-01"})",
     "\"field\":\"supervisor\""},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kLeader, 422,
     R"({"supervisor": {foreign}, "starts_on": "2026-11-01"})", "\"field\":\"supervisor\""},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kLeader, 201,
     R"({"supervisor": {supervisor}, "starts_on": "2026-11-01", "ends_on": null,
         "confirm_over_capacity": true})",
     "\"over_capacity\":true"},
    {kPost, "/api/v1/people/{foreign}/supervisor-assignments", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kOffice, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kLeader, 400, "\"x\""},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", kLeader, 415, "", "", "text/csv"},
    {kPost, "/api/v1/people/{kari}/supervisor-assignments", "", 401, "{}"},

    {kGet, "/api/v1/me/trainees", kSupervisor, 200, "", "Kari Nordmann"},
    {kGet, "/api/v1/me/trainees", kLeader, 200, "", "\"trainees\":[]"},
    {kGet, "/api/v1/me/trainees", "", 401},

    // The regional office (journey 7).
    {kGet, "/api/v1/regions/Bergen", kOffice, 200, "", "Bergen"},
    {kGet, "/api/v1/regions/Bod%C3%B8", kNational, 200, "", "5501"},
    {kGet, "/api/v1/regions/Bod%C3%B8", kOffice, 403},
    {kGet, "/api/v1/regions/Bergen", kLeader, 403},
    {kGet, "/api/v1/regions/Ukjent", kNational, 404},
    {kGet, "/api/v1/regions/Bergen", "", 401},
    // Stability: the municipality's leader, the region's office, the country.
    {kGet, "/api/v1/municipalities/4601/stability", kLeader, 200, "", "\"small_cells\":\"shown\""},
    {kGet, "/api/v1/municipalities/4601/stability?group=pay_model&outcome=in_training", kOffice,
     200, "", "\"small_cells\":\"protected\""},
    {kGet, "/api/v1/municipalities/4601/stability?group=x", kLeader, 400},
    {kGet, "/api/v1/municipalities/5501/stability", kLeader, 403},
    {kGet, "/api/v1/municipalities/9999/stability", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/stability", "", 401},
    {kGet, "/api/v1/regions/Bergen/stability?group=start_year", kOffice, 200, "", "\"grouping\""},
    {kGet, "/api/v1/regions/Bergen/stability?outcome=x", kOffice, 400},
    {kGet, "/api/v1/regions/Bergen/stability", kLeader, 403},
    {kGet, "/api/v1/regions/Ukjent/stability", kNational, 404},
    {kGet, "/api/v1/regions/Bergen/stability", "", 401},
    {kGet, "/api/v1/stability?group=alis_office", kNational, 200, "", "\"reasons\""},
    {kGet, "/api/v1/stability?group=x", kNational, 400},
    {kGet, "/api/v1/stability", kKari, 403},
    {kGet, "/api/v1/stability", "", 401},
    {kGet, "/api/v1/stability?group=size_band", kNational, 200, "", "\"grouping\":\"size_band\""},
    // The calendar view, month by month.
    {kGet, "/api/v1/municipalities/4601/stability/calendar?from=2025-01&to=2025-12", kLeader, 200,
     "", "\"month\":\"2025-12\""},
    {kGet, "/api/v1/municipalities/4601/stability/calendar", kOffice, 200, "",
     "\"small_cells\":\"protected\""},
    {kGet, "/api/v1/municipalities/4601/stability/calendar?from=2025-13", kLeader, 400},
    {kGet, "/api/v1/municipalities/5501/stability/calendar", kLeader, 403},
    {kGet, "/api/v1/municipalities/9999/stability/calendar", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/stability/calendar", "", 401},
    {kGet, "/api/v1/regions/Bergen/stability/calendar", kOffice, 200, "", "\"months\""},
    {kGet, "/api/v1/regions/Bergen/stability/calendar?from=2026-01&to=2025-01", kOffice, 400},
    {kGet, "/api/v1/regions/Bergen/stability/calendar", kLeader, 403},
    {kGet, "/api/v1/regions/Ukjent/stability/calendar", kNational, 404},
    {kGet, "/api/v1/regions/Bergen/stability/calendar", "", 401},
    {kGet, "/api/v1/stability/calendar?to=2026-11", kNational, 200, "", "\"from\":\"2021-12\""},
    {kGet, "/api/v1/stability/calendar?to=2099-01", kNational, 400},
    {kGet, "/api/v1/stability/calendar", kKari, 403},
    {kGet, "/api/v1/stability/calendar", "", 401},

    // The general education plan (journey 6): public to read, the leader's to change. Through the
    // API a form body gets JSON answers too.
    {kGet, "/api/v1/municipalities/4601/general-plan", "", 200, "", "\"published\":false"},
    {kGet, "/api/v1/municipalities/9999/general-plan", "", 404},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", kLeader, 200,
     R"({"status": "temporarily_registered", "valid_from": "2026-09-01",
         "valid_until": "2027-08-31", "applied_on": "2026-06-15"})",
     "\"valid_until\":\"2027-08-31\""},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", kLeader, 200,
     "status=registered&valid_from=01.11.2026", "\"valid_until\":null", kForm},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", kLeader, 422,
     R"({"status": "registered", "valid_from": "2027-01-01", "valid_until": "2027-12-31"})",
     "\"field\":\"valid_until\""},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", kLeader, 422, "status=ukjent", "",
     kForm},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", kLeader, 400, "{"},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", kLeader, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", kOffice, 403, "{}"},
    {kPut, "/api/v1/municipalities/9999/general-plan/status", kLeader, 404, "{}"},
    {kPut, "/api/v1/municipalities/4601/general-plan/status", "", 401, "{}"},

    {kPost, "/api/v1/municipalities/4601/general-plan/arenas", kLeader, 201,
     R"({"kind": "gp_office", "name": "Danmarksplass legekontor",
         "offers": "Åpen uselektert allmennpraksis.\nAkutte og kroniske sykdommer."})"},
    {kPost, "/api/v1/municipalities/4601/general-plan/arenas", kLeader, 201,
     "kind=nursing_home&name=Sandviken+sykehjem&offers=Sykehjemsmedisin", "Sandviken", kForm},
    {kPost, "/api/v1/municipalities/4601/general-plan/arenas", kLeader, 422,
     R"({"kind": "spa", "name": "", "offers": ""})", "\"field\":\"kind\""},
    {kPost, "/api/v1/municipalities/4601/general-plan/arenas", kLeader, 400, "[]"},
    {kPost, "/api/v1/municipalities/4601/general-plan/arenas", kLeader, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/municipalities/4601/general-plan/arenas", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/9999/general-plan/arenas", kLeader, 404, "{}"},
    {kPost, "/api/v1/municipalities/4601/general-plan/arenas", "", 401, "{}"},
    {kPut, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", kLeader, 200,
     R"({"kind": "hospital_by_agreement", "name": "Haukeland universitetssjukehus",
         "offers": "Institusjonstjeneste i seks måneder."})",
     "Haukeland"},
    {kPut, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", kLeader, 422,
     R"({"kind": "gp_office", "name": "Legekontoret", "offers": ""})", "\"field\":\"offers\""},
    {kPut, "/api/v1/municipalities/4601/general-plan/arenas/999999", kLeader, 404, "{}"},
    {kPut, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", kLeader, 400, "null"},
    {kPut, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", kLeader, 415, "x", "",
     "text/plain"},
    {kPut, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", kOffice, 403, "{}"},
    {kPut, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", "", 401, "{}"},

    {kPost, "/api/v1/municipalities/4601/general-plan/responsibilities", kLeader, 201,
     R"({"area": "Overordnet ansvar", "responsible": "Kommuneoverlege", "description": null})",
     "\"description\":\"\""},
    {kPost, "/api/v1/municipalities/4601/general-plan/responsibilities", kLeader, 422,
     R"({"area": "", "responsible": ""})", "\"field\":\"area\""},
    {kPost, "/api/v1/municipalities/4601/general-plan/responsibilities", kLeader, 400, "1"},
    {kPost, "/api/v1/municipalities/4601/general-plan/responsibilities", kLeader, 415, "", "",
     "text/csv"},
    {kPost, "/api/v1/municipalities/4601/general-plan/responsibilities", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/9999/general-plan/responsibilities", kLeader, 404, "{}"},
    {kPost, "/api/v1/municipalities/4601/general-plan/responsibilities", "", 401, "{}"},

    {kGet, "/api/v1/municipalities/4601/general-plan", "", 200, "", "\"published\":true"},
    {kGet, "/api/v1/municipalities/4601/general-plan", kLeader, 200, "", "Kommuneoverlege"},

    {kDelete, "/api/v1/municipalities/4601/general-plan/responsibilities/{responsibility}", kOffice,
     403},
    {kDelete, "/api/v1/municipalities/4601/general-plan/responsibilities/{responsibility}", "",
     401},
    {kDelete, "/api/v1/municipalities/4601/general-plan/responsibilities/{responsibility}", kLeader,
     403, "", "", kJson, Csrf::omit},
    {kDelete, "/api/v1/municipalities/4601/general-plan/responsibilities/{responsibility}", kLeader,
     200, "", "Overordnet ansvar"},
    {kDelete, "/api/v1/municipalities/4601/general-plan/responsibilities/999999", kLeader, 404},
    {kDelete, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", kOffice, 403},
    {kDelete, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", "", 401},
    {kDelete, "/api/v1/municipalities/4601/general-plan/arenas/{arena}", kLeader, 200, "",
     "\"removed\""},
    {kDelete, "/api/v1/municipalities/4601/general-plan/arenas/999999", kLeader, 404},
    // Money (issue 15): the grant facts of a post, the agreement register, the cost inputs, the
    // claim and the coverage.
    {kPut, "/api/v1/people/{kari}/employments/{employment}/grant-facts", kLeader, 200,
     R"({"type": "regular_gp", "via_agency": true, "substitute": false})", "\"via_agency\":true"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/grant-facts", kLeader, 422,
     R"({"type": "other_municipal_gp", "substitute": true})", "\"field\":\"substitute\""},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/grant-facts", kLeader, 400, "{"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/grant-facts", kLeader, 415, "x", "",
     "text/plain"},
    {kPut, "/api/v1/people/{kari}/employments/999999/grant-facts", kLeader, 404,
     R"({"type": "regular_gp"})"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/grant-facts", kNational, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/employments/{employment}/grant-facts", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/agreements", kLeader, 201,
     R"({"employment_id": {employment}, "template_version": "Nasjonal mal 2023",
         "national_template": true, "covers_from": "2024-01-01", "status": "signed",
         "signed_on": "2024-02-01"})",
     "\"warning\":\"signed_after_period_began\""},
    {kPost, "/api/v1/people/{kari}/agreements", kLeader, 422,
     R"({"employment_id": {employment}, "template_version": "x", "covers_from": "2024-01-01",
         "status": "draft", "signed_on": "2024-01-01"})",
     "\"field\":\"signed_on\""},
    {kPost, "/api/v1/people/{kari}/agreements", kLeader, 400, "["},
    {kPost, "/api/v1/people/{kari}/agreements", kLeader, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/people/{kari}/agreements", kLeader, 404,
     R"({"employment_id": 999999, "template_version": "x", "covers_from": "2024-01-01",
         "status": "draft"})"},
    {kPost, "/api/v1/people/{kari}/agreements", kNational, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/agreements", "", 401, "{}"},
    {kGet, "/api/v1/people/{kari}/agreements", kLeader, 200, "", "Nasjonal mal 2023"},
    {kGet, "/api/v1/people/{kari}/agreements", kNational, 403},
    {kGet, "/api/v1/people/{kari}/agreements", "", 401},
    {kPut, "/api/v1/people/{kari}/agreements/{agreement}", kLeader, 200,
     R"({"template_version": "Nasjonal mal 2023", "national_template": true,
         "covers_from": "2024-01-01", "status": "signed", "signed_on": "2023-12-15"})",
     "\"warning\":null"},
    {kPut, "/api/v1/people/{kari}/agreements/{agreement}", kLeader, 422,
     R"({"template_version": "x", "covers_from": "2024-01-01", "covers_to": "2023-01-01",
         "status": "draft"})",
     "\"field\":\"covers_to\""},
    {kPut, "/api/v1/people/{kari}/agreements/{agreement}", kLeader, 400, "{"},
    {kPut, "/api/v1/people/{kari}/agreements/{agreement}", kLeader, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/people/{kari}/agreements/999999", kLeader, 404,
     R"({"template_version": "x", "covers_from": "2024-01-01", "status": "draft"})"},
    {kPut, "/api/v1/people/{kari}/agreements/{agreement}", kNational, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/agreements/{agreement}", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/agreements/{agreement}/documents", kLeader, 201, "{}",
     "\"status\":\"draft\""},
    {kPost, "/api/v1/people/{kari}/agreements/999999/documents", kLeader, 404, "{}"},
    {kPost, "/api/v1/people/{kari}/agreements/{agreement}/documents", kNational, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/agreements/{agreement}/documents", "", 401, "{}"},
    {kGet, "/api/v1/people/{kari}/documents", kLeader, 200, "", "\"version\":1"},
    {kGet, "/api/v1/people/{kari}/documents", kKari, 200, "", "\"kind\":\"alis-agreement\""},
    {kGet, "/api/v1/people/{kari}/documents", kSupervisor, 403},
    {kGet, "/api/v1/people/{kari}/documents", "", 401},
    {kGet, "/api/v1/people/{kari}/training-record", kKari, 200, "",
     "\"format\":\"alis-training-record\""},
    {kGet, "/api/v1/people/{kari}/training-record", kLeader, 200, "", "\"identity\""},
    {kGet, "/api/v1/people/{kari}/training-record", kNational, 403},
    {kGet, "/api/v1/people/{kari}/training-record", "", 401},
    {kPost, "/api/v1/people/{hanne}/training-record/imports", kLeader, 201, "{hanne_record}",
     "\"status\":\"imported, signature verified\""},
    {kPost, "/api/v1/people/{kari}/training-record/imports", kLeader, 422, "{hanne_record}",
     "\"code\":\"identity_mismatch\""},
    {kPost, "/api/v1/people/{hanne}/training-record/imports", kLeader, 422, "{}",
     "\"field\":\"format\""},
    {kPost, "/api/v1/people/{hanne}/training-record/imports", kLeader, 400, "{"},
    {kPost, "/api/v1/people/{hanne}/training-record/imports", kLeader, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/people/{hanne}/training-record/imports", kOffice, 403, "{}"},
    {kPost, "/api/v1/people/{hanne}/training-record/imports", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/documents/{document}/signatures", kLeader, 200, "{}",
     "\"status\":\"partly_signed\""},
    {kPost, "/api/v1/people/{kari}/documents/{document}/signatures", kLeader, 409, "{}"},
    {kPost, "/api/v1/people/{kari}/documents/{document}/signatures", kKari, 200, "{}",
     "\"status\":\"signed\""},
    {kPost, "/api/v1/people/{kari}/documents/{document}/signatures", kNational, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/documents/{document}/signatures", "", 401, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kLeader, 201,
     R"({"fee": "1 200 kr per time", "valid_from": "2026-12-01"})",
     "\"kind\":\"supervision-agreement\""},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kLeader, 422,
     R"({"fee": "", "valid_from": "2026-12-01"})", "\"field\":\"fee\""},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kLeader, 422,
     R"({"fee": "x", "valid_from": "2026-12-01", "valid_to": "2026-01-01"})",
     "\"field\":\"valid_to\""},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kLeader, 400, "{"},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kLeader, 415, "x",
     "", "text/plain"},
    {kPost, "/api/v1/municipalities/9999/supervisors/{registration}/documents", kLeader, 404, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervisors/999999/documents", kLeader, 403, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents", "", 401, "{}"},
    {kGet, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kLeader, 200, "",
     "\"kind\":\"supervision-agreement\""},
    {kGet, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kSupervisor, 200, "",
     "\"version\":1"},
    {kGet, "/api/v1/municipalities/4601/supervisors/{registration}/documents", kKari, 403},
    {kGet, "/api/v1/municipalities/9999/supervisors/{registration}/documents", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/supervisors/{registration}/documents", "", 401},
    {kPost,
     "/api/v1/municipalities/4601/supervisors/{registration}/documents/{supervision_document}/"
     "signatures",
     kSupervisor, 200, "{}", "\"party\":\"supervisor\""},
    {kPost,
     "/api/v1/municipalities/4601/supervisors/{registration}/documents/{supervision_document}/"
     "signatures",
     kSupervisor, 409, "{}"},
    {kPost,
     "/api/v1/municipalities/4601/supervisors/{registration}/documents/{supervision_document}/"
     "signatures",
     kLeader, 200, "{}", "\"status\":\"signed\""},
    {kPost, "/api/v1/municipalities/4601/supervisors/{registration}/documents/999999/signatures",
     kLeader, 404, "{}"},
    {kPost,
     "/api/v1/municipalities/4601/supervisors/{registration}/documents/{supervision_document}/"
     "signatures",
     kKari, 403, "{}"},
    {kPost,
     "/api/v1/municipalities/4601/supervisors/{registration}/documents/{supervision_document}/"
     "signatures",
     "", 401, "{}"},
    {kPut, "/api/v1/municipalities/4601/cost-defaults/2025", kLeader, 200,
     R"({"salary": 1000000, "zone": "1", "list_length": 600})", "\"person_id\":null"},
    {kPut, "/api/v1/municipalities/4601/cost-defaults/2025", kLeader, 422, R"({"zone": "9"})",
     "\"field\":\"zone\""},
    {kPut, "/api/v1/municipalities/4601/cost-defaults/2025", kLeader, 400, "{"},
    {kPut, "/api/v1/municipalities/4601/cost-defaults/2025", kLeader, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/municipalities/4601/cost-defaults/1800", kLeader, 404, "{}"},
    {kPut, "/api/v1/municipalities/4601/cost-defaults/2025", kOffice, 403, "{}"},
    {kPut, "/api/v1/municipalities/4601/cost-defaults/2025", "", 401, "{}"},
    {kPut, "/api/v1/municipalities/4601/cost-inputs/2025/{kari}", kLeader, 200,
     R"({"salary": "1 234 567,50"})", "\"salary_ore\":123456750"},
    {kPut, "/api/v1/municipalities/4601/cost-inputs/2019/{kari}", kLeader, 422, "{}",
     "\"field\":\"person\""},
    {kPut, "/api/v1/municipalities/4601/cost-inputs/2025/{kari}", kLeader, 400, "{"},
    {kPut, "/api/v1/municipalities/4601/cost-inputs/2025/{kari}", kLeader, 415, "x", "",
     "text/plain"},
    {kPut, "/api/v1/municipalities/9999/cost-inputs/2025/{kari}", kLeader, 404, "{}"},
    {kPut, "/api/v1/municipalities/4601/cost-inputs/2025/{kari}", kOffice, 403, "{}"},
    {kPut, "/api/v1/municipalities/4601/cost-inputs/2025/{kari}", "", 401, "{}"},
    {kGet, "/api/v1/municipalities/4601/grant-claim?grant_year=2025", kLeader, 200, "",
     "\"claim_deadline\""},
    {kGet, "/api/v1/municipalities/4601/grant-claim?grant_year=1999", kLeader, 400, "",
     "unknown_year"},
    {kGet, "/api/v1/municipalities/4601/grant-claim", kOffice, 403},
    {kGet, "/api/v1/municipalities/9999/grant-claim", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/grant-claim", "", 401},
    {kGet, "/api/v1/municipalities/4601/coverage", kLeader, 200, "", "\"alis\""},
    {kGet, "/api/v1/municipalities/4601/coverage?year=2019", kLeader, 400},
    {kGet, "/api/v1/municipalities/4601/coverage", kOffice, 403},
    {kGet, "/api/v1/municipalities/9999/coverage", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/coverage", "", 401},
    {kGet, "/api/v1/regions/Bergen/coverage", kOffice, 200, "", "\"groups\""},
    {kGet, "/api/v1/regions/Bergen/coverage?year=x", kOffice, 400},
    {kGet, "/api/v1/regions/Bergen/coverage", kLeader, 403},
    {kGet, "/api/v1/regions/Bergen/coverage", "", 401},
    {kGet, "/api/v1/coverage", kNational, 200, "", "\"by_pay_model\""},
    {kGet, "/api/v1/coverage?year=2019", kNational, 400},
    {kGet, "/api/v1/coverage", kOffice, 403},
    {kGet, "/api/v1/coverage", "", 401},

    // Supervision meetings (issue 14): Kari has her veileder (Per) since the assignment above.
    {kPost, "/api/v1/people/{kari}/supervision-meetings", kKari, 201,
     R"({"held_on": "2026-11-10", "duration_minutes": 90, "topics": "Akuttmedisin",
         "minutes": "Privat referat"})",
     "\"minutes_visible\":true"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings", kKari, 422,
     R"({"held_on": "2026-11-10", "duration_minutes": 0, "topics": "x"})",
     "\"field\":\"duration_minutes\""},
    {kPost, "/api/v1/people/{kari}/supervision-meetings", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings", kKari, 400, "[]"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings", kKari, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings", "", 401, "{}"},
    {kGet, "/api/v1/people/{kari}/supervision-meetings", kLeader, 200, "",
     "\"minutes_visible\":false"},
    {kGet, "/api/v1/people/{kari}/supervision-meetings", kKari, 200, "",
     "\"open_practice_months\":12"},
    {kGet, "/api/v1/people/{kari}/supervision-meetings", kSupervisor, 200, "", "Privat referat"},
    {kGet, "/api/v1/people/{kari}/supervision-meetings", kNational, 403},
    {kGet, "/api/v1/people/{kari}/supervision-meetings", "", 401},
    {kPut, "/api/v1/people/{kari}/supervision-meetings/{meeting}", kKari, 200,
     R"({"held_on": "2026-11-12", "duration_minutes": 60, "topics": "Akuttmedisin",
         "minutes": "Privat referat, endret"})",
     "\"held_on\":\"2026-11-12\""},
    {kPut, "/api/v1/people/{kari}/supervision-meetings/{meeting}", kKari, 422,
     R"({"held_on": "i morgen", "duration_minutes": 60, "topics": "x"})", "\"field\":\"held_on\""},
    {kPut, "/api/v1/people/{kari}/supervision-meetings/{meeting}", kLeader, 403, "{}"},
    {kPut, "/api/v1/people/{kari}/supervision-meetings/{meeting}", kKari, 400, "[]"},
    {kPut, "/api/v1/people/{kari}/supervision-meetings/{meeting}", kKari, 415, "x", "",
     "text/plain"},
    {kPut, "/api/v1/people/{kari}/supervision-meetings/{meeting}", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/addenda", kKari, 409,
     R"({"text": "For tidlig"})", "meeting_open"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/close", kKari, 403},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/close", "", 401},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/close", kSupervisor, 200, "",
     "\"status\":\"closed\""},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/close", kSupervisor, 409, "",
     "meeting_closed"},
    {kPut, "/api/v1/people/{kari}/supervision-meetings/{meeting}", kKari, 409,
     R"({"held_on": "2026-11-12", "duration_minutes": 60, "topics": "x"})", "meeting_closed"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/addenda", kKari, 201,
     R"({"text": "Avtalt hospitering."})", "Avtalt hospitering."},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/addenda", kSupervisor, 422,
     R"({"text": ""})", "\"field\":\"text\""},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/addenda", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/addenda", kKari, 400, "[]"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/addenda", kKari, 415, "x", "",
     "text/plain"},
    {kPost, "/api/v1/people/{kari}/supervision-meetings/{meeting}/addenda", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/courses", kKari, 201,
     client::multipart_body({{"course", "akuttmedisin"}, {"completed_on", "2026-10-01"}},
                            {{"certificate", "kursbevis.pdf", "application/pdf", "%PDF-1.4\n"}}),
     "\"course_id\":\"akuttmedisin\"", client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/courses", kKari, 422,
     client::multipart_body({{"course", "akuttmedisin"}, {"completed_on", "2026-10-01"}},
                            {{"certificate", "kursbevis.pdf", "application/pdf", "Ingen PDF"}}),
     "\"field\":\"certificate\"", client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/courses", kLeader, 403, client::multipart_body({}, {}), "",
     client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/courses", kKari, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/people/{kari}/courses", "", 401, client::multipart_body({}, {}), "",
     client::kMultipartType},
    {kGet, "/api/v1/people/{kari}/courses", kLeader, 200, "", "\"sha256\""},
    {kGet, "/api/v1/people/{kari}/courses", kNational, 403},
    {kGet, "/api/v1/people/{kari}/courses", "", 401},
    {kGet, "/api/v1/people/{kari}/courses/{course}/certificate", kLeader, 200, "", "%PDF-1.4"},
    {kGet, "/api/v1/people/{kari}/courses/{course}/certificate", kNational, 403},
    {kGet, "/api/v1/people/{kari}/courses/{course}/certificate", "", 401},
    {kGet, "/api/v1/people/{kari}/courses/999/certificate", kKari, 404},
    {kPost, "/api/v1/people/{kari}/courses/{course}/withdrawal", kLeader, 403},
    {kPost, "/api/v1/people/{kari}/courses/{course}/withdrawal", "", 401},
    {kPost, "/api/v1/people/{kari}/courses/{course}/withdrawal", kKari, 200, "",
     "\"withdrawn_by\":\""},
    {kPost, "/api/v1/people/{kari}/courses/{course}/withdrawal", kKari, 409, "",
     "course_withdrawn"},
    {kPost, "/api/v1/people/{kari}/courses/999/withdrawal", kKari, 404},
    {kPut, "/api/v1/municipalities/4601/supervision-norm", kLeader, 200, R"({"norm": "alis_vest"})",
     "\"minutes_per_month\":120"},
    {kPut, "/api/v1/municipalities/4601/supervision-norm", kLeader, 422, R"({"norm": "ukjent"})",
     "\"field\":\"norm\""},
    {kPut, "/api/v1/municipalities/4601/supervision-norm", kLeader, 400, "[]"},
    {kPut, "/api/v1/municipalities/4601/supervision-norm", kLeader, 415, "x", "", "text/plain"},
    {kPut, "/api/v1/municipalities/4601/supervision-norm", kOffice, 403, "{}"},
    {kPut, "/api/v1/municipalities/9999/supervision-norm", kLeader, 404, "{}"},
    {kPut, "/api/v1/municipalities/4601/supervision-norm", "", 401, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups", kLeader, 201,
     R"({"name": "Veiledningsgruppe Sentrum", "group_supervisor": {supervisor},
         "starts_on": "2025-01-01"})",
     "\"group_supervisor_name\""},
    {kPost, "/api/v1/municipalities/4601/supervision-groups", kLeader, 422,
     R"({"name": "Ny", "group_supervisor": {kari}, "starts_on": "2025-01-01"})",
     "\"field\":\"group_supervisor\""},
    {kPost, "/api/v1/municipalities/4601/supervision-groups", kLeader, 400, "[]"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups", kLeader, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups", "", 401, "{}"},
    {kGet, "/api/v1/municipalities/4601/supervision-groups", kOffice, 200, "", "Sentrum"},
    {kGet, "/api/v1/municipalities/5501/supervision-groups", kLeader, 403},
    {kGet, "/api/v1/municipalities/4601/supervision-groups", "", 401},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/members", kLeader, 201,
     R"({"person": {kari}, "joined_on": "2025-01-01"})", "Kari Nordmann"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/members", kLeader, 409,
     R"({"person": {kari}, "joined_on": "2025-02-01"})", "already_member"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/members", kLeader, 422,
     R"({"person": {foreign}, "joined_on": "2025-01-01"})", "\"field\":\"person\""},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/members", kLeader, 400, "[]"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/members", kLeader, 415, "x", "",
     "text/plain"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/999999/members", kLeader, 404,
     R"({"person": {kari}, "joined_on": "2025-01-01"})"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/members", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/members", "", 401, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/meetings", kLeader, 201,
     R"({"held_on": "2025-02-10", "duration_minutes": 180, "topic": "Kasus",
         "attended": [{"person": {kari}}]})",
     "\"meeting_minutes\":180"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/meetings", kLeader, 422,
     R"({"held_on": "2025-02-10", "duration_minutes": 180, "topic": "Kasus",
         "attended": [{"person": {foreign}}]})",
     "\"field\":\"attended\""},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/meetings", kLeader, 400, "[]"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/meetings", kLeader, 415, "x",
     "", "text/plain"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/999999/meetings", kLeader, 404,
     R"({"held_on": "2025-02-10", "duration_minutes": 180, "topic": "Kasus"})"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/meetings", kOffice, 403, "{}"},
    {kPost, "/api/v1/municipalities/4601/supervision-groups/{group}/meetings", "", 401, "{}"},
    {kGet, "/api/v1/municipalities/4601/supervision-groups/{group}", kLeader, 200, "",
     "\"attended\":["},
    {kGet, "/api/v1/municipalities/4601/supervision-groups/999999", kLeader, 404},
    {kGet, "/api/v1/municipalities/4601/supervision-groups/{group}", kNational, 403},
    {kGet, "/api/v1/municipalities/4601/supervision-groups/{group}", "", 401},
    // The learning log and the objectives (issue 13): in order, a request goes through advice,
    // approval and reversal.
    {kGet, "/api/v1/people/{kari}/objectives", kKari, 200, "", "\"catalogue\":\"ALM\""},
    {kGet, "/api/v1/people/{kari}/objectives", kNational, 403},
    {kGet, "/api/v1/people/{kari}/objectives", "", 401},
    {kPost, "/api/v1/people/{kari}/activities", kKari, 201,
     R"({"kind": "clinical_case", "done_on": "2026-11-20", "title": "Pasient med hodepine",
         "reflection": "", "objectives": [{"id": {objective}}]})"},
    {kPost, "/api/v1/people/{kari}/activities", kKari, 422,
     R"({"kind": "dans", "done_on": "2026-11-20", "title": "", "objectives": []})"},
    {kPost, "/api/v1/people/{kari}/activities", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/activities", kKari, 400, "[]"},
    {kPost, "/api/v1/people/{kari}/activities", kKari, 415, "x", "", "text/plain"},
    {kPost, "/api/v1/people/{kari}/activities", "", 401, "{}"},
    {kGet, "/api/v1/people/{kari}/activities", kLeader, 200, "", "Pasient med hodepine"},
    {kGet, "/api/v1/people/{kari}/activities", kNational, 403},
    {kGet, "/api/v1/people/{kari}/activities", "", 401},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors", kKari, 201,
     R"({"name": "Hans Hansen", "email": "hansen@sykehus.no"})"},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors", kKari, 422,
     R"({"name": "Hans Hansen", "email": "hansen@sykehus.no"})"},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors", "", 401, "{}"},
    {kGet, "/api/v1/people/{kari}/clinical-supervisors", kKari, 200, "", "hansen@sykehus.no"},
    {kGet, "/api/v1/people/{kari}/clinical-supervisors", kNational, 403},
    {kGet, "/api/v1/people/{kari}/clinical-supervisors", "", 401},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/request", kKari, 201, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/request", kKari, 409, "{}",
     "already_requested"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/request", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/request", "", 401, "{}"},
    {kGet, "/api/v1/municipalities/4601/objective-requests", kLeader, 200, "", "days_waiting"},
    {kGet, "/api/v1/municipalities/4601/objective-requests", kKari, 403},
    {kGet, "/api/v1/municipalities/4601/objective-requests", "", 401},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/decision", kLeader, 409,
     R"({"decision": "approved"})", "not_consulted"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/advice", kSupervisor, 201,
     R"({"advice": "recommended"})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/advice", kSupervisor, 422,
     R"({"advice": "kanskje"})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/advice", kKari, 403,
     R"({"advice": "recommended"})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/advice", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/advice", kClinical, 201,
     R"({"advice": "recommended", "reason": "Sett i daglig arbeid."})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/decision", kLeader, 422,
     R"({"decision": "rejected"})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/decision", kSupervisor, 403,
     R"({"decision": "approved"})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/decision", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/decision", kLeader, 201,
     R"({"decision": "approved"})", "\"status\":\"approved\""},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/reversal", kLeader, 422,
     R"({"reason": ""})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/reversal", kLeader, 201,
     R"({"reason": "Godkjent ved en feil."})"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/reversal", kLeader, 409,
     R"({"reason": "Igjen."})", "not_approved"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/reversal", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/request", kKari, 201, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/recall", kKari, 201, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/recall", kKari, 409, "{}",
     "no_open_request"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/recall", kLeader, 403, "{}"},
    {kPost, "/api/v1/people/{kari}/objectives/{objective}/recall", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/attachments", kKari, 201,
     client::multipart_body({}, {{"file", "logg.pdf", "application/pdf", "%PDF-1.4\nlogg\n"}}),
     "\"file_name\":\"logg.pdf\"", client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/attachments", kKari, 422,
     client::multipart_body({}, {{"file", "logg.pdf", "application/pdf", "Ingen PDF"}}),
     "\"field\":\"file\"", client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/attachments", kLeader, 403,
     client::multipart_body({}, {}), "", client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/attachments", kKari, 415, "x", "",
     "text/plain"},
    {kPost, "/api/v1/people/{kari}/activities/999999/attachments", kKari, 404,
     client::multipart_body({}, {{"file", "logg.pdf", "application/pdf", "%PDF-1.4\n"}}), "",
     client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/attachments", "", 401,
     client::multipart_body({}, {}), "", client::kMultipartType},
    {kGet, "/api/v1/people/{kari}/activities/{activity}/attachments/{file}", kLeader, 200, "",
     "%PDF-1.4"},
    {kGet, "/api/v1/people/{kari}/activities/{activity}/attachments/{file}", "", 401},
    {kGet, "/api/v1/people/{kari}/activities/{activity}/attachments/999999", kKari, 404},
    {kGet, "/api/v1/people/{kari}/activities/{activity}/attachments/{file}", kNational, 403},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/sign-requests", kKari, 422,
     R"({"invitation": 999999})"},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/sign-requests", kKari, 201,
     R"({"invitation": {invitation}})"},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/sign-requests", kLeader, 403,
     R"({"invitation": {invitation}})"},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/sign-requests", "", 401, "{}"},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/signature", kSupervisor, 403},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/signature", "", 401},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/signature", kClinical, 200, "",
     "\"signed\":true"},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/sign-requests", kKari, 409,
     R"({"invitation": {invitation}})", "already_signed"},
    {kPost, "/api/v1/people/{kari}/activities/{activity}/attachments", kKari, 409,
     client::multipart_body({}, {{"file", "logg.pdf", "application/pdf", "%PDF-1.4\n"}}),
     "already_signed", client::kMultipartType},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors/{invitation}/withdrawal", kKari, 200},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors/{invitation}/withdrawal", kKari, 404},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors/{invitation}/withdrawal", kLeader, 403},
    {kPost, "/api/v1/people/{kari}/clinical-supervisors/{invitation}/withdrawal", "", 401},
};

class OpenApiResponses : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        kari = testing::add_trainee(db, "Kari Nordmann", "4601");
        foreign = testing::add_trainee(db, "Fremmed Lege", "5501");
        const auto bjorn = testing::add_trainee(db, "Bjørn Alis", "4601");
        db.write([&](store::UnitOfWork& w) {
            domain::Person person;
            person.full_name = "Per Veileder";
            person.training_status = domain::TrainingStatus::specialist;
            supervisor = w.people().add(person);
            domain::Supervisor registration;
            registration.person_id = supervisor;
            registration.municipality_number = "4601";
            registration.office = "Sentrum legesenter";
            registration.home_municipality_number = "4601";
            registration.registered_on = *domain::Date::parse_iso("2024-01-01");
            registration_id = w.supervisors().add(registration);
        });
        testing::assign_supervisor(db, supervisor, bjorn);
        // Hanne, with an HPR number, employed in Bergen, and her record as another installation
        // (another key) signed it, for the import.
        hanne = testing::add_trainee(db, "Hanne Hpr", "4601", "2025-01-01", nullptr, "9144889");
        hanne_record = domain::record_file_json(app::sign_training_record(
            *app::build_training_record(server.app(), hanne, TestServer::fixed_today(),
                                        "2026-11-20T10:00:00Z"),
            app::AuditSigningKey::generate()));
        testing::add_account(server.app(), kLeader, domain::Role::leader, "4601");
        testing::add_account(server.app(), kOffice, domain::Role::regional_office, std::nullopt,
                             "Bergen");
        testing::add_account(server.app(), kNational, domain::Role::national);
        testing::add_account(server.app(), kKari, domain::Role::trainee, std::nullopt, std::nullopt,
                             kari);
        testing::add_account(server.app(), kSupervisor, domain::Role::supervisor, std::nullopt,
                             std::nullopt, supervisor);
        testing::add_account(server.app(), kClinical, domain::Role::clinical_supervisor);
        objective = testing::import_demo_catalogues(server.app());
    }

    // `text` with its placeholders replaced; {arena}, {responsibility} and Kari's {employment},
    // {period} and {leave} are looked up now, as earlier calls create them.
    std::string concrete(const std::string& text) {
        const auto arenas = server.database().read(
            [&](const store::Snapshot& s) { return s.municipalities().learning_arenas("4601"); });
        const auto responsibilities = server.database().read(
            [&](const store::Snapshot& s) { return s.municipalities().responsibilities("4601"); });
        const auto agreements = server.database().read(
            [&](const store::Snapshot& s) { return s.grants().agreements_of(kari); });
        const auto [employments, periods, leaves] =
            server.database().read([&](const store::Snapshot& s) {
                return std::tuple(s.people().employments_of(kari),
                                  s.people().service_periods_of(kari), s.people().leaves_of(kari));
            });
        const auto meetings = server.database().read(
            [&](const store::Snapshot& s) { return s.supervision().meetings_of(kari); });
        const auto documents = server.database().read(
            [&](const store::Snapshot& s) { return s.documents().documents_of(kari); });
        const auto supervision_documents = server.database().read([&](const store::Snapshot& s) {
            return s.documents().supervision_documents_of(supervisor);
        });
        const auto groups = server.database().read(
            [&](const store::Snapshot& s) { return s.supervision_groups().groups_of("4601"); });
        const auto invitations = server.database().read(
            [&](const store::Snapshot& s) { return s.learning_log().invitations_of(kari); });
        const auto courses = server.database().read(
            [&](const store::Snapshot& s) { return s.courses().completed_of(kari); });
        const auto activities = server.database().read(
            [&](const store::Snapshot& s) { return s.learning_log().activities_of(kari); });
        const std::vector<std::pair<std::string, std::int64_t>> ids = {
            {"meeting", meetings.empty() ? 0 : meetings.front().id},
            {"group", groups.empty() ? 0 : groups.front().id},
            {"objective", objective},
            {"invitation", invitations.empty() ? 0 : invitations.front().id},
            {"course", courses.empty() ? 0 : courses.front().id},
            {"activity", activities.empty() ? 0 : activities.front().id},
            {"file", activities.empty() || activities.front().attachments.empty()
                         ? 0
                         : activities.front().attachments.front().id},
            {"employment", employments.empty() ? 0 : employments.front().id},
            {"agreement", agreements.empty() ? 0 : agreements.front().id},
            {"document", documents.empty() ? 0 : documents.front().id},
            {"supervision_document",
             supervision_documents.empty() ? 0 : supervision_documents.front().id},
            {"registration", registration_id},
            {"period", periods.empty() ? 0 : periods.front().id},
            {"leave", leaves.empty() ? 0 : leaves.front().id},
            {"kari", kari},
            {"hanne", hanne},
            {"foreign", foreign},
            {"supervisor", supervisor},
            {"arena", arenas.empty() ? 0 : arenas.front().id},
            {"responsibility", responsibilities.empty() ? 0 : responsibilities.front().id}};
        std::string out = text == "{hanne_record}" ? hanne_record : text;
        for (const auto& [name, id] : ids) {
            out = std::regex_replace(out, std::regex("\\{" + name + "\\}"), std::to_string(id));
        }
        return out;
    }

    TestServer server;
    std::int64_t kari = 0;
    std::int64_t foreign = 0;
    std::int64_t supervisor = 0;
    std::int64_t registration_id = 0;
    std::int64_t objective = 0;
    std::int64_t hanne = 0;
    std::string hanne_record;
};

TEST_F(OpenApiResponses, RealAnswersFitTheDocumentedSchemas) {
    const JsonSchemaValidator validator(document());
    const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
    std::map<std::string, client::SignedIn> sessions;
    for (const auto& call : kCalls) {
        if (!call.who.empty() && !sessions.contains(call.who)) {
            auto session = client::login(server.port(), call.who, kTestPassword);
            ASSERT_TRUE(session) << call.who;
            sessions.emplace(call.who, *session);
        }
    }

    std::set<std::string> succeeded;  // Operations answered 2xx.
    std::set<std::string> answered;   // "operation status" pairs seen.
    for (const auto& call : kCalls) {
        const std::string path = concrete(call.path);
        const std::string call_body = concrete(call.body);
        const std::string target = path.substr(0, path.find('?'));
        const auto match = server.pipeline().router().match(call.method, target);
        ASSERT_NE(match.route, nullptr) << call.path << " matches no route";
        const std::string operation =
            std::string(http::to_string(call.method)) + " " + openapi_path(match.route->pattern);
        const std::string what =
            operation + " (" + call.path + " as " + (call.who.empty() ? "nobody" : call.who) + ")";

        std::vector<std::pair<std::string, std::string>> headers = {{"Origin", origin}};
        if (!call.who.empty()) {
            const auto& session = sessions.at(call.who);
            headers =
                call.csrf == Csrf::send ? session.post_headers(server.port()) : session.headers();
            if (call.csrf == Csrf::omit) {
                headers.emplace_back("Origin", origin);
            }
        }
        const bool has_body = call.method == kPost || call.method == kPut || !call.body.empty();
        const auto r = client::request(server.port(), call.method, path, call_body,
                                       has_body ? call.content_type : std::string(), headers);
        if (r.result_int() != call.status) {
            ADD_FAILURE() << what << " answered " << r.result_int() << ", not " << call.status
                          << ": " << r.body();
            continue;
        }
        if (!call.contains.empty()) {
            EXPECT_NE(r.body().find(call.contains), std::string::npos)
                << what << " should contain " << call.contains << ": " << r.body();
        }

        const auto* item =
            document().at("paths").as_object().if_contains(openapi_path(match.route->pattern));
        if (item == nullptr) {
            ADD_FAILURE() << what << ": the route is not in " << kDocumentFile;
            continue;
        }
        const auto& documented_operation = item->at(lower(http::to_string(call.method)));
        const auto& responses = documented_operation.at("responses");
        const std::string status = std::to_string(call.status);
        answered.insert(operation + " " + status);
        const auto* documented = responses.as_object().if_contains(status);
        if (documented == nullptr) {
            ADD_FAILURE() << what << " answered " << status
                          << ", which the document does not list for it: document it";
            continue;
        }
        if (call.status / 100 == 2) {
            succeeded.insert(operation);
        }
        const auto& response = dereferenced(validator, *documented);
        // A documented Location (a create, a form's redirect) is sent and fits its schema.
        const auto* documented_headers = response.as_object().if_contains("headers");
        if (const auto* location = documented_headers
                                       ? documented_headers->as_object().if_contains("Location")
                                       : nullptr) {
            const auto& header = dereferenced(validator, *location);
            const std::string sent(r[http::field::location]);
            EXPECT_FALSE(sent.empty()) << what << ": no Location";
            for (const auto& violation :
                 validator.validate(json::value(sent), header.at("schema"))) {
                ADD_FAILURE() << what << " Location: " << violation;
            }
        } else if (call.status == 201) {
            ADD_FAILURE() << what << ": the document gives no Location for 201";
        }
        const auto* content = response.as_object().if_contains("content");
        if (content == nullptr) {
            EXPECT_TRUE(r.body().empty() || call.status == 303) << what << ": " << r.body();
            continue;
        }
        if (!content->as_object().contains("application/json")) {
            // A file: its type must be one the document lists; there is no schema to fit.
            EXPECT_TRUE(content->as_object().contains(std::string(r[http::field::content_type])))
                << what << ": " << r[http::field::content_type] << " is not documented";
            continue;
        }
        EXPECT_TRUE(std::string(r[http::field::content_type]).starts_with("application/json"))
            << what << ": " << r[http::field::content_type];
        json::error_code ec;
        const auto body = json::parse(r.body(), ec);
        if (ec) {
            ADD_FAILURE() << what << ": not JSON: " << r.body();
            continue;
        }
        const auto& schema = content->at("application/json").at("schema");
        for (const auto& violation : validator.validate(body, schema)) {
            ADD_FAILURE() << what << " " << status << ": " << violation << "\n  in " << r.body();
        }
        // What the client sent and the server took must fit the documented request body too.
        if (call.status / 100 == 2 && call.content_type == kJson && !call_body.empty() &&
            documented_operation.as_object().contains("requestBody")) {
            const auto& request_schema =
                dereferenced(validator, documented_operation.at("requestBody"))
                    .at("content")
                    .at("application/json")
                    .at("schema");
            for (const auto& violation :
                 validator.validate(json::parse(call_body), request_schema)) {
                ADD_FAILURE() << what << " request body: " << violation;
            }
        }
    }

    for (const auto& operation : documented_operations()) {
        EXPECT_TRUE(succeeded.contains(operation))
            << operation << " is documented but no call in kCalls succeeds: add one";
        const auto space = operation.find(' ');
        const auto& responses = document()
                                    .at("paths")
                                    .at(operation.substr(space + 1))
                                    .at(lower(operation.substr(0, space)))
                                    .at("responses");
        for (const char* status : {"401", "422"}) {
            if (responses.as_object().contains(status)) {
                EXPECT_TRUE(answered.contains(operation + " " + status))
                    << operation << " documents " << status << " but no call in kCalls gets it";
            }
        }
    }
}

}  // namespace openapi_test
}  // namespace alis::web
