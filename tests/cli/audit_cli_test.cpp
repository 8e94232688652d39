// `alis audit` as an administrator runs it: the real binary against a database file that the test
// tampers with through SQLite directly, the way someone with access to the file could.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::cli {
namespace audit_cli_test {

using testing::CommandResult;
using testing::is_one_error_line;
using testing::run_command;

constexpr int kEvents = 20;

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class AuditCli : public ::testing::Test {
  protected:
    void SetUp() override {
        auto database = store::open_database(dir_.sqlite_url(), 1);
        database->migrate();
        database->write([](store::UnitOfWork& w) {
            for (int i = 1; i <= kEvents; ++i) {
                domain::AuditEvent e;
                e.at = "2026-11-22T10:" + std::to_string(10 + i) + ":00Z";
                e.actor_account_id = i % 4 == 0 ? std::nullopt : std::optional<std::int64_t>(2);
                e.actor_label = i % 4 == 0 ? "anonym" : "leder@bergen.kommune.no";
                e.action = i % 3 == 0 ? "login.failed" : "person.read";
                e.subject_person_id = 100 + i;
                e.target = "/personer/" + std::to_string(100 + i);
                e.outcome = i % 3 == 0 ? "failed" : "ok";
                e.address = "192.0.2." + std::to_string(i);
                w.audit().append(e);
            }
        });
        head_hash_ =
            database->read([](const store::Snapshot& s) { return s.audit().find(kEvents); })->hash;
        // Closing folds the WAL into the file, so the tampering below sees every row.
    }

    std::string db() const { return dir_.sqlite_url(); }
    std::string path(const std::string& name) const { return (dir_.path() / name).string(); }

    // Runs SQL on the database file as an intruder would: no alis code in between.
    void tamper(const char* sql, const std::vector<std::string>& texts = {}) {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open_v2(path("alis.db").c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr),
                  SQLITE_OK);
        char* message = nullptr;
        if (texts.empty()) {
            EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, &message), SQLITE_OK)
                << (message != nullptr ? message : "");
            sqlite3_free(message);
        } else {
            sqlite3_stmt* stmt = nullptr;
            ASSERT_EQ(sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr), SQLITE_OK);
            for (std::size_t i = 0; i < texts.size(); ++i) {
                sqlite3_bind_text(stmt, static_cast<int>(i + 1), texts[i].c_str(), -1,
                                  SQLITE_TRANSIENT);
            }
            EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE) << sqlite3_errmsg(raw);
            sqlite3_finalize(stmt);
        }
        sqlite3_close(raw);
    }

    CommandResult alis(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
        args.insert(args.begin(), ALIS_BINARY);
        return run_command(args, "", env);
    }

    // Makes a key and keeps a signed head of the chain as it is now; returns the head's path.
    std::string keep_head() {
        const auto keygen = alis({"audit", "keygen", "--key", path("audit.key")});
        EXPECT_EQ(keygen.exit_code, 0) << keygen.err;
        const auto head = alis({"audit", "head", "--db", db(), "--key", path("audit.key")});
        EXPECT_EQ(head.exit_code, 0) << head.err;
        std::ofstream(path("kept.json")) << head.out;
        return path("kept.json");
    }

    testing::TempDir dir_;
    std::string head_hash_;
};

