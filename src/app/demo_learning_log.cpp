#include "app/demo_learning_log.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "app/attachments.hpp"
#include "app/demo_courses.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

using domain::ActivityKind;
using domain::ObjectiveActorRole;
using domain::ObjectiveEventKind;

struct DemoActivity {
    ActivityKind kind;
    const char* title;
    const char* reflection;
};

constexpr std::array<DemoActivity, 6> kActivities = {{
    {ActivityKind::clinical_case, "Pasient med brystsmerter på kontoret",
     "Jeg vurderte hastegrad og startet behandling før innleggelse. Neste gang tar jeg EKG "
     "tidligere."},
    {ActivityKind::procedure, "Sutur av kuttskade",
     "Supervisør så prosedyren. Jeg øver mer på knuteteknikk."},
    {ActivityKind::course, "Kurs i akuttmedisin",
     "Todagers kurs; scenarioene om barn var mest nyttige."},
    {ActivityKind::supervision, "Drøfting av vanskelig samtale",
     "Vi drøftet hvordan jeg ga et alvorlig budskap, og hva jeg kan gjøre annerledes."},
    {ActivityKind::quality_work, "Gjennomgang av legemiddellister",
     "Jeg gikk gjennom 20 lister for eldre pasienter; fire endringer avtalt med pasientene."},
    {ActivityKind::teaching, "Undervisning for helsesekretærene",
     "Jeg underviste om hastegrad på telefon. God diskusjon etterpå."},
}};

// The stage of the demo doctor number `i`'s first objective, in turn.
enum class DemoStage { requested, recommended, approved, rejected, recalled, reversed };
constexpr std::array<DemoStage, 6> kStages = {DemoStage::requested, DemoStage::recommended,
                                              DemoStage::approved,  DemoStage::rejected,
                                              DemoStage::recalled,  DemoStage::reversed};

std::string padded_digest(std::int64_t id) {
    const auto digits = std::to_string(id);
    return std::string(64 - digits.size(), '0') + digits;
}

std::string demo_instant(domain::Date day, const char* time) {
    return day.iso() + "T" + time + "Z";
}

}  // namespace

