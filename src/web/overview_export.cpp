// The rows and exports of web/overview_export.hpp.
#include "web/overview_export.hpp"

#include "web/ledger_view.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace alis::web {
namespace {

namespace json = boost::json;

std::string csv_field(const std::string& value) {
    // Cells that start like a formula are prefixed so that spreadsheets do not run them.
    std::string text = value;
    if (!text.empty() &&
        std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
        text.insert(text.begin(), '\'');
    }
    std::string out = "\"";
    for (char ch : text) {
        out += ch;
        if (ch == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

}  // namespace

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

const std::vector<std::string>& column_keys() {
    static const std::vector<std::string> keys = {
        "overview.col_name",       "overview.col_hpr",        "overview.col_post",
        "overview.col_pay",        "overview.col_supervisor", "overview.col_counted",
        "overview.col_completion", "overview.col_warning"};
    return keys;
}

std::vector<std::string> row_values(const Cells& c) {
    return {c.name,       c.hpr,        c.post,
            c.pay,        c.supervisor, c.computed ? c.counted + " / " + c.required : c.counted,
            c.completion, c.warning};
}

std::string overview_csv_text(const app::TraineeSelection& selection, const Catalogue& t) {
    std::string out = "\xEF\xBB\xBF";  // BOM, so Excel reads UTF-8.
    bool first = true;
    for (const auto& key : column_keys()) {
        if (!first) {
            out += ';';
        }
        out += csv_field(t.text(key));
        first = false;
    }
    out += "\r\n";
    for (const auto& c : cells_of(selection, t)) {
        first = true;
        for (const auto& v : row_values(c)) {
            if (!first) {
                out += ';';
            }
            out += csv_field(v);
            first = false;
        }
        out += "\r\n";
    }
    return out;
}

std::string overview_xlsx_bytes(const app::TraineeSelection& selection, const Catalogue& t) {
    char path[] = "/tmp/alis-export-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) {
        throw std::runtime_error("cannot create a temporary file for the Excel export");
    }
    close(fd);
    // Removes the temporary file however this function ends.
    struct TempFile {
        const char* path;
        ~TempFile() { std::remove(path); }
    } temp{path};
    lxw_workbook* workbook = workbook_new(path);
    if (workbook == nullptr) {
        throw std::runtime_error("libxlsxwriter could not start a workbook");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "ALIS");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_col_t col = 0;
    for (const auto& key : column_keys()) {
        worksheet_write_string(sheet, 0, col++, t.text(key).c_str(), bold);
    }
    lxw_row_t row = 1;
    for (const auto& c : cells_of(selection, t)) {
        col = 0;
        for (const auto& v : row_values(c)) {
            worksheet_write_string(sheet, row, col++, v.c_str(), nullptr);
        }
        ++row;
    }
    worksheet_set_column(sheet, 0, 7, 24, nullptr);
    const lxw_error status = workbook_close(workbook);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (status != LXW_NO_ERROR) {
        throw std::runtime_error(std::string("Excel export failed: ") + lxw_strerror(status));
    }
    return bytes.str();
}

}  // namespace alis::web
