#include "web/pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace alis::web {

PdfMarkupError::PdfMarkupError(std::size_t line, const std::string& reason)
    : std::runtime_error("line " + std::to_string(line) + ": " + reason), line_(line) {}

namespace {

// A4 in PDF points (1/72 inch), with margins of 2 cm.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.693;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kFooterGap = 28;  // Between the last line of text and the foot of the page.
constexpr double kTextBottom = kPageHeight - kMargin - kFooterGap;
constexpr double kItemIndent = 14;
constexpr double kCellPadding = 4;
// A heading is not left alone at the foot of a page: this much room must follow it.
constexpr double kKeepWithNext = 48;
constexpr const char* kFontFamily = "DejaVu Sans";

enum class BlockKind { heading, subheading, paragraph, item, note, table, page_break };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::size_t line = 0;                        // Of the block's first line, from 1.
    std::string text;                            // Every kind but table and page_break.
    std::vector<std::vector<std::string>> rows;  // A table's cells, the header row first.
    std::vector<std::size_t> row_lines;          // Each row's line.
};

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string> table_cells(std::string_view row) {
    row = trim_blanks(row);
    row.remove_prefix(1);  // The leading '|'.
    if (!row.empty() && row.back() == '|') {
        row.remove_suffix(1);
    }
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = row.find('|', start);
        cells.emplace_back(trim_blanks(row.substr(start, bar - start)));
        if (bar == std::string_view::npos) {
            return cells;
        }
        start = bar + 1;
    }
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::vector<Block> parse_blocks(std::string_view markup) {
    std::vector<Block> blocks;
    bool open = false;  // The last block is a paragraph or table that the next line may continue.
    auto close = [&open] { open = false; };
    std::size_t number = 0;
    std::size_t start = 0;
    while (start <= markup.size()) {
        const std::size_t end = std::min(markup.find('\n', start), markup.size());
        const std::string_view line = trim_blanks(markup.substr(start, end - start));
        start = end + 1;
        ++number;
        if (line.empty()) {
            close();
        } else if (line == "---") {
            close();
            blocks.push_back({BlockKind::page_break, number, {}, {}, {}});
        } else if (starts_with(line, "## ")) {
            close();
            blocks.push_back({BlockKind::subheading, number, std::string(line.substr(3)), {}, {}});
        } else if (starts_with(line, "# ")) {
            close();
            blocks.push_back({BlockKind::heading, number, std::string(line.substr(2)), {}, {}});
        } else if (starts_with(line, "- ")) {
            close();
            blocks.push_back({BlockKind::item, number, std::string(line.substr(2)), {}, {}});
        } else if (starts_with(line, "> ")) {
            close();
            blocks.push_back({BlockKind::note, number, std::string(line.substr(2)), {}, {}});
        } else if (line.front() == '|') {
            if (!open || blocks.back().kind != BlockKind::table) {
                blocks.push_back({BlockKind::table, number, {}, {}, {}});
                open = true;
            }
            blocks.back().rows.push_back(table_cells(line));
            blocks.back().row_lines.push_back(number);
        } else if (open && blocks.back().kind == BlockKind::paragraph) {
            blocks.back().text += ' ';
            blocks.back().text += line;
        } else {
            blocks.push_back({BlockKind::paragraph, number, std::string(line), {}, {}});
            open = true;
        }
    }
    return blocks;
}

struct Style {
    double size = 10;  // Points.
    bool bold = false;
    bool italic = false;
    double grey = 0;  // 0 black, 1 white.
    double space_before = 0;
    double space_after = 6;
};

Style style_of(BlockKind kind) {
    switch (kind) {
        case BlockKind::heading:
            return {16, true, false, 0, 10, 8};
        case BlockKind::subheading:
            return {12, true, false, 0, 10, 4};
        case BlockKind::item:
            return {10, false, false, 0, 0, 3};
        case BlockKind::note:
            return {8.5, false, true, 0.35, 2, 6};
        case BlockKind::table:
            return {9, false, false, 0, 4, 10};
        case BlockKind::paragraph:
        case BlockKind::page_break:
            break;
    }
    return {};
}

struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
struct FontDescriptionFree {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

void check_markup(const std::string& text, std::size_t line) {
    GError* error = nullptr;
    if (!pango_parse_markup(text.c_str(), -1, 0, nullptr, nullptr, nullptr, &error)) {
        const std::string reason = error != nullptr ? error->message : "invalid markup";
        if (error != nullptr) {
            g_error_free(error);
        }
        throw PdfMarkupError(line, reason);
    }
}

// What is drawn on a page.
struct PlacedText {
    PangoLayout* layout = nullptr;
    double x = 0;
    double y = 0;
    double grey = 0;
};
struct PlacedBox {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    bool header = false;
};
struct Page {
    std::vector<PlacedText> texts;
    std::vector<PlacedBox> boxes;
};

// Lays blocks out on pages; owns every layout it makes.
class Typesetter {
  public:
    explicit Typesetter(cairo_t* cr) : context_(pango_cairo_create_context(cr)) {
        // One unit of a PDF surface is a point: sizes in points need 72 dots per inch.
        pango_cairo_context_set_resolution(context_.get(), 72);
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(context_.get(), options);
        cairo_font_options_destroy(options);
        pages_.emplace_back();
    }

    void add(const Block& block) {
        const Style style = style_of(block.kind);
        switch (block.kind) {
            case BlockKind::page_break:
                new_page();
                return;
            case BlockKind::table:
                add_table(block, style);
                return;
            default:
                break;
        }
        const double indent = block.kind == BlockKind::item ? kItemIndent : 0;
        PangoLayout* layout = make_layout(block.text, block.line, style, kContentWidth - indent);
        const double height = height_of(layout);
        const bool heading =
            block.kind == BlockKind::heading || block.kind == BlockKind::subheading;
        make_room(style.space_before + height + (heading ? kKeepWithNext : 0));
        if (y_ > kMargin) {
            y_ += style.space_before;
        }
        if (block.kind == BlockKind::item) {
            PangoLayout* bullet = make_layout("•", block.line, style, kItemIndent);
            place(bullet, kMargin, y_, style.grey);
        }
        place(layout, kMargin + indent, y_, style.grey);
        y_ += height + style.space_after;
    }

    std::vector<Page>& pages() { return pages_; }

    PangoLayout* make_layout(const std::string& markup, std::size_t line, const Style& style,
                             double width) {
        check_markup(markup, line);
        LayoutPtr layout(pango_layout_new(context_.get()));
        FontDescriptionPtr font(pango_font_description_new());
        pango_font_description_set_family(font.get(), kFontFamily);
        pango_font_description_set_size(font.get(),
                                        static_cast<int>(style.size * PANGO_SCALE + 0.5));
        pango_font_description_set_weight(font.get(),
                                          style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(font.get(),
                                         style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), pango_units_from_double(width));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_markup(layout.get(), markup.c_str(), -1);
        layouts_.push_back(std::move(layout));
        return layouts_.back().get();
    }

  private:
    static double height_of(PangoLayout* layout) {
        int width = 0;
        int height = 0;
        pango_layout_get_size(layout, &width, &height);
        return pango_units_to_double(height);
    }

    void new_page() {
        pages_.emplace_back();
        y_ = kMargin;
    }

    // Starts a new page unless `height` fits below y_ (or y_ is at the top already: a block
    // taller than a page is set from the top and runs over).
    void make_room(double height) {
        if (y_ > kMargin && y_ + height > kTextBottom) {
            new_page();
        }
    }

    void place(PangoLayout* layout, double x, double y, double grey) {
        pages_.back().texts.push_back({layout, x, y, grey});
    }

    struct Row {
        std::vector<PangoLayout*> cells;
        double height = 0;
    };

    Row make_row(const Block& block, std::size_t r, std::size_t columns, const Style& style) {
        Style cell_style = style;
        cell_style.bold = r == 0;
        const double width = kContentWidth / static_cast<double>(columns);
        Row row;
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string& text = c < block.rows[r].size() ? block.rows[r][c] : empty_;
            PangoLayout* cell =
                make_layout(text, block.row_lines[r], cell_style, width - 2 * kCellPadding);
            row.cells.push_back(cell);
            row.height = std::max(row.height, height_of(cell) + 2 * kCellPadding);
        }
        return row;
    }

