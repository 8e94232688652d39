// Journey 4: the individual education plan. Revisions through the form and the JSON API, every
// validation rule, the history with what changed, the revision that falls due after 12 months
// (on the plan page and in the leader's overview), the ledger projected on the plan, and who may
// read and revise it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/money_fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace education_plan_test {

using testing::kTestPassword;
namespace client = testing::client;
namespace json = boost::json;

// A valid plan as a form body: open practice until the end of 2027, institution service the first
// half of 2028, open practice to the end of 2029.
const std::string kPlanForm =
    "period_1_arena=open_general_practice&period_1_place=Legekontoret+Sentrum"
    "&period_1_from=23.11.2026&period_1_to=31.12.2027&period_1_fte=100"
    "&period_2_arena=institution&period_2_place=Haukeland"
    "&period_2_from=01.01.2028&period_2_to=30.06.2028&period_2_fte=100"
    "&period_3_arena=open_general_practice&period_3_place=Legekontoret+Sentrum"
    "&period_3_from=01.07.2028&period_3_to=31.12.2029&period_3_fte=100"
    "&supervision_group=Gruppe+Bergen+Nord&courses=Grunnkurs+A"
    "&next_months=Fortsette+p%C3%A5+listen";

class EducationPlan : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        trainee = testing::add_trainee(db, "Egen Lege", "4601");
        const auto supervisor = testing::add_trainee(db, "Veileder Bergen", "4601");
        testing::assign_supervisor(db, supervisor, trainee);
        // Signed in time, so that the overview's only warnings are the plan's.
        testing::add_signed_agreement(db, trainee, "2024-01-01", "2023-12-01");
        testing::add_account(server.app(), "trainee@a.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, trainee);
        testing::add_account(server.app(), "supervisor@a.no", domain::Role::supervisor,
                             std::nullopt, std::nullopt, supervisor);
        testing::add_account(server.app(), "leader@a.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "office@a.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "leader@b.no", domain::Role::leader, "5501");
        testing::add_account(server.app(), "national@a.no", domain::Role::national);
        testing::add_account(server.app(), "admin@a.no", domain::Role::admin);
    }

    unsigned short port() { return server.port(); }
    client::SignedIn sign_in(const std::string& email) {
        auto session = client::login(port(), email, kTestPassword);
        EXPECT_TRUE(session) << email;
        return session.value_or(client::SignedIn{});
    }
    std::string plan_path() const {
        return "/personer/" + std::to_string(trainee) + "/utdanningsplan";
    }
    std::string api_path() const {
        return "/api/v1/people/" + std::to_string(trainee) + "/education-plan";
    }
    client::Response post_form(const client::SignedIn& who, const std::string& body) {
        return client::request(port(), http::verb::post, plan_path() + "/revider", body,
                               "application/x-www-form-urlencoded", who.post_headers(port()));
    }
    client::Response post_json(const client::SignedIn& who, const std::string& body) {
        return client::request(port(), http::verb::post, api_path() + "/revisions", body,
                               "application/json", who.post_headers(port()));
    }
    std::size_t revisions() {
        return server.database()
            .read(
                [&](const store::Snapshot& s) { return s.education_plans().revisions_of(trainee); })
            .size();
    }
    int revision_audits() {
        int count = 0;
        for (const auto& e : server.database().read(
                 [&](const store::Snapshot& s) { return s.audit().events_about(trainee, 1000); })) {
            count += e.action == "education_plan.revised" ? 1 : 0;
        }
        return count;
    }
    json::value overview_warning() {
        const auto leader = sign_in("leader@a.no");
        const auto r =
            client::get(port(), "/api/v1/municipalities/4601/trainees", leader.headers());
        EXPECT_EQ(r.result(), http::status::ok);
        const auto doc = json::parse(r.body());
        for (const auto& t : doc.at("trainees").as_array()) {
            if (t.at("person_id").as_int64() == trainee) {
                return t.at("warning");
            }
        }
        ADD_FAILURE() << "the trainee is not in the overview";
        return {};
    }

    testing::TestServer server;
    std::int64_t trainee = 0;
};

