// alis catalogue import --db URL --catalogue ALM|FKM --edition NAME --valid-from YYYY-MM-DD FILE
// Imports an edition of a learning-objective catalogue from a CSV or XLSX file laid out like
// Helsedirektoratet's spreadsheets (docs/objectives.md, "The catalogue file"). A bad file is
// refused whole (exit 2, one line naming the row and the column, nothing stored); the same
// edition again is a no-op.
#include <iostream>
#include <memory>

#include "app/application.hpp"
#include "app/auth.hpp"
#include "app/learning_objectives.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "web/messages.hpp"
#include "web/xlsx_reader.hpp"

namespace alis::cli {
namespace {

struct CatalogueImportOptions {
    std::string db;
    std::string catalogue;
    std::string edition;
    std::string valid_from;
    std::string file;
};

bool is_edition_name(const std::string& name) {
    if (name.empty() || name.size() > 100) {
        return false;
    }
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// Where in the file a problem is, as the message names it.
std::string catalogue_file_place(const domain::CatalogueFileError& e) {
    const web::Catalogue catalogue("nb");
    if (e.row() == 0) {
        return catalogue.text("catalogue.file.where_file");
    }
    if (e.column().empty()) {
        return catalogue.format("catalogue.file.where_row", {{"row", e.row()}});
    }
    return catalogue.format("catalogue.file.where_row_column",
                            {{"row", e.row()}, {"column", e.column()}});
}

std::string import_catalogue_file(const CatalogueImportOptions& options, std::ostream& err) {
    const auto catalogue = domain::parse_enum<domain::Catalogue>(options.catalogue);
    if (!catalogue) {
        throw BadInput{"catalogue.cli.bad_catalogue", {{"text", options.catalogue}}};
    }
    if (!is_edition_name(options.edition)) {
        throw BadInput{"catalogue.cli.bad_edition", {{"text", options.edition}}};
    }
    const auto valid_from = domain::Date::parse_iso(options.valid_from);
    if (!valid_from) {
        throw BadInput{"catalogue.cli.bad_valid_from", {{"text", options.valid_from}}};
    }
    const std::string text = read_input_file(options.file, std::cin);
    app::CatalogueImport edition;
    edition.catalogue = *catalogue;
    edition.edition = options.edition;
    edition.valid_from = *valid_from;
    edition.source = options.file.substr(0, 1000);
    edition.imported_by = "cli";
    try {
        // An Excel workbook (a zip archive) by its first bytes, whatever the file's name.
        edition.objectives =
            web::looks_like_xlsx(text)
                ? domain::parse_catalogue_rows(web::read_first_sheet(text), *catalogue)
                : domain::parse_catalogue_csv(text, *catalogue);
    } catch (const web::XlsxError& e) {
        const web::Catalogue messages("nb");
        throw BadInput{"catalogue.cli.xlsx",
                       {{"file", options.file},
                        {"reason", messages.text("catalogue.xlsx." +
                                                 std::string(domain::to_string(e.problem())))}}};
    } catch (const domain::CatalogueFileError& e) {
        throw BadInput{"catalogue.file." + std::string(domain::to_string(e.problem())),
                       {{"file", options.file},
                        {"where", catalogue_file_place(e)},
                        {"text", e.text()},
                        {"catalogue", options.catalogue}}};
    }
    if (const auto file = missing_sqlite_file(options.db)) {
        throw BadInput{"catalogue.cli.no_database", {{"path", *file}}};
    }
    const auto application = app::Application::open(options.db, app::system_clock(), 1);
    application->migrate();
    const auto result = app::import_catalogue(
        *application, edition,
        app::audit_event(application->now(), app::AuditOrigin{std::nullopt, "cli", "-", ""},
                         "catalogue.imported", "ok"));
    const boost::json::object args{{"catalogue", options.catalogue},
                                   {"edition", options.edition},
                                   {"valid_from", valid_from->iso()},
                                   {"count", edition.objectives.size()}};
    switch (result.outcome) {
        case app::ImportOutcome::edition_differs:
            throw BadInput{"catalogue.cli.edition_differs", args};
        case app::ImportOutcome::already_imported:
            write_message("catalogue.cli.already_imported", args, err);
            return "";
        case app::ImportOutcome::imported:
            break;
    }
    write_message("catalogue.cli.imported", args, err);
    return "";
}

}  // namespace

void add_catalogue_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CatalogueImportOptions>();
    auto* catalogue = app.add_subcommand("catalogue", "Learning-objective catalogues");
    catalogue->require_subcommand(1);
    auto* import = catalogue->add_subcommand(
        "import", "Import an edition of a catalogue from a CSV or XLSX file (docs/objectives.md)");
    import->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
        ->envname("ALIS_DB")
        ->required();
    import->add_option("--catalogue", options->catalogue, "ALM or FKM")->required();
    import->add_option("--edition", options->edition, "The edition's name, e.g. alm-2025")
        ->required();
    import->add_option("--valid-from", options->valid_from, "First day it applies, YYYY-MM-DD")
        ->required();
    import->add_option("FILE", options->file, "The CSV file, or - for stdin")->required();
    import->callback([options, &exit_code] {
        try {
            std::cout << import_catalogue_file(*options, std::cerr);
    exit_code = 0;
}
catch (const BadInput& e) {
    exit_code = report_bad_input(e, std::cerr);
}
catch (const app::DatabaseUnavailable& e) {
    std::cerr << "alis: " << one_line(e.what()) << "\n";
    exit_code = 2;
}
catch (const std::exception& e) {
    exit_code = report_internal_error(e.what(), std::cerr);
}
}  // namespace alis::cli
);
}

}  // namespace alis::cli
