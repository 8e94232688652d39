#pragma once

// The doctor's learning log and the objectives' approval (issue 13): the doctor records learning
// activities and asks for an objective's approval (and may recall the request), the veileder and
// the supervisører the doctor invited give their advice, and the leader approves (after that
// consultation) or rejects with a reason, and may reverse an approval with a reason. Every step
// is an append-only event (domain::check_objective_event says which may follow), written with its
// audit event in one unit of work. Who may take a step is app::decide's (edit_learning_log,
// advise_on_objective, approve_objective); here is what the step does.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/policy.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/learning_log.hpp"
#include "domain/learning_objective.hpp"
#include "domain/mail.hpp"
#include "domain/person.hpp"

namespace alis::app {

// One objective of a catalogue that applies to the doctor, and where they stand with it.
struct ObjectiveProgress {
    domain::LearningObjective objective;
    domain::ObjectiveState state;
    int activities = 0;         // Activities supporting it.
    int signed_activities = 0;  // ... of them signed off.
    bool at_risk = false;       // Its typical arenas are absent from the training path.
};

// The edition of a catalogue that applies to the doctor, with every objective's progress.
struct CatalogueProgress {
    domain::CatalogueEdition edition;
    std::vector<ObjectiveProgress> objectives;  // In the edition's order.
    domain::ObjectiveCounts counts;
};

// A doctor's learning log as their pages show it.
struct LearningRecord {
    domain::Person person;
    std::vector<CatalogueProgress> catalogues;                      // In catalogue order.
    std::vector<domain::LearningActivity> activities;               // By the day done.
    std::vector<domain::ObjectiveEvent> events;                     // In the order appended.
    std::vector<domain::ClinicalSupervisorInvitation> invitations;  // In the order made.
    std::vector<domain::ServicePeriod> service_periods;             // Where activities happen.
    std::vector<domain::ActivitySignRequest> sign_requests;         // In the order made.

