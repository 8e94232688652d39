// alis serve, alis demo and alis migrate.
#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "app/application.hpp"
#include "app/audit_head.hpp"
#include "app/auth.hpp"
#include "app/demo_data.hpp"
#include "app/municipality_overview.hpp"
#include "cli/commands.hpp"
#include "cli/digest_options.hpp"
#include "web/documents.hpp"
#include "web/mail_delivery.hpp"
#include "web/pipeline.hpp"
#include "web/server.hpp"

namespace alis::cli {
namespace {

struct ServerOptions {
    std::string db;
    std::string listen = "127.0.0.1:8080";
    std::string metrics_listen;  // Empty: no metrics listener.
    std::string public_url;
    int threads = 0;
    int db_connections = 0;  // 0: as many as threads (4 when threads is 0).
    std::size_t body_limit = 1024 * 1024;
    std::string access_log = "-";
    std::string assets = ALIS_SOURCE_DIR;
    std::uint64_t seed = 2019;
    std::string scale = "demo";
    int bergen_trainees = 0;
    DigestOptions digest;  // Its smtp empty: no e-mail digests.
    int digest_hour = 6;
    std::string key_file;  // Empty: serve has no signing key; demo makes one for its run.
};

// A one-line, user-facing failure: printed as "alis: <reason>" with exit code `code`.
struct CommandFailure {
    std::string reason;
    int code = 1;
};

// Reads the HOST:PORT of `option` (--listen, --metrics-listen) into `config`.
void parse_listen(const std::string& option, const std::string& listen, web::ServerConfig& config) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw CommandFailure{option + " must be HOST:PORT, e.g. 127.0.0.1:8080", 2};
    }
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    boost::system::error_code ec;
    boost::asio::ip::make_address(host, ec);
    if (ec) {
        throw CommandFailure{option + ": '" + host + "' is not an IP address", 2};
    }
    unsigned port = 0;
    const char* begin = listen.data() + colon + 1;
    const char* end = listen.data() + listen.size();
    const auto [ptr, perr] = std::from_chars(begin, end, port);
    if (perr != std::errc{} || ptr != end || port > 65535) {
        throw CommandFailure{option + ": '" + listen.substr(colon + 1) + "' is not a port number",
                             2};
    }
    config.address = host;
    config.port = static_cast<unsigned short>(port);
}

std::unique_ptr<app::Application> open(const std::string& url, int readers) {
    try {
        return app::Application::open(url, app::system_clock(), readers);
    } catch (const app::DatabaseUnavailable& e) {
        throw CommandFailure{e.what(), 1};
    }
}

void ensure_parent_directory(const std::string& url) {
    if (url.starts_with("sqlite:")) {
        const std::filesystem::path path(url.substr(7));
        if (path.has_parent_path() && !std::filesystem::exists(path.parent_path())) {
            std::filesystem::create_directories(path.parent_path());
        }
    }
}

// How many connections the database may use for these options.
int connections(const ServerOptions& options) {
    if (options.db_connections > 0) {
        return options.db_connections;
    }
    return options.threads > 0 ? options.threads : 4;
}

// A SQLite demo database is made anew; a PostgreSQL one must be empty (alis never drops a
// server's data): checked once migrated, by refuse_filled_database.
void remove_sqlite_files(const std::string& url) {
    if (!url.starts_with("sqlite:")) {
        return;
    }
    const std::string path = url.substr(7);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        std::filesystem::remove(path + suffix, ec);
    }
}

// The installation's signing key of --key-file; for the demo without one, a fresh key that lives
// as long as the process (its records verify only against the public key it prints).
std::optional<app::AuditSigningKey> signing_key(const ServerOptions& options, bool demo) {
    if (!options.key_file.empty()) {
        try {
            return app::AuditSigningKey::load(options.key_file);
        } catch (const app::AuditHeadError& e) {
            throw CommandFailure{std::string("--key-file: ") + e.what(), 2};
        }
    }
    if (demo) {
        return app::AuditSigningKey::generate();
    }
    return std::nullopt;
}

