#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace alis::store {

// The embedded SQLite backend: one writer connection behind a mutex (SQLite allows one writer at a
// time anyway) and a pool of read-only connections that WAL lets run beside the writer.
class SqliteStore final : public Store {
  public:
    // Opens or creates the database file; throws StoreError with the path and reason on failure.
    SqliteStore(std::string path, int reader_connections);
    ~SqliteStore() override;

    int migrate() override;
    std::vector<int> applied_migrations() override;
    bool ping() override;
    void write(const std::function<void(StoreWriter&)>& work) override;
    std::uint64_t data_generation() override;
    std::vector<Municipality> municipalities() override;
    std::vector<MunicipalitySummary> municipality_summaries(Date day) override;
    std::optional<Person> person(std::int64_t id) override;
    std::vector<Employment> employments_of(std::int64_t person_id) override;
    std::vector<Leave> leaves_of(std::int64_t person_id) override;
    std::vector<ServicePeriod> service_periods_of(std::int64_t person_id) override;
    std::vector<TraineeRecord> trainee_records(const std::string& municipality_number,
                                               Date day) override;
    std::optional<Person> person_by_hpr(const std::string& hpr_number) override;
    int count_people(TrainingStatus status) override;
    std::optional<Municipality> municipality(const std::string& number) override;

    std::optional<Account> account_by_email(const std::string& email) override;
    std::optional<Account> account(std::int64_t id) override;
    std::vector<Account> accounts() override;
    std::vector<RoleGrant> role_grants_of(std::int64_t account_id) override;
    std::optional<Session> session(const std::string& id_hash) override;
    int login_failures_for(const std::string& email, std::int64_t since) override;
    int login_failures_from(const std::string& address, std::int64_t since) override;
    std::vector<std::string> employing_municipalities(std::int64_t person_id, Date day) override;
    std::vector<std::int64_t> supervisors_of(std::int64_t trainee_person_id, Date day) override;
    std::vector<std::int64_t> trainees_of(std::int64_t supervisor_person_id, Date day) override;
    std::vector<Person> trainees_employed_by(const std::string& municipality_number,
                                             Date day) override;

    // General education plans (journey 6).
    std::vector<EnterpriseStatusChange> enterprise_status_history(
        const std::string& municipality_number) override;
    std::vector<LearningArena> learning_arenas(const std::string& municipality_number) override;
    std::optional<LearningArena> learning_arena(std::int64_t arena_id) override;
    std::vector<PlanResponsibility> plan_responsibilities(
        const std::string& municipality_number) override;
    std::optional<PlanResponsibility> plan_responsibility(std::int64_t responsibility_id) override;
    std::optional<GeneralPlanChange> general_plan_change(
        const std::string& municipality_number) override;

    // Individual education plans (journey 4)
    std::vector<EducationPlanRevision> education_plan_revisions(std::int64_t person_id) override;
    std::optional<EducationPlanRevision> current_education_plan(std::int64_t person_id) override;

    // The audit trail (sqlite_audit.cpp).
    // Supervisors (journey 5)
    std::vector<SupervisorSummary> supervisors_for(const std::string& municipality_number,
                                                   Date day) override;
    std::optional<Supervisor> supervisor_registration(const std::string& municipality_number,
                                                      std::int64_t person_id) override;
    int supervisor_capacity(const std::string& municipality_number) override;
    std::vector<SupervisorAssignment> supervisor_assignments_of(
        std::int64_t trainee_person_id) override;
    std::vector<RegionMunicipalityCounts> region_counts(const std::string& alis_office,
                                                        Date day) override;

    std::vector<AuditEvent> audit_events_about(std::int64_t person_id, int limit) override;
    std::optional<AuditEvent> audit_event(std::int64_t id) override;
    AuditVerification verify_audit_chain() override;

  private:
    // A reader connection borrowed from the pool for the lifetime of this object.
    class ReaderLease {
      public:
        ReaderLease(SqliteStore& store, std::unique_ptr<sqlite::Connection> connection);
        ~ReaderLease();
        ReaderLease(const ReaderLease&) = delete;
        ReaderLease& operator=(const ReaderLease&) = delete;
        sqlite::Connection& operator*() { return *connection_; }

      private:
        SqliteStore& store_;
        std::unique_ptr<sqlite::Connection> connection_;
    };
    ReaderLease reader();

    std::string path_;
    std::mutex write_mutex_;
    std::unique_ptr<sqlite::Connection> writer_;

    std::mutex pool_mutex_;
    std::condition_variable pool_available_;
    std::vector<std::unique_ptr<sqlite::Connection>> idle_readers_;
};

}  // namespace alis::store
