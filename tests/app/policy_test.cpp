// The central access policy, table by table: role x relation x day.
#include "app/policy.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace alis::app {
namespace policy_test {

using domain::Role;

domain::Date day(const char* iso) {
    return *domain::Date::parse_iso(iso);
}

domain::RoleGrant grant(Role role, std::optional<std::string> municipality = std::nullopt,
                        std::optional<std::string> office = std::nullopt,
                        const char* from = "2020-01-01", const char* to = nullptr) {
    domain::RoleGrant g;
    g.role = role;
    g.municipality_number = std::move(municipality);
    g.alis_office = std::move(office);
    g.starts_on = day(from);
    if (to != nullptr) {
        g.ends_on = day(to);
    }
    return g;
}

Actor actor(std::vector<domain::RoleGrant> roles,
            std::optional<std::int64_t> person = std::nullopt) {
    Actor a;
    a.account_id = 1;
    a.person_id = person;
    a.roles = std::move(roles);
    return a;
}

// Person 10, employed in Bergen (4601, office Bergen), supervised by person 20.
Resource trainee_in_bergen() {
    Resource r;
    r.kind = Resource::Kind::person;
    r.person_id = 10;
    r.employing_municipalities = {"4601"};
    r.employing_offices = {"Bergen"};
    r.supervisor_person_ids = {20};
    return r;
}

struct Case {
    const char* name;
    Actor who;
    Action action;
    Resource what;
    Decision expected;
};

TEST(Policy, DecisionTable) {
    const Resource bergen = trainee_in_bergen();
    Resource municipality;
    municipality.kind = Resource::Kind::municipality;
    municipality.municipality_number = "4601";
    municipality.municipality_office = "Bergen";
    // An activity of person 10 whose sign-off was asked of hansen@sykehus.no.
    Resource activity = trainee_in_bergen();
    activity.kind = Resource::Kind::activity;
    activity.activity_signer_emails = {"hansen@sykehus.no"};
    // Person 10 has invited the supervisør hansen@sykehus.no (accounts compare in lower case).
    Resource invited = trainee_in_bergen();
    invited.clinical_supervisor_emails = {"hansen@sykehus.no"};
    // A record where the doctor is listed as their own veileder and invited themselves: still no.
    Resource own = invited;
    own.supervisor_person_ids = {10};
    own.clinical_supervisor_emails = {"hansen@sykehus.no"};
    auto hansen = actor({grant(Role::clinical_supervisor)});
    hansen.email = "Hansen@Sykehus.no";
    auto ended_hansen = hansen;
    ended_hansen.roles = {
        grant(Role::clinical_supervisor, std::nullopt, std::nullopt, "2020-01-01", "2026-11-21")};
    auto self_hansen = hansen;
    self_hansen.person_id = 10;
    auto other_supervisor = actor({grant(Role::clinical_supervisor)});
    other_supervisor.email = "berg@sykehus.no";
    Resource bergen_office;
    bergen_office.kind = Resource::Kind::office;
    bergen_office.office = "Bergen";
    // Person 20, registered by Bergen as a supervisor.
    Resource bergen_supervisor;
    bergen_supervisor.kind = Resource::Kind::supervisor;
    bergen_supervisor.person_id = 20;
    bergen_supervisor.municipality_number = "4601";
    // Employed in Bergen today; Tromsø (5501) has hired them from a later day.
    Resource moving = trainee_in_bergen();
    moving.hiring_municipalities = {"5501"};
    // Person 10's employment in Bergen that ended on 2026-06-30, and one that ended 366 days
    // before today (2026-11-22), and one that still runs.
    Resource ended_post;
    ended_post.kind = Resource::Kind::employment;
    ended_post.person_id = 10;
    ended_post.employment_municipality = "4601";
    ended_post.employment_ends_on = day("2026-06-30");
    Resource last_year_post = ended_post;
    last_year_post.employment_ends_on = day("2025-11-21");
    Resource year_ago_post = ended_post;
    year_ago_post.employment_ends_on = day("2025-11-22");
    Resource last_year_post_employed_again = last_year_post;
    last_year_post_employed_again.employing_municipalities = {"4601"};
    Resource running_post = ended_post;
    running_post.employment_ends_on.reset();
    // A supervision meeting of person 10 with the veileder 20, who is still assigned today; and
    // one with the earlier veileder 21, who is not any longer.
    Resource meeting = trainee_in_bergen();
    meeting.kind = Resource::Kind::meeting;
    meeting.meeting_supervisor_person_id = 20;
    Resource earlier_meeting = meeting;
    earlier_meeting.meeting_supervisor_person_id = 21;
    const auto ended = [](Role role, std::optional<std::string> municipality = std::nullopt,
                          std::optional<std::string> office = std::nullopt) {
        return grant(role, std::move(municipality), std::move(office), "2020-01-01", "2026-11-21");
    };
    const auto future = [](Role role, std::optional<std::string> municipality = std::nullopt,
                           std::optional<std::string> office = std::nullopt) {
        return grant(role, std::move(municipality), std::move(office), "2026-11-23");
    };

    const std::vector<Case> cases = {
        {"anyone sees public pages", Actor{}, Action::view_public, {}, Decision::allow},
        {"anonymous has no account page", Actor{}, Action::view_own_account, {}, Decision::deny},
        {"anonymous reads nobody", Actor{}, Action::read_person, bergen, Decision::deny},
        {"trainee reads own record", actor({grant(Role::trainee)}, 10), Action::read_person, bergen,
         Decision::allow},
        {"trainee reads no one else", actor({grant(Role::trainee)}, 11), Action::read_person,
         bergen, Decision::deny},
        {"assigned supervisor reads", actor({grant(Role::supervisor)}, 20), Action::read_person,
         bergen, Decision::allow},
        {"other supervisor does not", actor({grant(Role::supervisor)}, 21), Action::read_person,
         bergen, Decision::deny},
        {"employer's leader reads", actor({grant(Role::leader, "4601")}), Action::read_person,
         bergen, Decision::allow},
        {"other leader does not", actor({grant(Role::leader, "4621")}), Action::read_person, bergen,
         Decision::deny},
        {"region's office reads", actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::read_person, bergen, Decision::allow},
        {"other office does not", actor({grant(Role::regional_office, std::nullopt, "Bodø")}),
         Action::read_person, bergen, Decision::deny},
        {"national sees no person", actor({grant(Role::national)}), Action::read_person, bergen,
         Decision::deny},
        {"admin sees no training content", actor({grant(Role::admin)}), Action::read_person, bergen,
         Decision::deny},
        {"clinical supervisor sees no record", actor({grant(Role::clinical_supervisor)}, 20),
         Action::read_person, bergen, Decision::deny},
        {"national reads aggregates",
         actor({grant(Role::national)}),
         Action::read_aggregates,
         {},
         Decision::allow},
        {"trainee reads no aggregates",
         actor({grant(Role::trainee)}, 10),
         Action::read_aggregates,
         {},
         Decision::deny},
        {"admin manages accounts",
         actor({grant(Role::admin)}),
         Action::manage_accounts,
         {},
         Decision::allow},
        {"admin replaces document templates",
         actor({grant(Role::admin)}),
         Action::manage_document_templates,
         {},
         Decision::allow},
        {"leader does not replace document templates",
         actor({grant(Role::leader, "4601")}),
         Action::manage_document_templates,
         {},
         Decision::deny},
        {"national does not replace document templates",
         actor({grant(Role::national)}),
         Action::manage_document_templates,
         {},
         Decision::deny},
        {"leader does not manage accounts",
         actor({grant(Role::leader, "4601")}),
         Action::manage_accounts,
         {},
         Decision::deny},
        {"leader approves for own trainee", actor({grant(Role::leader, "4601")}, 99),
         Action::approve_objective, bergen, Decision::allow},
        {"nobody approves their own", actor({grant(Role::leader, "4601")}, 10),
         Action::approve_objective, bergen, Decision::deny},
        {"supervisor does not approve", actor({grant(Role::supervisor)}, 20),
         Action::approve_objective, bergen, Decision::deny},
        {"clinical supervisor signs off what was sent to them", hansen, Action::sign_off_activity,
         activity, Decision::allow},
        {"not what was sent to others", other_supervisor, Action::sign_off_activity, activity,
         Decision::deny},
        {"nor their own activity", self_hansen, Action::sign_off_activity, activity,
         Decision::deny},
        {"invited supervisør reads the learning log", hansen, Action::read_learning_log, invited,
         Decision::allow},
        {"... but not the record", hansen, Action::read_person, invited, Decision::deny},
        {"a supervisør not invited reads no log", other_supervisor, Action::read_learning_log,
         invited, Decision::deny},
        {"the leader reads the log", actor({grant(Role::leader, "4601")}, 99),
         Action::read_learning_log, bergen, Decision::allow},
        {"another leader does not", actor({grant(Role::leader, "5501")}, 99),
         Action::read_learning_log, bergen, Decision::deny},
        {"the doctor writes in the own log", actor({grant(Role::trainee)}, 10),
         Action::edit_learning_log, bergen, Decision::allow},
        {"the leader does not", actor({grant(Role::leader, "4601")}, 99), Action::edit_learning_log,
         bergen, Decision::deny},
        {"the veileder does not", actor({grant(Role::supervisor)}, 20), Action::edit_learning_log,
         bergen, Decision::deny},
        {"the veileder advises", actor({grant(Role::supervisor)}, 20), Action::advise_on_objective,
         bergen, Decision::allow},
        {"another veileder does not", actor({grant(Role::supervisor)}, 21),
         Action::advise_on_objective, bergen, Decision::deny},
        {"the invited supervisør advises", hansen, Action::advise_on_objective, invited,
         Decision::allow},
        {"a supervisør not invited does not", other_supervisor, Action::advise_on_objective,
         invited, Decision::deny},
        {"the doctor never advises on their own as veileder", actor({grant(Role::supervisor)}, 10),
         Action::advise_on_objective, own, Decision::deny},
        {"... nor as supervisør", self_hansen, Action::advise_on_objective, own, Decision::deny},
        {"the leader does not advise", actor({grant(Role::leader, "4601")}, 99),
         Action::advise_on_objective, bergen, Decision::deny},
        {"leader sees own municipality", actor({grant(Role::leader, "4601")}),
         Action::view_municipality, municipality, Decision::allow},
        {"office sees its region's municipality",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::view_municipality,
         municipality, Decision::allow},
        {"other leader does not see it", actor({grant(Role::leader, "5501")}),
         Action::view_municipality, municipality, Decision::deny},
        {"an ended role grants nothing",
         actor({grant(Role::leader, "4601", std::nullopt, "2020-01-01", "2026-11-21")}),
         Action::read_person, bergen, Decision::deny},
        {"a future role grants nothing yet",
         actor({grant(Role::leader, "4601", std::nullopt, "2026-11-23")}), Action::read_person,
         bergen, Decision::deny},
        {"one role of several suffices",
         actor({grant(Role::supervisor), grant(Role::leader, "4601")}, 77), Action::read_person,
         bergen, Decision::allow},
        {"a record with no facts gives no access", actor({grant(Role::leader, "4601")}),
         Action::read_person, Resource{}, Decision::deny},

        {"a signed-in account sees its own page",
         actor({grant(Role::trainee)}, 10),
         Action::view_own_account,
         {},
         Decision::allow},
        {"even with no role left", actor({}), Action::view_own_account, {}, Decision::allow},

        {"leader reads aggregates",
         actor({grant(Role::leader, "4601")}),
         Action::read_aggregates,
         {},
         Decision::allow},
        {"an ended national role reads no aggregates",
         actor({ended(Role::national)}),
         Action::read_aggregates,
         {},
         Decision::deny},
        {"an ended admin role manages nothing",
         actor({ended(Role::admin)}),
         Action::manage_accounts,
         {},
         Decision::deny},

        {"an ended leader role approves nothing", actor({ended(Role::leader, "4601")}, 99),
         Action::approve_objective, bergen, Decision::deny},
        {"the hiring leader approves nothing before the first day",
         actor({grant(Role::leader, "5501")}, 99), Action::approve_objective, moving,
         Decision::deny},

        {"leader signs the agreement of own trainee", actor({grant(Role::leader, "4601")}, 99),
         Action::sign_agreement, bergen, Decision::allow},
        {"nobody signs their own agreement", actor({grant(Role::leader, "4601")}, 10),
         Action::sign_agreement, bergen, Decision::deny},
        {"other leader signs nothing", actor({grant(Role::leader, "5501")}, 99),
         Action::sign_agreement, bergen, Decision::deny},
        {"the regional office signs nothing",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::sign_agreement,
         bergen, Decision::deny},
        {"the trainee signs their own agreement, as the doctor", actor({grant(Role::trainee)}, 10),
         Action::sign_agreement, bergen, Decision::allow},
        {"but no other trainee's", actor({grant(Role::trainee)}, 11), Action::sign_agreement,
         bergen, Decision::deny},
        {"the doctor reads their own agreements", actor({grant(Role::trainee)}, 10),
         Action::read_agreement, bergen, Decision::allow},
        {"the employing leader reads them", actor({grant(Role::leader, "4601")}, 99),
         Action::read_agreement, bergen, Decision::allow},
        {"the hiring leader too", actor({grant(Role::leader, "5501")}, 99), Action::read_agreement,
         moving, Decision::allow},
        {"the veileder, who reads the record, does not read the pay",
         actor({grant(Role::supervisor)}, 20), Action::read_agreement, bergen, Decision::deny},
        {"nor the regional office", actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::read_agreement, bergen, Decision::deny},
        {"nor another municipality's leader", actor({grant(Role::leader, "5501")}, 99),
         Action::read_agreement, bergen, Decision::deny},
        {"nor a leader their own as leader", actor({grant(Role::leader, "4601")}, 10),
         Action::read_agreement, bergen, Decision::deny},
        {"a future leader role signs nothing yet", actor({future(Role::leader, "4601")}, 99),
         Action::sign_agreement, bergen, Decision::deny},
        {"the leader signs the agreement with a supervisor the municipality registered",
         actor({grant(Role::leader, "4601")}, 99), Action::sign_agreement, bergen_supervisor,
         Decision::allow},
        {"and makes its versions", actor({grant(Role::leader, "4601")}, 99),
         Action::record_agreement, bergen_supervisor, Decision::allow},
        {"the supervisor signs it", actor({grant(Role::supervisor)}, 20), Action::sign_agreement,
         bergen_supervisor, Decision::allow},
        {"and reads it", actor({grant(Role::supervisor)}, 20), Action::read_agreement,
         bergen_supervisor, Decision::allow},
        {"but makes no version", actor({grant(Role::supervisor)}, 20), Action::record_agreement,
         bergen_supervisor, Decision::deny},
        {"another supervisor signs nothing", actor({grant(Role::supervisor)}, 21),
         Action::sign_agreement, bergen_supervisor, Decision::deny},
        {"the supervisor as leader signs nothing with themselves",
         actor({grant(Role::leader, "4601")}, 20), Action::sign_agreement, bergen_supervisor,
         Decision::deny},
        {"nor makes its versions", actor({grant(Role::leader, "4601")}, 20),
         Action::record_agreement, bergen_supervisor, Decision::deny},
        {"as a trainee the supervisor's person signs nothing", actor({grant(Role::trainee)}, 20),
         Action::sign_agreement, bergen_supervisor, Decision::deny},
        {"another municipality's leader reads nothing", actor({grant(Role::leader, "5501")}, 99),
         Action::read_agreement, bergen_supervisor, Decision::deny},
        {"nor the regional office", actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::read_agreement, bergen_supervisor, Decision::deny},
        {"the registration is no record to read", actor({grant(Role::leader, "4601")}, 99),
         Action::read_person, bergen_supervisor, Decision::deny},

        {"an ended clinical supervisor role signs off nothing", ended_hansen,
         Action::sign_off_activity, activity, Decision::deny},
        {"a leader signs off no activity", actor({grant(Role::leader, "4601")}, 30),
         Action::sign_off_activity, activity, Decision::deny},

        {"an ended leader role sees no overview", actor({ended(Role::leader, "4601")}),
         Action::view_municipality, municipality, Decision::deny},

        {"leader manages own municipality", actor({grant(Role::leader, "4601")}),
         Action::manage_municipality, municipality, Decision::allow},
        {"other leader does not manage it", actor({grant(Role::leader, "5501")}),
         Action::manage_municipality, municipality, Decision::deny},
        {"the regional office sees but does not manage",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::manage_municipality,
         municipality, Decision::deny},
        {"a person is not a municipality to manage", actor({grant(Role::leader, "4601")}),
         Action::manage_municipality, bergen, Decision::deny},
        {"an ended leader role manages nothing", actor({ended(Role::leader, "4601")}),
         Action::manage_municipality, municipality, Decision::deny},
        {"a future leader role manages nothing yet", actor({future(Role::leader, "4601")}),
         Action::manage_municipality, municipality, Decision::deny},

        {"employer's leader edits the record", actor({grant(Role::leader, "4601")}, 99),
         Action::edit_training_record, bergen, Decision::allow},
        {"the hiring leader prepares the record", actor({grant(Role::leader, "5501")}, 99),
         Action::edit_training_record, moving, Decision::allow},
        {"other leader does not edit it", actor({grant(Role::leader, "5501")}, 99),
         Action::edit_training_record, bergen, Decision::deny},
        {"the trainee does not edit their own record", actor({grant(Role::trainee)}, 10),
         Action::edit_training_record, bergen, Decision::deny},
        {"the supervisor does not edit the record", actor({grant(Role::supervisor)}, 20),
         Action::edit_training_record, bergen, Decision::deny},
        {"the regional office does not edit the record",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::edit_training_record, bergen, Decision::deny},
        {"an ended leader role edits nothing", actor({ended(Role::leader, "4601")}, 99),
         Action::edit_training_record, bergen, Decision::deny},
        {"a future leader role edits nothing yet", actor({future(Role::leader, "4601")}, 99),
         Action::edit_training_record, bergen, Decision::deny},

        {"employer's leader revises the plan", actor({grant(Role::leader, "4601")}),
         Action::edit_education_plan, bergen, Decision::allow},
        {"the trainee revises their own plan", actor({grant(Role::trainee)}, 10),
         Action::edit_education_plan, bergen, Decision::allow},
        {"the assigned supervisor revises the plan", actor({grant(Role::supervisor)}, 20),
         Action::edit_education_plan, bergen, Decision::allow},
        {"another trainee does not", actor({grant(Role::trainee)}, 11), Action::edit_education_plan,
         bergen, Decision::deny},
        {"another supervisor does not", actor({grant(Role::supervisor)}, 21),
         Action::edit_education_plan, bergen, Decision::deny},
        {"the regional office does not",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::edit_education_plan,
         bergen, Decision::deny},
        {"an ended trainee role revises nothing", actor({ended(Role::trainee)}, 10),
         Action::edit_education_plan, bergen, Decision::deny},
        {"an ended supervisor role revises nothing", actor({ended(Role::supervisor)}, 20),
         Action::edit_education_plan, bergen, Decision::deny},

        {"the office sees its own region",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::view_region,
         bergen_office, Decision::allow},
        {"the national authority sees every region", actor({grant(Role::national)}),
         Action::view_region, bergen_office, Decision::allow},
        {"another office does not", actor({grant(Role::regional_office, std::nullopt, "Bodø")}),
         Action::view_region, bergen_office, Decision::deny},
        {"a leader sees no region", actor({grant(Role::leader, "4601")}), Action::view_region,
         bergen_office, Decision::deny},
        {"a municipality is not a region",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::view_region,
         municipality, Decision::deny},
        {"an ended office role sees no region",
         actor({ended(Role::regional_office, std::nullopt, "Bergen")}), Action::view_region,
         bergen_office, Decision::deny},
        {"a future national role sees no region yet", actor({future(Role::national)}),
         Action::view_region, bergen_office, Decision::deny},

        {"the post's leader records why the doctor left", actor({grant(Role::leader, "4601")}),
         Action::record_departure, ended_post, Decision::allow},
        {"also on a running post (the use case asks for its end)",
         actor({grant(Role::leader, "4601")}), Action::record_departure, running_post,
         Decision::allow},
        {"until a year after the post ended", actor({grant(Role::leader, "4601")}),
         Action::record_departure, year_ago_post, Decision::allow},
        {"not from the day after that", actor({grant(Role::leader, "4601")}),
         Action::record_departure, last_year_post, Decision::deny},
        {"unless the municipality employs the doctor again", actor({grant(Role::leader, "4601")}),
         Action::record_departure, last_year_post_employed_again, Decision::allow},
        {"another municipality's leader does not", actor({grant(Role::leader, "5501")}),
         Action::record_departure, ended_post, Decision::deny},
        {"nor the regional office", actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::record_departure, ended_post, Decision::deny},
        {"nor the doctor", actor({grant(Role::trainee)}, 10), Action::record_departure, ended_post,
         Decision::deny},
        {"nor a leader about their own post", actor({grant(Role::leader, "4601")}, 10),
         Action::record_departure, ended_post, Decision::deny},
        {"a person is not an employment", actor({grant(Role::leader, "4601")}),
         Action::record_departure, bergen, Decision::deny},
        {"an ended leader role records nothing", actor({ended(Role::leader, "4601")}),
         Action::record_departure, ended_post, Decision::deny},

        {"the post's leader certifies its service", actor({grant(Role::leader, "4601")}),
         Action::issue_certificate, running_post, Decision::allow},
        {"also years after the post ended (the doctor applies late)",
         actor({grant(Role::leader, "4601")}), Action::issue_certificate, last_year_post,
         Decision::allow},
        {"another municipality's leader does not", actor({grant(Role::leader, "5501")}),
         Action::issue_certificate, ended_post, Decision::deny},
        {"nor the regional office", actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::issue_certificate, ended_post, Decision::deny},
        {"nor the doctor", actor({grant(Role::trainee)}, 10), Action::issue_certificate, ended_post,
         Decision::deny},
        {"nor a leader about their own post", actor({grant(Role::leader, "4601")}, 10),
         Action::issue_certificate, ended_post, Decision::deny},
        {"a person is not an employment", actor({grant(Role::leader, "4601")}),
         Action::issue_certificate, bergen, Decision::deny},
        // The agreement register and a post's grant facts: the employing leader.
        {"the employing leader records agreements", actor({grant(Role::leader, "4601")}),
         Action::record_agreement, bergen, Decision::allow},
        {"the hiring leader too", actor({grant(Role::leader, "5501")}), Action::record_agreement,
         moving, Decision::allow},
        {"not another municipality's leader", actor({grant(Role::leader, "5501")}),
         Action::record_agreement, bergen, Decision::deny},
        {"not the regional office", actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::record_agreement, bergen, Decision::deny},
        {"not the doctor themself", actor({grant(Role::trainee)}, 10), Action::record_agreement,
         bergen, Decision::deny},
        {"not a leader about their own agreement", actor({grant(Role::leader, "4601")}, 10),
         Action::record_agreement, bergen, Decision::deny},
        // The claim names doctors, the costs hold salaries: the municipality's leader alone.
        {"the leader sees the claim", actor({grant(Role::leader, "4601")}),
         Action::view_grant_claim, municipality, Decision::allow},
        {"another leader does not", actor({grant(Role::leader, "5501")}), Action::view_grant_claim,
         municipality, Decision::deny},
        {"the regional office does not see the claim",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::view_grant_claim,
         municipality, Decision::deny},
        {"the leader manages the cost inputs", actor({grant(Role::leader, "4601")}),
         Action::manage_costs, municipality, Decision::allow},
        {"an ended leader role does not", actor({ended(Role::leader, "4601")}),
         Action::manage_costs, municipality, Decision::deny},
        {"the regional office sees no salaries",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::manage_costs,
         municipality, Decision::deny},
        {"nor does the national administrator", actor({grant(Role::national)}),
         Action::manage_costs, municipality, Decision::deny},
        // Coverage sums: the region's office and the national administrator; the country's the
        // national administrator alone.
        {"the office sees its region's coverage",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::view_coverage,
         bergen_office, Decision::allow},
        {"not another region's", actor({grant(Role::regional_office, std::nullopt, "Bodø")}),
         Action::view_coverage, bergen_office, Decision::deny},
        {"the national administrator sees a region's", actor({grant(Role::national)}),
         Action::view_coverage, bergen_office, Decision::allow},
        {"and the country's", actor({grant(Role::national)}), Action::view_coverage, Resource{},
         Decision::allow},
        {"the office not the country's",
         actor({grant(Role::regional_office, std::nullopt, "Bergen")}), Action::view_coverage,
         Resource{}, Decision::deny},
        {"a leader sees no region's coverage", actor({grant(Role::leader, "4601")}),
         Action::view_coverage, bergen_office, Decision::deny},
        {"nor a municipality as a coverage sum", actor({grant(Role::national)}),
         Action::view_coverage, municipality, Decision::deny},
        // Supervision meetings (issue 14): the minutes are the trainee's and the veileder's.
        {"the trainee plans a meeting", actor({grant(Role::trainee)}, 10),
         Action::plan_supervision_meeting, bergen, Decision::allow},
        {"the assigned veileder plans one", actor({grant(Role::supervisor)}, 20),
         Action::plan_supervision_meeting, bergen, Decision::allow},
        {"another supervisor does not", actor({grant(Role::supervisor)}, 21),
         Action::plan_supervision_meeting, bergen, Decision::deny},
        {"nor the leader", actor({grant(Role::leader, "4601")}), Action::plan_supervision_meeting,
         bergen, Decision::deny},
        {"the trainee reads the minutes", actor({grant(Role::trainee)}, 10),
         Action::read_supervision_minutes, meeting, Decision::allow},
        {"the meeting's veileder reads them", actor({grant(Role::supervisor)}, 20),
         Action::read_supervision_minutes, meeting, Decision::allow},
        {"the leader, who reads the record, does not", actor({grant(Role::leader, "4601")}),
         Action::read_supervision_minutes, meeting, Decision::deny},
        {"nor the regional office", actor({grant(Role::regional_office, std::nullopt, "Bergen")}),
         Action::read_supervision_minutes, meeting, Decision::deny},
        {"nor the national administrator", actor({grant(Role::national)}),
         Action::read_supervision_minutes, meeting, Decision::deny},
        {"nor an administrator", actor({grant(Role::admin)}), Action::read_supervision_minutes,
         meeting, Decision::deny},
        {"nor a clinical supervisor of the same person",
         actor({grant(Role::clinical_supervisor)}, 20), Action::read_supervision_minutes, meeting,
         Decision::deny},
        {"nor the new veileder the earlier veileder's", actor({grant(Role::supervisor)}, 20),
         Action::read_supervision_minutes, earlier_meeting, Decision::deny},
        {"nor the earlier veileder once reassigned", actor({grant(Role::supervisor)}, 21),
         Action::read_supervision_minutes, earlier_meeting, Decision::deny},
        {"a trainee role of another person does not", actor({grant(Role::trainee)}, 11),
         Action::read_supervision_minutes, meeting, Decision::deny},
        {"a person is not a meeting", actor({grant(Role::trainee)}, 10),
         Action::read_supervision_minutes, bergen, Decision::deny},
        {"an ended trainee role reads no minutes", actor({ended(Role::trainee)}, 10),
         Action::read_supervision_minutes, meeting, Decision::deny},
        {"the trainee changes an open meeting", actor({grant(Role::trainee)}, 10),
         Action::edit_supervision_meeting, meeting, Decision::allow},
        {"the leader does not", actor({grant(Role::leader, "4601")}),
         Action::edit_supervision_meeting, meeting, Decision::deny},
        {"the veileder closes the meeting", actor({grant(Role::supervisor)}, 20),
         Action::close_supervision_meeting, meeting, Decision::allow},
        {"the trainee does not", actor({grant(Role::trainee)}, 10),
         Action::close_supervision_meeting, meeting, Decision::deny},
        {"nor the leader closes it", actor({grant(Role::leader, "4601")}),
         Action::close_supervision_meeting, meeting, Decision::deny},
        {"trainee records their own course", actor({grant(Role::trainee)}, 10),
         Action::record_course, bergen, Decision::allow},
        {"trainee records no other doctor's course", actor({grant(Role::trainee)}, 11),
         Action::record_course, bergen, Decision::deny},
        {"leader records no course of a doctor they employ",
         actor({grant(Role::leader, "4601")}, 99), Action::record_course, bergen, Decision::deny},
        {"leader in training records no course of their own by leading",
         actor({grant(Role::leader, "4601")}, 10), Action::record_course, bergen, Decision::deny},
        {"leader in training records their own course as trainee",
         actor({grant(Role::leader, "4601"), grant(Role::trainee)}, 10), Action::record_course,
         bergen, Decision::allow},
        {"supervisor records no course of their trainee", actor({grant(Role::supervisor)}, 20),
         Action::record_course, bergen, Decision::deny},
        {"leader of another municipality records no course",
         actor({grant(Role::leader, "5001")}, 99), Action::record_course, bergen, Decision::deny},
        {"leader of another municipality reads no courses",
         actor({grant(Role::leader, "5001")}, 99), Action::read_person, bergen, Decision::deny},
        {"the doctor exports their own signed record", actor({grant(Role::trainee)}, 10),
         Action::export_training_record, bergen, Decision::allow},
        {"the employing leader exports it", actor({grant(Role::leader, "4601")}),
         Action::export_training_record, bergen, Decision::allow},
        {"the veileder exports it", actor({grant(Role::supervisor)}, 20),
         Action::export_training_record, bergen, Decision::allow},
        {"another trainee does not", actor({grant(Role::trainee)}, 11),
         Action::export_training_record, bergen, Decision::deny},
        {"another municipality's leader does not export it", actor({grant(Role::leader, "0301")}),
         Action::export_training_record, bergen, Decision::deny},
        {"the national administrator does not export it", actor({grant(Role::national)}),
         Action::export_training_record, bergen, Decision::deny},
        {"the employing leader imports a record", actor({grant(Role::leader, "4601")}, 99),
         Action::import_training_record, bergen, Decision::allow},
        {"another municipality's leader does not import", actor({grant(Role::leader, "0301")}),
         Action::import_training_record, bergen, Decision::deny},
        {"a leader does not import onto their own record", actor({grant(Role::leader, "4601")}, 10),
         Action::import_training_record, bergen, Decision::deny},
        {"the doctor does not import onto their own record", actor({grant(Role::trainee)}, 10),
         Action::import_training_record, bergen, Decision::deny},
        {"the veileder does not import", actor({grant(Role::supervisor)}, 20),
         Action::import_training_record, bergen, Decision::deny},
    };
    std::map<Action, std::set<Decision>> covered;
    for (const auto& c : cases) {
        EXPECT_EQ(decide(c.who, c.action, c.what, day("2026-11-22")), c.expected) << c.name;
        covered[c.action].insert(c.expected);
    }
    // Every action has a row that allows it and one that denies it, so a new Action needs rows
    // here. view_public is allowed to everyone by design, so it has no deny row.
    for (int a = static_cast<int>(Action::view_public);
         a <= static_cast<int>(Action::import_training_record); ++a) {
        const auto action = static_cast<Action>(a);
        EXPECT_TRUE(covered[action].contains(Decision::allow))
            << to_string(action) << " has no row that allows it";
        if (action != Action::view_public) {
            EXPECT_TRUE(covered[action].contains(Decision::deny))
                << to_string(action) << " has no row that denies it";
        }
    }
    EXPECT_EQ(to_string(static_cast<Action>(static_cast<int>(Action::import_training_record) + 1)),
              "unknown")
        << "import_training_record is no longer the last Action: loop to the new last one above";
}

// A leader who is also in training, employed by the municipality they lead, never edits or
// approves their own record; a colleague's they may.
TEST(Policy, ALeaderNeverEditsTheirOwnRecord) {
    const Actor leader_in_training = actor({grant(Role::leader, "4601"), grant(Role::trainee)}, 10);
    const Resource own = trainee_in_bergen();
    Resource colleague = trainee_in_bergen();
    colleague.person_id = 11;
    const auto today = day("2026-11-22");
    // An agreement they sign only as the doctor (the route picks the party; a leader's grant
    // never lets them sign their own for the municipality).
    const Actor leader_only = actor({grant(Role::leader, "4601")}, 10);
    EXPECT_EQ(decide(leader_only, Action::sign_agreement, own, today), Decision::deny);
    EXPECT_EQ(decide(leader_in_training, Action::sign_agreement, colleague, today),
              Decision::allow);
    for (const auto action : {Action::edit_training_record, Action::approve_objective}) {
        EXPECT_EQ(decide(leader_in_training, action, own, today), Decision::deny)
            << to_string(action) << " on their own record";
        EXPECT_EQ(decide(leader_in_training, action, colleague, today), Decision::allow)
            << to_string(action) << " on a colleague's record";
    }
    EXPECT_EQ(decide(leader_in_training, Action::read_person, own, today), Decision::allow)
        << "reading one's own record is fine";
}

TEST(Policy, ApprovalsNeedThePasswordWithinTenMinutes) {
    EXPECT_TRUE(requires_recent_authentication(Action::approve_objective));
    EXPECT_TRUE(requires_recent_authentication(Action::sign_agreement));
    EXPECT_FALSE(requires_recent_authentication(Action::read_person));
    Actor a = actor({grant(Role::leader, "4601")});
    a.authenticated_at = 1000;
    EXPECT_TRUE(recently_authenticated(a, 1000 + 600));
    EXPECT_FALSE(recently_authenticated(a, 1000 + 601));
    EXPECT_FALSE(recently_authenticated(a, 999)) << "a clock before the login is not trusted";
}

}  // namespace policy_test
}  // namespace alis::app