// The text of the validation message shown next to `field`, or "" when there is none.
std::string message_next_to(const std::string& html, const std::string& field) {
    const std::string start = "<p class=\"ds-validation-message\" id=\"" + field + "-error\">";
    const auto at = html.find(start);
    if (at == std::string::npos) {
        return {};
    }
    const auto from = at + start.size();
    return html.substr(from, html.find("</p>", from) - from);
}

TEST_F(EducationPlan, EveryValidationRuleShowsItsMessageNextToTheFieldAndStoresNothing) {
    struct Case {
        std::string name;
        std::string body;
        std::string field;
        std::string message;  // The start of the expected message.
        std::string kept;     // Typed text that must come back in the form.
    };
    const std::string row = "period_1_arena=open_general_practice&period_1_place=Kontoret";
    const std::vector<Case> cases = {
        {"a date that does not exist",
         row + "&period_1_from=31.02.2027&period_1_to=01.03.2027"
               "&period_1_fte=100",
         "period_1_from", "Skriv datoen som dd.mm.åååå", "31.02.2027"},
        {"to before from",
         row + "&period_1_from=01.03.2027&period_1_to=28.02.2027&period_1_fte=100", "period_1_to",
         "Til-datoen kan ikke være før fra-datoen (01.03.2027)", "28.02.2027"},
        {"position 0", row + "&period_1_from=01.03.2027&period_1_to=31.03.2027&period_1_fte=0",
         "period_1_fte", "Skriv et helt tall fra 1 til 100", "value=\"0\""},
        {"position 101", row + "&period_1_from=01.03.2027&period_1_to=31.03.2027&period_1_fte=101",
         "period_1_fte", "Skriv et helt tall fra 1 til 100", "101"},
        {"over 100 % at the same time",
         row + "&period_1_from=01.03.2027&period_1_to=31.12.2027&period_1_fte=60"
               "&period_2_arena=other_general_practice&period_2_place=Legevakten"
               "&period_2_from=01.06.2027&period_2_to=30.06.2027&period_2_fte=50",
         "period_2_fte", "Planlagte perioder er til sammen 110 % stilling 01.06.2027",
         "Legevakten"},
        {"a place that is too long",
         "period_1_arena=institution&period_1_place=" + std::string(201, 'x') +
             "&period_1_from=01.03.2027&period_1_to=31.03.2027&period_1_fte=100",
         "period_1_place", "Bruk høyst 200 tegn", std::string(201, 'x')},
        {"a row without a place",
         "period_1_arena=institution&period_1_from=01.03.2027&period_1_to=31.03.2027"
         "&period_1_fte=100",
         "period_1_place", "Fyll ut dette feltet", "01.03.2027"},
        {"an unknown arena",
         "period_1_arena=sykehjem&period_1_place=Kontoret&period_1_from=01.03.2027"
         "&period_1_to=31.03.2027&period_1_fte=100",
         "period_1_arena", "Velg et av alternativene", "Kontoret"},
        {"a plan for the next months that is too long",
         row + "&period_1_from=01.03.2027&period_1_to=31.03.2027&period_1_fte=100&next_months=" +
             std::string(8001, 'y'),
         "next_months", "Bruk høyst 8000 tegn", std::string(8001, 'y')},
        {"no planned period", "courses=Grunnkurs+A", "period_1_arena",
         "Legg inn minst én planlagt periode", "Grunnkurs A"},
    };
    const auto leader = sign_in("leader@a.no");
    for (const auto& c : cases) {
        const auto r = post_form(leader, c.body);
        EXPECT_EQ(r.result(), http::status::unprocessable_entity) << c.name;
        const std::string html = r.body();
        EXPECT_TRUE(message_next_to(html, c.field).starts_with(c.message))
            << c.name << ": next to " << c.field << " is «" << message_next_to(html, c.field)
            << "»";
        EXPECT_NE(html.find("id=\"" + c.field + "\""), std::string::npos) << c.name;
        EXPECT_TRUE(
            std::regex_search(html, std::regex("aria-describedby=\"[^\"]*" + c.field + "-error\"")))
            << c.name << ": the field points at its message";
        EXPECT_NE(html.find("class=\"ds-error-summary\""), std::string::npos) << c.name;
        EXPECT_NE(html.find("href=\"#" + c.field + "\""), std::string::npos) << c.name;
        EXPECT_NE(html.find(c.kept), std::string::npos) << c.name << ": the input is kept";
        EXPECT_EQ(html.find("id=\"courses-error\""), std::string::npos)
            << c.name << ": a field without an error shows none";
        EXPECT_EQ(revisions(), 0u) << c.name;
        EXPECT_EQ(revision_audits(), 0) << c.name;
    }
}

