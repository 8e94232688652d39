// The leader's overview of a municipality's doctors in training: page, JSON, CSV and Excel with
// the same columns. Access: view_municipality on {number} (the leader, its regional office).
#include <xlsxwriter.h>
#include <boost/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/auth.hpp"
#include "app/policy.hpp"
#include "app/trainee_overview.hpp"
#include "web/access.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

app::TraineeSort sort_of(const std::string& text) {
    if (text == "fremdrift") {
        return app::TraineeSort::progress;
    }
    if (text == "ferdig") {
        return app::TraineeSort::completion;
    }
    return app::TraineeSort::name;
}

app::TraineeFilter filter_of(const std::string& text) {
    if (text == "uten-veileder") {
        return app::TraineeFilter::without_supervisor;
    }
    if (text == "varsler") {
        return app::TraineeFilter::with_warning;
    }
    return app::TraineeFilter::all;
}

std::string sort_name(app::TraineeSort sort) {
    switch (sort) {
        case app::TraineeSort::progress:
            return "fremdrift";
        case app::TraineeSort::completion:
            return "ferdig";
        case app::TraineeSort::name:
            break;
    }
    return "navn";
}

std::string filter_name(app::TraineeFilter filter) {
    switch (filter) {
        case app::TraineeFilter::without_supervisor:
            return "uten-veileder";
        case app::TraineeFilter::with_warning:
            return "varsler";
        case app::TraineeFilter::all:
            break;
    }
    return "";
}

