// `alis record export` and `alis record verify` as an operator and a receiving municipality run
// them: the real binary against a demo database, the exported file checked against the published
// JSON Schema (api/training-record.schema.json) with Debian's python3-jsonschema, then changed
// the way someone holding the file could.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "store/database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace record_cli_test {

using testing::CommandResult;
using testing::is_one_error_line;
using testing::run_alis;
using testing::run_command;

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// Validates `file` against the schema with Debian's interpreter (python3-jsonschema); the
// output names the first error.
constexpr const char* kValidate = R"(
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
record = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(record), key=str)
for e in errors:
    print("invalid:", list(e.absolute_path), e.message)
print("errors:", len(errors))
)";

class RecordCli : public ::testing::Test {
  protected:
    void SetUp() override {
        auto application = app::Application::open(dir_.sqlite_url(), app::system_clock(), 1);
        application->migrate();
        app::load_demo_data(*application, application->today(), {});
        // A Bergen doctor with approved objectives and supervision meetings (demo_learning_log,
        // demo_supervision), with the private minutes of one meeting to look for.
        application->database().read([&](const store::Snapshot& s) {
            for (const auto& e :
                 s.learning_log().events_of_kind(domain::ObjectiveEventKind::approved)) {
                for (const auto& m : s.supervision().meetings_of(e.person_id)) {
                    if (!m.minutes.empty()) {
                        person_ = e.person_id;
                        minutes_ = m.minutes;
                        return;
                    }
                }
            }
        });
        ASSERT_GT(person_, 0) << "the demo has a doctor with approvals and minutes";
        const auto keygen = run_alis({"audit", "keygen", "--key", path("installation.key")});
        ASSERT_EQ(keygen.exit_code, 0) << keygen.err;
        const auto other = run_alis({"audit", "keygen", "--key", path("other.key")});
        ASSERT_EQ(other.exit_code, 0) << other.err;
        public_key_ = key_of(keygen.out);
        other_public_key_ = key_of(other.out);
    }

    static std::string key_of(const std::string& keygen_output) {
        const auto at = keygen_output.rfind("public key ");
        return at == std::string::npos ? std::string() : keygen_output.substr(at + 11, 64);
    }

    std::string path(const std::string& name) const { return (dir_.path() / name).string(); }

    CommandResult export_to(const std::string& file, const std::string& key = "installation.key") {
        return run_alis({"record", "export", "--db", dir_.sqlite_url(), "--person",
                         std::to_string(person_), "--out", path(file), "--key-file", path(key)});
    }

    testing::TempDir dir_;
    std::int64_t person_ = 0;
    std::string minutes_;
    std::string public_key_;
    std::string other_public_key_;
};

TEST_F(RecordCli, AnExportedRecordVerifiesAndMatchesThePublishedSchema) {
    const auto exported = export_to("record.json");
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_NE(exported.out.find("signed by key " + public_key_), std::string::npos) << exported.out;
    const std::string text = read_text(path("record.json"));
    EXPECT_NE(text.find("\"objectives\":[{\"code\":"), std::string::npos)
        << "the demo doctor's approvals are in the record: " << text;
    EXPECT_NE(text.find("\"supervision\":{\"meetings_held\":"), std::string::npos) << text;
    EXPECT_EQ(text.find(minutes_), std::string::npos) << "the private minutes never appear";

    const auto verified = run_alis({"record", "verify", path("record.json")});
    EXPECT_EQ(verified.exit_code, 0) << verified.err;
    EXPECT_NE(verified.out.find(": intact training record of "), std::string::npos) << verified.out;
    EXPECT_EQ(std::count(verified.out.begin(), verified.out.end(), '\n'), 1) << verified.out;
    const auto with_key = run_alis({"record", "verify", path("record.json"), "--key", public_key_});
    EXPECT_EQ(with_key.exit_code, 0) << with_key.err;

    const std::string schema = std::string(ALIS_SOURCE_DIR) + "/api/training-record.schema.json";
    const auto valid =
        run_command({"/usr/bin/python3", "-c", kValidate, schema, path("record.json")});
    ASSERT_EQ(valid.exit_code, 0) << valid.err
                                  << " (scripts/install-deps test installs python3-jsonschema)";
    EXPECT_NE(valid.out.find("errors: 0"), std::string::npos) << valid.out;

    // The schema finds a record without its identity's HPR number, so the check above can fail.
    std::string broken = text;
    const auto hpr = broken.find(",\"hpr\":");
    ASSERT_NE(hpr, std::string::npos);
    broken.erase(hpr, broken.find('}', hpr) - hpr);
    write_text(path("broken.json"), broken);
    const auto invalid =
        run_command({"/usr/bin/python3", "-c", kValidate, schema, path("broken.json")});
    EXPECT_NE(invalid.out.find("'hpr' is a required property"), std::string::npos) << invalid.out;
}

