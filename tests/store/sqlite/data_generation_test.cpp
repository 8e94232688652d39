// SQLite keeps data_generation with triggers (migration 0009): every write to a table that holds
// data raises it, by alis or by hand, so that no cache of derived data goes stale; logins, failed
// logins and the audit trail leave it alone, so that they keep the caches warm.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>
#include <stdexcept>
#include <string>

#include "app/accounts.hpp"
#include "app/audit_head.hpp"
#include "app/auth.hpp"
#include "app/demo_data.hpp"
#include "app/digests.hpp"
#include "app/supervisors.hpp"
#include "store/database.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"
#include "web/documents.hpp"

namespace alis::store {
namespace data_generation_test {

// A second connection to the database, as another process (or sqlite3 by hand) would have.
class Connection {
  public:
    explicit Connection(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            sqlite3_close(db_);
            throw std::runtime_error("cannot open " + path);
        }
        sqlite3_busy_timeout(db_, 5000);
    }
    ~Connection() { sqlite3_close(db_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs `sql`; returns the error message, or empty when it succeeded.
    std::string exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) {
            return {};
        }
        std::string error = message != nullptr ? message : "unknown error";
        sqlite3_free(message);
        return error.empty() ? "unknown error" : error;
    }
    // Rows changed by the last statement.
    int changes() { return sqlite3_changes(db_); }
    // The first column of every row the query returns, as text.
    std::vector<std::string> column(const std::string& sql) {
        std::vector<std::string> result;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sqlite3_errmsg(db_) << " in " << sql;
            return result;
        }
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(stmt, 0);
            result.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
        }
        sqlite3_finalize(stmt);
        return result;
    }

  private:
    sqlite3* db_ = nullptr;
};

// The tables whose rows are bookkeeping, not data: logins, sessions, calendar addresses, the
// e-mail outbox, the audit trail (which caches never show) and the migration log and counter
// themselves.
const std::set<std::string> kBookkeeping = {
    "sessions",          "login_failures",  "calendar_feeds",    "audit_events",
    "schema_migrations", "data_generation", "digest_sent_tasks", "mail_outbox"};

const domain::Date kToday = *domain::Date::parse_iso("2026-11-22");

// A migrated database holding the demo data, so that every data table has rows to hit.
class DataGeneration : public ::testing::Test {
  protected:
    void SetUp() override {
        app = testing::open_app(dir.sqlite_url(),
                                app::Clock{[] { return kToday; }, [this] { return now; }}, 1);
        store = &app->database();
        app::load_demo_data(*app, kToday, {.seed = 7});
        web::add_demo_documents(web::Catalogue("nb"), *app, kToday);
        // The demo keeps every municipality at the default capacity, which is no row.
        domain::AuditEvent audit;
        audit.at = "2026-11-22T10:00:00Z";
        audit.actor_label = "system";
        audit.action = "supervisor_capacity.set";
        audit.target = "4601";
        audit.outcome = "ok";
        app::set_supervisor_capacity(*app, "4601", 3, audit);
        // An account that wants no e-mail digest (migration 0020's one data table).
        app::set_digest_choice(*app, app::accounts_with_roles(*app).front().account.id,
                               app::DigestChoice::opt_out, audit);
        // The demo keeps the compiled-in document templates, which are no rows either.
        testing::add_template_version(*app, domain::DocumentKind::general_plan, "demo-2");
        // No installation imports a record onto its own demo (migration 0025).
        testing::add_imported_training_record(*app);
    }
    std::string path() const { return (dir.path() / "alis.db").string(); }

    testing::TempDir dir;
    std::int64_t now = 1795305600;
    std::unique_ptr<app::Application> app;
    Database* store = nullptr;
};

