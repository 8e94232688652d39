#include "domain/learning_log.hpp"

namespace alis::domain {

ObjectiveState objective_state(const std::vector<ObjectiveEvent>& events, std::size_t activities) {
    ObjectiveState state;
    bool touched = activities > 0;
    for (const auto& e : events) {
        touched = true;
        switch (e.kind) {
            case ObjectiveEventKind::requested:
                state.status = ObjectiveStatus::requested;
                state.requested_at = e.at;
                state.supervisor_recommended = false;
                state.clinical_supervisor_recommended = false;
                state.decided_at.reset();
                break;
            case ObjectiveEventKind::recalled:
            case ObjectiveEventKind::rejected:
                if (state.status == ObjectiveStatus::requested) {
                    state.status = ObjectiveStatus::in_progress;
                    state.requested_at.reset();
                }
                break;
            case ObjectiveEventKind::recommended:
                if (state.status == ObjectiveStatus::requested) {
                    if (e.actor_role == ObjectiveActorRole::supervisor) {
                        state.supervisor_recommended = true;
                    } else if (e.actor_role == ObjectiveActorRole::clinical_supervisor) {
                        state.clinical_supervisor_recommended = true;
                    }
                }
                break;
            case ObjectiveEventKind::advised_against:
                break;  // Recorded as consultation; the leader decides.
            case ObjectiveEventKind::approved:
                if (state.status == ObjectiveStatus::requested) {
                    state.status = ObjectiveStatus::approved;
                    state.decided_at = e.at;
                    state.requested_at.reset();
                }
                break;
            case ObjectiveEventKind::reversed:
                if (state.status == ObjectiveStatus::approved) {
                    state.status = ObjectiveStatus::in_progress;
                    state.decided_at.reset();
                }
                break;
        }
    }
    if (state.status == ObjectiveStatus::not_started && touched) {
        state.status = ObjectiveStatus::in_progress;
    }
    return state;
}

}  // namespace alis::domain