TEST_F(AuditCli, AnIntactChainVerifies) {
    const auto r = alis({"audit", "verify", "--db", db()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "audit chain ok: 20 rows, head 20 " + head_hash_ + "\n");
    EXPECT_EQ(r.err, "");
}

TEST_F(AuditCli, TheDatabaseComesFromAlisDbWhenNoFlagNamesIt) {
    const auto r = alis({"audit", "verify"}, {"ALIS_DB=" + db()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("audit chain ok: 20 rows")) << r.out;
}

TEST_F(AuditCli, AChangedMiddleRowIsNamed) {
    tamper(
        "DROP TRIGGER audit_events_no_update;"
        " UPDATE audit_events SET target = '/personer/999' WHERE id = 7");
    const auto r = alis({"audit", "verify", "--db", db()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "alis: audit chain broken: row 7 was changed\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(AuditCli, ADeletedMiddleRowIsNamed) {
    tamper("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE id = 7");
    const auto r = alis({"audit", "verify", "--db", db()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "alis: audit chain broken: row 7 is missing (removed)\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(AuditCli, TwoSwappedRowsNameTheFirst) {
    tamper(
        "DROP TRIGGER audit_events_no_update;"
        " UPDATE audit_events SET id = -7 WHERE id = 7;"
        " UPDATE audit_events SET id = 7 WHERE id = 12;"
        " UPDATE audit_events SET id = 12 WHERE id = -7");
    const auto r = alis({"audit", "verify", "--db", db()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "alis: audit chain broken: row 7 is out of order (it holds the event of row 12)\n");
}

TEST_F(AuditCli, DeletingTheLastRowsIsCaughtAgainstAKeptHead) {
    const std::string kept = keep_head();
    const auto before = alis({"audit", "verify", "--db", db(), "--head", kept});
    EXPECT_EQ(before.exit_code, 0) << before.err;
    EXPECT_NE(before.out.find("kept head ok: row 20"), std::string::npos) << before.out;

    tamper("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE id > 17");
    const auto plain = alis({"audit", "verify", "--db", db()});
    EXPECT_EQ(plain.exit_code, 0) << "what is left is a consistent chain: " << plain.err;
    EXPECT_TRUE(plain.out.starts_with("audit chain ok: 17 rows, head 17 ")) << plain.out;

    const auto against_head = alis({"audit", "verify", "--db", db(), "--head", kept});
    EXPECT_EQ(against_head.exit_code, 1);
    EXPECT_EQ(against_head.err,
              "alis: kept head row 20 is missing: rows were removed after it was signed (the "
              "chain now ends at row 17)\n");
    EXPECT_EQ(against_head.out, "");
}

TEST_F(AuditCli, AChainRewrittenWithFreshHashesIsCaughtAgainstAKeptHead) {
    const std::string kept = keep_head();
    // The intruder edits the last row and recomputes its hash: the chain alone stays consistent.
    domain::AuditEvent last;
    {
        auto database = store::open_database(db(), 1);
        last = *database->read([](const store::Snapshot& s) { return s.audit().find(kEvents); });
    }
    last.target = "/personer/somebody-else";
    last.hash = store::audit_hash(last);
    tamper("DROP TRIGGER audit_events_no_update");
    tamper("UPDATE audit_events SET target = ?1, hash = ?2 WHERE id = 20",
           {last.target, last.hash});

    EXPECT_EQ(alis({"audit", "verify", "--db", db()}).exit_code, 0);
    const auto r = alis({"audit", "verify", "--db", db(), "--head", kept});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "alis: kept head row 20 has another hash now: the chain was rewritten after the head "
              "was signed\n");
}

TEST_F(AuditCli, AForgedHeadFailsTheSignatureCheck) {
    const std::string kept = keep_head();
    std::string json = read_text(kept);
    const auto at = json.find(head_hash_);
    ASSERT_NE(at, std::string::npos) << json;
    json.replace(at, head_hash_.size(), std::string(64, 'a'));
    std::ofstream(path("forged.json")) << json;

    const auto r = alis({"audit", "verify", "--db", db(), "--head", path("forged.json")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r)) << r.err;
    EXPECT_NE(r.err.find("signature does not match"), std::string::npos) << r.err;
}

TEST_F(AuditCli, AHeadSignedByAnotherKeyIsRefusedWhenTheKeyIsPinned) {
    const std::string kept = keep_head();
    const auto other = alis({"audit", "keygen", "--key", path("other.key")});
    ASSERT_EQ(other.exit_code, 0) << other.err;
    const std::string other_public = other.out.substr(other.out.rfind(' ') + 1, 64);
    const auto r =
        alis({"audit", "verify", "--db", db(), "--head", kept, "--public-key", other_public});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r)) << r.err;
    EXPECT_NE(r.err.find("not by the expected"), std::string::npos) << r.err;
}

TEST_F(AuditCli, KeygenWritesAPrivateFileAndNeverOverwritesIt) {
    const auto first = alis({"audit", "keygen", "--key", path("audit.key")});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    struct stat info {};
    ASSERT_EQ(::stat(path("audit.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    const std::string key = read_text(path("audit.key"));

    const auto second = alis({"audit", "keygen", "--key", path("audit.key")});
    EXPECT_EQ(second.exit_code, 3);
    EXPECT_TRUE(is_one_error_line(second)) << second.err;
    EXPECT_NE(second.err.find("already exists"), std::string::npos) << second.err;
    EXPECT_EQ(read_text(path("audit.key")), key);
}

TEST_F(AuditCli, UnreadableOrMalformedKeysAndHeadsGiveOneLineAndExitThree) {
    const auto no_key = alis({"audit", "head", "--db", db(), "--key", path("missing.key")});
    EXPECT_EQ(no_key.exit_code, 3);
    EXPECT_TRUE(is_one_error_line(no_key)) << no_key.err;
    EXPECT_EQ(no_key.out, "");

    ASSERT_EQ(alis({"audit", "keygen", "--key", path("audit.key")}).exit_code, 0);
    ::chmod(path("audit.key").c_str(), 0644);
    const auto open_key = alis({"audit", "head", "--db", db(), "--key", path("audit.key")});
    EXPECT_EQ(open_key.exit_code, 3);
    EXPECT_NE(open_key.err.find("chmod 600"), std::string::npos) << open_key.err;

    std::ofstream(path("garbage.key"), std::ios::binary) << "not a key\n";
    ::chmod(path("garbage.key").c_str(), 0600);
    const auto bad_key = alis({"audit", "head", "--db", db(), "--key", path("garbage.key")});
    EXPECT_EQ(bad_key.exit_code, 3);
    EXPECT_TRUE(is_one_error_line(bad_key)) << bad_key.err;

    const auto no_head = alis({"audit", "verify", "--db", db(), "--head", path("none.json")});
    EXPECT_EQ(no_head.exit_code, 3);
    EXPECT_TRUE(is_one_error_line(no_head)) << no_head.err;

    std::ofstream(path("broken.json")) << R"({"id": 20, "hash": "abc"})";
    const auto bad_head = alis({"audit", "verify", "--db", db(), "--head", path("broken.json")});
    EXPECT_EQ(bad_head.exit_code, 3);
    EXPECT_TRUE(is_one_error_line(bad_head)) << bad_head.err;
    EXPECT_NE(bad_head.err.find("malformed"), std::string::npos) << bad_head.err;
}

TEST_F(AuditCli, BadFlagsGiveOneLineAndExitTwo) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"audit", "verify", "--db", db(), "--bogus"},
             {"audit", "verify", "--db", db(), "--public-key", std::string(64, 'a')},
             {"audit", "head", "--db", db()},
             {"audit", "keygen"},
             {"audit"},
         }) {
        const auto r = alis(args);
        EXPECT_EQ(r.exit_code, 2) << args.back();
        EXPECT_TRUE(is_one_error_line(r)) << args.back() << ": " << r.err;
    }
}

TEST_F(AuditCli, VerifyingADatabaseThatIsNotThereCreatesNothing) {
    const auto r = alis({"audit", "verify", "--db", "sqlite:" + path("nowhere.db")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(r)) << r.err;
    EXPECT_FALSE(std::filesystem::exists(path("nowhere.db")));
}

TEST_F(AuditCli, HeadRefusesToSignABrokenChain) {
    ASSERT_EQ(alis({"audit", "keygen", "--key", path("audit.key")}).exit_code, 0);
    tamper(
        "DROP TRIGGER audit_events_no_update;"
        " UPDATE audit_events SET outcome = 'ok' WHERE id = 9");
    const auto r = alis({"audit", "head", "--db", db(), "--key", path("audit.key")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "alis: refusing to sign a broken audit chain: row 9 was changed\n");
    EXPECT_EQ(r.out, "");
}

}  // namespace audit_cli_test
}  // namespace alis::cli
