// An administrator replaces a document template through a page (issue 17): the new version is
// checked, audited and in force for documents made after it, a document already made keeps its
// version, every old version stays readable and can start a new one, and a bad file is refused
// with the reason and nothing stored.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/document_templates.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/pdfs.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace document_templates_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;
namespace json = boost::json;
using domain::DocumentKind;

// `source` with its version line set to `version` and `line` added at the end of the body.
std::string edited(std::string source, const std::string& version, const std::string& line) {
    const auto at = source.find("version = \"");
    const auto end = source.find('\n', at);
    source.replace(at, end - at, "version = \"" + version + "\"");
    return source + "\n" + line + "\n";
}

class DocumentTemplates : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        orjan = testing::add_trainee(db, "Ørjan Ås", "4601", "2025-01-01");
        agreement = db.write([&](store::UnitOfWork& w) {
            return testing::add_agreement(w, w.people().employments_of(orjan).front().id,
                                          "2025-01-01");
        });
        testing::add_account(server.app(), "admin@alis.no", domain::Role::admin);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        admin = *client::login(server.port(), "admin@alis.no", kTestPassword);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }
    client::Response post_template(const client::SignedIn& who, const std::string& kind,
                                   const std::string& source) {
        return client::request(
            server.port(), http::verb::post, "/admin/maler/" + kind,
            client::form_body({{"csrf_token", who.csrf_token}, {"source", source}}),
            "application/x-www-form-urlencoded", who.post_headers(server.port()));
    }
    std::string compiled_in(DocumentKind kind) {
        return app::template_versions(server.app(), kind).back().source;
    }
    std::size_t stored_versions(DocumentKind kind) {
        return server.database()
            .read([&](const store::Snapshot& s) { return s.documents().templates_of(kind); })
            .size();
    }
    // The leader makes the agreement's next version; returns its JSON.
    json::object make_document() {
        auto headers = leader.post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        const auto r = client::request(server.port(), http::verb::post,
                                       "/api/v1/people/" + std::to_string(orjan) + "/agreements/" +
                                           std::to_string(agreement) + "/documents",
                                       "{}", "application/json", headers);
        EXPECT_EQ(r.result(), http::status::created) << r.body();
        return json::parse(r.body()).as_object();
    }

    TestServer server;
    std::int64_t orjan = 0;
    std::int64_t agreement = 0;
    client::SignedIn admin;
    client::SignedIn leader;
};

TEST_F(DocumentTemplates, ANewVersionIsInForceForDocumentsMadeAfterItAndTheOldOnesStay) {
    // Before: every kind is the compiled-in file, and its wording is marked unchecked.
    auto r = client::get(server.port(), "/admin/maler", admin.headers());
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_NE(r.body().find("/admin/maler/supervision-agreement"), std::string::npos);
    EXPECT_NE(r.body().find("Følger med alis"), std::string::npos);
    EXPECT_NE(r.body().find("Ikke kontrollert mot offisiell mal"), std::string::npos);
    const auto before = make_document();
    EXPECT_EQ(before.at("template_version"), "2026-12-01");

    // The administrator puts version 2026-12-02 in force, as a browser posts a textarea (CRLF).
    std::string source = edited(compiled_in(DocumentKind::alis_agreement), "2026-12-02",
                                "Tillegg fra administrator: kontrollert mot malen.");
    std::string crlf;
    for (const char c : source) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    r = post_template(admin, "alis-agreement", crlf);
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(r[http::field::location], "/admin/maler/alis-agreement?lagret=ja");
    r = client::get(server.port(), "/admin/maler/alis-agreement?lagret=ja", admin.headers());
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_NE(r.body().find("Versjon 2026-12-02 er tatt i bruk."), std::string::npos) << r.body();
    EXPECT_NE(r.body().find("admin@alis.no"), std::string::npos) << "who put it in force";
    EXPECT_NE(r.body().find("Følger med alis"), std::string::npos) << "the old version is listed";
    ASSERT_EQ(stored_versions(DocumentKind::alis_agreement), 1u);
    const auto stored = server.database().read([&](const store::Snapshot& s) {
        return *s.documents().latest_template(DocumentKind::alis_agreement);
    });
    EXPECT_EQ(stored.source, source) << "kept with \\n line endings";
    EXPECT_EQ(stored.source.find('\r'), std::string::npos);
    // The audit chain has the replacement (it names no person: read the chain through).
    const auto events = server.database().read([&](const store::Snapshot& s) {
        std::vector<domain::AuditEvent> found;
        for (std::int64_t id = 1; auto e = s.audit().find(id); ++id) {
            if (e->action == "document_template.replaced") {
                found.push_back(*e);
            }
        }
        return found;
    });
    ASSERT_EQ(events.size(), 1u);
    EXPECT_NE(
        events.front().target.find("alis-agreement 2026-12-02 sha256:" + stored.source_sha256),
        std::string::npos)
        << events.front().target;

    // The next document is made from it; the first keeps its version and its text.
    const auto after = make_document();
    EXPECT_EQ(after.at("version"), 2);
    EXPECT_EQ(after.at("template_version"), "2026-12-02");
    const auto pdf = client::get(server.port(),
                                 "/personer/" + std::to_string(orjan) + "/dokumenter/" +
                                     std::to_string(after.at("id").as_int64()) + "/dokument.pdf",
                                 leader.headers());
    ASSERT_EQ(pdf.result(), http::status::ok);
    EXPECT_NE(testing::pdf_text(pdf.body()).find("Tillegg fra administrator"), std::string::npos);
    const auto first = server.database().read(
        [&](const store::Snapshot& s) { return *s.documents().find(before.at("id").as_int64()); });
    EXPECT_EQ(first.template_version, "2026-12-01");
    EXPECT_EQ(first.content.find("Tillegg fra administrator"), std::string::npos);

    // Any old version can start a new one: the compiled-in file fills the form.
    r = client::get(server.port(), "/admin/maler/alis-agreement?fra=innebygd", admin.headers());
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_EQ(r.body().find("Tillegg fra administrator"), std::string::npos)
        << "the form holds the compiled-in text, not the one in force";
    EXPECT_NE(r.body().find("version = &quot;2026-12-01&quot;"), std::string::npos);
}

