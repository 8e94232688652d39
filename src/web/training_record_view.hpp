#pragma once

#include <boost/json.hpp>

#include <vector>

#include "app/signed_training_record.hpp"
#include "domain/training_record.hpp"
#include "web/messages.hpp"

namespace alis::web {

// What a training record certifies, as the pages show it (the doctor's page, the public check,
// an imported record): identity, the service periods with their counted months, the ledger's
// total, the approved objectives and the supervision's hours, in Norwegian (dd.mm.yyyy, decimal
// comma).
boost::json::object training_record_view(const Catalogue& t,
                                         const domain::TrainingRecordContent& record);

// The person's imported records for the record pages, each marked "importert, signatur
// verifisert" with its issuing key; an empty array when there are none.
boost::json::array imported_records_view(const Catalogue& t,
                                         const std::vector<app::ImportedRecordView>& imports);

// Why a record file was refused, in Norwegian, for the check and import pages.
std::string record_problem_text(const Catalogue& t, const app::RecordVerification& verification);

}  // namespace alis::web
