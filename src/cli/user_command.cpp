// alis user add | disable | roles: account administration from the command line. Works while
// the server runs (SQLite allows a second writer process; writes wait on the busy timeout).
#include <termios.h>
#include <unistd.h>

#include <ctime>
#include <iostream>
#include <memory>

#include "app/accounts.hpp"
#include "app/application.hpp"
#include "cli/commands.hpp"

namespace alis::cli {
namespace {

struct UserOptions {
    std::string db = "sqlite:var/alis.db";
    std::string email;
    std::string name;
    std::string role;
    std::string municipality;
    std::string office;
    std::int64_t person = 0;
    std::string starts_on;
    std::string grant;
    std::string password_list = "/usr/share/dict/cracklib-small";
};

struct Failure {
    std::string reason;
    int code = 1;
};

std::string read_line_without_echo(const char* prompt) {
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

// From standard input: one line, and a second identical line if given (confirmation); on a
// terminal, asks twice without echo.
std::string read_new_password() {
    std::string first;
    std::string second;
    if (isatty(STDIN_FILENO)) {
        first = read_line_without_echo("Passord: ");
        second = read_line_without_echo("Gjenta passord: ");
    } else {
        std::getline(std::cin, first);
        if (!std::getline(std::cin, second)) {
            second = first;
        }
    }
    for (std::string* s : {&first, &second}) {
        if (!s->empty() && s->back() == '\r') {
            s->pop_back();
        }
    }
    if (first.empty()) {
        throw Failure{"no password given on standard input", 2};
    }
    if (first != second) {
        throw Failure{"the two passwords differ", 2};
    }
    return first;
}

std::optional<std::string> optional_text(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

domain::Date start_date(const std::string& text) {
    if (text.empty()) {
        const std::time_t now = std::time(nullptr);
        std::tm tm{};
        localtime_r(&now, &tm);
        return *domain::Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
    const auto date = domain::Date::parse_iso(text);
    if (!date) {
        throw Failure{"--from: '" + text + "' is not a date (YYYY-MM-DD)", 2};
    }
    return *date;
}

domain::Role role_of(const std::string& text) {
    const auto role = domain::parse_enum<domain::Role>(text);
    if (!role) {
        throw Failure{"unknown role '" + text +
                          "': trainee, supervisor, clinical_supervisor, leader, regional_office, "
                          "national or admin",
                      2};
    }
    return *role;
}

template <typename Body>
void run_user_command(int& exit_code, Body&& body) {
    try {
        body();
        exit_code = 0;
    } catch (const Failure& f) {
        std::cerr << "alis: " << f.reason << "\n";
        exit_code = f.code;
    } catch (const app::AccountError& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = 1;
    } catch (const std::exception& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = 1;
    }
}

std::unique_ptr<app::Application> open_migrated(const std::string& db) {
    auto application = app::Application::open(db, app::system_clock(), 1);
    application->migrate();
    return application;
}

}  // namespace

void add_user_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<UserOptions>();
    auto* user = app.add_subcommand("user", "Manage accounts (administrators)");
    user->require_subcommand(1);
    auto db_option = [&](CLI::App* command) {
        command->add_option("--db", options->db, "Database URL: sqlite:PATH")
            ->envname("ALIS_DB")
            ->capture_default_str();
        command->add_option("--email", options->email, "The account's e-mail address")->required();
    };

    auto* add = user->add_subcommand(
        "add", "Create an account; the password is read from standard input (or asked twice)");
    db_option(add);
    add->add_option("--name", options->name, "The name shown in alis")->required();
    add->add_option("--role", options->role,
                    "trainee, supervisor, clinical_supervisor, leader, "
                    "regional_office, national or admin")
        ->required();
    add->add_option("--municipality", options->municipality, "Municipality number (leader)");
    add->add_option("--office", options->office, "ALIS office (regional_office)");
    add->add_option("--person", options->person, "Id of the person the account belongs to");
    add->add_option("--from", options->starts_on, "First day of the role (default today)");
    add->add_option("--common-passwords", options->password_list, "Common-password list")
        ->capture_default_str();
    add->callback([options, &exit_code] {
        run_user_command(exit_code, [&] {
            app::NewAccount account;
            account.email = options->email;
            account.display_name = options->name;
            account.role = role_of(options->role);
            account.municipality_number = optional_text(options->municipality);
            account.alis_office = optional_text(options->office);
            if (options->person > 0) {
                account.person_id = options->person;
            }
            account.starts_on = start_date(options->starts_on);
            const app::PasswordPolicy policy(options->password_list);
            account.password = read_new_password();
            auto store = open_migrated(options->db);
            const auto id = app::create_account(*store, policy, account, "cli");
            std::cout << "alis: account " << id << " created for " << account.email << "\n";
        });
    });

    auto* disable = user->add_subcommand("disable", "Disable an account and end its sessions");
    db_option(disable);
    disable->callback([options, &exit_code] {
        run_user_command(exit_code, [&] {
            auto store = open_migrated(options->db);
            const auto account = app::find_account_by_email(*store, options->email);
            if (!account) {
                throw Failure{"no account with e-mail " + options->email, 1};
            }
            switch (app::disable_account(*store, account->id,
                                         app::administration_event(*store, "cli"))) {
                case app::DisableOutcome::unknown_account:
                    throw Failure{"no account with e-mail " + options->email, 1};
                case app::DisableOutcome::last_active_admin:
                    throw Failure{options->email +
                                      " is the last active administrator and cannot be disabled;"
                                      " give another account the admin role first",
                                  1};
                case app::DisableOutcome::disabled:
                    break;
            }
            std::cout << "alis: " << options->email << " disabled; its sessions are ended\n";
        });
    });

    auto* roles = user->add_subcommand("roles", "List an account's roles, or grant one");
    db_option(roles);
    roles->add_option("--grant", options->grant, "A role to add");
    roles->add_option("--municipality", options->municipality, "Municipality number (leader)");
    roles->add_option("--office", options->office, "ALIS office (regional_office)");
    roles->add_option("--from", options->starts_on, "First day of the role (default today)");
    roles->callback([options, &exit_code] {
        run_user_command(exit_code, [&] {
            auto store = open_migrated(options->db);
            if (!options->grant.empty()) {
                app::grant_role(*store, options->email, role_of(options->grant),
                                optional_text(options->municipality),
                                optional_text(options->office), start_date(options->starts_on),
                                "cli");
            }
            const auto account = app::find_account_by_email(*store, options->email);
            if (!account) {
                throw Failure{"no account with e-mail " + options->email, 1};
            }
            std::cout << account->email << " (" << account->display_name << ")"
                      << (account->disabled ? " [disabled]" : "") << "\n";
            for (const auto& grant : app::roles_of(*store, account->id)) {
                std::cout << "  " << domain::to_string(grant.role);
                if (grant.municipality_number) {
                    std::cout << " municipality " << *grant.municipality_number;
                }
                if (grant.alis_office) {
                    std::cout << " office " << *grant.alis_office;
                }
                std::cout << " from " << grant.starts_on.iso();
                if (grant.ends_on) {
                    std::cout << " to " << grant.ends_on->iso();
                }
                std::cout << "\n";
            }
        });
    });
}

}  // namespace alis::cli
