// The signed training record that moves with the doctor (issue 13): Kari, in training in
// Bergen, takes her record from one installation (server A) and a leader of her new employer in
// Tromsø imports it on another (server B, with a key of its own). The record verifies, a changed
// byte or another key fails naming what fails, a record of someone else is refused, a leader of
// a third municipality is refused, and the private minutes of supervision never leave.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "app/auth.hpp"
#include "app/learning_objectives.hpp"
#include "app/signed_training_record.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace training_record_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;
namespace json = boost::json;

constexpr const char* kHpr = "9144889";
constexpr const char* kPrivateMinutes = "Kari fortalte om en vanskelig samtale (privat referat)";

// Approves the first objective of the first stored edition for `person` (requested, then
// approved by the leader), and returns its code.
std::string approve_first_objective(app::Application& app, std::int64_t person) {
    app::AuditOrigin origin{std::nullopt, "system", "-", "test"};
    app::import_demo_catalogues(app,
                                app::audit_event(app.now(), origin, "catalogue.imported", "ok"));
    return app.database().write([&](store::UnitOfWork& w) {
        const auto editions = w.learning_objectives().editions();
        const auto objective = w.learning_objectives().objectives_of(editions.front().id).front();
        domain::ObjectiveEvent e;
        e.person_id = person;
        e.objective_id = objective.id;
        e.kind = domain::ObjectiveEventKind::requested;
        e.actor_label = "Kari";
        e.at = "2026-10-01T10:00:00Z";
        w.learning_log().append_event(e);
        e.kind = domain::ObjectiveEventKind::approved;
        e.actor_role = domain::ObjectiveActorRole::leader;
        e.actor_label = "Leder Bergen (leder@bergen.no)";
        e.municipality_number = "4601";
        e.at = "2026-10-05T10:00:00Z";
        w.learning_log().append_event(e);
        return objective.code;
    });
}

