// An objective's status from its append-only events (domain::objective_state): what the progress
// report and the approval queue will count.
#include "domain/learning_log.hpp"

#include <gtest/gtest.h>

namespace alis::domain {
namespace learning_log_test {

ObjectiveEvent event(ObjectiveEventKind kind, ObjectiveActorRole role, const char* at) {
    ObjectiveEvent e;
    e.kind = kind;
    e.actor_role = role;
    e.at = at;
    return e;
}

using K = ObjectiveEventKind;
using R = ObjectiveActorRole;

TEST(ObjectiveState, WithoutEventsItIsNotStartedOrInProgressByItsActivities) {
    EXPECT_EQ(objective_state({}, 0).status, ObjectiveStatus::not_started);
    EXPECT_EQ(objective_state({}, 2).status, ObjectiveStatus::in_progress);
}

TEST(ObjectiveState, ARequestIsOpenUntilRecalledAndCountsItsRecommendations) {
    std::vector<ObjectiveEvent> events{event(K::requested, R::trainee, "2026-11-01T10:00:00Z")};
    auto state = objective_state(events, 0);
    EXPECT_EQ(state.status, ObjectiveStatus::requested);
    EXPECT_EQ(state.requested_at, "2026-11-01T10:00:00Z");
    EXPECT_FALSE(state.supervisor_recommended);
    events.push_back(event(K::recommended, R::supervisor, "2026-11-02T10:00:00Z"));
    events.push_back(event(K::advised_against, R::clinical_supervisor, "2026-11-03T10:00:00Z"));
    state = objective_state(events, 0);
    EXPECT_TRUE(state.supervisor_recommended);
    EXPECT_FALSE(state.clinical_supervisor_recommended) << "advice against is no recommendation";
    events.push_back(event(K::recalled, R::trainee, "2026-11-04T10:00:00Z"));
    state = objective_state(events, 0);
    EXPECT_EQ(state.status, ObjectiveStatus::in_progress) << "a recalled request was a start";
    EXPECT_FALSE(state.requested_at);
    events.push_back(event(K::requested, R::trainee, "2026-11-05T10:00:00Z"));
    state = objective_state(events, 0);
    EXPECT_EQ(state.status, ObjectiveStatus::requested);
    EXPECT_FALSE(state.supervisor_recommended) << "a new request needs new recommendations";
}

TEST(ObjectiveState, ApprovalStandsUntilReversedAndARejectionReopensTheWork) {
    std::vector<ObjectiveEvent> events{event(K::requested, R::trainee, "2026-11-01T10:00:00Z"),
                                       event(K::rejected, R::leader, "2026-11-02T10:00:00Z")};
    EXPECT_EQ(objective_state(events, 0).status, ObjectiveStatus::in_progress);
    events.push_back(event(K::approved, R::leader, "2026-11-03T10:00:00Z"));
    EXPECT_EQ(objective_state(events, 0).status, ObjectiveStatus::in_progress)
        << "an approval without an open request changes nothing";
    events.push_back(event(K::requested, R::trainee, "2026-11-04T10:00:00Z"));
    events.push_back(event(K::approved, R::leader, "2026-11-05T10:00:00Z"));
    auto state = objective_state(events, 0);
    EXPECT_EQ(state.status, ObjectiveStatus::approved);
    EXPECT_EQ(state.decided_at, "2026-11-05T10:00:00Z");
    events.push_back(event(K::recalled, R::trainee, "2026-11-06T10:00:00Z"));
    EXPECT_EQ(objective_state(events, 0).status, ObjectiveStatus::approved)
        << "a decided request cannot be recalled";
    events.push_back(event(K::reversed, R::leader, "2026-11-07T10:00:00Z"));
    state = objective_state(events, 0);
    EXPECT_EQ(state.status, ObjectiveStatus::in_progress);
    EXPECT_FALSE(state.decided_at);
}

TEST(ObjectiveState, AdviceForOrAgainstIsConsultationAndANewRequestNeedsItAgain) {
    std::vector<ObjectiveEvent> events{event(K::requested, R::trainee, "2026-11-01T10:00:00Z"),
                                       event(K::advised_against, R::supervisor, "2026-11-02")};
    auto state = objective_state(events, 0);
    EXPECT_TRUE(state.supervisor_consulted);
    EXPECT_FALSE(state.supervisor_recommended);
    EXPECT_FALSE(state.consulted()) << "a supervisør has not advised yet";
    events.push_back(event(K::recommended, R::clinical_supervisor, "2026-11-03"));
    EXPECT_TRUE(objective_state(events, 0).consulted());
    events.push_back(event(K::recalled, R::trainee, "2026-11-04"));
    events.push_back(event(K::requested, R::trainee, "2026-11-05"));
    EXPECT_FALSE(objective_state(events, 0).consulted());
}

TEST(ObjectiveState, TheLastRejectionsReasonAndTheApproverAreKept) {
    auto rejected = event(K::rejected, R::leader, "2026-11-02T10:00:00Z");
    rejected.reason = "Mangler observasjon.";
    auto approved = event(K::approved, R::leader, "2026-11-04T10:00:00Z");
    approved.actor_label = "Kari Leder (kari@bergen.no)";
    std::vector<ObjectiveEvent> events{event(K::requested, R::trainee, "2026-11-01T10:00:00Z"),
                                       rejected};
    EXPECT_EQ(objective_state(events, 0).last_reason, "Mangler observasjon.");
    events.push_back(event(K::requested, R::trainee, "2026-11-03T10:00:00Z"));
    events.push_back(approved);
    const auto state = objective_state(events, 0);
    EXPECT_EQ(state.decided_by, "Kari Leder (kari@bergen.no)");
    EXPECT_EQ(state.decided_at, "2026-11-04T10:00:00Z");
}

// One case of check_objective_event: the state's events, the step, and the answer.
struct StepCase {
    const char* why;
    std::vector<ObjectiveEvent> before;
    ObjectiveEvent step;
    ObjectiveEventProblem expected;
};

ObjectiveEvent with_reason(ObjectiveEvent e, const char* reason) {
    e.reason = reason;
    return e;
}

TEST(CheckObjectiveEvent, EachStepFollowsOnlyTheStateItIsFor) {
    using P = ObjectiveEventProblem;
    const auto req = event(K::requested, R::trainee, "2026-11-01");
    const auto veileder = event(K::recommended, R::supervisor, "2026-11-02");
    const auto supervisor = event(K::advised_against, R::clinical_supervisor, "2026-11-02");
    const auto approve = event(K::approved, R::leader, "2026-11-03");
    const std::vector<StepCase> cases = {
        {"a first request", {}, req, P::none},
        {"a second request while one is open", {req}, req, P::already_requested},
        {"a request of an approved objective",
         {req, veileder, supervisor, approve},
         req,
         P::already_approved},
        {"a leader does not request", {}, event(K::requested, R::leader, "x"), P::wrong_role},
        {"a recall of an open request", {req}, event(K::recalled, R::trainee, "x"), P::none},
        {"a recall with nothing open", {}, event(K::recalled, R::trainee, "x"), P::no_open_request},
        {"advice on an open request", {req}, veileder, P::none},
        {"advice with nothing open", {}, veileder, P::no_open_request},
        {"the doctor does not advise",
         {req},
         event(K::recommended, R::trainee, "x"),
         P::wrong_role},
        {"approval before any advice", {req}, approve, P::not_consulted},
        {"approval with the veileder's advice alone", {req, veileder}, approve, P::not_consulted},
        {"approval once consulted", {req, veileder, supervisor}, approve, P::none},
        {"a veileder does not approve",
         {req, veileder, supervisor},
         event(K::approved, R::supervisor, "x"),
         P::wrong_role},
        {"a rejection needs a reason",
         {req},
         event(K::rejected, R::leader, "x"),
         P::reason_required},
        {"a rejection with a reason, consulted or not",
         {req},
         with_reason(event(K::rejected, R::leader, "x"), "Ikke nok ennå."),
         P::none},
        {"a reversal of what is not approved",
         {req},
         with_reason(event(K::reversed, R::leader, "x"), "Feil."),
         P::not_approved},
        {"a reversal needs a reason",
         {req, veileder, supervisor, approve},
         event(K::reversed, R::leader, "x"),
         P::reason_required},
        {"a reversal with a reason",
         {req, veileder, supervisor, approve},
         with_reason(event(K::reversed, R::leader, "x"), "Feil lege."),
         P::none},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(check_objective_event(objective_state(c.before, 0), c.step), c.expected) << c.why;
    }
}

TEST(ObjectiveCounts, CountEachStatusOnce) {
    ObjectiveCounts counts;
    for (const auto s : {ObjectiveStatus::approved, ObjectiveStatus::approved,
                         ObjectiveStatus::requested, ObjectiveStatus::not_started}) {
        counts.add(s);
    }
    EXPECT_EQ(counts.approved, 2);
    EXPECT_EQ(counts.requested, 1);
    EXPECT_EQ(counts.in_progress, 0);
    EXPECT_EQ(counts.total(), 4);
}

}  // namespace learning_log_test
}  // namespace alis::domain
