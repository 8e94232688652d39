// The central access policy, table by table: role x relation x day.
#include "app/policy.hpp"

#include <gtest/gtest.h>

namespace alis::app {
namespace {

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
    Resource activity;
    activity.kind = Resource::Kind::activity;
    activity.clinical_supervisor_person_id = 30;

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
        {"clinical supervisor signs off what was sent to them",
         actor({grant(Role::clinical_supervisor)}, 30), Action::sign_off_activity, activity,
         Decision::allow},
        {"not what was sent to others", actor({grant(Role::clinical_supervisor)}, 31),
         Action::sign_off_activity, activity, Decision::deny},
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
    };
    for (const auto& c : cases) {
        EXPECT_EQ(decide(c.who, c.action, c.what, day("2026-11-22")), c.expected) << c.name;
    }
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

}  // namespace
}  // namespace alis::app
