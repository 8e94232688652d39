#pragma once

#include <boost/json.hpp>

#include "app/training_ledger.hpp"
#include "web/messages.hpp"

namespace alis::web {

// The data the person page shows of a ledger: one progress bar per requirement, projected
// completion, warnings with what to do, and a timeline (SVG geometry plus the same facts as a
// table). Numbers use a decimal comma and dates dd.mm.yyyy.
boost::json::object ledger_view(const app::PersonLedger& ledger, const Catalogue& catalogue);

// Why the ledger cannot be computed, in Norwegian: what the reader is shown next to "Kan ikke
// beregnes" (the JSON API gives the ledger's own message).
std::string ledger_failure_text(const app::LedgerFailure& failure, const Catalogue& catalogue);

}  // namespace alis::web
