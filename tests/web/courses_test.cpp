// Courses (issue 14): the courses the trainee's ruleset requires show on their page as missing,
// each course without a public source marked as assumed; the trainee records a completed course
// with its certificate (a PDF, PNG or JPEG by its first bytes, at most 5 MiB), everyone who reads
// the record downloads the certificate byte for byte, and the trainee may withdraw a course.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo_courses.hpp"
#include "app/hashing.hpp"
#include "app/tasks.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace courses_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;

// Anne in training in Bergen with her account; Bergen's leader, and Tromsø's leader.
class Courses : public ::testing::Test {
  protected:
    void SetUp() override {
        testing::add_municipality(server.database(), "4601", "Bergen", "Bergen");
        testing::add_municipality(server.database(), "5501", "Tromsø", "Tromsø");
        anne = testing::add_trainee(server.database(), "Anne Alis", "4601");
        testing::add_account(server.app(), "anne@alis.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, anne);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        trainee = *client::login(server.port(), "anne@alis.no", kTestPassword);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
        other_leader = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    }

    std::string path(const std::string& rest = "") const {
        return "/personer/" + std::to_string(anne) + "/kurs" + rest;
    }
    std::string api(const std::string& rest = "") const {
        return "/api/v1/people/" + std::to_string(anne) + "/courses" + rest;
    }
    // The course form sent as a browser sends it, with the session's CSRF token as a part.
    http::response<http::string_body> post_form(
        const client::SignedIn& who, std::vector<std::pair<std::string, std::string>> fields,
        const std::vector<client::FilePart>& files) {
        fields.emplace_back("csrf_token", who.csrf_token);
        auto headers = who.post_headers(server.port());
        headers.pop_back();  // No X-CSRF-Token: the form's part carries it.
        return client::request(server.port(), http::verb::post, path("/ny"),
                               client::multipart_body(fields, files), client::kMultipartType,
                               headers);
    }
    http::response<http::string_body> post_api(
        const client::SignedIn& who, const std::vector<std::pair<std::string, std::string>>& fields,
        const std::vector<client::FilePart>& files) {
        return client::request(server.port(), http::verb::post, api(),
                               client::multipart_body(fields, files), client::kMultipartType,
                               who.post_headers(server.port()));
    }
    std::vector<domain::CompletedCourse> stored() {
        return server.database().read(
            [&](const store::Snapshot& s) { return s.courses().completed_of(anne); });
    }

    testing::TestServer server;
    std::int64_t anne = 0;
    client::SignedIn trainee, leader, other_leader;
};

TEST_F(Courses, TheRulesetsCoursesShowAsMissingOnTheTraineesPageMarkedAssumed) {
    const auto page =
        client::get(server.port(), "/personer/" + std::to_string(anne), trainee.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    // rules/courses/courses.toml, allmennmedisin-2019 (the default ruleset).
    for (const auto* text : {"Kurs som mangler", "Kurs i akuttmedisin og legevaktarbeid (40 timer)",
                             "Kurs i kommunikasjon og veiledning (15 timer)",
                             "antatt: ingen offentlig kilde funnet"}) {
        EXPECT_NE(page.body().find(text), std::string::npos) << text;
    }
    EXPECT_EQ(page.body().find("Grunnkurs A"), std::string::npos) << "the pre-2019 scheme's";
}

std::string certificate_pdf() {
    // Every byte value after the header, so that a download that changed any byte would show.
    std::string pdf = app::demo_certificate_pdf("Anne Alis", "Akuttmedisin",
                                                *domain::Date::parse_iso("2026-10-01"));
    for (int i = 0; i < 256; ++i) {
        pdf += static_cast<char>(i);
    }
    return pdf;
}

TEST_F(Courses, ACertificateIsAcceptedListedAndDownloadsByteForByteWithItsHash) {
    const std::string pdf = certificate_pdf();
    const auto r = post_form(
        trainee, {{"course", "akuttmedisin"}, {"hours", ""}, {"completed_on", "01.10.2026"}},
        {{"certificate", "C:\\Users\\anne\\Kursbevis æøå.pdf", "application/pdf", pdf}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], path("?lagret=registrert"));
    const auto page = client::get(server.port(), path("?lagret=registrert"), trainee.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    for (const auto* text :
         {"Kurset er registrert med kursbeviset.", "Kurs i akuttmedisin og legevaktarbeid",
          "01.10.2026", "Last ned Kursbevis æøå.pdf",
          "Kurs i kommunikasjon og veiledning (15 timer)"}) {
        EXPECT_NE(page.body().find(text), std::string::npos) << text;
    }
    // The person's page lists only the course still missing.
    const auto person =
        client::get(server.port(), "/personer/" + std::to_string(anne), trainee.headers());
    EXPECT_EQ(person.body().find("Kurs i akuttmedisin og legevaktarbeid (40 timer)"),
              std::string::npos);
    EXPECT_NE(person.body().find("Kurs i kommunikasjon og veiledning (15 timer)"),
              std::string::npos);
    EXPECT_NE(person.body().find(path()), std::string::npos) << "it links to the courses page";

    const auto list = client::get(server.port(), api(), leader.headers());
    ASSERT_EQ(list.result(), http::status::ok) << "the leader reads the record";
    const auto body = json::parse(list.body()).as_object();
    ASSERT_EQ(body.at("completed").as_array().size(), 1u);
    const auto& course = body.at("completed").as_array()[0].as_object();
    EXPECT_EQ(course.at("hours"), 40) << "the course's hours when none were typed";
    EXPECT_EQ(course.at("course_id"), "akuttmedisin");
    EXPECT_EQ(course.at("completed_on"), "2026-10-01");
    const auto& certificate = course.at("certificate").as_object();
    EXPECT_EQ(certificate.at("file_name"), "Kursbevis æøå.pdf") << "without the folder";
    EXPECT_EQ(certificate.at("media_type"), "application/pdf");
    EXPECT_EQ(certificate.at("byte_size"), static_cast<std::int64_t>(pdf.size()));
    EXPECT_EQ(certificate.at("sha256").as_string(), app::sha256_hex(pdf));
    ASSERT_EQ(body.at("missing").as_array().size(), 1u);
    EXPECT_EQ(body.at("missing").as_array()[0].at("id"), "veiledning_og_kommunikasjon");

    const auto id = course.at("id").as_int64();
    for (const auto& url : {path("/" + std::to_string(id) + "/kursbevis"),
                            api("/" + std::to_string(id) + "/certificate")}) {
        const auto file = client::get(server.port(), url, leader.headers());
        ASSERT_EQ(file.result(), http::status::ok) << url;
        EXPECT_EQ(file.body(), pdf) << "byte for byte";
        EXPECT_EQ(app::sha256_hex(file.body()), certificate.at("sha256").as_string());
        EXPECT_EQ(file[http::field::content_type], "application/pdf");
        EXPECT_TRUE(file[http::field::content_disposition].starts_with("attachment;"))
            << file[http::field::content_disposition];
        EXPECT_NE(file[http::field::content_disposition].find(
                      "filename*=UTF-8''Kursbevis%20%C3%A6%C3%B8%C3%A5.pdf"),
                  std::string::npos)
            << file[http::field::content_disposition];
        EXPECT_EQ(file["X-Content-Type-Options"], "nosniff");
    }
    const auto audited = server.database().read([&](const store::Snapshot& s) {
        return s.audit().events_about(anne, "course.recorded", 10, 0);
    });
    EXPECT_EQ(audited.size(), 1u);
}

TEST_F(Courses, ARenamedTextFileIsRefusedAsPdfKeepingWhatWasTyped) {
    const auto r = post_form(trainee,
                             {{"course", "annet"},
                              {"name", "Kurs i ultralyd"},
                              {"hours", "12"},
                              {"completed_on", "01.10.2026"}},
                             {{"certificate", "kursbevis.pdf", "application/pdf",
                               "Dette er et kursbevis, ærlig talt.\n"}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_NE(r.body().find("Kursbeviset må være en PDF-, PNG- eller JPEG-fil"), std::string::npos)
        << r.body();
    EXPECT_NE(r.body().find("href=\"#certificate\""), std::string::npos) << "the summary links it";
    EXPECT_NE(r.body().find("value=\"Kurs i ultralyd\""), std::string::npos);
    EXPECT_NE(r.body().find("value=\"12\""), std::string::npos);
    EXPECT_NE(r.body().find("value=\"01.10.2026\""), std::string::npos);
    EXPECT_NE(r.body().find("enctype=\"multipart/form-data\""), std::string::npos);
    EXPECT_TRUE(stored().empty());
    // The same through the API, and a GIF, and no file at all.
    for (const auto& file : std::vector<client::FilePart>{
             {"certificate", "kursbevis.pdf", "application/pdf", "Dette er ingen PDF"},
             {"certificate", "bilde.png", "image/png", "GIF89a......"},
             {"certificate", "", "application/octet-stream", ""}}) {
        const auto a =
            post_api(trainee, {{"course", "akuttmedisin"}, {"completed_on", "2026-10-01"}}, {file});
        ASSERT_EQ(a.result(), http::status::unprocessable_entity) << file.filename;
        const auto error = json::parse(a.body()).at("error").as_object();
        EXPECT_EQ(error.at("code"), "invalid_input");
        EXPECT_EQ(error.at("field"), "certificate") << a.body();
    }
    EXPECT_TRUE(stored().empty());
}

TEST_F(Courses, AFileOver5MiBIsRefusedAndNothingIsStored) {
    // Within the upload's body limit: the check refuses it, naming the field.
    const std::string big = "%PDF-1.4\n" + std::string(domain::kMaxAttachmentBytes, 'x');
    const auto r = post_api(trainee, {{"course", "akuttmedisin"}, {"completed_on", "2026-10-01"}},
                            {{"certificate", "stor.pdf", "application/pdf", big}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity);
    EXPECT_EQ(json::parse(r.body()).at("error").at("field"), "certificate");
    EXPECT_NE(r.body().find("større enn 5 MB"), std::string::npos) << r.body();
    // Beyond it: the server refuses the request from its header, before reading the body.
    const std::string header = "POST " + api() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                               "Content-Type: " + client::kMultipartType +
                               "\r\nContent-Length: 7000000\r\n\r\n";
    const auto answer = client::raw_exchange(server.port(), header);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer.substr(0, 80);
    EXPECT_TRUE(stored().empty());
    // A body of 2 MiB is an upload's to send, and no other route's.
    const std::string two_mib = "%PDF-1.4\n" + std::string(2 * 1024 * 1024, 'x');
    const auto ok = post_api(trainee, {{"course", "akuttmedisin"}, {"completed_on", "2026-10-01"}},
                             {{"certificate", "kursbevis.pdf", "application/pdf", two_mib}});
    EXPECT_EQ(ok.result(), http::status::created) << ok.body().substr(0, 200);
    const auto other = client::request(
        server.port(), http::verb::post,
        "/api/v1/people/" + std::to_string(anne) + "/supervision-meetings",
        client::multipart_body({}, {{"certificate", "kursbevis.pdf", "application/pdf", two_mib}}),
        client::kMultipartType, trainee.post_headers(server.port()));
    EXPECT_EQ(other.result(), http::status::payload_too_large);
    EXPECT_EQ(stored().size(), 1u);
}

TEST_F(Courses, OnlyTheTraineeRecordsAndAnotherMunicipalitysLeaderSeesNothing) {
    const auto r = post_api(trainee, {{"course", "akuttmedisin"}, {"completed_on", "2026-10-01"}},
                            {{"certificate", "kursbevis.png", "image/png",
                              std::string("\x89PNG\r\n\x1a\n", 8) + "bilde"}});
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto id = json::parse(r.body()).at("id").as_int64();
    EXPECT_EQ(json::parse(r.body()).at("certificate").at("media_type"), "image/png");
    const auto certificate = api("/" + std::to_string(id) + "/certificate");
    for (const auto& url :
         {path(), api(), certificate, path("/" + std::to_string(id) + "/kursbevis")}) {
        const auto seen = client::get(server.port(), url, other_leader.headers());
        EXPECT_TRUE(seen.result() == http::status::forbidden ||
                    seen.result() == http::status::not_found)
            << url << " " << seen.result_int();
        EXPECT_EQ(seen.body().find("kursbevis.png"), std::string::npos);
    }
    EXPECT_EQ(client::get(server.port(), certificate, leader.headers()).result(), http::status::ok)
        << "the employing leader reads the record";
    for (const auto* who : {&leader, &other_leader}) {
        const auto refused = post_api(
            *who, {{"course", "veiledning_og_kommunikasjon"}, {"completed_on", "2026-10-01"}},
            {{"certificate", "k.pdf", "application/pdf", "%PDF-1.4\n"}});
        EXPECT_EQ(refused.result(), http::status::forbidden) << who->session_cookie;
        const auto withdrawn = client::request(
            server.port(), http::verb::post, api("/" + std::to_string(id) + "/withdrawal"), "{}",
            "application/json", who->post_headers(server.port()));
        EXPECT_EQ(withdrawn.result(), http::status::forbidden);
    }
    EXPECT_EQ(stored().size(), 1u);
    EXPECT_FALSE(stored()[0].is_withdrawn());
    // The page offers the form to the trainee only.
    EXPECT_NE(client::get(server.port(), path(), trainee.headers()).body().find(path("/ny")),
              std::string::npos);
    EXPECT_EQ(client::get(server.port(), path(), leader.headers()).body().find(path("/ny")),
              std::string::npos);
    EXPECT_EQ(client::get(server.port(), path("/ny"), leader.headers()).result(),
              http::status::forbidden);
}

TEST_F(Courses, AWithdrawnCourseIsMissingAgainAndItsCertificateStays) {
    const auto r = post_api(trainee, {{"course", "akuttmedisin"}, {"completed_on", "2026-10-01"}},
                            {{"certificate", "kursbevis.jpg", "image/jpeg",
                              std::string("\xFF\xD8\xFF\xE0", 4) + "jpeg"}});
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto id = json::parse(r.body()).at("id").as_int64();
    // The page's button, as a browser posts it.
    auto headers = trainee.post_headers(server.port());
    headers.pop_back();
    const auto page_withdrawal =
        client::request(server.port(), http::verb::post, path("/" + std::to_string(id) + "/trekk"),
                        client::form_body({{"csrf_token", trainee.csrf_token}}),
                        "application/x-www-form-urlencoded", headers);
    ASSERT_EQ(page_withdrawal.result(), http::status::see_other) << page_withdrawal.body();
    const auto page = client::get(server.port(), path("?lagret=trukket"), trainee.headers());
    EXPECT_NE(page.body().find("Kurset er trukket tilbake. Kursbeviset er beholdt."),
              std::string::npos);
    EXPECT_NE(page.body().find("Trukket tilbake 22.11.2026"), std::string::npos);
    const auto again = client::request(server.port(), http::verb::post,
                                       api("/" + std::to_string(id) + "/withdrawal"), "{}",
                                       "application/json", trainee.post_headers(server.port()));
    EXPECT_EQ(again.result(), http::status::conflict) << "withdrawn once";
    const auto list = json::parse(client::get(server.port(), api(), trainee.headers()).body());
    EXPECT_FALSE(list.at("completed").at(0).at("withdrawn_at").is_null());
    EXPECT_EQ(list.at("missing").as_array().size(), 2u) << "a withdrawn course does not count";
    const auto file = client::get(server.port(), api("/" + std::to_string(id) + "/certificate"),
                                  trainee.headers());
    EXPECT_EQ(file.result(), http::status::ok);
    EXPECT_EQ(file[http::field::content_type], "image/jpeg");
    EXPECT_EQ(client::request(server.port(), http::verb::post, api("/999/withdrawal"), "{}",
                              "application/json", trainee.post_headers(server.port()))
                  .result(),
              http::status::not_found);
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.audit().events_about(anne, "course.withdrawn", 10, 0);
                  })
                  .size(),
              1u);
}

TEST_F(Courses, TheTraineesTaskListsTheMissingCoursesUntilTheyAreRecorded) {
    const auto count = [&] {
        const auto r = client::get(server.port(), "/api/v1/me/tasks", trainee.headers());
        const auto body = json::parse(r.body());
        for (const auto& t : body.at("tasks").as_array()) {
            if (t.at("kind") == "courses_missing") {
                EXPECT_EQ(t.at("url").as_string(), path());
                return static_cast<int>(t.at("count").as_int64());
            }
        }
        return 0;
    };
    EXPECT_EQ(count(), 2);
    for (const auto* course : {"akuttmedisin", "veiledning_og_kommunikasjon"}) {
        const auto r = post_api(trainee, {{"course", course}, {"completed_on", "2026-10-01"}},
                                {{"certificate", "k.pdf", "application/pdf", "%PDF-1.4\n"}});
        ASSERT_EQ(r.result(), http::status::created) << r.body();
    }
    EXPECT_EQ(count(), 0) << "no task once every required course is recorded";
    const auto me = client::get(server.port(), "/meg", trainee.headers());
    EXPECT_EQ(me.body().find("obligatoriske kurs mangler"), std::string::npos);
}

}  // namespace courses_test
}  // namespace alis::web