    void place_row(const Row& row, bool header) {
        const double width = kContentWidth / static_cast<double>(row.cells.size());
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const double x = kMargin + width * static_cast<double>(c);
            pages_.back().boxes.push_back({x, y_, width, row.height, header});
            place(row.cells[c], x + kCellPadding, y_ + kCellPadding, 0);
        }
        y_ += row.height;
    }

    void add_table(const Block& block, const Style& style) {
        std::size_t columns = 1;
        for (const auto& cells : block.rows) {
            columns = std::max(columns, cells.size());
        }
        const Row header = make_row(block, 0, columns, style);
        std::vector<Row> body;
        for (std::size_t r = 1; r < block.rows.size(); ++r) {
            body.push_back(make_row(block, r, columns, style));
        }
        // The header and the first row stay together.
        make_room(style.space_before + header.height + (body.empty() ? 0 : body[0].height));
        if (y_ > kMargin) {
            y_ += style.space_before;
        }
        place_row(header, true);
        for (const Row& row : body) {
            if (y_ + row.height > kTextBottom) {
                new_page();
                place_row(header, true);  // The header again on each page the table runs to.
            }
            place_row(row, false);
        }
        y_ += style.space_after;
    }

    ContextPtr context_;
    std::vector<LayoutPtr> layouts_;
    std::vector<Page> pages_;
    double y_ = kMargin;
    const std::string empty_;
};

void draw_page(cairo_t* cr, const Page& page) {
    cairo_set_line_width(cr, 0.5);
    for (const PlacedBox& box : page.boxes) {
        cairo_rectangle(cr, box.x, box.y, box.width, box.height);
        if (box.header) {
            cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
            cairo_fill_preserve(cr);
        }
        cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
        cairo_stroke(cr);
    }
    for (const PlacedText& text : page.texts) {
        cairo_set_source_rgb(cr, text.grey, text.grey, text.grey);
        cairo_move_to(cr, text.x, text.y);
        pango_cairo_show_layout(cr, text.layout);
    }
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string escape_markup(std::string_view text) {
    char* escaped = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
    std::string out(escaped);
    g_free(escaped);
    return out;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

}  // namespace

std::string pdf_from_markup(const PdfInfo& info, std::string_view markup) {
    const std::vector<Block> blocks = parse_blocks(markup);
    std::string out;
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &out, kPageWidth, kPageHeight));
    const auto set = [&surface](cairo_pdf_metadata_t key, const std::string& value) {
        if (!value.empty()) {
            cairo_pdf_surface_set_metadata(surface.get(), key, value.c_str());
        }
    };
    set(CAIRO_PDF_METADATA_TITLE, info.title);
    set(CAIRO_PDF_METADATA_AUTHOR, info.author);
    set(CAIRO_PDF_METADATA_SUBJECT, info.subject);
    set(CAIRO_PDF_METADATA_KEYWORDS, info.keywords);
    set(CAIRO_PDF_METADATA_CREATOR, "alis");
    set(CAIRO_PDF_METADATA_CREATE_DATE, info.created);
    set(CAIRO_PDF_METADATA_MOD_DATE, info.created);
    std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));

    Typesetter typesetter(cr.get());
    for (const Block& block : blocks) {
        typesetter.add(block);
    }
    std::vector<Page>& pages = typesetter.pages();
    const Style footer_style{8, false, false, 0.35, 0, 0};
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::string label = info.page_label;
        replace_all(label, "{page}", std::to_string(p + 1));
        replace_all(label, "{pages}", std::to_string(pages.size()));
        const std::string footer = escape_markup(
            info.footer + (info.footer.empty() || label.empty() ? "" : "  ·  ") + label);
        if (!footer.empty()) {
            pages[p].texts.push_back(
                {typesetter.make_layout(footer, 0, footer_style, kContentWidth), kMargin,
                 kPageHeight - kMargin, footer_style.grey});
        }
        draw_page(cr.get(), pages[p]);
        cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    if (const cairo_status_t status = cairo_surface_status(surface.get());
        status != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(std::string("cannot write the PDF: ") +
                                 cairo_status_to_string(status));
    }
    surface.reset();
    return out;
}

}  // namespace alis::web
