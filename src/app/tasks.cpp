#include "app/tasks.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/courses.hpp"
#include "app/education_plan.hpp"
#include "app/learning_log.hpp"
#include "app/money_rules.hpp"
#include "app/region_overview.hpp"
#include "app/supervisors.hpp"
#include "app/trainee_overview.hpp"
#include "domain/agreement.hpp"
#include "domain/signed_document.hpp"
#include "domain/supervision.hpp"
#include "domain/text.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

using domain::Role;

bool grant_active_on(const domain::RoleGrant& grant, domain::Date day) {
    return grant.starts_on <= day && (!grant.ends_on || day <= *grant.ends_on);
}

std::string person_url(std::int64_t person_id) {
    return "/personer/" + std::to_string(person_id);
}

// The latest version of each series in `documents` (ordered by series, then version) that
// `party` has not signed.
template <typename SeriesOf>
std::vector<const domain::SignedDocument*> unsigned_latest(
    const std::vector<domain::SignedDocument>& documents, domain::DocumentParty party,
    SeriesOf series_of) {
    std::vector<const domain::SignedDocument*> waiting;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const auto& d = documents[i];
        const bool latest =
            i + 1 == documents.size() || series_of(documents[i + 1]) != series_of(d);
        if (latest && d.signature_of(party) == nullptr) {
            waiting.push_back(&d);
        }
    }
    return waiting;
}

// The page of the person's learning objective, where it is asked for, advised on and decided.
std::string objective_url(std::int64_t person_id, std::int64_t objective_id) {
    return person_url(person_id) + "/laeringsmaal/" + std::to_string(objective_id);
}

// The day of a UTC instant ("2026-11-20T10:00:00Z").
std::optional<domain::Date> day_of(const std::string& instant) {
    return domain::Date::parse_iso(std::string_view(instant).substr(0, 10));
}

// Whether `e` is advice given by this account: the same person, or the account's e-mail in the
// event's label as signature_of writes it ("Name (email)", or the e-mail alone). The e-mail is
// what identifies a supervisør, who is invited by address and often has no person in alis; the
// label keeps it even when the account's name changes later.
bool advised_by(const domain::ObjectiveEvent& e, const Actor& actor) {
    if (e.kind != domain::ObjectiveEventKind::recommended &&
        e.kind != domain::ObjectiveEventKind::advised_against) {
        return false;
    }
    if (e.actor_person_id && actor.person_id && *e.actor_person_id == *actor.person_id) {
        return true;
    }
    const auto label = domain::lower_ascii(e.actor_label);
    const auto email = domain::lower_ascii(actor.email);
    return !email.empty() && (label == email || label.ends_with("(" + email + ")"));
}

