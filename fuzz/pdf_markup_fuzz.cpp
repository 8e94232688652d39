// The block markup of the PDF documents (web/pdf.hpp): any text either becomes a PDF or is
// refused with a PdfMarkupError naming a line of the text. And a value that may enter alis
// (domain::check_input), filled into a template as a heading, a paragraph, a list item and a table
// cell (web/documents.hpp), is always plain text: the document always renders.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/document_template.hpp"
#include "domain/text.hpp"
#include "web/documents.hpp"
#include "web/pdf.hpp"

namespace {

std::size_t line_count(std::string_view text) {
    std::size_t lines = 1;
    for (const char c : text) {
        lines += c == '\n' ? 1 : 0;
    }
    return lines;
}

const alis::web::PdfInfo kInfo{"Tittel", "alis", "", "", "2026-11-22T10:00:00", "", "{page}"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 2048) {
        return 0;  // Documents are short; longer inputs only make each run slower.
    }
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        if (!alis::web::pdf_from_markup(kInfo, text).starts_with("%PDF-")) {
            std::abort();
        }
    } catch (const alis::web::PdfMarkupError& e) {
        if (e.line() == 0 || e.line() > line_count(text)) {
            std::abort();  // The error names a line of the text.
        }
    }
    if (alis::domain::check_input(text) != alis::domain::TextProblem::none) {
        return 0;
    }
    alis::domain::DocumentTemplate document;
    document.body = "# {{v}}\n\n{{v}}\n- {{v}}\n\n| a | b |\n| {{v}} | x |\n";
    const std::string markup = alis::web::document_markup(document, {{"v", text}});
    // Throws (and so fails the run) if the escaped value is not plain text.
    if (!alis::web::pdf_from_markup(kInfo, markup).starts_with("%PDF-")) {
        std::abort();
    }
    return 0;
}