TEST_F(DataGeneration, EveryInsertUpdateAndDeleteOnADataTableRaisesIt) {
    Connection db(path());
    // Deleting a parent row must not be refused for its children: this is about the triggers.
    ASSERT_EQ(db.exec("PRAGMA foreign_keys = OFF"), "");
    std::vector<std::string> tables;
    for (const auto& table : db.column("SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        if (!kBookkeeping.contains(table)) {
            tables.push_back(table);
        }
    }
    ASSERT_GE(tables.size(), 16u) << "the data tables of migrations 0001-0009";
    // Raises the generation, as every other connection sees it.
    auto expect_raised = [&](const std::string& table, const char* what, std::uint64_t& last) {
        const auto now = store->data_generation();
        EXPECT_GT(now, last) << what << " on " << table
                             << " left data_generation as it was: the table needs its "
                                "trigger (see migrations/README.md)";
        last = now;
    };
    // One row of the table, picked by rowid; every data table is a rowid table.
    auto one_row = [](const std::string& table) {
        return " WHERE rowid = (SELECT min(rowid) FROM \"" + table + "\")";
    };
    int append_only = 0;
    for (const auto& table : tables) {
        SCOPED_TRACE(table);
        const std::string quoted = "\"" + table + "\"";
        const auto rows = db.column("SELECT count(*) FROM " + quoted);
        ASSERT_NE(rows.at(0), "0") << "the demo data leaves " << table << " empty: fill it first";
        const auto first_column =
            db.column("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid").at(0);
        std::uint64_t last = store->data_generation();

        // A copy of an existing row: it replaces the row it conflicts with (the REPLACE fires no
        // delete trigger, and no append-only guard) or, with no unique key, adds a second one.
        ASSERT_EQ(
            db.exec("INSERT OR REPLACE INTO " + quoted + " SELECT * FROM " + quoted + " LIMIT 1"),
            "");
        ASSERT_EQ(db.changes(), 1);
        expect_raised(table, "INSERT", last);

        // An UPDATE and a DELETE of one row; only the append-only tables refuse them, and then
        // nothing changed.
        bool refused = false;
        for (const auto& [what, sql] :
             {std::pair<const char*, std::string>{
                  "UPDATE", "UPDATE " + quoted + " SET \"" + first_column + "\" = \"" +
                                first_column + "\"" + one_row(table)},
              std::pair<const char*, std::string>{"DELETE",
                                                  "DELETE FROM " + quoted + one_row(table)}}) {
            const auto error = db.exec(sql);
            if (error.empty()) {
                EXPECT_EQ(db.changes(), 1) << what;
                expect_raised(table, what, last);
            } else {
                EXPECT_NE(error.find("append-only"), std::string::npos) << what << ": " << error;
                EXPECT_EQ(store->data_generation(), last)
                    << "a refused " << what << " is no change";
                refused = true;
            }
        }
        append_only += refused ? 1 : 0;
    }
    EXPECT_EQ(append_only, 19)
        << "education_plan_revisions, education_plan_periods, "
           "record_corrections, supervision_addenda, "
           "supervision_meetings (whose first demo meeting is closed), "
           "documents, document_signatures, signed_documents, "
           "objective_catalogue_editions, learning_objectives, "
           "activity_signatures, objective_events, "
           "clinical_supervisor_invitations and activity_sign_requests (deleted never), "
           "document_templates, imported_training_records, attachments, activity_attachments and "
           "completed_courses "
           "(which allows its withdrawal alone)";
}

TEST_F(DataGeneration, LoginsFailedLoginsAndAuditedReadsLeaveItAlone) {
    testing::add_account(*app, "leder@bergen.no", domain::Role::leader, "4601");
    app::Authenticator auth(*app);
    const auto before = store->data_generation();

    const auto ok = auth.login("leder@bergen.no", testing::kTestPassword, "127.0.0.1");
    ASSERT_EQ(ok.outcome, app::LoginOutcome::ok);
    EXPECT_TRUE(store->read([&](const Snapshot& s) {
        return s.identity().find_session(app::Authenticator::hash_session_id(ok.session_id));
    })) << "the login wrote its session";
    EXPECT_EQ(store->data_generation(), before) << "a login (session and audit event)";

    const auto failed = auth.login("leder@bergen.no", "feil-passord-her", "127.0.0.1");
    ASSERT_EQ(failed.outcome, app::LoginOutcome::wrong_credentials);
    EXPECT_EQ(store->read([](const Snapshot& s) {
        return s.identity().login_failures_for("leder@bergen.no", 0);
    }),
              1)
        << "the failure was written";
    EXPECT_EQ(store->data_generation(), before) << "a failed login (login_failures and audit)";

    const auto audit_rows = app::verify_audit_chain(*app).rows_checked;
    domain::AuditEvent event;
    event.at = app::utc_iso(now);
    event.actor_label = "leder@bergen.no";
    event.action = "person.read";
    event.target = "/personer/1";
    event.outcome = "ok";
    event.address = "127.0.0.1";
    app::record_audit(*app, event);
    EXPECT_EQ(app::verify_audit_chain(*app).rows_checked, audit_rows + 1)
        << "the event was written";
    EXPECT_EQ(store->data_generation(), before) << "an audit append";

    now += 2 * 60;  // Past the touch interval: resuming writes last_seen.
    const auto resumed = auth.resume(ok.session_id);
    ASSERT_TRUE(resumed);
    auth.logout(*resumed, "127.0.0.1");
    EXPECT_EQ(store->data_generation(), before) << "using the session and logging out";
}

}  // namespace data_generation_test
}  // namespace alis::store