TEST_F(EducationPlan, RevisionsAreKeptWithWhoWhenAndWhatChanged) {
    const auto trainee_session = sign_in("trainee@a.no");
    const auto first = post_form(trainee_session, kPlanForm);
    ASSERT_EQ(first.result(), http::status::see_other) << first.body();
    EXPECT_EQ(first[http::field::location], plan_path() + "?lagret=1");
    EXPECT_EQ(revisions(), 1u);
    EXPECT_EQ(revision_audits(), 1);

    // The leader moves the institution service a month later, changes the courses and notes why.
    std::string second_body = kPlanForm;
    second_body.replace(second_body.find("period_1_to=31.12.2027"), 22, "period_1_to=31.01.2028");
    second_body.replace(second_body.find("period_2_from=01.01.2028"), 24,
                        "period_2_from=01.02.2028");
    second_body.replace(second_body.find("period_2_to=30.06.2028"), 22, "period_2_to=31.07.2028");
    second_body.replace(second_body.find("period_3_from=01.07.2028"), 24,
                        "period_3_from=01.08.2028");
    second_body.replace(second_body.find("Grunnkurs+A"), 11, "Grunnkurs+B");
    second_body += "&note=Sykehuset+hadde+ikke+plass+i+januar";
    const auto leader = sign_in("leader@a.no");
    ASSERT_EQ(post_form(leader, second_body).result(), http::status::see_other);
    EXPECT_EQ(revisions(), 2u);
    EXPECT_EQ(revision_audits(), 2);

    const auto page = client::get(port(), plan_path(), leader.headers());
    ASSERT_EQ(page.result(), http::status::ok);
    const std::string html = page.body();
    EXPECT_NE(html.find("Revisjon 2, 22.11.2026"), std::string::npos);
    EXPECT_NE(html.find("Av leader (leader@a.no)"), std::string::npos);
    EXPECT_NE(html.find("Av trainee (trainee@a.no)"), std::string::npos);
    EXPECT_NE(html.find("Planen ble laget."), std::string::npos);
    EXPECT_NE(html.find("Fjernet periode: Institusjonstjeneste, Haukeland, "
                        "01.01.2028–30.06.2028, 100 %"),
              std::string::npos);
    EXPECT_NE(
        html.find("Ny periode: Institusjonstjeneste, Haukeland, 01.02.2028–31.07.2028, 100 %"),
        std::string::npos);
    EXPECT_NE(html.find("Kurs endret."), std::string::npos);
    EXPECT_EQ(html.find("Veiledningsgruppe endret."), std::string::npos) << "it did not change";
    EXPECT_NE(html.find("Sykehuset hadde ikke plass i januar"), std::string::npos);

    const auto api = client::get(port(), api_path() + "/revisions", leader.headers());
    ASSERT_EQ(api.result(), http::status::ok);
    const auto list = json::parse(api.body()).at("revisions").as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("number").as_int64(), 1);
    EXPECT_EQ(list[0].at("changes").as_array()[0].at("kind").as_string(), "created");
    std::vector<std::string> kinds;
    for (const auto& c : list[1].at("changes").as_array()) {
        kinds.emplace_back(c.at("kind").as_string());
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"period_removed", "period_removed", "period_removed",
                                               "period_added", "period_added", "period_added",
                                               "courses"}));
    EXPECT_EQ(list[1].at("author").at("label").as_string(), "leader (leader@a.no)");
}

