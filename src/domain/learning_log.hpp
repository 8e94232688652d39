#pragma once

// The doctor's learning log (issue 13): learning activities with the objectives they support and
// their signatures, and the events of each objective (asked for approval, recalled, recommended,
// approved, rejected, reversed), from which an objective's status follows.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/attachment.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace alis::domain {

enum class ActivityKind {
    clinical_case,
    procedure,
    course,
    supervision,
    quality_work,
    teaching,
    other,
};

template <>
struct EnumNames<ActivityKind> {
    static constexpr std::array<std::pair<ActivityKind, std::string_view>, 7> names{{
        {ActivityKind::clinical_case, "clinical_case"},
        {ActivityKind::procedure, "procedure"},
        {ActivityKind::course, "course"},
        {ActivityKind::supervision, "supervision"},
        {ActivityKind::quality_work, "quality_work"},
        {ActivityKind::teaching, "teaching"},
        {ActivityKind::other, "other"},
    }};
};

inline constexpr std::size_t kMaxActivityTitleLength = 200;
inline constexpr std::size_t kMaxReflectionLength = 8000;
inline constexpr std::size_t kMaxObjectiveReasonLength = 2000;

// Who signed an activity: a clinical supervisor with an account, or one invited by a link.
struct ActivitySignature {
    std::int64_t id = 0;
    std::int64_t activity_id = 0;
    std::optional<std::int64_t> signer_person_id;
    std::string signer_label;  // Name and e-mail.
    std::string signed_at;     // UTC instant.
};

// A supervisør the doctor invited, by e-mail address: who may advise on the doctor's requests
// and sign off their activities.
struct ClinicalSupervisorInvitation {
    std::int64_t id = 0;
    std::int64_t person_id = 0;  // The doctor.
    std::string email;           // Lower-case.
    std::string name;
    std::string invited_at;  // UTC instant.
    std::string invited_by;  // Name and e-mail.
    std::optional<std::string> withdrawn_at;
};

inline constexpr std::size_t kMaxInvitationNameLength = 200;

// How long a link to sign off an activity is valid: 14 days.
inline constexpr std::int64_t kSignRequestSeconds = 14 * 24 * 60 * 60;

// A request to an invited supervisør to sign off an activity: a one-time link (only its token's
// SHA-256 is kept), bound to the activity and the address, valid until expires_at, used once.
struct ActivitySignRequest {
    std::int64_t id = 0;
    std::int64_t activity_id = 0;
    std::int64_t invitation_id = 0;
    std::string email;  // Lower-case.
    std::string token_sha256;
    std::string requested_at;     // UTC instant.
    std::string requested_by;     // Name and e-mail.
    std::int64_t expires_at = 0;  // Unix seconds.
    std::optional<std::string> used_at;

    // Not used and not expired at `now` (Unix seconds).
    bool is_open(std::int64_t now) const { return !used_at && now < expires_at; }
};

// One learning activity of a doctor.
struct LearningActivity {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    ActivityKind kind = ActivityKind::clinical_case;
    Date done_on;
    std::optional<std::int64_t> service_period_id;  // The service period/arena it happened in.
    std::string title;
    std::string reflection;
    std::string recorded_at;                  // UTC instant.
    std::string recorded_by;                  // Name and e-mail.
    std::vector<std::int64_t> objective_ids;  // The objectives it supports, ascending.
    std::optional<ActivitySignature> signature;
    std::vector<Attachment> attachments;  // Its files, without their content, in the order added.
};

// The most files one activity keeps.
inline constexpr std::size_t kMaxActivityAttachments = 10;

enum class ObjectiveEventKind {
    requested,        // The doctor marks it ready and asks for approval.
    recalled,         // The doctor takes the request back before it is decided.
    recommended,      // The veileder or a supervisør advises approval.
    advised_against,  // The veileder or a supervisør advises against it.
    approved,         // The leader approves it.
    rejected,         // The leader rejects it, with a reason.
    reversed,         // The leader's decision is reversed, with a reason.
};

template <>
struct EnumNames<ObjectiveEventKind> {
    static constexpr std::array<std::pair<ObjectiveEventKind, std::string_view>, 7> names{{
        {ObjectiveEventKind::requested, "requested"},
        {ObjectiveEventKind::recalled, "recalled"},
        {ObjectiveEventKind::recommended, "recommended"},
        {ObjectiveEventKind::advised_against, "advised_against"},
        {ObjectiveEventKind::approved, "approved"},
        {ObjectiveEventKind::rejected, "rejected"},
        {ObjectiveEventKind::reversed, "reversed"},
    }};
};

// In which capacity someone took part in an objective's events.
enum class ObjectiveActorRole { trainee, supervisor, clinical_supervisor, leader };

