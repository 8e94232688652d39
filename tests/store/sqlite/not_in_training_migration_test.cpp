// Migration 0008 (migrations/sqlite/0008_not_in_training.sql) on a database that lived through
// migrations 1-7: people.training_status allows 'not_in_training', the approved experienced
// supervisors recorded as 'left' with no training path of their own move to it, and no row and no
// reference to a person is lost on the way.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/raw_sqlite.hpp"
#include "support/temp_dir.hpp"

namespace alis::store {
namespace not_in_training_migration_test {

using domain::TrainingStatus;

constexpr int kBefore = 7;  // The last migration before the one tested here.

// Who lives in the database before migration 0008, by id (kPeopleBefore).
constexpr std::int64_t kKari = 1;  // Approved experienced supervisor, 'left', nothing else: moves.
constexpr std::int64_t kOla = 2;   // The same, but once employed as a trainee: stays.
constexpr std::int64_t kLise = 3;  // The same, but had a supervisor of her own: stays.
constexpr std::int64_t kSiri = 4;  // Specialist supervisor: stays.
constexpr std::int64_t kPer = 5;   // 'left' and no supervisor registration: stays.
constexpr std::int64_t kAnne = 6;  // In training, supervised by Kari: stays.

constexpr const char* kPeopleBefore = R"sql(
INSERT INTO municipalities (number, name, county, centrality_class, enterprise_status, alis_office)
VALUES ('4601', 'Bergen', 'Vestland', 1, 'registered', 'Bergen');
INSERT INTO people (id, full_name, hpr_number, training_status) VALUES
    (1, 'Kari Kollega', '1000001', 'left'),
    (2, 'Ola Tidligere', '1000002', 'left'),
    (3, 'Lise Lege', '1000003', 'left'),
    (4, 'Siri Spesialist', '1000004', 'specialist'),
    (5, 'Per Sluttet', '1000005', 'left'),
    (6, 'Anne Alis', '1000006', 'in_training');
INSERT INTO supervisors (person_id, municipality_number, qualification, approved_on,
                         approval_reason, office, home_municipality_number, registered_on) VALUES
    (1, '4601', 'approved_experienced', '2025-03-01', 'Tjue år som fastlege', 'Fjordbyen', '4601',
     '2025-03-01'),
    (2, '4601', 'approved_experienced', '2025-03-01', 'Lang erfaring', 'Fjordbyen', '4601',
     '2025-03-01'),
    (3, '4601', 'approved_experienced', '2025-03-01', 'Lang erfaring', 'Fjordbyen', '4601',
     '2025-03-01'),
    (4, '4601', 'specialist', NULL, NULL, 'Sentrum', '4601', '2025-03-01');
INSERT INTO employments (id, person_id, municipality_number, starts_on, ends_on, fte, post_type,
                         pay_model) VALUES
    (1, 2, '4601', '2015-01-01', '2017-12-31', 100, 'gp_list', 'salaried'),
    (2, 6, '4601', '2024-01-01', NULL, 100, 'gp_list', 'salaried');
INSERT INTO service_periods (person_id, employment_id, arena, place, starts_on, ends_on, fte,
                             employer_registered) VALUES
    (2, 1, 'open_general_practice', 'Bergen', '2015-01-01', '2017-12-31', 100, 1),
    (6, 2, 'open_general_practice', 'Bergen', '2024-01-01', NULL, 100, 1);
INSERT INTO supervisor_assignments (supervisor_person_id, trainee_person_id, starts_on) VALUES
    (4, 3, '2016-01-01'),
    (1, 6, '2025-03-01');
INSERT INTO accounts (id, email, display_name, person_id, password_hash) VALUES
    (1, 'kari@fjordbyen.no', 'Kari Kollega', 1, 'x');
)sql";

class NotInTrainingMigration : public ::testing::Test {
  protected:
    void SetUp() override {
        testing::RawSqlite db(path());
        testing::migrate_sqlite_up_to(db, kBefore);
        db.exec(kPeopleBefore);
    }
    std::string path() const { return (dir_.path() / "alis.db").string(); }
    // Opens the database on the file and applies the migrations after kBefore.
    std::unique_ptr<Database> migrated() {
        auto db = open_database(dir_.sqlite_url(), 1);
        EXPECT_EQ(db->migrate(), static_cast<int>(migrations_for("sqlite").size()) - kBefore);
        return db;
    }