int serve(app::Application& application, const ServerOptions& options, const std::string& banner,
          const app::AuditSigningKey* key) {
    web::ServerConfig config;
    parse_listen("--listen", options.listen, config);
    config.threads = options.threads;
    config.body_limit = options.body_limit;
    std::optional<web::ServerConfig> metrics_config;
    if (!options.metrics_listen.empty()) {
        metrics_config.emplace();
        parse_listen("--metrics-listen", options.metrics_listen, *metrics_config);
        metrics_config->threads = 1;
    }
    if (!options.public_url.empty() && !options.public_url.starts_with("https://") &&
        !options.public_url.starts_with("http://")) {
        throw CommandFailure{"--public-url must start with https:// or http://", 2};
    }

    std::FILE* log_stream = stdout;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> log_file(nullptr, &std::fclose);
    if (options.access_log == "off") {
        log_stream = nullptr;
    } else if (options.access_log != "-") {
        log_file.reset(std::fopen(options.access_log.c_str(), "a"));
        if (!log_file) {
            throw CommandFailure{"cannot open access log " + options.access_log, 1};
        }
        log_stream = log_file.get();
    }

    web::Catalogue catalogue("nb");
    web::Templates templates(catalogue);
    std::unique_ptr<web::StaticFiles> static_files;
    try {
        static_files =
            std::make_unique<web::StaticFiles>(web::StaticFiles::default_sources(options.assets));
    } catch (const std::runtime_error& e) {
        throw CommandFailure{e.what(), 1};
    }
    web::Metrics metrics;
    web::Log log(log_stream);
    web::ResponseCache cache;
    app::Authenticator auth(application);
    web::Services services{application,   catalogue, templates,
                           *static_files, metrics,   log,
                           cache,         auth,      std::make_shared<web::ListReadWindow>()};
    services.https = options.public_url.starts_with("https://");
    services.public_url = options.public_url;
    while (services.public_url.ends_with('/')) {
        services.public_url.pop_back();
    }
    services.signing_key = key;
    web::Pipeline pipeline(services);

    // The daily e-mail digests, when an SMTP server is given (docs/operations.md).
    std::unique_ptr<web::DigestSchedule> digests;
    if (!options.digest.smtp.empty()) {
        auto digest = options.digest;
        digest.base_url =
            options.public_url.empty() ? "http://" + options.listen : options.public_url;
        web::NotifySettings settings;
        try {
            settings = digest_settings(digest);
        } catch (const DigestOptionError& e) {
            throw CommandFailure{e.what(), 2};
        }
        digests = std::make_unique<web::DigestSchedule>(
            application, catalogue, settings, options.digest_hour, std::chrono::minutes(5));
    }

    std::unique_ptr<web::Server> server;
    try {
        server = std::make_unique<web::Server>(config, pipeline.service());
    } catch (const std::system_error& e) {
        throw CommandFailure{"cannot listen on " + options.listen + ": " + e.code().message(), 1};
    }
    std::unique_ptr<web::Server> metrics_server;
    if (metrics_config) {
        try {
            metrics_server =
                std::make_unique<web::Server>(*metrics_config, web::metrics_service(metrics));
        } catch (const std::system_error& e) {
            throw CommandFailure{
                "cannot listen on " + options.metrics_listen + ": " + e.code().message(), 1};
        }
    }
    const auto host = [](const std::string& address) {
        return address.find(':') != std::string::npos ? "[" + address + "]" : address;
    };
    std::cout << "alis " << ALIS_VERSION << " is listening on http://" << host(config.address)
              << ":" << server->port() << "/\n";
    if (metrics_server) {
        std::cout << "Metrics are served on http://" << host(metrics_config->address) << ":"
                  << metrics_server->port() << "/metrics\n";
    }
    if (key != nullptr) {
        std::cout << "Training records are signed with public key " << key->public_key_hex()
                  << "\n";
    }
    std::cout << banner << std::flush;
    std::thread metrics_thread;
    if (metrics_server) {
        metrics_thread = std::thread([&] { metrics_server->run(/*handle_signals=*/false); });
    }
    server->run(/*handle_signals=*/true);
    digests.reset();
    // The counts of repeated denials still held in memory go to the audit trail.
    services.denials->flush(application);
    if (metrics_server) {
        metrics_server->stop();
        metrics_thread.join();
    }
    std::cout << "alis stopped: every request in flight was answered.\n" << std::flush;
    return 0;
}

