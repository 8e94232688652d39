// The agreement between a municipality and a supervisor it has registered, signed in alis (issue
// 17): the leader makes a version from the supervisor list and the terms typed in a form, the
// supervisor and the leader sign it with a fresh password in any order, the signed PDF is frozen,
// and nobody signs for the other party or an agreement with themselves.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/pdfs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace supervision_agreements_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;
namespace json = boost::json;

class SupervisionAgreements : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4627", "Askøy", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        const auto orjan = testing::add_trainee(db, "Ørjan Ås", "4601", "2025-01-01");
        db.write([&](store::UnitOfWork& w) {
            domain::Person person;
            person.full_name = "Siri Erfaren";
            person.training_status = domain::TrainingStatus::specialist;
            siri = w.people().add(person);
            // Siri lives on Askøy and supervises for Bergen under an inter-municipal agreement.
            domain::Supervisor sv;
            sv.person_id = siri;
            sv.municipality_number = "4601";
            sv.office = "Kleppestø legekontor";
            sv.home_municipality_number = "4627";
            sv.agreement_reference = "Avtale 2025/14";
            sv.agreement_date = domain::Date::parse_iso("2025-01-20");
            sv.registered_on = *domain::Date::parse_iso("2025-02-01");
            registration = w.supervisors().add(sv);
            return 0;
        });
        testing::assign_supervisor(db, siri, orjan);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "kontor@bergen.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "siri@askoy.no", domain::Role::supervisor, std::nullopt,
                             std::nullopt, siri);
        // Siri as a leader of Bergen too: she never signs for Bergen an agreement with herself.
        testing::add_account(server.app(), "siri.leder@bergen.no", domain::Role::leader, "4601",
                             std::nullopt, siri);
        testing::add_account(server.app(), "orjan@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, orjan);
        leader = *client::login(server.port(), "leder@bergen.no", kTestPassword);
        supervisor = *client::login(server.port(), "siri@askoy.no", kTestPassword);
    }
    std::string page_path() const {
        return "/kommuner/4601/veiledere/" + std::to_string(registration) + "/avtale";
    }
    std::string api_path() const {
        return "/api/v1/municipalities/4601/supervisors/" + std::to_string(registration) +
               "/documents";
    }
    client::Response form_post(const client::SignedIn& who, const std::string& target,
                               std::vector<std::pair<std::string, std::string>> fields = {}) {
        fields.emplace_back("csrf_token", who.csrf_token);
        return client::request(server.port(), http::verb::post, target, client::form_body(fields),
                               "application/x-www-form-urlencoded",
                               who.post_headers(server.port()));
    }
    client::Response api_post(const client::SignedIn& who, const std::string& target,
                              const std::string& body = "{}") {
        auto headers = who.post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        return client::request(server.port(), http::verb::post, target, body, "application/json",
                               headers);
    }
    std::vector<domain::SignedDocument> versions() {
        return server.database().read([&](const store::Snapshot& s) {
            return s.documents().supervision_versions_of(registration);
        });
    }
    // The kinds of the account's tasks.
    std::vector<std::string> task_kinds(const client::SignedIn& who) {
        const auto r = client::get(server.port(), "/api/v1/me/tasks", who.headers());
        EXPECT_EQ(r.result(), http::status::ok) << r.body();
        std::vector<std::string> kinds;
        const auto body = json::parse(r.body());
        for (const auto& t : body.at("tasks").as_array()) {
            kinds.emplace_back(t.at("kind").as_string());
        }
        return kinds;
    }
    static bool has(const std::vector<std::string>& kinds, const std::string& kind) {
        return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
    }

    TestServer server;
    std::int64_t siri = 0;
    std::int64_t registration = 0;
    client::SignedIn leader;
    client::SignedIn supervisor;
};

