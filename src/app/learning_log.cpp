#include "app/learning_log.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/attachments.hpp"
#include "app/auth.hpp"
#include "app/hashing.hpp"
#include "app/learning_objectives.hpp"
#include "app/training_ledger.hpp"
#include "domain/text.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

// The day the person's part 3 started: their first employment's, or `today` without one.
domain::Date part3_started(const store::Snapshot& s, std::int64_t person_id, domain::Date today) {
    std::optional<domain::Date> first;
    for (const auto& e : s.people().employments_of(person_id)) {
        if (!first || e.starts_on < *first) {
            first = e.starts_on;
        }
    }
    return first.value_or(today);
}

// The arenas the person's training path holds, served or planned: every service period's and the
// current education plan's.
std::vector<domain::Arena> path_arenas(const store::Snapshot& s, std::int64_t person_id,
                                       const std::vector<domain::ServicePeriod>& periods) {
    std::vector<domain::Arena> arenas;
    for (const auto& p : periods) {
        arenas.push_back(p.arena);
    }
    if (const auto plan = s.education_plans().current_of(person_id)) {
        for (const auto& p : plan->plan.periods) {
            arenas.push_back(p.arena);
        }
    }
    return arenas;
}

// The editions that apply to the person (domain::edition_rules_for), in catalogue order.
std::vector<domain::CatalogueEdition> applicable_editions(const store::Snapshot& s,
                                                          const domain::Person& person,
                                                          domain::Date today) {
    const auto stored = s.learning_objectives().editions();
    std::vector<domain::CatalogueEdition> result;
    const std::string ruleset = person.ruleset.value_or(kDefaultRuleset);
    for (const auto& rule : domain::edition_rules_for(objective_rules(), ruleset,
                                                      part3_started(s, person.id, today))) {
        if (const auto* edition = domain::edition_for(stored, rule)) {
            result.push_back(*edition);
        }
    }
    return result;
}

std::optional<LearningRecord> read_learning_record(const store::Snapshot& s, std::int64_t person_id,
                                                   domain::Date today) {
    auto person = s.people().find(person_id);
    if (!person) {
        return std::nullopt;
    }
    LearningRecord r;
    r.person = std::move(*person);
    r.activities = s.learning_log().activities_of(person_id);
    r.events = s.learning_log().events_of(person_id);
    r.invitations = s.learning_log().invitations_of(person_id);
    r.service_periods = s.people().service_periods_of(person_id);
    r.sign_requests = s.learning_log().sign_requests_of(person_id);
    const auto arenas = path_arenas(s, person_id, r.service_periods);
    std::map<std::int64_t, std::vector<domain::ObjectiveEvent>> events_by_objective;
    for (const auto& e : r.events) {
        events_by_objective[e.objective_id].push_back(e);
    }
    std::map<std::int64_t, std::pair<int, int>> activities_by_objective;  // All, signed.
    for (const auto& a : r.activities) {
        for (const auto id : a.objective_ids) {
            auto& [all, signed_off] = activities_by_objective[id];
            ++all;
            signed_off += a.signature ? 1 : 0;
        }
    }
    static const std::vector<domain::ObjectiveEvent> kNoEvents;
    for (auto& edition : applicable_editions(s, r.person, today)) {
        CatalogueProgress c;
        for (auto& objective : s.learning_objectives().objectives_of(edition.id)) {
            ObjectiveProgress p;
            const auto counted = activities_by_objective.find(objective.id);
            if (counted != activities_by_objective.end()) {
                p.activities = counted->second.first;
                p.signed_activities = counted->second.second;
            }
            const auto events = events_by_objective.find(objective.id);
            p.state = domain::objective_state(
                events == events_by_objective.end() ? kNoEvents : events->second,
                static_cast<std::size_t>(p.activities));
            p.at_risk = p.state.status != domain::ObjectiveStatus::approved &&
                        domain::objective_at_risk(objective, arenas);
            c.counts.add(p.state.status);
            c.counts.at_risk += p.at_risk ? 1 : 0;
            p.objective = std::move(objective);
            c.objectives.push_back(std::move(p));
        }
        c.edition = std::move(edition);
        r.catalogues.push_back(std::move(c));
    }
    return r;
}

// The veileder's role when the actor is the doctor's veileder on `today`, else a supervisør's.
domain::ObjectiveActorRole advisor_role(const store::Snapshot& s, std::int64_t person_id,
                                        const Actor& actor, domain::Date today) {
    if (actor.person_id) {
        const auto veiledere = s.supervisors().supervisors_of(person_id, today);
        if (std::find(veiledere.begin(), veiledere.end(), *actor.person_id) != veiledere.end()) {
            return domain::ObjectiveActorRole::supervisor;
        }
    }
    return domain::ObjectiveActorRole::clinical_supervisor;
}