// The doctor's open requests (from their events, in the order appended) that the actor has not
// advised on since each was made, oldest first.
std::vector<const domain::ObjectiveEvent*> requests_awaiting_advice(
    const std::vector<domain::ObjectiveEvent>& events, const Actor& actor) {
    std::map<std::int64_t, std::pair<const domain::ObjectiveEvent*, bool>> open;  // Advised?
    for (const auto& e : events) {
        switch (e.kind) {
            case domain::ObjectiveEventKind::requested:
                open[e.objective_id] = {&e, false};
                break;
            case domain::ObjectiveEventKind::recalled:
            case domain::ObjectiveEventKind::approved:
            case domain::ObjectiveEventKind::rejected:
                open.erase(e.objective_id);
                break;
            case domain::ObjectiveEventKind::recommended:
            case domain::ObjectiveEventKind::advised_against:
                if (const auto it = open.find(e.objective_id);
                    it != open.end() && advised_by(e, actor)) {
                    it->second.second = true;
                }
                break;
            case domain::ObjectiveEventKind::reversed:
                break;
        }
    }
    std::vector<const domain::ObjectiveEvent*> waiting;
    for (const auto& entry : open) {
        if (!entry.second.second) {
            waiting.push_back(entry.second.first);
        }
    }
    std::sort(waiting.begin(), waiting.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    return waiting;
}

// The advice_asked tasks of `role` for the doctors (id and name) the actor advises: the open
// requests the actor has not advised on yet. One read of each doctor's events.
void advice_tasks(Application& app,
                  const std::vector<std::pair<std::int64_t, std::string>>& doctors,
                  const Actor& actor, Role role, std::vector<Task>& tasks) {
    app.database().read([&](const store::Snapshot& s) {
        std::map<std::int64_t, std::string> codes;
        for (const auto& [doctor, name] : doctors) {
            if (actor.person_id && *actor.person_id == doctor) {
                continue;  // Nobody advises on their own requests.
            }
            const auto events = s.learning_log().events_of(doctor);
            for (const auto* request : requests_awaiting_advice(events, actor)) {
                auto [code, fresh] = codes.try_emplace(request->objective_id);
                if (fresh) {
                    const auto o = s.learning_objectives().find_objective(request->objective_id);
                    code->second = o ? o->code : std::to_string(request->objective_id);
                }
                Task t{TaskKind::advice_asked,
                       role,
                       name,
                       0,
                       day_of(request->at),
                       objective_url(doctor, request->objective_id)};
                t.objective = code->second;
                tasks.push_back(std::move(t));
            }
        }
    });
}

// The doctor's requests that came back: the last decision on the objective is a rejection or a
// reversal, and no request is open since (one recalled does not count). By the decision, oldest
// first.
void returned_objective_tasks(Application& app, std::int64_t person_id, std::vector<Task>& tasks) {
    app.database().read([&](const store::Snapshot& s) {
        const auto events = s.learning_log().events_of(person_id);
        // By objective: the decision in force, and whether a request is open. A recalled
        // request leaves the decision before it as the last word (its reason is shown again).
        std::map<std::int64_t, std::pair<const domain::ObjectiveEvent*, bool>> last;
        for (const auto& e : events) {
            auto& [decision, asked] = last[e.objective_id];
            switch (e.kind) {
                case domain::ObjectiveEventKind::requested:
                    asked = true;
                    break;
                case domain::ObjectiveEventKind::recalled:
                    asked = false;
                    break;
                case domain::ObjectiveEventKind::approved:
                case domain::ObjectiveEventKind::rejected:
                case domain::ObjectiveEventKind::reversed:
                    decision = &e;
                    asked = false;
                    break;
                case domain::ObjectiveEventKind::recommended:
                case domain::ObjectiveEventKind::advised_against:
                    break;
            }
        }
        std::vector<const domain::ObjectiveEvent*> returned;
        for (const auto& entry : last) {
            const auto* decision = entry.second.first;
            if (!entry.second.second && decision != nullptr &&
                decision->kind != domain::ObjectiveEventKind::approved) {
                returned.push_back(decision);
            }
        }
        std::sort(returned.begin(), returned.end(),
                  [](const auto* a, const auto* b) { return a->id < b->id; });
        for (const auto* e : returned) {
            const auto o = s.learning_objectives().find_objective(e->objective_id);
            Task t{TaskKind::objective_returned,
                   Role::trainee,
                   {},
                   0,
                   day_of(e->at),
                   objective_url(person_id, e->objective_id)};
            t.objective = o ? o->code : std::to_string(e->objective_id);
            tasks.push_back(std::move(t));
        }
    });
}

// The trainee's own record: the next meeting to prepare, the plan, agreements to sign, the
// objectives sent back, and the required courses not completed yet.
void trainee_tasks(Application& app, std::int64_t person_id, domain::Date today,
                   std::vector<Task>& tasks) {
    std::vector<domain::SupervisionMeeting> meetings;
    std::optional<domain::EducationPlanRevision> plan;
    std::vector<domain::SignedDocument> documents;
    std::vector<domain::Agreement> agreements;
    std::map<std::int64_t, std::string> municipality_of;  // By employment: the municipality's name.
    app.database().read([&](const store::Snapshot& s) {
        meetings = s.supervision().meetings_of(person_id);
        plan = s.education_plans().current_of(person_id);
        documents = s.documents().documents_of(person_id);
        if (documents.empty()) {
            return;
        }
        agreements = s.grants().agreements_of(person_id);
        for (const auto& e : s.people().employments_of(person_id)) {
            const auto m = s.municipalities().find(e.municipality_number);
            municipality_of[e.id] = m ? m->name : e.municipality_number;
        }
    });
    const auto next = std::find_if(meetings.begin(), meetings.end(), [&](const auto& m) {
        return !m.is_closed() && today <= m.held_on;
    });
    if (next != meetings.end()) {
        tasks.push_back({TaskKind::prepare_meeting,
                         Role::trainee,
                         {},
                         0,
                         next->held_on,
                         person_url(person_id) + "/veiledning/" + std::to_string(next->id)});
    }
    const auto plan_url = person_url(person_id) + "/utdanningsplan/revider";
    if (!plan) {
        tasks.push_back({TaskKind::make_education_plan, Role::trainee, {}, 0, {}, plan_url});
    } else if (const auto due = plan_revision_due(plan); due && *due <= today) {
        tasks.push_back({TaskKind::revise_education_plan, Role::trainee, {}, 0, due, plan_url});
    }
    for (const auto* d : unsigned_latest(documents, domain::DocumentParty::trainee,
                                         [](const auto& x) { return x.agreement_id; })) {
        const auto agreement =
            std::find_if(agreements.begin(), agreements.end(),
                         [&](const domain::Agreement& a) { return a.id == d->agreement_id; });
        if (agreement == agreements.end() ||
            agreement->status == domain::AgreementStatus::cancelled) {
            continue;
        }
        tasks.push_back({TaskKind::sign_alis_agreement,
                         Role::trainee,
                         municipality_of[agreement->employment_id],
                         d->version,
                         {},
                         person_url(person_id) + "/dokumenter/" + std::to_string(d->id)});
    }
    returned_objective_tasks(app, person_id, tasks);
    if (const auto missing = completed_courses(app, person_id).missing.size(); missing > 0) {
        tasks.push_back({TaskKind::courses_missing,
                         Role::trainee,
                         {},
                         static_cast<int>(missing),
                         {},
                         person_url(person_id) + "/kurs"});
    }
}

// The veileder's trainees of today: minutes to close, requests to advise on, then the trainees
// not met this month.
void supervisor_tasks(Application& app, const Actor& actor, domain::Date today,
                      std::vector<Task>& tasks) {
    const std::int64_t person_id = *actor.person_id;
    const auto trainees = supervised_trainees(app, person_id, today);
    std::vector<std::vector<domain::SupervisionMeeting>> meetings(trainees.size());
    app.database().read([&](const store::Snapshot& s) {
        for (std::size_t i = 0; i < trainees.size(); ++i) {
            meetings[i] = s.supervision().meetings_of(trainees[i].person.id);
        }
    });
    const auto month = domain::Month::of(today);
    std::vector<Task> due;
    for (std::size_t i = 0; i < trainees.size(); ++i) {
        const auto& trainee = trainees[i].person;
        bool this_month = false;
        for (const auto& m : meetings[i]) {
            if (m.supervisor_person_id == person_id && !m.is_closed() && m.held_on <= today) {
                tasks.push_back({TaskKind::close_minutes, Role::supervisor, trainee.full_name, 0,
                                 m.held_on,
                                 person_url(trainee.id) + "/veiledning/" + std::to_string(m.id)});
            }
            this_month = this_month || domain::Month::of(m.held_on) == month;
        }
        if (!this_month) {
            due.push_back({TaskKind::meeting_due, Role::supervisor, trainee.full_name, 0,
                           month.last_day(), person_url(trainee.id) + "/veiledning/ny"});
        }
    }
    std::vector<std::pair<std::int64_t, std::string>> doctors;
    for (const auto& t : trainees) {
        doctors.emplace_back(t.person.id, t.person.full_name);
    }
    advice_tasks(app, doctors, actor, Role::supervisor, tasks);
    tasks.insert(tasks.end(), due.begin(), due.end());
    // The versions of the veileder's supervision agreements that wait for their signature.
    std::vector<Task> to_sign;
    app.database().read([&](const store::Snapshot& s) {
        const auto documents = s.documents().supervision_documents_of(person_id);
        for (const auto* d : unsigned_latest(documents, domain::DocumentParty::supervisor,
                                             [](const auto& x) { return x.supervisor_id; })) {
            const auto registration = s.supervisors().find_registration(*d->supervisor_id);
            const auto municipality = s.municipalities().find(registration->municipality_number);
            to_sign.push_back(
                {TaskKind::sign_supervision_agreement,
                 Role::supervisor,
                 municipality ? municipality->name : registration->municipality_number,
                 d->version,
                 {},
                 "/kommuner/" + registration->municipality_number + "/veiledere/" +
                     std::to_string(registration->id) + "/avtale/" + std::to_string(d->id)});
        }
    });
    tasks.insert(tasks.end(), to_sign.begin(), to_sign.end());
}

// The municipality's duties, from the leader's overview (kept per data generation, so a warm
// list reads nothing), its supervisors and the grant years' deadlines.
void leader_tasks(Application& app, const std::string& number, domain::Date today,
                  std::vector<Task>& tasks) {
    const auto overview = app.overviews().get(app, number, today, app.data_generation());
    if (!overview) {
        return;
    }
    int without_supervisor = 0;
    int revisions_due = 0;
    int institution = 0;
    for (const auto& row : overview->rows) {
        without_supervisor += row.supervisors.empty() ? 1 : 0;
        revisions_due += row.plan_revision_due && *row.plan_revision_due <= today ? 1 : 0;
        institution += row.institution_unplanned ? 1 : 0;
    }
    const auto& name = overview->municipality.name;
    const std::string base = "/kommuner/" + number;
    // The requests a doctor waits for first: the queue's two queries, whatever its size.
    if (const auto queue = approval_queue(app, number, today); !queue.empty()) {
        Task t{TaskKind::approvals_waiting,    Role::leader, name,
               static_cast<int>(queue.size()), {},           base + "/godkjenninger"};
        t.ready = static_cast<int>(
            std::count_if(queue.begin(), queue.end(), [](const auto& q) { return q.consulted; }));
        tasks.push_back(std::move(t));
    }
    const auto add = [&](TaskKind kind, int count, std::string url) {
        if (count > 0) {
            tasks.push_back({kind, Role::leader, name, count, {}, std::move(url)});
        }
    };
    add(TaskKind::trainees_without_supervisor, without_supervisor,
        base + "/oversikt?filter=uten-veileder");
    add(TaskKind::institution_unplanned, institution, base + "/oversikt?filter=varsler");
    add(TaskKind::plan_revisions_due, revisions_due, base + "/oversikt?filter=varsler");
    if (const auto list = supervisor_list(app, number, today)) {
        const auto over = std::count_if(
            list->supervisors.begin(), list->supervisors.end(),
            [&](const domain::SupervisorSummary& s) { return s.trainees > list->capacity; });
        add(TaskKind::supervisors_over_capacity, static_cast<int>(over), base + "/veiledere");
    }
    // A claim is due from the day after its refund period ends until its deadline. alis does
    // not record that a claim was sent, so the task stays until the deadline.
    for (const int year : embedded_grant_years()) {
        const auto& grant_year = embedded_grant_year(std::to_string(year));
        if (grant_year.refund_to < today && today <= grant_year.claim_deadline) {
            tasks.push_back({TaskKind::grant_claim_due, Role::leader, std::to_string(year), 0,
                             grant_year.claim_deadline,
                             base + "/tilskudd?grant_year=" + std::to_string(year)});
        }
    }
}

// The office's municipalities with the most warnings: trainees without a supervisor and at risk
// of delay, as the region page counts them.
void office_tasks(Application& app, const std::string& office, domain::Date today,
                  std::vector<Task>& tasks) {
    const auto region = region_overview(app, office, today);
    if (!region) {
        return;
    }
    std::vector<std::pair<int, const RegionMunicipality*>> ranked;
    for (const auto& m : region->municipalities) {
        const int warnings = m.counts.without_supervisor + m.at_risk;
        if (warnings > 0) {
            ranked.emplace_back(warnings, &m);
        }
    }
    // Most warnings first; the region's name order among equals.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (ranked.size() > static_cast<std::size_t>(kRegionTaskMunicipalities)) {
        ranked.resize(kRegionTaskMunicipalities);
    }
    for (const auto& [warnings, m] : ranked) {
        const auto& municipality = m->counts.municipality;
        tasks.push_back({TaskKind::municipality_warnings,
                         Role::regional_office,
                         municipality.name,
                         warnings,
                         {},
                         "/kommuner/" + municipality.number + "/oversikt?filter=varsler"});
    }
}

