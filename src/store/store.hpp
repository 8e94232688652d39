#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/education_plan.hpp"
#include "domain/training_path.hpp"

namespace alis::store {

using domain::Date;

enum class EnterpriseStatus { registered, temporarily_registered, not_registered };
// Where a doctor stands in the specialist training in general practice. `not_in_training` is a
// GP who is neither in the training nor a specialist, such as an experienced GP the municipality
// approved as supervisor; `left` is a doctor who left the training.
enum class TrainingStatus { in_training, specialist, left, not_in_training };
enum class PostType { gp_list, other_general_practice, institution };
enum class PayModel { salaried, self_employed };
enum class LeaveKind { parental, sick, other };
// General education plans (journey 6): the kinds of learning arena a plan lists.
enum class ArenaKind {
    gp_office,
    nursing_home,
    out_of_hours_service,
    child_health_clinic,
    hospital_by_agreement,
    other
};
enum class Role {
    trainee,
    supervisor,
    clinical_supervisor,
    leader,
    regional_office,
    national,
    admin
};

std::string_view to_string(EnterpriseStatus value);
std::string_view to_string(TrainingStatus value);
std::string_view to_string(PostType value);
std::string_view to_string(PayModel value);
std::string_view to_string(LeaveKind value);
std::string_view to_string(Role value);
std::string_view to_string(ArenaKind value);
// Each parse_* returns nullopt for text that names no value.
std::optional<EnterpriseStatus> parse_enterprise_status(std::string_view text);
std::optional<TrainingStatus> parse_training_status(std::string_view text);
std::optional<PostType> parse_post_type(std::string_view text);
std::optional<PayModel> parse_pay_model(std::string_view text);
std::optional<LeaveKind> parse_leave_kind(std::string_view text);
std::optional<Role> parse_role(std::string_view text);
std::optional<ArenaKind> parse_arena_kind(std::string_view text);

struct Municipality {
    std::string number;  // SSB municipality number, 4 digits.
    std::string name;
    std::string county;
    int centrality_class = 0;  // SSB, 1 (most central) to 6.
    EnterpriseStatus enterprise_status = EnterpriseStatus::not_registered;
    std::string alis_office;  // The regional ALIS office, e.g. "Bergen".
};

struct Person {
    std::int64_t id = 0;
    std::string full_name;
    std::optional<std::string> hpr_number;
    TrainingStatus training_status = TrainingStatus::in_training;
    std::optional<Date> lis1_completed;
    std::optional<std::string> ruleset;
};

struct Employment {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string municipality_number;
    Date starts_on;
    std::optional<Date> ends_on;  // Inclusive; nullopt while ongoing.
    int fte = 100;                // Position percentage, 1-100.
    PostType post_type = PostType::gp_list;
    PayModel pay_model = PayModel::salaried;
};

struct Leave {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    Date starts_on;
    Date ends_on;  // Inclusive.
    LeaveKind kind = LeaveKind::parental;
};

// A period of service that the training ledger counts: where (arena and place), when, at what
// position, and whether the employer was a registered education enterprise. Usually part of an
// employment by a municipality; institution service at a hospital may stand alone.
struct ServicePeriod {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::optional<std::int64_t> employment_id;
    domain::Arena arena = domain::Arena::OpenGeneralPractice;  // Never Arena::Leave.
    std::string place;                                         // E.g. "Sentrum legekontor".
    Date starts_on;
    std::optional<Date> ends_on;  // Inclusive; nullopt while ongoing.
    int fte = 100;                // Position percentage, 1-100.
    bool employer_registered = true;
};

// A login. `person_id` links the account to the person it belongs to (trainee, supervisor).
struct Account {
    std::int64_t id = 0;
    std::string email;
    std::string display_name;
    std::optional<std::int64_t> person_id;
    std::string password_hash;  // Argon2id, in libsodium's encoded form.
    bool disabled = false;
};

// A role an account holds, scoped and bounded by dates.
struct RoleGrant {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    Role role = Role::trainee;
    std::optional<std::string> municipality_number;  // For leader.
    std::optional<std::string> alis_office;          // For regional_office.
    Date starts_on;
    std::optional<Date> ends_on;
};

// A login session, stored by the hash of its id. Times are Unix seconds.
struct Session {
    std::string id_hash;
    std::int64_t account_id = 0;
    std::string csrf_token;
    std::int64_t created_at = 0;
    std::int64_t last_seen = 0;
    std::int64_t reauthenticated_at = 0;
};

struct SupervisorAssignment {
    std::int64_t id = 0;
    std::int64_t supervisor_person_id = 0;
    std::int64_t trainee_person_id = 0;
    Date starts_on;
    std::optional<Date> ends_on;
};

// Supervisors (journey 5)
// How a supervisor is qualified: a specialist in general practice, or an experienced GP the
// municipality has approved (with the date and reason of that decision).
enum class SupervisorQualification { specialist, approved_experienced };
std::string_view to_string(SupervisorQualification value);
std::optional<SupervisorQualification> parse_supervisor_qualification(std::string_view text);

// Trainees per supervisor at a time when a municipality has set nothing (the pilot model's 2).
inline constexpr int kDefaultSupervisorCapacity = 2;

// A person registered as a supervisor (veileder) for a municipality. A supervisor living in
// another municipality is used through an inter-municipal agreement, recorded here.
struct Supervisor {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string municipality_number;  // The municipality the supervisor works for.
    SupervisorQualification qualification = SupervisorQualification::specialist;
    std::optional<Date> approved_on;             // approved_experienced: the decision's date.
    std::optional<std::string> approval_reason;  // approved_experienced: its reason.
    std::string office;                          // The GP office where the supervisor works.
    std::string home_municipality_number;
    std::optional<std::string> agreement_reference;  // When home differs: the agreement.
    std::optional<Date> agreement_date;
    Date registered_on;
};

// A registered supervisor with their name and how many trainees they have on a day, counted
// over every municipality (a supervisor's load is theirs, wherever the trainees work).
struct SupervisorSummary {
    Supervisor supervisor;
    std::string full_name;
    int trainees = 0;
};

// The counts a regional office sees for one of its municipalities on a day.
struct RegionMunicipalityCounts {
    Municipality municipality;
    int trainees = 0;                        // In training and employed there.
    int without_supervisor = 0;              // Of those, with no supervisor assigned.
    int supervisors_with_free_capacity = 0;  // Registered there, below its capacity.
};

// One row of the append-only audit trail. Never holds record content or secrets.
struct AuditEvent {
    std::int64_t id = 0;
    std::string at;  // UTC, "2026-11-22T10:15:30Z".
    std::optional<std::int64_t> actor_account_id;
    std::string actor_label;  // The actor's e-mail, or "anonym" / "system".
    std::string action;       // E.g. "login.failed", "person.read", "access.denied".
    std::optional<std::int64_t> subject_person_id;
    std::string target;   // The route or object acted on.
    std::string outcome;  // "ok", "failed", "denied".
    std::string address;  // The client's IP address.
    std::string prev_hash;
    std::string hash;
};

// Individual education plans (journey 4)

// One revision of a trainee's individual education plan: a full snapshot, never changed after it
// is written. `number` counts the person's revisions from 1.
struct EducationPlanRevision {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    int number = 0;
    std::string revised_at;  // UTC, "2026-11-22T10:15:30Z".
    Date revised_on;         // The server's date, from which the next revision is due.
    std::optional<std::int64_t> author_account_id;
    std::string author_label;  // The author's name and e-mail, as it was when written.
    domain::EducationPlan plan;
    std::string note;  // The author's note on what and why; may be empty.
};

// A person in training with what the overview reads about them (see Store::trainee_records).
struct TraineeRecord {
    Person person;
    std::vector<Employment> employments;        // Oldest first, in every municipality.
    std::vector<ServicePeriod> periods;         // Oldest first.
    std::vector<Leave> leaves;                  // Oldest first.
    std::vector<std::string> supervisor_names;  // Supervisors assigned on the day, by name.
    std::optional<EducationPlanRevision> plan;  // The current individual education plan.
};

// The result of checking the whole audit chain.
struct AuditVerification {
    bool ok = true;
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> first_bad_id;  // The first row changed, removed or reordered.
    std::string reason;
    std::int64_t head_id = 0;  // The last row, when ok.
    std::string head_hash;
};

// General education plans (journey 6)

// One recorded change of a municipality's education-enterprise status, with its dates.
struct EnterpriseStatusChange {
    std::int64_t id = 0;
    std::string municipality_number;
    EnterpriseStatus status = EnterpriseStatus::not_registered;
    Date valid_from;                  // Registered since, or not registered since.
    std::optional<Date> valid_until;  // Set exactly for temporarily_registered (inclusive).
    std::optional<Date> applied_on;   // When the municipality applied for registration, if told.
    std::string changed_at;           // UTC, "2026-11-22T10:15:30Z".
    std::string changed_by;           // The e-mail of whoever recorded it.
};

// A place where doctors in training learn, and what it offers (learning objectives, patients).
struct LearningArena {
    std::int64_t id = 0;
    std::string municipality_number;
    ArenaKind kind = ArenaKind::gp_office;
    std::string name;
    std::string offers;
};

// Who is responsible for what in the municipality's training programme.
struct PlanResponsibility {
    std::int64_t id = 0;
    std::string municipality_number;
    std::string area;         // E.g. "Overordnet ansvar".
    std::string responsible;  // A role or a person, e.g. "Kommuneoverlege".
    std::string description;  // May be empty.
};

// When a municipality's general plan last changed, and by whom.
struct GeneralPlanChange {
    std::string municipality_number;
    std::string changed_at;  // UTC, "2026-11-22T10:15:30Z".
    std::string changed_by;
};

// A municipality with the number of doctors in training it employs on a given day.
struct MunicipalitySummary {
    Municipality municipality;
    int trainees = 0;
};

// Thrown by a store when the database cannot be opened, migrated or reached. The message names the
// database and the reason; it never carries SQL text or values.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Thrown when a write would break a rule the schema keeps (a duplicate key, a missing reference).
class ConstraintViolation : public StoreError {
  public:
    using StoreError::StoreError;
};

// The writes available inside one transaction (see Store::write).
class StoreWriter {
  public:
    virtual ~StoreWriter() = default;
    // Inserts the municipality, or replaces the one with the same number.
    virtual void put_municipality(const Municipality& municipality) = 0;
    // Inserts a person and returns the new id (the id field of the argument is ignored).
    virtual std::int64_t add_person(const Person& person) = 0;
    // Inserts an employment and returns the new id.
    virtual std::int64_t add_employment(const Employment& employment) = 0;
    // Inserts a leave and returns the new id.
    virtual std::int64_t add_leave(const Leave& leave) = 0;
    // Inserts a service period and returns the new id.
    virtual std::int64_t add_service_period(const ServicePeriod& period) = 0;

