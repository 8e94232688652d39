#pragma once

#include "app/application.hpp"
#include "domain/date.hpp"

namespace alis::app {

// What the demo counts of the money (issue 15).
struct DemoGrants {
    int agreements = 0;
    int cost_entries = 0;
};

// The money of the demo, added after the people of load_demo_data (it reads them), in one
// transaction: an ALIS agreement on the national template, signed before it begins, for each GP
// post, except four of Bergen's posts in the 2025 refund period, so that its claim page shows
// every reason that stops a claim: one without an agreement, one signed late, one through a
// staffing agency and one not on the national template. The 2023 report's ALIS A-D
// (data/demo/alis-costs-2023.toml) become four doctors of Bergen in 2023 with their own cost
// inputs and agreements, and every municipality with ALIS gets cost defaults for each coverage year
// (demo figures: ALIS A's inputs in centrality classes 1-3, ALIS B's in 4-6), so that coverage has
// figures for the municipality, the region and the country.
DemoGrants add_demo_grants(Application& app, domain::Date as_of);

}  // namespace alis::app