domain::ObjectiveActorRole role_of_step(const store::Snapshot& s, std::int64_t person_id,
                                        domain::ObjectiveEventKind kind, const Actor& actor,
                                        domain::Date today) {
    using K = domain::ObjectiveEventKind;
    switch (kind) {
        case K::requested:
        case K::recalled:
            return domain::ObjectiveActorRole::trainee;
        case K::recommended:
        case K::advised_against:
            return advisor_role(s, person_id, actor, today);
        case K::approved:
        case K::rejected:
        case K::reversed:
            break;
    }
    return domain::ObjectiveActorRole::leader;
}

int days_between(const std::string& instant, domain::Date today) {
    const auto day = domain::Date::parse_iso(std::string_view(instant).substr(0, 10));
    return day ? std::max(0, today.days_since_epoch() - day->days_since_epoch()) : 0;
}

}  // namespace

const ObjectiveProgress* LearningRecord::find_objective(std::int64_t objective_id) const {
    for (const auto& c : catalogues) {
        for (const auto& o : c.objectives) {
            if (o.objective.id == objective_id) {
                return &o;
            }
        }
    }
    return nullptr;
}

std::optional<LearningRecord> learning_record(Application& app, std::int64_t person_id,
                                              domain::Date today) {
    return app.database().read(
        [&](const store::Snapshot& s) { return read_learning_record(s, person_id, today); });
}

std::variant<domain::LearningActivity, LearningLogProblem> record_activity(
    Application& app, std::int64_t person_id, const ActivityInput& input, const Actor& actor,
    domain::AuditEvent audit, domain::Date today) {
    if (input.objective_ids.empty()) {
        return LearningLogProblem::no_objectives;
    }
    if (today < input.done_on) {
        return LearningLogProblem::in_the_future;
    }
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::LearningActivity, LearningLogProblem> {
            const auto record = read_learning_record(w, person_id, today);
            if (!record) {
                return LearningLogProblem::unknown_objective;
            }
            for (const auto id : input.objective_ids) {
                if (record->find_objective(id) == nullptr) {
                    return LearningLogProblem::unknown_objective;
                }
            }
            if (input.service_period_id &&
                std::none_of(record->service_periods.begin(), record->service_periods.end(),
                             [&](const auto& p) { return p.id == *input.service_period_id; })) {
                return LearningLogProblem::unknown_service_period;
            }
            domain::LearningActivity a;
            a.person_id = person_id;
            a.kind = input.kind;
            a.done_on = input.done_on;
            a.service_period_id = input.service_period_id;
            a.title = input.title;
            a.reflection = input.reflection;
            a.recorded_at = audit.at;
            a.recorded_by = signature_of(actor);
            a.objective_ids = input.objective_ids;
            std::sort(a.objective_ids.begin(), a.objective_ids.end());
            a.objective_ids.erase(std::unique(a.objective_ids.begin(), a.objective_ids.end()),
                                  a.objective_ids.end());
            a.id = w.learning_log().add_activity(a);
            audit.subject_person_id = person_id;
            w.audit().append(audit);
            return a;
        });
}

ObjectiveStepResult take_objective_step(Application& app, std::int64_t person_id,
                                        std::int64_t objective_id, domain::ObjectiveEventKind kind,
                                        const std::string& reason, const Actor& actor,
                                        const std::optional<std::string>& leading,
                                        domain::AuditEvent audit, domain::Date today) {
    return app.database().write([&](store::UnitOfWork& w) {
        ObjectiveStepResult result;
        const auto record = read_learning_record(w, person_id, today);
        const auto* progress = record ? record->find_objective(objective_id) : nullptr;
        if (progress == nullptr) {
            result.problem = LearningLogProblem::unknown_objective;
            return result;
        }
        domain::ObjectiveEvent e;
        e.person_id = person_id;
        e.objective_id = objective_id;
        e.kind = kind;
        e.actor_role = role_of_step(w, person_id, kind, actor, today);
        e.actor_person_id = actor.person_id;
        e.actor_label = signature_of(actor);
        if (e.actor_role == domain::ObjectiveActorRole::leader) {
            e.municipality_number = leading;
        }
        e.at = audit.at;
        e.reason = reason;
        result.event_problem = domain::check_objective_event(progress->state, e);
        if (result.event_problem != domain::ObjectiveEventProblem::none) {
            result.problem = LearningLogProblem::event_refused;
            return result;
        }
        e.id = w.learning_log().append_event(e);
        audit.subject_person_id = person_id;
        audit.target = progress->objective.code;
        w.audit().append(audit);
        result.event = std::move(e);
        return result;
    });
}

