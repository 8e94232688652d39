// ALIS agreements signed in alis (issue 17): the leader makes the document from the register and
// the data, both parties sign with a fresh password in any order, the signed PDF is frozen and
// hashed, a change makes a new version, and a file is checked on the public page and from the
// command line.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/pdfs.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace signed_documents_test {

using testing::kTestPassword;
using testing::TestServer;
using testing::TestServerOptions;
namespace client = testing::client;
namespace json = boost::json;

// Ørjan, in training in Bergen since 2025, with an agreement in the register not yet signed and
// Bergen's salary and bonus for 2025.
std::int64_t add_orjan(store::Database& db, std::int64_t& agreement) {
    const auto person = testing::add_trainee(db, "Ørjan Ås", "4601", "2025-01-01");
    db.write([&](store::UnitOfWork& w) {
        agreement =
            testing::add_agreement(w, w.people().employments_of(person).front().id, "2025-01-01");
        domain::RecordedCostEntry defaults;
        defaults.municipality_number = "4601";
        defaults.year = 2025;
        defaults.entry.salary = domain::Money::kroner(950'000);
        defaults.entry.bonus = domain::Money::kroner(60'000);
        defaults.recorded_at = "2026-11-01T10:00:00Z";
        defaults.recorded_by = "Leder Bergen";
        w.grants().put_cost_entry(defaults);
        return 0;
    });
    return person;
}

class SignedDocuments : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        orjan = add_orjan(db, agreement);
        const auto supervisor = testing::add_trainee(db, "Veileder Vik", "4601");
        testing::assign_supervisor(db, supervisor, orjan);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "orjan@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, orjan);
        testing::add_account(server.app(), "veileder@bergen.no", domain::Role::supervisor,
                             std::nullopt, std::nullopt, supervisor);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
        trainee = *client::login(server.port(), "orjan@lege.no", kTestPassword);
    }
    std::string base() const { return "/personer/" + std::to_string(orjan); }
    client::Response post(const client::SignedIn& who, const std::string& target,
                          const std::string& body = "{}") {
        auto headers = who.post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        return client::request(server.port(), http::verb::post, target, body, "application/json",
                               headers);
    }
    // Makes the agreement's next version; returns its JSON.
    json::object make_document() {
        const auto r = post(leader, "/api/v1/people/" + std::to_string(orjan) + "/agreements/" +
                                        std::to_string(agreement) + "/documents");
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        return json::parse(r.body()).as_object();
    }
    client::Response sign(const client::SignedIn& who, std::int64_t document) {
        return post(who, "/api/v1/people/" + std::to_string(orjan) + "/documents/" +
                             std::to_string(document) + "/signatures");
    }
    std::string pdf_of(std::int64_t document, const client::SignedIn& who) {
        const auto r = client::get(
            server.port(), base() + "/dokumenter/" + std::to_string(document) + "/dokument.pdf",
            who.headers());
        EXPECT_EQ(r.result(), http::status::ok);
        EXPECT_EQ(r[http::field::content_type], "application/pdf");
        return r.body();
    }
    domain::Agreement register_row() {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.grants().agreements_of(orjan); })
            .front();
    }
    std::vector<domain::AuditEvent> audited(const std::string& action) {
        return server.database().read(
            [&](const store::Snapshot& s) { return s.audit().events_about(orjan, action, 50, 0); });
    }
    // The public check of `pdf`: the page's text, uploaded as a browser does.
    std::string check(const std::string& pdf) {
        const auto page = client::get(server.port(), "/dokumenter/kontroll");
        EXPECT_EQ(page.result(), http::status::ok);
        const auto token = client::set_cookie_value(page, "__Host-alis_csrf").value_or("");
        const std::string boundary = "----alisboundary7MA4YWxk";
        std::string body = "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
                           token + "\r\n--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; "
                           "filename=\"avtale.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" +
                           pdf + "\r\n--" + boundary + "--\r\n";
        const auto r =
            client::request(server.port(), http::verb::post, "/dokumenter/kontroll", body,
                            "multipart/form-data; boundary=" + boundary,
                            {{"Cookie", "__Host-alis_csrf=" + token},
                             {"Origin", "http://127.0.0.1:" + std::to_string(server.port())}});
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        return r.body();
    }

    TestServer server;
    std::int64_t orjan = 0;
    std::int64_t agreement = 0;
    client::SignedIn leader;
    client::SignedIn trainee;
};

