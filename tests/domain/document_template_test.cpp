#include "domain/document_template.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/toml_reader.hpp"

namespace alis::domain {
namespace document_template_test {

const char* const kGood =
    "kind = \"service-certificate\"\n"
    "version = \"2026-12-01\"\n"
    "title = \"Tjenesteattest\"\n"
    "unconfirmed = true\n"
    "check = [\"mot malen\"]\n"
    "+++\n"
    "# {{title}}\n";

TEST(DocumentTemplate, ReadsTheHeaderAndKeepsTheBody) {
    const auto t = parse_document_template(kGood, "t.txt");
    EXPECT_EQ(t.kind, DocumentKind::service_certificate);
    EXPECT_EQ(t.version, "2026-12-01");
    EXPECT_EQ(t.title, "Tjenesteattest");
    EXPECT_TRUE(t.provenance.unconfirmed);
    ASSERT_EQ(t.check.size(), 1u);
    EXPECT_EQ(t.check[0], "mot malen");
    EXPECT_EQ(t.body, "# {{title}}\n");
}

// The key a broken template is refused on, or "" when it is accepted.
std::string refused_key(const std::string& text) {
    try {
        parse_document_template(text, "t.txt");
        return "";
    } catch (const DataFileError& e) {
        return e.key();
    }
}

TEST(DocumentTemplate, RefusesABrokenHeaderNamingTheKey) {
    const std::string good = kGood;
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    EXPECT_EQ(refused_key(good), "");
    EXPECT_EQ(refused_key(with("+++\n", "")), "+++") << "no end of the header";
    EXPECT_EQ(refused_key(with("# {{title}}\n", "\n  \n")), "+++") << "an empty body";
    EXPECT_EQ(refused_key(with("service-certificate", "receipt")), "kind");
    EXPECT_EQ(refused_key(with("title = \"Tjenesteattest\"\n", "")), "title");
    EXPECT_EQ(refused_key(with("unconfirmed = true\n", "")), "source") << "no provenance";
    EXPECT_EQ(refused_key(with("check = [\"mot malen\"]", "check = \"mot malen\"")), "check");
    EXPECT_EQ(refused_key(with("check = [\"mot malen\"]", "checks = []")), "checks");
}

TEST(DocumentTemplate, EveryShippedTemplateParsesAsItsOwnKind) {
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(ALIS_SOURCE_DIR) / "templates" / "documents")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const auto t = parse_document_template(text.str(), entry.path().filename().string());
        EXPECT_EQ(std::string(to_string(t.kind)) + ".txt", entry.path().filename().string());
        EXPECT_TRUE(t.provenance.unconfirmed || !t.provenance.source.empty());
        ++seen;
    }
    EXPECT_GE(seen, 2);
}

}  // namespace document_template_test
}  // namespace alis::domain
