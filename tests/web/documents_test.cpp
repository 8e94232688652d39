// The certificate of service of an employment as PDF: made by the leader of the employing
// municipality (also after the doctor left), read back with pdftotext and checked against the
// periods and the months the ledger counts; refused to anyone else; the same from the command
// line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/pdfs.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace documents_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

// Åse worked in Bergen for two whole years at full time in open general practice, with a
// parental leave, and has worked in Tromsø since.
void add_ase(store::Database& db, std::int64_t& person, std::int64_t& bergen,
             std::int64_t& tromso) {
    db.write([&](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Åse Ærlig Øvrebø";
        p.hpr_number = "9144889";
        person = w.people().add(p);
        const auto employ = [&](const char* number, const char* from, const char* to,
                                const char* place) {
            domain::Employment e;
            e.person_id = person;
            e.municipality_number = number;
            e.starts_on = *domain::Date::parse_iso(from);
            if (to != nullptr) {
                e.ends_on = domain::Date::parse_iso(to);
            }
            const auto id = w.people().add_employment(e);
            domain::ServicePeriod period;
            period.person_id = person;
            period.employment_id = id;
            period.place = place;
            period.starts_on = e.starts_on;
            period.ends_on = e.ends_on;
            w.people().add_service_period(period);
            return id;
        };
        bergen = employ("4601", "2024-01-01", "2025-12-31", "Legekontoret");
        tromso = employ("5501", "2026-01-01", nullptr, "Tromsø legesenter");
        return 0;
    });
}

class ServiceCertificates : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        add_ase(db, ase, bergen, tromso);
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "leder@tromso.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "ase@lege.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, ase);
    }
    std::string path(std::int64_t employment) const {
        return "/personer/" + std::to_string(ase) + "/ansettelser/" + std::to_string(employment) +
               "/tjenesteattest.pdf";
    }
    client::Response get(const std::string& target, const std::string& who) {
        const auto signed_in = *client::login(server.port(), who, kTestPassword);
        return client::get(server.port(), target, signed_in.headers());
    }
    int audited(const std::string& action) {
        int n = 0;
        for (const auto& e : server.database().read(
                 [&](const store::Snapshot& s) { return s.audit().events_about(ase, 50); })) {
            n += e.action == action ? 1 : 0;
        }
        return n;
    }

    TestServer server;
    std::int64_t ase = 0;
    std::int64_t bergen = 0;
    std::int64_t tromso = 0;
};

TEST_F(ServiceCertificates, TheFormerEmployerCertifiesThePeriodsAndTheMonthsTheyCount) {
    const auto r = get(path(bergen), "leder@bergen.no");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(r[http::field::content_type], "application/pdf");
    EXPECT_NE(std::string(r[http::field::content_disposition]).find(".pdf"), std::string::npos);
    const std::string pdf = r.body();
    testing::save_first_page_png(pdf, "service-certificate");
    const std::string text = testing::pdf_text(pdf);
    EXPECT_NE(text.find("Tjenesteattest"), std::string::npos);
    EXPECT_NE(text.find("Åse Ærlig Øvrebø"), std::string::npos) << text;
    EXPECT_NE(text.find("HPR-nummer 9144889"), std::string::npos);
    EXPECT_NE(text.find("Bergen kommune"), std::string::npos);
    EXPECT_NE(text.find("01.01.2024–31.12.2025"), std::string::npos) << text;
    EXPECT_NE(text.find("Legekontoret"), std::string::npos);
    // Two whole years at full time in open general practice: 24 months, nothing else.
    EXPECT_NE(text.find("24,00"), std::string::npos) << text;
    EXPECT_NE(text.find("Ingen permisjoner"), std::string::npos);
    // Only this employment: nothing of the post in Tromsø.
    EXPECT_EQ(text.find("Tromsø"), std::string::npos) << text;
    EXPECT_NE(text.find("leder (leder@bergen.no)"), std::string::npos) << "who issued it";
    auto info = testing::pdf_info(pdf);
    EXPECT_EQ(info["Title"], "Tjenesteattest for Åse Ærlig Øvrebø");
    EXPECT_EQ(info["Author"], "Bergen kommune");
    EXPECT_EQ(audited("document.service_certificate"), 1);
}

