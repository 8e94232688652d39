// The audit trail in the SQLite database itself: the database refuses UPDATE and DELETE of its
// rows (the triggers of the migrations), and a row rewritten behind the store's back with a fresh
// hash is named by the chain check.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

namespace alis::store {
namespace audit_trail_sqlite_test {

using domain::AuditEvent;

AuditEvent event(std::string action, std::optional<std::int64_t> subject = std::nullopt,
                 std::string target = "/personer/1") {
    AuditEvent e;
    e.at = "2026-11-22T10:15:30Z";
    e.actor_account_id = 3;
    e.actor_label = "leder@bergen.kommune.no";
    e.action = std::move(action);
    e.subject_person_id = subject;
    e.target = std::move(target);
    e.outcome = "ok";
    e.address = "192.0.2.7";
    return e;
}

// A raw connection to the database file, for what the store would never do itself.
class RawDatabase {
  public:
    explicit RawDatabase(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + path);
        }
        sqlite3_busy_timeout(db_, 5000);
    }
    ~RawDatabase() { sqlite3_close(db_); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    // Runs the statements; returns SQLite's result code and keeps its message.
    int exec(const char* sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
        last_message_ = message != nullptr ? message : "";
        sqlite3_free(message);
        return rc;
    }
    const std::string& last_message() const { return last_message_; }

    // Runs one statement with text parameters ?1, ?2, ...; returns SQLite's result code.
    int run(const char* sql, const std::vector<std::string>& texts) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr);
        for (std::size_t i = 0; rc == SQLITE_OK && i < texts.size(); ++i) {
            rc = sqlite3_bind_text(stmt, static_cast<int>(i + 1), texts[i].c_str(), -1,
                                   SQLITE_TRANSIENT);
        }
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(stmt);
        }
        sqlite3_finalize(stmt);
        return rc;
    }

  private:
    sqlite3* db_ = nullptr;
    std::string last_message_;
};

class AuditTrailSqlite : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = open_database(dir_.sqlite_url(), 2);
        db_->migrate();
    }
    std::string db_path() const { return (dir_.path() / "alis.db").string(); }
    std::int64_t append(const AuditEvent& e) {
        return db_->write([&](UnitOfWork& w) { return w.audit().append(e); });
    }

    testing::TempDir dir_;
    std::unique_ptr<Database> db_;
};

TEST_F(AuditTrailSqlite, TheDatabaseRefusesUpdateAndDelete) {
    append(event("person.read", 7));
    RawDatabase raw(db_path());
    EXPECT_EQ(raw.exec("UPDATE audit_events SET target = 'elsewhere' WHERE id = 1") & 0xff,
              SQLITE_CONSTRAINT);
    EXPECT_NE(raw.last_message().find("append-only"), std::string::npos) << raw.last_message();
    EXPECT_EQ(raw.exec("DELETE FROM audit_events WHERE id = 1") & 0xff, SQLITE_CONSTRAINT);
    EXPECT_NE(raw.last_message().find("append-only"), std::string::npos) << raw.last_message();
    EXPECT_EQ(raw.exec("DELETE FROM audit_events") & 0xff, SQLITE_CONSTRAINT);

    const auto row = db_->read([&](const Snapshot& s) { return s.audit().find(1); });
    ASSERT_TRUE(row);
    EXPECT_EQ(row->target, "/personer/1");
    EXPECT_TRUE(db_->read([&](const Snapshot& s) { return s.audit().verify(); }).ok);
}

TEST_F(AuditTrailSqlite, VerifyNamesARowRewrittenWithAFreshHash) {
    for (int i = 0; i < 8; ++i) {
        append(event("person.read", i));
    }
    // Row 4 rewritten by someone who knows the encoding: its own hash fits again, but row 5
    // still points at the old one.
    AuditEvent row = *db_->read([&](const Snapshot& s) { return s.audit().find(4); });
    row.target = "/personer/somebody-else";
    row.hash = audit_hash(row);
    db_.reset();
    {
        RawDatabase raw(db_path());
        ASSERT_EQ(raw.exec("DROP TRIGGER audit_events_no_update"), SQLITE_OK);
        ASSERT_EQ(raw.run("UPDATE audit_events SET target = ?1, hash = ?2 WHERE id = 4",
                          {row.target, row.hash}),
                  SQLITE_DONE);
    }
    db_ = open_database(dir_.sqlite_url(), 1);
    const auto verification = db_->read([&](const Snapshot& s) { return s.audit().verify(); });
    EXPECT_FALSE(verification.ok);
    EXPECT_EQ(verification.first_bad_id, 4) << verification.reason;
    EXPECT_NE(verification.reason.find("row 5 no longer chains"), std::string::npos)
        << verification.reason;
}

}  // namespace audit_trail_sqlite_test
}  // namespace alis::store