class TrainingRecords : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& a = issuing.database();
        testing::add_municipality(a, "4601", "Bergen", "Bergen");
        kari = testing::add_trainee(a, "Kari Nordmann", "4601", "2024-01-01", nullptr, kHpr);
        const auto supervisor = testing::add_trainee(a, "Veileder Vik", "4601");
        testing::assign_supervisor(a, supervisor, kari);
        a.write([&](store::UnitOfWork& w) {
            domain::SupervisionMeeting m;
            m.trainee_person_id = kari;
            m.supervisor_person_id = supervisor;
            m.held_on = *domain::Date::parse_iso("2026-10-10");
            m.duration_minutes = 90;
            m.topics = "Samtaleteknikk";
            m.minutes = kPrivateMinutes;
            m.planned_at = "2026-10-01T10:00:00Z";
            m.planned_by = "Veileder Vik";
            const auto meeting = w.supervision().add(m);
            w.supervision().close(kari, meeting, "2026-10-10T12:00:00Z", "Veileder Vik");
            return 0;
        });
        objective_code = approve_first_objective(issuing.app(), kari);
        testing::add_account(issuing.app(), "kari@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, kari);
        testing::add_account(issuing.app(), "leder@bergen.no", domain::Role::leader, "4601");
        kari_on_a = *client::login(issuing.port(), "kari@lege.no", kTestPassword);

        // Kari's new employer, on another installation: the same doctor (same HPR number), a
        // colleague with another HPR, and a leader of a municipality that employs neither.
        auto& b = receiving.database();
        testing::add_municipality(b, "5501", "Tromsø", "Bodø");
        testing::add_municipality(b, "1804", "Bodø", "Bodø");
        kari_on_b = testing::add_trainee(b, "Kari Nordmann", "5501", "2026-11-01", nullptr, kHpr);
        colleague_on_b =
            testing::add_trainee(b, "Per Hansen", "5501", "2026-11-01", nullptr, "1234567");
        testing::add_account(receiving.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(receiving.app(), "leder@bodo.no", domain::Role::leader, "1804");
        tromso = *client::login(receiving.port(), "leder@tromso.no", kTestPassword);
        bodo = *client::login(receiving.port(), "leder@bodo.no", kTestPassword);
    }

    std::string base() const { return "/personer/" + std::to_string(kari); }

    // The signed record Kari downloads from her page on A.
    std::string download() {
        const auto r =
            client::get(issuing.port(), base() + "/utdanningsattest.json", kari_on_a.headers());
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        EXPECT_NE(std::string(r[http::field::content_disposition]).find("attachment"),
                  std::string::npos);
        return r.body();
    }

    // The public check of `record`, uploaded as a browser does.
    client::Response check(TestServer& server, const std::string& record) {
        const auto form = client::get(server.port(), "/utdanningsattest/sjekk");
        EXPECT_EQ(form.result(), http::status::ok);
        const auto token = client::set_cookie_value(form, "__Host-alis_csrf").value_or("");
        const std::string boundary = "----alisrecordboundary";
        const std::string body =
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
            token + "\r\n--" + boundary +
            "\r\nContent-Disposition: form-data; name=\"file\"; "
            "filename=\"attest.json\"\r\nContent-Type: application/json\r\n\r\n" +
            record + "\r\n--" + boundary + "--\r\n";
        return client::request(server.port(), http::verb::post, "/utdanningsattest/sjekk", body,
                               "multipart/form-data; boundary=" + boundary,
                               {{"Cookie", "__Host-alis_csrf=" + token},
                                {"Origin", "http://127.0.0.1:" + std::to_string(server.port())}});
    }

    client::Response import_api(const client::SignedIn& who, std::int64_t person,
                                const std::string& record) {
        auto headers = who.post_headers(receiving.port());
        headers.emplace_back("Accept", "application/json");
        return client::request(
            receiving.port(), http::verb::post,
            "/api/v1/people/" + std::to_string(person) + "/training-record/imports", record,
            "application/json", headers);
    }

    TestServer issuing;
    TestServer receiving;
    std::int64_t kari = 0;
    std::int64_t kari_on_b = 0;
    std::int64_t colleague_on_b = 0;
    std::string objective_code;
    client::SignedIn kari_on_a;
    client::SignedIn tromso;
    client::SignedIn bodo;
};

// `text` with one digit of the total months changed: still well formed JSON.
std::string with_one_more_month(std::string text) {
    const auto at = text.find("\"total_months\":\"");
    EXPECT_NE(at, std::string::npos);
    char& digit = text[at + 16];
    digit = digit == '9' ? '8' : static_cast<char>(digit + 1);
    return text;
}

TEST_F(TrainingRecords, TheDoctorSeesHerRecordAndItsDownloadVerifies) {
    const auto page =
        client::get(issuing.port(), base() + "/utdanningsattest", kari_on_a.headers());
    ASSERT_EQ(page.result(), http::status::ok) << page.body();
    EXPECT_NE(page.body().find("Utdanningsattest for Kari Nordmann"), std::string::npos);
    EXPECT_NE(page.body().find(kHpr), std::string::npos);
    EXPECT_NE(page.body().find(objective_code), std::string::npos) << "the approved objective";
    EXPECT_NE(page.body().find("1 møter holdt, 1,5 timer i alt"), std::string::npos) << page.body();
    EXPECT_NE(page.body().find("alis-print-document"), std::string::npos) << "printable";
    EXPECT_EQ(page.body().find(kPrivateMinutes), std::string::npos);

    const std::string record = download();
    EXPECT_EQ(record.find(kPrivateMinutes), std::string::npos) << "never the private minutes";
    EXPECT_EQ(record.find("Samtaleteknikk"), std::string::npos) << "nor the topics";
    const auto verified =
        app::verify_training_record(record, issuing.signing_key().public_key_hex());
    ASSERT_TRUE(verified.ok()) << verified.reason;
    EXPECT_EQ(verified.file->content.identity.hpr, kHpr);
    ASSERT_EQ(verified.file->content.objectives.size(), 1u);
    EXPECT_EQ(verified.file->content.objectives[0].approved_by, "Leder Bergen (leder@bergen.no)");
    ASSERT_TRUE(verified.file->content.supervision);
    EXPECT_EQ(verified.file->content.supervision->minutes_held, 90);

    const auto checked = check(receiving, record);
    EXPECT_EQ(checked.result(), http::status::ok) << checked.body();
    EXPECT_NE(checked.body().find("Signaturen er gyldig"), std::string::npos);
    EXPECT_NE(checked.body().find(issuing.signing_key().public_key_hex()), std::string::npos);
    EXPECT_NE(checked.body().find(objective_code), std::string::npos);

    // The API answers the same signed record.
    auto headers = kari_on_a.headers();
    headers.emplace_back("Accept", "application/json");
    const auto api = client::get(
        issuing.port(), "/api/v1/people/" + std::to_string(kari) + "/training-record", headers);
    ASSERT_EQ(api.result(), http::status::ok) << api.body();
    EXPECT_TRUE(app::verify_training_record(api.body()).ok());
}