TEST_F(SignedDocuments, BothPartiesSignInAnyOrderAndTheSignedPdfIsFrozen) {
    const auto draft = make_document();
    const auto id = draft.at("id").as_int64();
    EXPECT_EQ(draft.at("version"), 1);
    EXPECT_EQ(draft.at("status"), "draft");
    // The draft as PDF: the agreement's text from the data, and not yet a signed agreement.
    const auto draft_text = testing::pdf_text(pdf_of(id, leader));
    EXPECT_NE(draft_text.find("Ørjan Ås"), std::string::npos) << draft_text;
    EXPECT_NE(draft_text.find("Bergen kommune"), std::string::npos);
    EXPECT_NE(draft_text.find("Veileder Vik"), std::string::npos) << "the veileder";
    EXPECT_NE(draft_text.find("950 000 kr"), std::string::npos) << draft_text;
    EXPECT_NE(draft_text.find("60 000 kr"), std::string::npos) << "the bonus";
    EXPECT_NE(draft_text.find("ikke signert av alle parter"), std::string::npos);

    // The doctor signs first, then the leader: the order is free.
    auto r = sign(trainee, id);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("status"), "partly_signed");
    EXPECT_EQ(register_row().status, domain::AgreementStatus::partly_signed);
    EXPECT_EQ(sign(trainee, id).result(), http::status::conflict) << "once per party";
    r = sign(leader, id);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto signed_json = json::parse(r.body()).as_object();
    EXPECT_EQ(signed_json.at("status"), "signed");
    const std::string pdf_sha256(signed_json.at("pdf_sha256").as_string());
    EXPECT_EQ(pdf_sha256.size(), 64u);
    // The register row is signed on the day of the last signature (the server's today).
    const auto row = register_row();
    EXPECT_EQ(row.status, domain::AgreementStatus::signed_by_all);
    EXPECT_EQ(row.signed_on, TestServer::fixed_today());

    // The signed PDF is the same bytes each time, and says who signed, when, and its hash.
    const auto pdf = pdf_of(id, trainee);
    EXPECT_EQ(pdf, pdf_of(id, leader));
    testing::save_first_page_png(pdf, "alis-agreement-signed");
    const auto text = testing::pdf_text(pdf);
    EXPECT_NE(text.find("Signert i alis"), std::string::npos) << text;
    EXPECT_NE(text.find("orjan@lege.no"), std::string::npos);
    EXPECT_NE(text.find("leder@bergen.no"), std::string::npos);
    EXPECT_NE(text.find("2026-11-22T"), std::string::npos) << "when";
    EXPECT_NE(text.find("Dokument " + std::to_string(id) + ", versjon 1"), std::string::npos);
    const std::string content_hash(draft.at("content_sha256").as_string());
    EXPECT_NE(text.find(content_hash.substr(0, 32)), std::string::npos) << text;
    EXPECT_EQ(testing::pdf_info(pdf)["Keywords"], "alis-document-" + std::to_string(id));
    // Both signatures are in the audit chain, with the content's hash.
    const auto events = audited("document.signed");
    ASSERT_EQ(events.size(), 2u);
    for (const auto& e : events) {
        EXPECT_NE(e.target.find(content_hash), std::string::npos) << e.target;
    }
    // The stored rows refuse to change.
    EXPECT_THROW(server.database().write([&](store::UnitOfWork& w) {
        w.documents().freeze(id, "QUJD", std::string(64, 'b'), "2026-11-22T12:00:00Z");
        return 0;
    }),
                 store::StoreError);
}

