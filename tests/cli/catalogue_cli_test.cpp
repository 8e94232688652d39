// `alis catalogue import` as an administrator runs it, on SQLite and PostgreSQL: a CSV or XLSX
// file laid out like Helsedirektoratet's becomes an edition with its objectives and an audit event;
// a bad file is refused whole with one line naming the row and the column and exit code 2; the same
// edition again is a no-op; the same name with other content is refused.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "support/postgres.hpp"
#include "support/process.hpp"
#include "web/spreadsheet.hpp"

namespace alis::cli {
namespace catalogue_cli_test {

using testing::CommandResult;
using testing::is_one_error_line;
using testing::run_alis;

const std::vector<std::string> kBackends = {"sqlite", "postgresql"};

constexpr const char* kGoodFile =
    "# Demo: omskrevne tekster\n"
    "Kode;Tittel;Beskrivelse;Læringsaktiviteter;Signeres av;Vurdering;Arenaer;Merknad\n"
    "ALM-055;Utredning i sykehus;Beskrivelse;Tjeneste i sykehus;supervisør;Observasjon;"
    "institusjon;x\n"
    "ALM-060;Legevakt;Beskrivelse;Vakter;Veileder;Drøfting;annen allmennlegetjeneste;\n";

// The CSV text (one header line after the comments, ';' between fields, no quotes) as the one
// worksheet of an Excel workbook, written by alis's own writer (libxlsxwriter).
std::string workbook_of(const std::string& csv) {
    web::Sheet sheet;
    sheet.name = "Læringsmål";
    std::size_t start = 0;
    while (start < csv.size()) {
        const auto end = csv.find('\n', start);
        const auto line = csv.substr(start, end - start);
        start = end + 1;
        if (line.starts_with('#')) {
            continue;
        }
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (auto cut = line.find(';');; cut = line.find(';', from)) {
            fields.push_back(line.substr(from, cut - from));
            if (cut == std::string::npos) {
                break;
            }
            from = cut + 1;
        }
        if (sheet.headers.empty()) {
            sheet.headers = fields;
        } else {
            sheet.rows.emplace_back(fields.begin(), fields.end());
        }
    }
    return web::xlsx_bytes(sheet);
}

class CatalogueCli : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        url_ = database_.url();
        store::open_database(url_, 1)->migrate();
    }

    std::string write_file(const std::string& text) {
        const auto path = database_.dir().path() / ("file" + std::to_string(++files_) + ".csv");
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }

    CommandResult import(const std::string& file, const char* edition = "alm-2025",
                         const char* valid_from = "2025-01-01", const char* catalogue = "ALM") {
        return run_alis({"catalogue", "import", "--db", url_, "--catalogue", catalogue, "--edition",
                         edition, "--valid-from", valid_from, file});
    }

    std::size_t editions() {
        return store::open_database(url_, 1)->read(
            [](const store::Snapshot& s) { return s.learning_objectives().editions().size(); });
    }

    testing::TestDatabase database_{GetParam()};
    std::string url_;
    int files_ = 0;
};

TEST_P(CatalogueCli, ImportsAnEditionWithItsObjectivesAndAnAuditEvent) {
    const auto result = import(write_file(kGoodFile));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("2 læringsmål importert"), std::string::npos) << result.err;
    const auto db = store::open_database(url_, 1);
    const auto edition = db->read([](const store::Snapshot& s) {
        return s.learning_objectives().find_edition(domain::Catalogue::alm, "alm-2025");
    });
    ASSERT_TRUE(edition);
    EXPECT_FALSE(edition->demo) << "an imported file is the administrator's, not a demo";
    EXPECT_EQ(edition->valid_from, *domain::Date::parse_iso("2025-01-01"));
    EXPECT_EQ(edition->imported_by, "cli");
    const auto objectives = db->read([&](const store::Snapshot& s) {
        return s.learning_objectives().objectives_of(edition->id);
    });
    ASSERT_EQ(objectives.size(), 2u);
    EXPECT_EQ(objectives[0].code, "ALM-055");
    EXPECT_EQ(objectives[0].arenas, std::vector<domain::Arena>{domain::Arena::institution});
    EXPECT_EQ(objectives[1].signed_by, domain::SignedBy::supervisor);
    const auto verification = db->read([](const store::Snapshot& s) { return s.audit().verify(); });
    EXPECT_TRUE(verification.ok);
    const auto head =
        db->read([&](const store::Snapshot& s) { return s.audit().find(verification.head_id); });
    ASSERT_TRUE(head);
    EXPECT_EQ(head->action, "catalogue.imported");
    EXPECT_EQ(head->target, "catalogue ALM alm-2025");
}

