#pragma once

// The views of the money pages (docs/money.md): a municipality's grant claim and the coverage of
// the grant, as page data, JSON and download tables. A number on a page comes from the same
// function as the number in the export.

#include <boost/json.hpp>

#include <string>

#include "app/coverage.hpp"
#include "app/grant_claims.hpp"
#include "domain/money.hpp"
#include "web/messages.hpp"
#include "web/spreadsheet.hpp"

namespace alis::web {

// An amount as a typed cell of kroner with two decimals. The workbook's number is a double, as
// every Excel number is; it is made from the øre once, here, and nothing is computed with it.
Cell kroner_cell(domain::Money amount);

// The claim page's data (template "grant_claim").
boost::json::object claim_page_data(const Catalogue& t, const app::ClaimReport& report);
// The claim as JSON: the period, deadline, lines with their months, amounts and what stops them.
boost::json::object claim_json(const app::ClaimReport& report);
// The claim's lines as a table for CSV and Excel.
Sheet claim_sheet(const Catalogue& t, const app::ClaimReport& report);

// The coverage page's data (template "coverage"), with the chart; `heading` names the scope.
boost::json::object coverage_page_data(const Catalogue& t, const app::CoverageReport& report,
                                       const std::string& heading);
// The coverage as JSON; the municipality's own ALIS only when the report holds them.
boost::json::object coverage_json(const app::CoverageReport& report);
// The national administrator's summary on /meg: coverage by centrality class and by pay model.
boost::json::object coverage_summary_data(const Catalogue& t, const app::CoverageReport& report);

}  // namespace alis::web
