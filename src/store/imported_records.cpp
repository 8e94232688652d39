#include "store/imported_records.hpp"

namespace alis::store {
namespace {

constexpr const char* kImportedRecordsFor =
    "SELECT id, person_id, record_json, sha256, signer_public_key, imported_by, imported_at"
    " FROM imported_training_records WHERE person_id = $1 ORDER BY id";
constexpr const char* kAppendImportedRecord =
    "INSERT INTO imported_training_records (person_id, record_json, sha256, signer_public_key,"
    " imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

}  // namespace

std::vector<domain::ImportedTrainingRecord> ImportedRecords::imported_for(
    std::int64_t person_id) const {
    return tx_.rows(kImportedRecordsFor, {person_id}, [](const Row& row) {
        domain::ImportedTrainingRecord r;
        r.id = row.integer(0);
        r.person_id = row.integer(1);
        r.record_json = row.text(2);
        r.sha256 = row.text(3);
        r.signer_public_key = row.text(4);
        r.imported_by = row.text(5);
        r.imported_at = row.instant(6);
        return r;
    });
}

std::int64_t ImportedRecords::append(const domain::ImportedTrainingRecord& r) {
    return tx_.insert(kAppendImportedRecord, {r.person_id, r.record_json, r.sha256,
                                              r.signer_public_key, r.imported_by, r.imported_at});
}

}  // namespace alis::store
