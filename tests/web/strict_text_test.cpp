// Text is checked strictly once, where it enters: form fields, JSON strings, query parameters and
// path segments. Invalid UTF-8 (surrogates, overlong forms, code points above U+10FFFF), control
// characters and, in names, invisible characters are refused with a clear 4xx, and nothing is
// stored; the outputs built from stored text stay valid UTF-8.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "domain/text.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace strict_text_test {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace client = testing::client;
using client::form_body;
using testing::kTestPassword;

// The byte sequences an outside test got stored through eleven text fields.
const std::vector<std::pair<const char*, std::string>> kBadText = {
    {"a surrogate", "Kari \xED\xA0\x80"},          {"an overlong '/'", "Kari \xE0\x80\xAF"},
    {"above U+10FFFF", "Kari \xF4\x90\x80\x80"},   {"a C1 control", "Kari \xC2\x85"},
    {"a C0 control", std::string("Kari \x01", 6)},
};

class StrictText : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        trainee = testing::add_trainee(db, "Kari Nordmann", "4601");
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    client::Response post_form(const std::string& path,
                               std::vector<std::pair<std::string, std::string>> fields) {
        fields.emplace_back("csrf_token", leader.csrf_token);
        return client::request(server.port(), http::verb::post, path, form_body(fields),
                               "application/x-www-form-urlencoded",
                               leader.post_headers(server.port()));
    }

    client::Response post_json(const std::string& path, const std::string& body) {
        return client::request(server.port(), http::verb::post, path, body, "application/json",
                               leader.post_headers(server.port()));
    }

    std::vector<std::pair<std::string, std::string>> registration(const std::string& name,
                                                                  const std::string& place) {
        return {{"full_name", name},
                {"hpr_number", "1234567"},
                {"lis1_completed", "31.08.2025"},
                {"ruleset", "allmennmedisin-2019"},
                {"starts_on", "01.09.2025"},
                {"fte", "80"},
                {"post_type", "gp_list"},
                {"pay_model", "salaried"},
                {"count_as_service", "ja"},
                {"place", place}};
    }

    int people() {
        return server.database().read([](const store::Snapshot& s) {
            return s.people().count(domain::TrainingStatus::in_training) +
                   s.people().count(domain::TrainingStatus::specialist);
        });
    }

    std::size_t arenas() {
        return server.database()
            .read(
                [](const store::Snapshot& s) { return s.municipalities().learning_arenas("4601"); })
            .size();
    }

    testing::TestServer server;
    std::int64_t trainee = 0;
    client::SignedIn leader;
};

TEST_F(StrictText, BadBytesInAFormFieldAre422AndNothingIsStored) {
    const int before = people();
    const std::size_t arenas_before = arenas();
    for (const auto& [why, text] : kBadText) {
        SCOPED_TRACE(why);
        for (const bool in_name : {true, false}) {
            const auto r = post_form("/kommuner/4601/leger/ny",
                                     in_name ? registration(text, "Sentrum legekontor")
                                             : registration("Åse Ødegård-Ås", text));
            EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
            EXPECT_EQ(domain::check_input(r.body()), domain::TextProblem::none)
                << "the answer itself is clean text";
        }
        const auto supervisor =
            post_form("/kommuner/4601/veiledere/ny", {{"full_name", text},
                                                      {"qualification", "specialist"},
                                                      {"office", "Sentrum"},
                                                      {"home_municipality", "4601"}});
        EXPECT_EQ(supervisor.result(), http::status::unprocessable_entity);
        const auto arena =
            post_form("/kommuner/4601/utdanningsplan/arenaer",
                      {{"kind", "gp_office"}, {"name", "Legekontor"}, {"offers", text}});
        EXPECT_EQ(arena.result(), http::status::unprocessable_entity);
    }
    EXPECT_EQ(people(), before);
    EXPECT_EQ(arenas(), arenas_before);
    // The downloads built from stored names are still clean UTF-8.
    const auto csv = client::get(server.port(), "/kommuner/4601/oversikt.csv", leader.headers());
    ASSERT_EQ(csv.result(), http::status::ok);
    EXPECT_EQ(domain::check_input(csv.body().substr(3)), domain::TextProblem::none);
}

