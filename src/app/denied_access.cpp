#include "app/denied_access.hpp"

#include <vector>

#include "app/auth.hpp"

namespace alis::app {

std::vector<domain::AuditEvent> DeniedAccessWindow::take_passed(std::int64_t now, bool all) {
    std::vector<domain::AuditEvent> events;
    for (auto it = windows_.begin(); it != windows_.end();) {
        auto& window = it->second;
        if (!all && now - window.starts_at < kWindowSeconds) {
            ++it;
            continue;
        }
        for (auto& [target, repeats] : window.repeats) {
            auto e = std::move(repeats.first);
            e.target = target + " \u00d7" + std::to_string(repeats.count);
            // Several people may be behind the count: the event names none.
            e.subject_person_id.reset();
            events.push_back(std::move(e));
        }
        it = windows_.erase(it);
    }
    return events;
}

void DeniedAccessWindow::record(Application& app, domain::AuditEvent event, std::int64_t now) {
    std::vector<domain::AuditEvent> events;
    {
        std::lock_guard lock(mutex_);
        events = take_passed(now, false);
        if (!event.actor_account_id) {
            events.push_back(std::move(event));
        } else if (const auto it = windows_.find(*event.actor_account_id); it == windows_.end()) {
            windows_[*event.actor_account_id].starts_at = now;
            events.push_back(std::move(event));
        } else {
            auto& repeats = it->second.repeats[event.target];
            if (repeats.count++ == 0) {
                repeats.first = std::move(event);
            }
        }
    }
    if (!events.empty()) {
        record_audits(app, events);
    }
}

void DeniedAccessWindow::flush(Application& app) {
    std::vector<domain::AuditEvent> events;
    {
        std::lock_guard lock(mutex_);
        events = take_passed(0, true);
    }
    if (!events.empty()) {
        record_audits(app, events);
    }
}

}  // namespace alis::app
