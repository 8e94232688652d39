#pragma once

// The e-mail digests' pass (issue 14): today's digests written from the catalogue and put in the
// outbox (app::queue_digests), then every mail due sent through the SMTP client, each claimed
// before it is sent and marked sent once the server accepted it. `alis notify` runs passes, and
// `alis serve --smtp` runs them on a schedule (DigestSchedule). docs/operations.md.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/application.hpp"
#include "app/digests.hpp"
#include "domain/mail.hpp"
#include "web/messages.hpp"
#include "web/smtp.hpp"

namespace alis::web {

// How digests are written and sent.
struct NotifySettings {
    SmtpSettings smtp;
    std::string base_url = "http://localhost:8080";  // Where the digest's links point.
    domain::RetryPolicy retry;
    std::int64_t lease_seconds = 10 * 60;  // How long a claim on a mail lasts.
};

// The digest of `tasks` for `recipient`: names and the tasks' texts and links, nothing else.
app::DigestText digest_text(const Catalogue& catalogue, const std::string& base_url,
                            const app::DigestRecipient& recipient,
                            const std::vector<app::Task>& tasks);

// What one delivery pass did.
struct DeliveryRun {
    int sent = 0;
    int failed = 0;    // Attempts that failed and will be tried again.
    int given_up = 0;  // Mails the server refused for good, or may have had after all.
    std::string last_error;
};

// Sends every mail due now, oldest first, until none is due or the server fails for a reason
// that is not the mail's own (then the rest waits for the next pass).
DeliveryRun deliver_outbox(app::Application& app, const NotifySettings& settings);

// Runs, in a thread of its own, a digest pass once a day from `hour` (the server's local time)
// and a delivery pass every `interval`, until destroyed.
class DigestSchedule {
  public:
    DigestSchedule(app::Application& app, const Catalogue& catalogue, NotifySettings settings,
                   int hour, std::chrono::seconds interval);
    ~DigestSchedule();
    DigestSchedule(const DigestSchedule&) = delete;
    DigestSchedule& operator=(const DigestSchedule&) = delete;

  private:
    void run();

    app::Application& app_;
    const Catalogue& catalogue_;
    NotifySettings settings_;
    int hour_;
    std::chrono::seconds interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace alis::web
