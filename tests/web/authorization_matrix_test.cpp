// Every registered route x every role x a resource owned by another municipality. A route must be
// classified here, so a new route without a considered access rule fails this suite.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "app/hashing.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace authorization_matrix_test {

using testing::kTestPassword;
using testing::TestServer;
namespace client = testing::client;

// How a route may be reached, as this suite expects it.
enum class Expect {
    public_route,  // Anyone, signed in or not.
    own_account,   // Any signed-in account, about itself only (no resource in the path).
    person,        // A person's record: foreign resources must give 403/404 to every role.
    admin_only,    // Accounts administration: admin only, 403 to every other role.
    municipality,  // A municipality's overview: its leader and its regional office only.
    leader_only,   // Writes for a municipality: its leader only, never the regional office.
    region,        // A regional office's page: that office, and the national authority.
    aggregates,    // The country's figures, never person-level: leaders, offices, national.
    participant,   // A supervision meeting's trainee or veileder: never the leader or others.
    veileder,      // The meeting's veileder alone (closing it).
    own_trainee,   // The doctor in training about their own record alone (their courses).
    clinical,      // The supervisør asked to sign off an activity, by their address.
};

// The token of the calendar address the fixture makes.
const std::string kCalendarToken(64, 'c');

const std::map<std::string, Expect> kRoutes = {
    {"GET /", Expect::public_route},
    {"GET /api/v1/municipalities", Expect::public_route},
    {"GET /api/v1/openapi.json", Expect::public_route},
    {"GET /kommuner/{number}/utdanningsplan.pdf", Expect::public_route},
    {"GET /healthz", Expect::public_route},
    {"GET /readyz", Expect::public_route},
    {"GET /static/{name}", Expect::public_route},
    {"GET /static/{hash}/{name}", Expect::public_route},
    {"GET /logg-inn", Expect::public_route},
    {"POST /logg-inn", Expect::public_route},
    {"POST /logg-ut", Expect::own_account},
    {"GET /bekreft-passord", Expect::own_account},
    {"POST /bekreft-passord", Expect::own_account},
    {"GET /meg", Expect::own_account},
    {"GET /meg/innsyn", Expect::own_account},
    {"POST /meg/varsler", Expect::own_account},
    {"GET /api/v1/me", Expect::own_account},
    {"GET /api/v1/me/access-log", Expect::own_account},
    {"GET /api/v1/me/tasks", Expect::own_account},
    {"GET /api/v1/me/digest", Expect::own_account},
    {"PUT /api/v1/me/digest", Expect::own_account},
    {"GET /admin/kontoer", Expect::admin_only},
    {"POST /admin/kontoer/{account:id}/deaktiver", Expect::admin_only},
    {"GET /admin/maler", Expect::admin_only},
    {"GET /admin/maler/{kind}", Expect::admin_only},
    {"POST /admin/maler/{kind}", Expect::admin_only},
    {"GET /personer/{person:id}", Expect::person},
    {"GET /api/v1/people/{person:id}", Expect::person},
    {"GET /personer/{person:id}/utdanningsplan", Expect::person},
    {"GET /personer/{person:id}/utdanningsplan/utskrift", Expect::person},
    {"GET /personer/{person:id}/utdanningsplan.pdf", Expect::person},
    {"GET /personer/{person:id}/utdanningsplan/revider", Expect::person},
    {"POST /personer/{person:id}/utdanningsplan/revider", Expect::person},
    {"GET /api/v1/people/{person:id}/education-plan", Expect::person},
    {"GET /api/v1/people/{person:id}/education-plan/revisions", Expect::person},
    {"POST /api/v1/people/{person:id}/education-plan/revisions", Expect::person},
    {"GET /kommuner/{number}/oversikt", Expect::municipality},
    {"GET /kommuner/{number}/oversikt.csv", Expect::municipality},
    {"GET /kommuner/{number}/oversikt.xlsx", Expect::municipality},
    {"GET /api/v1/municipalities/{number}/trainees", Expect::municipality},
    {"GET /kommuner/{number}/leger/ny", Expect::leader_only},
    {"POST /kommuner/{number}/leger/ny", Expect::leader_only},
    {"POST /api/v1/municipalities/{number}/trainees", Expect::leader_only},
    {"GET /personer/{person:id}/ansettelser/ny", Expect::person},
    {"POST /personer/{person:id}/ansettelser/ny", Expect::person},
    {"POST /api/v1/people/{person:id}/employments", Expect::person},
    {"GET /personer/{person:id}/tjenesteperioder/ny", Expect::person},
    {"POST /personer/{person:id}/tjenesteperioder/ny", Expect::person},
    {"POST /api/v1/people/{person:id}/service-periods", Expect::person},
    {"GET /personer/{person:id}/permisjoner/ny", Expect::person},
    {"POST /personer/{person:id}/permisjoner/ny", Expect::person},
    {"POST /api/v1/people/{person:id}/leaves", Expect::person},
    // Corrections of the records: the same access as adding them.
    {"GET /personer/{person:id}/ansettelser/{employment:id}", Expect::person},
    {"POST /personer/{person:id}/ansettelser/{employment:id}", Expect::person},
    {"GET /personer/{person:id}/ansettelser/{employment:id}/fjern", Expect::person},
    {"POST /personer/{person:id}/ansettelser/{employment:id}/fjern", Expect::person},
    {"PUT /api/v1/people/{person:id}/employments/{employment:id}", Expect::person},
    {"GET /personer/{person:id}/ansettelser/{employment:id}/avslutning", Expect::person},
    {"POST /personer/{person:id}/ansettelser/{employment:id}/avslutning", Expect::person},
    {"PUT /api/v1/people/{person:id}/employments/{employment:id}/departure", Expect::person},
    {"GET /personer/{person:id}/ansettelser/{employment:id}/tjenesteattest.pdf", Expect::person},
    {"DELETE /api/v1/people/{person:id}/employments/{employment:id}", Expect::person},
    {"GET /personer/{person:id}/tjenesteperioder/{period:id}", Expect::person},
    {"POST /personer/{person:id}/tjenesteperioder/{period:id}", Expect::person},
    {"GET /personer/{person:id}/tjenesteperioder/{period:id}/fjern", Expect::person},
    {"POST /personer/{person:id}/tjenesteperioder/{period:id}/fjern", Expect::person},
    {"PUT /api/v1/people/{person:id}/service-periods/{period:id}", Expect::person},
    {"DELETE /api/v1/people/{person:id}/service-periods/{period:id}", Expect::person},
    {"GET /personer/{person:id}/permisjoner/{leave:id}", Expect::person},
    {"POST /personer/{person:id}/permisjoner/{leave:id}", Expect::person},
    {"GET /personer/{person:id}/permisjoner/{leave:id}/fjern", Expect::person},
    {"POST /personer/{person:id}/permisjoner/{leave:id}/fjern", Expect::person},
    {"PUT /api/v1/people/{person:id}/leaves/{leave:id}", Expect::person},
    {"DELETE /api/v1/people/{person:id}/leaves/{leave:id}", Expect::person},
    // Supervisors (journey 5)
    {"GET /kommuner/{number}/veiledere", Expect::leader_only},
    {"GET /kommuner/{number}/veiledere/ny", Expect::leader_only},
    {"GET /kommuner/{number}/veiledere/{supervisor:id}/veiledningsavtale.pdf", Expect::leader_only},
    // The agreement with a registered supervisor: its leader, and the supervisor themselves (who
    // in this fixture has no supervisor account; signed_documents_test.cpp covers them).
    {"GET /kommuner/{number}/veiledere/{supervisor:id}/avtale", Expect::leader_only},
    {"POST /kommuner/{number}/veiledere/{supervisor:id}/avtale", Expect::leader_only},
    {"GET /kommuner/{number}/veiledere/{supervisor:id}/avtale/{document:id}", Expect::leader_only},
    {"GET /kommuner/{number}/veiledere/{supervisor:id}/avtale/{document:id}/dokument.pdf",
     Expect::leader_only},
    {"POST /kommuner/{number}/veiledere/{supervisor:id}/avtale/{document:id}/signer",
     Expect::leader_only},
    {"GET /api/v1/municipalities/{number}/supervisors/{supervisor:id}/documents",
     Expect::leader_only},
    {"POST /api/v1/municipalities/{number}/supervisors/{supervisor:id}/documents",
     Expect::leader_only},
    {"POST /api/v1/municipalities/{number}/supervisors/{supervisor:id}/documents/{document:id}/"
     "signatures",
     Expect::leader_only},
    {"POST /kommuner/{number}/veiledere/ny", Expect::leader_only},
    {"GET /kommuner/{number}/veiledere/kapasitet", Expect::leader_only},
    {"POST /kommuner/{number}/veiledere/kapasitet", Expect::leader_only},
    {"GET /api/v1/municipalities/{number}/supervisors", Expect::leader_only},
    {"POST /api/v1/municipalities/{number}/supervisors", Expect::leader_only},
    {"PUT /api/v1/municipalities/{number}/supervisor-capacity", Expect::leader_only},
    {"GET /personer/{person:id}/veileder", Expect::person},
    {"POST /personer/{person:id}/veileder", Expect::person},
    {"POST /api/v1/people/{person:id}/supervisor-assignments", Expect::person},
    {"GET /meg/veiledning", Expect::own_account},
    // Individual supervision (issue 14): readers of the record see the meetings; only the two
    // participants plan, change and add to them, and only the veileder closes one.
    {"GET /personer/{person:id}/laeringsmaal", Expect::person},
    {"GET /personer/{person:id}/laeringsmaal.csv", Expect::person},
    {"GET /personer/{person:id}/laeringsmaal.xlsx", Expect::person},
    {"GET /personer/{person:id}/laeringsmaal/{objective:id}", Expect::person},
    {"GET /personer/{person:id}/supervisorer", Expect::person},
    {"GET /api/v1/people/{person:id}/objectives", Expect::person},
    {"GET /api/v1/people/{person:id}/activities", Expect::person},
    {"GET /api/v1/people/{person:id}/clinical-supervisors", Expect::person},
    {"POST /personer/{person:id}/laeringsmaal/{objective:id}/be-om-godkjenning",
     Expect::participant},
    {"POST /personer/{person:id}/laeringsmaal/{objective:id}/trekk-tilbake", Expect::participant},
    {"POST /api/v1/people/{person:id}/objectives/{objective:id}/request", Expect::participant},
    {"POST /api/v1/people/{person:id}/objectives/{objective:id}/recall", Expect::participant},
    {"GET /personer/{person:id}/aktiviteter/ny", Expect::participant},
    {"POST /personer/{person:id}/aktiviteter/ny", Expect::participant},
    {"POST /api/v1/people/{person:id}/activities", Expect::participant},
    {"POST /personer/{person:id}/supervisorer", Expect::participant},
    {"POST /api/v1/people/{person:id}/clinical-supervisors", Expect::participant},
    {"POST /personer/{person:id}/supervisorer/{invitation:id}/trekk", Expect::participant},
    {"POST /api/v1/people/{person:id}/clinical-supervisors/{invitation:id}/withdrawal",
     Expect::participant},
    {"POST /personer/{person:id}/laeringsmaal/{objective:id}/rad", Expect::veileder},
    {"POST /api/v1/people/{person:id}/objectives/{objective:id}/advice", Expect::veileder},
    {"POST /personer/{person:id}/laeringsmaal/{objective:id}/avgjorelse", Expect::leader_only},
    {"POST /personer/{person:id}/laeringsmaal/{objective:id}/omgjor", Expect::leader_only},
    {"POST /api/v1/people/{person:id}/objectives/{objective:id}/decision", Expect::leader_only},
    {"POST /api/v1/people/{person:id}/objectives/{objective:id}/reversal", Expect::leader_only},
    {"GET /kommuner/{number}/godkjenninger", Expect::municipality},
    {"POST /personer/{person:id}/aktiviteter/{activity:id}/signering", Expect::participant},
    {"POST /api/v1/people/{person:id}/activities/{activity:id}/sign-requests", Expect::participant},
    {"POST /personer/{person:id}/aktiviteter/{activity:id}/signer", Expect::clinical},
    {"POST /api/v1/people/{person:id}/activities/{activity:id}/signature", Expect::clinical},
    {"POST /personer/{person:id}/aktiviteter/{activity:id}/vedlegg", Expect::participant},
    {"POST /api/v1/people/{person:id}/activities/{activity:id}/attachments", Expect::participant},
    {"GET /personer/{person:id}/aktiviteter/{activity:id}/vedlegg/{file:id}", Expect::person},
    {"GET /api/v1/people/{person:id}/activities/{activity:id}/attachments/{file:id}",
     Expect::person},
    {"GET /signering/{token}", Expect::public_route},
    {"POST /signering/{token}", Expect::public_route},
    {"GET /api/v1/municipalities/{number}/objective-requests", Expect::municipality},
    {"GET /personer/{person:id}/veiledning", Expect::person},
    {"GET /personer/{person:id}/veiledning/{meeting:id}", Expect::person},
    {"GET /api/v1/people/{person:id}/supervision-meetings", Expect::person},
    {"GET /personer/{person:id}/veiledning/ny", Expect::participant},
    {"POST /personer/{person:id}/veiledning/ny", Expect::participant},
    {"POST /api/v1/people/{person:id}/supervision-meetings", Expect::participant},
    {"GET /personer/{person:id}/veiledning/{meeting:id}/endre", Expect::participant},
    {"POST /personer/{person:id}/veiledning/{meeting:id}/endre", Expect::participant},
    {"PUT /api/v1/people/{person:id}/supervision-meetings/{meeting:id}", Expect::participant},
    {"GET /personer/{person:id}/veiledning/{meeting:id}/tillegg", Expect::participant},
    {"POST /personer/{person:id}/veiledning/{meeting:id}/tillegg", Expect::participant},
    {"POST /api/v1/people/{person:id}/supervision-meetings/{meeting:id}/addenda",
     Expect::participant},
    {"POST /personer/{person:id}/veiledning/{meeting:id}/lukk", Expect::veileder},
    {"POST /api/v1/people/{person:id}/supervision-meetings/{meeting:id}/close", Expect::veileder},
    // Courses (issue 14): readers of the record see them and download the certificates; the
    // doctor alone records and withdraws their own.
    {"GET /personer/{person:id}/kurs", Expect::person},
    {"GET /personer/{person:id}/kurs/{course:id}/kursbevis", Expect::person},
    {"GET /api/v1/people/{person:id}/courses", Expect::person},
    {"GET /api/v1/people/{person:id}/courses/{course:id}/certificate", Expect::person},
    {"GET /personer/{person:id}/kurs/ny", Expect::own_trainee},
    {"POST /personer/{person:id}/kurs/ny", Expect::own_trainee},
    {"POST /personer/{person:id}/kurs/{course:id}/trekk", Expect::own_trainee},
    {"POST /api/v1/people/{person:id}/courses", Expect::own_trainee},
    {"POST /api/v1/people/{person:id}/courses/{course:id}/withdrawal", Expect::own_trainee},
    {"GET /kommuner/{number}/veiledere/norm", Expect::leader_only},
    {"POST /kommuner/{number}/veiledere/norm", Expect::leader_only},
    {"PUT /api/v1/municipalities/{number}/supervision-norm", Expect::leader_only},
    {"GET /kommuner/{number}/veiledningsgrupper", Expect::municipality},
    {"GET /kommuner/{number}/veiledningsgrupper/ny", Expect::leader_only},
    {"POST /kommuner/{number}/veiledningsgrupper/ny", Expect::leader_only},
    {"GET /kommuner/{number}/veiledningsgrupper/{group:id}/medlem", Expect::leader_only},
    {"POST /kommuner/{number}/veiledningsgrupper/{group:id}/medlem", Expect::leader_only},
    {"GET /kommuner/{number}/veiledningsgrupper/{group:id}/samling", Expect::leader_only},
    {"POST /kommuner/{number}/veiledningsgrupper/{group:id}/samling", Expect::leader_only},
    {"GET /api/v1/municipalities/{number}/supervision-groups", Expect::municipality},
    {"POST /api/v1/municipalities/{number}/supervision-groups", Expect::leader_only},
    {"GET /api/v1/municipalities/{number}/supervision-groups/{group:id}", Expect::municipality},
    {"POST /api/v1/municipalities/{number}/supervision-groups/{group:id}/members",
     Expect::leader_only},
    {"POST /api/v1/municipalities/{number}/supervision-groups/{group:id}/meetings",
     Expect::leader_only},
    {"GET /api/v1/me/trainees", Expect::own_account},
    // The regional office (journey 7)
    {"GET /regioner/{office}", Expect::region},
    {"GET /api/v1/regions/{office}", Expect::region},
    // Stability (issue 16): the same access for the API, the pages and their downloads.
    {"GET /api/v1/regions/{office}/stability", Expect::region},
    {"GET /api/v1/regions/{office}/stability/calendar", Expect::region},
    {"GET /regioner/{office}/stabilitet", Expect::region},
    {"GET /regioner/{office}/stabilitet.csv", Expect::region},
    {"GET /regioner/{office}/stabilitet.xlsx", Expect::region},
    {"GET /regioner/{office}/stabilitet/kalender", Expect::region},
    {"GET /regioner/{office}/stabilitet/kalender.csv", Expect::region},
    {"GET /regioner/{office}/stabilitet/kalender.xlsx", Expect::region},
    {"GET /api/v1/municipalities/{number}/stability", Expect::municipality},
    {"GET /api/v1/municipalities/{number}/stability/calendar", Expect::municipality},
    {"GET /kommuner/{number}/stabilitet", Expect::municipality},
    {"GET /kommuner/{number}/stabilitet.csv", Expect::municipality},
    {"GET /kommuner/{number}/stabilitet.xlsx", Expect::municipality},
    {"GET /kommuner/{number}/stabilitet/kalender", Expect::municipality},
    {"GET /kommuner/{number}/stabilitet/kalender.csv", Expect::municipality},
    {"GET /kommuner/{number}/stabilitet/kalender.xlsx", Expect::municipality},
    {"GET /api/v1/stability", Expect::aggregates},
    {"GET /api/v1/stability/calendar", Expect::aggregates},
    {"GET /stabilitet", Expect::aggregates},
    {"GET /stabilitet.csv", Expect::aggregates},
    {"GET /stabilitet.xlsx", Expect::aggregates},
    {"GET /stabilitet/kalender", Expect::aggregates},
    {"GET /stabilitet/kalender.csv", Expect::aggregates},
    {"GET /stabilitet/kalender.xlsx", Expect::aggregates},
    // General education plans (journey 6).
    {"GET /kommuner/{number}/utdanningsplan", Expect::public_route},
    {"GET /api/v1/municipalities/{number}/general-plan", Expect::public_route},
    {"GET /kommuner/{number}/utdanningsplan/rediger", Expect::leader_only},
    {"POST /kommuner/{number}/utdanningsplan/status", Expect::leader_only},
    {"POST /kommuner/{number}/utdanningsplan/arenaer", Expect::leader_only},
    {"GET /kommuner/{number}/utdanningsplan/arenaer/{arena:id}", Expect::leader_only},
    {"POST /kommuner/{number}/utdanningsplan/arenaer/{arena:id}", Expect::leader_only},
    {"POST /kommuner/{number}/utdanningsplan/arenaer/{arena:id}/fjern", Expect::leader_only},
    {"POST /kommuner/{number}/utdanningsplan/ansvar", Expect::leader_only},
    {"POST /kommuner/{number}/utdanningsplan/ansvar/{responsibility:id}/fjern",
     Expect::leader_only},
    {"PUT /api/v1/municipalities/{number}/general-plan/status", Expect::leader_only},
    {"POST /api/v1/municipalities/{number}/general-plan/arenas", Expect::leader_only},
    {"PUT /api/v1/municipalities/{number}/general-plan/arenas/{arena:id}", Expect::leader_only},
    {"DELETE /api/v1/municipalities/{number}/general-plan/arenas/{arena:id}", Expect::leader_only},
    {"POST /api/v1/municipalities/{number}/general-plan/responsibilities", Expect::leader_only},
    {"DELETE /api/v1/municipalities/{number}/general-plan/responsibilities/{responsibility:id}",
     Expect::leader_only},
    // Money (issue 15): the claim names doctors and the cost inputs hold salaries, so both are
    // the municipality's own leader's; coverage sums go to the region's office and the national
    // administrator; the agreement register is part of the training record.
    {"GET /kommuner/{number}/tilskudd", Expect::leader_only},
    {"GET /kommuner/{number}/tilskudd.csv", Expect::leader_only},
    {"GET /kommuner/{number}/tilskudd.xlsx", Expect::leader_only},
    {"GET /api/v1/municipalities/{number}/grant-claim", Expect::leader_only},
    {"GET /kommuner/{number}/dekning", Expect::leader_only},
    {"GET /api/v1/municipalities/{number}/coverage", Expect::leader_only},
    {"PUT /api/v1/municipalities/{number}/cost-defaults/{year}", Expect::leader_only},
    {"PUT /api/v1/municipalities/{number}/cost-inputs/{year}/{person:id}", Expect::leader_only},
    {"GET /kommuner/{number}/kostnader/{year}", Expect::leader_only},
    {"POST /kommuner/{number}/kostnader/{year}", Expect::leader_only},
    {"GET /kommuner/{number}/kostnader/{year}/{person:id}", Expect::leader_only},
    {"POST /kommuner/{number}/kostnader/{year}/{person:id}", Expect::leader_only},
    {"GET /regioner/{office}/dekning", Expect::region},
    {"GET /api/v1/regions/{office}/coverage", Expect::region},
    {"GET /regioner/{office}/budsjett", Expect::region},
    {"GET /dekning", Expect::aggregates},
    {"GET /api/v1/coverage", Expect::aggregates},
    {"PUT /api/v1/people/{person:id}/employments/{employment:id}/grant-facts", Expect::person},
    {"GET /api/v1/people/{person:id}/agreements", Expect::person},
    {"POST /api/v1/people/{person:id}/agreements", Expect::person},
    {"PUT /api/v1/people/{person:id}/agreements/{agreement:id}", Expect::person},
    // Agreements signed in alis (issue 17): the doctor and the employing leader; the check of a
    // file is public.
    {"GET /personer/{person:id}/avtaler", Expect::person},
    {"POST /personer/{person:id}/avtaler", Expect::person},
    {"POST /personer/{person:id}/avtaler/{agreement:id}/dokument", Expect::person},
    {"GET /personer/{person:id}/dokumenter/{document:id}", Expect::person},
    {"GET /personer/{person:id}/dokumenter/{document:id}/dokument.pdf", Expect::person},
    {"POST /personer/{person:id}/dokumenter/{document:id}/signer", Expect::person},
    {"GET /api/v1/people/{person:id}/documents", Expect::person},
    {"POST /api/v1/people/{person:id}/agreements/{agreement:id}/documents", Expect::person},
    {"POST /api/v1/people/{person:id}/documents/{document:id}/signatures", Expect::person},
    {"GET /dokumenter/kontroll", Expect::public_route},
    // The calendar feed's token is its credential (tests/web/calendar_test.cpp).
    {"GET /kalender/{token}", Expect::public_route},
    {"POST /meg/kalender", Expect::own_account},
    {"POST /meg/kalender/av", Expect::own_account},
    {"POST /dokumenter/kontroll", Expect::public_route},
    // The signed training record (issue 13): whoever reads the record may take it signed; the
    // employing leader imports another installation's; the check of a file is public.
    {"GET /personer/{person:id}/utdanningsattest", Expect::person},
    {"GET /personer/{person:id}/utdanningsattest.json", Expect::person},
    {"POST /personer/{person:id}/utdanningsattest/import", Expect::person},
    {"GET /api/v1/people/{person:id}/training-record", Expect::person},
    {"POST /api/v1/people/{person:id}/training-record/imports", Expect::person},
    {"GET /utdanningsattest/sjekk", Expect::public_route},
    {"POST /utdanningsattest/sjekk", Expect::public_route},
};

