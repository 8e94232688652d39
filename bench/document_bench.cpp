// How long a document takes to set as PDF (issue 17: a 5-page agreement under 50 ms). Run:
//   build/bench/alis_bench --benchmark_filter=Document --benchmark_repetitions=10
// and read the median of "DocumentFivePages". The markup is a document of headings, paragraphs,
// list items and a long table, which pdf_from_markup sets on five A4 pages.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>

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

}  // namespace