TEST_F(SupervisionAgreements, TheLeaderMakesAVersionWithTheTermsAndBothSignItInAnyOrder) {
    // The supervisor list links to the agreement's page, which has no version yet and the form.
    auto r = client::get(server.port(), "/kommuner/4601/veiledere", leader.headers());
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_NE(r.body().find(page_path()), std::string::npos);
    r = client::get(server.port(), page_path(), leader.headers());
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_NE(r.body().find("Veiledningsavtale med Siri Erfaren"), std::string::npos);
    EXPECT_NE(r.body().find("ingen versjon i alis"), std::string::npos);
    EXPECT_NE(r.body().find("name=\"fee\""), std::string::npos);

    // A form with mistakes: 422 in Norwegian beside the fields, what was typed kept, nothing
    // stored.
    r = form_post(leader, page_path(),
                  {{"fee", ""}, {"valid_from", "01.12.2026"}, {"valid_to", "01.01.2026"}});
    ASSERT_EQ(r.result(), http::status::unprocessable_entity) << r.body();
    EXPECT_NE(r.body().find("Sluttdatoen kan ikke være før startdatoen."), std::string::npos);
    EXPECT_NE(r.body().find("value=\"01.01.2026\""), std::string::npos) << "kept as typed";
    EXPECT_TRUE(versions().empty());

    // The terms as the leader writes them: version 1, a draft, and the veileder is told to sign.
    r = form_post(leader, page_path(),
                  {{"fee", "1 200 kr per time"}, {"valid_from", "01.12.2026"}});
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    auto stored = versions();
    ASSERT_EQ(stored.size(), 1u);
    const auto id = stored.front().id;
    EXPECT_EQ(std::string(r[http::field::location]), page_path() + "/" + std::to_string(id));
    EXPECT_EQ(stored.front().kind, domain::DocumentKind::supervision_agreement);
    EXPECT_EQ(stored.front().supervisor_id, registration);
    EXPECT_FALSE(stored.front().agreement_id.has_value());
    EXPECT_EQ(stored.front().template_version, "2026-12-02");
    for (const char* text : {"Siri Erfaren", "Kleppestø legekontor", "Askøy", "Avtale 2025/14",
                             "Ørjan Ås", "1 200 kr per time", "01.12.2026"}) {
        EXPECT_NE(stored.front().content.find(text), std::string::npos) << text;
    }
    EXPECT_EQ(stored.front().content.find("______"), std::string::npos)
        << "no lines to fill in by hand in a version signed in alis";
    EXPECT_TRUE(has(task_kinds(supervisor), "sign_supervision_agreement"));
    // The same terms again: the same version, nothing written.
    r = form_post(leader, page_path(),
                  {{"fee", "1 200 kr per time"}, {"valid_from", "01.12.2026"}});
    ASSERT_EQ(r.result(), http::status::see_other);
    EXPECT_EQ(versions().size(), 1u);

    // Siri signs first, from the page her task links to.
    const auto version_path = page_path() + "/" + std::to_string(id);
    r = client::get(server.port(), version_path, supervisor.headers());
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_NE(r.body().find("Signer som Veileder"), std::string::npos) << r.body();
    r = form_post(supervisor, version_path + "/signer");
    ASSERT_EQ(r.result(), http::status::see_other) << r.body();
    EXPECT_EQ(versions().front().status(), domain::DocumentStatus::partly_signed);
    EXPECT_EQ(api_post(supervisor, api_path() + "/" + std::to_string(id) + "/signatures").result(),
              http::status::conflict)
        << "each party signs once";
    EXPECT_FALSE(has(task_kinds(supervisor), "sign_supervision_agreement"));

    // The leader signs for Bergen: the PDF is made once and frozen.
    r = api_post(leader, api_path() + "/" + std::to_string(id) + "/signatures");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const auto body = json::parse(r.body()).as_object();
    EXPECT_EQ(body.at("status"), "signed");
    const std::string pdf_sha256(body.at("pdf_sha256").as_string());
    const auto pdf = client::get(server.port(), version_path + "/dokument.pdf", leader.headers());
    ASSERT_EQ(pdf.result(), http::status::ok);
    const auto again =
        client::get(server.port(), version_path + "/dokument.pdf", supervisor.headers());
    EXPECT_EQ(again.body(), pdf.body()) << "the exact bytes signed, for either party";
    const auto text = testing::pdf_text(pdf.body());
    for (const char* wanted : {"Veiledningsavtale", "siri@askoy.no", "Veileder", "For kommunen",
                               "Bergen kommune", "1 200 kr per time"}) {
        EXPECT_NE(text.find(wanted), std::string::npos) << wanted << "\n" << text;
    }
    const auto audited = server.database().read([&](const store::Snapshot& s) {
        return s.audit().events_about(siri, "document.signed", 10, 0);
    });
    ASSERT_EQ(audited.size(), 2u);
    EXPECT_NE(audited.front().target.find("signed pdf sha256 " + pdf_sha256), std::string::npos);

    // Both parties see the signed agreement in the list; the command line lists it for Siri,
    // and its export is the bytes signed, which verify accepts.
    r = client::get(server.port(), api_path(), supervisor.headers());
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_NE(r.body().find(pdf_sha256), std::string::npos);
    const auto url = server.database_url();
    auto cli = testing::run_alis(
        {"document", "list", "--db", url, "--person", std::to_string(siri), "--format", "json"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    const auto listed = json::parse(cli.out).at("documents").as_array();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].at("kind"), "supervision-agreement");
    EXPECT_EQ(listed[0].at("supervisor_id"), registration);
    EXPECT_EQ(listed[0].at("status"), "signed");
    const testing::TempDir dir;
    const std::string out = (dir.path() / "veiledningsavtale.pdf").string();
    cli = testing::run_alis(
        {"document", "export", "--db", url, "--document", std::to_string(id), "--out", out});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    cli = testing::run_alis({"document", "verify", "--db", url, out});
    EXPECT_EQ(cli.exit_code, 0) << cli.err;
}

