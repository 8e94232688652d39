#pragma once

// Reads back a PDF that alis wrote, with poppler-utils (installed by scripts/install-deps test):
// its text, its metadata, its fonts, and page 1 as a PNG kept in test-output/pdf/.

#include <map>
#include <string>
#include <vector>

namespace alis::testing {

// The text of every page (pdftotext -layout), pages separated by form feeds.
std::string pdf_text(const std::string& pdf);

// pdfinfo's fields ("Title", "Author", "Pages", "Page size", "CreationDate", ...).
std::map<std::string, std::string> pdf_info(const std::string& pdf);

struct PdfFont {
    std::string name;
    bool embedded = false;
};
// pdffonts' list.
std::vector<PdfFont> pdf_fonts(const std::string& pdf);

// Renders page 1 to test-output/pdf/<name>.png (pdftoppm) and returns the PNG's path.
std::string save_first_page_png(const std::string& pdf, const std::string& name);

}  // namespace alis::testing
