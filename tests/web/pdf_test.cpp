#include "web/pdf.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/pdfs.hpp"

namespace alis::web {
namespace pdf_test {

using alis::testing::pdf_fonts;
using alis::testing::pdf_info;
using alis::testing::pdf_text;

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

PdfInfo info() {
    return {"Tjenesteattest for Åse Ærlig Øvrebø",
            "Bjørnafjorden kommune",
            "Tjenesteattest",
            "alis",
            "2026-11-22T10:15:00",
            "Dokument 17",
            "Side {page} av {pages}"};
}

TEST(Pdf, KeepsNorwegianLettersMetadataAndEmbeddedFonts) {
    const std::string markup =
        "# Tjenesteattest\n"
        "\n"
        "Åse Ærlig Øvrebø har arbeidet ved\n"
        "Bjørnafjorden legesenter.\n"
        "\n"
        "- Fastlege, <b>100 %</b>\n"
        "- Legevakt, 20 %\n"
        "> Teksten er alis' egen.\n";
    const std::string pdf = pdf_from_markup(info(), markup);
    ASSERT_TRUE(pdf.starts_with("%PDF-"));
    const std::string text = pdf_text(pdf);
    EXPECT_NE(text.find("Tjenesteattest"), std::string::npos);
    // The two lines of the paragraph are one paragraph, so they may wrap anywhere but keep order.
    EXPECT_NE(text.find("Åse Ærlig Øvrebø har arbeidet ved Bjørnafjorden legesenter."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Fastlege, 100 %"), std::string::npos);
    EXPECT_NE(text.find("Teksten er alis' egen."), std::string::npos);
    // The footer: the document's text, then the page label (pdftotext may join the spaces).
    const auto footer = text.find("Dokument 17");
    ASSERT_NE(footer, std::string::npos) << text;
    EXPECT_EQ(text.find("Side 1 av 1", footer), text.find('\n', footer) - 11) << text;

    auto fields = pdf_info(pdf);
    EXPECT_EQ(fields["Title"], "Tjenesteattest for Åse Ærlig Øvrebø");
    EXPECT_EQ(fields["Author"], "Bjørnafjorden kommune");
    EXPECT_EQ(fields["Subject"], "Tjenesteattest");
    EXPECT_EQ(fields["Creator"], "alis");
    EXPECT_EQ(fields["Pages"], "1");
    EXPECT_NE(fields["Page size"].find("595.276 x 841.89 pts (A4)"), std::string::npos)
        << fields["Page size"];
    EXPECT_TRUE(fields["CreationDate"].starts_with("2026-11-22T10:15:00"))
        << fields["CreationDate"];

    const auto fonts = pdf_fonts(pdf);
    ASSERT_FALSE(fonts.empty());
    for (const auto& font : fonts) {
        EXPECT_TRUE(font.embedded) << font.name;
        EXPECT_NE(font.name.find("DejaVuSans"), std::string::npos) << font.name;
    }
    const auto png = alis::testing::save_first_page_png(pdf, "pdf-test-first-page");
    EXPECT_GT(std::filesystem::file_size(png), 1000u);
}

TEST(Pdf, RunsATableOverPagesWithItsHeaderOnEach) {
    std::string markup = "# Perioder\n\n| Periode | Arena | Stilling |\n";
    for (int i = 1; i <= 90; ++i) {
        markup += "| Periode " + std::to_string(i) + " | Åpen allmennpraksis | 100 % |\n";
    }
    markup += "\nEtter tabellen.\n---\nNy side.\n";
    const std::string pdf = pdf_from_markup(info(), markup);
    const int pages = std::stoi(pdf_info(pdf)["Pages"]);
    EXPECT_GE(pages, 4);  // The table over at least two pages, a page break, then "Ny side."
    const std::string text = pdf_text(pdf);
    // The header once on each page the table covers: every page but the last.
    EXPECT_EQ(count_of(text, "Stilling"), static_cast<std::size_t>(pages - 1)) << text;
    EXPECT_NE(text.find("Periode 90"), std::string::npos);
    // "Ny side." is alone on the last page, after the page break.
    const std::string last_page = text.substr(text.rfind('\f', text.size() - 2) + 1);
    EXPECT_NE(last_page.find("Ny side."), std::string::npos) << last_page;
    EXPECT_EQ(last_page.find("Etter tabellen."), std::string::npos) << last_page;
    EXPECT_NE(text.find("Side " + std::to_string(pages) + " av " + std::to_string(pages)),
              std::string::npos);
}

TEST(Pdf, EscapedValuesShowAsWrittenAndBrokenMarkupNamesItsLine) {
    const std::string pdf =
        pdf_from_markup(info(), "Arbeidsgiver: Bø &amp; Sønn &lt;AS&gt; &#39;sentrum&#39;\n");
    EXPECT_NE(pdf_text(pdf).find("Arbeidsgiver: Bø & Sønn <AS> 'sentrum'"), std::string::npos);

    try {
        pdf_from_markup(info(), "# Tittel\n\nEn <b>uavsluttet\nlinje\n\n| a | <i>b |\n");
        FAIL() << "no error";
    } catch (const PdfMarkupError& error) {
        EXPECT_EQ(error.line(), 3u) << error.what();
    }
    try {
        pdf_from_markup(info(), "# Tittel\n\n| a | b |\n| c | <i>d |\n");
        FAIL() << "no error";
    } catch (const PdfMarkupError& error) {
        EXPECT_EQ(error.line(), 4u) << error.what();
    }
}

}  // namespace pdf_test
}  // namespace alis::web