    testing::TempDir dir_;
};

TEST_F(NotInTrainingMigration, MovesOnlyApprovedSupervisorsWithoutATrainingPathOfTheirOwn) {
    auto db = migrated();
    const auto status = [&](std::int64_t id) {
        return db->read([&](const Snapshot& s) { return s.people().find(id); })->training_status;
    };
    EXPECT_EQ(status(kKari), TrainingStatus::not_in_training);
    EXPECT_EQ(status(kOla), TrainingStatus::left) << "was employed as a trainee";
    EXPECT_EQ(status(kLise), TrainingStatus::left) << "had a supervisor of her own";
    EXPECT_EQ(status(kSiri), TrainingStatus::specialist);
    EXPECT_EQ(status(kPer), TrainingStatus::left) << "no supervisor registration";
    EXPECT_EQ(status(kAnne), TrainingStatus::in_training);
    EXPECT_EQ(db->read([&](const Snapshot& s) {
        return s.people().count(TrainingStatus::not_in_training);
    }),
              1);
}

TEST_F(NotInTrainingMigration, KeepsEveryRowAndEveryReferenceToAPerson) {
    migrated();
    testing::RawSqlite db(path());
    EXPECT_EQ(db.column("SELECT count(*) FROM people"), std::vector<std::string>{"6"});
    EXPECT_EQ(
        db.column(
            "SELECT group_concat(full_name, ',') FROM (SELECT full_name FROM people ORDER BY id)"),
        std::vector<std::string>{"Kari Kollega,Ola Tidligere,Lise Lege,Siri Spesialist,"
                                 "Per Sluttet,Anne Alis"});
    EXPECT_EQ(db.column("SELECT count(*) FROM supervisors"), std::vector<std::string>{"4"});
    EXPECT_EQ(db.column("SELECT count(*) FROM supervisor_assignments"),
              std::vector<std::string>{"2"});
    EXPECT_EQ(db.column("SELECT person_id FROM accounts"), std::vector<std::string>{"1"});
    EXPECT_TRUE(db.column("PRAGMA foreign_key_check").empty());
    EXPECT_EQ(db.column("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_TRUE(db.column("SELECT name FROM sqlite_schema WHERE name LIKE 'migration_%'").empty())
        << "the migration's check table is gone";
}

TEST_F(NotInTrainingMigration, TheSchemaAllowsTheNewStatusAndStillRefusesOthers) {
    // A connection that read the schema before the migration sees the change too: the
    // migration increments the schema version.
    testing::RawSqlite before(path());
    ASSERT_EQ(before.column("SELECT count(*) FROM people"), std::vector<std::string>{"6"});
    auto db = migrated();
    EXPECT_EQ(before.try_exec("INSERT INTO people (full_name, training_status)"
                              " VALUES ('Eva Erfaren', 'not_in_training')"),
              SQLITE_OK)
        << before.last_message();
    EXPECT_NE(before.try_exec("INSERT INTO people (full_name, training_status)"
                              " VALUES ('Pensjonist', 'retired')"),
              SQLITE_OK);
    EXPECT_NE(before.last_message().find("CHECK constraint failed"), std::string::npos);

    domain::Person person;
    person.full_name = "Kjell Kollega";
    person.training_status = TrainingStatus::not_in_training;
    std::int64_t id = 0;
    db->write([&](UnitOfWork& w) { id = w.people().add(person); });
    EXPECT_EQ(db->read([&](const Snapshot& s) { return s.people().find(id); })->training_status,
              TrainingStatus::not_in_training);
}

TEST_F(NotInTrainingMigration, APeopleTableItDoesNotRecogniseStopsItAndKeepsEverything) {
    {
        // Someone changed the table by hand: the constraint text is not the one of 0001.
        testing::RawSqlite db(path());
        db.exec(
            "PRAGMA writable_schema = ON;"
            "UPDATE sqlite_schema SET sql = replace(sql, '''specialist'', ''left''))',"
            " '''specialist'',''left''))') WHERE name = 'people';"
            "PRAGMA writable_schema = RESET;");
    }
    auto database = open_database(dir_.sqlite_url(), 1);
    EXPECT_THROW(database->migrate(), StoreError);
    EXPECT_EQ(database->applied_migrations().back(), kBefore);
    EXPECT_EQ(
        database->read([&](const Snapshot& s) { return s.people().find(kKari); })->training_status,
        TrainingStatus::left);
    testing::RawSqlite db(path());
    EXPECT_EQ(db.column("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_NE(db.try_exec("UPDATE people SET training_status = 'not_in_training' WHERE id = 1"),
              SQLITE_OK);
}

}  // namespace not_in_training_migration_test
}  // namespace alis::store