TEST_F(TrainingRecords, EachExportIsAuditedWithWhoAndWhose) {
    download();
    const auto events = issuing.database().read(
        [&](const store::Snapshot& s) { return s.audit().events_about(kari, 1000); });
    int exports = 0;
    for (const auto& e : events) {
        if (e.action == "training_record.exported") {
            ++exports;
            EXPECT_EQ(e.actor_label, "kari@lege.no");
            EXPECT_NE(e.target.find("utdanningsattest.json"), std::string::npos) << e.target;
        }
    }
    EXPECT_EQ(exports, 1);
}

TEST_F(TrainingRecords, AChangedByteFailsNamingTheSignature) {
    const std::string tampered = with_one_more_month(download());
    const auto checked = check(receiving, tampered);
    EXPECT_EQ(checked.result(), http::status::unprocessable_entity) << checked.body();
    EXPECT_NE(checked.body().find("Signaturen stemmer ikke"), std::string::npos) << checked.body();
    EXPECT_EQ(app::verify_training_record(tampered).outcome,
              app::RecordVerification::Outcome::signature_invalid);

    const auto r = import_api(tromso, kari_on_b, tampered);
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("error").at("code"), "signature_invalid");
}

TEST_F(TrainingRecords, AMalformedUploadGetsANorwegianErrorPageNeverA500) {
    for (const std::string& text : {std::string("ikke json"), std::string("{\"format\": 3}"),
                                    std::string("[]"), std::string(1, '\0')}) {
        const auto checked = check(receiving, text);
        EXPECT_EQ(checked.result(), http::status::unprocessable_entity) << text;
        EXPECT_NE(checked.body().find("Attesten kan ikke godtas"), std::string::npos) << text;
    }
    std::string record = download();
    record.replace(record.find(",\"hpr\":"), 7, ",\"HPR\":");
    const auto checked = check(receiving, record);
    EXPECT_EQ(checked.result(), http::status::unprocessable_entity);
    EXPECT_NE(checked.body().find("Feltet «identity.HPR» hører ikke til"), std::string::npos)
        << checked.body();
}

TEST_F(TrainingRecords, ARecordSignedByAnotherKeyFailsWithTheExpectedKey) {
    const auto result =
        app::verify_training_record(download(), receiving.signing_key().public_key_hex());
    EXPECT_EQ(result.outcome, app::RecordVerification::Outcome::other_key);
    EXPECT_NE(result.reason.find(issuing.signing_key().public_key_hex()), std::string::npos);
}