void add_common_options(CLI::App& command, ServerOptions& options) {
    command
        .add_option("--db-connections", options.db_connections,
                    "Database connections at most (SQLite: readers; PostgreSQL: the pool); "
                    "0: one per thread")
        ->envname("ALIS_DB_CONNECTIONS")
        ->check(CLI::Range(0, 256));
    command.add_option("--listen", options.listen, "Address and port to listen on, HOST:PORT")
        ->envname("ALIS_LISTEN")
        ->capture_default_str();
    command
        .add_option("--metrics-listen", options.metrics_listen,
                    "Address and port of a second listener that serves only /metrics "
                    "(Prometheus), HOST:PORT; without it /metrics is not served")
        ->envname("ALIS_METRICS_LISTEN");
    command
        .add_option("--public-url", options.public_url,
                    "The URL browsers reach alis at; https://... adds Strict-Transport-Security "
                    "to every response (for alis behind a TLS-terminating proxy)")
        ->envname("ALIS_PUBLIC_URL");
    command
        .add_option("--smtp", options.digest.smtp,
                    "Send the daily e-mail digests through this SMTP server, HOST:PORT (default: "
                    "no digests)")
        ->envname("ALIS_SMTP");
    command.add_flag("--smtp-starttls", options.digest.starttls,
                     "Require STARTTLS of the SMTP server");
    command.add_option("--mail-from", options.digest.from, "The digests' sender address")
        ->envname("ALIS_MAIL_FROM")
        ->capture_default_str();
    command
        .add_option("--digest-hour", options.digest_hour,
                    "The hour (server's local time) from which the day's digests are sent")
        ->envname("ALIS_DIGEST_HOUR")
        ->check(CLI::Range(0, 23))
        ->capture_default_str();
    command
        .add_option("--key-file", options.key_file,
                    "The installation's signing key (alis audit keygen), kept outside the "
                    "database: signs the training records it issues (serve: none without it; "
                    "demo: a fresh key for the run)")
        ->envname("ALIS_KEY_FILE");
    command.add_option("--threads", options.threads, "Worker threads (0: one per core)")
        ->envname("ALIS_THREADS")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
    command.add_option("--body-limit", options.body_limit, "Largest request body in bytes")
        ->envname("ALIS_BODY_LIMIT")
        ->check(CLI::Range(std::size_t{1024}, std::size_t{64} * 1024 * 1024))
        ->capture_default_str();
    command
        .add_option("--access-log", options.access_log,
                    "Where JSON log lines go: - (stdout), off, or a file")
        ->envname("ALIS_ACCESS_LOG")
        ->capture_default_str();
    command
        .add_option("--assets", options.assets,
                    "Folder holding web/static and node_modules (the source tree)")
        ->envname("ALIS_ASSETS")
        ->capture_default_str();
}

template <typename Body>
void run_server_command(int& exit_code, Body&& body) {
    try {
        exit_code = body();
    } catch (const CommandFailure& failure) {
        std::cerr << "alis: " << failure.reason << "\n";
        exit_code = failure.code;
    } catch (const app::DatabaseUnavailable& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = 1;
    } catch (const std::exception& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = 1;
    }
}

}  // namespace