    // The objective of an applicable edition with this id, or nullptr.
    const ObjectiveProgress* find_objective(std::int64_t objective_id) const;
};

// The learning record of the person on `today`; nullopt for an unknown person.
std::optional<LearningRecord> learning_record(Application& app, std::int64_t person_id,
                                              domain::Date today);

// What an activity form sets (checked for length and form by the front).
struct ActivityInput {
    domain::ActivityKind kind = domain::ActivityKind::clinical_case;
    domain::Date done_on;
    std::optional<std::int64_t> service_period_id;
    std::string title;
    std::string reflection;
    std::vector<std::int64_t> objective_ids;
};

enum class LearningLogProblem {
    none,
    unknown_objective,       // Not an objective of an edition that applies to the doctor.
    unknown_service_period,  // Not one of the doctor's service periods.
    no_objectives,           // An activity supports at least one objective.
    in_the_future,           // An activity is done on or before today.
    unknown_invitation,      // No open invitation of the doctor with that id.
    already_invited,         // The address is invited by this doctor already.
    own_address,             // A doctor cannot invite themselves.
    event_refused,           // The step cannot follow the objective's state (see event_problem).
    unknown_activity,        // No such activity of the doctor.
    already_signed,          // The activity is signed off already (a signature is final).
    not_asked,               // No open sign-off request of the activity to this supervisør.
    file_empty,              // An upload with no file, or a file of no bytes.
    file_too_large,          // More than domain::kMaxAttachmentBytes.
    file_not_accepted,       // Neither PDF, PNG nor JPEG by its first bytes.
    too_many_files,          // The activity keeps domain::kMaxActivityAttachments already.
};

// Records an activity of the person, signed by the actor, and appends `audit`.
std::variant<domain::LearningActivity, LearningLogProblem> record_activity(
    Application& app, std::int64_t person_id, const ActivityInput& input, const Actor& actor,
    domain::AuditEvent audit, domain::Date today);

// The outcome of a step on an objective: the event appended, or why not.
struct ObjectiveStepResult {
    LearningLogProblem problem = LearningLogProblem::none;
    domain::ObjectiveEventProblem event_problem = domain::ObjectiveEventProblem::none;
    std::optional<domain::ObjectiveEvent> event;
};

// Appends a step of `kind` on the person's objective by the actor, with `reason` (required for a
// rejection or reversal), and `audit`, in one unit of work. The actor's role follows from the
// kind: the doctor requests and recalls; advice is the veileder's when the actor is the doctor's
// veileder on `today`, else a supervisør's; a decision is the leader's, of the municipality
// `leading` (app::leading_municipality).
ObjectiveStepResult take_objective_step(Application& app, std::int64_t person_id,
                                        std::int64_t objective_id, domain::ObjectiveEventKind kind,
                                        const std::string& reason, const Actor& actor,
                                        const std::optional<std::string>& leading,
                                        domain::AuditEvent audit, domain::Date today);

// Invites a supervisør by e-mail address (lower-cased here) and name, and appends `audit`.
std::variant<domain::ClinicalSupervisorInvitation, LearningLogProblem> invite_clinical_supervisor(
    Application& app, std::int64_t person_id, const std::string& email, const std::string& name,
    const Actor& actor, domain::AuditEvent audit);

// Withdraws the person's open invitation and appends `audit`.
LearningLogProblem withdraw_clinical_supervisor(Application& app, std::int64_t person_id,
                                                std::int64_t invitation_id,
                                                domain::AuditEvent audit);

// ---- Sign-off of activities ----

// The facts access to one activity of a person is derived from on `day`: the person's
// (person_resource) with kind activity and the addresses of its open sign-off requests at `now`;
// kind none when the activity is not the person's.
Resource activity_resource(Application& app, std::int64_t person_id, std::int64_t activity_id,
                           domain::Date day, std::int64_t now);

// A sign-off request made: the request and its token, shown once (the link) and kept nowhere.
struct SignOffLink {
    domain::ActivitySignRequest request;
    std::string token;
};

// The mail of a request to the invited supervisør, made by the front (it knows the words and the
// address of the link) from the token and the invitation.
using SignOffMail = std::function<domain::OutboxMail(
    const std::string& token, const domain::ClinicalSupervisorInvitation& invitation)>;

// Asks the invited supervisør `invitation_id` to sign off the person's activity: a one-time link
// valid for domain::kSignRequestSeconds from `now`, its mail in the outbox, and `audit`, in one
// unit of work. unknown_activity, already_signed or unknown_invitation when it cannot be.
std::variant<SignOffLink, LearningLogProblem> request_sign_off(
    Application& app, std::int64_t person_id, std::int64_t activity_id, std::int64_t invitation_id,
    const Actor& actor, domain::AuditEvent audit, std::int64_t now, const SignOffMail& mail);

// What a link is, before or after its use.
enum class SignOffLinkState {
    valid,           // Open: it may sign.
    unknown,         // No request has this token: mistyped or tampered with.
    used,            // Used once already.
    expired,         // Older than 14 days.
    signed_already,  // The activity was signed off by another request.
};

// What a link shows: the request, the activity, whose it is, the objectives' codes and the
// supervisør invited.
struct SignOffView {
    domain::ActivitySignRequest request;
    domain::LearningActivity activity;
    std::string doctor_name;
    std::string supervisor_name;
    std::vector<std::string> objective_codes;
};

struct SignOffLookup {
    SignOffLinkState state = SignOffLinkState::unknown;
    std::optional<SignOffView> view;  // For valid only.
};

// The link with `token` at `now`.
SignOffLookup sign_off_link(Application& app, const std::string& token, std::int64_t now);

// Signs off by the link with `token`, as the invited supervisør (name and address), and appends
// `audit` (its actor the address), in one unit of work; the state that prevented it otherwise.
SignOffLinkState sign_off_by_link(Application& app, const std::string& token,
                                  domain::AuditEvent audit, std::int64_t now);

// Signs off the person's activity as the actor, a supervisør with an account to whose address an
// open request of it was sent, and appends `audit`; not_asked or already_signed when not.
LearningLogProblem sign_off_activity(Application& app, std::int64_t person_id,
                                     std::int64_t activity_id, const Actor& actor,
                                     domain::AuditEvent audit, std::int64_t now);

// Keeps the file `bytes` (named `file_name` as uploaded) with the person's activity, added by the
// actor, and appends `audit`, in one unit of work; the file's facts, or why not: the upload's
// problem (domain::check_attachment), unknown_activity, already_signed (a signature covers the
// activity as it was), too_many_files.
std::variant<domain::Attachment, LearningLogProblem> attach_to_activity(
    Application& app, std::int64_t person_id, std::int64_t activity_id, std::string_view file_name,
    std::string bytes, const Actor& actor, domain::AuditEvent audit);

// The file of the person's activity, with its content; nullopt when it is not one of that
// activity's. Whoever calls this has decided that the reader may read the learning log.
std::optional<domain::Attachment> activity_attachment(Application& app, std::int64_t person_id,
                                                      std::int64_t activity_id,
                                                      std::int64_t attachment_id);

// One open request in a leader's approval queue.
struct QueuedRequest {
    std::int64_t person_id = 0;
    std::string person_name;
    std::int64_t objective_id = 0;
    std::string objective_code;
    std::string objective_title;
    std::string requested_at;  // UTC instant.
    int days_waiting = 0;
    bool consulted = false;  // The veileder and a supervisør have given their advice.
};

// The open requests of the doctors the municipality employs on `today`, oldest first.
std::vector<QueuedRequest> approval_queue(Application& app, const std::string& municipality_number,
                                          domain::Date today);

}  // namespace alis::app