TEST_P(CatalogueCli, TheSameEditionAgainIsANoOpAndOtherContentUnderItsNameIsRefused) {
    const auto file = write_file(kGoodFile);
    ASSERT_EQ(import(file).exit_code, 0);
    const auto again = import(file);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.err.find("allerede importert"), std::string::npos) << again.err;
    EXPECT_EQ(editions(), 1u);
    std::string changed = kGoodFile;
    changed.replace(changed.find("Legevakt"), 8, "Legevakten");
    const auto other = import(write_file(changed));
    EXPECT_EQ(other.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(other)) << other.err;
    EXPECT_NE(other.err.find("nytt navn"), std::string::npos) << other.err;
    const auto later = import(file, "alm-2025", "2025-02-01");
    EXPECT_EQ(later.exit_code, 2) << "another valid-from under the same name";
    EXPECT_EQ(editions(), 1u);
}

TEST_P(CatalogueCli, ABadFileIsRefusedWholeNamingTheRowAndTheColumn) {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases{
        {std::string(kGoodFile) + "ALM-061;Tittel;B;A;leder;V;\n",
         "rad 5, kolonne «Signeres av»: «leder» er verken"},
        {std::string(kGoodFile) + "ALM-055;Igjen;B;A;veileder;V;\n",
         "rad 5, kolonne «Kode»: koden «ALM-055» står tidligere"},
        {"Kode;Tittel\nALM-001;T\n", "rad 1, kolonne «Beskrivelse»: kolonnen mangler"},
        {"# bare en kommentar\n", "hele filen: filen har ingen læringsmål"},
    };
    for (const auto& c : cases) {
        const auto result = import(write_file(c.text));
        EXPECT_EQ(result.exit_code, 2) << c.expected;
        EXPECT_TRUE(is_one_error_line(result)) << result.err;
        EXPECT_NE(result.err.find(c.expected), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("ingenting er lagret"), std::string::npos) << result.err;
    }
    EXPECT_EQ(editions(), 0u) << "nothing of a refused file is stored";
}

TEST_P(CatalogueCli, AnExcelWorkbookIsReadAsItsCsvFileIsAndItsErrorsNameTheSheetsRows) {
    const auto workbook = write_file(workbook_of(kGoodFile));
    const auto result = import(workbook);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("2 læringsmål importert"), std::string::npos) << result.err;
    // The CSV file of the same content is the same edition: every field arrived as it was.
    const auto csv = import(write_file(kGoodFile));
    EXPECT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_NE(csv.err.find("allerede importert"), std::string::npos) << csv.err;
    EXPECT_EQ(editions(), 1u);
    // Row 4 of the sheet (the header is row 1), whatever the CSV line would have been.
    const auto bad =
        import(write_file(workbook_of(std::string(kGoodFile) + "ALM-061;Tittel;B;A;leder;V;\n")),
               "alm-2026");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(bad)) << bad.err;
    EXPECT_NE(bad.err.find("rad 4, kolonne «Signeres av»: «leder» er verken"), std::string::npos)
        << bad.err;
    EXPECT_EQ(editions(), 1u) << "nothing of the refused workbook is stored";
}

TEST_P(CatalogueCli, BadOptionsAndABrokenExcelFileAreOneLineWithExitCode2) {
    const auto file = write_file(kGoodFile);
    for (const auto& [result, expected] : std::vector<std::pair<CommandResult, std::string>>{
             {import(file, "alm-2025", "1.1.2025"), "--valid-from"},
             {import(file, "alm 2025"), "--edition"},
             {import(file, "alm-2025", "2025-01-01", "XYZ"), "--catalogue"},
             {import(file, "fkm-2025", "2025-01-01", "FKM"), "ingen kode i FKM"},
             {import(write_file(std::string("PK\x03\x04", 4) + "rest")),
              "kan ikke leses som Excel-arbeidsbok: filen er ikke en hel .xlsx-fil"},
         }) {
        EXPECT_EQ(result.exit_code, 2) << expected;
        EXPECT_TRUE(is_one_error_line(result)) << result.err;
        EXPECT_NE(result.err.find(expected), std::string::npos) << result.err;
    }
    EXPECT_EQ(editions(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogueCli, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

}  // namespace catalogue_cli_test
}  // namespace alis::cli
