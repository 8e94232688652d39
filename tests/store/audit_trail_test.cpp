// The audit trail in the store: appends chain, a rolled-back write leaves no event, the database
// itself refuses UPDATE and DELETE, and the chain check names the first row that does not fit.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace alis::store {
namespace {

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

class AuditTrail : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = open_store(dir_.sqlite_url(), 2);
        store_->migrate();
    }
    std::string db_path() const { return (dir_.path() / "alis.db").string(); }
    std::int64_t append(const AuditEvent& e) {
        std::int64_t id = 0;
        store_->write([&](StoreWriter& w) { id = w.append_audit(e); });
        return id;
    }

    testing::TempDir dir_;
    std::unique_ptr<Store> store_;
};

TEST(AuditEncoding, DistinctEventsNeverEncodeAlike) {
    AuditEvent a = event("person.read");
    AuditEvent b = a;
    b.actor_account_id = std::nullopt;
    EXPECT_NE(audit_canonical_encoding(a), audit_canonical_encoding(b));
    // NULL is neither zero nor an empty value.
    AuditEvent zero = a;
    zero.actor_account_id = 0;
    EXPECT_NE(audit_canonical_encoding(zero), audit_canonical_encoding(b));
    EXPECT_NE(audit_canonical_encoding(b).find("actor_account_id=-\n"), std::string::npos);

    AuditEvent empty_target = a;
    empty_target.target = "";
    AuditEvent other_empty = a;
    other_empty.address = "";
    EXPECT_NE(audit_canonical_encoding(empty_target), audit_canonical_encoding(other_empty));

    // The same bytes split differently between two neighbouring fields.
    AuditEvent left = a;
    left.actor_label = "ab";
    left.action = "c";
    AuditEvent right = a;
    right.actor_label = "a";
    right.action = "bc";
    EXPECT_NE(audit_canonical_encoding(left), audit_canonical_encoding(right));

    // A value that imitates the encoding of the field after it (in two spellings): only the
    // lengths tell each pair apart.
    for (const std::string tag : {"s", "s:"}) {
        AuditEvent forged = a;
        forged.target = "a\noutcome=" + tag + "ok";
        forged.outcome = "b";
        AuditEvent honest = a;
        honest.target = "a";
        honest.outcome = "ok\noutcome=" + tag + "b";
        EXPECT_NE(audit_canonical_encoding(forged), audit_canonical_encoding(honest)) << tag;
    }
}

TEST(AuditEncoding, HashCoversIdAndPrevHashAndIsStable) {
    AuditEvent e = event("person.read", 12);
    e.id = 1;
    e.prev_hash = kAuditGenesisHash;
    // Pinned, so that a change to the encoding (which would orphan every stored chain) fails
    // here. The hash was computed independently (Python's hashlib) from docs/audit.md.
    EXPECT_EQ(audit_canonical_encoding(e),
              "alis-audit-v1\n"
              "id=i1\n"
              "at=s20:2026-11-22T10:15:30Z\n"
              "actor_account_id=i3\n"
              "actor_label=s23:leder@bergen.kommune.no\n"
              "action=s11:person.read\n"
              "subject_person_id=i12\n"
              "target=s11:/personer/1\n"
              "outcome=s2:ok\n"
              "address=s9:192.0.2.7\n"
              "prev_hash=s64:" +
                  kAuditGenesisHash + "\n");
    EXPECT_EQ(audit_hash(e), "c54e9a813c5d605328c6e3597efbcd5d46773e2d09f22425b9ee9653cbc1f9f5");
    AuditEvent other_id = e;
    other_id.id = 2;
    EXPECT_NE(audit_hash(other_id), audit_hash(e));
    AuditEvent other_prev = e;
    other_prev.prev_hash = std::string(63, '0') + "1";
    EXPECT_NE(audit_hash(other_prev), audit_hash(e));
    EXPECT_EQ(kAuditGenesisHash, std::string(64, '0'));
}

TEST_F(AuditTrail, AppendsChainEachEventToThePreviousOne) {
    const std::int64_t first = append(event("login.ok"));
    const std::int64_t second = append(event("person.read", 7));
    const std::int64_t third = append(event("access.denied", 8));
    EXPECT_EQ(first, 1);
    EXPECT_EQ(second, 2);
    EXPECT_EQ(third, 3);

    const auto one = store_->audit_event(1);
    const auto two = store_->audit_event(2);
    const auto three = store_->audit_event(3);
    ASSERT_TRUE(one && two && three);
    EXPECT_EQ(one->prev_hash, kAuditGenesisHash);
    EXPECT_EQ(two->prev_hash, one->hash);
    EXPECT_EQ(three->prev_hash, two->hash);
    EXPECT_EQ(one->hash, audit_hash(*one));
    EXPECT_EQ(three->hash, audit_hash(*three));
    EXPECT_NE(one->hash, two->hash);
    EXPECT_FALSE(store_->audit_event(4));
}

TEST_F(AuditTrail, AnAppendInAFailedWriteLeavesNoEvent) {
    append(event("login.ok"));
    EXPECT_THROW(store_->write([](StoreWriter& w) {
        w.append_audit(event("objective.approved", 5));
        throw std::runtime_error("the approval itself failed");
    }),
                 std::runtime_error);
    EXPECT_FALSE(store_->audit_event(2));
    EXPECT_TRUE(store_->audit_events_about(5, 10).empty());
    // The next event takes the id the rolled-back one would have had, and the chain holds.
    EXPECT_EQ(append(event("login.ok")), 2);
    const auto verification = store_->verify_audit_chain();
    EXPECT_TRUE(verification.ok) << verification.reason;
    EXPECT_EQ(verification.rows_checked, 2);
}