// The supervisør's: per doctor whose open invitations hold the account's e-mail address, the
// activities whose open sign-off request is to that address (`count`, on the progress report,
// where the account signs); then the open objective requests not advised on by this account
// since they were made. Never the account's own.
void clinical_supervisor_tasks(Application& app, const Actor& actor, std::vector<Task>& tasks) {
    std::vector<std::pair<std::int64_t, std::string>> doctors;
    const auto email = domain::lower_ascii(actor.email);
    const auto now = app.now();
    app.database().read([&](const store::Snapshot& s) {
        for (const auto id : s.learning_log().inviting_people(email)) {
            const auto p = s.people().find(id);
            if (!p || (actor.person_id && *actor.person_id == id)) {
                continue;
            }
            doctors.emplace_back(id, p->full_name);
            std::set<std::int64_t> asked;
            for (const auto& q : s.learning_log().sign_requests_of(id)) {
                if (q.email == email && q.is_open(now)) {
                    asked.insert(q.activity_id);
                }
            }
            if (!asked.empty()) {
                tasks.push_back({TaskKind::sign_off_asked, Role::clinical_supervisor, p->full_name,
                                 static_cast<int>(asked.size()), std::nullopt,
                                 "/personer/" + std::to_string(id) + "/laeringsmaal"});
            }
        }
    });
    advice_tasks(app, doctors, actor, Role::clinical_supervisor, tasks);
}

