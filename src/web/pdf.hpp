#pragma once

// A document as A4 pages of PDF, written by Cairo with the text laid out by Pango
// (docs/decisions.md, "PDF documents"): fonts embedded as subsets, the text extractable and
// searchable, æ, ø and å intact, the metadata (title, author, subject, date) in the file.
//
// The document comes as lines of a small block markup, which is what a document template
// (templates/documents/) becomes once its variables are filled in:
//
//   # text          a heading                   ## text   a subheading
//   - text          an item of a list            > text    a note: small and grey
//   | a | b | c |   a row of a table; the first row of a table is its header, repeated on each page
//   ---             a page break
//   (empty line)    ends a paragraph; other lines join the paragraph before them
//
// Text is Pango markup: <b>, <i> and the entities &amp; &lt; &gt; &quot; &#39;. Values filled in
// from data must be escaped, as mustache's {{value}} does.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace alis::web {

struct PdfInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    // The creation instant, "YYYY-MM-DDTHH:MM:SS" (local time) or with a zone ("...Z", "+01:00").
    std::string created;
    // Printed at the foot of every page (e.g. the document's id), then `page_label` with
    // "{page}" and "{pages}" replaced by the page's number and the count (the message catalogue's
    // "Side {page} av {pages}"); nothing where empty.
    std::string footer;
    std::string page_label;
};

// A line the markup cannot take: its number (from 1) and why, in English, for a log or a
// template's author.
class PdfMarkupError : public std::runtime_error {
  public:
    PdfMarkupError(std::size_t line, const std::string& reason);
    std::size_t line() const { return line_; }

  private:
    std::size_t line_;
};

// The document as PDF bytes. Throws PdfMarkupError for markup Pango cannot parse, and
// std::runtime_error when Cairo fails to write.
std::string pdf_from_markup(const PdfInfo& info, std::string_view markup);

}  // namespace alis::web
