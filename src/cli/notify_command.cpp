// alis notify: queues today's e-mail digests and sends the outbox (docs/operations.md, "E-mail
// digests").
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "app/application.hpp"
#include "app/digests.hpp"
#include "cli/commands.hpp"
#include "cli/digest_options.hpp"
#include "web/mail_delivery.hpp"
#include "web/messages.hpp"
#include "web/smtp.hpp"

namespace alis::cli {
namespace {

struct NotifyOptions {
    std::string db;
    DigestOptions digest;
    std::string helo = "localhost";
    bool once = false;
    int interval_seconds = 300;
    int retry_base_seconds = 60;
    int timeout_seconds = 30;
};

// A bad argument or an unusable database: one line, and the exit code.
struct NotifyFailure {
    std::string reason;
    int code = 2;
};

std::atomic<bool> notify_stop_requested{false};

extern "C" void request_notify_stop(int) {
    notify_stop_requested = true;
}

// One pass: today's digests into the outbox, then every mail due sent. Prints what it did.
void notify_pass(app::Application& app, const web::Catalogue& catalogue,
                 const web::NotifySettings& settings) {
    const auto digests =
        app::queue_digests(app, app.today(), [&](const auto& recipient, const auto& tasks) {
            return web::digest_text(catalogue, settings.base_url, recipient, tasks);
        });
    const auto delivered = web::deliver_outbox(app, settings);
    std::cout << "alis notify: " << digests.queued << " digest(s) queued (" << digests.accounts
              << " accounts, " << digests.opted_out << " opted out, " << digests.nothing_new
              << " with nothing new, " << digests.already_queued << " already queued today); "
              << delivered.sent << " sent, " << delivered.failed << " failed, "
              << delivered.given_up << " given up\n"
              << std::flush;
    if (!delivered.last_error.empty()) {
        std::cerr << "alis notify: " << delivered.last_error << "\n";
    }
}

int run_notify(const NotifyOptions& options) {
    web::NotifySettings settings;
    try {
        settings = digest_settings(options.digest);
    } catch (const DigestOptionError& e) {
        throw NotifyFailure{e.what()};
    }
    settings.smtp.helo = options.helo;
    settings.smtp.timeout = std::chrono::seconds(options.timeout_seconds);
    settings.retry.base_seconds = options.retry_base_seconds;
    if (options.db.starts_with("sqlite:") && !std::filesystem::exists(options.db.substr(7))) {
        throw NotifyFailure{"no database at " + options.db.substr(7), 1};
    }
    std::unique_ptr<app::Application> app;
    try {
        app = app::Application::open(options.db, app::system_clock(), 2);
        app->migrate();
    } catch (const app::DatabaseUnavailable& e) {
        throw NotifyFailure{e.what(), 1};
    }
    web::Catalogue catalogue("nb");
    if (options.once) {
        notify_pass(*app, catalogue, settings);
        return 0;
    }
    std::signal(SIGINT, request_notify_stop);
    std::signal(SIGTERM, request_notify_stop);
    while (!notify_stop_requested) {
        try {
            notify_pass(*app, catalogue, settings);
        } catch (const std::exception& e) {
            // The database may be restarting: the next wake tries again.
            std::cerr << "alis notify: " << e.what() << "\n";
        }
        for (int waited = 0; waited < options.interval_seconds && !notify_stop_requested;
             ++waited) {
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    }
    std::cout << "alis notify stopped.\n";
    return 0;
}

}  // namespace

web::NotifySettings digest_settings(const DigestOptions& options) {
    const auto server = web::parse_host_port(options.smtp);
    if (!server) {
        throw DigestOptionError("--smtp must be HOST:PORT, e.g. mail.kommune.no:587");
    }
    if (!options.base_url.starts_with("https://") && !options.base_url.starts_with("http://")) {
        throw DigestOptionError("the digests' links must start with https:// or http://, not '" +
                                options.base_url + "'");
    }
    if (options.from.find('@') == std::string::npos) {
        throw DigestOptionError("the digests' sender must be an e-mail address, not '" +
                                options.from + "'");
    }
    web::NotifySettings settings;
    settings.smtp.host = server->first;
    settings.smtp.port = server->second;
    settings.smtp.starttls = options.starttls ? web::StartTls::yes : web::StartTls::no;
    settings.smtp.from = options.from;
    settings.base_url = options.base_url;
    while (settings.base_url.ends_with('/')) {
        settings.base_url.pop_back();
    }
    return settings;
}

void add_notify_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<NotifyOptions>();
    auto* cmd = app.add_subcommand(
        "notify", "Queue today's e-mail digests and send the outbox through an SMTP server");
    cmd->add_option("--db", options->db,
                    "Database URL: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB")
        ->envname("ALIS_DB")
        ->required();
    cmd->add_option("--smtp", options->digest.smtp, "The SMTP server, HOST:PORT")
        ->envname("ALIS_SMTP")
        ->required();
    cmd->add_flag("--starttls", options->digest.starttls,
                  "Require STARTTLS, checking the server's certificate and name");
    cmd->add_option("--from", options->digest.from, "The sender's address")
        ->envname("ALIS_MAIL_FROM")
        ->capture_default_str();
    cmd->add_option("--helo", options->helo, "The name alis gives in EHLO")->capture_default_str();
    cmd->add_option("--base-url", options->digest.base_url,
                    "The URL people reach alis at; the digest's links start with it")
        ->envname("ALIS_PUBLIC_URL")
        ->capture_default_str();
    cmd->add_flag("--once", options->once, "One pass, then exit");
    cmd->add_option("--interval", options->interval_seconds,
                    "Seconds between two passes without --once")
        ->check(CLI::Range(1, 86400))
        ->capture_default_str();
    cmd->add_option("--retry-base", options->retry_base_seconds,
                    "Seconds before a failed mail is tried again, doubled after each failure "
                    "(at most 6 hours)")
        ->check(CLI::Range(0, 86400))
        ->capture_default_str();
    cmd->add_option("--timeout", options->timeout_seconds, "Seconds each SMTP step may take")
        ->check(CLI::Range(1, 600))
        ->capture_default_str();
    cmd->callback([options, &exit_code] {
        try {
            exit_code = run_notify(*options);
        } catch (const NotifyFailure& failure) {
            std::cerr << "alis: " << failure.reason << "\n";
            exit_code = failure.code;
        } catch (const std::exception& e) {
            std::cerr << "alis: " << e.what() << "\n";
            exit_code = 1;
        }
    });
}

}  // namespace alis::cli