const char* warning_key(app::UrgentWarning w) {
    switch (w) {
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

// One row as the text every format shows.
struct Cells {
    std::int64_t id = 0;
    std::string name, hpr, post, pay, supervisor, counted, required, completion, warning;
    int percent = 0;
    bool has_warning = false;
};

std::vector<Cells> cells_of(const app::TraineeOverview& overview, const Catalogue& t) {
    std::vector<Cells> result;
    for (const auto& row : overview.rows) {
        Cells c;
        c.id = row.person.id;
        c.name = row.person.full_name;
        c.hpr = row.person.hpr_number.value_or("");
        c.post = row.post ? t.text("post_type." + std::string(store::to_string(*row.post))) : "";
        c.pay = row.pay ? t.text("pay_model." + std::string(store::to_string(*row.pay))) : "";
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
    return {c.name,       c.hpr,    c.post, c.pay, c.supervisor, c.counted + " / " + c.required,
            c.completion, c.warning};
}

app::TraineeOverview load(Services& s, const Request& request, const RequestContext& context) {
    auto overview = app::trainee_overview(s.store, context.params.at("number"), s.today(),
                                          sort_of(query_value(request, "sorter")),
                                          filter_of(query_value(request, "filter")));
    if (!overview) {
        throw HttpError(http::status::not_found, "not_found", "error.not_found");
    }
    // Each listed trainee sees this read in "Hvem har sett mine opplysninger".
    std::vector<std::int64_t> shown;
    for (const auto& row : overview->rows) {
        shown.push_back(row.person.id);
    }
    audit_reads(s, request, context, shown);
    return std::move(*overview);
}

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

Response download(const Request& request, std::string body, const char* type,
                  const std::string& filename) {
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, type);
    response.set(http::field::content_disposition, "attachment; filename=\"" + filename + "\"");
    response.body() = std::move(body);
    return response;
}

Response overview_csv(Services& s, const Request& request, RequestContext& context) {
    const auto overview = load(s, request, context);
    std::string out = "\xEF\xBB\xBF";  // BOM, so Excel reads UTF-8.
    bool first = true;
    for (const auto& key : column_keys()) {
        if (!first) {
            out += ';';
        }
        out += csv_field(s.catalogue.text(key));
        first = false;
    }
    out += "\r\n";
    for (const auto& c : cells_of(overview, s.catalogue)) {
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
    return download(request, std::move(out), "text/csv; charset=utf-8",
                    "alis-" + overview.municipality.number + ".csv");
}

Response overview_xlsx(Services& s, const Request& request, RequestContext& context) {
    const auto overview = load(s, request, context);
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
        worksheet_write_string(sheet, 0, col++, s.catalogue.text(key).c_str(), bold);
    }
    lxw_row_t row = 1;
    for (const auto& c : cells_of(overview, s.catalogue)) {
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
    return download(request, bytes.str(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "alis-" + overview.municipality.number + ".xlsx");
}

Response overview_api(Services& s, const Request& request, RequestContext& context) {
    const auto overview = load(s, request, context);
    json::array trainees;
    for (const auto& row : overview.rows) {
        json::object item{{"person_id", row.person.id},
                          {"name", row.person.full_name},
                          {"fte", row.fte},
                          {"counted_months", json::parse(domain::format_months(row.counted))},
                          {"required_months", json::parse(domain::format_months(row.required))},
                          {"complete", row.complete}};
        item["post_type"] =
            row.post ? json::value(std::string(store::to_string(*row.post))) : json::value();
        item["pay_model"] =
            row.pay ? json::value(std::string(store::to_string(*row.pay))) : json::value();
        json::array supervisors;
        for (const auto& name : row.supervisors) {
            supervisors.push_back(json::value(name));
        }
        item["supervisors"] = std::move(supervisors);
        item["projected_completion"] =
            row.projected_completion ? json::value(row.projected_completion->iso()) : json::value();
        const std::string key = warning_key(row.warning);
        item["warning"] = row.warning == app::UrgentWarning::none
                              ? json::value()
                              : json::value(key.substr(key.rfind('.') + 1));
        trainees.push_back(std::move(item));
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"municipality", overview.municipality.number},
                                      {"as_of", s.today().iso()},
                                      {"trainees", std::move(trainees)}});
}

// Whether to offer the leader's links (supervisors, choosing a supervisor): the policy decides,
// the page only hides links the reader could not follow (the regional office reads only).
bool can_manage(Services& s, const RequestContext& context, const std::string& number) {
    return context.session && app::decide(context.session->actor, app::Action::manage_municipality,
                                          app::municipality_resource(s.store, number),
                                          s.today()) == app::Decision::allow;
}

Response overview_page(Services& s, const Request& request, RequestContext& context) {
    const auto overview = load(s, request, context);
    const auto& t = s.catalogue;
    const std::string base = "/kommuner/" + overview.municipality.number + "/oversikt";
    // Only the known names go back into links, whatever the request carried.
    const std::string sort = sort_name(sort_of(query_value(request, "sorter")));
    const std::string filter = filter_name(filter_of(query_value(request, "filter")));
    const std::string query = "?sorter=" + sort + (filter.empty() ? "" : "&filter=" + filter);
    json::array rows;
    for (const auto& c : cells_of(overview, t)) {
        rows.push_back(json::object{{"id", c.id},
                                    {"name", c.name},
                                    {"post", c.post},
                                    {"pay", c.pay},
                                    {"supervisor", c.supervisor.empty() ? "–" : c.supervisor},
                                    {"counted", c.counted},
                                    {"required", c.required},
                                    {"percent", c.percent},
                                    {"bar_width", std::to_string(c.percent)},
                                    {"completion", c.completion},
                                    {"warning", c.warning},
                                    {"has_warning", c.has_warning}});
    }
    auto link = [&](const std::string& new_sort, const std::string& new_filter) {
        std::string url = base + "?sorter=" + (new_sort.empty() ? "navn" : new_sort);
        if (!new_filter.empty()) {
            url += "&filter=" + new_filter;
        }
        return url;
    };
    auto option = [&](const char* key, const std::string& url, bool current) {
        return json::object{{"label", t.text(key)}, {"url", url}, {"current", current}};
    };
    json::array sorts{
        option("overview.sort_name", link("navn", filter), sort == "navn"),
        option("overview.sort_progress", link("fremdrift", filter), sort == "fremdrift"),
        option("overview.sort_completion", link("ferdig", filter), sort == "ferdig")};
    json::array filters{
        option("overview.filter_all", link(sort, ""), filter.empty()),
        option("overview.filter_without_supervisor", link(sort, "uten-veileder"),
               filter == "uten-veileder"),
        option("overview.filter_warnings", link(sort, "varsler"), filter == "varsler")};
    json::object data{
        {"heading", t.format("overview.title", {{"name", overview.municipality.name}})},
        {"summary", t.format("overview.summary", {{"shown", overview.rows.size()},
                                                  {"total", overview.total},
                                                  {"date", s.today().norwegian()}})},
        {"rows", std::move(rows)},
        {"has_rows", !overview.rows.empty()},
        {"sorts", std::move(sorts)},
        {"filters", std::move(filters)},
        {"can_manage", can_manage(s, context, overview.municipality.number)},
        {"supervisors_url", "/kommuner/" + overview.municipality.number + "/veiledere"},
        {"general_plan_url", "/kommuner/" + overview.municipality.number + "/utdanningsplan"},
        {"csv_url", base + ".csv" + query},
        {"xlsx_url", base + ".xlsx" + query}};
    // The leader's own municipality: links to the forms (the regional office only reads).
    if (can_manage(s, context, overview.municipality.number)) {
        data["manage_base"] = "/kommuner/" + overview.municipality.number;
    }
    return page(s, request, context, "municipality_overview",
                t.format("overview.title", {{"name", overview.municipality.name}}),
                std::move(data));
}

}  // namespace

void register_municipality_routes(Router& router, Services& services) {
    Services* s = &services;
    const RouteAccess kView{app::Action::view_municipality, ResourceFrom::municipality_param};
    router.add(http::verb::get, "/kommuner/{number}/oversikt", kView,
               [s](const Request& r, RequestContext& c) { return overview_page(*s, r, c); });
    router.add(http::verb::get, "/kommuner/{number}/oversikt.csv", kView,
               [s](const Request& r, RequestContext& c) { return overview_csv(*s, r, c); });
    router.add(http::verb::get, "/kommuner/{number}/oversikt.xlsx", kView,
               [s](const Request& r, RequestContext& c) { return overview_xlsx(*s, r, c); });
    router.add(http::verb::get, "/api/v1/municipalities/{number}/trainees", kView,
               [s](const Request& r, RequestContext& c) { return overview_api(*s, r, c); });
}

}  // namespace alis::web