TEST_F(SignedDocuments, SigningNeedsTheFreshPasswordAndNobodySignsForTheOtherParty) {
    const auto id = make_document().at("id").as_int64();
    // Eleven minutes after the login the password must be entered again.
    server.advance_clock(11 * 60);
    auto r = sign(leader, id);
    EXPECT_EQ(r.result(), http::status::forbidden);
    EXPECT_NE(r.body().find("reauthentication_required"), std::string::npos) << r.body();
    // The page says so, with a link to confirm the password and come back.
    const auto page =
        client::get(server.port(), base() + "/dokumenter/" + std::to_string(id), leader.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("/bekreft-passord?neste="), std::string::npos);
    EXPECT_NE(page.body().find("Ikke bekreftet: ordlyden er alis"), std::string::npos)
        << "the wording is not presented as the official template's";
    EXPECT_TRUE(audited("document.signed").empty()) << "nothing was signed";
    // The veileder reads the record but not the agreement (the pay); another leader neither.
    const auto veileder = *client::login(server.port(), "veileder@bergen.no", kTestPassword);
    EXPECT_EQ(client::get(server.port(), base() + "/avtaler", veileder.headers()).result(),
              http::status::forbidden);
    EXPECT_EQ(sign(veileder, id).result(), http::status::forbidden);
    const auto tromso = *client::login(server.port(), "leder@tromso.no", kTestPassword);
    EXPECT_EQ(sign(tromso, id).result(), http::status::forbidden);
    EXPECT_EQ(
        client::get(server.port(), base() + "/dokumenter/" + std::to_string(id), tromso.headers())
            .result(),
        http::status::forbidden);
}