TEST_F(ServiceCertificates, LeaveWithinTheEmploymentIsListedAndCountsNothing) {
    server.database().write([&](store::UnitOfWork& w) {
        domain::Leave leave;
        leave.person_id = ase;
        leave.starts_on = *domain::Date::parse_iso("2025-01-01");
        leave.ends_on = *domain::Date::parse_iso("2025-06-30");
        leave.kind = domain::LeaveKind::parental;
        return w.people().add_leave(leave);
    });
    const std::string text = testing::pdf_text(get(path(bergen), "leder@bergen.no").body());
    EXPECT_NE(text.find("01.01.2025–30.06.2025: Foreldrepermisjon"), std::string::npos) << text;
    // Six months of leave: 18 of the 24 months count.
    EXPECT_NE(text.find("18,00"), std::string::npos) << text;
    EXPECT_EQ(text.find("Ingen permisjoner"), std::string::npos);
}

TEST_F(ServiceCertificates, OnlyTheEmployingMunicipalitysLeaderMakesOne) {
    EXPECT_EQ(get(path(bergen), "leder@tromso.no").result(), http::status::forbidden);
    EXPECT_EQ(get(path(tromso), "leder@bergen.no").result(), http::status::forbidden);
    EXPECT_EQ(get(path(tromso), "ase@lege.no").result(), http::status::forbidden);
    EXPECT_EQ(get(path(tromso + 1000), "leder@tromso.no").result(), http::status::forbidden);
    const auto own = get(path(tromso), "leder@tromso.no");
    ASSERT_EQ(own.result(), http::status::ok);
    EXPECT_NE(testing::pdf_text(own.body()).find("Tromsø kommune"), std::string::npos);
    // The person's page links to the certificates this reader may make, and no other.
    const auto page = get("/personer/" + std::to_string(ase), "leder@tromso.no").body();
    EXPECT_NE(page.find("href=\"" + path(tromso) + "\""), std::string::npos);
    EXPECT_EQ(page.find(path(bergen)), std::string::npos);
    EXPECT_EQ(audited("document.service_certificate"), 1);
}

TEST_F(ServiceCertificates, TheEducationPlanAsPdfForThoseWhoReadTheRecord) {
    server.database().write([&](store::UnitOfWork& w) {
        domain::EducationPlanRevision plan;
        plan.person_id = ase;
        plan.revised_on = *domain::Date::parse_iso("2026-02-01");
        plan.revised_at = "2026-02-01T09:00:00Z";
        plan.author_label = "Tora Leder (leder@tromso.no)";
        plan.plan.periods.push_back({domain::Arena::institution, "UNN Tromsø",
                                     *domain::Date::parse_iso("2027-01-01"),
                                     *domain::Date::parse_iso("2027-12-31"), 100});
        plan.plan.courses = "- Kurs i akuttmedisin\n# 3 | Legevakt";
        return w.education_plans().add_revision(plan);
    });
    const std::string target = "/personer/" + std::to_string(ase) + "/utdanningsplan.pdf";
    const auto r = get(target, "leder@tromso.no");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(r[http::field::content_type], "application/pdf");
    testing::save_first_page_png(r.body(), "education-plan");
    const std::string text = testing::pdf_text(r.body());
    EXPECT_NE(text.find("Åse Ærlig Øvrebø"), std::string::npos) << text;
    EXPECT_NE(text.find("UNN Tromsø"), std::string::npos);
    EXPECT_NE(text.find("01.01.2027"), std::string::npos);
    EXPECT_NE(text.find("Tora Leder"), std::string::npos) << "the revision's author";
    // The free text as written, line by line: its '-', '#' and '|' are text, not markup.
    EXPECT_NE(text.find("- Kurs i akuttmedisin"), std::string::npos) << text;
    EXPECT_NE(text.find("# 3 | Legevakt"), std::string::npos) << text;
    EXPECT_NE(text.find("Underskrifter"), std::string::npos);
    EXPECT_EQ(testing::pdf_info(r.body())["Title"],
              "Individuell utdanningsplan for Åse Ærlig Øvrebø");

    EXPECT_EQ(get(target, "ase@lege.no").result(), http::status::ok) << "her own plan";
    EXPECT_EQ(get(target, "leder@bergen.no").result(), http::status::forbidden)
        << "the former employer no longer reads the record";
    const auto page = get("/personer/" + std::to_string(ase) + "/utdanningsplan", "ase@lege.no");
    EXPECT_NE(page.body().find("href=\"" + target + "\""), std::string::npos);
}

