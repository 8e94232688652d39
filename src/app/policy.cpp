#include "app/policy.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace alis::app {
namespace {

using domain::Role;

bool active_on(const domain::RoleGrant& grant, domain::Date day) {
    return grant.starts_on <= day && (!grant.ends_on || day <= *grant.ends_on);
}

template <typename T>
bool contains(const std::vector<T>& items, const T& value) {
    return std::find(items.begin(), items.end(), value) != items.end();
}

// Is the grant the leader of a municipality that employs the person today or has hired them
// from a later day (a new trainee is prepared before the first day)?
bool leads_employer(const domain::RoleGrant& grant, const Resource& resource) {
    return grant.role == Role::leader && resource.kind == Resource::Kind::person &&
           grant.municipality_number &&
           (contains(resource.employing_municipalities, *grant.municipality_number) ||
            contains(resource.hiring_municipalities, *grant.municipality_number));
}

bool is_self(const Actor& actor, const Resource& resource) {
    return actor.person_id && resource.person_id && *actor.person_id == *resource.person_id;
}

// Is the grant the leader of the municipality that registered the supervisor of `resource`, who
// is not the actor? A leader never signs for the municipality an agreement with themselves.
bool leads_supervisor_registration(const domain::RoleGrant& grant, const Actor& actor,
                                   const Resource& resource) {
    return grant.role == Role::leader && resource.kind == Resource::Kind::supervisor &&
           grant.municipality_number && resource.municipality_number &&
           *grant.municipality_number == *resource.municipality_number && !is_self(actor, resource);
}

// Is the grant the supervisor of `resource` themselves, as a supervisor?
bool is_registered_supervisor(const domain::RoleGrant& grant, const Actor& actor,
                              const Resource& resource) {
    return grant.role == Role::supervisor && resource.kind == Resource::Kind::supervisor &&
           is_self(actor, resource);
}

// Is the grant a supervisør whom the person of `resource` invited (by the account's address)?
bool is_invited_clinical_supervisor(const domain::RoleGrant& grant, const Actor& actor,
                                    const Resource& resource) {
    return grant.role == Role::clinical_supervisor && resource.kind == Resource::Kind::person &&
           !is_self(actor, resource) &&
           contains(resource.clinical_supervisor_emails, domain::lower_ascii(actor.email));
}

// May this one grant read the person's record?
bool grant_reads_person(const domain::RoleGrant& grant, const Actor& actor,
                        const Resource& resource) {
    switch (grant.role) {
        case Role::trainee:
            return is_self(actor, resource);
        case Role::supervisor:
            return actor.person_id && contains(resource.supervisor_person_ids, *actor.person_id);
        case Role::leader:
            return leads_employer(grant, resource);
        case Role::regional_office:
            return grant.alis_office && contains(resource.employing_offices, *grant.alis_office);
        case Role::clinical_supervisor:  // Sees activities sent to them, not whole records.
        case Role::national:             // Aggregates only.
        case Role::admin:                // System administration, no training content.
            return false;
    }
    return false;
}

// Is the grant the meeting's veileder, while still the trainee's veileder today?
bool is_meeting_supervisor(const domain::RoleGrant& grant, const Actor& actor,
                           const Resource& resource) {
    return grant.role == Role::supervisor && resource.kind == Resource::Kind::meeting &&
           actor.person_id && resource.meeting_supervisor_person_id &&
           *actor.person_id == *resource.meeting_supervisor_person_id &&
           contains(resource.supervisor_person_ids, *actor.person_id);
}

// Is the grant one of the meeting's two participants: the trainee or their veileder? No other
// role, whatever it may read of the record, is (the minutes are private; docs/security.md).
bool is_meeting_participant(const domain::RoleGrant& grant, const Actor& actor,
                            const Resource& resource) {
    return (grant.role == Role::trainee && resource.kind == Resource::Kind::meeting &&
            is_self(actor, resource)) ||
           is_meeting_supervisor(grant, actor, resource);
}

bool grant_allows(const domain::RoleGrant& grant, const Actor& actor, Action action,
                  const Resource& resource, domain::Date today) {
    switch (action) {
        case Action::view_public:
        case Action::view_own_account:
            return true;  // Handled before the grants; here for completeness.
        case Action::read_person:
            return resource.kind == Resource::Kind::person &&
                   grant_reads_person(grant, actor, resource);
        case Action::manage_accounts:
        case Action::manage_document_templates:
            return grant.role == Role::admin;
        case Action::read_aggregates:
            return grant.role == Role::national || grant.role == Role::regional_office ||
                   grant.role == Role::leader;
        case Action::approve_objective:
            // The leader of the municipality employing the trainee; never one's own.
            return grant.role == Role::leader && resource.kind == Resource::Kind::person &&
                   grant.municipality_number &&
                   contains(resource.employing_municipalities, *grant.municipality_number) &&
                   !is_self(actor, resource);
        case Action::sign_agreement:
            // For the municipality: the leader employing the trainee, never for one's own
            // agreement; as the doctor: the trainee, their own alone. A supervision agreement:
            // the leader of the municipality that registered the supervisor, and the supervisor.
            return (resource.kind == Resource::Kind::person &&
                    ((grant.role == Role::leader && grant.municipality_number &&
                      contains(resource.employing_municipalities, *grant.municipality_number) &&
                      !is_self(actor, resource)) ||
                     (grant.role == Role::trainee && is_self(actor, resource)))) ||
                   leads_supervisor_registration(grant, actor, resource) ||
                   is_registered_supervisor(grant, actor, resource);
        case Action::read_agreement:
            // The agreements hold the pay: the doctor and the employing leader alone; a
            // supervision agreement its two parties.
            return (resource.kind == Resource::Kind::person &&
                    ((grant.role == Role::trainee && is_self(actor, resource)) ||
                     (leads_employer(grant, resource) && !is_self(actor, resource)))) ||
                   leads_supervisor_registration(grant, actor, resource) ||
                   is_registered_supervisor(grant, actor, resource);
        case Action::read_learning_log:
            return resource.kind == Resource::Kind::person &&
                   (grant_reads_person(grant, actor, resource) ||
                    is_invited_clinical_supervisor(grant, actor, resource));
        case Action::edit_learning_log:
            return grant.role == Role::trainee && resource.kind == Resource::Kind::person &&
                   is_self(actor, resource);
        case Action::advise_on_objective:
            // Never on one's own objectives, whatever else one is.
            return resource.kind == Resource::Kind::person && !is_self(actor, resource) &&
                   ((grant.role == Role::supervisor && actor.person_id &&
                     contains(resource.supervisor_person_ids, *actor.person_id)) ||
                    is_invited_clinical_supervisor(grant, actor, resource));
        case Action::sign_off_activity:
            // The supervisør an open request of the activity was sent to (by the account's
            // address); never one's own activity.
            return grant.role == Role::clinical_supervisor &&
                   resource.kind == Resource::Kind::activity && !is_self(actor, resource) &&
                   contains(resource.activity_signer_emails, domain::lower_ascii(actor.email));
        case Action::view_municipality:
            if (resource.kind != Resource::Kind::municipality || !resource.municipality_number) {
                return false;
            }
            if (grant.role == Role::leader) {
                return grant.municipality_number == resource.municipality_number;
            }
            if (grant.role == Role::regional_office) {
                return grant.alis_office && grant.alis_office == resource.municipality_office;
            }
            return false;
        case Action::manage_municipality:
            return grant.role == Role::leader && resource.kind == Resource::Kind::municipality &&
                   resource.municipality_number &&
                   grant.municipality_number == resource.municipality_number;
        case Action::edit_training_record:
            // Never one's own record, even for a leader who is also in training.
            return leads_employer(grant, resource) && !is_self(actor, resource);
        case Action::edit_education_plan:
            if (resource.kind != Resource::Kind::person) {
                return false;
            }
            if (grant.role == Role::leader) {
                return leads_employer(grant, resource);
            }
            if (grant.role == Role::trainee) {
                return is_self(actor, resource);
            }
            if (grant.role == Role::supervisor) {
                return actor.person_id &&
                       contains(resource.supervisor_person_ids, *actor.person_id);
            }
            return false;
        case Action::record_departure:
            // The leader of the employment's municipality, while it lasts, while the municipality
            // employs the person in another post, and for a year after it ended; never about
            // one's own employment.
            return grant.role == Role::leader && resource.kind == Resource::Kind::employment &&
                   grant.municipality_number && resource.employment_municipality &&
                   *grant.municipality_number == *resource.employment_municipality &&
                   (!resource.employment_ends_on ||
                    today <= resource.employment_ends_on->plus_days(kDepartureRecordDays) ||
                    contains(resource.employing_municipalities, *grant.municipality_number)) &&
                   !is_self(actor, resource);
        case Action::issue_certificate:
            // The leader of the employment's municipality, at any time after it (a certificate is
            // asked for when the doctor applies, often years later); never one's own.
            return grant.role == Role::leader && resource.kind == Resource::Kind::employment &&
                   grant.municipality_number && resource.employment_municipality &&
                   *grant.municipality_number == *resource.employment_municipality &&
                   !is_self(actor, resource);
        case Action::record_agreement:
            // Like the rest of the training record: the employing leader, never one's own; a
            // supervision agreement's version: the leader who registered the supervisor.
            return (leads_employer(grant, resource) && !is_self(actor, resource)) ||
                   leads_supervisor_registration(grant, actor, resource);
        case Action::view_grant_claim:
        case Action::manage_costs:
            // The municipality's own leader alone: the claim names its doctors, the costs hold
            // their salaries (docs/security.md).
            return grant.role == Role::leader && resource.kind == Resource::Kind::municipality &&
                   resource.municipality_number &&
                   grant.municipality_number == resource.municipality_number;
        case Action::view_coverage:
            // Sums only: a region's to its office and the national administrator, the country's
            // to the national administrator.
            if (resource.kind == Resource::Kind::office && resource.office) {
                return grant.role == Role::national || (grant.role == Role::regional_office &&
                                                        grant.alis_office == resource.office);
            }
            return resource.kind == Resource::Kind::none && grant.role == Role::national;
        case Action::record_course:
            // The doctor's own courses: the trainee alone, as trainee; a leader who is also in
            // training records theirs through that trainee grant, never through leading.
            return grant.role == Role::trainee && resource.kind == Resource::Kind::person &&
                   is_self(actor, resource);
        case Action::plan_supervision_meeting:
            // The trainee, or the veileder assigned today.
            return resource.kind == Resource::Kind::person &&
                   ((grant.role == Role::trainee && is_self(actor, resource)) ||
                    (grant.role == Role::supervisor && actor.person_id &&
                     contains(resource.supervisor_person_ids, *actor.person_id)));
        case Action::read_supervision_minutes:
        case Action::edit_supervision_meeting:
            return is_meeting_participant(grant, actor, resource);
        case Action::close_supervision_meeting:
            return is_meeting_supervisor(grant, actor, resource);
        case Action::export_training_record:
            // The record moves with the doctor: whoever may read it may take it signed.
            return resource.kind == Resource::Kind::person &&
                   grant_reads_person(grant, actor, resource);
        case Action::import_training_record:
            // Like the rest of the training record: the employing leader, never one's own.
            return leads_employer(grant, resource) && !is_self(actor, resource);
        case Action::view_region:
            if (resource.kind != Resource::Kind::office || !resource.office) {
                return false;
            }
            return grant.role == Role::national ||
                   (grant.role == Role::regional_office && grant.alis_office == resource.office);
    }
    return false;
}

}  // namespace