TEST_F(StrictText, BadTextInJsonIsRefusedAndNothingIsStored) {
    const int before = people();
    const std::string good =
        R"("hpr_number":"7654321","lis1_completed":"2025-08-31","ruleset":"allmennmedisin-2019",)"
        R"("starts_on":"2025-09-01","fte":80,"post_type":"gp_list","pay_model":"salaried",)"
        R"("count_as_service":true,"place":"Sentrum")";
    const std::vector<std::pair<const char*, std::string>> bodies = {
        {"an escaped lone surrogate", R"({"full_name":"Kari \ud800",)" + good + "}"},
        {"a raw surrogate", "{\"full_name\":\"Kari \xED\xA0\x80\"," + good + "}"},
        {"an escaped C1 control", R"({"full_name":"Kari \u0085",)" + good + "}"},
        {"an escaped right-to-left override", R"({"full_name":"Kari \u202e",)" + good + "}"},
        {"a bad byte in a key", "{\"full\xC0\x80name\":\"Kari\"," + good + "}"},
    };
    for (const auto& [why, body] : bodies) {
        const auto r = post_json("/api/v1/municipalities/4601/trainees", body);
        EXPECT_TRUE(r.result() == http::status::bad_request ||
                    r.result() == http::status::unprocessable_entity)
            << why << ": " << r.result_int();
        EXPECT_EQ(domain::check_input(r.body()), domain::TextProblem::none) << why;
    }
    EXPECT_EQ(people(), before);
}

TEST_F(StrictText, ANumberOrABooleanInATextFieldIs422) {
    for (const std::string value : {"42", "true", "3.5"}) {
        const auto r = post_json("/api/v1/municipalities/4601/trainees",
                                 R"({"full_name":)" + value +
                                     R"(,"hpr_number":"7654321","lis1_completed":"2025-08-31",)"
                                     R"("ruleset":"allmennmedisin-2019","starts_on":"2025-09-01",)"
                                     R"("fte":80,"post_type":"gp_list","pay_model":"salaried",)"
                                     R"("count_as_service":false})");
        ASSERT_EQ(r.result(), http::status::unprocessable_entity) << value;
        const auto error = json::parse(r.body()).at("error").as_object();
        EXPECT_EQ(error.at("field").as_string(), "full_name") << value;
        EXPECT_NE(std::string(error.at("message").as_string()).find("ikke et tall"),
                  std::string::npos);
    }
    // A number where a number is asked is fine: the position above was 80 throughout.
}

TEST_F(StrictText, InvisibleCharactersInANameAre422ButLineBreaksInNotesAreKept) {
    for (const std::string name : {"Kari \xE2\x80\xAE"
                                   "nesnah",
                                   "Ola\xE2\x80\x8BNordmann"}) {
        const auto r = post_form("/kommuner/4601/leger/ny", registration(name, "Sentrum"));
        ASSERT_EQ(r.result(), http::status::unprocessable_entity);
        EXPECT_NE(r.body().find("usynlige tegn"), std::string::npos);
    }
    const auto ok = post_form("/kommuner/4601/utdanningsplan/arenaer",
                              {{"kind", "gp_office"},
                               {"name", "Sentrum legekontor"},
                               {"offers", "Fastlegeliste\nLegevakt\tfredager"}});
    EXPECT_EQ(ok.result(), http::status::see_other);
    const auto stored = server.database().read(
        [](const store::Snapshot& s) { return s.municipalities().learning_arenas("4601"); });
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].offers, "Fastlegeliste\nLegevakt\tfredager");
}

TEST_F(StrictText, NorwegianLettersAndEmojiAreText) {
    const auto r = post_form("/kommuner/4601/leger/ny",
                             registration("Åse Ødegård-Ås \xF0\x9F\x98\x80", "Ærøy legekontor"));
    EXPECT_EQ(r.result(), http::status::see_other) << r.body();
}

TEST_F(StrictText, BadBytesInAQueryOrAPathAre400) {
    for (const std::string target :
         {"/kommuner/4601/oversikt?sorter=%ED%A0%80", "/kommuner/4601/oversikt?filter=%C0%80",
          "/kommuner/%ED%A0%80/oversikt", "/kommuner/4601%00/oversikt",
          "/regioner/Berg%E2%80%AEen"}) {
        const auto r = client::get(server.port(), target, leader.headers());
        EXPECT_EQ(r.result(), http::status::bad_request) << target;
        EXPECT_EQ(domain::check_input(r.body()), domain::TextProblem::none) << target;
    }
    const auto api = client::get(server.port(), "/api/v1/regions/%ED%A0%80", leader.headers());
    EXPECT_EQ(api.result(), http::status::bad_request);
    EXPECT_NE(api.body().find("\"error\""), std::string::npos) << "the API answers in JSON";
}

}  // namespace strict_text_test
}  // namespace alis::web
