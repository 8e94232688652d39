#pragma once

// Fixtures of the money tests (issue 15): records of the agreement register.

#include <cstdint>

#include "store/database.hpp"

namespace alis::testing {

// Adds a signed ALIS agreement of the person's first employment, covering from `covers_from`
// (ISO) on the national template (or not), signed on `signed_on` (ISO); returns its id.
std::int64_t add_signed_agreement(store::Database& db, std::int64_t person, const char* covers_from,
                                  const char* signed_on, bool national_template = true);

}  // namespace alis::testing
