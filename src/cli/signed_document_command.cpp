// alis document list --db URL --person ID [--format json|text]
// alis document export --db URL --document ID --out FILE.pdf
// alis document verify --db URL FILE.pdf
// The agreements signed in alis (docs/documents.md, "Signatures"): a person's document versions
// with their status, the stored PDF of one (for a signed version the exact bytes signed), and the
// check of a file against the store: exit 0 for the stored signed version, 1 with the reason for
// an altered, unknown or unsigned file.
#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "app/application.hpp"
#include "app/signed_documents.hpp"
#include "app/training_records.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "web/documents.hpp"

namespace alis::cli {
namespace {

namespace json = boost::json;

struct SignedDocumentOptions {
    std::string db;
    std::int64_t person = 0;
    std::int64_t document = 0;
    std::string format = "json";
    std::string file;
    std::string out;
};

// Runs `body`, turning what it throws into the exit code and the one line on stderr.
template <typename Body>
int run_document_command(Body body) {
    try {
        return body();
    } catch (const BadInput& bad) {
        return report_bad_input(bad, std::cerr);
    } catch (const app::DatabaseUnavailable& e) {
        std::cerr << "alis: " << one_line(e.what()) << "\n";
        return 2;
    } catch (const std::exception& e) {
        return report_internal_error(e.what(), std::cerr);
    }
}

int list_documents(const SignedDocumentOptions& options) {
    const auto application = open_existing_installation(options.db);
    if (!app::find_person(*application, options.person)) {
        throw BadInput{"cli.document.no_person", {{"person", options.person}}};
    }
    // The person's ALIS agreements, then the supervision agreements they are the supervisor of.
    auto documents = app::documents_of(*application, options.person);
    for (auto& d : app::supervision_documents_of(*application, options.person)) {
        documents.push_back(std::move(d));
    }
    if (options.format == "text") {
        for (const auto& d : documents) {
            std::cout << d.id << "\t" << domain::to_string(d.kind) << "\tv" << d.version << "\t"
                      << domain::to_string(d.status()) << "\n";
        }
        return 0;
    }
    json::array list;
    for (const auto& d : documents) {
        list.push_back(json::object{
            {"id", d.id},
            {"kind", std::string(domain::to_string(d.kind))},
            {"agreement_id", d.agreement_id ? json::value(*d.agreement_id) : json::value(nullptr)},
            {"supervisor_id",
             d.supervisor_id ? json::value(*d.supervisor_id) : json::value(nullptr)},
            {"version", d.version},
            {"status", std::string(domain::to_string(d.status()))},
            {"content_sha256", d.content_sha256},
            {"pdf_sha256", d.pdf_sha256 ? json::value(*d.pdf_sha256) : json::value(nullptr)}});
    }
    std::cout << json::serialize(
                     json::object{{"person_id", options.person}, {"documents", std::move(list)}})
              << "\n";
    return 0;
}

int export_document(const SignedDocumentOptions& options) {
    const auto application = open_existing_installation(options.db);
    const auto d = app::find_document(*application, options.document);
    if (!d) {
        throw BadInput{"cli.document.no_document", {{"document", options.document}}};
    }
    std::string bytes;
    if (auto pdf = app::signed_pdf(*application, d->id)) {
        bytes = std::move(*pdf);
    } else {
        bytes = web::stored_document_pdf(web::Catalogue("nb"), *d, d->title, application->now());
    }
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    if (!out || !(out << bytes) || !out.flush()) {
        throw BadInput{"cli.document.unwritable", {{"file", options.out}}};
    }
    std::cout << options.out << ": document " << d->id << " version " << d->version << ", "
              << domain::to_string(d->status()) << ", " << bytes.size() << " bytes\n";
    return 0;
}

int verify_document(const SignedDocumentOptions& options) {
    std::istringstream none;
    const auto bytes = read_input_file(options.file, none);
    const auto application = open_existing_installation(options.db);
    const auto check = app::check_document(*application, bytes);
    using Outcome = app::DocumentCheck::Outcome;
    const auto id = check.document ? std::to_string(check.document->id) : std::string();
    switch (check.outcome) {
        case Outcome::signed_version:
            std::cout << options.file << ": the signed version of document " << id << " (version "
                      << check.document->version << ", signed "
                      << check.document->signed_at->substr(0, 10) << "), sha256 " << check.sha256
                      << "\n";
            return 0;
        case Outcome::altered:
            write_message("cli.document.altered", {{"file", options.file}, {"document", id}},
                          std::cerr);
            return 1;
        case Outcome::not_signed:
            write_message("cli.document.not_signed", {{"file", options.file}, {"document", id}},
                          std::cerr);
            return 1;
        case Outcome::unknown:
            break;
    }
    write_message("cli.document.unknown", {{"file", options.file}}, std::cerr);
    return 1;
}

}  // namespace

void add_signed_document_commands(CLI::App& document, int& exit_code) {
    auto options = std::make_shared<SignedDocumentOptions>();
    const auto db = [&](CLI::App* command) {
        command->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
            ->envname("ALIS_DB")
            ->required();
    };
    auto* list = document.add_subcommand("list", "A person's documents: id, kind, version, status");
    db(list);
    list->add_option("--person", options->person, "The person's id")->required();
    list->add_option("--format", options->format, "json or text")
        ->check(CLI::IsMember({"json", "text"}));
    list->callback([options, &exit_code] {
        exit_code = run_document_command([&] { return list_documents(*options); });
    });
    auto* export_cmd = document.add_subcommand(
        "export", "Write a stored document; for a signed version the exact bytes signed");
    db(export_cmd);
    export_cmd->add_option("--document", options->document, "The document's id")->required();
    export_cmd->add_option("--out", options->out, "The PDF file to write")->required();
    export_cmd->callback([options, &exit_code] {
        exit_code = run_document_command([&] { return export_document(*options); });
    });
    auto* verify = document.add_subcommand(
        "verify", "Exit 0 when FILE is the stored signed version; 1 with the reason when not");
    db(verify);
    verify->add_option("file", options->file, "The PDF file to check")->required();
    verify->callback([options, &exit_code] {
        exit_code = run_document_command([&] { return verify_document(*options); });
    });
}

}  // namespace alis::cli
