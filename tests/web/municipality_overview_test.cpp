// Journey 1: the leader's overview of the doctors in training, with sorting, filtering and the
// same columns as CSV and Excel.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <map>
#include <string_view>

#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace alis::web {
namespace {

using testing::kTestPassword;
namespace client = testing::client;

using Table = std::vector<std::vector<std::string>>;

// The rows of a CSV download: BOM first, ';' between fields, every field quoted, CRLF line ends.
Table parse_csv(std::string_view text) {
    EXPECT_TRUE(text.starts_with("\xEF\xBB\xBF")) << "the BOM that tells Excel it is UTF-8";
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    Table rows;
    std::vector<std::string> row;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '"') {
            ADD_FAILURE() << "an unquoted CSV field at byte " << i;
            return rows;
        }
        std::string field;
        for (++i; i < text.size(); ++i) {
            if (text[i] == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    break;
                }
            } else {
                field += text[i];
            }
        }
        ++i;  // The closing quote.
        row.push_back(std::move(field));
        if (text.substr(i, 1) == ";") {
            ++i;
        } else if (text.substr(i, 2) == "\r\n") {
            i += 2;
            rows.push_back(std::move(row));
            row.clear();
        } else {
            ADD_FAILURE() << "no ';' or CRLF after a CSV field at byte " << i;
            return rows;
        }
    }
    EXPECT_TRUE(row.empty()) << "the last line ends with CRLF";
    return rows;
}

// XML text with its five entities and character references resolved.
std::string xml_text(std::string_view xml) {
    std::string out;
    for (std::size_t i = 0; i < xml.size(); ++i) {
        if (xml[i] != '&') {
            out += xml[i];
            continue;
        }
        const auto end = xml.find(';', i);
        const auto entity = xml.substr(i + 1, end - i - 1);
        static const std::map<std::string_view, char> named = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
        if (const auto it = named.find(entity); it != named.end()) {
            out += it->second;
        } else if (entity.starts_with("#")) {
            const bool hex = entity.starts_with("#x");
            const unsigned code =
                std::stoul(std::string(entity.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10);
            EXPECT_LT(code, 0x80u) << "only ASCII references are expected here";
            out += static_cast<char>(code);
        } else {
            ADD_FAILURE() << "unknown XML entity &" << entity << ";";
        }
        i = end;
    }
    return out;
}

// The concatenated text of every <t> element in `xml` (a shared string or an inline string).
std::string text_runs(std::string_view xml) {
    std::string out;
    for (std::size_t at = xml.find("<t"); at != std::string_view::npos; at = xml.find("<t", at)) {
        const auto open_end = xml.find('>', at);
        if (xml[at + 2] != '>' && xml[at + 2] != ' ') {  // <tag> that only starts with t.
            at = open_end;
            continue;
        }
        if (xml[open_end - 1] == '/') {  // <t/>
            at = open_end;
            continue;
        }
        const auto close = xml.find("</t>", open_end);
        out += xml_text(xml.substr(open_end + 1, close - open_end - 1));
        at = close;
    }
    return out;
}

// The value of attribute `name` in the start tag `tag`, or empty.
std::string attribute(std::string_view tag, const std::string& name) {
    const auto at = tag.find(" " + name + "=\"");
    if (at == std::string_view::npos) {
        return {};
    }
    const auto from = at + name.size() + 3;
    return std::string(tag.substr(from, tag.find('"', from) - from));
}

// The cells of the first worksheet of an .xlsx, read back with unzip: row by row, column by
// column, as text (shared strings resolved, missing cells empty).
Table read_xlsx(const std::string& bytes) {
    testing::TempDir dir;
    const auto file = (dir.path() / "export.xlsx").string();
    std::ofstream(file, std::ios::binary) << bytes;
    const auto unzip = [&](const char* member) {
        const auto result = testing::run_command({"/usr/bin/unzip", "-p", file, member});
        EXPECT_EQ(result.exit_code, 0) << "unzip " << member << ": " << result.err;
        return result.out;
    };
    std::vector<std::string> shared;
    const std::string strings = unzip("xl/sharedStrings.xml");
    for (auto at = strings.find("<si>"); at != std::string::npos; at = strings.find("<si>", at)) {
        const auto end = strings.find("</si>", at);
        shared.push_back(text_runs(std::string_view(strings).substr(at, end - at)));
        at = end;
    }
    Table rows;
    const std::string sheet = unzip("xl/worksheets/sheet1.xml");
    for (auto at = sheet.find("<c "); at != std::string::npos; at = sheet.find("<c ", at)) {
        const auto tag_end = sheet.find('>', at);
        const std::string_view tag = std::string_view(sheet).substr(at, tag_end - at + 1);
        const std::string ref = attribute(tag, "r");
        const auto digits = ref.find_first_of("0123456789");
        std::size_t column = 0;
        for (char letter : ref.substr(0, digits)) {
            column = column * 26 + static_cast<std::size_t>(letter - 'A' + 1);
        }
        const auto row = std::stoul(ref.substr(digits));
        std::string text;
        std::size_t next = tag_end;
        if (!tag.ends_with("/>")) {
            const auto close = sheet.find("</c>", tag_end);
            const std::string_view content =
                std::string_view(sheet).substr(tag_end + 1, close - tag_end - 1);
            const std::string type = attribute(tag, "t");
            const auto v = content.find("<v>");
            const auto value = v == std::string_view::npos
                                   ? std::string()
                                   : xml_text(content.substr(v + 3, content.find("</v>") - v - 3));
            if (type == "s") {
                const auto index = std::stoul(value);
                EXPECT_LT(index, shared.size()) << ref;
                text = index < shared.size() ? shared[index] : "";
            } else if (type == "inlineStr") {
                text = text_runs(content);
            } else {
                text = value;
            }
            next = close;
        }
        if (rows.size() < row) {
            rows.resize(row);
        }
        if (rows[row - 1].size() < column) {
            rows[row - 1].resize(column);
        }
        rows[row - 1][column - 1] = text;
        at = next;
    }
    return rows;
}

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
    EXPECT_NE(body.find("\"54,00 / 60,00\""), std::string::npos);
    EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 3) << "header and two rows";

    const auto xlsx = get("/kommuner/4601/oversikt.xlsx");
    ASSERT_EQ(xlsx.result(), http::status::ok);
    EXPECT_EQ(xlsx[http::field::content_type],
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(xlsx[http::field::content_disposition].find("alis-4601.xlsx"), std::string::npos);
}

// Every cell of the Excel download, read back from the workbook, is the text of the same field
// of the CSV download of the same list; the CSV alone puts a ' before formula-like text.
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
        const Table cells = read_xlsx(xlsx.body());
        ASSERT_GE(expected.size(), 2u) << "a header and at least one trainee";
        ASSERT_EQ(cells.size(), expected.size()) << "the same rows";
        for (std::size_t r = 0; r < expected.size(); ++r) {
            ASSERT_EQ(expected[r].size(), expected[0].size()) << "CSV row " << r;
            ASSERT_LE(cells[r].size(), expected[r].size()) << "no cells past the columns";
            for (std::size_t c = 0; c < expected[r].size(); ++c) {
                const std::string cell = c < cells[r].size() ? cells[r][c] : "";
                const std::string& field = expected[r][c];
                const bool defused =
                    !cell.empty() &&
                    std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
                EXPECT_EQ(defused ? "'" + cell : cell, field) << "row " << r << ", column " << c;
            }
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

}  // namespace
}  // namespace alis::web