TEST_F(AuditTrail, TheDatabaseRefusesUpdateAndDelete) {
    append(event("person.read", 7));
    RawDatabase raw(db_path());
    EXPECT_EQ(raw.exec("UPDATE audit_events SET target = 'elsewhere' WHERE id = 1") & 0xff,
              SQLITE_CONSTRAINT);
    EXPECT_NE(raw.last_message().find("append-only"), std::string::npos) << raw.last_message();
    EXPECT_EQ(raw.exec("DELETE FROM audit_events WHERE id = 1") & 0xff, SQLITE_CONSTRAINT);
    EXPECT_NE(raw.last_message().find("append-only"), std::string::npos) << raw.last_message();
    EXPECT_EQ(raw.exec("DELETE FROM audit_events") & 0xff, SQLITE_CONSTRAINT);

    const auto row = store_->audit_event(1);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->target, "/personer/1");
    EXPECT_TRUE(store_->verify_audit_chain().ok);
}

TEST_F(AuditTrail, VerifyPassesAnIntactChainOfFiftyEvents) {
    const auto empty = store_->verify_audit_chain();
    EXPECT_TRUE(empty.ok);
    EXPECT_EQ(empty.rows_checked, 0);
    EXPECT_EQ(empty.head_hash, kAuditGenesisHash);

    store_->write([](StoreWriter& w) {
        for (int i = 0; i < 50; ++i) {
            AuditEvent e = event(i % 2 == 0 ? "person.read" : "login.failed",
                                 i % 3 == 0 ? std::optional<std::int64_t>(i) : std::nullopt);
            if (i % 5 == 0) {
                e.actor_account_id = std::nullopt;
                e.actor_label = "anonym";
            }
            w.append_audit(e);
        }
    });
    const auto verification = store_->verify_audit_chain();
    EXPECT_TRUE(verification.ok) << verification.reason;
    EXPECT_EQ(verification.rows_checked, 50);
    EXPECT_EQ(verification.head_id, 50);
    EXPECT_EQ(verification.head_hash, store_->audit_event(50)->hash);
    EXPECT_FALSE(verification.first_bad_id);
}

TEST_F(AuditTrail, EventsAboutAPersonAreTheirsOnlyNewestFirst) {
    append(event("person.read", 7, "/personer/7"));
    append(event("person.read", 8, "/personer/8"));
    append(event("login.ok"));
    append(event("employment.added", 7, "/personer/7/ansettelser"));
    append(event("person.read", 7, "/personer/7/plan"));

    const auto about = store_->audit_events_about(7, 10);
    ASSERT_EQ(about.size(), 3u);
    EXPECT_EQ(about[0].id, 5);
    EXPECT_EQ(about[0].target, "/personer/7/plan");
    EXPECT_EQ(about[1].id, 4);
    EXPECT_EQ(about[2].id, 1);
    for (const auto& e : about) {
        EXPECT_EQ(e.subject_person_id, 7);
    }
    const auto limited = store_->audit_events_about(7, 2);
    ASSERT_EQ(limited.size(), 2u);
    EXPECT_EQ(limited[0].id, 5);
    EXPECT_EQ(limited[1].id, 4);
    EXPECT_TRUE(store_->audit_events_about(99, 10).empty());
}

TEST_F(AuditTrail, HostileAndNorwegianTextRoundTripsUnchanged) {
    AuditEvent e = event("person.read", 7);
    e.actor_label = "O'Hara \"Øyvind\" Ærø-Ås";
    e.target = "<script>alert('x')</script>; DROP TABLE audit_events; --";
    e.address = "2001:db8::1";
    const std::int64_t id = append(e);

    const auto back = store_->audit_event(id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->actor_label, e.actor_label);
    EXPECT_EQ(back->target, e.target);
    EXPECT_EQ(back->address, e.address);
    EXPECT_EQ(back->actor_account_id, 3);
    EXPECT_EQ(back->at, e.at);
    EXPECT_TRUE(store_->verify_audit_chain().ok);
}

TEST_F(AuditTrail, VerifyNamesARowRewrittenWithAFreshHash) {
    for (int i = 0; i < 8; ++i) {
        append(event("person.read", i));
    }
    // Row 4 rewritten by someone who knows the encoding: its own hash fits again, but row 5
    // still points at the old one.
    AuditEvent row = *store_->audit_event(4);
    row.target = "/personer/somebody-else";
    row.hash = audit_hash(row);
    store_.reset();
    {
        RawDatabase raw(db_path());
        ASSERT_EQ(raw.exec("DROP TRIGGER audit_events_no_update"), SQLITE_OK);
        ASSERT_EQ(raw.run("UPDATE audit_events SET target = ?1, hash = ?2 WHERE id = 4",
                          {row.target, row.hash}),
                  SQLITE_DONE);
    }
    store_ = open_store(dir_.sqlite_url(), 1);
    const auto verification = store_->verify_audit_chain();
    EXPECT_FALSE(verification.ok);
    EXPECT_EQ(verification.first_bad_id, 4) << verification.reason;
    EXPECT_NE(verification.reason.find("row 5 no longer chains"), std::string::npos)
        << verification.reason;
}

}  // namespace
}  // namespace alis::store
