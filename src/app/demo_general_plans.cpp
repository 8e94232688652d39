// Demo data for journey 6: general education plans with fictional but realistic Norwegian content.
#include "app/demo_general_plans.hpp"

#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alis::app {
namespace {

using domain::ArenaKind;
using domain::Date;
using domain::EnterpriseStatus;

struct DemoStatus {
    EnterpriseStatus status;
    Date from;
    std::optional<Date> until;
    std::optional<Date> applied_on;
};

struct DemoArena {
    ArenaKind kind;
    const char* name;
    const char* offers;
};

struct DemoResponsibility {
    const char* area;
    const char* responsible;
    const char* description;
};

struct DemoPlan {
    const char* number;
    const char* leader;
    std::vector<DemoStatus> statuses;  // Oldest first.
    std::vector<DemoArena> arenas;
    std::vector<DemoResponsibility> responsibilities;
};

Date ymd(int year, int month, int day) {
    return *Date::from_ymd(year, month, day);
}

std::vector<DemoResponsibility> common_responsibilities(const char* coordinator) {
    return {
        {"Overordnet ansvar", "Kommuneoverlege",
         "Har overordnet ansvar for at kommunen oppfyller kravene til utdanningsvirksomhet, og "
         "godkjenner læringsmål etter råd fra veileder og supervisør."},
        {"Koordinering av ALIS-ordningen", coordinator,
         "Lager individuell utdanningsplan sammen med legen og veilederen, følger opp "
         "revisjoner hvert år og er kontaktperson mot ALIS-kontoret."},
        {"Veiledning", "Veilederne (spesialister i allmennmedisin)",
         "Gjennomsnittlig fire timer veiledning i måneden, 10,5 måneder i året. Høyst to leger i "
         "spesialisering per veileder."},
        {"Supervisjon i daglig arbeid", "Supervisørene på hvert legekontor",
         "Gir supervisjon i klinisk arbeid og signerer læringsaktiviteter de har sett."},
        {"Tilrettelegging på arbeidsstedet", "Leder ved hvert legekontor",
         "Setter av tid til veiledning, kurs og veiledningsgruppe i timeplanen."},
    };
}

std::vector<DemoPlan> demo_plans(Date as_of) {
    return {
        {"4601",
         "leder.bergen@demo.alis.no",
         {{EnterpriseStatus::temporarily_registered, ymd(2019, 3, 1), ymd(2020, 2, 29),
           ymd(2019, 9, 15)},
          {EnterpriseStatus::registered, ymd(2020, 1, 20), std::nullopt, ymd(2019, 9, 15)}},
         {{ArenaKind::gp_office, "Danmarksplass legekontor",
           "Åpen uselektert allmennpraksis med fastlegeliste. Dekker de fleste ALM-læringsmål: "
           "akutte og kroniske sykdommer, psykisk helse, barn og eldre."},
          {ArenaKind::gp_office, "Åsane legesenter",
           "Fastlegepraksis med kommunal ALIS-stilling og nulliste de første månedene. Små "
           "kirurgiske inngrep og svangerskapsomsorg."},
          {ArenaKind::nursing_home, "Fyllingsdalen sykehjem",
           "Tilsynslege i langtidsavdeling og korttidsavdeling: geriatri, legemiddelgjennomgang, "
           "lindrende behandling og samtaler med pårørende."},
          {ArenaKind::out_of_hours_service, "Bergen legevakt",
           "Vakter på legevakt gir akuttmedisin, vurdering av hastegrad og samarbeid med "
           "ambulanse og sykehus. Teller som annen allmennlegetjeneste."},
          {ArenaKind::child_health_clinic, "Helsestasjonen i Laksevåg",
           "Barnekonsultasjoner og vaksinasjon; læringsmål om barns vekst og utvikling."},
          {ArenaKind::hospital_by_agreement, "Haukeland universitetssjukehus",
           "Institusjonstjeneste i seks måneder etter avtale med Helse Bergen, tilpasset "
           "læringsmålene ALM 055 og ALM 085."}},
         common_responsibilities("ALIS-koordinator i Etat for helsetjenester")},
        {"4621",
         "demo",
         {{EnterpriseStatus::registered, ymd(2019, 11, 1), std::nullopt, ymd(2019, 6, 3)}},
         {{ArenaKind::gp_office, "Voss legesenter",
           "Fastlegepraksis i et distrikt med lange avstander: akuttmedisin og bredt "
           "sykdomspanorama."},
          {ArenaKind::out_of_hours_service, "Voss interkommunale legevakt",
           "Legevakt for Voss, Ulvik og Granvin, med bakvakt fra erfaren lege."},
          {ArenaKind::hospital_by_agreement, "Voss sjukehus",
           "Institusjonstjeneste etter avtale med Helse Bergen."}},
         common_responsibilities("Kommuneoverlegen")},
        {"5501",
         "leder.tromso@demo.alis.no",
         {{EnterpriseStatus::not_registered, ymd(2019, 3, 1), std::nullopt, std::nullopt},
          {EnterpriseStatus::temporarily_registered, as_of.plus_days(-120), as_of.plus_days(245),
           as_of.plus_days(-150)}},
         {{ArenaKind::gp_office, "Sentrum legekontor Tromsø",
           "Åpen uselektert allmennpraksis. Kommunal ALIS-stilling med fastlønn."},
          {ArenaKind::gp_office, "Kvaløysletta legesenter",
           "Fastlegepraksis med mange barnefamilier og eldre pasienter."},
          {ArenaKind::nursing_home, "Kroken sykehjem",
           "Tilsynslege: geriatri, demens, palliasjon og samarbeid med pleiepersonalet."},
          {ArenaKind::out_of_hours_service, "Tromsø legevakt",
           "Akuttmedisin, kveld- og helgevakter med supervisør tilgjengelig."},
          {ArenaKind::child_health_clinic, "Helsestasjonen i Tromsdalen",
           "Helsekontroller av barn, foreldreveiledning og vaksinasjon."},
          {ArenaKind::hospital_by_agreement, "Universitetssykehuset Nord-Norge (UNN)",
           "Institusjonstjeneste etter avtale med UNN; hospitering i akuttmottaket."}},
         common_responsibilities("ALIS-koordinator i helse- og omsorgstjenesten")},
        {"5601",
         "demo",
         {{EnterpriseStatus::registered, ymd(2020, 5, 1), std::nullopt, ymd(2020, 1, 10)}},
         {{ArenaKind::gp_office, "Alta helsesenter",
           "Fastlegepraksis med samisk- og finsktalende pasienter, lange reiseavstander."},
          {ArenaKind::other, "Kommunal akutt døgnenhet (KAD) i Alta",
           "Innlagte pasienter med behov for observasjon; teller som annen allmennlegetjeneste."},
          {ArenaKind::hospital_by_agreement, "Finnmarkssykehuset Hammerfest",
           "Institusjonstjeneste etter avtale, med bolig stilt til disposisjon."}},
         common_responsibilities("Kommuneoverlegen")},
        {"1804",
         "demo",
         {{EnterpriseStatus::registered, ymd(2019, 6, 1), std::nullopt, std::nullopt}},
         {{ArenaKind::gp_office, "Stormyra legesenter",
           "Åpen uselektert allmennpraksis med fastlegeliste."},
          {ArenaKind::out_of_hours_service, "Bodø legevakt",
           "Legevakt med akuttmedisinsk kommunikasjonssentral i samme bygg."},
          {ArenaKind::hospital_by_agreement, "Nordlandssykehuset Bodø",
           "Institusjonstjeneste etter avtale med Nordlandssykehuset."}},
         common_responsibilities("ALIS-koordinator")},
    };
}

}  // namespace