// The aggregate views, each named by `subject`.
void national_tasks(std::vector<Task>& tasks) {
    const std::pair<const char*, const char*> views[] = {
        {"stability", "/stabilitet"},
        {"stability_calendar", "/stabilitet/kalender"},
        {"coverage", "/dekning"}};
    for (const auto& [view, url] : views) {
        tasks.push_back({TaskKind::aggregate_view, Role::national, view, 0, {}, url});
    }
}

}  // namespace

std::vector<Task> tasks_of(Application& app, const Actor& actor, domain::Date today) {
    std::vector<Task> tasks;
    for (const auto& grant : actor.roles) {
        if (!grant_active_on(grant, today)) {
            continue;
        }
        switch (grant.role) {
            case Role::trainee:
                if (actor.person_id) {
                    trainee_tasks(app, *actor.person_id, today, tasks);
                }
                break;
            case Role::supervisor:
                if (actor.person_id) {
                    supervisor_tasks(app, actor, today, tasks);
                }
                break;
            case Role::leader:
                if (grant.municipality_number) {
                    leader_tasks(app, *grant.municipality_number, today, tasks);
                }
                break;
            case Role::regional_office:
                if (grant.alis_office) {
                    office_tasks(app, *grant.alis_office, today, tasks);
                }
                break;
            case Role::national:
                national_tasks(tasks);
                break;
            case Role::clinical_supervisor:  // Sign-offs and advice asked for.
                clinical_supervisor_tasks(app, actor, tasks);
                break;
            case Role::admin:  // System administration has no training tasks.
                break;
        }
    }
    return tasks;
}

}  // namespace alis::app
