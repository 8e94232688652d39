#include "web/mail_delivery.hpp"

#include <ctime>
#include <iostream>

#include "web/task_view.hpp"

namespace alis::web {

app::DigestText digest_text(const Catalogue& t, const std::string& base_url,
                            const app::DigestRecipient& recipient,
                            const std::vector<app::Task>& tasks) {
    const std::string name =
        recipient.display_name.empty() ? recipient.email : recipient.display_name;
    std::string body =
        t.format("digest.greeting", {{"name", name}}) + "\n\n" + t.text("digest.intro") + "\n\n";
    for (const auto& task : tasks) {
        body += "- " + task_text(t, task) + "\n  " + base_url + task.url + "\n";
    }
    const std::string me = base_url + "/meg";
    body += "\n" + t.format("digest.all_tasks", {{"url", me}}) + "\n\n-- \n" +
            t.format("digest.opt_out", {{"url", me}}) + "\n";
    return {t.text("digest.subject"), std::move(body)};
}

DeliveryRun deliver_outbox(app::Application& app, const NotifySettings& settings) {
    DeliveryRun run;
    while (const auto claim = app::claim_mail(app, settings.lease_seconds)) {
        try {
            send_mail(settings.smtp, claim->mail, app.now(),
                      [&] { return app::mark_mail_committing(app, *claim); });
            app::mark_mail_sent(app, *claim);
            ++run.sent;
        } catch (const SmtpError& e) {
            run.last_error = e.what();
            const auto failure = e.failure() == SmtpFailure::permanent ? app::MailFailure::permanent
                                 : e.failure() == SmtpFailure::uncertain
                                     ? app::MailFailure::uncertain
                                     : app::MailFailure::transient;
            app::mark_mail_failed(app, *claim, e.what(), failure, settings.retry);
            if (failure == app::MailFailure::transient) {
                ++run.failed;
                break;  // The server or the network: the other mails wait for the next pass.
            }
            ++run.given_up;
        }
    }
    return run;
}

DigestSchedule::DigestSchedule(app::Application& app, const Catalogue& catalogue,
                               NotifySettings settings, int hour, std::chrono::seconds interval)
    : app_(app),
      catalogue_(catalogue),
      settings_(std::move(settings)),
      hour_(hour),
      interval_(interval),
      thread_([this] { run(); }) {}

DigestSchedule::~DigestSchedule() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void DigestSchedule::run() {
    std::optional<domain::Date> queued_on;
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            const auto now = static_cast<std::time_t>(app_.now());
            std::tm local{};
            localtime_r(&now, &local);
            const auto today = app_.today();
            if (local.tm_hour >= hour_ && queued_on != today) {
                app::queue_digests(app_, today, [&](const auto& recipient, const auto& tasks) {
                    return digest_text(catalogue_, settings_.base_url, recipient, tasks);
                });
                queued_on = today;
            }
            const auto delivered = deliver_outbox(app_, settings_);
            if (delivered.failed > 0) {
                std::cerr << "alis: e-mail digests: " << delivered.last_error
                          << " (the mail stays in the outbox)\n";
            }
        } catch (const std::exception& e) {
            // The database may be down for a while; the next wake tries again.
            std::cerr << "alis: e-mail digests: " << e.what() << "\n";
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace alis::web