void add_server_commands(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ServerOptions>();

    auto* serve_cmd = app.add_subcommand("serve", "Serve alis over HTTP");
    serve_cmd
        ->add_option("--db", options->db,
                     "Database URL: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB")
        ->envname("ALIS_DB")
        ->default_str("sqlite:var/alis.db");
    add_common_options(*serve_cmd, *options);
    serve_cmd->callback([options, &exit_code] {
        run_server_command(exit_code, [&] {
            const std::string db = options->db.empty() ? "sqlite:var/alis.db" : options->db;
            ensure_parent_directory(db);
            const auto key = signing_key(*options, false);
            auto store = open(db, connections(*options));
            store->migrate();
            return serve(*store, *options, "", key ? &*key : nullptr);
        });
    });

    auto* demo_cmd =
        app.add_subcommand("demo", "(Re)create the demo database with demo data and serve it");
    demo_cmd
        ->add_option("--db", options->db,
                     "Database URL: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB")
        ->envname("ALIS_DEMO_DB")
        ->default_str("sqlite:var/demo.db");
    demo_cmd->add_option("--seed", options->seed, "Seed of the demo data generator")
        ->capture_default_str();
    std::vector<std::string> scales;
    for (const auto name : domain::enum_names<app::DemoScale>()) {
        scales.emplace_back(name);
    }
    demo_cmd
        ->add_option("--scale", options->scale,
                     "How much data: demo (about 220 doctors in training) or national (all "
                     "municipalities, about 2,500 in training and 1,500 supervisors, ten years)")
        ->check(CLI::IsMember(scales))
        ->capture_default_str();
    demo_cmd
        ->add_option("--bergen-trainees", options->bergen_trainees,
                     "Add doctors until Bergen (4601) has this many in training, to measure at "
                     "scale (default: the demo's own number)")
        ->check(CLI::Range(0, 5000));
    add_common_options(*demo_cmd, *options);
    demo_cmd->callback([options, &exit_code] {
        run_server_command(exit_code, [&] {
            const std::string db = options->db.empty() ? "sqlite:var/demo.db" : options->db;
            remove_sqlite_files(db);
            ensure_parent_directory(db);
            auto store = open(db, connections(*options));
            store->migrate();
            if (!db.starts_with("sqlite:") && !app::municipalities(*store).empty()) {
                throw CommandFailure{"alis demo fills only an empty database, and " +
                                         app::printable_database_url(db) +
                                         " holds data: give it a new database (createdb)",
                                     2};
            }
            app::DemoConfig config;
            config.seed = options->seed;
            config.scale = *domain::parse_enum<app::DemoScale>(options->scale);
            config.bergen_trainees = options->bergen_trainees;
            const auto summary = app::load_demo_data(*store, store->today(), config);
            const int documents =
                web::add_demo_documents(web::Catalogue("nb"), *store, store->today());
            std::string logins;
            for (const auto& login : summary.logins) {
                logins += "  " + login.email + "  (" + login.role + ")\n";
            }
            const std::string banner =
                "Demo database " + app::printable_database_url(db) + ": " +
                std::to_string(summary.municipalities) + " municipalities, " +
                std::to_string(summary.people) + " doctors (" +
                std::to_string(summary.in_training) + " in training), " +
                std::to_string(summary.employments) + " employments, " +
                std::to_string(summary.leaves) + " leaves, " + std::to_string(summary.departures) +
                " departures, " + std::to_string(summary.supervisors) + " supervisors, " +
                std::to_string(summary.plan_revisions) + " education plan revisions, " +
                std::to_string(documents) + " agreement documents (" + options->scale +
                " scale, seed " + std::to_string(options->seed) +
                ").\nDemo logins, all with the password " + std::string(app::kDemoPassword) +
                ":\n" + logins +
                "  alis2@demo.alis.no ... (Bergen's trainees who signed their agreements)\n" +
                "Stop with Ctrl+C.\n";
            const auto key = signing_key(*options, true);
            return serve(*store, *options, banner, &*key);
        });
    });

    auto* migrate_cmd = app.add_subcommand("migrate", "Apply pending database migrations");
    migrate_cmd
        ->add_option("--db", options->db,
                     "Database URL: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB")
        ->envname("ALIS_DB")
        ->default_str("sqlite:var/alis.db");
    migrate_cmd->callback([options, &exit_code] {
        run_server_command(exit_code, [&] {
            const std::string db = options->db.empty() ? "sqlite:var/alis.db" : options->db;
            ensure_parent_directory(db);
            auto store = open(db, 1);
            const int applied = store->migrate();
            std::cout << "alis: " << applied << " migration(s) applied; schema at version "
                      << (store->applied_migrations().empty() ? 0
                                                              : store->applied_migrations().back())
                      << "\n";
            return 0;
        });
    });
}

}  // namespace alis::cli
