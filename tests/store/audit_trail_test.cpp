// The audit trail in the store: appends chain, a rolled-back write leaves no event, and the chain
// check passes an intact chain. What the SQLite database itself refuses, and the check naming a
// row rewritten behind the store's back, are in sqlite/audit_trail_sqlite_test.cpp.
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

namespace alis::store {
namespace audit_trail_test {

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

class AuditTrail : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = open_database(dir_.sqlite_url(), 2);
        db_->migrate();
    }
    std::int64_t append(const AuditEvent& e) {
        return db_->write([&](UnitOfWork& w) { return w.audit().append(e); });
    }

    testing::TempDir dir_;
    std::unique_ptr<Database> db_;
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

    const auto one = db_->read([&](const Snapshot& s) { return s.audit().find(1); });
    const auto two = db_->read([&](const Snapshot& s) { return s.audit().find(2); });
    const auto three = db_->read([&](const Snapshot& s) { return s.audit().find(3); });
    ASSERT_TRUE(one && two && three);
    EXPECT_EQ(one->prev_hash, kAuditGenesisHash);
    EXPECT_EQ(two->prev_hash, one->hash);
    EXPECT_EQ(three->prev_hash, two->hash);
    EXPECT_EQ(one->hash, audit_hash(*one));
    EXPECT_EQ(three->hash, audit_hash(*three));
    EXPECT_NE(one->hash, two->hash);
    EXPECT_FALSE(db_->read([&](const Snapshot& s) { return s.audit().find(4); }));
}

TEST_F(AuditTrail, AnAppendInAFailedWriteLeavesNoEvent) {
    append(event("login.ok"));
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        w.audit().append(event("objective.approved", 5));
        throw std::runtime_error("the approval itself failed");
    }),
                 std::runtime_error);
    EXPECT_FALSE(db_->read([&](const Snapshot& s) { return s.audit().find(2); }));
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.audit().events_about(5, 10); }).empty());
    // The next event takes the id the rolled-back one would have had, and the chain holds.
    EXPECT_EQ(append(event("login.ok")), 2);
    const auto verification = db_->read([&](const Snapshot& s) { return s.audit().verify(); });
    EXPECT_TRUE(verification.ok) << verification.reason;
    EXPECT_EQ(verification.rows_checked, 2);
}

TEST_F(AuditTrail, VerifyPassesAnIntactChainOfFiftyEvents) {
    const auto empty = db_->read([&](const Snapshot& s) { return s.audit().verify(); });
    EXPECT_TRUE(empty.ok);
    EXPECT_EQ(empty.rows_checked, 0);
    EXPECT_EQ(empty.head_hash, kAuditGenesisHash);

    db_->write([](UnitOfWork& w) {
        for (int i = 0; i < 50; ++i) {
            AuditEvent e = event(i % 2 == 0 ? "person.read" : "login.failed",
                                 i % 3 == 0 ? std::optional<std::int64_t>(i) : std::nullopt);
            if (i % 5 == 0) {
                e.actor_account_id = std::nullopt;
                e.actor_label = "anonym";
            }
            w.audit().append(e);
        }
    });
    const auto verification = db_->read([&](const Snapshot& s) { return s.audit().verify(); });
    EXPECT_TRUE(verification.ok) << verification.reason;
    EXPECT_EQ(verification.rows_checked, 50);
    EXPECT_EQ(verification.head_id, 50);
    EXPECT_EQ(verification.head_hash,
              db_->read([&](const Snapshot& s) { return s.audit().find(50); })->hash);
    EXPECT_FALSE(verification.first_bad_id);
}

TEST_F(AuditTrail, EventsAboutAPersonAreTheirsOnlyNewestFirst) {
    append(event("person.read", 7, "/personer/7"));
    append(event("person.read", 8, "/personer/8"));
    append(event("login.ok"));
    append(event("employment.added", 7, "/personer/7/ansettelser"));
    append(event("person.read", 7, "/personer/7/plan"));

    const auto about = db_->read([&](const Snapshot& s) { return s.audit().events_about(7, 10); });
    ASSERT_EQ(about.size(), 3u);
    EXPECT_EQ(about[0].id, 5);
    EXPECT_EQ(about[0].target, "/personer/7/plan");
    EXPECT_EQ(about[1].id, 4);
    EXPECT_EQ(about[2].id, 1);
    for (const auto& e : about) {
        EXPECT_EQ(e.subject_person_id, 7);
    }
    const auto limited = db_->read([&](const Snapshot& s) { return s.audit().events_about(7, 2); });
    ASSERT_EQ(limited.size(), 2u);
    EXPECT_EQ(limited[0].id, 5);
    EXPECT_EQ(limited[1].id, 4);
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.audit().events_about(99, 10); }).empty());
}

TEST_F(AuditTrail, HostileAndNorwegianTextRoundTripsUnchanged) {
    AuditEvent e = event("person.read", 7);
    e.actor_label = "O'Hara \"Øyvind\" Ærø-Ås";
    e.target = "<script>alert('x')</script>; DROP TABLE audit_events; --";
    e.address = "2001:db8::1";
    const std::int64_t id = append(e);

    const auto back = db_->read([&](const Snapshot& s) { return s.audit().find(id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->actor_label, e.actor_label);
    EXPECT_EQ(back->target, e.target);
    EXPECT_EQ(back->address, e.address);
    EXPECT_EQ(back->actor_account_id, 3);
    EXPECT_EQ(back->at, e.at);
    EXPECT_TRUE(db_->read([&](const Snapshot& s) { return s.audit().verify(); }).ok);
}

}  // namespace audit_trail_test
}  // namespace alis::store
