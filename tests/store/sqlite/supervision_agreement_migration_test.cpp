// Migration 0023 (migrations/sqlite/0023_supervision_agreement_documents.sql) on a database that
// holds signed ALIS agreements: documents take a version of a supervision agreement
// (supervisor_id) and document_signatures the supervisor's signature, every row and its
// signatures and frozen PDF stay as they were, and the tables stay append-only.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/raw_sqlite.hpp"
#include "support/temp_dir.hpp"

namespace alis::store {
namespace supervision_agreement_migration_test {

constexpr int kBefore = 22;  // The last migration before the one tested here.

// Bergen's trainee Kari with an agreement whose document version both parties signed, and Siri,
// a supervisor Bergen has registered.
constexpr const char* kSignedAgreement = R"sql(
INSERT INTO municipalities (number, name, county, centrality_class, enterprise_status, alis_office)
VALUES ('4601', 'Bergen', 'Vestland', 1, 'registered', 'Bergen');
INSERT INTO people (id, full_name, hpr_number, training_status) VALUES
    (1, 'Kari Alis', '1000001', 'in_training'),
    (2, 'Siri Spesialist', '1000002', 'specialist');
INSERT INTO supervisors (id, person_id, municipality_number, qualification, office,
                         home_municipality_number, registered_on) VALUES
    (7, 2, '4601', 'specialist', 'Sentrum', '4601', '2025-03-01');
INSERT INTO employments (id, person_id, municipality_number, starts_on, fte, post_type, pay_model)
VALUES (1, 1, '4601', '2024-01-01', 100, 'gp_list', 'salaried');
INSERT INTO agreements (id, employment_id, kind, template_version, national_template, covers_from,
                        status, signed_on, recorded_at, recorded_by) VALUES
    (3, 1, 'alis_agreement', '2026-12-01', 1, '2024-01-01', 'signed', '2026-11-20',
     '2026-11-20T10:00:00Z', 'Leder Bergen');
INSERT INTO accounts (id, email, display_name, person_id, password_hash) VALUES
    (1, 'leder@bergen.no', 'Leder Bergen', NULL, 'x'),
    (2, 'kari@lege.no', 'Kari Alis', 1, 'x');
INSERT INTO documents (id, agreement_id, version, kind, template_version, title, content,
                       content_sha256, created_at, created_by) VALUES
    (5, 3, 1, 'alis-agreement', '2026-12-01', 'ALIS-avtale for Kari Alis', '# ALIS-avtale',
     'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-11-20T09:00:00Z',
     'Leder Bergen');
INSERT INTO document_signatures (document_id, party, account_id, signer, signed_at) VALUES
    (5, 'employer', 1, 'Leder Bergen', '2026-11-20T09:30:00Z'),
    (5, 'trainee', 2, 'Kari Alis', '2026-11-20T10:00:00Z');
INSERT INTO signed_documents (document_id, pdf_base64, pdf_sha256, signed_at) VALUES
    (5, 'JVBERi0=', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
     '2026-11-20T10:00:00Z');
)sql";

// A version of the agreement with Siri's registration (7), and its insert statement's tail.
constexpr const char* kSupervisionVersion =
    "INSERT INTO documents (supervisor_id, version, kind, template_version, title, content,"
    " content_sha256, created_at, created_by) VALUES (7, 1, 'supervision-agreement',"
    " '2026-12-02', 'Veiledningsavtale med Siri Spesialist', '# Veiledningsavtale',"
    " 'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',"
    " '2026-12-01T09:00:00Z', 'Leder Bergen')";

class SupervisionAgreementMigration : public ::testing::Test {
  protected:
    void SetUp() override {
        testing::RawSqlite db(path());
        testing::migrate_sqlite_up_to(db, kBefore);
        db.exec(kSignedAgreement);
    }
    std::string path() const { return (dir_.path() / "alis.db").string(); }
    // Opens the database on the file and applies the migrations after kBefore.
    std::unique_ptr<Database> migrated() {
        auto db = open_database(dir_.sqlite_url(), 1);
        EXPECT_GE(db->migrate(), 1);
        EXPECT_EQ(db->applied_migrations().back(), migrations_for("sqlite").back().version);
        return db;
    }

