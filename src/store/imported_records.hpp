#pragma once

#include <cstdint>
#include <vector>

#include "domain/training_record.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The signed training records imported from other installations (migration 0025), append-only:
// each with the file as received, its digest, the key that signed it and who imported it.
class ImportedRecords {
  public:
    explicit ImportedRecords(Transaction& tx) : tx_(tx) {}

    // The person's imported records, oldest import first.
    std::vector<domain::ImportedTrainingRecord> imported_for(std::int64_t person_id) const;
    // Appends an imported record (its id is ignored) and returns its id.
    std::int64_t append(const domain::ImportedTrainingRecord& record);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
