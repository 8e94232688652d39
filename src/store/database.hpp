#pragma once

// The store's one interface to a database: open it by URL, migrate it, and run reads and writes
// against the aggregates, each in one transaction. Backends: SQLite (store/sqlite/) and
// PostgreSQL (store/postgres/); the aggregates and their SQL are shared by both.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/attachments.hpp"
#include "store/audit_trail.hpp"
#include "store/courses.hpp"
#include "store/documents.hpp"
#include "store/education_plans.hpp"
#include "store/grants.hpp"
#include "store/identity.hpp"
#include "store/imported_records.hpp"
#include "store/installation.hpp"
#include "store/learning_log.hpp"
#include "store/learning_objectives.hpp"
#include "store/mail_outbox.hpp"
#include "store/municipalities.hpp"
#include "store/people.hpp"
#include "store/sql.hpp"
#include "store/supervision.hpp"
#include "store/supervision_groups.hpp"
#include "store/supervisors.hpp"

namespace alis::store {

// The aggregates as one read transaction sees them: a consistent view of the data, read-only.
class Snapshot {
  public:
    explicit Snapshot(Transaction& tx)
        : municipalities_(tx),
          people_(tx),
          supervisors_(tx),
          supervision_(tx),
          supervision_groups_(tx),
          education_plans_(tx),
          identity_(tx),
          audit_(tx),
          installation_(tx),
          grants_(tx),
          documents_(tx),
          learning_objectives_(tx),
          learning_log_(tx),
          mail_outbox_(tx),
          attachments_(tx),
          courses_(tx),
          imported_records_(tx),
          tx_(tx) {}

    const Municipalities& municipalities() const { return municipalities_; }
    const People& people() const { return people_; }
    const Supervisors& supervisors() const { return supervisors_; }
    const SupervisionMeetings& supervision() const { return supervision_; }
    const SupervisionGroups& supervision_groups() const { return supervision_groups_; }
    const EducationPlans& education_plans() const { return education_plans_; }
    const Identity& identity() const { return identity_; }
    const AuditTrail& audit() const { return audit_; }
    const Installation& installation() const { return installation_; }
    const Grants& grants() const { return grants_; }
    const Documents& documents() const { return documents_; }
    const LearningObjectives& learning_objectives() const { return learning_objectives_; }
    const LearningLog& learning_log() const { return learning_log_; }
    const MailOutbox& mail_outbox() const { return mail_outbox_; }
    const Attachments& attachments() const { return attachments_; }
    const Courses& courses() const { return courses_; }
    const ImportedRecords& imported_records() const { return imported_records_; }
    Dialect dialect() const { return tx_.dialect(); }

  protected:
    Municipalities municipalities_;
    People people_;
    Supervisors supervisors_;
    SupervisionMeetings supervision_;
    SupervisionGroups supervision_groups_;
    EducationPlans education_plans_;
    Identity identity_;
    AuditTrail audit_;
    Installation installation_;
    Grants grants_;
    Documents documents_;
    LearningObjectives learning_objectives_;
    LearningLog learning_log_;
    MailOutbox mail_outbox_;
    Attachments attachments_;
    Courses courses_;
    ImportedRecords imported_records_;
    Transaction& tx_;
};

// One unit of work: reads and writes in one transaction, so that the checks a use case makes
// and the writes that follow from them see the same data. All of its writes are kept, or none.
class UnitOfWork : public Snapshot {
  public:
    using Snapshot::attachments;
    using Snapshot::audit;
    using Snapshot::courses;
    using Snapshot::documents;
    using Snapshot::education_plans;
    using Snapshot::grants;
    using Snapshot::identity;
    using Snapshot::imported_records;
    using Snapshot::installation;
    using Snapshot::learning_log;
    using Snapshot::learning_objectives;
    using Snapshot::mail_outbox;
    using Snapshot::municipalities;
    using Snapshot::people;
    using Snapshot::Snapshot;
    using Snapshot::supervision;
    using Snapshot::supervision_groups;
    using Snapshot::supervisors;
    Municipalities& municipalities() { return municipalities_; }
    People& people() { return people_; }
    Supervisors& supervisors() { return supervisors_; }
    SupervisionMeetings& supervision() { return supervision_; }
    SupervisionGroups& supervision_groups() { return supervision_groups_; }
    EducationPlans& education_plans() { return education_plans_; }
    Identity& identity() { return identity_; }
    AuditTrail& audit() { return audit_; }
    Installation& installation() { return installation_; }
    Grants& grants() { return grants_; }
    Documents& documents() { return documents_; }
    LearningObjectives& learning_objectives() { return learning_objectives_; }
    LearningLog& learning_log() { return learning_log_; }
    MailOutbox& mail_outbox() { return mail_outbox_; }
    Attachments& attachments() { return attachments_; }
    Courses& courses() { return courses_; }
    ImportedRecords& imported_records() { return imported_records_; }
};

// Thrown by write() when the unit of work met a concurrent write it cannot be ordered with and
// was rolled back; nothing of it was kept. Trying again later may succeed (see docs/decisions.md,
// "Writes and conflicts").
class WriteConflict : public StoreError {
  public:
    using StoreError::StoreError;
};

// A database: the one object a process opens per database URL. Safe to use from several threads
// at once; each read or write gets a connection of its own for its transaction.
class Database {
  public:
    virtual ~Database() = default;