TEST_F(TrainingRecords, ImportedOnTheNewEmployersInstallationItIsShownReadOnly) {
    const std::string record = download();
    const auto r = import_api(tromso, kari_on_b, record);
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto imported = json::parse(r.body()).as_object();
    EXPECT_EQ(std::string(imported.at("signer_public_key").as_string()),
              issuing.signing_key().public_key_hex());
    EXPECT_NE(std::string(imported.at("imported_by").as_string()).find("leder@tromso.no"),
              std::string::npos);

    const auto person =
        client::get(receiving.port(), "/personer/" + std::to_string(kari_on_b), tromso.headers());
    ASSERT_EQ(person.result(), http::status::ok);
    EXPECT_NE(person.body().find("importert, signatur verifisert"), std::string::npos);
    EXPECT_NE(person.body().find(issuing.signing_key().public_key_hex()), std::string::npos);
    const auto page = client::get(receiving.port(),
                                  "/personer/" + std::to_string(kari_on_b) + "/utdanningsattest",
                                  tromso.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("importert, signatur verifisert"), std::string::npos);
    EXPECT_NE(page.body().find(objective_code), std::string::npos) << "the imported history";
    EXPECT_NE(page.body().find("Legekontoret"), std::string::npos);

    // The same file again stores nothing new.
    const auto again = import_api(tromso, kari_on_b, record);
    ASSERT_EQ(again.result(), http::status::created) << again.body();
    EXPECT_EQ(json::parse(again.body()).at("id"), imported.at("id"));
    EXPECT_EQ(receiving.database().read([&](const store::Snapshot& s) {
        return s.imported_records().imported_for(kari_on_b).size();
    }),
              1u);
}

TEST_F(TrainingRecords, TheImportFormOfThePageImportsAndRedirects) {
    const std::string record = download();
    const std::string boundary = "----alisimportboundary";
    const std::string body = "--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
                             tromso.csrf_token + "\r\n--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"file\"; "
                             "filename=\"attest.json\"\r\nContent-Type: application/json\r\n\r\n" +
                             record + "\r\n--" + boundary + "--\r\n";
    const std::string target = "/personer/" + std::to_string(kari_on_b) + "/utdanningsattest";
    const auto r = client::request(receiving.port(), http::verb::post, target + "/import", body,
                                   "multipart/form-data; boundary=" + boundary,
                                   tromso.post_headers(receiving.port()));
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], target + "?importert=1");
    const auto page = client::get(receiving.port(), target + "?importert=1", tromso.headers());
    EXPECT_NE(page.body().find("Attesten er importert"), std::string::npos);
}

TEST_F(TrainingRecords, ARecordOfAnotherDoctorIsRefused) {
    const auto r = import_api(tromso, colleague_on_b, download());
    EXPECT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    const auto error = json::parse(r.body()).at("error").as_object();
    EXPECT_EQ(error.at("code"), "identity_mismatch");
    EXPECT_EQ(error.at("field"), "identity.hpr");
    EXPECT_NE(std::string(error.at("message").as_string()).find("HPR-nummeret"), std::string::npos);
    EXPECT_TRUE(receiving.database()
                    .read([&](const store::Snapshot& s) {
                        return s.imported_records().imported_for(colleague_on_b);
                    })
                    .empty());
}

TEST_F(TrainingRecords, ALeaderOfAnotherMunicipalityCannotImportOrRead) {
    const std::string record = download();
    const auto r = import_api(bodo, kari_on_b, record);
    EXPECT_EQ(r.result(), http::status::forbidden) << r.body();
    const auto page =
        client::get(receiving.port(),
                    "/personer/" + std::to_string(kari_on_b) + "/utdanningsattest", bodo.headers());
    EXPECT_EQ(page.result(), http::status::forbidden);
    // On A, the leader of Kari's employer may take her record signed, as she may.
    const auto bergen = *client::login(issuing.port(), "leder@bergen.no", kTestPassword);
    const auto exported =
        client::get(issuing.port(), base() + "/utdanningsattest.json", bergen.headers());
    EXPECT_EQ(exported.result(), http::status::ok);
}

}  // namespace training_record_test
}  // namespace alis::web
