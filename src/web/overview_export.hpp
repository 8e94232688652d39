#pragma once

// The rows of the leader's overview (web/municipality_routes.cpp) as the text every format shows,
// and the CSV and Excel downloads of them.

#include <string>
#include <vector>

#include "app/trainee_overview.hpp"
#include "web/messages.hpp"
#include "web/spreadsheet.hpp"

namespace alis::web {

// The catalogue key of a row's most urgent warning (its last part is the API's name for it).
const char* warning_key(app::UrgentWarning w);

// One row as the text every format shows.
struct Cells {
    std::int64_t id = 0;
    std::string name, hpr, post, pay, supervisor, counted, required, completion, warning;
    std::string supervision;  // Hours of the last months against the norm: "3 av 10,5 t".
    bool under_supervision_norm = false;
    int percent = 0;
    bool has_warning = false;
    bool computed = true;  // False when the ledger cannot be computed: counted and completion
                           // say so, and warning says why.
};

std::vector<Cells> cells_of(const app::TraineeSelection& selection, const Catalogue& t);

// The rows as a download (web/spreadsheet.hpp), a header row first: the page's columns, with the
// counted and the required months as two number columns, the completion as a date, and the
// supervision hours of the last months as a number with the norm's warning beside it.
Sheet overview_sheet(const app::TraineeSelection& selection, const Catalogue& t);

}  // namespace alis::web