TEST_F(SignedDocuments, AChangeAfterSigningIsANewVersionSignedAgain) {
    const auto first = make_document().at("id").as_int64();
    ASSERT_EQ(sign(leader, first).result(), http::status::ok);
    ASSERT_EQ(sign(trainee, first).result(), http::status::ok);
    const auto signed_pdf = pdf_of(first, leader);
    // Unchanged data: the same version, nothing written.
    EXPECT_EQ(make_document().at("id").as_int64(), first);
    // The bonus changes: a new version, a draft to be signed again; the first stays as signed.
    server.database().write([&](store::UnitOfWork& w) {
        domain::RecordedCostEntry own;
        own.person_id = orjan;
        own.municipality_number = "4601";
        own.year = 2025;
        own.entry.bonus = domain::Money::kroner(80'000);
        own.recorded_at = "2026-11-22T10:00:00Z";
        own.recorded_by = "Leder Bergen";
        w.grants().put_cost_entry(own);
        return 0;
    });
    const auto second = make_document();
    EXPECT_EQ(second.at("version"), 2);
    EXPECT_EQ(second.at("status"), "draft");
    const auto second_id = second.at("id").as_int64();
    EXPECT_NE(testing::pdf_text(pdf_of(second_id, leader)).find("80 000 kr"), std::string::npos);
    EXPECT_EQ(pdf_of(first, leader), signed_pdf) << "the signed version is kept as signed";
    EXPECT_EQ(register_row().status, domain::AgreementStatus::signed_by_all);
    // The page of the old version says it is superseded and offers no signing.
    const auto page = client::get(server.port(), base() + "/dokumenter/" + std::to_string(first),
                                  leader.headers());
    EXPECT_NE(page.body().find("nyere versjon"), std::string::npos);
    ASSERT_EQ(sign(trainee, second_id).result(), http::status::ok);
    ASSERT_EQ(sign(leader, second_id).result(), http::status::ok);
    // The agreements page lists both versions.
    const auto agreements =
        client::get(server.port(), base() + "/avtaler", trainee.headers()).body();
    EXPECT_NE(agreements.find("Versjon 1"), std::string::npos) << agreements;
    EXPECT_NE(agreements.find("Versjon 2"), std::string::npos);
}

TEST_F(SignedDocuments, ThePublicCheckTellsSignedFromAlteredUnsignedAndUnknown) {
    const auto id = make_document().at("id").as_int64();
    const auto draft_pdf = pdf_of(id, leader);
    EXPECT_NE(check(draft_pdf).find("ikke signert av alle parter"), std::string::npos);
    ASSERT_EQ(sign(leader, id).result(), http::status::ok);
    ASSERT_EQ(sign(trainee, id).result(), http::status::ok);
    const auto pdf = pdf_of(id, leader);
    const auto page = check(pdf);
    EXPECT_NE(page.find("nøyaktig den signerte versjonen"), std::string::npos) << page;
    EXPECT_NE(page.find("22.11.2026"), std::string::npos) << "the day signed";
    EXPECT_NE(page.find("For kommunen"), std::string::npos) << "the signers' roles";
    EXPECT_EQ(page.find("Ørjan"), std::string::npos) << "never a name";
    EXPECT_EQ(page.find("leder@bergen.no"), std::string::npos);
    // One byte changed in the middle of the file.
    auto tampered = pdf;
    tampered[tampered.size() / 2] = static_cast<char>(tampered[tampered.size() / 2] ^ 0x01);
    EXPECT_NE(check(tampered).find("Filen er endret"), std::string::npos);
    EXPECT_NE(check("%PDF-1.5\nnot a document of alis\n%%EOF\n").find("ukjent"), std::string::npos);
}

TEST(SignedDocumentCommand, ListsExportsAndVerifiesAndATamperedByteFails) {
    testing::TempDir dir;
    const std::string url = dir.sqlite_url();
    std::int64_t orjan = 0;
    std::int64_t agreement = 0;
    std::int64_t document = 0;
    {
        TestServerOptions options;
        options.database_url = url;
        TestServer server(options);
        testing::add_municipality(server.database(), "4601", "Bergen", "Bergen");
        orjan = add_orjan(server.database(), agreement);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "orjan@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, orjan);
        const auto post = [&](const std::string& who, const std::string& target) {
            const auto s = *client::login(server.port(), who, kTestPassword);
            auto headers = s.post_headers(server.port());
            headers.emplace_back("Accept", "application/json");
            return client::request(server.port(), http::verb::post, target, "{}",
                                   "application/json", headers);
        };
        const std::string people = "/api/v1/people/" + std::to_string(orjan);
        const auto made = post("leder@bergen.no",
                               people + "/agreements/" + std::to_string(agreement) + "/documents");
        document = json::parse(made.body()).at("id").as_int64();
        ASSERT_EQ(post("leder@bergen.no",
                       people + "/documents/" + std::to_string(document) + "/signatures")
                      .result(),
                  http::status::ok);
    }
    auto r = testing::run_alis(
        {"document", "list", "--db", url, "--person", std::to_string(orjan), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto listed = json::parse(r.out).at("documents").as_array();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].at("status"), "partly_signed");
    EXPECT_EQ(listed[0].at("version"), 1);
    EXPECT_EQ(listed[0].at("kind"), "alis-agreement");

    const std::string out = (dir.path() / "avtale.pdf").string();
    r = testing::run_alis(
        {"document", "export", "--db", url, "--document", std::to_string(document), "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = testing::run_alis({"document", "verify", "--db", url, out});
    EXPECT_EQ(r.exit_code, 1) << "a partly signed document is not signed";
    EXPECT_NE(r.err.find("ikke er signert av alle parter"), std::string::npos) << r.err;

    // The doctor signs too; then the export is the signed bytes, and verify accepts them.
    {
        TestServerOptions options;
        options.database_url = url;
        TestServer server(options);
        const auto s = *client::login(server.port(), "orjan@lege.no", kTestPassword);
        auto headers = s.post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        ASSERT_EQ(client::request(server.port(), http::verb::post,
                                  "/api/v1/people/" + std::to_string(orjan) + "/documents/" +
                                      std::to_string(document) + "/signatures",
                                  "{}", "application/json", headers)
                      .result(),
                  http::status::ok);
    }
    r = testing::run_alis(
        {"document", "export", "--db", url, "--document", std::to_string(document), "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = testing::run_alis({"document", "verify", "--db", url, out});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("signed version of document " + std::to_string(document)),
              std::string::npos)
        << r.out;

    std::string bytes;
    {
        std::ifstream file(out, std::ios::binary);
        std::stringstream all;
        all << file.rdbuf();
        bytes = all.str();
    }
    bytes[bytes.size() / 3] = static_cast<char>(bytes[bytes.size() / 3] ^ 0x20);
    const std::string tampered = (dir.path() / "endret.pdf").string();
    std::ofstream(tampered, std::ios::binary) << bytes;
    r = testing::run_alis({"document", "verify", "--db", url, tampered});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("er endret"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line";

    const std::string other = (dir.path() / "annen.pdf").string();
    std::ofstream(other, std::ios::binary) << "%PDF-1.5\n%%EOF\n";
    r = testing::run_alis({"document", "verify", "--db", url, other});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("ukjent"), std::string::npos) << r.err;
    r = testing::run_alis({"document", "verify", "--db", url, (dir.path() / "ingen.pdf").string()});
    EXPECT_EQ(r.exit_code, 2) << "a file that is not there is bad input";
    r = testing::run_alis({"document", "export", "--db", url, "--document", "999", "--out", out});
    EXPECT_EQ(r.exit_code, 2);
}

}  // namespace signed_documents_test
}  // namespace alis::web