TEST_F(RecordCli, AChangedByteFailsNamingTheSignature) {
    ASSERT_EQ(export_to("record.json").exit_code, 0);
    std::string text = read_text(path("record.json"));
    const auto months = text.find("\"total_months\":\"");
    ASSERT_NE(months, std::string::npos);
    // One more month counted: a digit changed, the JSON still well formed.
    char& digit = text[months + 16];
    digit = digit == '9' ? '8' : static_cast<char>(digit + 1);
    write_text(path("tampered.json"), text);
    const auto result = run_alis({"record", "verify", path("tampered.json")});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(result)) << result.err;
    EXPECT_NE(result.err.find("signature invalid"), std::string::npos) << result.err;
}

TEST_F(RecordCli, ARecordSignedByAnotherKeyFailsWithTheExpectedKey) {
    ASSERT_EQ(export_to("other.json", "other.key").exit_code, 0);
    const auto plain = run_alis({"record", "verify", path("other.json")});
    EXPECT_EQ(plain.exit_code, 0) << "intact, by its own key: " << plain.err;
    const auto result = run_alis({"record", "verify", path("other.json"), "--key", public_key_});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(result)) << result.err;
    EXPECT_NE(result.err.find("signed by another key: " + other_public_key_), std::string::npos)
        << result.err;
}

TEST_F(RecordCli, SeveralFilesAreCheckedAtOnceEachNamedAndAnyFailureFailsTheRun) {
    ASSERT_EQ(export_to("record.json").exit_code, 0);
    ASSERT_EQ(export_to("other.json", "other.key").exit_code, 0);
    std::string text = read_text(path("record.json"));
    text[text.find("\"total_months\":\"") + 16] ^= 1;  // Another digit: still well formed.
    write_text(path("tampered.json"), text);

    const auto intact = run_alis({"record", "verify", path("record.json"), path("other.json")});
    EXPECT_EQ(intact.exit_code, 0) << intact.err;
    EXPECT_NE(intact.out.find(path("record.json") + ": intact training record of "),
              std::string::npos)
        << intact.out;
    EXPECT_NE(intact.out.find(path("other.json") + ": intact training record of "),
              std::string::npos)
        << intact.out;
    EXPECT_NE(intact.out.find("2 records: 2 intact, 0 failed"), std::string::npos) << intact.out;

    // The tampered file between two intact ones: named on its own line, the others still checked
    // and reported in the order given.
    const auto mixed = run_alis(
        {"record", "verify", path("record.json"), path("tampered.json"), path("other.json")});
    EXPECT_EQ(mixed.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(mixed)) << mixed.err;
    EXPECT_NE(mixed.err.find(path("tampered.json") + ": signature invalid"), std::string::npos)
        << mixed.err;
    const auto first = mixed.out.find(path("record.json") + ": intact");
    const auto third = mixed.out.find(path("other.json") + ": intact");
    EXPECT_NE(first, std::string::npos) << mixed.out;
    EXPECT_NE(third, std::string::npos) << mixed.out;
    EXPECT_LT(first, third) << mixed.out;
    EXPECT_NE(mixed.out.find("3 records: 2 intact, 1 failed"), std::string::npos) << mixed.out;

    // With --key, the file signed by the other key fails and the installation's does not.
    const auto keyed = run_alis(
        {"record", "verify", path("record.json"), path("other.json"), "--key", public_key_});
    EXPECT_EQ(keyed.exit_code, 1);
    EXPECT_NE(keyed.err.find(path("other.json") + ": signed by another key"), std::string::npos)
        << keyed.err;
    EXPECT_NE(keyed.out.find("2 records: 1 intact, 1 failed"), std::string::npos) << keyed.out;

    // A file that cannot be read is a usage error before anything is checked.
    const auto missing = run_alis({"record", "verify", path("record.json"), path("missing.json")});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(missing)) << missing.err;
    EXPECT_NE(missing.err.find("missing.json: cannot read the file"), std::string::npos)
        << missing.err;
    EXPECT_EQ(missing.out, "") << "nothing is reported as checked";
}