    // Accounts and roles. add_account returns the new id; a duplicate e-mail is a
    // ConstraintViolation.
    virtual std::int64_t add_account(const Account& account) = 0;
    virtual void set_account_disabled(std::int64_t account_id, bool disabled) = 0;
    virtual void set_password_hash(std::int64_t account_id, const std::string& hash) = 0;
    virtual std::int64_t add_role_grant(const RoleGrant& grant) = 0;
    virtual void remove_role_grant(std::int64_t grant_id) = 0;
    virtual std::int64_t add_supervisor_assignment(const SupervisorAssignment& assignment) = 0;

    // Supervisors (journey 5)
    // Registers a supervisor for a municipality and returns the new id; a second registration of
    // the same person for the same municipality is a ConstraintViolation.
    virtual std::int64_t add_supervisor(const Supervisor& supervisor) = 0;
    // Sets how many trainees one supervisor may have at a time in the municipality (1-10).
    virtual void set_supervisor_capacity(const std::string& municipality_number,
                                         int max_trainees) = 0;
    // Ends an assignment on `ends_on` (inclusive).
    virtual void end_supervisor_assignment(std::int64_t assignment_id, Date ends_on) = 0;

    // Sessions.
    virtual void add_session(const Session& session) = 0;
    virtual void touch_session(const std::string& id_hash, std::int64_t last_seen) = 0;
    virtual void set_session_reauthenticated(const std::string& id_hash, std::int64_t at) = 0;
    virtual void delete_session(const std::string& id_hash) = 0;
    // Ends every session of an account (logout everywhere, disabled account).
    virtual void delete_sessions_of(std::int64_t account_id) = 0;
    virtual void add_login_failure(const std::string& email, const std::string& address,
                                   std::int64_t at) = 0;

