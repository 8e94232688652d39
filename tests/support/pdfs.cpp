#include "support/pdfs.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::testing {
namespace {

// Runs a poppler tool on the PDF (written to a temp file) and returns its standard output.
std::string run_on(const std::string& pdf, std::vector<std::string> argv) {
    TempDir dir;
    const auto file = dir.path() / "document.pdf";
    std::ofstream(file, std::ios::binary) << pdf;
    for (auto& arg : argv) {
        if (arg == "{file}") {
            arg = file.string();
        }
    }
    const CommandResult result = run_command(argv);
    if (result.exit_code != 0) {
        throw std::runtime_error(argv[0] + " failed (" + std::to_string(result.exit_code) +
                                 "): " + result.err);
    }
    return result.out;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t\r");
    return first == std::string::npos ? "" : s.substr(first, last - first + 1);
}

}  // namespace

std::string pdf_text(const std::string& pdf) {
    return run_on(pdf, {"/usr/bin/pdftotext", "-layout", "-enc", "UTF-8", "{file}", "-"});
}

std::map<std::string, std::string> pdf_info(const std::string& pdf) {
    std::map<std::string, std::string> fields;
    std::istringstream lines(run_on(pdf, {"/usr/bin/pdfinfo", "-isodates", "{file}"}));
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            fields[line.substr(0, colon)] = trim(line.substr(colon + 1));
        }
    }
    return fields;
}

std::vector<PdfFont> pdf_fonts(const std::string& pdf) {
    // name type encoding emb sub uni object ID: two header lines, then one font a line.
    std::istringstream lines(run_on(pdf, {"/usr/bin/pdffonts", "{file}"}));
    std::vector<PdfFont> fonts;
    std::string line;
    for (int header = 0; header < 2 && std::getline(lines, line); ++header) {
    }
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;) {
            w.push_back(word);
        }
        // From the end: object ID (2 words), uni, sub, emb.
        if (w.size() >= 6) {
            fonts.push_back({w[0], w[w.size() - 5] == "yes"});
        }
    }
    return fonts;
}

std::string save_first_page_png(const std::string& pdf, const std::string& name) {
    const auto folder = std::filesystem::path(ALIS_SOURCE_DIR) / "test-output" / "pdf";
    std::filesystem::create_directories(folder);
    const auto stem = folder / name;
    run_on(pdf, {"/usr/bin/pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                 "{file}", stem.string()});
    return stem.string() + ".png";
}

}  // namespace alis::testing
