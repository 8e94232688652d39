#pragma once

// The signed training record that moves with the doctor (issue 13; docs/objectives.md "Signed
// training record"): built from the store, signed with the installation's Ed25519 key (the audit
// signing key, app/audit_head.hpp, kept outside the database), checked by anyone who holds the
// file, and imported onto the doctor's record by another installation.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/application.hpp"
#include "app/audit_head.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/training_record.hpp"

namespace alis::app {

// The ledger cannot count the person's path (app/training_ledger.hpp, LedgerFailure), so there is
// no record to certify until the path is corrected. The message is the ledger's, in English.
class TrainingRecordUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What the person's record certifies on `day`, issued at `issued_at` (UTC instant): identity,
// service periods with their counted months, the approvals in force and the supervision's hours
// (never the minutes). Nullopt for an unknown person; throws TrainingRecordUnavailable when the
// ledger refuses the path.
std::optional<domain::TrainingRecordContent> build_training_record(Application& app,
                                                                   std::int64_t person_id,
                                                                   domain::Date day,
                                                                   std::string issued_at);

// The record signed with `key` over its canonical JSON.
domain::TrainingRecordFile sign_training_record(domain::TrainingRecordContent content,
                                                const AuditSigningKey& key);

// The outcome of checking a record file; never an exception for bad input.
struct RecordVerification {
    enum class Outcome {
        intact,             // Well formed and signed by its key (the expected one, when given).
        malformed,          // Not a record file: see problem, field and reason.
        signature_invalid,  // The signature does not cover these bytes: altered or forged.
        other_key,          // Intact, but signed by another key than the one expected.
    };
    Outcome outcome = Outcome::malformed;
    std::optional<domain::TrainingRecordFile> file;  // When it parsed.
    std::optional<domain::RecordFileProblem> problem;
    std::string field;
    std::string reason;  // One line, English, when not intact.

    bool ok() const { return outcome == Outcome::intact; }
};

// Checks `text` as a record file: its form, then its signature, then (when given) that
// `expected_public_key` (hex, any case) signed it.
RecordVerification verify_training_record(
    std::string_view text, const std::optional<std::string>& expected_public_key = std::nullopt);

// Checks each of `texts` as verify_training_record does, on `threads` threads at once (0: one per
// core, never more threads than texts); result i is that of texts[i]. The checks share nothing,
// so a batch of files (alis record verify A.json B.json ...) uses every core.
std::vector<RecordVerification> verify_training_records(
    const std::vector<std::string_view>& texts,
    const std::optional<std::string>& expected_public_key = std::nullopt, unsigned threads = 0);

// Builds and signs the person's record on the app's today, and appends `audit` (action
// "training_record.exported", subject the person) in the same unit of work as its reads. Nullopt
// for an unknown person; throws TrainingRecordUnavailable as build_training_record does.
std::optional<domain::TrainingRecordFile> export_training_record(Application& app,
                                                                 const AuditSigningKey& key,
                                                                 std::int64_t person_id,
                                                                 domain::AuditEvent audit);

enum class RecordImportProblem {
    none,
    not_verified,      // The file does not verify (see the verification).
    identity_mismatch  // The record's HPR number is not the person's (or either has none).
};

struct RecordImport {
    RecordImportProblem problem = RecordImportProblem::none;
    RecordVerification verification;
    std::optional<domain::ImportedTrainingRecord> imported;  // When problem is none.
};

// Verifies `text` and, when it is intact and its HPR number is the person's, appends it to the
// person's imported records, signed by `imported_by`, with `audit` (action
// "training_record.imported"), in one unit of work. Importing the same file again stores nothing
// new and answers the earlier import.
RecordImport import_training_record(Application& app, std::int64_t person_id, std::string_view text,
                                    const std::string& imported_by, domain::AuditEvent audit);

// An import as the person's record shows it: the stored row and the record it holds.
struct ImportedRecordView {
    domain::ImportedTrainingRecord row;
    domain::TrainingRecordContent content;
};

// The person's imported records, oldest first, each read back from its stored file.
std::vector<ImportedRecordView> imported_training_records(Application& app, std::int64_t person_id);

}  // namespace alis::app