class AuthorizationMatrix : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "5501", "Tromsø", "Bodø");
        own_trainee = testing::add_trainee(db, "Egen Lege", "4601");
        foreign_trainee = testing::add_trainee(db, "Fremmed Lege", "5501");
        const auto supervisor = testing::add_trainee(db, "Veileder Bergen", "4601");
        testing::assign_supervisor(db, supervisor, own_trainee);
        testing::add_account(server.app(), "trainee@a.no", domain::Role::trainee, std::nullopt,
                             std::nullopt, own_trainee);
        testing::add_account(server.app(), "supervisor@a.no", domain::Role::supervisor,
                             std::nullopt, std::nullopt, supervisor);
        testing::add_account(server.app(), "clinical@a.no", domain::Role::clinical_supervisor,
                             std::nullopt, std::nullopt, supervisor);
        testing::add_account(server.app(), "leader@a.no", domain::Role::leader, "4601");
        testing::add_account(server.app(), "office@a.no", domain::Role::regional_office,
                             std::nullopt, "Bergen");
        testing::add_account(server.app(), "national@a.no", domain::Role::national);
        testing::add_account(server.app(), "admin@a.no", domain::Role::admin);
        foreign_account =
            testing::add_account(server.app(), "leader@b.no", domain::Role::leader, "5501");
        // An arena and a responsibility of the own municipality's general plan, for the routes
        // that name one.
        db.write([&](store::UnitOfWork& w) {
            // A calendar address, for the feed's route (its token is its credential).
            w.identity().set_calendar_feed(foreign_account, app::sha256_hex(kCalendarToken),
                                           "2026-11-01T10:00:00Z");
            domain::LearningArena a;
            a.municipality_number = "4601";
            a.name = "Sentrum legekontor";
            a.offers = "Allmennpraksis";
            arena = w.municipalities().add_learning_arena(a);
            domain::PlanResponsibility r;
            r.municipality_number = "4601";
            r.area = "Overordnet ansvar";
            r.responsible = "Kommuneoverlege";
            responsibility = w.municipalities().add_responsibility(r);
            // A record of each kind of the own trainee, for the corrections' routes (the foreign
            // trainee's paths name them too: the policy refuses before they are looked up).
            employment = w.people().employments_of(own_trainee).front().id;
            domain::ServicePeriod p;
            p.person_id = own_trainee;
            p.place = "Sentrum legekontor";
            p.starts_on = *domain::Date::parse_iso("2024-01-01");
            period = w.people().add_service_period(p);
            domain::Leave l;
            l.person_id = own_trainee;
            l.starts_on = *domain::Date::parse_iso("2024-03-01");
            l.ends_on = *domain::Date::parse_iso("2024-03-31");
            leave = w.people().add_leave(l);
            // A supervisor registered by the own municipality, for the routes that name one.
            domain::Supervisor sv;
            sv.person_id = own_trainee;
            sv.municipality_number = "4601";
            sv.office = "Sentrum legekontor";
            sv.home_municipality_number = "4601";
            sv.registered_on = *domain::Date::parse_iso("2024-01-01");
            supervisor_registration = w.supervisors().add(sv);
            // A supervision meeting of the own trainee with their veileder, for the routes that
            // name one.
            domain::SupervisionMeeting m;
            m.trainee_person_id = own_trainee;
            m.supervisor_person_id = supervisor;
            m.held_on = *domain::Date::parse_iso("2026-11-02");
            m.topics = "Plan for høsten";
            m.planned_at = "2026-11-01T10:00:00Z";
            m.planned_by = "Veileder Bergen";
            meeting = w.supervision().add(m);
            // A completed course of the own trainee with its certificate, for the routes that
            // name one.
            domain::Attachment file;
            file.sha256 = std::string(64, 'b');
            file.media_type = domain::MediaType::pdf;
            file.byte_size = 9;
            file.file_name = "kursbevis.pdf";
            file.uploaded_by = "Egen Lege";
            file.uploaded_at = "2026-11-01T10:00:00Z";
            domain::CompletedCourse c;
            c.person_id = own_trainee;
            c.course_id = "akuttmedisin";
            c.name = "Kurs i akuttmedisin og legevaktarbeid";
            c.hours = 40;
            c.completed_on = *domain::Date::parse_iso("2026-10-01");
            c.attachment_id = w.attachments().add(file, app::to_base64("%PDF-1.4\n"));
            c.recorded_at = "2026-11-01T10:00:00Z";
            c.recorded_by = "Egen Lege";
            course = w.courses().add(c);
            // An agreement of the own trainee and a version of its document, for the routes that
            // name them.
            agreement = testing::add_agreement(w, employment, "2024-01-01");
            domain::SignedDocument d;
            d.agreement_id = agreement;
            d.template_version = "2026-12-01";
            d.title = "ALIS-avtale for Egen Lege";
            d.content = "# ALIS-avtale\n\nAvtalens tekst.";
            d.content_sha256 = std::string(64, 'a');
            d.created_at = "2026-11-01T10:00:00Z";
            d.created_by = "Leder Bergen";
            document = w.documents().add(d);
            // A version of the agreement with the registered supervisor.
            d.agreement_id.reset();
            d.supervisor_id = supervisor_registration;
            d.kind = domain::DocumentKind::supervision_agreement;
            d.title = "Veiledningsavtale med Egen Lege";
            supervision_document = w.documents().add(d);
            // A supervision group of the own municipality, for the routes that name one.
            group = w.supervision_groups().add_group({0, "4601", "Veiledningsgruppe", supervisor,
                                                      *domain::Date::parse_iso("2024-01-01")});
            // A supervisør the own trainee invited, for the routes that name an invitation.
            // Two: the page and the API each withdraw one.
            invitation = w.learning_log().add_invitation({0, own_trainee, "hansen@sykehus.no",
                                                          "Hans Hansen", "2026-11-01T10:00:00Z",
                                                          "Egen Lege", std::nullopt});
            // Two activities of the own trainee whose sign-off was asked of clinical@a.no (the
            // page and the API each sign one), and a link whose token is kCalendarToken.
            const auto asked = w.learning_log().add_invitation(
                {0, own_trainee, "clinical@a.no", "Klinisk Supervisør", "2026-11-01T10:00:00Z",
                 "Egen Lege", std::nullopt});
            for (auto* id : {&activity, &api_activity}) {
                domain::LearningActivity a;
                a.person_id = own_trainee;
                a.done_on = *domain::Date::parse_iso("2026-11-01");
                a.title = "Prosedyre";
                a.recorded_at = "2026-11-01T10:00:00Z";
                a.recorded_by = "Egen Lege";
                *id = w.learning_log().add_activity(a);
                auto& kept = *id == activity ? activity_file : api_activity_file;
                kept = w.attachments().add(file, app::to_base64("%PDF-1.4\n"));
                w.learning_log().add_activity_attachment(*id, kept, a.recorded_at, "Egen Lege");
                w.learning_log().add_sign_request(
                    {0, *id, asked, "clinical@a.no",
                     app::sha256_hex(*id == activity ? kCalendarToken : std::string(64, 'd')),
                     "2026-11-01T10:00:00Z", "Egen Lege", std::int64_t{4102444800}, std::nullopt});
            }
            api_invitation = w.learning_log().add_invitation({0, own_trainee, "berg@sykehus.no",
                                                              "Berit Berg", "2026-11-01T10:00:00Z",
                                                              "Egen Lege", std::nullopt});
        });
        // The demo catalogues, and an objective of the own trainee's ALM edition.
        objective = testing::import_demo_catalogues(server.app());
    }

    // The pattern with its parameters filled in ({name:type} read as {name}): the foreign
    // municipality's resources unless told otherwise.
    std::string concrete(const std::string& pattern, const std::string& number = "5501",
                         std::optional<std::int64_t> person = std::nullopt,
                         const std::string& office = "Bod%C3%B8") const {
        std::string path = std::regex_replace(pattern, std::regex("\\{(\\w+):\\w+\\}"), "{$1}");
        path = std::regex_replace(path, std::regex("\\{person\\}"),
                                  std::to_string(person.value_or(foreign_trainee)));
        path = std::regex_replace(path, std::regex("\\{arena\\}"), std::to_string(arena));
        path = std::regex_replace(path, std::regex("\\{employment\\}"), std::to_string(employment));
        path = std::regex_replace(path, std::regex("\\{period\\}"), std::to_string(period));
        path = std::regex_replace(path, std::regex("\\{leave\\}"), std::to_string(leave));
        path = std::regex_replace(path, std::regex("\\{supervisor\\}"),
                                  std::to_string(supervisor_registration));
        path = std::regex_replace(path, std::regex("\\{agreement\\}"), std::to_string(agreement));
        // A document below a supervisor is a version of the agreement with them.
        const bool of_supervisor = pattern.find("{supervisor:id}/") != std::string::npos;
        path = std::regex_replace(path, std::regex("\\{document\\}"),
                                  std::to_string(of_supervisor ? supervision_document : document));
        // A year the own trainee (from 2024) works in, with grant and cost rates.
        path = std::regex_replace(path, std::regex("\\{year\\}"), "2025");
        path = std::regex_replace(path, std::regex("\\{group\\}"), std::to_string(group));
        path = std::regex_replace(path, std::regex("\\{meeting\\}"), std::to_string(meeting));
        path = std::regex_replace(path, std::regex("\\{objective\\}"), std::to_string(objective));
        path = std::regex_replace(
            path, std::regex("\\{activity\\}"),
            std::to_string(pattern.starts_with("/api/") ? api_activity : activity));
        path = std::regex_replace(
            path, std::regex("\\{invitation\\}"),
            std::to_string(pattern.starts_with("/api/") ? api_invitation : invitation));
        path = std::regex_replace(path, std::regex("\\{course\\}"), std::to_string(course));
        path = std::regex_replace(
            path, std::regex("\\{file\\}"),
            std::to_string(pattern.starts_with("/api/") ? api_activity_file : activity_file));
        path = std::regex_replace(path, std::regex("\\{responsibility\\}"),
                                  std::to_string(responsibility));
        path =
            std::regex_replace(path, std::regex("\\{account\\}"), std::to_string(foreign_account));
        path = std::regex_replace(path, std::regex("\\{hash\\}"), "0000000000000000");
        path = std::regex_replace(path, std::regex("\\{kind\\}"), "general-plan");
        path = std::regex_replace(path, std::regex("\\{token\\}"), kCalendarToken);
        path = std::regex_replace(path, std::regex("\\{office\\}"), office);
        path = std::regex_replace(path, std::regex("\\{number\\}"), number);
        return std::regex_replace(path, std::regex("\\{name\\}"), "alis.css");
    }

    TestServer server;
    std::int64_t own_trainee = 0;
    std::int64_t foreign_trainee = 0;
    std::int64_t foreign_account = 0;
    std::int64_t arena = 0;
    std::int64_t responsibility = 0;
    std::int64_t supervisor_registration = 0;
    std::int64_t employment = 0;
    std::int64_t period = 0;
    std::int64_t leave = 0;
    std::int64_t meeting = 0;
    std::int64_t agreement = 0;
    std::int64_t document = 0;
    std::int64_t supervision_document = 0;
    std::int64_t group = 0;
    std::int64_t invitation = 0;
    std::int64_t api_invitation = 0;
    std::int64_t activity = 0;
    std::int64_t api_activity = 0;
    std::int64_t activity_file = 0;
    std::int64_t api_activity_file = 0;
    std::int64_t objective = 0;
    std::int64_t course = 0;
};

