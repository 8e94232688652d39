#include "app/demo_education_plans.hpp"

#include "store/database.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/splitmix.hpp"

namespace alis::app {
namespace {

using domain::Arena;
using domain::Date;
using domain::PlannedPeriod;

struct Author {
    std::optional<std::int64_t> account_id;
    std::string label;
};

Author author(const store::Snapshot& store, const std::string& email) {
    const auto account = store.identity().find_account_by_email(email);
    if (!account) {
        return {std::nullopt, "system"};
    }
    return {account->id, account->display_name + " (" + account->email + ")"};
}

domain::EducationPlanRevision revision(std::int64_t person, Date on, const Author& who,
                                       domain::EducationPlan plan, std::string note) {
    domain::EducationPlanRevision r;
    r.person_id = person;
    r.revised_on = on;
    r.revised_at = on.iso() + "T09:30:00Z";
    r.author_account_id = who.account_id;
    r.author_label = who.label;
    r.plan = std::move(plan);
    r.note = std::move(note);
    return r;
}

// A plan made on `made`: open practice from the start of the employment, institution service
// starting `institution_in` months after `made` (none when negative), then open practice until
// four years after `made`.
domain::EducationPlan plan_made(Date made, Date employed_from, int institution_in,
                                const std::string& practice, const std::string& hospital) {
    domain::EducationPlan plan;
    // To the end of five years of service from the start, with six months to spare.
    const Date end = std::max(month_start(made, 48), month_start(employed_from, 66)).plus_days(-1);
    if (institution_in < 0) {
        plan.periods.push_back({Arena::open_general_practice, practice, employed_from, end, 100});
    } else {
        const Date institution = month_start(made, std::max(1, institution_in));
        const Date back = month_start(institution, 6);
        if (employed_from < institution) {
            plan.periods.push_back({Arena::open_general_practice, practice, employed_from,
                                    institution.plus_days(-1), 100});
        }
        plan.periods.push_back(
            {Arena::institution, hospital, institution, back.plus_days(-1), 100});
        plan.periods.push_back({Arena::open_general_practice, practice, back, end, 100});
    }
    plan.supervision_group =
        "Veiledningsgruppe for ALIS i Bergen og omegn, 8 deltakere.\nMøtes første tirsdag i "
        "måneden, 4 timer.";
    plan.courses = "Grunnkurs i allmennmedisin\nKurs i akuttmedisin (legevakt)";
    plan.next_months =
        "Fortsette på fastlegelisten med 1 200 pasienter.\nVeiledning 2 timer i måneden.\n"
        "Planlegge institusjonstjenesten med sykehuset og finne vikar for listen.";
    return plan;
}

Date first_employment(const store::Snapshot& store, std::int64_t person, Date fallback) {
    const auto employments = store.people().employments_of(person);
    return employments.empty() ? fallback : employments.front().starts_on;
}

int months_between(Date from, Date to) {
    return (to.year() * 12 + to.month()) - (from.year() * 12 + from.month());
}

// At national scale: four in five trainees employed on `as_of` who have no plan yet get one,
// made in the first weeks of their current employment and revised about once a year since;
// after each revision one plan in seven is not revised again although the next is due, as plans
// go in practice. The author is the municipality's chief medical officer, who has no account in
// the demo.
void add_national_plans(const store::Snapshot& store, Date as_of, std::uint64_t seed,
                        const std::set<std::int64_t>& planned,
                        std::vector<domain::EducationPlanRevision>& revisions) {
    domain::SplitMix64 random(seed ^ 0x9u);
    for (const auto& m : store.municipalities().all()) {
        const Author officer{std::nullopt, "Kommuneoverlegen i " + m.name};
        for (const auto& person : store.people().trainees_employed_by(m.number, as_of)) {
            if (planned.contains(person.id) || !random.chance(80)) {
                continue;
            }
            std::optional<Date> from;
            for (const auto& e : store.people().employments_of(person.id)) {
                if (e.municipality_number == m.number && e.starts_on <= as_of &&
                    (!e.ends_on || as_of <= *e.ends_on)) {
                    from = e.starts_on;
                }
            }
            std::optional<domain::ServicePeriod> institution;
            for (const auto& p : store.people().service_periods_of(person.id)) {
                if (!institution && p.arena == Arena::institution && from && *from < p.starts_on) {
                    institution = p;
                }
            }
            const std::string practice = m.name + " legekontor";
            const std::string hospital = institution ? institution->place : "Sykehus etter avtale";
            Date on = std::min(as_of, from.value_or(as_of).plus_days(random.between(5, 30)));
            for (int k = 0; on <= as_of; ++k) {
                const int institution_in = institution && on < institution->starts_on
                                               ? months_between(on, institution->starts_on)
                                               : -1;
                auto plan = plan_made(on, from.value_or(on), institution_in, practice, hospital);
                plan.supervision_group = "Veiledningsgruppe for ALIS i " + m.name +
                                         " og omegn.\nMøtes en gang i måneden, 4 timer.";
                revisions.push_back(
                    revision(person.id, on, officer, std::move(plan),
                             k == 0 ? "Første plan, laget i oppstartsmøtet." : "Årlig revisjon."));
                if (random.chance(15)) {
                    break;
                }
                on = month_start(on, 12).plus_days(random.between(-20, 20));
            }
        }
    }
}

}  // namespace

int add_demo_education_plans(Application& app, Date as_of, const DemoConfig& config) {
    std::vector<domain::EducationPlanRevision> revisions;
    app.database().read([&](const store::Snapshot& store) {
        const Author leader = author(store, "leder.bergen@demo.alis.no");
        const Author supervisor = author(store, "veileder@demo.alis.no");
        const Author trainee_account = author(store, "alis@demo.alis.no");
        const Author tromso = author(store, "leder.tromso@demo.alis.no");
        std::optional<std::int64_t> demo_trainee;
        if (const auto account = store.identity().find_account_by_email("alis@demo.alis.no")) {
            demo_trainee = account->person_id;
        }
        if (demo_trainee) {
            const Date from = first_employment(store, *demo_trainee, month_start(as_of, -30));
            const std::string practice = "Fastlegekontoret i Sentrum, Bergen";
            const std::string hospital = "Haukeland universitetssjukehus";
            // Made soon after the start (at most 26 months ago), revised since, the last 3 months
            // ago.
            const Date first =
                std::min(as_of, std::max(from, month_start(as_of, -26)).plus_days(9));
            const Date third = month_start(as_of, -3).plus_days(4);
            revisions.push_back(revision(*demo_trainee, first, leader,
                                         plan_made(first, from, -1, practice, hospital),
                                         "Første plan, laget i oppstartsmøtet."));
            if (first < third) {
                const Date second =
                    Date::from_days((first.days_since_epoch() + third.days_since_epoch()) / 2);
                revisions.push_back(revision(*demo_trainee, second, supervisor,
                                             plan_made(first, from, 30, practice, hospital),
                                             "Institusjonstjeneste avtalt med Haukeland."));
                auto moved = plan_made(first, from, 31, practice, hospital);
                moved.courses += "\nKurs i palliativ medisin";
                moved.next_months =
                    "Institusjonstjenesten starter en måned senere enn planlagt.\nVikar er ansatt.";
                revisions.push_back(
                    revision(*demo_trainee, third, trainee_account, std::move(moved), ""));
            }
        }
        // Three more in Bergen: the first employed long enough gets a plan 15 months old (due for
        // revision), two others recent plans.
        bool overdue_given = false;
        int recent = 0;
        const Date overdue_on = month_start(as_of, -15).plus_days(2);
        for (const auto& person : store.people().trainees_employed_by("4601", as_of)) {
            if (person.id == demo_trainee) {
                continue;
            }
            const Date from = first_employment(store, person.id, month_start(as_of, -24));
            Date made;
            if (!overdue_given && from < overdue_on) {
                overdue_given = true;
                made = overdue_on;
            } else if (recent < 2) {
                ++recent;
                made =
                    std::min(as_of, std::max(from.plus_days(7), month_start(as_of, -4 - recent)));
            } else {
                continue;
            }
            revisions.push_back(revision(
                person.id, made, leader,
                plan_made(made, from, recent == 1 ? -1 : 8, "Legesenteret i Bergen", "Haukeland"),
                ""));
            if (overdue_given && recent == 2) {
                break;
            }
        }
        const auto tromso_trainees = store.people().trainees_employed_by("5501", as_of);
        if (!tromso_trainees.empty()) {
            const auto& person = tromso_trainees.front();
            const Date made = month_start(as_of, -2);
            revisions.push_back(
                revision(person.id, made, tromso,
                         plan_made(made, first_employment(store, person.id, made), 12,
                                   "Tromsø legesenter", "Universitetssykehuset Nord-Norge"),
                         ""));
        }
        if (config.scale == DemoScale::national) {
            std::set<std::int64_t> planned;
            for (const auto& r : revisions) {
                planned.insert(r.person_id);
            }
            add_national_plans(store, as_of, config.seed, planned, revisions);
        }
    });
    app.database().write([&](store::UnitOfWork& writer) {
        for (const auto& r : revisions) {
            writer.education_plans().add_revision(r);
        }
    });
    return static_cast<int>(revisions.size());
}

}  // namespace alis::app
