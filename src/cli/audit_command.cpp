// alis audit keygen, alis audit head and alis audit verify (see docs/audit.md).
#include <algorithm>
#include <cctype>
#include <ctime>
#include <iostream>
#include <memory>

#include "app/application.hpp"
#include "app/audit_head.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"

namespace alis::cli {
namespace {

// Exit codes of alis audit; 2 (bad flags) is CLI11's, through run().
constexpr int kChainBroken = 1;
constexpr int kBadInput = 2;
constexpr int kUnreadableFile = 3;

struct AuditOptions {
    std::string db;
    std::string key;
    std::string head;
    std::string public_key;
};

// A one-line, user-facing failure: printed as "alis: <reason>" with exit code `code`.
struct AuditFailure {
    std::string reason;
    int code = kChainBroken;
};

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// Opens an existing database: verifying must never create an empty one and call it intact.
std::unique_ptr<app::Application> open_existing(const std::string& url) {
    if (const auto file = missing_sqlite_file(url)) {
        throw AuditFailure{"--db: no database at " + *file, kBadInput};
    }
    return app::Application::open(url, app::system_clock(), 1);
}

int keygen(const AuditOptions& options) {
    const auto key = app::AuditSigningKey::generate();
    key.save(options.key);
    std::cout << "audit signing key written to " << options.key << " (mode 0600); public key "
              << key.public_key_hex() << "\n";
    return 0;
}

int head(const AuditOptions& options) {
    // The key is read first: a missing key should not cost a walk over the whole chain.
    const auto key = app::AuditSigningKey::load(options.key);
    const auto store = open_existing(options.db);
    const auto signing = app::sign_audit_head(*store, key, utc_now());
    if (!signing.head) {
        throw AuditFailure{"refusing to sign a broken audit chain: " + signing.chain.reason};
    }
    std::cout << app::to_json(*signing.head) << "\n";
    return 0;
}

int verify(const AuditOptions& options) {
    std::optional<app::SignedAuditHead> kept;
    if (!options.head.empty()) {
        kept = app::read_signed_audit_head(options.head);
    }
    std::string public_key = options.public_key;
    std::transform(public_key.begin(), public_key.end(), public_key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto store = open_existing(options.db);
    domain::AuditVerification chain;
    if (kept) {
        const auto outcome = app::verify_audit_head(
            *store, *kept, public_key.empty() ? std::nullopt : std::optional(public_key));
        if (!outcome.ok) {
            throw AuditFailure{outcome.reason};
        }
        chain = outcome.chain;
    } else {
        chain = app::verify_audit_chain(*store);
        if (!chain.ok) {
            throw AuditFailure{"audit chain broken: " + chain.reason};
        }
    }
    std::cout << "audit chain ok: " << chain.rows_checked << " rows, head " << chain.head_id << " "
              << chain.head_hash << "\n";
    if (kept) {
        std::cout << "kept head ok: row " << kept->id << " signed at " << kept->at << " by key "
                  << kept->public_key << " is in the chain\n";
    }
    return 0;
}

template <typename Body>
void guarded(int& exit_code, Body&& body) {
    try {
        exit_code = body();
    } catch (const AuditFailure& failure) {
        std::cerr << "alis: " << failure.reason << "\n";
        exit_code = failure.code;
    } catch (const app::DatabaseUnavailable& e) {
        std::cerr << "alis: cannot read the audit trail: " << e.what() << "\n";
        exit_code = kChainBroken;
    } catch (const app::AuditHeadError& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = kUnreadableFile;
    } catch (const std::exception& e) {
        std::cerr << "alis: " << e.what() << "\n";
        exit_code = kChainBroken;
    }
}

CLI::Option* add_db_option(CLI::App& command, AuditOptions& options) {
    return command.add_option("--db", options.db, "Database URL: sqlite:PATH")
        ->envname("ALIS_DB")
        ->required();
}

}  // namespace

void add_audit_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<AuditOptions>();
    auto* audit = app.add_subcommand(
        "audit", "Check the tamper-evident audit trail and sign its head (see docs/audit.md)");
    audit->require_subcommand(1);

    auto* keygen_cmd =
        audit->add_subcommand("keygen", "Create an Ed25519 key for signing audit heads");
    keygen_cmd->add_option("--key", options->key, "The key file to create (never overwritten)")
        ->required();
    keygen_cmd->callback(
        [options, &exit_code] { guarded(exit_code, [&] { return keygen(*options); }); });

    auto* head_cmd = audit->add_subcommand(
        "head", "Print the signed head of the audit chain (JSON) for a third party to keep");
    add_db_option(*head_cmd, *options);
    head_cmd->add_option("--key", options->key, "The key file made by alis audit keygen")
        ->required();
    head_cmd->callback(
        [options, &exit_code] { guarded(exit_code, [&] { return head(*options); }); });

    auto* verify_cmd = audit->add_subcommand(
        "verify",
        "Check the whole audit chain; exit 1 naming the first row changed, removed or reordered");
    add_db_option(*verify_cmd, *options);
    verify_cmd->add_option(
        "--head", options->head,
        "A kept head (from alis audit head): its row must still be in the chain");
    verify_cmd
        ->add_option("--public-key", options->public_key,
                     "The public key (hex) the kept head must be signed with")
        ->needs("--head");
    verify_cmd->callback(
        [options, &exit_code] { guarded(exit_code, [&] { return verify(*options); }); });
}

}  // namespace alis::cli
