// The HTTP request path: the bytes go to Beast's request parser with alis's header and body limits,
// and each request that parses (up to four pipelined ones) runs through the whole pipeline (router,
// sessions, CSRF, forms, use cases, views) over a migrated SQLite database with a few accounts and
// trainees; a request the parser refuses gets the server's 400/413/431 answer. The form, query
// and cookie readers also run on every request directly.
//
// So that authorised paths are reached, the input may name the sessions of accounts signed in at
// start: "@SESSION:<role>@" becomes that account's session cookie value and "@CSRF:<role>@" its
// CSRF token, for the roles in kAccounts (e.g. "Cookie: __Host-alis_session=@SESSION:admin@").
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/application.hpp"
#include "app/auth.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"
#include "web/server.hpp"

namespace {

namespace http = boost::beast::http;
using namespace alis;

struct Account {
    std::string_view role;
    std::string email;
    std::string session_id;
    std::string csrf_token;
};

// Everything a request may reach, built once per process.
struct World {
    testing::TempDir dir;
    std::atomic<std::int64_t> clock{testing::kTestNow};
    std::unique_ptr<app::Application> app;
    std::unique_ptr<web::Catalogue> catalogue;
    std::unique_ptr<web::Templates> templates;
    std::unique_ptr<web::StaticFiles> static_files;
    web::Metrics metrics;
    web::ResponseCache cache;
    std::unique_ptr<app::Authenticator> auth;
    web::Log log{nullptr};
    std::unique_ptr<web::Services> services;
    std::unique_ptr<web::Pipeline> pipeline;
    std::vector<Account> accounts;
    web::ServerConfig limits;
};

World* world = nullptr;

// Signs the account in again when a request ended its session (logout) or it was throttled: a
// later input names the same placeholder and should still reach the signed-in paths.
void ensure_signed_in(Account& account) {
    if (!account.session_id.empty() && world->auth->resume(account.session_id)) {
        return;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto result = world->auth->login(account.email, testing::kTestPassword, "10.0.0.1");
        if (result.outcome == app::LoginOutcome::ok) {
            account.session_id = result.session_id;
            account.csrf_token = result.csrf_token;
            return;
        }
        world->clock += 2 * 60 * 60;  // Past the throttle's hour.
    }
    account.session_id.clear();  // The input changed the password: go on signed out.
    account.csrf_token.clear();
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

const std::vector<web::FieldRows> kRows = {
    {"periods", "period", 12, "education_plan.too_many_periods"}};

void read_directly(const web::Request& request) {
    // A body that is not a form or a JSON object is an HttpError (400/415), as documented.
    try {
        const auto input = web::FormInput::from_request(request, kRows);
        (void)input.row_count(kRows[0]);
    } catch (const web::HttpError&) {
    }
    try {
        (void)web::form_fields(request);
    } catch (const web::HttpError&) {
    }
    // A value that is not strict text is an HttpError (400), as documented.
    try {
        (void)web::query_value(request, "neste");
        (void)web::query_value(request, "q");
    } catch (const web::HttpError&) {
    }
    (void)web::cookie_value(request, web::kSessionCookie);
    (void)web::cookie_value(request, web::kLoginCsrfCookie);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    world = new World;
    std::atexit([] { delete world; });  // Removes the temp folder with the database.
    app::Clock clock{
        [] { return domain::Date::from_days(static_cast<std::int32_t>(world->clock / 86400)); },
        [] { return world->clock.load(); }};
    world->app = std::make_unique<app::Application>(
        store::open_database(world->dir.sqlite_url(), 2), std::move(clock));
    world->app->migrate();
    auto& db = world->app->database();
    testing::add_municipality(db, "4601", "Bergen", "Bergen");
    testing::add_municipality(db, "0301", "Oslo", "Oslo");
    const auto trainee = testing::add_trainee(db, "Kari Nordmann", "4601");
    const auto supervisor = testing::add_trainee(db, "Ola Veileder", "4601", "2015-01-01");
    testing::add_trainee(db, "Per Oslo", "0301");
    testing::assign_supervisor(db, supervisor, trainee);
    testing::add_education_plan(
        db, trainee, "2024-01-10",
        {{domain::Arena::open_general_practice, "Legekontoret", "2024-01-01", "2025-12-31"}});
    using domain::Role;
    struct Seed {
        std::string_view role;
        Role kind;
        std::optional<std::string> municipality;
        std::optional<std::string> office;
        std::optional<std::int64_t> person;
    };
    const std::vector<Seed> seeds = {
        {"admin", Role::admin, std::nullopt, std::nullopt, std::nullopt},
        {"national", Role::national, std::nullopt, std::nullopt, std::nullopt},
        {"regional_office", Role::regional_office, std::nullopt, "Bergen", std::nullopt},
        {"leader", Role::leader, "4601", std::nullopt, std::nullopt},
        {"supervisor", Role::supervisor, "4601", std::nullopt, supervisor},
        {"trainee", Role::trainee, "4601", std::nullopt, trainee}};
    for (const auto& seed : seeds) {
        const std::string email = std::string(seed.role) + "@fuzz.test";
        testing::add_account(*world->app, email, seed.kind, seed.municipality, seed.office,
                             seed.person);
        world->accounts.push_back({seed.role, email, {}, {}});
    }
    world->catalogue = std::make_unique<web::Catalogue>("nb");
    world->templates = std::make_unique<web::Templates>(*world->catalogue);
    world->static_files =
        std::make_unique<web::StaticFiles>(web::StaticFiles::default_sources(ALIS_SOURCE_DIR));
    world->auth = std::make_unique<app::Authenticator>(*world->app);
    world->services = std::make_unique<web::Services>(web::Services{
        *world->app, *world->catalogue, *world->templates, *world->static_files, world->metrics,
        world->log, world->cache, *world->auth, std::make_shared<web::ListReadWindow>()});
    world->pipeline = std::make_unique<web::Pipeline>(*world->services);
    for (auto& account : world->accounts) {
        ensure_signed_in(account);
        if (account.session_id.empty()) {
            std::abort();  // The seeded accounts must sign in, or no authorised path is reached.
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string input(reinterpret_cast<const char*>(data), size);
    if (input.find('@') != std::string::npos) {
        for (auto& account : world->accounts) {
            const std::string role(account.role);
            if (input.find("@SESSION:" + role + "@") != std::string::npos ||
                input.find("@CSRF:" + role + "@") != std::string::npos) {
                ensure_signed_in(account);
                replace_all(input, "@SESSION:" + role + "@", account.session_id);
                replace_all(input, "@CSRF:" + role + "@", account.csrf_token);
            }
        }
    }
    boost::asio::const_buffer rest(input.data(), input.size());
    for (int requests = 0; requests < 4 && rest.size() > 0; ++requests) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(world->limits.header_limit));
        parser.body_limit(world->limits.body_limit);
        parser.eager(true);
        boost::beast::error_code ec;
        const auto used = parser.put(rest, ec);
        rest += used;
        if (!ec && !parser.is_done()) {
            // All bytes read, request unfinished: the end of the stream ends it as a server's
            // read would (a body without a length runs to the end; otherwise it is partial).
            parser.put_eof(ec);
        }
        if (ec) {
            if (ec == http::error::header_limit) {
                (void)world->pipeline->reject(http::status::request_header_fields_too_large,
                                              nullptr);
            } else if (ec == http::error::body_limit) {
                (void)world->pipeline->reject(http::status::payload_too_large, &parser.get());
            } else if (ec != http::error::partial_message && ec != http::error::need_more) {
                const auto& header = parser.get();
                (void)world->pipeline->reject(http::status::bad_request,
                                              header.target().empty() ? nullptr : &header);
            }
            break;
        }
        web::Request request = parser.release();
        read_directly(request);
        auto response = world->pipeline->handle(request, "192.0.2.7");
        response.prepare_payload();
    }
    return 0;
}