TEST_F(EducationPlan, TheFormIsPrefilledWithTheCurrentPlanAndCanGrowByARow) {
    const auto leader = sign_in("leader@a.no");
    ASSERT_EQ(post_form(leader, kPlanForm).result(), http::status::see_other);
    const auto form = client::get(port(), plan_path() + "/revider", leader.headers());
    ASSERT_EQ(form.result(), http::status::ok);
    EXPECT_NE(form.body().find("value=\"01.01.2028\""), std::string::npos);
    EXPECT_NE(form.body().find("Gruppe Bergen Nord</textarea>"), std::string::npos);
    EXPECT_NE(form.body().find("id=\"period_5_place\""), std::string::npos) << "two spare rows";
    EXPECT_EQ(form.body().find("id=\"period_6_place\""), std::string::npos);
    const auto grown = post_form(leader, kPlanForm + "&rows=5&add_row=1");
    ASSERT_EQ(grown.result(), http::status::ok);
    EXPECT_NE(grown.body().find("id=\"period_6_place\""), std::string::npos);
    EXPECT_EQ(revisions(), 1u) << "adding a row saves nothing";
}

TEST_F(EducationPlan, ARevisionFallsDueAfterTwelveMonthsAndTheOverviewWarns) {
    EXPECT_EQ(overview_warning(), json::value("no_plan"));
    const auto leader = sign_in("leader@a.no");
    ASSERT_EQ(post_form(leader, kPlanForm).result(), http::status::see_other);
    EXPECT_TRUE(overview_warning().is_null());
    auto page = client::get(port(), plan_path(), leader.headers());
    EXPECT_NE(page.body().find("Neste revisjon senest 22.11.2027."), std::string::npos);

    server.advance_clock(364 * 86400);  // 21.11.2027: not yet due.
    EXPECT_TRUE(overview_warning().is_null());
    server.advance_clock(86400);  // 22.11.2027: a year after the revision.
    EXPECT_EQ(overview_warning(), json::value("plan_revision_due"));
    const auto again = sign_in("leader@a.no");
    page = client::get(port(), plan_path(), again.headers());
    EXPECT_NE(page.body().find("Planen skulle vært revidert senest 22.11.2027."),
              std::string::npos);
    const auto overview = client::get(port(), "/kommuner/4601/oversikt", again.headers());
    EXPECT_NE(overview.body().find("Utdanningsplanen er ikke revidert på 12 måneder"),
              std::string::npos);

    // A new revision (even without changes) makes it current again.
    ASSERT_EQ(post_form(again, kPlanForm).result(), http::status::see_other);
    EXPECT_TRUE(overview_warning().is_null());
    page = client::get(port(), plan_path(), again.headers());
    EXPECT_NE(page.body().find("Ingen endringer; planen er gjennomgått."), std::string::npos);
}

TEST_F(EducationPlan, InstitutionServiceInThePlanCountsAsPlanned) {
    const auto leader = sign_in("leader@a.no");
    std::string without = kPlanForm;
    without.replace(without.find("period_2_arena=institution"), 26,
                    "period_2_arena=open_general_practice");
    ASSERT_EQ(post_form(leader, without).result(), http::status::see_other);
    EXPECT_EQ(overview_warning(), json::value("institution_not_planned"));
    ASSERT_EQ(post_form(leader, kPlanForm).result(), http::status::see_other);
    EXPECT_TRUE(overview_warning().is_null());
}