TEST_F(ServiceCertificates, TheAgreementWithASupervisorFromAnotherMunicipality) {
    std::int64_t registration = 0;
    server.database().write([&](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Øystein Veileder";
        const auto person = w.people().add(p);
        domain::Supervisor s;
        s.person_id = person;
        s.municipality_number = "5501";
        s.office = "Kvaløya legekontor";
        s.home_municipality_number = "4601";
        s.agreement_reference = "Avtale 2026/17";
        s.agreement_date = domain::Date::parse_iso("2026-01-15");
        s.registered_on = *domain::Date::parse_iso("2026-01-15");
        registration = w.supervisors().add(s);
        domain::SupervisorAssignment a;
        a.supervisor_person_id = person;
        a.trainee_person_id = ase;
        a.starts_on = *domain::Date::parse_iso("2026-02-01");
        return w.supervisors().add_assignment(a);
    });
    const std::string target =
        "/kommuner/5501/veiledere/" + std::to_string(registration) + "/veiledningsavtale.pdf";
    const auto r = get(target, "leder@tromso.no");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    testing::save_first_page_png(r.body(), "supervision-agreement");
    const std::string text = testing::pdf_text(r.body());
    EXPECT_NE(text.find("Veiledningsavtale"), std::string::npos);
    EXPECT_NE(text.find("Tromsø kommune"), std::string::npos) << text;
    EXPECT_NE(text.find("Øystein Veileder"), std::string::npos);
    EXPECT_NE(text.find("Kvaløya legekontor"), std::string::npos);
    EXPECT_NE(text.find("Bergen"), std::string::npos) << "the home municipality";
    EXPECT_NE(text.find("Avtale 2026/17, 15.01.2026"), std::string::npos) << text;
    EXPECT_NE(text.find("Åse Ærlig Øvrebø"), std::string::npos) << "the trainee supervised";
    EXPECT_NE(text.find("01.02.2026"), std::string::npos);
    EXPECT_EQ(testing::pdf_info(r.body())["Title"], "Veiledningsavtale med Øystein Veileder");

    EXPECT_EQ(get(target, "leder@bergen.no").result(), http::status::forbidden);
    EXPECT_EQ(get("/kommuner/5501/veiledere/" + std::to_string(registration + 100) +
                      "/veiledningsavtale.pdf",
                  "leder@tromso.no")
                  .result(),
              http::status::not_found);
    const auto page = get("/kommuner/5501/veiledere", "leder@tromso.no").body();
    EXPECT_NE(page.find("href=\"" + target + "\""), std::string::npos);
}

TEST_F(ServiceCertificates, TheGeneralPlanAsPdfIsPublicLikeItsPage) {
    server.database().write([&](store::UnitOfWork& w) {
        domain::LearningArena a;
        a.municipality_number = "4601";
        a.name = "Åsane legesenter";
        a.offers = "Fastlegepraksis\nLegevakt";
        w.municipalities().add_learning_arena(a);
        domain::PlanResponsibility r;
        r.municipality_number = "4601";
        r.area = "Veiledning";
        r.responsible = "Kommuneoverlegen";
        return w.municipalities().add_responsibility(r);
    });
    const auto r = client::get(server.port(), "/kommuner/4601/utdanningsplan.pdf");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    const std::string text = testing::pdf_text(r.body());
    EXPECT_NE(text.find("Bergen"), std::string::npos);
    EXPECT_NE(text.find("Åsane legesenter"), std::string::npos) << text;
    EXPECT_NE(text.find("Fastlegepraksis; Legevakt"), std::string::npos) << text;
    EXPECT_NE(text.find("Kommuneoverlegen"), std::string::npos);
    EXPECT_EQ(client::get(server.port(), "/kommuner/9999/utdanningsplan.pdf").result(),
              http::status::not_found);
    EXPECT_NE(client::get(server.port(), "/kommuner/4601/utdanningsplan")
                  .body()
                  .find("href=\"/kommuner/4601/utdanningsplan.pdf\""),
              std::string::npos);
}