TEST_F(AuthorizationMatrix, EveryRouteIsClassified) {
    std::set<std::string> registered;
    for (const auto& route : server.pipeline().router().routes()) {
        const std::string key = std::string(http::to_string(route.method)) + " " + route.pattern;
        registered.insert(key);
        EXPECT_TRUE(kRoutes.contains(key))
            << key << " is registered but not in the authorization matrix: decide who may use "
            << "it and add it to kRoutes";
        if (route.access.resource == ResourceFrom::person_param) {
            EXPECT_NE(route.access.action, app::Action::view_public) << key;
        }
    }
    // A loop over no routes proves nothing: alis has registered at least this many since
    // journey 7 (75, less /metrics, which moved to its own listener).
    EXPECT_GE(registered.size(), 74u);
    for (const auto& [key, expect] : kRoutes) {
        EXPECT_TRUE(registered.contains(key)) << key << " is in the matrix but not registered";
    }
}

TEST_F(AuthorizationMatrix, NoRoleReachesAnotherMunicipalitysResource) {
    const std::vector<std::string> roles = {"trainee@a.no", "supervisor@a.no", "clinical@a.no",
                                            "leader@a.no",  "office@a.no",     "national@a.no",
                                            "admin@a.no"};
    std::map<std::string, testing::client::SignedIn> sessions;
    for (const auto& email : roles) {
        auto session = client::login(server.port(), email, kTestPassword);
        ASSERT_TRUE(session) << email;
        sessions.emplace(email, *session);
    }
    int routes_checked = 0;
    int cases = 0;
    int forbidden = 0;
    for (const auto& route : server.pipeline().router().routes()) {
        const std::string key = std::string(http::to_string(route.method)) + " " + route.pattern;
        const auto expect = kRoutes.at(key);
        if (expect == Expect::public_route || expect == Expect::own_account ||
            expect == Expect::aggregates) {
            continue;  // No foreign resource can be named in these paths.
        }
        ++routes_checked;
        const std::string path = concrete(route.pattern);
        EXPECT_EQ(path.find('{'), std::string::npos) << key << ": a parameter was not filled in";
        // Anonymous: never the content.
        const auto anonymous =
            client::request(server.port(), route.method, path, "", "",
                            {{"Origin", "http://127.0.0.1:" + std::to_string(server.port())},
                             {"Accept", "application/json"}});
        EXPECT_TRUE(anonymous.result() == http::status::unauthorized ||
                    anonymous.result() == http::status::forbidden)
            << key << " anonymous -> " << anonymous.result_int();
        for (const auto& [email, session] : sessions) {
            if (expect == Expect::admin_only && email == "admin@a.no") {
                continue;  // System administration is the admin's, for every municipality.
            }
            if (expect == Expect::region && email == "national@a.no") {
                continue;  // Aggregates of every region are the national authority's.
            }
            const auto r = client::request(server.port(), route.method, path, "", "",
                                           session.post_headers(server.port()));
            EXPECT_TRUE(r.result() == http::status::forbidden ||
                        r.result() == http::status::not_found)
                << key << " as " << email << " -> " << r.result_int();
            ++cases;
            forbidden += r.result() == http::status::forbidden ? 1 : 0;
        }
    }
    // Guards against a loop that checks nothing, or paths no route matches (404 for all).
    EXPECT_GE(routes_checked, 50);
    EXPECT_GE(cases, routes_checked * 6);
    EXPECT_GT(forbidden, cases / 2) << "most refusals come from the policy, not from a 404";
}