std::variant<domain::ClinicalSupervisorInvitation, LearningLogProblem> invite_clinical_supervisor(
    Application& app, std::int64_t person_id, const std::string& email, const std::string& name,
    const Actor& actor, domain::AuditEvent audit) {
    const std::string address = domain::lower_ascii(email);
    if (domain::lower_ascii(actor.email) == address) {
        return LearningLogProblem::own_address;
    }
    return app.database().write(
        [&](store::UnitOfWork& w)
            -> std::variant<domain::ClinicalSupervisorInvitation, LearningLogProblem> {
            for (const auto& i : w.learning_log().invitations_of(person_id)) {
                if (i.email == address && !i.withdrawn_at) {
                    return LearningLogProblem::already_invited;
                }
            }
            domain::ClinicalSupervisorInvitation i;
            i.person_id = person_id;
            i.email = address;
            i.name = name;
            i.invited_at = audit.at;
            i.invited_by = signature_of(actor);
            i.id = w.learning_log().add_invitation(i);
            audit.subject_person_id = person_id;
            audit.target = address;
            w.audit().append(audit);
            return i;
        });
}

LearningLogProblem withdraw_clinical_supervisor(Application& app, std::int64_t person_id,
                                                std::int64_t invitation_id,
                                                domain::AuditEvent audit) {
    return app.database().write([&](store::UnitOfWork& w) {
        if (!w.learning_log().withdraw_invitation(person_id, invitation_id, audit.at)) {
            return LearningLogProblem::unknown_invitation;
        }
        audit.subject_person_id = person_id;
        audit.target = "invitation " + std::to_string(invitation_id);
        w.audit().append(audit);
        return LearningLogProblem::none;
    });
}

namespace {

// The activity of the person, or nullopt.
std::optional<domain::LearningActivity> activity_of(const store::Snapshot& s,
                                                    std::int64_t person_id,
                                                    std::int64_t activity_id) {
    for (auto& a : s.learning_log().activities_of(person_id)) {
        if (a.id == activity_id) {
            return std::move(a);
        }
    }
    return std::nullopt;
}

// Appends the signature of the activity of a request just used, signed at `audit.at`, and
// `audit`.
void sign_with_request(store::UnitOfWork& w, const domain::ActivitySignRequest& request,
                       std::optional<std::int64_t> signer_person_id, const std::string& signer,
                       std::int64_t person_id, domain::AuditEvent& audit) {
    w.learning_log().append_signature({0, request.activity_id, signer_person_id, signer, audit.at});
    audit.subject_person_id = person_id;
    audit.target = "activity " + std::to_string(request.activity_id);
    w.audit().append(audit);
}

}  // namespace

Resource activity_resource(Application& app, std::int64_t person_id, std::int64_t activity_id,
                           domain::Date day, std::int64_t now) {
    auto r = person_resource(app, person_id, day);
    const auto requests = app.database().read([&](const store::Snapshot& s) {
        return s.learning_log().activity_owner(activity_id) == person_id
                   ? std::optional(s.learning_log().sign_requests_of(person_id))
                   : std::nullopt;
    });
    if (!requests) {
        return Resource{};
    }
    r.kind = Resource::Kind::activity;
    for (const auto& q : *requests) {
        if (q.activity_id == activity_id && q.is_open(now)) {
            r.activity_signer_emails.push_back(q.email);
        }
    }
    return r;
}

