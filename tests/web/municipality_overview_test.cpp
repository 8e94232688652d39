// Journey 1: the leader's overview of the doctors in training, with sorting, filtering and the
// same columns as CSV and Excel.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string_view>

#include "domain/date.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/process.hpp"
#include "support/spreadsheets.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace municipality_overview_test {

using testing::kTestPassword;
namespace client = testing::client;

using testing::parse_csv;
using testing::read_xlsx;
using testing::Table;

class MunicipalityOverview : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& db = server.database();
        testing::add_municipality(db, "4601", "Bergen", "Bergen");
        testing::add_municipality(db, "4621", "Voss", "Bergen");
        early = testing::add_trainee(db, "Berit Tidlig", "4601", "2021-01-01");
        late = testing::add_trainee(db, "Anders Sen", "4601", "2025-01-01");
        testing::add_trainee(db, "Vera Voss", "4621", "2021-01-01");
        testing::add_trainee(db, "Tidligere Ansatt", "4601", "2020-01-01", "2024-12-31");
        const auto supervisor = testing::add_trainee(db, "Veileder", "4621");
        testing::assign_supervisor(db, supervisor, early);
        // Berit has a plan, but it holds no institution service.
        testing::add_education_plan(
            db, early, "2026-06-01",
            {{domain::Arena::open_general_practice, "Legekontoret", "2021-01-01", "2027-12-31"}});
        testing::add_account(server.app(), "leder@bergen.no", domain::Role::leader, "4601");
        session = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    }

    client::Response get(const std::string& path) {
        return client::get(server.port(), path, session.headers());
    }

    testing::TestServer server;
    testing::client::SignedIn session;
    std::int64_t early = 0;
    std::int64_t late = 0;
};

TEST_F(MunicipalityOverview, ListsTheTraineesEmployedTodayWithProgressAndWarnings) {
    const auto r = get("/api/v1/municipalities/4601/trainees");
    ASSERT_EQ(r.result(), http::status::ok);
    const auto doc = boost::json::parse(r.body());
    const auto& trainees = doc.at("trainees").as_array();
    ASSERT_EQ(trainees.size(), 2u) << "Voss's trainee and the one who left are not listed";
    // Sorted by name by default.
    EXPECT_EQ(trainees[0].at("name").as_string(), "Anders Sen");
    EXPECT_EQ(trainees[1].at("name").as_string(), "Berit Tidlig");
    EXPECT_EQ(trainees[0].at("warning").as_string(), "no_supervisor");
    EXPECT_EQ(trainees[1].at("warning").as_string(), "institution_not_planned");
    EXPECT_EQ(trainees[1].at("supervisors").as_array().size(), 1u);
    EXPECT_EQ(trainees[0].at("required_months").to_number<double>(), 60.0);
    // Berit: 2021-01-01..2026-11-22 at 100 % is 70.7 calendar months; the total caps at 54
    // months of GP list practice.
    EXPECT_EQ(trainees[1].at("counted_months").to_number<double>(), 54.0);
}

TEST_F(MunicipalityOverview, SortsAndFiltersOnTheServer) {
    auto names = [&](const std::string& query) {
        const auto doc =
            boost::json::parse(get("/api/v1/municipalities/4601/trainees" + query).body());
        std::vector<std::string> result;
        for (const auto& t : doc.at("trainees").as_array()) {
            result.emplace_back(t.at("name").as_string());
        }
        return result;
    };
    EXPECT_EQ(names("?sorter=fremdrift"), (std::vector<std::string>{"Berit Tidlig", "Anders Sen"}));
    EXPECT_EQ(names("?filter=uten-veileder"), (std::vector<std::string>{"Anders Sen"}));
    EXPECT_EQ(names("?filter=varsler").size(), 2u);
    EXPECT_EQ(names("?sorter=tull&filter=tull").size(), 2u) << "unknown values fall back";
    const auto page = get("/kommuner/4601/oversikt?sorter=fremdrift&filter=uten-veileder");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_NE(page.body().find("Mangler veileder"), std::string::npos);
    EXPECT_EQ(page.body().find("Berit Tidlig"), std::string::npos);
    EXPECT_NE(page.body().find("oversikt.csv?sorter=fremdrift&amp;filter=uten-veileder"),
              std::string::npos);
}

