#include "app/demo_supervision.hpp"

#include <array>
#include <string>

#include "domain/splitmix.hpp"
#include "domain/supervision_group.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

constexpr std::array<const char*, 6> kTopics = {
    "Gjennomgang av kasus fra legevakten",        "Individuell utdanningsplan: neste halvår",
    "Læringsmål i akuttmedisin og kommunikasjon", "Pasienter med sammensatte lidelser",
    "Arbeidsbelastning og listelengde",           "Forberedelse til institusjonstjenesten",
};
constexpr std::array<const char*, 4> kMinutes = {
    "Vi gikk gjennom tre pasientkasus. Legen leser seg opp på retningslinjene til neste gang.",
    "Planen for neste halvår er avtalt. Hospitering hos kommuneoverlegen i vår.",
    "Samtale om arbeidsdagen og prioriteringer. Oppfølging neste måned.",
    "Tilbakemelding på journalføring. Legen tar opp to egne kasus neste gang.",
};

domain::SupervisionMeeting meeting(std::int64_t trainee, std::int64_t veileder,
                                   const std::string& veileder_name, domain::Date held_on,
                                   int minutes, std::size_t topic) {
    domain::SupervisionMeeting m;
    m.trainee_person_id = trainee;
    m.supervisor_person_id = veileder;
    m.held_on = held_on;
    m.duration_minutes = minutes;
    m.topics = kTopics[topic % kTopics.size()];
    m.minutes = kMinutes[topic % kMinutes.size()];
    m.planned_at = held_on.plus_days(-14).iso() + "T09:00:00Z";
    m.planned_by = veileder_name + " (demo)";
    return m;
}

// Two supervision groups in Bergen, led by the first trainee's veileder: the trainees in turn,
// joined 18 and 8 months ago, a three-hour meeting every month up to last month, and most
// members at most meetings.
void add_groups(store::UnitOfWork& w, domain::Date as_of, domain::SplitMix64& random) {
    const auto trainees = w.people().trainees_employed_by("4601", as_of);
    if (trainees.empty()) {
        return;
    }
    const auto leaders = w.supervisors().supervisors_of(trainees.front().id, as_of);
    if (leaders.empty()) {
        return;
    }
    const std::array<std::pair<const char*, int>, 2> groups = {
        {{"Veiledningsgruppe Bergenhus", -18}, {"Veiledningsgruppe Åsane", -8}}};
    for (std::size_t g = 0; g < groups.size(); ++g) {
        domain::SupervisionGroup group;
        group.municipality_number = "4601";
        group.name = groups[g].first;
        group.group_supervisor_person_id = leaders.front();
        group.starts_on = month_start(as_of, groups[g].second);
        const auto id = w.supervision_groups().add_group(group);
        std::vector<std::int64_t> members;
        for (std::size_t i = g; i < trainees.size() && members.size() < 8; i += 2) {
            if (trainees[i].id == leaders.front()) {
                continue;
            }
            w.supervision_groups().add_member({0, id, trainees[i].id, group.starts_on, {}});
            members.push_back(trainees[i].id);
        }
        for (domain::Date month = group.starts_on; month < month_start(as_of, 0);
             month = month_start(month, 1)) {
            const auto meeting = w.supervision_groups().add_meeting(
                {0, id, month.plus_days(14), 180,
                 kTopics[static_cast<std::size_t>(random.between(0, 5))]});
            for (const auto member : members) {
                if (random.between(0, 5) != 0) {
                    w.supervision_groups().add_attendance(meeting, member);
                }
            }
        }
    }
}

}  // namespace

int add_demo_supervision(Application& app, domain::Date as_of, const DemoConfig& config) {
    return app.database().write([&](store::UnitOfWork& w) {
        domain::SplitMix64 random(config.seed ^ 0x5e551011ull);
        int added = 0;
        bool first = true;
        for (const auto& trainee : w.people().trainees_employed_by("4601", as_of)) {
            const auto veiledere = w.supervisors().supervisors_of(trainee.id, as_of);
            if (veiledere.empty() || veiledere.front() == trainee.id) {
                continue;
            }
            const auto veileder = veiledere.front();
            const auto person = w.people().find(veileder);
            const std::string name = person ? person->full_name : "Veileder";
            // From the current assignment's start, at most a year back.
            domain::Date from = month_start(as_of, -12);
            for (const auto& a : w.supervisors().assignments_of(trainee.id)) {
                if (a.supervisor_person_id == veileder && a.starts_on > from) {
                    from = month_start(a.starts_on, 1);
                }
            }
            const bool under_norm = random.between(0, 2) == 0;
            for (domain::Date month = from; month < month_start(as_of, 0);
                 month = month_start(month, 1)) {
                const auto index = static_cast<std::size_t>(random.between(0, 11));
                // The norm's 10.5 months a year: one month in eight without a meeting; under the
                // norm, an hour every other month.
                if (under_norm ? index % 2 == 0 : index == 0) {
                    continue;
                }
                const int minutes = under_norm ? 60 : (index % 3 == 0 ? 180 : 240);
                const auto m = meeting(trainee.id, veileder, name,
                                       month.plus_days(static_cast<int>(random.between(2, 25))),
                                       minutes, index);
                const auto id = w.supervision().add(m);
                w.supervision().close(trainee.id, id, m.held_on.iso() + "T16:00:00Z",
                                      name + " (demo)");
                if (first) {
                    w.supervision().append_addendum(domain::SupervisionAddendum{
                        0, id, "Avtalt hospitering på legevakten neste måned.",
                        m.held_on.plus_days(3).iso() + "T08:00:00Z", trainee.full_name});
                    first = false;
                }
                ++added;
            }
            auto next = meeting(trainee.id, veileder, name, as_of.plus_days(7), 90,
                                static_cast<std::size_t>(trainee.id));
            next.minutes.clear();
            w.supervision().add(next);
            ++added;
        }
        add_groups(w, as_of, random);
        if (w.municipalities().find("4621")) {
            w.supervision().set_norm("4621", "alis_vest");
        }
        return added;
    });
}

}  // namespace alis::app