TEST_F(SupervisionAgreements, NobodySignsForTheOtherPartyOrWithoutAFreshPassword) {
    auto r = api_post(leader, api_path(), R"({"fee": "frikjøp 20 %", "valid_from": "2026-12-01"})");
    ASSERT_EQ(r.result(), http::status::created) << r.body();
    const auto id = json::parse(r.body()).at("id").as_int64();
    const auto sign_path = api_path() + "/" + std::to_string(id) + "/signatures";

    // Siri as Bergen's leader can neither make nor sign nor read an agreement with herself.
    const auto siri_leader = *client::login(server.port(), "siri.leder@bergen.no", kTestPassword);
    EXPECT_EQ(api_post(siri_leader, sign_path).result(), http::status::forbidden);
    EXPECT_EQ(
        api_post(siri_leader, api_path(), R"({"fee": "x", "valid_from": "2026-12-01"})").result(),
        http::status::forbidden);
    // Another municipality's leader, the regional office and the trainee: no access at all.
    for (const char* email : {"leder@tromso.no", "kontor@bergen.no", "orjan@lege.no"}) {
        const auto other = *client::login(server.port(), email, kTestPassword);
        EXPECT_EQ(api_post(other, sign_path).result(), http::status::forbidden) << email;
        EXPECT_EQ(client::get(server.port(), page_path(), other.headers()).result(),
                  http::status::forbidden)
            << email;
    }
    // The supervisor reads the page but gets no form to make versions, and cannot make one.
    r = client::get(server.port(), page_path(), supervisor.headers());
    ASSERT_EQ(r.result(), http::status::ok);
    EXPECT_EQ(r.body().find("name=\"fee\""), std::string::npos);
    EXPECT_EQ(
        api_post(supervisor, api_path(), R"({"fee": "x", "valid_from": "2026-12-01"})").result(),
        http::status::forbidden);
    // A version of another supervisor's agreement, or an ALIS agreement's, is not found here.
    EXPECT_EQ(api_post(leader, api_path() + "/999999/signatures").result(),
              http::status::not_found);

    // Eleven minutes after the login the password must be entered again.
    server.advance_clock(11 * 60);
    r = api_post(supervisor, sign_path);
    EXPECT_EQ(r.result(), http::status::forbidden);
    EXPECT_NE(r.body().find("reauthentication_required"), std::string::npos) << r.body();
    const auto page =
        client::get(server.port(), page_path() + "/" + std::to_string(id), supervisor.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("/bekreft-passord?neste="), std::string::npos);
    EXPECT_EQ(versions().front().status(), domain::DocumentStatus::draft) << "nothing was signed";
}

}  // namespace supervision_agreements_test
}  // namespace alis::web