TEST(DocumentCommand, RendersTheCertificateAndRefusesBadInputInOneLine) {
    testing::TempDir dir;
    const std::string url = dir.sqlite_url();
    std::int64_t ase = 0;
    std::int64_t bergen = 0;
    std::int64_t tromso = 0;
    {
        auto app = testing::open_app(url);
        testing::add_municipality(app->database(), "4601", "Bergen", "Bergen");
        testing::add_municipality(app->database(), "5501", "Tromsø", "Bodø");
        add_ase(app->database(), ase, bergen, tromso);
    }
    const std::string out = (dir.path() / "attest.pdf").string();
    const auto base = [&](std::vector<std::string> more) {
        std::vector<std::string> args{"document", "render", "--db", url, "--out", out};
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };
    auto r =
        testing::run_alis(base({"--kind", "service-certificate", "--person", std::to_string(ase),
                                "--employment", std::to_string(bergen), "--issuer", "Kari Leder"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream file(out, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    const std::string text = testing::pdf_text(bytes.str());
    EXPECT_NE(text.find("Åse Ærlig Øvrebø"), std::string::npos);
    EXPECT_NE(text.find("24,00"), std::string::npos);
    EXPECT_NE(text.find("av Kari Leder"), std::string::npos) << text;

    r = testing::run_alis(base({"--kind", "education-plan", "--person", std::to_string(ase)}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream plan_file(out, std::ios::binary);
    std::stringstream plan_bytes;
    plan_bytes << plan_file.rdbuf();
    EXPECT_NE(testing::pdf_text(plan_bytes.str()).find("Det er ikke laget noen utdanningsplan"),
              std::string::npos);

    r = testing::run_alis(base({"--kind", "general-plan", "--municipality", "4601"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream general_file(out, std::ios::binary);
    std::stringstream general_bytes;
    general_bytes << general_file.rdbuf();
    EXPECT_NE(testing::pdf_text(general_bytes.str()).find("Bergen"), std::string::npos);

    std::filesystem::remove(out);
    for (const auto& bad : std::vector<std::vector<std::string>>{
             {"--kind", "nonsense", "--person", "1", "--employment", "1"},
             {"--kind", "service-certificate", "--person", std::to_string(ase)},
             {"--kind", "service-certificate", "--person", std::to_string(ase), "--employment",
              std::to_string(bergen + 1000)},
             {"--kind", "education-plan", "--person", std::to_string(ase + 1000)},
             {"--kind", "alis-agreement", "--person", std::to_string(ase)},
             {"--kind", "supervision-agreement", "--municipality", "5501"},
             {"--kind", "general-plan", "--municipality", "9999"},
             {"--kind", "general-plan"},
             {"--kind", "supervision-agreement", "--municipality", "5501", "--supervisor", "7"},
         }) {
        r = testing::run_alis(base(bad));
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_TRUE(testing::is_one_error_line(r)) << r.err;
        EXPECT_FALSE(std::filesystem::exists(out)) << "nothing written for bad input";
    }
    r = testing::run_alis(
        {"document", "render", "--db", "sqlite:" + (dir.path() / "no.db").string(), "--kind",
         "service-certificate", "--person", "1", "--employment", "1", "--out", out});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(testing::is_one_error_line(r)) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "no.db")) << "no empty database made";
}

}  // namespace documents_test
}  // namespace alis::web