    virtual Dialect dialect() const = 0;
    // Applies every migration not yet recorded in schema_migrations; returns how many it applied.
    virtual int migrate() = 0;
    // The versions recorded in schema_migrations, oldest first.
    virtual std::vector<int> applied_migrations() = 0;
    // True when the database answers a trivial query.
    virtual bool ping() = 0;
    // A number that changes with every committed change to data (anything but sessions, login
    // failures and the audit trail), made by this process or any other using the database: what
    // a cache derived from the data stays valid for (kept by triggers; migrations/README.md).
    virtual std::uint64_t data_generation() = 0;

    // Runs `work` against one consistent snapshot and returns what it returns.
    template <typename Work>
    auto read(Work&& work) {
        using Result = std::invoke_result_t<Work, const Snapshot&>;
        if constexpr (std::is_void_v<Result>) {
            run_read([&](const Snapshot& snapshot) { work(snapshot); });
        } else {
            std::optional<Result> result;
            run_read([&](const Snapshot& snapshot) { result.emplace(work(snapshot)); });
            return std::move(*result);
        }
    }

    // Runs `work` as one unit of work and returns what it returns: every write it makes is
    // committed, or none when it throws (the exception then propagates). `work` may run more than
    // once when the backend retries after a conflict, so it must have no effect outside the unit
    // of work beyond setting its own results.
    template <typename Work>
    auto write(Work&& work) {
        using Result = std::invoke_result_t<Work, UnitOfWork&>;
        if constexpr (std::is_void_v<Result>) {
            run_write([&](UnitOfWork& unit) { work(unit); });
        } else {
            std::optional<Result> result;
            run_write([&](UnitOfWork& unit) { result.emplace(work(unit)); });
            return std::move(*result);
        }
    }

  protected:
    virtual void run_read(const std::function<void(const Snapshot&)>& work) = 0;
    virtual void run_write(const std::function<void(UnitOfWork&)>& work) = 0;
};

// Opens the database named by a URL: "sqlite:PATH" (PATH may be relative) or
// "postgresql://user:password@host:port/db" (libpq's URI, also ?host=/socket/folder).
// `connections` is how many reads may run at once (SQLite's readers, PostgreSQL's pool). Throws
// StoreError with a one-line reason for an unknown scheme or a database that cannot be opened.
std::unique_ptr<Database> open_database(std::string_view url, int connections = 4);

// The URL with its password (if any) replaced by ***, for messages and logs.
std::string redacted_url(std::string_view url);

// Writes a copy of the SQLite database named by `url` ("sqlite:PATH"), as one snapshot sees it,
// into the new or empty file at `path` while others go on reading and writing it (SQLite's online
// backup, sqlite/backup.hpp); calls `progress(pages copied, pages)` as it goes. It reads through
// a read-only connection of its own, so it never takes the writer's lock, nor checkpoints on
// closing as a Database does. Throws StoreError on failure or for any other URL.
void back_up_sqlite(std::string_view url, const std::string& path,
                    const std::function<void(int copied, int total)>& progress);

}  // namespace alis::store