std::string signature_of(const Actor& actor) {
    return actor.display_name.empty() ? actor.email : actor.display_name + " (" + actor.email + ")";
}

std::string_view to_string(Action action) {
    switch (action) {
        case Action::view_public:
            return "view_public";
        case Action::view_own_account:
            return "view_own_account";
        case Action::read_person:
            return "read_person";
        case Action::manage_accounts:
            return "manage_accounts";
        case Action::read_aggregates:
            return "read_aggregates";
        case Action::approve_objective:
            return "approve_objective";
        case Action::sign_agreement:
            return "sign_agreement";
        case Action::sign_off_activity:
            return "sign_off_activity";
        case Action::view_municipality:
            return "view_municipality";
        case Action::manage_municipality:
            return "manage_municipality";
        case Action::edit_training_record:
            return "edit_training_record";
        case Action::edit_education_plan:
            return "edit_education_plan";
        case Action::view_region:
            return "view_region";
        case Action::record_departure:
            return "record_departure";
        case Action::issue_certificate:
            return "issue_certificate";
        case Action::record_agreement:
            return "record_agreement";
        case Action::view_grant_claim:
            return "view_grant_claim";
        case Action::manage_costs:
            return "manage_costs";
        case Action::view_coverage:
            return "view_coverage";
        case Action::plan_supervision_meeting:
            return "plan_supervision_meeting";
        case Action::read_supervision_minutes:
            return "read_supervision_minutes";
        case Action::edit_supervision_meeting:
            return "edit_supervision_meeting";
        case Action::close_supervision_meeting:
            return "close_supervision_meeting";
        case Action::read_agreement:
            return "read_agreement";
        case Action::manage_document_templates:
            return "manage_document_templates";
        case Action::read_learning_log:
            return "read_learning_log";
        case Action::edit_learning_log:
            return "edit_learning_log";
        case Action::advise_on_objective:
            return "advise_on_objective";
        case Action::record_course:
            return "record_course";
        case Action::export_training_record:
            return "export_training_record";
        case Action::import_training_record:
            return "import_training_record";
    }
    return "unknown";
}

Decision decide(const Actor& actor, Action action, const Resource& resource, domain::Date today) {
    if (action == Action::view_public) {
        return Decision::allow;
    }
    if (actor.account_id <= 0) {
        return Decision::deny;
    }
    if (action == Action::view_own_account) {
        return Decision::allow;
    }
    for (const auto& grant : actor.roles) {
        if (active_on(grant, today) && grant_allows(grant, actor, action, resource, today)) {
            return Decision::allow;
        }
    }
    return Decision::deny;
}

std::optional<std::string> leading_municipality(const Actor& actor, const Resource& resource,
                                                domain::Date today) {
    for (const auto& grant : actor.roles) {
        if (active_on(grant, today) && leads_employer(grant, resource)) {
            return grant.municipality_number;
        }
    }
    return std::nullopt;
}

bool requires_recent_authentication(Action action) {
    return action == Action::approve_objective || action == Action::sign_agreement;
}

bool recently_authenticated(const Actor& actor, std::int64_t now) {
    return now - actor.authenticated_at <= kReauthenticationWindowSeconds &&
           actor.authenticated_at <= now;
}

}  // namespace alis::app
