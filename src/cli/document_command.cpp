// alis document render --db URL --kind KIND ... --out FILE.pdf
// Writes a document as PDF, as the pages do (web/documents.hpp). So far the certificate of service
// of an employment (--kind service-certificate --person ID --employment ID) and the individual
// education plan (--kind education-plan --person ID) and the agreement with a supervisor
// (--kind supervision-agreement --municipality NUMBER --supervisor ID), and the general education
// plan (--kind general-plan --municipality NUMBER).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "app/application.hpp"
#include "app/general_plan.hpp"
#include "app/service_certificate.hpp"
#include "app/supervisors.hpp"
#include "app/training_records.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "domain/document_template.hpp"
#include "web/documents.hpp"

namespace alis::cli {
namespace {

struct RenderOptions {
    std::string db;
    std::string kind;
    std::int64_t person = 0;
    std::int64_t employment = 0;
    std::string municipality;
    std::int64_t supervisor = 0;
    std::string issuer;
    std::string out;
};

std::string render(const RenderOptions& options) {
    const auto kind = domain::parse_enum<domain::DocumentKind>(options.kind);
    if (!kind) {
        throw BadInput{"cli.document.unknown_kind", {{"kind", options.kind}}};
    }
    using domain::DocumentKind;
    if (*kind == DocumentKind::alis_agreement) {
        // Kept and signed in alis: `alis document list`, then `export`.
        throw BadInput{"cli.document.not_yet", {{"kind", options.kind}}};
    }
    // What each kind names: a municipality (and a supervisor), or a person (and an employment).
    bool complete = options.person > 0;
    if (*kind == DocumentKind::supervision_agreement || *kind == DocumentKind::general_plan) {
        complete = !options.municipality.empty() &&
                   (*kind == DocumentKind::general_plan || options.supervisor > 0);
    } else if (*kind == DocumentKind::service_certificate) {
        complete = complete && options.employment > 0;
    }
    if (!complete) {
        throw BadInput{"cli.document.needs_" + options.kind, {}};
    }
    const auto application = open_existing_installation(options.db);
    const web::Catalogue catalogue("nb");
    if (*kind == DocumentKind::general_plan) {
        const auto plan = app::general_plan(*application, options.municipality);
        if (!plan) {
            throw BadInput{"cli.document.no_municipality",
                           {{"municipality", options.municipality}}};
        }
        return web::general_plan_pdf(catalogue, *application, *plan, application->today());
    }
    if (*kind == DocumentKind::supervision_agreement) {
        const auto list =
            app::supervisor_list(*application, options.municipality, application->today());
        auto pdf = list ? web::supervision_agreement_pdf(catalogue, *application, *list,
                                                         options.supervisor, application->today())
                        : std::nullopt;
        if (!pdf) {
            throw BadInput{
                "cli.document.no_supervisor",
                {{"municipality", options.municipality}, {"supervisor", options.supervisor}}};
        }
        return std::move(*pdf);
    }
    if (*kind == domain::DocumentKind::education_plan) {
        const auto person = app::find_person(*application, options.person);
        if (!person) {
            throw BadInput{"cli.document.no_person", {{"person", options.person}}};
        }
        return *web::education_plan_pdf(catalogue, *application, *person, application->today());
    }
    const auto certificate =
        app::service_certificate(*application, options.person, options.employment);
    if (!certificate) {
        throw BadInput{"cli.document.no_employment",
                       {{"person", options.person}, {"employment", options.employment}}};
    }
    return web::service_certificate_pdf(catalogue, *application, *certificate, options.issuer);
}

int run_render(const RenderOptions& options) {
    try {
        const std::string pdf = render(options);
        std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
        if (!out || !(out << pdf) || !out.flush()) {
            throw BadInput{"cli.document.unwritable", {{"file", options.out}}};
        }
        std::cout << options.out << ": " << pdf.size() << " bytes\n";
        return 0;
    } catch (const BadInput& bad) {
        return report_bad_input(bad, std::cerr);
    } catch (const app::DatabaseUnavailable& e) {
        std::cerr << "alis: " << one_line(e.what()) << "\n";
        return 1;
    } catch (const std::exception& e) {
        return report_internal_error(e.what(), std::cerr);
    }
}

}  // namespace

void add_signed_document_commands(CLI::App& document, int& exit_code);

void add_document_command(CLI::App& app, int& exit_code) {
    auto* document = app.add_subcommand("document", "Documents as PDF (see docs/documents.md)");
    document->require_subcommand(1);
    auto options = std::make_shared<RenderOptions>();
    auto* render_cmd = document->add_subcommand("render", "Write a document as PDF");
    render_cmd->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
        ->envname("ALIS_DB")
        ->required();
    render_cmd
        ->add_option("--kind", options->kind,
                     "alis-agreement|supervision-agreement|service-certificate|education-plan|"
                     "general-plan")
        ->required();
    render_cmd->add_option("--person", options->person, "The person's id");
    render_cmd->add_option("--employment", options->employment,
                           "The employment's id (service-certificate)");
    render_cmd->add_option("--municipality", options->municipality,
                           "The municipality's number (supervision-agreement, general-plan)");
    render_cmd->add_option("--supervisor", options->supervisor,
                           "The supervisor's registration id (supervision-agreement)");
    render_cmd->add_option("--issuer", options->issuer,
                           "Who issues it, as printed on the document (service-certificate)");
    render_cmd->add_option("--out", options->out, "The PDF file to write")->required();
    render_cmd->callback([options, &exit_code] { exit_code = run_render(*options); });
    add_signed_document_commands(*document, exit_code);
}

}  // namespace alis::cli
