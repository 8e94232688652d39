#pragma once

// The rows of the leader's overview (web/municipality_routes.cpp) as the text every format shows,
// and the CSV and Excel exports of them, with the same columns as the page.

#include <string>
#include <vector>

#include "app/trainee_overview.hpp"
#include "web/messages.hpp"

namespace alis::web {

// The catalogue key of a row's most urgent warning (its last part is the API's name for it).
const char* warning_key(app::UrgentWarning w);

// One row as the text every format shows.
struct Cells {
    std::int64_t id = 0;
    std::string name, hpr, post, pay, supervisor, counted, required, completion, warning;
    int percent = 0;
    bool has_warning = false;
    bool computed = true;  // False when the ledger cannot be computed: counted and completion
                           // say so, and warning says why.
};

std::vector<Cells> cells_of(const app::TraineeSelection& selection, const Catalogue& t);

// The catalogue keys of the columns, and a row's cells in their order.
const std::vector<std::string>& column_keys();

std::vector<std::string> row_values(const Cells& c);

// The rows as CSV (UTF-8 with BOM, ';' between cells, formula-like cells made text) and as an
// Excel workbook, each with a header row.
std::string overview_csv_text(const app::TraineeSelection& selection, const Catalogue& t);

std::string overview_xlsx_bytes(const app::TraineeSelection& selection, const Catalogue& t);

}  // namespace alis::web
