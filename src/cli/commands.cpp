#include "cli/commands.hpp"

#include <exception>
#include <iostream>

namespace alis::cli {

int run(int argc, char** argv) {
    CLI::App app{"alis: the municipality's system for specialist training in general practice"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string{ALIS_VERSION});
    int exit_code = 0;

    auto* version = app.add_subcommand("version", "Print the version of alis");
    version->callback([] { std::cout << "alis " << ALIS_VERSION << "\n"; });

    add_server_commands(app, exit_code);
    add_ledger_command(app, exit_code);
    add_audit_command(app, exit_code);
    add_user_command(app, exit_code);
    add_installation_commands(app, exit_code);
    add_stability_command(app, exit_code);
    add_grant_command(app, exit_code);
    add_cost_command(app, exit_code);
    add_budget_command(app, exit_code);
    add_document_command(app, exit_code);
    add_catalogue_command(app, exit_code);
    add_notify_command(app, exit_code);
    add_record_command(app, exit_code);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "alis: " << e.what() << " (see --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "alis: " << e.what() << "\n";
        return 1;
    }
    return exit_code;
}

}  // namespace alis::cli