    // General education plans (journey 6).
    // Records a status change and makes it the municipality's current enterprise_status, in the
    // caller's transaction; returns the new id.
    virtual std::int64_t add_enterprise_status_change(const EnterpriseStatusChange& change) = 0;
    virtual std::int64_t add_learning_arena(const LearningArena& arena) = 0;
    // Replaces kind, name and offers of the arena with the argument's id.
    virtual void update_learning_arena(const LearningArena& arena) = 0;
    virtual void remove_learning_arena(std::int64_t arena_id) = 0;
    virtual std::int64_t add_plan_responsibility(const PlanResponsibility& responsibility) = 0;
    virtual void remove_plan_responsibility(std::int64_t responsibility_id) = 0;
    // Notes that the municipality's plan changed (inserts or replaces its one row).
    virtual void mark_general_plan_changed(const GeneralPlanChange& change) = 0;

    // Individual education plans (journey 4)
    // Appends a revision of the person's plan with the next number (the number and id fields of
    // the argument are ignored) and returns its id.
    virtual std::int64_t add_education_plan_revision(const EducationPlanRevision& revision) = 0;

    // Appends an event to the audit trail, chaining it to the last one (fills prev_hash and
    // hash), and returns its id. Runs in the caller's transaction, so a change and its audit
    // event are kept together or not at all.
    virtual std::int64_t append_audit(AuditEvent event) = 0;
};

// The persistence interface every backend (SQLite now, PostgreSQL later) implements. All methods
// are safe to call from several threads at once.
class Store {
  public:
    virtual ~Store() = default;