TEST_F(EducationPlan, TheLedgerProjectsOnThePlan) {
    // Hand-worked: open practice 100 % since 01.01.2024 counts 34 22/30 months by 22.11.2026.
    // Without the plan the path has no institution service and never completes. With it:
    // 23.11.2026-31.12.2027 adds 13 8/30 (48 in all), institution service the first half of 2028
    // adds 6 (54, institution met 30.06.2028), and the last 6 months come from open practice
    // from 01.07.2028: every requirement is met on 31.12.2028.
    const auto leader = sign_in("leader@a.no");
    ASSERT_EQ(post_form(leader, kPlanForm).result(), http::status::see_other);
    const auto r = client::get(port(), api_path(), leader.headers());
    ASSERT_EQ(r.result(), http::status::ok);
    const auto doc = json::parse(r.body());
    EXPECT_TRUE(doc.at("projected_completion_without_plan").is_null());
    EXPECT_EQ(doc.at("projected_completion"), json::value("2028-12-31"));
    EXPECT_EQ(doc.at("at_plan_end").at("as_of"), json::value("2029-12-31"));
    EXPECT_EQ(doc.at("at_plan_end").at("complete"), json::value(true));
    for (const auto& y : doc.at("years").as_array()) {
        if (y.at("year").as_int64() == 2026) {
            EXPECT_EQ(y.at("actual").at("open_general_practice").to_number<double>(), 10.73);
            EXPECT_EQ(y.at("planned").at("open_general_practice").to_number<double>(), 1.27);
        }
        if (y.at("year").as_int64() == 2028) {
            EXPECT_EQ(y.at("planned").at("institution").to_number<double>(), 6.0);
            EXPECT_EQ(y.at("planned").at("open_general_practice").to_number<double>(), 6.0);
            EXPECT_EQ(y.at("actual").at("open_general_practice").to_number<double>(), 0.0);
        }
    }
    const auto page = client::get(port(), plan_path(), leader.headers());
    EXPECT_NE(page.body().find("forventet ferdig 31.12.2028."), std::string::npos);
    EXPECT_NE(page.body().find("planen oppfyller ikke alle kravene"), std::string::npos)
        << "the projection without the plan";
}

TEST_F(EducationPlan, TheTraineeTheSupervisorAndTheLeaderMayReviseOthersMayNot) {
    const std::string body = R"({"periods": [{"arena": "institution", "place": "Haukeland",
        "from": "2027-01-01", "to": "2027-06-30", "fte": 100}]})";
    const std::map<std::string, http::status> revise = {
        {"trainee@a.no", http::status::created},  {"supervisor@a.no", http::status::created},
        {"leader@a.no", http::status::created},   {"office@a.no", http::status::forbidden},
        {"leader@b.no", http::status::forbidden}, {"national@a.no", http::status::forbidden},
        {"admin@a.no", http::status::forbidden},
    };
    for (const auto& [email, status] : revise) {
        const auto session = sign_in(email);
        EXPECT_EQ(post_json(session, body).result(), status) << email;
        EXPECT_EQ(client::get(port(), plan_path() + "/revider", session.headers()).result(),
                  status == http::status::created ? http::status::ok : http::status::forbidden)
            << email;
    }
    EXPECT_EQ(revisions(), 3u);
    const std::map<std::string, http::status> read = {
        {"trainee@a.no", http::status::ok},       {"supervisor@a.no", http::status::ok},
        {"leader@a.no", http::status::ok},        {"office@a.no", http::status::ok},
        {"leader@b.no", http::status::forbidden}, {"national@a.no", http::status::forbidden},
        {"admin@a.no", http::status::forbidden},
    };
    for (const auto& [email, status] : read) {
        const auto session = sign_in(email);
        for (const auto& path :
             {plan_path(), plan_path() + "/utskrift", api_path(), api_path() + "/revisions"}) {
            EXPECT_EQ(client::get(port(), path, session.headers()).result(), status)
                << email << " " << path;
        }
    }
    // The read-only regional office is not offered the revision form.
    const auto office = client::get(port(), plan_path(), sign_in("office@a.no").headers());
    EXPECT_EQ(office.body().find("/revider"), std::string::npos);
    const auto leader = client::get(port(), plan_path(), sign_in("leader@a.no").headers());
    EXPECT_NE(leader.body().find("/revider"), std::string::npos);
}