// Every registered route, with the own municipality's resources: the role that may use it gets
// past access control (and past routing), and a role that may not gets 401/403. So the paths the
// other tests build do reach their routes, and both outcomes really occur.
TEST_F(AuthorizationMatrix, EveryRouteIsRequestedAndBothOutcomesOccur) {
    std::map<std::string, testing::client::SignedIn> sessions;
    for (const auto* email : {"trainee@a.no", "supervisor@a.no", "leader@a.no", "office@a.no",
                              "national@a.no", "admin@a.no", "clinical@a.no"}) {
        auto session = client::login(server.port(), email, kTestPassword);
        ASSERT_TRUE(session) << email;
        sessions.emplace(email, *session);
    }
    // Who may, and who may not, use a route of each kind on the own municipality's resources.
    const std::map<Expect, std::pair<std::string, std::string>> roles = {
        {Expect::public_route, {"", ""}},
        {Expect::own_account, {"leader@a.no", ""}},
        {Expect::person, {"leader@a.no", "national@a.no"}},
        {Expect::admin_only, {"admin@a.no", "leader@a.no"}},
        {Expect::municipality, {"leader@a.no", "trainee@a.no"}},
        {Expect::leader_only, {"leader@a.no", "office@a.no"}},
        {Expect::region, {"office@a.no", "leader@a.no"}},
        {Expect::aggregates, {"national@a.no", "trainee@a.no"}},
        {Expect::participant, {"trainee@a.no", "leader@a.no"}},
        {Expect::veileder, {"supervisor@a.no", "trainee@a.no"}},
        {Expect::own_trainee, {"trainee@a.no", "leader@a.no"}},
        {Expect::clinical, {"clinical@a.no", "trainee@a.no"}},
    };
    const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
    auto send = [&](const auto& route, const std::string& path, const std::string& email) {
        auto headers = email.empty()
                           ? std::vector<std::pair<std::string, std::string>>{{"Origin", origin}}
                           : sessions.at(email).post_headers(server.port());
        headers.emplace_back("Accept", "application/json");
        return client::request(server.port(), route.method, path, "", "", headers);
    };
    // Allowed through, but the form's own refusal of an empty body carries an auth status.
    const std::map<std::string, http::status> form_refusals = {
        {"POST /logg-inn", http::status::forbidden},                // No double-submit CSRF token.
        {"POST /dokumenter/kontroll", http::status::forbidden},     // Nor here.
        {"POST /utdanningsattest/sjekk", http::status::forbidden},  // Nor here.
        {"POST /bekreft-passord", http::status::unauthorized},      // No password.
        {"POST /signering/{token}", http::status::forbidden},       // No double-submit token.
    };
    // The fingerprinted path of alis.css: its ETag's hash.
    const std::string etag(client::get(server.port(), "/static/alis.css")[http::field::etag]);
    ASSERT_EQ(etag.size(), 18u);
    const std::string hash = etag.substr(1, 16);
    std::set<std::string> requested;
    int allowed = 0;
    int denied = 0;
    for (const auto& route : server.pipeline().router().routes()) {
        const std::string key = std::string(http::to_string(route.method)) + " " + route.pattern;
        ASSERT_TRUE(kRoutes.contains(key)) << key;
        const auto expect = kRoutes.at(key);
        std::string path = concrete(route.pattern, "4601", own_trainee, "Bergen");
        path = std::regex_replace(path, std::regex("0000000000000000"), hash);
        const auto& [may, may_not] = roles.at(expect);
        // Removals and logout take effect on an empty body; they are tested with their journeys.
        const bool destructive = route.method == http::verb::delete_ || path.ends_with("/fjern") ||
                                 path == "/logg-ut" || path.ends_with("/deaktiver");
        requested.insert(key);
        if (!destructive) {
            const auto r = send(route, path, may);
            if (const auto it = form_refusals.find(key); it != form_refusals.end()) {
                EXPECT_EQ(r.result(), it->second) << key;
            } else {
                EXPECT_TRUE(r.result() != http::status::unauthorized &&
                            r.result() != http::status::forbidden &&
                            r.result() != http::status::not_found &&
                            r.result() != http::status::method_not_allowed)
                    << key << " as " << (may.empty() ? "anonymous" : may) << " -> "
                    << r.result_int() << " " << path;
            }
            ++allowed;
        }
        if (expect != Expect::public_route) {
            const auto r = send(route, path, may_not);
            EXPECT_TRUE(r.result() == http::status::unauthorized ||
                        r.result() == http::status::forbidden ||
                        (may_not.empty() && r.result() == http::status::see_other))
                << key << " as " << (may_not.empty() ? "anonymous" : may_not) << " -> "
                << r.result_int() << " " << path;
            ++denied;
        }
    }
    EXPECT_EQ(requested.size(), kRoutes.size()) << "every classified route was requested";
    EXPECT_GE(allowed, 65);
    EXPECT_GE(denied, 60);
}