    // Applies every migration not yet recorded in schema_migrations; returns how many it applied.
    virtual int migrate() = 0;
    // The versions recorded in schema_migrations, oldest first.
    virtual std::vector<int> applied_migrations() = 0;
    // True when the database answers a trivial query.
    virtual bool ping() = 0;

    // Runs `work` in one transaction: all of its writes are kept, or none when it throws.
    virtual void write(const std::function<void(StoreWriter&)>& work) = 0;
    // A number that changes with every committed change to data (anything but sessions, login
    // failures and the audit trail), made by this process or any other using the database: what
    // a cache derived from the data stays valid for (migration 0009 keeps it with triggers).
    virtual std::uint64_t data_generation() = 0;

    // Every municipality, ordered by ALIS office, then by name.
    virtual std::vector<Municipality> municipalities() = 0;
    // Every municipality with the number of people in training employed there on `day`.
    virtual std::vector<MunicipalitySummary> municipality_summaries(Date day) = 0;
    // The person with this id, or nullopt.
    virtual std::optional<Person> person(std::int64_t id) = 0;
    // The employments of a person, oldest first.
    virtual std::vector<Employment> employments_of(std::int64_t person_id) = 0;
    // The leaves of a person, oldest first.
    virtual std::vector<Leave> leaves_of(std::int64_t person_id) = 0;
    // The service periods of a person, oldest first.
    virtual std::vector<ServicePeriod> service_periods_of(std::int64_t person_id) = 0;
    // The people in training employed by the municipality on `day` (as trainees_employed_by),
    // each with their employments, service periods, leaves, the names of their supervisors that
    // day and their current education plan: a handful of queries for the whole list instead of
    // several per person.
    virtual std::vector<TraineeRecord> trainee_records(const std::string& municipality_number,
                                                       Date day) = 0;
    // The person with this HPR number, or nullopt.
    virtual std::optional<Person> person_by_hpr(const std::string& hpr_number) = 0;
    // The number of people of each training status.
    virtual int count_people(TrainingStatus status) = 0;
    // One municipality, or nullopt.
    virtual std::optional<Municipality> municipality(const std::string& number) = 0;

