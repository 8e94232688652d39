// Uploads (domain/attachment.hpp): a file's type is what its first bytes say, never its name or
// the type a browser declared; the size limit; the name kept.
#include "domain/attachment.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace alis::domain {
namespace attachment_test {

using namespace std::string_literals;

struct TypeCase {
    const char* why;
    std::string bytes;
    std::optional<MediaType> expected;
};

TEST(Attachment, TheFirstBytesDecideTheType) {
    const std::string png_signature = "\x89PNG\r\n\x1a\n";
    const TypeCase cases[] = {
        {"a PDF starts with %PDF-", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", MediaType::pdf},
        {"the PDF header alone is enough", "%PDF-", MediaType::pdf},
        {"a PNG starts with its 8-byte signature", png_signature + "\0\0\0\rIHDR"s, MediaType::png},
        {"a JPEG starts with FF D8 FF (JFIF)", "\xFF\xD8\xFF\xE0\0\x10JFIF"s, MediaType::jpeg},
        {"a JPEG starts with FF D8 FF (Exif)", "\xFF\xD8\xFF\xE1", MediaType::jpeg},
        {"a text file, whatever it is called", "Kursbevis for Anne Alis\n", std::nullopt},
        {"%PDF without the dash is no PDF", "%PDF1.4", std::nullopt},
        {"a PDF header later in the file does not count", " %PDF-1.4", std::nullopt},
        {"PNG's signature cut short", png_signature.substr(0, 7), std::nullopt},
        {"PNG's signature with a broken line ending", "\x89PNG\n\n\x1a\n", std::nullopt},
        {"two bytes of a JPEG are not enough", "\xFF\xD8", std::nullopt},
        {"a GIF is not accepted", "GIF89a", std::nullopt},
        {"an HTML page renamed", "<!DOCTYPE html><script>alert(1)</script>", std::nullopt},
        {"a ZIP (a Word file) is not accepted", "PK\x03\x04", std::nullopt},
        {"nothing", "", std::nullopt},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(attachment_media_type(c.bytes), c.expected) << c.why;
    }
}

struct CheckCase {
    const char* why;
    std::string bytes;
    std::optional<AttachmentProblem> expected;
};

TEST(Attachment, AnUploadIsRefusedWhenEmptyTooLargeOrOfAnotherType) {
    const std::string pdf = "%PDF-1.4\n";
    const CheckCase cases[] = {
        {"an empty file", "", AttachmentProblem::empty},
        {"a small PDF", pdf, std::nullopt},
        {"a PDF of exactly 5 MiB", pdf + std::string(kMaxAttachmentBytes - pdf.size(), 'x'),
         std::nullopt},
        {"one byte more than 5 MiB", pdf + std::string(kMaxAttachmentBytes - pdf.size() + 1, 'x'),
         AttachmentProblem::too_large},
        {"too large is told before the type", std::string(kMaxAttachmentBytes + 1, 'x'),
         AttachmentProblem::too_large},
        {"a text file", "hei", AttachmentProblem::not_accepted},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(check_attachment(c.bytes), c.expected) << c.why;
    }
    EXPECT_EQ(kMaxAttachmentBytes, 5u * 1024 * 1024);
}

struct NameCase {
    const char* why;
    std::string uploaded;
    std::string expected;
};

TEST(Attachment, TheNameKeptHasNoFolderNoQuotesAndAtMost200Characters) {
    const std::string long_name = std::string(199, 'a') + "øø.pdf";
    const NameCase cases[] = {
        {"a plain name", "kursbevis.pdf", "kursbevis.pdf"},
        {"Norwegian letters stay", "Kursbevis Ålesund æøå.pdf", "Kursbevis Ålesund æøå.pdf"},
        {"a Windows path", "C:\\Users\\anne\\Kursbevis.pdf", "Kursbevis.pdf"},
        {"a Unix path", "../../etc/passwd", "passwd"},
        {"double quotes are dropped", "kurs \"A\".pdf", "kurs A.pdf"},
        {"cut at 200 characters, not bytes", long_name, std::string(199, 'a') + "ø"},
        {"a line break is no name", "kurs\r\nSet-Cookie: x", "kursbevis"},
        {"invalid UTF-8 is no name", "kurs\xC3.pdf", "kursbevis"},
        {"nothing left", "C:\\Users\\", "kursbevis"},
        {"no name at all", "", "kursbevis"},
        {"a dot folder", "..", "kursbevis"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(attachment_file_name(c.uploaded, "kursbevis"), c.expected) << c.why;
    }
}

TEST(Attachment, TheTypesAreStoredUnderTheirMediaTypes) {
    EXPECT_EQ(to_string(MediaType::pdf), "application/pdf");
    EXPECT_EQ(to_string(MediaType::png), "image/png");
    EXPECT_EQ(to_string(MediaType::jpeg), "image/jpeg");
    EXPECT_EQ(parse_enum<MediaType>("image/jpeg"), MediaType::jpeg);
    EXPECT_FALSE(parse_enum<MediaType>("image/gif"));
}

}  // namespace attachment_test
}  // namespace alis::domain