TEST_F(RecordCli, AMalformedFileFailsNamingWhatIsWrong) {
    write_text(path("notjson.json"), "this is no record");
    const auto not_json = run_alis({"record", "verify", path("notjson.json")});
    EXPECT_EQ(not_json.exit_code, 1);
    EXPECT_NE(not_json.err.find("not a JSON object"), std::string::npos) << not_json.err;

    ASSERT_EQ(export_to("record.json").exit_code, 0);
    std::string text = read_text(path("record.json"));
    text.replace(text.find("\"version\":1"), 11, "\"version\":9");
    write_text(path("later.json"), text);
    const auto later = run_alis({"record", "verify", path("later.json")});
    EXPECT_EQ(later.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(later)) << later.err;
    EXPECT_NE(later.err.find("version"), std::string::npos) << later.err;
}

TEST_F(RecordCli, UsageErrorsExitTwoWithOneLine) {
    const std::vector<std::vector<std::string>> cases = {
        {"record", "verify", path("missing.json")},
        {"record", "verify", path("missing.json"), "--key", "xyz"},
        {"record", "verify"},
        {"record", "verify", "-", "-"},
        {"record", "export", "--db", dir_.sqlite_url(), "--person", std::to_string(person_),
         "--out", path("a.json")},
        {"record", "export", "--db", dir_.sqlite_url(), "--person", "999999", "--out",
         path("b.json"), "--key-file", path("installation.key")},
        {"record", "export", "--db", "sqlite:" + path("none.db"), "--person", "1", "--out",
         path("c.json"), "--key-file", path("installation.key")},
    };
    for (const auto& args : cases) {
        const auto result = run_alis(args);
        EXPECT_EQ(result.exit_code, 2) << args[1] << " " << args.back() << ": " << result.err;
        EXPECT_TRUE(is_one_error_line(result)) << result.err;
    }
    EXPECT_FALSE(std::filesystem::exists(path("none.db"))) << "no empty database is created";
}

TEST_F(RecordCli, AnExistingOutFileIsNeverOverwritten) {
    write_text(path("record.json"), "an earlier file");
    const auto result = export_to("record.json");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(result)) << result.err;
    EXPECT_NE(result.err.find("refusing to overwrite"), std::string::npos) << result.err;
    EXPECT_EQ(read_text(path("record.json")), "an earlier file");
}

TEST_F(RecordCli, TheExportIsAudited) {
    ASSERT_EQ(export_to("record.json").exit_code, 0);
    auto database = store::open_database(dir_.sqlite_url(), 1);
    const auto events = database->read(
        [&](const store::Snapshot& s) { return s.audit().events_about(person_, 10000); });
    int exports = 0;
    for (const auto& e : events) {
        if (e.action == "training_record.exported") {
            ++exports;
            EXPECT_EQ(e.subject_person_id, person_);
            EXPECT_EQ(e.actor_label, "cli");
        }
    }
    EXPECT_EQ(exports, 1);
}

}  // namespace record_cli_test
}  // namespace alis::cli