template <>
struct EnumNames<ObjectiveActorRole> {
    static constexpr std::array<std::pair<ObjectiveActorRole, std::string_view>, 4> names{{
        {ObjectiveActorRole::trainee, "trainee"},
        {ObjectiveActorRole::supervisor, "supervisor"},
        {ObjectiveActorRole::clinical_supervisor, "clinical_supervisor"},
        {ObjectiveActorRole::leader, "leader"},
    }};
};

// One event of a doctor's objective; append-only.
struct ObjectiveEvent {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::int64_t objective_id = 0;
    ObjectiveEventKind kind = ObjectiveEventKind::requested;
    ObjectiveActorRole actor_role = ObjectiveActorRole::trainee;
    std::optional<std::int64_t> actor_person_id;
    std::string actor_label;                         // Name and e-mail.
    std::optional<std::string> municipality_number;  // The deciding leader's municipality.
    std::string at;                                  // UTC instant.
    std::string reason;
};

// Where a doctor stands with one objective.
enum class ObjectiveStatus { not_started, in_progress, requested, approved };

template <>
struct EnumNames<ObjectiveStatus> {
    static constexpr std::array<std::pair<ObjectiveStatus, std::string_view>, 4> names{{
        {ObjectiveStatus::not_started, "not_started"},
        {ObjectiveStatus::in_progress, "in_progress"},
        {ObjectiveStatus::requested, "requested"},
        {ObjectiveStatus::approved, "approved"},
    }};
};

// The state of one objective after its events (in the order appended).
struct ObjectiveState {
    ObjectiveStatus status = ObjectiveStatus::not_started;
    std::optional<std::string> requested_at;       // The open request's instant.
    bool supervisor_recommended = false;           // Since the open request: the veileder advised.
    bool clinical_supervisor_recommended = false;  // ... and at least one supervisør.
    // Since the open request: the veileder, and at least one supervisør, gave their advice (for
    // or against): the consultation the leader's decision needs.
    bool supervisor_consulted = false;
    bool clinical_supervisor_consulted = false;
    std::optional<std::string> decided_at;   // The decision in force.
    std::optional<std::string> decided_by;   // Its actor's label.
    std::optional<std::string> last_reason;  // Of the last rejection or reversal, shown to the
                                             // doctor while they work on.
    bool consulted() const { return supervisor_consulted && clinical_supervisor_consulted; }
};

// The state after `events` (all of one objective, in the order appended), for a doctor who has
// `activities` activities supporting it: requested while a request is open, approved while an
// approval stands (a reversal undoes the decision before it), else in progress with activities
// or with a past request, else not started.
ObjectiveState objective_state(const std::vector<ObjectiveEvent>& events, std::size_t activities);

// Why a new event cannot follow an objective's state.
enum class ObjectiveEventProblem {
    none,
    already_approved,   // A request of an approved objective (reverse the approval first).
    already_requested,  // A second request while one is open.
    no_open_request,    // A recall, recommendation or decision without an open request.
    not_consulted,      // An approval before the veileder and a supervisør gave their advice.
    not_approved,       // A reversal of an objective that is not approved.
    reason_required,    // A rejection or reversal without a reason.
    wrong_role,         // The event is not one this role gives (e.g. a leader's request).
};

template <>
struct EnumNames<ObjectiveEventProblem> {
    static constexpr std::array<std::pair<ObjectiveEventProblem, std::string_view>, 8> names{{
        {ObjectiveEventProblem::none, "none"},
        {ObjectiveEventProblem::already_approved, "already_approved"},
        {ObjectiveEventProblem::already_requested, "already_requested"},
        {ObjectiveEventProblem::no_open_request, "no_open_request"},
        {ObjectiveEventProblem::not_consulted, "not_consulted"},
        {ObjectiveEventProblem::not_approved, "not_approved"},
        {ObjectiveEventProblem::reason_required, "reason_required"},
        {ObjectiveEventProblem::wrong_role, "wrong_role"},
    }};
};

// Whether `event` (its kind, role and reason) may follow `state`: the doctor requests and recalls,
// the veileder and supervisører advise on an open request, the leader approves an open request
// once consulted, rejects it with a reason, and reverses an approval with a reason.
ObjectiveEventProblem check_objective_event(const ObjectiveState& state,
                                            const ObjectiveEvent& event);

// How many objectives of a catalogue stand where.
struct ObjectiveCounts {
    int approved = 0;
    int requested = 0;
    int in_progress = 0;
    int not_started = 0;
    int at_risk = 0;
    int total() const { return approved + requested + in_progress + not_started; }
    void add(ObjectiveStatus status);
};

}  // namespace alis::domain