TEST_F(DocumentTemplates, ABadFileIsRefusedWithItsReasonAndNothingIsStored) {
    const std::string agreement_source = compiled_in(DocumentKind::alis_agreement);
    struct Case {
        const char* what;
        std::string source;
        const char* says;
    };
    const std::vector<Case> cases = {
        {"not TOML", "kind = \"alis-agreement\nversion = 1\n+++\n# Tekst\n", "er ikke gyldig TOML"},
        {"no body",
         "kind = \"alis-agreement\"\nversion = \"x\"\ntitle = \"T\"\nunconfirmed = true\n",
         "+++ mangler"},
        {"another kind", edited(compiled_in(DocumentKind::general_plan), "2026-12-09", ""),
         "er av typen «general-plan»"},
        {"the compiled-in version again", agreement_source, "Versjonen «2026-12-01» finnes alt"},
        {"an unclosed section", edited(agreement_source, "2026-12-03", "{{#person}}uten slutt"),
         "kan ikke fylles ut"},
        {"markup Pango cannot lay out", edited(agreement_source, "2026-12-04", "<b>ikke lukket"),
         "kan ikke fylles ut"},
        {"no source and not marked unconfirmed",
         "kind = \"alis-agreement\"\nversion = \"v9\"\ntitle = \"T\"\n+++\n# Tekst\n",
         "oppgir ingen kilde"},
        {"empty", "  \r\n", "Skriv inn malfilen."},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        const auto r = post_template(admin, "alis-agreement", c.source);
        EXPECT_EQ(r.result(), http::status::unprocessable_entity);
        EXPECT_NE(r.body().find(c.says), std::string::npos) << r.body();
        EXPECT_NE(r.body().find("aria-invalid=\"true\""), std::string::npos);
    }
    EXPECT_EQ(stored_versions(DocumentKind::alis_agreement), 0u);
    // A version name is used once per kind.
    ASSERT_EQ(post_template(admin, "alis-agreement", edited(agreement_source, "v2", "")).result(),
              http::status::see_other);
    const auto again = post_template(admin, "alis-agreement", edited(agreement_source, "v2", "x"));
    EXPECT_EQ(again.result(), http::status::unprocessable_entity);
    EXPECT_NE(again.body().find("Versjonen «v2» finnes alt"), std::string::npos);
    EXPECT_NE(again.body().find("\nx\n"), std::string::npos) << "the text posted is kept";
    EXPECT_EQ(stored_versions(DocumentKind::alis_agreement), 1u);
    // An unknown kind is no page.
    EXPECT_EQ(client::get(server.port(), "/admin/maler/brev", admin.headers()).result(),
              http::status::not_found);
}

TEST_F(DocumentTemplates, OnlyTheAdministratorReplacesTemplates) {
    EXPECT_EQ(client::get(server.port(), "/admin/maler", leader.headers()).result(),
              http::status::forbidden);
    const auto source = edited(compiled_in(DocumentKind::service_certificate), "v2", "");
    EXPECT_EQ(post_template(leader, "service-certificate", source).result(),
              http::status::forbidden);
    EXPECT_EQ(stored_versions(DocumentKind::service_certificate), 0u);
    // The administrator's own page links here.
    const auto me = client::get(server.port(), "/meg", admin.headers());
    EXPECT_NE(me.body().find("href=\"/admin/maler\""), std::string::npos);
}

}  // namespace document_templates_test
}  // namespace alis::web
