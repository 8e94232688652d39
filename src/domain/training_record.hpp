#pragma once

// The signed training record that moves with the doctor (issue 13, docs/objectives.md "Signed
// training record"): what one installation certifies of a doctor's training on a day (identity,
// service periods with the ledger's counted months, the approved objectives, a summary of
// supervision), its canonical JSON that the installation's Ed25519 signature covers, and the
// parsing of a record file with the problem named. Signing and checking the signature are app's
// (libsodium); the schema of the file is api/training-record.schema.json.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/learning_log.hpp"

namespace alis::domain {

// The format name and version every record file states; a file of another version is refused.
inline constexpr std::string_view kTrainingRecordFormat = "alis-training-record";
inline constexpr int kTrainingRecordVersion = 1;
inline constexpr std::string_view kTrainingRecordAlgorithm = "Ed25519";

// Who the record is about.
struct RecordIdentity {
    std::string name;
    std::string hpr;  // The HPR number, digits; empty when the record holds none.

    bool operator==(const RecordIdentity&) const = default;
};

// One service period with the months the ledger counts of it on its own (before the caps that
// apply to the whole path, such as the most open general practice counted), as "12.00".
struct RecordServicePeriod {
    Date from;
    std::optional<Date> to;  // Inclusive; nullopt while ongoing.
    std::string arena;       // domain::Arena's name, e.g. "open_general_practice".
    std::string place;
    std::string municipality_number;  // Of the employment it belongs to; empty when none.
    std::string municipality_name;
    int position_percent = 100;
    bool employer_registered = true;
    std::string counted_months;

    bool operator==(const RecordServicePeriod&) const = default;
};

// The ledger's total on the record's day, as the ledger reports it.
struct RecordLedger {
    std::string ruleset;
    std::string total_months;  // "41.50".
    bool complete = false;

    bool operator==(const RecordLedger&) const = default;
};

// A learning objective whose approval is in force, with who approved it and when.
struct RecordObjective {
    std::string code;  // "ALM-055".
    std::string title;
    std::string approved_at;  // UTC instant.
    std::string approved_by;  // The leader's name and e-mail, as the event keeps it.

    bool operator==(const RecordObjective&) const = default;
};

// Hours and counts of individual supervision; never the minutes of a meeting.
struct RecordSupervision {
    int meetings_held = 0;  // Closed meetings.
    int minutes_held = 0;   // Their duration, together.
    int meetings_open = 0;  // Planned and not yet closed.
    std::string norm;       // The norm's name the hours are held against.
    int norm_minutes_per_month = 0;

    bool operator==(const RecordSupervision&) const = default;
};

// What the record certifies: everything the signature covers.
struct TrainingRecordContent {
    std::string issued_at;  // UTC instant of the export.
    Date as_of;             // The day the ledger counted to.
    RecordIdentity identity;
    RecordLedger ledger;
    std::vector<RecordServicePeriod> service_periods;
    std::vector<RecordObjective> objectives;
    std::optional<RecordSupervision> supervision;  // Nullopt when the doctor has none.

    bool operator==(const TrainingRecordContent&) const = default;
};

// The signature of the issuing installation: its public key and the signature, both lower-case
// hex, over canonical_json(content).
struct RecordSignature {
    std::string algorithm = std::string(kTrainingRecordAlgorithm);
    std::string public_key;  // 64 hex digits.
    std::string value;       // 128 hex digits.

    bool operator==(const RecordSignature&) const = default;
};

struct TrainingRecordFile {
    TrainingRecordContent content;
    RecordSignature signature;

    bool operator==(const TrainingRecordFile&) const = default;
};

// The bytes the signature covers: the record's JSON without the signature, keys in a fixed
// order, no insignificant whitespace, months as text, so that one record has one encoding.
std::string canonical_json(const TrainingRecordContent& content);

// The whole file: the canonical JSON with the "signature" object as its last key, and a newline.
std::string record_file_json(const TrainingRecordFile& file);

// What is wrong with a text that should be a record file.
enum class RecordFileProblem {
    not_json,                // Not JSON, or not an object.
    wrong_format,            // "format" is not kTrainingRecordFormat.
    wrong_version,           // "version" is not kTrainingRecordVersion.
    missing_field,           // A required field is absent.
    bad_field,               // A field of the wrong type or form (a date that is no date).
    unknown_field,           // A field the format does not have: it would not be signed.
    bad_signature_encoding,  // The signature's algorithm, key or value is not as the format says.
};

template <>
struct EnumNames<RecordFileProblem> {
    static constexpr std::array<std::pair<RecordFileProblem, std::string_view>, 7> names{{
        {RecordFileProblem::not_json, "not_json"},
        {RecordFileProblem::wrong_format, "wrong_format"},
        {RecordFileProblem::wrong_version, "wrong_version"},
        {RecordFileProblem::missing_field, "missing_field"},
        {RecordFileProblem::bad_field, "bad_field"},
        {RecordFileProblem::unknown_field, "unknown_field"},
        {RecordFileProblem::bad_signature_encoding, "bad_signature_encoding"},
    }};
};

// A text that is not a record file: the problem, the field ("identity.hpr",
// "service_periods[2].from"; empty for the whole text) and a one-line English reason.
class RecordFileError : public std::runtime_error {
  public:
    RecordFileError(RecordFileProblem problem, std::string field, const std::string& reason)
        : std::runtime_error(reason), problem_(problem), field_(std::move(field)) {}
    RecordFileProblem problem() const { return problem_; }
    const std::string& field() const { return field_; }

  private:
    RecordFileProblem problem_;
    std::string field_;
};

// Parses a record file written by record_file_json (or the same JSON formatted otherwise);
// throws RecordFileError for the first problem. Does not check the signature.
TrainingRecordFile parse_record_file(std::string_view text);

// A record another installation issued, verified and imported onto a person here (migration
// 0025, append-only): shown read-only beside the person's own record.
struct ImportedTrainingRecord {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string record_json;        // The file as it was received.
    std::string sha256;             // Of record_json, lower-case hex.
    std::string signer_public_key;  // The issuing installation's key, hex.
    std::string imported_by;        // Name and e-mail of the leader who imported it.
    std::string imported_at;        // UTC instant.
};

// The approval in force of each objective of a doctor, by objective id: the last `approved`
// event of an objective whose status (objective_state) is approved, so that an approval a later
// `reversed` undid is not one. `events` are the doctor's, in the order appended.
std::map<std::int64_t, ObjectiveEvent> approvals_in_force(
    const std::vector<ObjectiveEvent>& events);

}  // namespace alis::domain
