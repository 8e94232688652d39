#pragma once

#include <boost/json.hpp>

#include "app/training_ledger.hpp"
#include "web/messages.hpp"

namespace alis::web {

// The data the person page shows of a ledger: one progress bar per requirement, projected
// completion, warnings with what to do, and a timeline (SVG geometry plus the same facts as a
// table). Numbers use a decimal comma and dates dd.mm.yyyy.
boost::json::object ledger_view(const app::PersonLedger& ledger, const Catalogue& catalogue);

}  // namespace alis::web
