#include "app/demo_courses.hpp"

#include <cstdio>
#include <string_view>
#include <vector>

#include "app/attachments.hpp"
#include "app/courses.hpp"
#include "app/training_ledger.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

constexpr const char* kDemoCourseTrainee = "alis@demo.alis.no";

// UTF-8 text as WinAnsi (Latin-1 for the Norwegian letters) inside a PDF string literal: the
// delimiters escaped, any character outside Latin-1 as '?'.
std::string pdf_text(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0xC2 && c <= 0xC3 && i + 1 < utf8.size()) {
            c = static_cast<unsigned char>(((c & 0x1F) << 6) |
                                           (static_cast<unsigned char>(utf8[++i]) & 0x3F));
        } else if (c >= 0x80) {
            while (i + 1 < utf8.size() &&
                   (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
                ++i;
            }
            c = '?';
        }
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
        }
        out += static_cast<char>(c);
    }
    return out;
}

}  // namespace

std::string demo_pdf(const std::string& heading, const std::vector<std::string>& lines,
                     const std::string& footnote) {
    std::string stream = "BT /F1 20 Tf 72 760 Td (" + pdf_text(heading) + ") Tj ET\n";
    int y = 720;
    for (const auto& line : lines) {
        stream += "BT /F1 12 Tf 72 " + std::to_string(y) + " Td (" + pdf_text(line) + ") Tj ET\n";
        y -= 20;
    }
    stream +=
        "BT /F1 9 Tf 72 " + std::to_string(y - 20) + " Td (" + pdf_text(footnote) + ") Tj ET\n";
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
        ">> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        char line[21];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string demo_certificate_pdf(const std::string& person, const std::string& course,
                                 domain::Date day) {
    return demo_pdf("Kursbevis", {person, course, "Fullført " + day.norwegian()},
                    "Demodata fra alis, ikke et ekte kursbevis");
}

int add_demo_courses(Application& app, domain::Date as_of) {
    return app.database().write([&](store::UnitOfWork& w) {
        std::vector<std::pair<domain::Person, std::size_t>> doctors;  // How many courses each.
        const auto account = w.identity().find_account_by_email(kDemoCourseTrainee);
        if (account && account->person_id) {
            if (auto p = w.people().find(*account->person_id)) {
                doctors.emplace_back(std::move(*p), 1);
            }
        }
        for (const auto& t : w.people().trainees_employed_by("4601", as_of)) {
            if (doctors.size() == 3) {
                break;
            }
            if (doctors.empty() || doctors.front().first.id != t.id) {
                doctors.emplace_back(t, std::size_t{99});
            }
        }
        Actor uploader;
        int added = 0;
        for (const auto& [person, count] : doctors) {
            const bool demo_trainee = count == 1;
            uploader.display_name = person.full_name + (demo_trainee ? "" : " (demo)");
            uploader.email = demo_trainee ? kDemoCourseTrainee : "demo";
            const auto required = domain::courses_for(
                course_requirements(),
                person.ruleset ? std::string_view(*person.ruleset) : kDefaultRuleset);
            for (std::size_t i = 0; i < required.size() && i < count; ++i) {
                const auto& r = required[i];
                const domain::Date day = as_of.plus_days(-120 - 75 * static_cast<int>(i));
                const std::string at = day.iso() + "T14:00:00Z";
                auto upload =
                    read_upload(r.id + ".pdf", demo_certificate_pdf(person.full_name, r.name, day),
                                "kursbevis.pdf", uploader, at);
                domain::CompletedCourse c;
                c.person_id = person.id;
                c.course_id = r.id;
                c.name = r.name;
                c.hours = r.hours;
                c.completed_on = day;
                c.attachment_id = add_attachment(w, std::get<domain::Attachment>(upload));
                c.recorded_at = at;
                c.recorded_by = signature_of(uploader);
                w.courses().add(c);
                ++added;
            }
        }
        return added;
    });
}

}  // namespace alis::app