TEST_F(EducationPlan, TheJsonApiAnswers201Or422) {
    const auto leader = sign_in("leader@a.no");
    const auto bad = post_json(leader, R"({"periods": [
        {"arena": "institution", "place": "Haukeland", "from": "2027-07-01", "to": "2027-06-30",
         "fte": 100}], "courses": "A"})");
    ASSERT_EQ(bad.result(), http::status::unprocessable_entity);
    const auto error = json::parse(bad.body()).at("error");
    EXPECT_EQ(error.at("code"), json::value("invalid_input"));
    EXPECT_EQ(error.at("field"), json::value("periods[0].to"));
    EXPECT_EQ(error.at("fields").as_array().size(), 1u);
    EXPECT_EQ(post_json(leader, R"({"courses": "A"})").result(),
              http::status::unprocessable_entity);
    EXPECT_EQ(post_json(leader, R"({"periods": "none"})").result(),
              http::status::unprocessable_entity);
    EXPECT_EQ(revisions(), 0u);
    EXPECT_EQ(revision_audits(), 0);

    const auto good = post_json(leader, R"({"periods": [
        {"arena": "institution", "place": "Haukeland", "from": "2027-01-01", "to": "2027-06-30",
         "fte": 100},
        {"arena": "open_general_practice", "place": "Sentrum", "from": "01.07.2027",
         "to": "31.12.2029", "fte": "80"}],
        "supervision_group": "Gruppe 1", "courses": "A\nB", "next_months": "", "note": "Ny"})");
    ASSERT_EQ(good.result(), http::status::created) << good.body();
    EXPECT_EQ(good[http::field::location], "/api/v1/people/" + std::to_string(trainee));
    const auto created = json::parse(good.body());
    EXPECT_EQ(created.at("number").as_int64(), 1);
    EXPECT_EQ(created.at("revised_on"), json::value("2026-11-22"));
    EXPECT_EQ(created.at("plan").at("courses"), json::value("A\nB"));
    EXPECT_EQ(created.at("plan").at("periods").as_array()[1].at("fte").as_int64(), 80);
    EXPECT_EQ(created.at("changes").as_array()[0].at("kind"), json::value("created"));
    EXPECT_EQ(revisions(), 1u);
    EXPECT_EQ(revision_audits(), 1);
    const auto current = json::parse(client::get(port(), api_path(), leader.headers()).body());
    EXPECT_EQ(current.at("plan").at("number").as_int64(), 1);
    EXPECT_EQ(current.at("revision_due"), json::value("2027-11-22"));
    EXPECT_EQ(current.at("revision_overdue"), json::value(false));
}

TEST_F(EducationPlan, ThePrintViewHasThePlanAndSignatureLinesWithoutNavigation) {
    const auto leader = sign_in("leader@a.no");
    ASSERT_EQ(post_form(leader, kPlanForm).result(), http::status::see_other);
    const auto r = client::get(port(), plan_path() + "/utskrift", leader.headers());
    ASSERT_EQ(r.result(), http::status::ok);
    const std::string html = r.body();
    EXPECT_NE(html.find("Haukeland"), std::string::npos);
    EXPECT_NE(html.find("Lege i spesialisering: Egen Lege"), std::string::npos);
    EXPECT_NE(html.find(">Veileder<"), std::string::npos);
    EXPECT_NE(html.find(">Leder<"), std::string::npos);
    EXPECT_EQ(html.find("Revisjoner"), std::string::npos) << "no history in the document";
    // The stylesheet hides the header, the footer and the page's own links when printing.
    const auto css = client::get(port(), "/static/alis.css");
    EXPECT_NE(css.body().find(".alis-no-print"), std::string::npos);
}

TEST_F(EducationPlan, ThePersonPageLinksToThePlan) {
    const auto trainee_session = sign_in("trainee@a.no");
    const auto r =
        client::get(port(), "/personer/" + std::to_string(trainee), trainee_session.headers());
    EXPECT_NE(r.body().find("href=\"" + plan_path() + "\""), std::string::npos);
}

}  // namespace education_plan_test
}  // namespace alis::web