void add_demo_general_plans(store::UnitOfWork& writer, Date as_of) {
    const std::string changed_at = as_of.plus_days(-7).iso() + "T09:00:00Z";
    for (const auto& plan : demo_plans(as_of)) {
        for (const auto& s : plan.statuses) {
            domain::EnterpriseStatusChange change;
            change.municipality_number = plan.number;
            change.status = s.status;
            change.valid_from = s.from;
            change.valid_until = s.until;
            change.applied_on = s.applied_on;
            change.changed_at = changed_at;
            change.changed_by = plan.leader;
            writer.municipalities().add_status_change(change);
        }
        for (const auto& a : plan.arenas) {
            domain::LearningArena arena;
            arena.municipality_number = plan.number;
            arena.kind = a.kind;
            arena.name = a.name;
            arena.offers = a.offers;
            writer.municipalities().add_learning_arena(arena);
        }
        for (const auto& r : plan.responsibilities) {
            domain::PlanResponsibility responsibility;
            responsibility.municipality_number = plan.number;
            responsibility.area = r.area;
            responsibility.responsible = r.responsible;
            responsibility.description = r.description;
            writer.municipalities().add_responsibility(responsibility);
        }
        writer.municipalities().mark_general_plan_changed({plan.number, changed_at, plan.leader});
    }
}

}  // namespace alis::app