std::variant<SignOffLink, LearningLogProblem> request_sign_off(
    Application& app, std::int64_t person_id, std::int64_t activity_id, std::int64_t invitation_id,
    const Actor& actor, domain::AuditEvent audit, std::int64_t now, const SignOffMail& mail) {
    const std::string token = random_token();
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<SignOffLink, LearningLogProblem> {
            const auto activity = activity_of(w, person_id, activity_id);
            if (!activity) {
                return LearningLogProblem::unknown_activity;
            }
            if (activity->signature) {
                return LearningLogProblem::already_signed;
            }
            std::optional<domain::ClinicalSupervisorInvitation> invitation;
            for (auto& i : w.learning_log().invitations_of(person_id)) {
                if (i.id == invitation_id && !i.withdrawn_at) {
                    invitation = std::move(i);
                }
            }
            if (!invitation) {
                return LearningLogProblem::unknown_invitation;
            }
            domain::ActivitySignRequest r;
            r.activity_id = activity_id;
            r.invitation_id = invitation_id;
            r.email = invitation->email;
            r.token_sha256 = sha256_hex(token);
            r.requested_at = audit.at;
            r.requested_by = signature_of(actor);
            r.expires_at = now + domain::kSignRequestSeconds;
            r.id = w.learning_log().add_sign_request(r);
            auto m = mail(token, *invitation);
            m.queued_at = now;
            m.next_attempt_at = now;
            w.mail_outbox().add(m);
            audit.subject_person_id = person_id;
            audit.target = "activity " + std::to_string(activity_id) + " to " + r.email;
            w.audit().append(audit);
            return SignOffLink{std::move(r), token};
        });
}

namespace {

SignOffLookup lookup_link(const store::Snapshot& s, const std::string& token, std::int64_t now) {
    SignOffLookup result;
    const auto request = s.learning_log().find_sign_request(sha256_hex(token));
    if (!request) {
        return result;
    }
    const auto owner = s.learning_log().activity_owner(request->activity_id);
    const auto activity = owner ? activity_of(s, *owner, request->activity_id) : std::nullopt;
    if (!activity) {
        return result;
    }
    if (request->used_at) {
        result.state = SignOffLinkState::used;
        return result;
    }
    if (request->expires_at <= now) {
        result.state = SignOffLinkState::expired;
        return result;
    }
    if (activity->signature) {
        result.state = SignOffLinkState::signed_already;
        return result;
    }
    SignOffView view;
    view.request = *request;
    view.activity = *activity;
    if (const auto person = s.people().find(*owner)) {
        view.doctor_name = person->full_name;
    }
    for (const auto& i : s.learning_log().invitations_of(*owner)) {
        if (i.id == request->invitation_id) {
            view.supervisor_name = i.name;
        }
    }
    for (const auto id : activity->objective_ids) {
        if (const auto o = s.learning_objectives().find_objective(id)) {
            view.objective_codes.push_back(o->code);
        }
    }
    result.state = SignOffLinkState::valid;
    result.view = std::move(view);
    return result;
}

}  // namespace

SignOffLookup sign_off_link(Application& app, const std::string& token, std::int64_t now) {
    return app.database().read(
        [&](const store::Snapshot& s) { return lookup_link(s, token, now); });
}

SignOffLinkState sign_off_by_link(Application& app, const std::string& token,
                                  domain::AuditEvent audit, std::int64_t now) {
    return app.database().write([&](store::UnitOfWork& w) {
        const auto found = lookup_link(w, token, now);
        if (found.state != SignOffLinkState::valid) {
            return found.state;
        }
        const auto& v = *found.view;
        if (!w.learning_log().use_sign_request(v.request.id, audit.at, now)) {
            return SignOffLinkState::used;
        }
        const std::string signer = v.supervisor_name + " (" + v.request.email + ")";
        audit.actor_label = v.request.email;
        sign_with_request(w, v.request, std::nullopt, signer, v.activity.person_id, audit);
        return SignOffLinkState::valid;
    });
}

LearningLogProblem sign_off_activity(Application& app, std::int64_t person_id,
                                     std::int64_t activity_id, const Actor& actor,
                                     domain::AuditEvent audit, std::int64_t now) {
    const std::string email = domain::lower_ascii(actor.email);
    return app.database().write([&](store::UnitOfWork& w) {
        const auto activity = activity_of(w, person_id, activity_id);
        if (!activity) {
            return LearningLogProblem::unknown_activity;
        }
        if (activity->signature) {
            return LearningLogProblem::already_signed;
        }
        for (const auto& q : w.learning_log().sign_requests_of(person_id)) {
            if (q.activity_id == activity_id && q.email == email && q.is_open(now) &&
                w.learning_log().use_sign_request(q.id, audit.at, now)) {
                sign_with_request(w, q, actor.person_id, signature_of(actor), person_id, audit);
                return LearningLogProblem::none;
            }
        }
        return LearningLogProblem::not_asked;
    });
}