int add_demo_learning_logs(Application& app, domain::Date as_of) {
    return app.database().write([&](store::UnitOfWork& w) {
        std::vector<domain::LearningObjective> alm;
        for (const auto& e : w.learning_objectives().editions()) {
            if (e.catalogue == domain::Catalogue::alm) {
                alm = w.learning_objectives().objectives_of(e.id);
                break;
            }
        }
        if (alm.size() < 4) {
            return 0;
        }
        int added = 0;
        std::size_t doctor = 0;
        for (const auto& trainee : w.people().trainees_employed_by("4601", as_of)) {
            if (doctor == kStages.size()) {
                break;
            }
            const auto veiledere = w.supervisors().supervisors_of(trainee.id, as_of);
            if (veiledere.empty() || veiledere.front() == trainee.id) {
                continue;
            }
            const auto veileder = w.people().find(veiledere.front());
            const std::string veileder_label =
                (veileder ? veileder->full_name : std::string("Veileder")) + " (demo)";
            const std::string trainee_label = trainee.full_name + " (demo)";
            // As signature_of writes the demo supervisør's account: its tasks know its advice.
            const std::string supervisor_label =
                std::string("Supervisør Hansen (").append(kDemoClinicalSupervisor).append(")");
            // The demo supervisør (login supervisor@demo.alis.no) is invited by every one of them.
            const auto invitation = w.learning_log().add_invitation(
                {0, trainee.id, std::string(kDemoClinicalSupervisor), "Supervisør Hansen",
                 demo_instant(as_of.plus_days(-90), "08:00:00"), trainee_label, std::nullopt});
            // Activities over the last months, two objectives each, every other one signed.
            for (std::size_t a = 0; a < kActivities.size(); ++a) {
                domain::LearningActivity activity;
                activity.person_id = trainee.id;
                activity.kind = kActivities[a].kind;
                activity.done_on = as_of.plus_days(-20 * static_cast<int>(a + 1 + doctor));
                activity.title = kActivities[a].title;
                activity.reflection = kActivities[a].reflection;
                activity.recorded_at = demo_instant(activity.done_on, "15:00:00");
                activity.recorded_by = trainee_label;
                const auto first = alm[(a + doctor) % alm.size()].id;
                const auto second = alm[(a + doctor + 1) % alm.size()].id;
                activity.objective_ids = {std::min(first, second), std::max(first, second)};
                if (a < 2) {
                    activity.objective_ids = {alm[0].id};  // The objective of the stage below.
                }
                const auto id = w.learning_log().add_activity(activity);
                if (a == 0) {
                    // The first activity keeps a file (a summary, as a PDF), added before it
                    // was signed.
                    Actor uploader;
                    uploader.display_name = trainee_label;
                    uploader.email = "demo";
                    auto upload = read_upload(
                        "sammendrag.pdf",
                        demo_pdf(activity.title, {trainee.full_name, activity.done_on.norwegian()},
                                 "Demodata fra alis, ikke et ekte dokument"),
                        "vedlegg.pdf", uploader, activity.recorded_at);
                    const auto file = add_attachment(w, std::get<domain::Attachment>(upload));
                    w.learning_log().add_activity_attachment(id, file, activity.recorded_at,
                                                             signature_of(uploader));
                }
                if (a % 2 == 0) {
                    w.learning_log().append_signature(
                        {0, id, std::nullopt, supervisor_label,
                         demo_instant(activity.done_on.plus_days(1), "09:00:00")});
                } else if (a == 1) {
                    // Asked of the demo supervisør, who signs with the account. The kept digest is
                    // no SHA-256 of any known token (the id, padded): no link can use it, and
                    // the same seed gives the same data.
                    w.learning_log().add_sign_request(
                        {0, id, invitation, std::string(kDemoClinicalSupervisor), padded_digest(id),
                         demo_instant(as_of.plus_days(-2), "12:00:00"), trainee_label,
                         std::int64_t{as_of.plus_days(12).days_since_epoch()} * 86400,
                         std::nullopt});
                }
                ++added;
            }
            // The first objective at this doctor's stage.
            auto event = [&](ObjectiveEventKind kind, ObjectiveActorRole role,
                             std::optional<std::int64_t> person, const std::string& label,
                             int days_ago, const char* reason) {
                domain::ObjectiveEvent e;
                e.person_id = trainee.id;
                e.objective_id = alm[0].id;
                e.kind = kind;
                e.actor_role = role;
                e.actor_person_id = person;
                e.actor_label = label;
                if (role == ObjectiveActorRole::leader) {
                    e.municipality_number = "4601";
                }
                e.at = demo_instant(as_of.plus_days(-days_ago), "10:00:00");
                e.reason = reason;
                w.learning_log().append_event(e);
            };
            const auto stage = kStages[doctor];
            const int asked = 30 + 7 * static_cast<int>(doctor);
            event(ObjectiveEventKind::requested, ObjectiveActorRole::trainee, trainee.id,
                  trainee_label, asked, "");
            if (stage == DemoStage::recalled) {
                event(ObjectiveEventKind::recalled, ObjectiveActorRole::trainee, trainee.id,
                      trainee_label, asked - 2, "");
            }
            if (stage != DemoStage::requested && stage != DemoStage::recalled) {
                event(ObjectiveEventKind::recommended, ObjectiveActorRole::supervisor,
                      veiledere.front(), veileder_label, asked - 5, "");
                event(ObjectiveEventKind::recommended, ObjectiveActorRole::clinical_supervisor,
                      std::nullopt, supervisor_label, asked - 6, "");
            }
            const std::string leader = "Kari Leder (demo)";
            if (stage == DemoStage::approved || stage == DemoStage::reversed) {
                event(ObjectiveEventKind::approved, ObjectiveActorRole::leader, std::nullopt,
                      leader, asked - 10, "");
            }
            if (stage == DemoStage::rejected) {
                event(ObjectiveEventKind::rejected, ObjectiveActorRole::leader, std::nullopt,
                      leader, asked - 10, "Aktivitetene dekker ikke hele læringsmålet ennå.");
            }
            if (stage == DemoStage::reversed) {
                event(ObjectiveEventKind::reversed, ObjectiveActorRole::leader, std::nullopt,
                      leader, asked - 12, "Godkjent ved en feil: gjaldt en annen lege.");
            }
            ++doctor;
        }
        return added;
    });
}

}  // namespace alis::app
