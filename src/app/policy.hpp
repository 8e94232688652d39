#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/identity.hpp"

namespace alis::app {

// Everything a route or use case may do. Every route declares one (web/routes.cpp); the policy
// below is the only place that decides who may do it.
enum class Action {
    view_public,               // Public pages: no login needed.
    view_own_account,          // One's own account page, one's own access log.
    read_person,               // A person's training record (audited read).
    manage_accounts,           // System administration: accounts and roles.
    read_aggregates,           // Figures without person-level data.
    approve_objective,         // Approving a learning objective (needs recent authentication).
    sign_agreement,            // Signing an ALIS agreement, for the municipality or as the
                               // doctor, or a supervision agreement, for the municipality or as
                               // the supervisor (needs recent authentication).
    sign_off_activity,         // A clinical supervisor signing off an activity.
    view_municipality,         // A municipality's own overview (leader, its regional office).
    manage_municipality,       // Register trainees and supervisors, edit the general plan (leader).
    edit_training_record,      // Employments, service periods, leaves, supervisor of a trainee.
    edit_education_plan,       // Revise a trainee's individual plan (leader, trainee, supervisor).
    view_region,               // A regional office's list of its municipalities with counts.
    record_departure,          // Why a doctor left an employment, and where to (its leader).
    issue_certificate,         // The certificate of service of an employment (its leader).
    record_agreement,          // The agreement register and a post's grant facts (the leader).
    view_grant_claim,          // A municipality's claim of the national grant (its leader).
    manage_costs,              // The cost inputs of a municipality's ALIS, and their coverage.
    view_coverage,             // Coverage sums of a region (its office) or the country (national).
    plan_supervision_meeting,  // Plan a supervision meeting (the trainee, their veileder).
    read_supervision_minutes,  // A meeting's private minutes and addenda (its two participants).
    edit_supervision_meeting,  // Change an open meeting, add an addendum (its participants).
    close_supervision_meeting,  // Close (freeze) a meeting: its veileder only.
    read_agreement,  // A doctor's agreements and their documents (the doctor, the leader); a
                     // supervisor's agreement (the supervisor, the leader).
    manage_document_templates,  // Replace a document template (system administration).
    read_learning_log,    // A doctor's learning log and objectives: the readers of the record, and
                          // the supervisører the doctor invited.
    edit_learning_log,    // Record activities, ask for approval, recall, invite (the doctor).
    advise_on_objective,  // Advise on a requested objective (the veileder, an invited supervisør).
    record_course,  // Record or withdraw a completed course with its certificate (the trainee,
                    // their own alone).
    export_training_record,  // The signed training record of a person (whoever reads it).
    import_training_record,  // Import a record another installation signed (employing leader).
};

// How long after an employment ended its municipality's leader may still record or correct why
// the doctor left (docs/security.md): the leader no longer sees the doctor's record then, only
// that employment.
inline constexpr std::int32_t kDepartureRecordDays = 365;

std::string_view to_string(Action action);

// Who is acting: the account, the person it belongs to, and its roles.
struct Actor {
    std::int64_t account_id = 0;
    std::string email;
    std::string display_name;
    std::optional<std::int64_t> person_id;
    std::vector<domain::RoleGrant> roles;
    std::int64_t authenticated_at = 0;  // Unix seconds of the last password entry.
};

// How the actor signs what they write (corrections, plan revisions, departures): "Kari Nordmann
// (kari@bergen.no)", or the e-mail alone for an account without a name.
std::string signature_of(const Actor& actor);

// What is acted on, with the facts access is derived from. The facts are read from the data
// (employment, supervisor assignment, office), never taken from the request.
struct Resource {
    enum class Kind {
        none,
        person,
        municipality,
        activity,
        office,
        employment,
        meeting,
        supervisor
    };
    Kind kind = Kind::none;

    std::optional<std::int64_t> person_id;                // person: whose record.
    std::vector<std::string> employing_municipalities;    // person, employment: employed by these
                                                          // today.
    std::vector<std::string> hiring_municipalities;       // person: employment starts later.
    std::vector<std::string> employing_offices;           // person: their regional ALIS offices.
    std::vector<std::int64_t> supervisor_person_ids;      // person, meeting: supervisors assigned
                                                          // today.
    std::vector<std::string> clinical_supervisor_emails;  // person: the supervisører invited
                                                          // (open invitations, lower-case).

    // employment (with person_id and employing_municipalities): the employing municipality and the
    // last day, of an employment of that person; kind none when the person has no such employment.
    std::optional<std::string> employment_municipality;
    std::optional<domain::Date> employment_ends_on;

    // meeting (with person_id, the trainee's, and supervisor_person_ids): the veileder the meeting
    // is with; kind none when the meeting is not that person's.
    std::optional<std::int64_t> meeting_supervisor_person_id;

    // supervisor (a municipality's registration of a supervisor, with person_id, the
    // supervisor's): the municipality that registered them.
    std::optional<std::string> municipality_number;  // municipality, supervisor
    std::optional<std::string> municipality_office;  // municipality: its ALIS office.

    // activity (with the person's facts): the addresses its open sign-off requests were sent to.
    std::vector<std::string> activity_signer_emails;

    std::optional<std::string> office;  // office: the regional ALIS office, e.g. "Bergen".
};

enum class Decision { allow, deny };

// The one access decision of alis: may `actor` do `action` to `resource` on `today`? Deny by
// default: only the rules written here allow. Role grants count only on days within their dates.
Decision decide(const Actor& actor, Action action, const Resource& resource, domain::Date today);

// The municipality the actor leads that employs or has hired the person of `resource`: the
// first of the actor's leader grants active on `today` that gives them the person's record (the
// same rule as edit_training_record's). Nullopt when none does.
std::optional<std::string> leading_municipality(const Actor& actor, const Resource& resource,
                                                domain::Date today);

// True when the action needs the password entered within the last 10 minutes.
bool requires_recent_authentication(Action action);

// True when `actor` entered the password recently enough for `action` at `now` (Unix seconds).
bool recently_authenticated(const Actor& actor, std::int64_t now);

inline constexpr std::int64_t kReauthenticationWindowSeconds = 10 * 60;

}  // namespace alis::app
