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
                state.supervisor_consulted = false;
                state.clinical_supervisor_consulted = false;
                state.decided_at.reset();
                state.decided_by.reset();
                break;
            case ObjectiveEventKind::recalled:
            case ObjectiveEventKind::rejected:
                if (state.status == ObjectiveStatus::requested) {
                    if (e.kind == ObjectiveEventKind::rejected) {
                        state.last_reason = e.reason;
                    }
                    state.status = ObjectiveStatus::in_progress;
                    state.requested_at.reset();
                }
                break;
            case ObjectiveEventKind::recommended:
            case ObjectiveEventKind::advised_against:
                // Advice against is consultation too; the leader decides.
                if (state.status == ObjectiveStatus::requested) {
                    const bool recommends = e.kind == ObjectiveEventKind::recommended;
                    if (e.actor_role == ObjectiveActorRole::supervisor) {
                        state.supervisor_recommended = state.supervisor_recommended || recommends;
                        state.supervisor_consulted = true;
                    } else if (e.actor_role == ObjectiveActorRole::clinical_supervisor) {
                        state.clinical_supervisor_recommended =
                            state.clinical_supervisor_recommended || recommends;
                        state.clinical_supervisor_consulted = true;
                    }
                }
                break;
            case ObjectiveEventKind::approved:
                if (state.status == ObjectiveStatus::requested) {
                    state.status = ObjectiveStatus::approved;
                    state.decided_at = e.at;
                    state.decided_by = e.actor_label;
                    state.requested_at.reset();
                }
                break;
            case ObjectiveEventKind::reversed:
                if (state.status == ObjectiveStatus::approved) {
                    state.status = ObjectiveStatus::in_progress;
                    state.decided_at.reset();
                    state.decided_by.reset();
                    state.last_reason = e.reason;
                }
                break;
        }
    }
    if (state.status == ObjectiveStatus::not_started && touched) {
        state.status = ObjectiveStatus::in_progress;
    }
    return state;
}

ObjectiveEventProblem check_objective_event(const ObjectiveState& state,
                                            const ObjectiveEvent& event) {
    using K = ObjectiveEventKind;
    using R = ObjectiveActorRole;
    const bool open = state.status == ObjectiveStatus::requested;
    switch (event.kind) {
        case K::requested:
        case K::recalled:
            if (event.actor_role != R::trainee) {
                return ObjectiveEventProblem::wrong_role;
            }
            if (event.kind == K::recalled) {
                return open ? ObjectiveEventProblem::none : ObjectiveEventProblem::no_open_request;
            }
            if (state.status == ObjectiveStatus::approved) {
                return ObjectiveEventProblem::already_approved;
            }
            return open ? ObjectiveEventProblem::already_requested : ObjectiveEventProblem::none;
        case K::recommended:
        case K::advised_against:
            if (event.actor_role != R::supervisor && event.actor_role != R::clinical_supervisor) {
                return ObjectiveEventProblem::wrong_role;
            }
            return open ? ObjectiveEventProblem::none : ObjectiveEventProblem::no_open_request;
        case K::approved:
        case K::rejected:
            if (event.actor_role != R::leader) {
                return ObjectiveEventProblem::wrong_role;
            }
            if (!open) {
                return ObjectiveEventProblem::no_open_request;
            }
            if (event.kind == K::rejected) {
                return event.reason.empty() ? ObjectiveEventProblem::reason_required
                                            : ObjectiveEventProblem::none;
            }
            return state.consulted() ? ObjectiveEventProblem::none
                                     : ObjectiveEventProblem::not_consulted;
        case K::reversed:
            if (event.actor_role != R::leader) {
                return ObjectiveEventProblem::wrong_role;
            }
            if (state.status != ObjectiveStatus::approved) {
                return ObjectiveEventProblem::not_approved;
            }
            return event.reason.empty() ? ObjectiveEventProblem::reason_required
                                        : ObjectiveEventProblem::none;
    }
    return ObjectiveEventProblem::wrong_role;
}

void ObjectiveCounts::add(ObjectiveStatus status) {
    switch (status) {
        case ObjectiveStatus::approved:
            ++approved;
            break;
        case ObjectiveStatus::requested:
            ++requested;
            break;
        case ObjectiveStatus::in_progress:
            ++in_progress;
            break;
        case ObjectiveStatus::not_started:
            ++not_started;
            break;
    }
}

}  // namespace alis::domain