std::variant<domain::Attachment, LearningLogProblem> attach_to_activity(
    Application& app, std::int64_t person_id, std::int64_t activity_id, std::string_view file_name,
    std::string bytes, const Actor& actor, domain::AuditEvent audit) {
    auto upload = read_upload(file_name, std::move(bytes), "vedlegg", actor, audit.at);
    if (const auto* problem = std::get_if<domain::AttachmentProblem>(&upload)) {
        switch (*problem) {
            case domain::AttachmentProblem::empty:
                return LearningLogProblem::file_empty;
            case domain::AttachmentProblem::too_large:
                return LearningLogProblem::file_too_large;
            case domain::AttachmentProblem::not_accepted:
                break;
        }
        return LearningLogProblem::file_not_accepted;
    }
    auto file = std::get<domain::Attachment>(std::move(upload));
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::Attachment, LearningLogProblem> {
            const auto activity = activity_of(w, person_id, activity_id);
            if (!activity) {
                return LearningLogProblem::unknown_activity;
            }
            if (activity->signature) {
                return LearningLogProblem::already_signed;
            }
            if (activity->attachments.size() >= domain::kMaxActivityAttachments) {
                return LearningLogProblem::too_many_files;
            }
            file.id = add_attachment(w, file);
            w.learning_log().add_activity_attachment(activity_id, file.id, audit.at,
                                                     signature_of(actor));
            audit.subject_person_id = person_id;
            audit.target = "activity " + std::to_string(activity_id) + " file " +
                           std::to_string(file.id) + " " + file.sha256;
            w.audit().append(audit);
            file.content.clear();
            return file;
        });
}

std::optional<domain::Attachment> activity_attachment(Application& app, std::int64_t person_id,
                                                      std::int64_t activity_id,
                                                      std::int64_t attachment_id) {
    const bool theirs = app.database().read([&](const store::Snapshot& s) {
        return s.learning_log().activity_owner(activity_id) == person_id &&
               s.learning_log().activity_of_attachment(attachment_id) == activity_id;
    });
    return theirs ? find_attachment(app, attachment_id) : std::nullopt;
}

namespace {

// The open requests of the people in `employed` (person id to name), oldest first. Two queries
// for the requests and their advice, whatever the number of people, and one per objective named.
std::vector<QueuedRequest> queue_of(const store::Snapshot& s,
                                    const std::map<std::int64_t, std::string>& employed,
                                    domain::Date today) {
    std::vector<QueuedRequest> queue;
    std::map<std::int64_t, std::optional<domain::LearningObjective>> objectives;
    // Who advised on each open request, by person and objective: the veileder, a supervisør.
    std::map<std::pair<std::int64_t, std::int64_t>, std::pair<bool, bool>> advised;
    std::vector<std::int64_t> people;
    for (const auto& entry : employed) {
        people.push_back(entry.first);
    }
    const auto requests = s.learning_log().open_requests_of(people);
    if (requests.empty()) {
        return queue;
    }
    for (const auto& e : s.learning_log().advice_on_open_requests_of(people)) {
        auto& [veileder, supervisor] = advised[{e.person_id, e.objective_id}];
        veileder = veileder || e.actor_role == domain::ObjectiveActorRole::supervisor;
        supervisor = supervisor || e.actor_role == domain::ObjectiveActorRole::clinical_supervisor;
    }
    for (const auto& request : requests) {
        const auto person = employed.find(request.person_id);
        if (person == employed.end()) {
            continue;
        }
        QueuedRequest q;
        q.person_id = request.person_id;
        q.person_name = person->second;
        q.objective_id = request.objective_id;
        q.requested_at = request.at;
        q.days_waiting = days_between(request.at, today);
        auto& objective = objectives[request.objective_id];
        if (!objective) {
            objective = s.learning_objectives().find_objective(request.objective_id);
        }
        if (objective) {
            q.objective_code = objective->code;
            q.objective_title = objective->title;
        }
        const auto a = advised.find({request.person_id, request.objective_id});
        q.consulted = a != advised.end() && a->second.first && a->second.second;
        queue.push_back(std::move(q));
    }
    // Oldest first by when each was asked for (the store gives them in the order they were
    // written, which a recall and a new request, or an imported history, need not keep).
    std::stable_sort(queue.begin(), queue.end(),
                     [](const QueuedRequest& a, const QueuedRequest& b) {
                         return a.requested_at < b.requested_at;
                     });
    return queue;
}

}  // namespace

std::vector<QueuedRequest> approval_queue(Application& app, const std::string& municipality_number,
                                          domain::Date today) {
    return app.database().read([&](const store::Snapshot& s) {
        std::map<std::int64_t, std::string> employed;
        for (const auto& p : s.people().trainees_employed_by(municipality_number, today)) {
            employed.emplace(p.id, p.full_name);
        }
        return queue_of(s, employed, today);
    });
}

}  // namespace alis::app