TEST_F(AuthorizationMatrix, OwnMunicipalityOverviewIsForItsLeaderAndRegionalOfficeOnly) {
    const std::map<std::string, http::status> expected = {
        {"leader@a.no", http::status::ok},          {"office@a.no", http::status::ok},
        {"trainee@a.no", http::status::forbidden},  {"supervisor@a.no", http::status::forbidden},
        {"national@a.no", http::status::forbidden}, {"admin@a.no", http::status::forbidden},
    };
    for (const auto& [email, status] : expected) {
        const auto session = client::login(server.port(), email, kTestPassword);
        ASSERT_TRUE(session) << email;
        EXPECT_EQ(
            client::get(server.port(), "/api/v1/municipalities/4601/trainees", session->headers())
                .result(),
            status)
            << email;
    }
}

TEST_F(AuthorizationMatrix, PublicMunicipalityRoutesNeedNoLogin) {
    for (const auto& route : server.pipeline().router().routes()) {
        const std::string key = std::string(http::to_string(route.method)) + " " + route.pattern;
        if (kRoutes.at(key) == Expect::public_route && route.method == http::verb::get &&
            route.pattern.find("{number}") != std::string::npos) {
            EXPECT_EQ(client::get(server.port(), concrete(route.pattern, "4601")).result(),
                      http::status::ok)
                << key;
        }
    }
}

