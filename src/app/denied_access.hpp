#pragma once

// Denied requests in the audit trail, bounded per account: one account that is refused in a loop
// must not flood the trail (a test wrote ~20,000 `access.denied` rows in 5 s), nor push other
// events out of anything read from it. The trail stays append-only: the repeats of a minute are
// one more event with their count, never an update of the first.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "app/application.hpp"
#include "domain/audit_event.hpp"

namespace alis::app {

// An in-process window per account. The first denial of an account in a window
// (kWindowSeconds) is written at once; the further denials of that window are counted per target
// (the route, e.g. "GET /personer/{person}") and written when the window has passed, as one
// `access.denied` event per target whose target reads "GET /personer/{person} ×37" (at the
// account's next denial, at anyone's later denial, or at flush). So an account adds at most
// 1 + (targets it was refused) rows per minute. Thread-safe.
class DeniedAccessWindow {
  public:
    static constexpr std::int64_t kWindowSeconds = 60;

    // Records the denial `event` (its `at` is `now`) of `event.actor_account_id` (anonymous
    // denials are written as they come: they are answered before the policy runs, 401).
    void record(Application& app, domain::AuditEvent event, std::int64_t now);
    // Writes every count still held (at shutdown).
    void flush(Application& app);

  private:
    struct Repeats {
        domain::AuditEvent first;  // The first repeat of the target in the window.
        int count = 0;
    };
    struct Window {
        std::int64_t starts_at = 0;
        std::map<std::string, Repeats> repeats;  // By target.
    };
    // Takes the windows that have passed at `now` (all with `all`) as events to write.
    std::vector<domain::AuditEvent> take_passed(std::int64_t now, bool all);

    std::mutex mutex_;
    std::map<std::int64_t, Window> windows_;  // By account id.
};

}  // namespace alis::app
