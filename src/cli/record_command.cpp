// alis record export --db URL --person ID --out FILE.json --key-file KEY
// alis record verify FILE.json... [--key PUBLIC_KEY_HEX]
// The signed training record that moves with the doctor (docs/objectives.md, "Signed training
// record"): export writes the person's record signed with the installation's key (the audit
// signing key of alis audit keygen) and audits the export; verify checks files offline, several at
// once on every core: a one-line summary for each intact record, a line naming what fails for each
// other; exit 0 when all are intact, 1 when any fails, 2 for bad usage.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/application.hpp"
#include "app/audit_head.hpp"
#include "app/auth.hpp"
#include "app/signed_training_record.hpp"
#include "app/training_records.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"

namespace alis::cli {
namespace {

constexpr int kRecordFails = 1;
constexpr int kRecordUsage = 2;

struct RecordOptions {
    std::string db;
    std::int64_t person = 0;
    std::string out;
    std::string key_file;
    std::vector<std::string> files;
    std::string public_key;
};

// A one-line, user-facing failure: printed as "alis: <reason>" with exit code `code`.
struct RecordFailure {
    std::string reason;
    int code = kRecordUsage;
};

bool is_hex_key(const std::string& text) {
    return text.size() == 64 &&
           text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

// Writes `text` to a new file; refuses an existing one (an earlier record is never replaced
// silently).
void write_new_file(const std::string& path, const std::string& text) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(path.c_str(), "wx"),
                                                        &std::fclose);
    if (!out) {
        throw RecordFailure{"--out: cannot create " + path +
                            " (it exists already, or its folder cannot be written); refusing to "
                            "overwrite it"};
    }
    if (std::fwrite(text.data(), 1, text.size(), out.get()) != text.size() ||
        std::fflush(out.get()) != 0) {
        throw RecordFailure{"--out: cannot write " + path, kRecordFails};
    }
}

int export_record(const RecordOptions& options) {
    if (options.key_file.empty()) {
        throw RecordFailure{"--key-file is required: the installation's key (alis audit keygen)"};
    }
    const auto key = app::AuditSigningKey::load(options.key_file);
    if (const auto file = missing_sqlite_file(options.db)) {
        throw RecordFailure{"--db: no database at " + *file};
    }
    const auto application = app::Application::open(options.db, app::system_clock(), 1);
    if (!app::find_person(*application, options.person)) {
        throw RecordFailure{"--person: no person " + std::to_string(options.person)};
    }
    app::AuditOrigin origin;
    origin.label = "cli";
    origin.address = "-";
    origin.target = "alis record export";
    const auto file = app::export_training_record(
        *application, key, options.person,
        app::audit_event(application->now(), origin, "training_record.exported", "ok"));
    if (!file) {
        throw RecordFailure{"--person: no person " + std::to_string(options.person)};
    }
    write_new_file(options.out, domain::record_file_json(*file));
    std::cout << options.out << ": training record of " << file->content.identity.name << " as of "
              << file->content.as_of.iso() << ", signed by key " << file->signature.public_key
              << "\n";
    return 0;
}

void print_intact(const std::string& file, const domain::TrainingRecordFile& record) {
    const auto& c = record.content;
    std::cout << file << ": intact training record of " << one_line(c.identity.name) << " (HPR "
              << (c.identity.hpr.empty() ? "-" : c.identity.hpr) << ") as of " << c.as_of.iso()
              << ": " << c.service_periods.size() << " service periods, " << c.ledger.total_months
              << " months counted, " << c.objectives.size()
              << " approved objectives; signed by key " << record.signature.public_key << "\n";
}

int verify_records(const RecordOptions& options) {
    if (!options.public_key.empty() && !is_hex_key(options.public_key)) {
        throw RecordFailure{"--key must be a public key of 64 hex digits"};
    }
    if (std::count(options.files.begin(), options.files.end(), "-") > 1) {
        throw RecordFailure{"- (stdin) can be given only once"};
    }
    // Every file is read before any is checked: one that cannot be read is a usage error.
    std::vector<std::string> texts;
    texts.reserve(options.files.size());
    for (const auto& file : options.files) {
        try {
            texts.push_back(read_input_file(file, std::cin));
        } catch (const BadInput&) {
            throw RecordFailure{file + ": cannot read the file"};
        }
    }
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    const auto results = app::verify_training_records(
        views, options.public_key.empty() ? std::nullopt : std::optional(options.public_key));
    std::size_t failed = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i].ok()) {
            print_intact(options.files[i], *results[i].file);
        } else {
            ++failed;
            std::cerr << "alis: " << options.files[i] << ": " << one_line(results[i].reason)
                      << "\n";
        }
    }
    if (results.size() > 1) {
        std::cout << results.size() << " records: " << results.size() - failed << " intact, "
                  << failed << " failed\n";
    }
    return failed == 0 ? 0 : kRecordFails;
}

template <typename Body>
void run_record_command(int& exit_code, Body&& body) {
    try {
        exit_code = body();
    } catch (const RecordFailure& failure) {
        std::cerr << "alis: " << one_line(failure.reason) << "\n";
        exit_code = failure.code;
    } catch (const app::AuditHeadError& e) {
        std::cerr << "alis: --key-file: " << one_line(e.what()) << "\n";
        exit_code = kRecordUsage;
    } catch (const app::TrainingRecordUnavailable& e) {
        std::cerr << "alis: the ledger cannot count this person's path: " << one_line(e.what())
                  << "\n";
        exit_code = kRecordFails;
    } catch (const app::DatabaseUnavailable& e) {
        std::cerr << "alis: " << one_line(e.what()) << "\n";
        exit_code = kRecordUsage;
    } catch (const std::exception& e) {
        exit_code = report_internal_error(e.what(), std::cerr);
    }
}

}  // namespace

void add_record_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<RecordOptions>();
    auto* record = app.add_subcommand(
        "record", "The signed training record that moves with the doctor (docs/objectives.md)");
    record->require_subcommand(1);

    auto* export_cmd = record->add_subcommand(
        "export", "Write a person's training record, signed with the installation's key");
    export_cmd->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
        ->envname("ALIS_DB")
        ->required();
    export_cmd->add_option("--person", options->person, "The person's id")->required();
    export_cmd->add_option("--out", options->out, "The file to write (never overwritten)")
        ->required();
    export_cmd
        ->add_option("--key-file", options->key_file,
                     "The installation's signing key (made by alis audit keygen)")
        ->envname("ALIS_KEY_FILE");
    export_cmd->callback([options, &exit_code] {
        run_record_command(exit_code, [&] { return export_record(*options); });
    });

    auto* verify_cmd =
        record->add_subcommand("verify", "Check training record files; exit 1 naming what fails");
    verify_cmd
        ->add_option("file", options->files,
                     "The record files (FILE.json ..., or - for stdin), checked on every core")
        ->required();
    verify_cmd->add_option("--key", options->public_key,
                           "The issuing installation's public key (hex) the record must be "
                           "signed with");
    verify_cmd->callback([options, &exit_code] {
        run_record_command(exit_code, [&] { return verify_records(*options); });
    });
}

}  // namespace alis::cli