TEST_F(AuthorizationMatrix, OwnResourcesAreReachableByTheRightRolesOnly) {
    const std::string path = "/api/v1/people/" + std::to_string(own_trainee);
    const std::map<std::string, http::status> expected = {
        {"trainee@a.no", http::status::ok},         {"supervisor@a.no", http::status::ok},
        {"leader@a.no", http::status::ok},          {"office@a.no", http::status::ok},
        {"clinical@a.no", http::status::forbidden}, {"national@a.no", http::status::forbidden},
        {"admin@a.no", http::status::forbidden},
    };
    for (const auto& [email, status] : expected) {
        const auto session = client::login(server.port(), email, kTestPassword);
        ASSERT_TRUE(session) << email;
        EXPECT_EQ(client::get(server.port(), path, session->headers()).result(), status) << email;
    }
}

TEST_F(AuthorizationMatrix, OwnMunicipalityWritesAreForItsLeaderOnly) {
    std::map<std::string, testing::client::SignedIn> sessions;
    for (const auto* email : {"leader@a.no", "office@a.no", "trainee@a.no", "supervisor@a.no",
                              "national@a.no", "admin@a.no", "leader@b.no"}) {
        auto session = client::login(server.port(), email, kTestPassword);
        ASSERT_TRUE(session) << email;
        sessions.emplace(email, *session);
    }
    int checked = 0;
    for (const auto& route : server.pipeline().router().routes()) {
        const std::string key = std::string(http::to_string(route.method)) + " " + route.pattern;
        if (kRoutes.at(key) != Expect::leader_only) {
            continue;
        }
        ++checked;
        // The own municipality's doctor: a cost form names one who works there.
        const std::string path = concrete(route.pattern, "4601", own_trainee);
        // Removals take no body, so the leader's request would remove what later routes name;
        // the leader's removals are tested with their journeys (general_plan_test.cpp).
        const bool removal = route.method == http::verb::delete_ || path.ends_with("/fjern");
        for (const auto& [email, session] : sessions) {
            if (email == "leader@a.no" && removal) {
                continue;
            }
            const auto r = client::request(server.port(), route.method, path, "", "",
                                           session.post_headers(server.port()));
            if (email == "leader@a.no") {
                // Allowed: the page, or the form's own answer to an empty body.
                EXPECT_NE(r.result(), http::status::forbidden) << key << " as " << email;
                EXPECT_NE(r.result(), http::status::not_found) << key << " as " << email;
            } else {
                EXPECT_EQ(r.result(), http::status::forbidden) << key << " as " << email;
            }
        }
    }
    EXPECT_GT(checked, 0);
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.municipalities().learning_arenas("4601");
                  })
                  .size(),
              1u)
        << "no refused removal ran";
    EXPECT_EQ(server.database()
                  .read([&](const store::Snapshot& s) {
                      return s.municipalities().responsibilities("4601");
                  })
                  .size(),
              1u);
}

}  // namespace authorization_matrix_test
}  // namespace alis::web
