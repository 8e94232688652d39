// Individual education plans in the SQLite database itself: a revision, once written, cannot be
// changed or removed, not even with SQL by someone with access to the file (the triggers of
// migrations/sqlite/0007_education_plans.sql abort it).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "store/database.hpp"
#include "support/temp_dir.hpp"

namespace alis::store {
namespace education_plan_store_test {

// Runs `sql` on its own connection to the file; returns SQLite's result code and its message.
int run_raw(const std::string& path, const char* sql, std::string& message) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        message = "cannot open";
        return SQLITE_CANTOPEN;
    }
    sqlite3_busy_timeout(db, 5000);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return rc;
}

TEST(EducationPlanStore, RevisionsAndTheirPeriodsAreAppendOnly) {
    testing::TempDir dir;
    auto db = open_database(dir.sqlite_url(), 1);
    db->migrate();
    std::int64_t person = 0;
    db->write([&](UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Åse Lege";
        person = w.people().add(p);
        domain::EducationPlanRevision r;
        r.person_id = person;
        r.revised_at = "2026-11-22T09:00:00Z";
        r.revised_on = *domain::Date::parse_iso("2026-11-22");
        r.author_label = "Kari Leder";
        r.plan.periods.push_back({domain::Arena::institution, "Haukeland",
                                  *domain::Date::parse_iso("2027-01-01"),
                                  *domain::Date::parse_iso("2027-06-30"), 100});
        w.education_plans().add_revision(r);
    });
    const std::string path = (dir.path() / "alis.db").string();
    std::string message;
    for (const char* sql : {
             "UPDATE education_plan_revisions SET courses = 'endret'",
             "DELETE FROM education_plan_revisions",
             "UPDATE education_plan_periods SET fte = 50",
             "DELETE FROM education_plan_periods",
         }) {
        EXPECT_NE(run_raw(path, sql, message), SQLITE_OK) << sql;
        EXPECT_NE(message.find("append-only"), std::string::npos) << sql << ": " << message;
    }
    const auto kept =
        db->read([&](const Snapshot& s) { return s.education_plans().revisions_of(person); });
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].plan.courses, "");
    ASSERT_EQ(kept[0].plan.periods.size(), 1u);
    EXPECT_EQ(kept[0].plan.periods[0].fte, 100);
}

}  // namespace education_plan_store_test
}  // namespace alis::store