TEST_F(MunicipalityOverview, CsvAndExcelCarryTheSameColumns) {
    const auto csv = get("/kommuner/4601/oversikt.csv");
    ASSERT_EQ(csv.result(), http::status::ok);
    EXPECT_EQ(csv[http::field::content_type], "text/csv; charset=utf-8");
    EXPECT_NE(csv[http::field::content_disposition].find("alis-4601.csv"), std::string::npos);
    const std::string& body = csv.body();
    EXPECT_NE(body.find("\"Navn\";\"HPR-nummer\";\"Stilling\""), std::string::npos);
    EXPECT_NE(body.find("\"Berit Tidlig\""), std::string::npos);
    EXPECT_NE(body.find("\"Tellende måneder\";\"Kreves (måneder)\""), std::string::npos);
    EXPECT_NE(body.find("\"54,00\";\"60,00\""), std::string::npos) << body;
    EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 3) << "header and two rows";

    const auto xlsx = get("/kommuner/4601/oversikt.xlsx");
    ASSERT_EQ(xlsx.result(), http::status::ok);
    EXPECT_EQ(xlsx[http::field::content_type],
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(xlsx[http::field::content_disposition].find("alis-4601.xlsx"), std::string::npos);
}

// A number cell of a workbook as the CSV writes it: a date (its format has a year) as dd.mm.yyyy,
// another number with as many decimals as its format shows, with a decimal comma.
std::string as_csv_text(const testing::XlsxCell& cell) {
    const double value = std::stod(cell.text);
    if (cell.format.find("yy") != std::string::npos) {
        return testing::excel_serial_norwegian(value);
    }
    const auto point = cell.format.find('.');
    const int decimals =
        point == std::string::npos ? 0 : static_cast<int>(cell.format.size() - point - 1);
    std::string text(64, '\0');
    text.resize(
        static_cast<std::size_t>(std::snprintf(text.data(), text.size(), "%.*f", decimals, value)));
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

// Every cell of the Excel download, read back from the workbook, is the same field of the CSV
// download of the same list: text as text (the CSV alone puts a ' before formula-like text),
// numbers and dates as typed cells whose value and format give the CSV's text.
TEST_F(MunicipalityOverview, ExcelCellsAreTheCsvFieldsOfTheSameList) {
    testing::add_trainee(server.database(), "=HYPERLINK(\"http://x\")", "4601", "2023-05-01");
    testing::add_trainee(server.database(), "Åse \"Ærlig\" Øvrebø & <Co>; AS", "4601",
                         "2022-03-01");
    testing::add_trainee(server.database(), "-Minus Pluss", "4601", "2024-08-01");
    for (const std::string query :
         {"", "?sorter=navn", "?sorter=fremdrift", "?sorter=ferdig&filter=uten-veileder"}) {
        SCOPED_TRACE(query);
        const auto csv = get("/kommuner/4601/oversikt.csv" + query);
        const auto xlsx = get("/kommuner/4601/oversikt.xlsx" + query);
        ASSERT_EQ(csv.result(), http::status::ok);
        ASSERT_EQ(xlsx.result(), http::status::ok);
        const Table expected = parse_csv(csv.body());
        const auto cells = testing::read_xlsx_cells(xlsx.body());
        ASSERT_GE(expected.size(), 2u) << "a header and at least one trainee";
        ASSERT_EQ(cells.size(), expected.size()) << "the same rows";
        for (std::size_t r = 0; r < expected.size(); ++r) {
            ASSERT_EQ(expected[r].size(), expected[0].size()) << "CSV row " << r;
            ASSERT_LE(cells[r].size(), expected[r].size()) << "no cells past the columns";
            for (std::size_t c = 0; c < expected[r].size(); ++c) {
                const testing::XlsxCell cell =
                    c < cells[r].size() ? cells[r][c] : testing::XlsxCell{};
                const std::string& field = expected[r][c];
                if (cell.number) {
                    EXPECT_EQ(as_csv_text(cell), field) << "row " << r << ", column " << c;
                    continue;
                }
                const bool defused =
                    !cell.text.empty() &&
                    std::string_view("=+-@\t\r").find(cell.text.front()) != std::string_view::npos;
                EXPECT_EQ(defused ? "'" + cell.text : cell.text, field)
                    << "row " << r << ", column " << c;
            }
        }
    }
}

// The months are numbers and the completion a date in the workbook, so that a leader can sum and
// sort them; names and the HPR number stay text.
TEST_F(MunicipalityOverview, ExcelHoldsMonthsAsNumbersAndTheCompletionAsADate) {
    const auto cells =
        testing::read_xlsx_cells(get("/kommuner/4601/oversikt.xlsx?sorter=navn").body());
    ASSERT_EQ(cells.size(), 3u) << "a header and two rows";
    ASSERT_GE(cells[0].size(), 8u);
    EXPECT_EQ(cells[0][5].text, "Tellende måneder");
    EXPECT_EQ(cells[0][6].text, "Kreves (måneder)");
    EXPECT_EQ(cells[0][7].text, "Forventet ferdig");
    for (std::size_t r = 1; r < cells.size(); ++r) {
        SCOPED_TRACE(r);
        ASSERT_GE(cells[r].size(), 8u);
        EXPECT_FALSE(cells[r][0].number) << "the name is text";
        EXPECT_TRUE(cells[r][5].number) << cells[r][5].text;
        EXPECT_EQ(cells[r][5].format, "#,##0.00");
        EXPECT_TRUE(cells[r][6].number) << cells[r][6].text;
        EXPECT_DOUBLE_EQ(std::stod(cells[r][6].text), 60.0);
    }
    // Each row's months and completion are those of the JSON list: a date where one is projected.
    const auto doc = boost::json::parse(get("/api/v1/municipalities/4601/trainees").body());
    for (const auto& t : doc.at("trainees").as_array()) {
        const std::string name(t.at("name").as_string());
        SCOPED_TRACE(name);
        const auto row = std::find_if(cells.begin() + 1, cells.end(),
                                      [&](const auto& r) { return r[0].text == name; });
        ASSERT_NE(row, cells.end());
        EXPECT_DOUBLE_EQ(std::stod((*row)[5].text), t.at("counted_months").to_number<double>());
        const auto& completion = t.at("projected_completion");
        EXPECT_EQ((*row)[7].number, completion.is_string());
        if (completion.is_string()) {
            EXPECT_EQ((*row)[7].format, "dd.mm.yyyy");
            const auto date = domain::Date::parse_iso(completion.as_string());
            ASSERT_TRUE(date.has_value());
            EXPECT_EQ(testing::excel_serial_norwegian(std::stod((*row)[7].text)),
                      date->norwegian());
        }
    }
}

TEST_F(MunicipalityOverview, FormulaLikeNamesAreDefusedInCsv) {
    testing::add_trainee(server.database(), "=HYPERLINK(\"http://x\")", "4601");
    const auto body = get("/kommuner/4601/oversikt.csv").body();
    EXPECT_NE(body.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << body;
}

TEST_F(MunicipalityOverview, AListReadIsAuditedOncePerPersonPerWindow) {
    auto reads_of = [&](std::int64_t person) {
        int n = 0;
        for (const auto& e : server.database().read(
                 [&](const store::Snapshot& s) { return s.audit().events_about(person, 100); })) {
            n += e.action == "person.read" ? 1 : 0;
        }
        return n;
    };
    ASSERT_EQ(get("/kommuner/4601/oversikt").result(), http::status::ok);
    EXPECT_EQ(reads_of(early), 1);
    EXPECT_EQ(reads_of(late), 1);
    // Re-sorting and downloading within the window: the trail already says the leader saw them.
    ASSERT_EQ(get("/kommuner/4601/oversikt?sorter=fremdrift").result(), http::status::ok);
    ASSERT_EQ(get("/kommuner/4601/oversikt.csv").result(), http::status::ok);
    EXPECT_EQ(reads_of(early), 1);
    // Another account sees them: audited for that account.
    testing::add_account(server.app(), "leder2@bergen.no", domain::Role::leader, "4601");
    const auto other = *client::login(server.port(), "leder2@bergen.no", kTestPassword);
    ASSERT_EQ(client::get(server.port(), "/kommuner/4601/oversikt", other.headers()).result(),
              http::status::ok);
    EXPECT_EQ(reads_of(early), 2);
    // After the window, the same list is audited again.
    server.advance_clock(ListReadWindow::kListReadWindowSeconds);
    session = *client::login(server.port(), "leder@bergen.no", kTestPassword);
    ASSERT_EQ(get("/kommuner/4601/oversikt").result(), http::status::ok);
    EXPECT_EQ(reads_of(early), 3);
    EXPECT_EQ(reads_of(late), 3);  // Once by each leader, then again after the window.
}

TEST_F(MunicipalityOverview, ProjectedCompletionFollowsTheIndividualPlan) {
    auto completion_of = [&](const char* name) {
        const auto doc = boost::json::parse(get("/api/v1/municipalities/4601/trainees").body());
        for (const auto& t : doc.at("trainees").as_array()) {
            if (t.at("name").as_string() == name) {
                return t.at("projected_completion");
            }
        }
        ADD_FAILURE() << name << " missing";
        return boost::json::value{};
    };
    // Berit's plan holds no institution service: the plan never reaches completion.
    EXPECT_TRUE(completion_of("Berit Tidlig").is_null());
    EXPECT_NE(get("/kommuner/4601/oversikt").body().find("Ikke innen planen"), std::string::npos);
    // A revision plans six months at the hospital from 2027: her projected completion is the
    // plan's, though her service periods do not change. 54 of 60 months are counted on
    // 2026-11-22 (GP list capped); the hospital's six months complete the 60 and the
    // institution requirement on 2027-06-30.
    testing::add_education_plan(
        server.database(), early, "2026-11-20",
        {{domain::Arena::institution, "Haukeland", "2027-01-01", "2027-06-30"}});
    const auto completion = completion_of("Berit Tidlig");
    ASSERT_TRUE(completion.is_string()) << completion;
    EXPECT_EQ(completion.as_string(), "2027-06-30");
    EXPECT_NE(get("/kommuner/4601/oversikt").body().find("30.06.2027"), std::string::npos);
}

TEST_F(MunicipalityOverview, AChangeShowsAtOnceInEverySortAndFormat) {
    // Read every form once, so each is cached.
    const std::vector<std::string> paths = {
        "/kommuner/4601/oversikt", "/kommuner/4601/oversikt?sorter=ferdig",
        "/kommuner/4601/oversikt.csv", "/api/v1/municipalities/4601/trainees"};
    for (const auto& path : paths) {
        ASSERT_EQ(get(path).result(), http::status::ok) << path;
        EXPECT_EQ(get(path).body().find("Nils Ny"), std::string::npos) << path;
    }
    // A write through another Database object on the same database: another process (the CLI, a
    // second server) that this server's caches cannot hear about directly.
    auto other = store::open_database(server.database_url(), 1);
    testing::add_trainee(*other, "Nils Ny", "4601", "2026-01-01");
    for (const auto& path : paths) {
        EXPECT_NE(get(path).body().find("Nils Ny"), std::string::npos) << path;
    }
    // A change of a row already listed shows as well: Anders gets a supervisor.
    const auto supervisor = testing::add_trainee(*other, "Siri Veileder", "4621");
    testing::assign_supervisor(*other, supervisor, late);
    const auto doc = boost::json::parse(get("/api/v1/municipalities/4601/trainees").body());
    for (const auto& t : doc.at("trainees").as_array()) {
        if (t.at("name").as_string() == "Anders Sen") {
            EXPECT_EQ(t.at("supervisors").as_array().size(), 1u);
        }
    }
}

TEST_F(MunicipalityOverview, TheRegionalOfficeNeverGetsTheLeadersCachedPage) {
    // The leader's page (with the links to the forms) is computed and cached first.
    const auto leader_page = get("/kommuner/4601/oversikt");
    ASSERT_EQ(leader_page.result(), http::status::ok);
    ASSERT_NE(leader_page.body().find("/kommuner/4601/leger/ny"), std::string::npos);
    testing::add_account(server.app(), "kontor@alis.no", domain::Role::regional_office,
                         std::nullopt, "Bergen");
    const auto office = *client::login(server.port(), "kontor@alis.no", kTestPassword);
    const auto office_page =
        client::get(server.port(), "/kommuner/4601/oversikt", office.headers());
    ASSERT_EQ(office_page.result(), http::status::ok);
    EXPECT_NE(office_page.body().find("Berit Tidlig"), std::string::npos);
    EXPECT_EQ(office_page.body().find("/kommuner/4601/leger/ny"), std::string::npos);
    EXPECT_EQ(office_page.body().find("/veileder\""), std::string::npos)
        << "no links to assign a supervisor";
    // The signed-in bar is the reader's own, not the one of whoever filled the cache.
    EXPECT_EQ(office_page.body().find(session.csrf_token), std::string::npos);
}

TEST_F(MunicipalityOverview, UnknownMunicipalityIs404) {
    EXPECT_EQ(get("/kommuner/9999/oversikt").result(), http::status::not_found);
}

}  // namespace municipality_overview_test
}  // namespace alis::web
