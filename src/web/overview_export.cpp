// The rows and exports of web/overview_export.hpp.
#include "web/overview_export.hpp"

#include "web/ledger_view.hpp"

#include <algorithm>
#include <charconv>

namespace alis::web {

const char* warning_key(app::UrgentWarning w) {
    switch (w) {
        case app::UrgentWarning::ledger_failed:
            return "overview.warning.ledger_failed";
        case app::UrgentWarning::employer_not_registered:
            return "overview.warning.employer_not_registered";
        case app::UrgentWarning::no_supervisor:
            return "overview.warning.no_supervisor";
        case app::UrgentWarning::no_plan:
            return "overview.warning.no_plan";
        case app::UrgentWarning::no_signed_agreement:
            return "overview.warning.no_signed_agreement";
        case app::UrgentWarning::agreement_signed_late:
            return "overview.warning.agreement_signed_late";
        case app::UrgentWarning::agreement_not_national_template:
            return "overview.warning.agreement_not_national_template";
        case app::UrgentWarning::institution_not_planned:
            return "overview.warning.institution_not_planned";
        case app::UrgentWarning::plan_revision_due:
            return "overview.warning.plan_revision_due";
        case app::UrgentWarning::ledger_warning:
            return "overview.warning.ledger";
        case app::UrgentWarning::none:
            return "overview.warning.none";
    }
    return "overview.warning.none";
}

std::vector<Cells> cells_of(const app::TraineeSelection& selection, const Catalogue& t) {
    std::vector<Cells> result;
    result.reserve(selection.rows.size());
    for (const app::TraineeRow* entry : selection.rows) {
        const auto& row = *entry;
        Cells c;
        c.id = row.person.id;
        c.name = row.person.full_name;
        c.hpr = row.person.hpr_number.value_or("");
        c.post = row.post ? t.text("post_type." + std::string(domain::to_string(*row.post))) : "";
        c.pay = row.pay ? t.text("pay_model." + std::string(domain::to_string(*row.pay))) : "";
        for (const auto& s : row.supervisors) {
            if (!c.supervisor.empty()) {
                c.supervisor += ", ";
            }
            c.supervisor += s;
        }
        c.counted = domain::norwegian_months(row.counted);
        c.required = domain::norwegian_months(row.required);
        c.percent = row.required > 0 ? static_cast<int>(std::min<domain::MonthUnits>(
                                           100, row.counted * 100 / row.required))
                                     : 0;
        c.completion = row.projected_completion ? row.projected_completion->norwegian()
                                                : t.text("overview.no_completion");
        c.has_warning = row.warning != app::UrgentWarning::none;
        c.supervision = t.format("supervision.overview_hours",
                                 {{"held", domain::format_hours(row.supervision.held_minutes)},
                                  {"norm", domain::format_hours(row.supervision.norm_minutes)}});
        c.under_supervision_norm = row.supervision.under_norm();
        if (row.ledger_failure) {
            c.computed = false;
            c.counted = c.completion = t.text("ledger.cannot_compute");
            c.required.clear();
            c.warning = t.text("ledger.cannot_compute") + ": " +
                        ledger_failure_text(*row.ledger_failure, t);
            result.push_back(std::move(c));
            continue;
        }
        c.warning = row.warning == app::UrgentWarning::ledger_warning
                        ? row.warning_detail
                        : t.text(warning_key(row.warning));
        result.push_back(std::move(c));
    }
    return result;
}

namespace {

// A count of months as the number the page shows (two decimals, rounded as format_months does).
Cell months_cell(domain::MonthUnits units) {
    const std::string text = domain::format_months(units);
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return Number{value, 2};
}

}  // namespace

Sheet overview_sheet(const app::TraineeSelection& selection, const Catalogue& t) {
    Sheet sheet;
    sheet.name = "ALIS";
    sheet.column_width = 24;
    for (const char* key :
         {"overview.col_name", "overview.col_hpr", "overview.col_post", "overview.col_pay",
          "overview.col_supervisor", "overview.col_counted_months", "overview.col_required_months",
          "overview.col_completion", "overview.col_warning", "overview.col_supervision_hours",
          "overview.col_supervision"}) {
        sheet.headers.push_back(t.text(key));
    }
    const auto cells = cells_of(selection, t);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Cells& c = cells[i];
        const app::TraineeRow& row = *selection.rows[i];
        std::vector<Cell> line = {c.name, c.hpr, c.post, c.pay, c.supervisor};
        if (c.computed) {
            line.push_back(months_cell(row.counted));
            line.push_back(months_cell(row.required));
        } else {
            line.push_back(c.counted);
            line.push_back(std::monostate{});
        }
        if (c.computed && row.projected_completion) {
            line.push_back(*row.projected_completion);
        } else {
            line.push_back(c.completion);
        }
        line.push_back(c.warning);
        line.push_back(Number{static_cast<double>(row.supervision.held_minutes) / 60, 2});
        line.push_back(c.under_supervision_norm ? t.text("supervision.under_norm") : "");
        sheet.rows.push_back(std::move(line));
    }
    return sheet;
}

}  // namespace alis::web
