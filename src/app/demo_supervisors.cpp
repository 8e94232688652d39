#include "app/demo_supervisors.hpp"

#include "store/database.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "domain/splitmix.hpp"
#include "domain/text_lines.hpp"
#include "embedded.hpp"

namespace alis::app {
namespace {

using domain::Date;

std::vector<std::string> names_in(std::string_view path) {
    const auto& files = embedded::files();
    const auto it = files.find(path);
    if (it == files.end()) {
        throw store::StoreError("demo data file missing from the build: " + std::string(path));
    }
    return domain::text_lines(it->second);
}

const std::vector<std::string> kOffices = {"Sentrum legesenter",   "Torget legekontor",
                                           "Fjordbyen legesenter", "Kommunelegekontoret",
                                           "Nordre legesenter",    "Havna legekontor"};

// A supervisor to register, with the trainees to assign.
struct Planned {
    domain::Supervisor supervisor;
    std::optional<std::int64_t> person_id;  // Known person; otherwise created with `name`.
    std::string name;
    std::vector<std::pair<std::int64_t, Date>> trainees;  // Trainee and start of supervision.
};

}  // namespace

int add_demo_supervisors(Application& app, Date as_of, const DemoConfig& config) {
    domain::SplitMix64 random(config.seed ^ 0x5u);
    const auto given = names_in("data/demo/given_names.txt");
    const auto family = names_in("data/demo/family_names.txt");
    const Date month_start = *Date::from_ymd(as_of.year(), as_of.month(), 1);
    std::vector<Planned> planned;
    int hpr = 9500000;
    app.database().read([&](const store::Snapshot& s) {
        std::optional<std::int64_t> demo_supervisor;
        if (const auto account = s.identity().find_account_by_email("veileder@demo.alis.no")) {
            demo_supervisor = account->person_id;
        }
        for (const auto& m : s.municipalities().all()) {
            auto trainees = s.people().trainees_employed_by(m.number, as_of);
            std::erase_if(trainees, [&](const domain::Person& p) {
                return !s.supervisors()
                            .supervisors_of(p.id, as_of)
                            .empty();  // The demo accounts' trainee.
            });
            if (trainees.empty()) {
                continue;
            }
            const std::size_t first = planned.size();
            const bool bergen = m.number == "4601";
            if (bergen && demo_supervisor) {
                Planned p;
                p.person_id = demo_supervisor;
                p.supervisor.office = "Danmarksplass legesenter";
                p.supervisor.home_municipality_number = m.number;
                planned.push_back(std::move(p));
            }
            // One supervisor per two trainees, rounded up; at national scale a few more (11 per
            // 20), since not every supervisor there takes a second trainee.
            const int per_twenty = config.scale == DemoScale::national ? 11 : 10;
            const int count =
                std::max(1, (static_cast<int>(trainees.size()) * per_twenty + 19) / 20);
            for (int i = 0; i < count; ++i) {
                Planned p;
                p.name = random.pick(given) + " " + random.pick(family);
                p.supervisor.office = random.pick(kOffices);
                p.supervisor.home_municipality_number = m.number;
                if (random.chance(m.centrality_class >= 5 ? 45 : 15)) {
                    p.supervisor.qualification =
                        domain::SupervisorQualification::approved_experienced;
                    p.supervisor.approved_on = month_start.plus_days(-30 * random.between(2, 60));
                    p.supervisor.approval_reason =
                        "Allmennlege med over ti års erfaring fra fastlegeliste i kommunen; "
                        "godkjent etter søknad og samtale med kommuneoverlegen.";
                }
                planned.push_back(std::move(p));
            }
            if (bergen) {
                Planned p;
                p.name = "Astrid Askøy-Berg";
                p.supervisor.office = "Kleppestø legesenter";
                p.supervisor.home_municipality_number = "4627";
                p.supervisor.agreement_reference =
                    "Avtale om interkommunal veiledning Bergen–Askøy";
                p.supervisor.agreement_date = *Date::from_ymd(2024, 2, 1);
                planned.push_back(std::move(p));
            }
            for (std::size_t i = first; i < planned.size(); ++i) {
                planned[i].supervisor.municipality_number = m.number;
                planned[i].supervisor.registered_on = month_start.plus_days(-365);
            }
            // Most trainees get a supervisor, at most two each (the demo person fills up first).
            std::size_t next = first;
            for (const auto& trainee : trainees) {
                if (!random.chance(85)) {
                    continue;
                }
                while (next < planned.size() &&
                       planned[next].trainees.size() + (planned[next].person_id ? 1 : 0) >= 2) {
                    ++next;
                }
                if (next == planned.size()) {
                    break;
                }
                // Supervision started up to two years ago, at national scale up to ten (most of
                // them when the employment started, as the named supervisor follows the path).
                const int back = config.scale == DemoScale::national ? 120 : 24;
                Date from = month_start.plus_days(-30 * static_cast<int>(random.between(1, back)));
                for (const auto& e : s.people().employments_of(trainee.id)) {
                    if (e.municipality_number == m.number && e.starts_on <= as_of &&
                        (!e.ends_on || as_of <= *e.ends_on)) {
                        from = std::max(from, e.starts_on);
                    }
                }
                planned[next].trainees.emplace_back(trainee.id, from);
            }
        }
    });

    app.database().write([&](store::UnitOfWork& writer) {
        for (auto& p : planned) {
            if (!p.person_id) {
                domain::Person person;
                person.full_name = p.name;
                person.hpr_number = std::to_string(hpr++);
                person.training_status =
                    p.supervisor.qualification == domain::SupervisorQualification::specialist
                        ? domain::TrainingStatus::specialist
                        : domain::TrainingStatus::not_in_training;
                p.person_id = writer.people().add(person);
            }
            p.supervisor.person_id = *p.person_id;
            writer.supervisors().add(p.supervisor);
            for (const auto& [trainee, from] : p.trainees) {
                domain::SupervisorAssignment a;
                a.supervisor_person_id = *p.person_id;
                a.trainee_person_id = trainee;
                a.starts_on = from;
                writer.supervisors().add_assignment(a);
            }
        }
    });
    return static_cast<int>(planned.size());
}

}  // namespace alis::app
