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

}  // namespace learning_log_test
}  // namespace alis::domain