    // Identity.
    virtual std::optional<Account> account_by_email(const std::string& email) = 0;
    virtual std::optional<Account> account(std::int64_t id) = 0;
    virtual std::vector<Account> accounts() = 0;
    virtual std::vector<RoleGrant> role_grants_of(std::int64_t account_id) = 0;
    virtual std::optional<Session> session(const std::string& id_hash) = 0;
    // Failed logins for an e-mail, or from an address, at or after `since` (Unix seconds).
    virtual int login_failures_for(const std::string& email, std::int64_t since) = 0;
    virtual int login_failures_from(const std::string& address, std::int64_t since) = 0;

    // The relations access is derived from, on a day.
    // Numbers of the municipalities that employ the person on `day`.
    virtual std::vector<std::string> employing_municipalities(std::int64_t person_id, Date day) = 0;
    // Person ids of the supervisors assigned to the trainee on `day`.
    virtual std::vector<std::int64_t> supervisors_of(std::int64_t trainee_person_id, Date day) = 0;
    // The people in training employed by the municipality on `day`, by name.
    virtual std::vector<Person> trainees_employed_by(const std::string& municipality_number,
                                                     Date day) = 0;
    // Person ids of the trainees assigned to the supervisor on `day`.
    virtual std::vector<std::int64_t> trainees_of(std::int64_t supervisor_person_id, Date day) = 0;

    // Supervisors (journey 5)
    // The supervisors registered for the municipality, by name, with their trainees on `day`.
    virtual std::vector<SupervisorSummary> supervisors_for(const std::string& municipality_number,
                                                           Date day) = 0;
    // The registration of the person as a supervisor for the municipality, or nullopt.
    virtual std::optional<Supervisor> supervisor_registration(
        const std::string& municipality_number, std::int64_t person_id) = 0;
    // Trainees per supervisor at a time in the municipality (kDefaultSupervisorCapacity unset).
    virtual int supervisor_capacity(const std::string& municipality_number) = 0;
    // Every supervisor assignment of the trainee, oldest first.
    virtual std::vector<SupervisorAssignment> supervisor_assignments_of(
        std::int64_t trainee_person_id) = 0;
    // The municipalities of a regional ALIS office, by name, with their counts on `day`.
    virtual std::vector<RegionMunicipalityCounts> region_counts(const std::string& alis_office,
                                                                Date day) = 0;

    // General education plans (journey 6).
    // The municipality's status changes, newest first.
    virtual std::vector<EnterpriseStatusChange> enterprise_status_history(
        const std::string& municipality_number) = 0;
    // The municipality's learning arenas, by kind, then name.
    virtual std::vector<LearningArena> learning_arenas(const std::string& municipality_number) = 0;
    // One arena, or nullopt.
    virtual std::optional<LearningArena> learning_arena(std::int64_t arena_id) = 0;
    // The municipality's responsibilities, in the order they were added.
    virtual std::vector<PlanResponsibility> plan_responsibilities(
        const std::string& municipality_number) = 0;
    // One responsibility, or nullopt.
    virtual std::optional<PlanResponsibility> plan_responsibility(
        std::int64_t responsibility_id) = 0;
    // When the municipality's plan last changed, or nullopt when it never did.
    virtual std::optional<GeneralPlanChange> general_plan_change(
        const std::string& municipality_number) = 0;

    // Individual education plans (journey 4)
    // Every revision of the person's plan, oldest first, each with its planned periods.
    virtual std::vector<EducationPlanRevision> education_plan_revisions(std::int64_t person_id) = 0;
    // The person's latest revision, or nullopt when they have no plan.
    virtual std::optional<EducationPlanRevision> current_education_plan(std::int64_t person_id) = 0;

    // The audit trail.
    // Events whose subject is the person, newest first, at most `limit`.
    virtual std::vector<AuditEvent> audit_events_about(std::int64_t person_id, int limit) = 0;
    // The event with this id, or nullopt.
    virtual std::optional<AuditEvent> audit_event(std::int64_t id) = 0;
    // Recomputes every hash from the first row on and reports the first row that does not fit.
    virtual AuditVerification verify_audit_chain() = 0;
};

// Opens the store named by a database URL: "sqlite:PATH" (PATH may be relative). Throws
// StoreError with a one-line reason for an unknown scheme or a database that cannot be opened.
std::unique_ptr<Store> open_store(std::string_view url, int reader_connections = 4);

}  // namespace alis::store