    testing::TempDir dir_;
};

TEST_F(SupervisionAgreementMigration, KeepsEverySignedDocumentAsItWas) {
    auto db = migrated();
    const auto d = db->read([&](const Snapshot& s) { return s.documents().find(5); });
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->agreement_id, 3);
    EXPECT_FALSE(d->supervisor_id.has_value());
    EXPECT_EQ(d->content, "# ALIS-avtale");
    ASSERT_EQ(d->signatures.size(), 2u);
    EXPECT_EQ(d->signatures[1].party, domain::DocumentParty::trainee);
    EXPECT_EQ(d->pdf_sha256, std::string(64, 'b'));
    EXPECT_EQ(d->status(), domain::DocumentStatus::signed_by_all);
    EXPECT_EQ(db->read([&](const Snapshot& s) { return s.documents().person_of(5); }), 1);
    testing::RawSqlite raw(path());
    EXPECT_TRUE(raw.column("PRAGMA foreign_key_check").empty());
    EXPECT_EQ(raw.column("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_TRUE(raw.column("SELECT name FROM sqlite_schema WHERE name LIKE 'migration_%'").empty())
        << "the migration's check table is gone";
}

TEST_F(SupervisionAgreementMigration, TakesASupervisionAgreementSignedByTheSupervisor) {
    // A connection that read the schema before the migration sees the change too.
    testing::RawSqlite before(path());
    ASSERT_EQ(before.column("SELECT count(*) FROM documents"), std::vector<std::string>{"1"});
    auto db = migrated();
    ASSERT_EQ(before.try_exec(kSupervisionVersion), SQLITE_OK) << before.last_message();
    EXPECT_EQ(before.try_exec("INSERT INTO document_signatures (document_id, party, account_id,"
                              " signer, signed_at) VALUES (6, 'supervisor', 1, 'Siri',"
                              " '2026-12-01T10:00:00Z')"),
              SQLITE_OK)
        << before.last_message();
    const auto versions =
        db->read([&](const Snapshot& s) { return s.documents().supervision_versions_of(7); });
    ASSERT_EQ(versions.size(), 1u);
    EXPECT_EQ(versions.front().kind, domain::DocumentKind::supervision_agreement);
    EXPECT_EQ(versions.front().supervisor_id, 7);
    EXPECT_EQ(versions.front().status(), domain::DocumentStatus::partly_signed);
    EXPECT_EQ(db->read([&](const Snapshot& s) {
        return s.documents().supervision_documents_of(2).size();
    }),
              1u);
    EXPECT_FALSE(db->read([&](const Snapshot& s) { return s.documents().person_of(6); }))
        << "a supervision agreement is no person's ALIS agreement";
}

TEST_F(SupervisionAgreementMigration, StillRefusesWhatTheSchemaForbids) {
    migrated();
    testing::RawSqlite db(path());
    const std::vector<std::pair<const char*, const char*>> refused = {
        {"a version of both kinds of agreement",
         "INSERT INTO documents (agreement_id, supervisor_id, version, kind, template_version,"
         " title, content, content_sha256, created_at, created_by) VALUES (3, 7, 2,"
         " 'alis-agreement', 'v', 't', 'c',"
         " 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 'x', 'y')"},
        {"an ALIS agreement without its agreement",
         "INSERT INTO documents (version, kind, template_version, title, content, content_sha256,"
         " created_at, created_by) VALUES (2, 'alis-agreement', 'v', 't', 'c',"
         " 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 'x', 'y')"},
        {"a supervisor no municipality registered",
         "INSERT INTO documents (supervisor_id, version, kind, template_version, title, content,"
         " content_sha256, created_at, created_by) VALUES (99, 1, 'supervision-agreement', 'v',"
         " 't', 'c', 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 'x',"
         " 'y')"},
        {"another party",
         "INSERT INTO document_signatures (document_id, party, account_id, signer,"
         " signed_at) VALUES (5, 'witness', 1, 'x', 'y')"},
        {"a change", "UPDATE documents SET title = 'Endret' WHERE id = 5"},
        {"a removal", "DELETE FROM document_signatures WHERE document_id = 5"},
    };
    for (const auto& [what, sql] : refused) {
        EXPECT_NE(db.try_exec(sql), SQLITE_OK) << what;
    }
    ASSERT_EQ(db.try_exec(kSupervisionVersion), SQLITE_OK) << db.last_message();
    EXPECT_NE(db.try_exec(kSupervisionVersion), SQLITE_OK) << "one row per version";
    EXPECT_EQ(db.column("SELECT count(*) FROM document_signatures"), std::vector<std::string>{"2"});
}

}  // namespace supervision_agreement_migration_test
}  // namespace alis::store
