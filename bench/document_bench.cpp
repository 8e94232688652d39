// How long a document takes to set as PDF (issue 17: a 5-page agreement under 50 ms), and to
// check a signed one (under 5 ms). Run:
//   build/bench/alis_bench --benchmark_filter=Document --benchmark_repetitions=10
// and read the median of "DocumentFivePages". The markup is a document of headings, paragraphs,
// list items and a long table, which pdf_from_markup sets on five A4 pages.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "app/application.hpp"
#include "app/hashing.hpp"
#include "app/signed_documents.hpp"
#include "store/database.hpp"
#include "web/pdf.hpp"

namespace {

std::string five_pages() {
    std::string markup;
    for (int section = 1; section <= 10; ++section) {
        markup += "# " + std::to_string(section) + ". Tilrettelegging og vilkår\n\n";
        for (int p = 0; p < 3; ++p) {
            markup +=
                "Kommunen legger til rette for at legen i spesialisering får <b>veiledning</b>, "
                "deltar i veiledningsgruppe og på kurs, og gjennomfører tjeneste i institusjon "
                "etter den individuelle utdanningsplanen. Permisjon etter avtale og lov.\n\n";
        }
        markup += "- Veiledning i gjennomsnitt fire timer i måneden\n- Veiledningsgruppe\n\n";
        markup += "| Periode | Arena | Sted | Stilling |\n";
        for (int r = 0; r < 4; ++r) {
            markup +=
                "| 01.01.2026–31.12.2026 | Åpen allmennpraksis | Sentrum legekontor | 100 % |\n";
        }
        markup += "\n";
    }
    return markup;
}

void BM_DocumentFivePages(benchmark::State& state) {
    const std::string markup = five_pages();
    const alis::web::PdfInfo info{
        "ALIS-avtale",         "Bergen kommune", "ALIS-avtale",           "",
        "2026-11-22T10:00:00", "Dokument 1",     "Side {page} av {pages}"};
    std::string pdf;
    for (auto _ : state) {
        pdf = alis::web::pdf_from_markup(info, markup);
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["bytes"] = static_cast<double>(pdf.size());
    // Each page is one "/Type /Page" object; the page tree is "/Type /Pages".
    const auto count = [&pdf](std::string_view what) {
        double n = 0;
        for (auto at = pdf.find(what); at != std::string::npos; at = pdf.find(what, at + 1)) {
            ++n;
        }
        return n;
    };
    state.counters["pages"] = count("/Type /Page") - count("/Type /Pages");
}
BENCHMARK(BM_DocumentFivePages)->Unit(benchmark::kMillisecond);

// `alis document verify`'s check (issue 17: under 5 ms): the SHA-256 of a signed agreement's PDF
// of five pages and its look-up among the frozen PDFs of a SQLite installation holding 200 signed
// documents. Read the median of "DocumentVerify".
void BM_DocumentVerify(benchmark::State& state) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("alis-verify-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string url = "sqlite:" + (dir / "alis.db").string();
    auto app = alis::app::Application::open(url, alis::app::system_clock(), 1);
    app->migrate();
    const alis::web::PdfInfo info{"ALIS-avtale",           "Bergen kommune",      "ALIS-avtale",
                                  "alis-document-1",       "2026-11-22T10:00:00", "Dokument 1",
                                  "Side {page} av {pages}"};
    std::string pdf;
    app->database().write([&](alis::store::UnitOfWork& w) {
        alis::domain::Municipality m;
        m.number = "4601";
        m.name = "Bergen";
        m.county = "Vestland";
        m.centrality_class = 2;
        m.alis_office = "Bergen";
        w.municipalities().put(m);
        alis::domain::Person p;
        p.full_name = "Åse Ås";
        const auto person = w.people().add(p);
        alis::domain::Employment e;
        e.person_id = person;
        e.municipality_number = "4601";
        e.starts_on = *alis::domain::Date::parse_iso("2025-01-01");
        e.id = w.people().add_employment(e);
        alis::domain::Account account;
        account.email = "leder@bergen.no";
        account.display_name = "Leder";
        account.password_hash = "x";
        account.id = w.identity().add_account(account);
        for (int i = 0; i < 200; ++i) {
            alis::domain::Agreement a;
            a.employment_id = e.id;
            a.template_version = "Helsedirektoratet 2023";
            a.covers_from = e.starts_on;
            a.recorded_at = "2026-11-22T10:00:00Z";
            a.recorded_by = "Leder";
            alis::domain::SignedDocument d;
            d.agreement_id = w.grants().add_agreement(a);
            d.title = "ALIS-avtale";
            d.template_version = "2026-12-01";
            d.content = five_pages() + std::to_string(i);
            d.content_sha256 = alis::app::sha256_hex(d.content);
            d.created_at = "2026-11-22T10:00:00Z";
            d.created_by = "Leder";
            d.id = w.documents().add(d);
            const auto bytes = alis::web::pdf_from_markup(info, d.content);
            w.documents().freeze(d.id, alis::app::to_base64(bytes), alis::app::sha256_hex(bytes),
                                 "2026-11-22T11:00:00Z");
            if (i == 100) {
                pdf = bytes;
            }
        }
        return 0;
    });
    for (auto _ : state) {
        const auto check = alis::app::check_document(*app, pdf);
        if (check.outcome != alis::app::DocumentCheck::Outcome::signed_version) {
            state.SkipWithError("the signed PDF was not found");
            break;
        }
        benchmark::DoNotOptimize(check.sha256.data());
    }
    state.counters["bytes"] = static_cast<double>(pdf.size());
    app.reset();
    std::filesystem::remove_all(dir);
}
BENCHMARK(BM_DocumentVerify)->Unit(benchmark::kMillisecond);

}  // namespace
