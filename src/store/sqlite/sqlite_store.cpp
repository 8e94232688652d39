#include "store/sqlite/sqlite_store.hpp"

#include "store/migrations.hpp"
#include "store/sqlite/audit_sql.hpp"

namespace alis::store {
namespace sql {

constexpr const char* kCreateMigrationTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))";
constexpr const char* kAppliedMigrations = "SELECT version FROM schema_migrations ORDER BY version";
constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)";
constexpr const char* kPing = "SELECT 1";
constexpr const char* kLastInsertId = "SELECT last_insert_rowid()";

constexpr const char* kPutMunicipality =
    "INSERT INTO municipalities (number, name, county, centrality_class, enterprise_status,"
    " alis_office) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (number) DO UPDATE SET name = excluded.name, county = excluded.county,"
    " centrality_class = excluded.centrality_class,"
    " enterprise_status = excluded.enterprise_status, alis_office = excluded.alis_office";
constexpr const char* kAddPerson =
    "INSERT INTO people (full_name, hpr_number, training_status, lis1_completed, ruleset)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kAddEmployment =
    "INSERT INTO employments (person_id, municipality_number, starts_on, ends_on, fte, post_type,"
    " pay_model) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kAddLeave =
    "INSERT INTO leaves (person_id, starts_on, ends_on, kind) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kAddServicePeriod =
    "INSERT INTO service_periods (person_id, employment_id, arena, place, starts_on, ends_on, fte,"
    " employer_registered) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

constexpr const char* kMunicipalities =
    "SELECT m.number, m.name, m.county, m.centrality_class, m.enterprise_status, m.alis_office"
    " FROM municipalities m ORDER BY m.alis_office, m.name";
// Counts the people in training with an employment that covers the day ?1.
constexpr const char* kMunicipalitySummaries =
    "SELECT m.number, m.name, m.county, m.centrality_class, m.enterprise_status, m.alis_office,"
    " (SELECT count(DISTINCT e.person_id) FROM employments e JOIN people p ON p.id = e.person_id"
    "   WHERE e.municipality_number = m.number AND p.training_status = 'in_training'"
    "     AND e.starts_on <= ?1 AND (e.ends_on IS NULL OR e.ends_on >= ?1))"
    " FROM municipalities m ORDER BY m.alis_office, m.name";
constexpr const char* kTraineesEmployedBy =
    "SELECT id, full_name, hpr_number, training_status, lis1_completed, ruleset FROM people"
    " WHERE training_status = 'in_training' AND id IN (SELECT person_id FROM employments"
    "   WHERE municipality_number = ?1 AND starts_on <= ?2 AND (ends_on IS NULL OR ends_on >= ?2))"
    " ORDER BY full_name, id";
constexpr const char* kPerson =
    "SELECT id, full_name, hpr_number, training_status, lis1_completed, ruleset"
    " FROM people WHERE id = ?1";
constexpr const char* kEmploymentsOf =
    "SELECT id, person_id, municipality_number, starts_on, ends_on, fte, post_type, pay_model"
    " FROM employments WHERE person_id = ?1 ORDER BY starts_on, id";
constexpr const char* kLeavesOf =
    "SELECT id, person_id, starts_on, ends_on, kind FROM leaves WHERE person_id = ?1"
    " ORDER BY starts_on, id";
constexpr const char* kServicePeriodsOf =
    "SELECT id, person_id, employment_id, arena, place, starts_on, ends_on, fte,"
    " employer_registered FROM service_periods WHERE person_id = ?1 ORDER BY starts_on, id";
constexpr const char* kPersonByHpr =
    "SELECT id, full_name, hpr_number, training_status, lis1_completed, ruleset"
    " FROM people WHERE hpr_number = ?1";
// The people whose ids ?1 lists as a JSON array ("[12,15]"): the trainees the first query of
// trainee_records found, so the queries after it need not find them again.
#define ALIS_LISTED_PEOPLE " (SELECT value FROM json_each(?1))"
constexpr const char* kEmploymentsOfTrainees =
    "SELECT person_id, id, person_id, municipality_number, starts_on, ends_on, fte, post_type,"
    " pay_model FROM employments WHERE person_id IN" ALIS_LISTED_PEOPLE
    " ORDER BY person_id, starts_on, id";
constexpr const char* kServicePeriodsOfTrainees =
    "SELECT person_id, id, person_id, employment_id, arena, place, starts_on, ends_on, fte,"
    " employer_registered FROM service_periods WHERE person_id IN" ALIS_LISTED_PEOPLE
    " ORDER BY person_id, starts_on, id";
constexpr const char* kLeavesOfTrainees =
    "SELECT person_id, id, person_id, starts_on, ends_on, kind FROM leaves"
    " WHERE person_id IN" ALIS_LISTED_PEOPLE " ORDER BY person_id, starts_on, id";
constexpr const char* kSupervisorNamesOfTrainees =
    "SELECT a.trainee_person_id, s.full_name FROM supervisor_assignments a"
    " JOIN people s ON s.id = a.supervisor_person_id"
    " WHERE a.trainee_person_id IN" ALIS_LISTED_PEOPLE
    " AND a.starts_on <= ?2 AND (a.ends_on IS NULL OR a.ends_on >= ?2)"
    " ORDER BY a.trainee_person_id, s.full_name";
#undef ALIS_LISTED_PEOPLE
constexpr const char* kDataGeneration = "SELECT value FROM data_generation WHERE id = 1";
constexpr const char* kCountPeople = "SELECT count(*) FROM people WHERE training_status = ?1";
constexpr const char* kMunicipality =
    "SELECT m.number, m.name, m.county, m.centrality_class, m.enterprise_status, m.alis_office"
    " FROM municipalities m WHERE m.number = ?1";

constexpr const char* kAddAccount =
    "INSERT INTO accounts (email, display_name, person_id, password_hash, disabled)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kSetAccountDisabled = "UPDATE accounts SET disabled = ?2 WHERE id = ?1";
constexpr const char* kSetPasswordHash = "UPDATE accounts SET password_hash = ?2 WHERE id = ?1";
constexpr const char* kAccountByEmail =
    "SELECT id, email, display_name, person_id, password_hash, disabled FROM accounts"
    " WHERE email = ?1";
constexpr const char* kAccountById =
    "SELECT id, email, display_name, person_id, password_hash, disabled FROM accounts"
    " WHERE id = ?1";
constexpr const char* kAccounts =
    "SELECT id, email, display_name, person_id, password_hash, disabled FROM accounts"
    " ORDER BY email";
constexpr const char* kAddRoleGrant =
    "INSERT INTO role_grants (account_id, role, municipality_number, alis_office, starts_on,"
    " ends_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kRemoveRoleGrant = "DELETE FROM role_grants WHERE id = ?1";
constexpr const char* kRoleGrantsOf =
    "SELECT id, account_id, role, municipality_number, alis_office, starts_on, ends_on"
    " FROM role_grants WHERE account_id = ?1 ORDER BY id";
constexpr const char* kAddSupervisorAssignment =
    "INSERT INTO supervisor_assignments (supervisor_person_id, trainee_person_id, starts_on,"
    " ends_on) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kAddSession =
    "INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, last_seen,"
    " reauthenticated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen = ?2 WHERE id_hash = ?1";
constexpr const char* kReauthSession =
    "UPDATE sessions SET reauthenticated_at = ?2 WHERE id_hash = ?1";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE id_hash = ?1";
constexpr const char* kDeleteSessionsOf = "DELETE FROM sessions WHERE account_id = ?1";
constexpr const char* kSession =
    "SELECT id_hash, account_id, csrf_token, created_at, last_seen, reauthenticated_at"
    " FROM sessions WHERE id_hash = ?1";
constexpr const char* kAddLoginFailure =
    "INSERT INTO login_failures (email, address, at) VALUES (?1, ?2, ?3)";
constexpr const char* kLoginFailuresFor =
    "SELECT count(*) FROM login_failures WHERE email = ?1 AND at >= ?2";
constexpr const char* kLoginFailuresFrom =
    "SELECT count(*) FROM login_failures WHERE address = ?1 AND at >= ?2";
constexpr const char* kEmployingMunicipalities =
    "SELECT DISTINCT municipality_number FROM employments WHERE person_id = ?1"
    " AND starts_on <= ?2 AND (ends_on IS NULL OR ends_on >= ?2) ORDER BY municipality_number";
constexpr const char* kSupervisorsOf =
    "SELECT DISTINCT supervisor_person_id FROM supervisor_assignments"
    " WHERE trainee_person_id = ?1 AND starts_on <= ?2 AND (ends_on IS NULL OR ends_on >= ?2)";
constexpr const char* kTraineesOf =
    "SELECT DISTINCT trainee_person_id FROM supervisor_assignments"
    " WHERE supervisor_person_id = ?1 AND starts_on <= ?2 AND (ends_on IS NULL OR ends_on >= ?2)"
    " ORDER BY trainee_person_id";

// Supervisors (journey 5)
constexpr const char* kAddSupervisor =
    "INSERT INTO supervisors (person_id, municipality_number, qualification, approved_on,"
    " approval_reason, office, home_municipality_number, agreement_reference, agreement_date,"
    " registered_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr const char* kSetSupervisorCapacity =
    "INSERT INTO supervisor_capacity (municipality_number, max_trainees) VALUES (?1, ?2)"
    " ON CONFLICT (municipality_number) DO UPDATE SET max_trainees = excluded.max_trainees";
constexpr const char* kEndSupervisorAssignment =
    "UPDATE supervisor_assignments SET ends_on = ?2 WHERE id = ?1";
// The distinct trainees of the supervisor person s.person_id on the day ?2.
#define ALIS_SUPERVISOR_LOAD                                                    \
    "(SELECT count(DISTINCT a.trainee_person_id) FROM supervisor_assignments a" \
    " WHERE a.supervisor_person_id = s.person_id AND a.starts_on <= ?2"         \
    " AND (a.ends_on IS NULL OR a.ends_on >= ?2))"
constexpr const char* kSupervisorsFor =
    "SELECT s.id, s.person_id, s.municipality_number, s.qualification, s.approved_on,"
    " s.approval_reason, s.office, s.home_municipality_number, s.agreement_reference,"
    " s.agreement_date, s.registered_on, p.full_name, " ALIS_SUPERVISOR_LOAD
    " FROM supervisors s JOIN people p ON p.id = s.person_id WHERE s.municipality_number = ?1"
    " ORDER BY p.full_name, s.id";
constexpr const char* kSupervisorRegistration =
    "SELECT s.id, s.person_id, s.municipality_number, s.qualification, s.approved_on,"
    " s.approval_reason, s.office, s.home_municipality_number, s.agreement_reference,"
    " s.agreement_date, s.registered_on FROM supervisors s"
    " WHERE s.municipality_number = ?1 AND s.person_id = ?2";
constexpr const char* kSupervisorCapacity =
    "SELECT max_trainees FROM supervisor_capacity WHERE municipality_number = ?1";
constexpr const char* kSupervisorAssignmentsOf =
    "SELECT id, supervisor_person_id, trainee_person_id, starts_on, ends_on"
    " FROM supervisor_assignments WHERE trainee_person_id = ?1 ORDER BY starts_on, id";
// One row per municipality of the office ?1 on the day ?2; ?3 is the default capacity.
constexpr const char* kRegionCounts =
    "SELECT m.number, m.name, m.county, m.centrality_class, m.enterprise_status, m.alis_office,"
    " (SELECT count(*) FROM people p WHERE p.training_status = 'in_training'"
    "   AND p.id IN (SELECT e.person_id FROM employments e WHERE e.municipality_number = m.number"
    "     AND e.starts_on <= ?2 AND (e.ends_on IS NULL OR e.ends_on >= ?2))),"
    " (SELECT count(*) FROM people p WHERE p.training_status = 'in_training'"
    "   AND p.id IN (SELECT e.person_id FROM employments e WHERE e.municipality_number = m.number"
    "     AND e.starts_on <= ?2 AND (e.ends_on IS NULL OR e.ends_on >= ?2))"
    "   AND NOT EXISTS (SELECT 1 FROM supervisor_assignments a WHERE a.trainee_person_id = p.id"
    "     AND a.starts_on <= ?2 AND (a.ends_on IS NULL OR a.ends_on >= ?2))),"
    " (SELECT count(*) FROM supervisors s WHERE s.municipality_number = m.number"
    "   AND " ALIS_SUPERVISOR_LOAD
    " < coalesce((SELECT c.max_trainees FROM supervisor_capacity c"
    "     WHERE c.municipality_number = m.number), ?3))"
    " FROM municipalities m WHERE m.alis_office = ?1 ORDER BY m.name, m.number";
#undef ALIS_SUPERVISOR_LOAD

// General education plans (journey 6).
constexpr const char* kAddEnterpriseStatusChange =
    "INSERT INTO enterprise_status_changes (municipality_number, status, valid_from, valid_until,"
    " applied_on, changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kSetEnterpriseStatus =
    "UPDATE municipalities SET enterprise_status = ?2 WHERE number = ?1";
constexpr const char* kAddLearningArena =
    "INSERT INTO learning_arenas (municipality_number, kind, name, offers) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kUpdateLearningArena =
    "UPDATE learning_arenas SET kind = ?2, name = ?3, offers = ?4 WHERE id = ?1";
constexpr const char* kRemoveLearningArena = "DELETE FROM learning_arenas WHERE id = ?1";
constexpr const char* kAddPlanResponsibility =
    "INSERT INTO plan_responsibilities (municipality_number, area, responsible, description)"
    " VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kRemovePlanResponsibility = "DELETE FROM plan_responsibilities WHERE id = ?1";
constexpr const char* kMarkGeneralPlanChanged =
    "INSERT INTO general_education_plans (municipality_number, changed_at, changed_by)"
    " VALUES (?1, ?2, ?3) ON CONFLICT (municipality_number) DO UPDATE SET"
    " changed_at = excluded.changed_at, changed_by = excluded.changed_by";
constexpr const char* kEnterpriseStatusHistory =
    "SELECT id, municipality_number, status, valid_from, valid_until, applied_on, changed_at,"
    " changed_by FROM enterprise_status_changes WHERE municipality_number = ?1 ORDER BY id DESC";
// By kind in the order of the ArenaKind enum, then by name.
constexpr const char* kLearningArenas =
    "SELECT id, municipality_number, kind, name, offers FROM learning_arenas"
    " WHERE municipality_number = ?1 ORDER BY CASE kind WHEN 'gp_office' THEN 1"
    " WHEN 'nursing_home' THEN 2 WHEN 'out_of_hours_service' THEN 3"
    " WHEN 'child_health_clinic' THEN 4 WHEN 'hospital_by_agreement' THEN 5 ELSE 6 END,"
    " name, id";
constexpr const char* kLearningArena =
    "SELECT id, municipality_number, kind, name, offers FROM learning_arenas WHERE id = ?1";
constexpr const char* kPlanResponsibilities =
    "SELECT id, municipality_number, area, responsible, description FROM plan_responsibilities"
    " WHERE municipality_number = ?1 ORDER BY id";
constexpr const char* kPlanResponsibility =
    "SELECT id, municipality_number, area, responsible, description FROM plan_responsibilities"
    " WHERE id = ?1";
constexpr const char* kGeneralPlanChange =
    "SELECT municipality_number, changed_at, changed_by FROM general_education_plans"
    " WHERE municipality_number = ?1";

// Individual education plans (journey 4)
constexpr const char* kAddEducationPlanRevision =
    "INSERT INTO education_plan_revisions (person_id, number, revised_at, revised_on,"
    " author_account_id, author_label, supervision_group, courses, next_months, note)"
    " SELECT ?1, coalesce(max(number), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
    " FROM education_plan_revisions WHERE person_id = ?1";
constexpr const char* kAddEducationPlanPeriod =
    "INSERT INTO education_plan_periods (revision_id, position, arena, place, starts_on, ends_on,"
    " fte) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kEducationPlanRevisions =
    "SELECT id, person_id, number, revised_at, revised_on, author_account_id, author_label,"
    " supervision_group, courses, next_months, note FROM education_plan_revisions"
    " WHERE person_id = ?1 ORDER BY number";
constexpr const char* kCurrentEducationPlan =
    "SELECT id, person_id, number, revised_at, revised_on, author_account_id, author_label,"
    " supervision_group, courses, next_months, note FROM education_plan_revisions"
    " WHERE person_id = ?1 ORDER BY number DESC LIMIT 1";
constexpr const char* kEducationPlanPeriodsOfPerson =
    "SELECT p.revision_id, p.arena, p.place, p.starts_on, p.ends_on, p.fte"
    " FROM education_plan_periods p JOIN education_plan_revisions r ON r.id = p.revision_id"
    " WHERE r.person_id = ?1 ORDER BY p.revision_id, p.position";
// The current plan of each person whose id the JSON array ?1 lists.
#define ALIS_CURRENT_PLANS_OF_TRAINEES                                                       \
    " (SELECT r.id FROM education_plan_revisions r WHERE r.number = (SELECT max(x.number)"   \
    "   FROM education_plan_revisions x WHERE x.person_id = r.person_id) AND r.person_id IN" \
    "   (SELECT value FROM json_each(?1)))"
constexpr const char* kCurrentEducationPlansOfTrainees =
    "SELECT id, person_id, number, revised_at, revised_on, author_account_id, author_label,"
    " supervision_group, courses, next_months, note FROM education_plan_revisions"
    " WHERE id IN" ALIS_CURRENT_PLANS_OF_TRAINEES " ORDER BY id";
constexpr const char* kCurrentPlanPeriodsOfTrainees =
    "SELECT revision_id, arena, place, starts_on, ends_on, fte FROM education_plan_periods"
    " WHERE revision_id IN" ALIS_CURRENT_PLANS_OF_TRAINEES " ORDER BY revision_id, position";
#undef ALIS_CURRENT_PLANS_OF_TRAINEES
constexpr const char* kEducationPlanPeriodsOfRevision =
    "SELECT revision_id, arena, place, starts_on, ends_on, fte FROM education_plan_periods"
    " WHERE revision_id = ?1 ORDER BY position";

}  // namespace sql

namespace {

using sqlite::Access;
using sqlite::Connection;
using sqlite::Statement;

std::string date_text(Date d) {
    return d.iso();
}

std::optional<std::string> date_text(const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

Date read_date(const std::string& text) {
    const auto d = Date::parse_iso(text);
    if (!d) {
        throw StoreError("the database holds a malformed date");
    }
    return *d;
}

std::optional<Date> read_optional_date(const std::optional<std::string>& text) {
    return text ? std::optional<Date>(read_date(*text)) : std::nullopt;
}

template <typename T>
T require(std::optional<T> value) {
    if (!value) {
        throw StoreError("the database holds a value this version of alis does not know");
    }
    return *value;
}

Municipality read_municipality(const Statement& s) {
    Municipality m;
    m.number = s.column_text(0);
    m.name = s.column_text(1);
    m.county = s.column_text(2);
    m.centrality_class = static_cast<int>(s.column_int(3));
    m.enterprise_status = require(parse_enterprise_status(s.column_text(4)));
    m.alis_office = s.column_text(5);
    return m;
}

class SqliteWriter final : public StoreWriter {
  public:
    explicit SqliteWriter(Connection& connection) : connection_(connection) {}

    void put_municipality(const Municipality& m) override {
        Statement s(connection_, sql::kPutMunicipality);
        s.bind(1, m.number).bind(2, m.name).bind(3, m.county).bind(4, m.centrality_class);
        s.bind(5, to_string(m.enterprise_status)).bind(6, m.alis_office).run();
    }

    std::int64_t add_person(const Person& p) override {
        Statement s(connection_, sql::kAddPerson);
        s.bind(1, p.full_name).bind(2, p.hpr_number).bind(3, to_string(p.training_status));
        s.bind(4, date_text(p.lis1_completed)).bind(5, p.ruleset).run();
        return last_id();
    }

    std::int64_t add_employment(const Employment& e) override {
        Statement s(connection_, sql::kAddEmployment);
        s.bind(1, e.person_id).bind(2, e.municipality_number).bind(3, date_text(e.starts_on));
        s.bind(4, date_text(e.ends_on)).bind(5, e.fte).bind(6, to_string(e.post_type));
        s.bind(7, to_string(e.pay_model)).run();
        return last_id();
    }

    std::int64_t add_leave(const Leave& l) override {
        Statement s(connection_, sql::kAddLeave);
        s.bind(1, l.person_id).bind(2, date_text(l.starts_on)).bind(3, date_text(l.ends_on));
        s.bind(4, to_string(l.kind)).run();
        return last_id();
    }

    std::int64_t add_service_period(const ServicePeriod& p) override {
        Statement s(connection_, sql::kAddServicePeriod);
        s.bind(1, p.person_id);
        p.employment_id ? s.bind(2, *p.employment_id) : s.bind_null(2);
        s.bind(3, domain::arena_name(p.arena)).bind(4, p.place).bind(5, date_text(p.starts_on));
        s.bind(6, date_text(p.ends_on)).bind(7, p.fte).bind(8, p.employer_registered ? 1 : 0);
        s.run();
        return last_id();
    }

    std::int64_t add_account(const Account& a) override {
        Statement s(connection_, sql::kAddAccount);
        s.bind(1, a.email).bind(2, a.display_name);
        a.person_id ? s.bind(3, *a.person_id) : s.bind_null(3);
        s.bind(4, a.password_hash).bind(5, a.disabled ? 1 : 0).run();
        return last_id();
    }

    void set_account_disabled(std::int64_t account_id, bool disabled) override {
        Statement s(connection_, sql::kSetAccountDisabled);
        s.bind(1, account_id).bind(2, disabled ? 1 : 0).run();
    }

    void set_password_hash(std::int64_t account_id, const std::string& hash) override {
        Statement s(connection_, sql::kSetPasswordHash);
        s.bind(1, account_id).bind(2, hash).run();
    }

    std::int64_t add_role_grant(const RoleGrant& g) override {
        Statement s(connection_, sql::kAddRoleGrant);
        s.bind(1, g.account_id).bind(2, to_string(g.role)).bind(3, g.municipality_number);
        s.bind(4, g.alis_office).bind(5, date_text(g.starts_on)).bind(6, date_text(g.ends_on));
        s.run();
        return last_id();
    }

    void remove_role_grant(std::int64_t grant_id) override {
        Statement s(connection_, sql::kRemoveRoleGrant);
        s.bind(1, grant_id).run();
    }

    std::int64_t add_supervisor_assignment(const SupervisorAssignment& a) override {
        Statement s(connection_, sql::kAddSupervisorAssignment);
        s.bind(1, a.supervisor_person_id).bind(2, a.trainee_person_id);
        s.bind(3, date_text(a.starts_on)).bind(4, date_text(a.ends_on)).run();
        return last_id();
    }

    // Supervisors (journey 5)
    std::int64_t add_supervisor(const Supervisor& x) override {
        Statement s(connection_, sql::kAddSupervisor);
        s.bind(1, x.person_id).bind(2, x.municipality_number);
        s.bind(3, to_string(x.qualification)).bind(4, date_text(x.approved_on));
        s.bind(5, x.approval_reason).bind(6, x.office).bind(7, x.home_municipality_number);
        s.bind(8, x.agreement_reference).bind(9, date_text(x.agreement_date));
        s.bind(10, date_text(x.registered_on)).run();
        return last_id();
    }

    void set_supervisor_capacity(const std::string& municipality_number,
                                 int max_trainees) override {
        Statement s(connection_, sql::kSetSupervisorCapacity);
        s.bind(1, municipality_number).bind(2, max_trainees).run();
    }

    void end_supervisor_assignment(std::int64_t assignment_id, Date ends_on) override {
        Statement s(connection_, sql::kEndSupervisorAssignment);
        s.bind(1, assignment_id).bind(2, date_text(ends_on)).run();
    }

    void add_session(const Session& x) override {
        Statement s(connection_, sql::kAddSession);
        s.bind(1, x.id_hash).bind(2, x.account_id).bind(3, x.csrf_token).bind(4, x.created_at);
        s.bind(5, x.last_seen).bind(6, x.reauthenticated_at).run();
    }

    void touch_session(const std::string& id_hash, std::int64_t last_seen) override {
        Statement s(connection_, sql::kTouchSession);
        s.bind(1, id_hash).bind(2, last_seen).run();
    }

    void set_session_reauthenticated(const std::string& id_hash, std::int64_t at) override {
        Statement s(connection_, sql::kReauthSession);
        s.bind(1, id_hash).bind(2, at).run();
    }

    void delete_session(const std::string& id_hash) override {
        Statement s(connection_, sql::kDeleteSession);
        s.bind(1, id_hash).run();
    }

    void delete_sessions_of(std::int64_t account_id) override {
        Statement s(connection_, sql::kDeleteSessionsOf);
        s.bind(1, account_id).run();
    }

    void add_login_failure(const std::string& email, const std::string& address,
                           std::int64_t at) override {
        Statement s(connection_, sql::kAddLoginFailure);
        s.bind(1, email).bind(2, address).bind(3, at).run();
    }

    // General education plans (journey 6).
    std::int64_t add_enterprise_status_change(const EnterpriseStatusChange& c) override {
        Statement s(connection_, sql::kAddEnterpriseStatusChange);
        s.bind(1, c.municipality_number).bind(2, to_string(c.status));
        s.bind(3, date_text(c.valid_from)).bind(4, date_text(c.valid_until));
        s.bind(5, date_text(c.applied_on)).bind(6, c.changed_at).bind(7, c.changed_by).run();
        const auto id = last_id();
        Statement current(connection_, sql::kSetEnterpriseStatus);
        current.bind(1, c.municipality_number).bind(2, to_string(c.status)).run();
        return id;
    }

    std::int64_t add_learning_arena(const LearningArena& a) override {
        Statement s(connection_, sql::kAddLearningArena);
        s.bind(1, a.municipality_number).bind(2, to_string(a.kind)).bind(3, a.name);
        s.bind(4, a.offers).run();
        return last_id();
    }

    void update_learning_arena(const LearningArena& a) override {
        Statement s(connection_, sql::kUpdateLearningArena);
        s.bind(1, a.id).bind(2, to_string(a.kind)).bind(3, a.name).bind(4, a.offers).run();
    }

    void remove_learning_arena(std::int64_t arena_id) override {
        Statement s(connection_, sql::kRemoveLearningArena);
        s.bind(1, arena_id).run();
    }

    std::int64_t add_plan_responsibility(const PlanResponsibility& r) override {
        Statement s(connection_, sql::kAddPlanResponsibility);
        s.bind(1, r.municipality_number).bind(2, r.area).bind(3, r.responsible);
        s.bind(4, r.description).run();
        return last_id();
    }

    void remove_plan_responsibility(std::int64_t responsibility_id) override {
        Statement s(connection_, sql::kRemovePlanResponsibility);
        s.bind(1, responsibility_id).run();
    }

    void mark_general_plan_changed(const GeneralPlanChange& c) override {
        Statement s(connection_, sql::kMarkGeneralPlanChanged);
        s.bind(1, c.municipality_number).bind(2, c.changed_at).bind(3, c.changed_by).run();
    }

    // Individual education plans (journey 4)
    std::int64_t add_education_plan_revision(const EducationPlanRevision& r) override {
        Statement s(connection_, sql::kAddEducationPlanRevision);
        s.bind(1, r.person_id).bind(2, r.revised_at).bind(3, date_text(r.revised_on));
        r.author_account_id ? s.bind(4, *r.author_account_id) : s.bind_null(4);
        s.bind(5, r.author_label).bind(6, r.plan.supervision_group).bind(7, r.plan.courses);
        s.bind(8, r.plan.next_months).bind(9, r.note).run();
        const std::int64_t id = last_id();
        int position = 0;
        for (const auto& p : r.plan.periods) {
            Statement period(connection_, sql::kAddEducationPlanPeriod);
            period.bind(1, id).bind(2, position++).bind(3, domain::arena_name(p.arena));
            period.bind(4, p.place).bind(5, date_text(p.from)).bind(6, date_text(p.to));
            period.bind(7, p.fte).run();
        }
        return id;
    }

    std::int64_t append_audit(AuditEvent event) override {
        return sqlite::append_audit_event(connection_, std::move(event));
    }

  private:
    std::int64_t last_id() {
        Statement s(connection_, sql::kLastInsertId);
        s.step();
        return s.column_int(0);
    }

    Connection& connection_;
};

// Runs `work` between BEGIN IMMEDIATE and COMMIT, rolling back when it throws.
template <typename Work>
void in_transaction(Connection& connection, Work&& work) {
    connection.exec("BEGIN IMMEDIATE");
    try {
        work();
        connection.exec("COMMIT");
    } catch (...) {
        connection.exec("ROLLBACK");
        throw;
    }
}

}  // namespace

SqliteStore::ReaderLease::ReaderLease(SqliteStore& store, std::unique_ptr<Connection> connection)
    : store_(store), connection_(std::move(connection)) {}

SqliteStore::ReaderLease::~ReaderLease() {
    {
        std::lock_guard lock(store_.pool_mutex_);
        store_.idle_readers_.push_back(std::move(connection_));
    }
    store_.pool_available_.notify_one();
}

SqliteStore::SqliteStore(std::string path, int reader_connections) : path_(std::move(path)) {
    if (path_.empty()) {
        throw StoreError("the database URL names no file: use sqlite:PATH");
    }
    writer_ = std::make_unique<Connection>(path_, Access::read_write);
    for (int i = 0; i < std::max(1, reader_connections); ++i) {
        idle_readers_.push_back(std::make_unique<Connection>(path_, Access::read_only));
    }
}

SqliteStore::~SqliteStore() {
    // Folds the WAL back into the database file so that a clean shutdown leaves one file.
    try {
        idle_readers_.clear();
        writer_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const StoreError&) {
        // Nothing is lost: the WAL is replayed on the next open.
    }
}

SqliteStore::ReaderLease SqliteStore::reader() {
    std::unique_lock lock(pool_mutex_);
    pool_available_.wait(lock, [&] { return !idle_readers_.empty(); });
    auto connection = std::move(idle_readers_.back());
    idle_readers_.pop_back();
    return ReaderLease(*this, std::move(connection));
}

int SqliteStore::migrate() {
    std::lock_guard lock(write_mutex_);
    writer_->exec(sql::kCreateMigrationTable);
    int applied = 0;
    for (const Migration& migration : migrations_for("sqlite")) {
        in_transaction(*writer_, [&] {
            // Checked inside the transaction, so two processes migrating at once apply it once.
            Statement seen(*writer_, "SELECT 1 FROM schema_migrations WHERE version = ?1");
            seen.bind(1, migration.version);
            if (seen.step()) {
                return;
            }
            writer_->exec(migration.sql);
            Statement record(*writer_, sql::kRecordMigration);
            record.bind(1, migration.version).bind(2, migration.name).run();
            ++applied;
        });
    }
    return applied;
}

std::vector<int> SqliteStore::applied_migrations() {
    auto lease = reader();
    std::vector<int> versions;
    Statement s(*lease, sql::kAppliedMigrations);
    while (s.step()) {
        versions.push_back(static_cast<int>(s.column_int(0)));
    }
    return versions;
}

bool SqliteStore::ping() {
    try {
        auto lease = reader();
        Statement s(*lease, sql::kPing);
        return s.step() && s.column_int(0) == 1;
    } catch (const StoreError&) {
        return false;
    }
}

void SqliteStore::write(const std::function<void(StoreWriter&)>& work) {
    std::lock_guard lock(write_mutex_);
    SqliteWriter writer(*writer_);
    in_transaction(*writer_, [&] { work(writer); });
}

std::uint64_t SqliteStore::data_generation() {
    auto lease = reader();
    Statement s(*lease, sql::kDataGeneration);
    if (!s.step()) {
        throw StoreError("the database has no data_generation row (migration 0009)");
    }
    return static_cast<std::uint64_t>(s.column_int(0));
}

std::vector<Municipality> SqliteStore::municipalities() {
    auto lease = reader();
    Statement s(*lease, sql::kMunicipalities);
    std::vector<Municipality> result;
    while (s.step()) {
        result.push_back(read_municipality(s));
    }
    return result;
}

std::vector<MunicipalitySummary> SqliteStore::municipality_summaries(Date day) {
    auto lease = reader();
    Statement s(*lease, sql::kMunicipalitySummaries);
    s.bind(1, date_text(day));
    std::vector<MunicipalitySummary> result;
    while (s.step()) {
        result.push_back({read_municipality(s), static_cast<int>(s.column_int(6))});
    }
    return result;
}

namespace {

Person read_person(const Statement& s) {
    Person p;
    p.id = s.column_int(0);
    p.full_name = s.column_text(1);
    p.hpr_number = s.column_optional_text(2);
    p.training_status = require(parse_training_status(s.column_text(3)));
    p.lis1_completed = read_optional_date(s.column_optional_text(4));
    p.ruleset = s.column_optional_text(5);
    return p;
}

Employment read_employment(const Statement& s, int first = 0) {
    Employment e;
    e.id = s.column_int(first);
    e.person_id = s.column_int(first + 1);
    e.municipality_number = s.column_text(first + 2);
    e.starts_on = read_date(s.column_text(first + 3));
    e.ends_on = read_optional_date(s.column_optional_text(first + 4));
    e.fte = static_cast<int>(s.column_int(first + 5));
    e.post_type = require(parse_post_type(s.column_text(first + 6)));
    e.pay_model = require(parse_pay_model(s.column_text(first + 7)));
    return e;
}

Leave read_leave(const Statement& s, int first = 0) {
    Leave l;
    l.id = s.column_int(first);
    l.person_id = s.column_int(first + 1);
    l.starts_on = read_date(s.column_text(first + 2));
    l.ends_on = read_date(s.column_text(first + 3));
    l.kind = require(parse_leave_kind(s.column_text(first + 4)));
    return l;
}

ServicePeriod read_service_period(const Statement& s, int first = 0) {
    ServicePeriod p;
    p.id = s.column_int(first);
    p.person_id = s.column_int(first + 1);
    if (const auto employment = s.column_optional_text(first + 2)) {
        p.employment_id = std::stoll(*employment);
    }
    p.arena = require(domain::parse_arena(s.column_text(first + 3)));
    p.place = s.column_text(first + 4);
    p.starts_on = read_date(s.column_text(first + 5));
    p.ends_on = read_optional_date(s.column_optional_text(first + 6));
    p.fte = static_cast<int>(s.column_int(first + 7));
    p.employer_registered = s.column_int(first + 8) != 0;
    return p;
}

}  // namespace

std::optional<Person> SqliteStore::person(std::int64_t id) {
    auto lease = reader();
    Statement s(*lease, sql::kPerson);
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return read_person(s);
}

std::vector<Person> SqliteStore::trainees_employed_by(const std::string& municipality_number,
                                                      Date day) {
    auto lease = reader();
    Statement s(*lease, sql::kTraineesEmployedBy);
    s.bind(1, municipality_number).bind(2, date_text(day));
    std::vector<Person> result;
    while (s.step()) {
        result.push_back(read_person(s));
    }
    return result;
}

std::vector<Employment> SqliteStore::employments_of(std::int64_t person_id) {
    auto lease = reader();
    Statement s(*lease, sql::kEmploymentsOf);
    s.bind(1, person_id);
    std::vector<Employment> result;
    while (s.step()) {
        result.push_back(read_employment(s));
    }
    return result;
}

std::vector<Leave> SqliteStore::leaves_of(std::int64_t person_id) {
    auto lease = reader();
    Statement s(*lease, sql::kLeavesOf);
    s.bind(1, person_id);
    std::vector<Leave> result;
    while (s.step()) {
        result.push_back(read_leave(s));
    }
    return result;
}

std::vector<ServicePeriod> SqliteStore::service_periods_of(std::int64_t person_id) {
    auto lease = reader();
    Statement s(*lease, sql::kServicePeriodsOf);
    s.bind(1, person_id);
    std::vector<ServicePeriod> result;
    while (s.step()) {
        result.push_back(read_service_period(s));
    }
    return result;
}

std::optional<Person> SqliteStore::person_by_hpr(const std::string& hpr_number) {
    auto lease = reader();
    Statement s(*lease, sql::kPersonByHpr);
    s.bind(1, hpr_number);
    if (!s.step()) {
        return std::nullopt;
    }
    return read_person(s);
}

std::optional<Municipality> SqliteStore::municipality(const std::string& number) {
    auto lease = reader();
    Statement s(*lease, sql::kMunicipality);
    s.bind(1, number);
    if (!s.step()) {
        return std::nullopt;
    }
    return read_municipality(s);
}

namespace {

Account read_account(const Statement& s) {
    Account a;
    a.id = s.column_int(0);
    a.email = s.column_text(1);
    a.display_name = s.column_text(2);
    if (s.column_optional_text(3)) {
        a.person_id = s.column_int(3);
    }
    a.password_hash = s.column_text(4);
    a.disabled = s.column_int(5) != 0;
    return a;
}

std::optional<Account> one_account(Statement& s) {
    if (!s.step()) {
        return std::nullopt;
    }
    return read_account(s);
}

template <typename T, typename Read>
std::vector<T> all_rows(Statement& s, Read read) {
    std::vector<T> result;
    while (s.step()) {
        result.push_back(read(s));
    }
    return result;
}

}  // namespace

std::optional<Account> SqliteStore::account_by_email(const std::string& email) {
    auto lease = reader();
    Statement s(*lease, sql::kAccountByEmail);
    s.bind(1, email);
    return one_account(s);
}

std::optional<Account> SqliteStore::account(std::int64_t id) {
    auto lease = reader();
    Statement s(*lease, sql::kAccountById);
    s.bind(1, id);
    return one_account(s);
}

std::vector<Account> SqliteStore::accounts() {
    auto lease = reader();
    Statement s(*lease, sql::kAccounts);
    return all_rows<Account>(s, read_account);
}

std::vector<RoleGrant> SqliteStore::role_grants_of(std::int64_t account_id) {
    auto lease = reader();
    Statement s(*lease, sql::kRoleGrantsOf);
    s.bind(1, account_id);
    return all_rows<RoleGrant>(s, [](const Statement& row) {
        RoleGrant g;
        g.id = row.column_int(0);
        g.account_id = row.column_int(1);
        g.role = require(parse_role(row.column_text(2)));
        g.municipality_number = row.column_optional_text(3);
        g.alis_office = row.column_optional_text(4);
        g.starts_on = read_date(row.column_text(5));
        g.ends_on = read_optional_date(row.column_optional_text(6));
        return g;
    });
}

std::optional<Session> SqliteStore::session(const std::string& id_hash) {
    auto lease = reader();
    Statement s(*lease, sql::kSession);
    s.bind(1, id_hash);
    if (!s.step()) {
        return std::nullopt;
    }
    Session x;
    x.id_hash = s.column_text(0);
    x.account_id = s.column_int(1);
    x.csrf_token = s.column_text(2);
    x.created_at = s.column_int(3);
    x.last_seen = s.column_int(4);
    x.reauthenticated_at = s.column_int(5);
    return x;
}

int SqliteStore::login_failures_for(const std::string& email, std::int64_t since) {
    auto lease = reader();
    Statement s(*lease, sql::kLoginFailuresFor);
    s.bind(1, email).bind(2, since);
    s.step();
    return static_cast<int>(s.column_int(0));
}

int SqliteStore::login_failures_from(const std::string& address, std::int64_t since) {
    auto lease = reader();
    Statement s(*lease, sql::kLoginFailuresFrom);
    s.bind(1, address).bind(2, since);
    s.step();
    return static_cast<int>(s.column_int(0));
}

std::vector<std::string> SqliteStore::employing_municipalities(std::int64_t person_id, Date day) {
    auto lease = reader();
    Statement s(*lease, sql::kEmployingMunicipalities);
    s.bind(1, person_id).bind(2, date_text(day));
    return all_rows<std::string>(s, [](const Statement& row) { return row.column_text(0); });
}

std::vector<std::int64_t> SqliteStore::supervisors_of(std::int64_t trainee_person_id, Date day) {
    auto lease = reader();
    Statement s(*lease, sql::kSupervisorsOf);
    s.bind(1, trainee_person_id).bind(2, date_text(day));
    return all_rows<std::int64_t>(s, [](const Statement& row) { return row.column_int(0); });
}

std::vector<std::int64_t> SqliteStore::trainees_of(std::int64_t supervisor_person_id, Date day) {
    auto lease = reader();
    Statement s(*lease, sql::kTraineesOf);
    s.bind(1, supervisor_person_id).bind(2, date_text(day));
    return all_rows<std::int64_t>(s, [](const Statement& row) { return row.column_int(0); });
}

// Individual education plans (journey 4)
namespace {

EducationPlanRevision read_plan_revision(const Statement& s) {
    EducationPlanRevision r;
    r.id = s.column_int(0);
    r.person_id = s.column_int(1);
    r.number = static_cast<int>(s.column_int(2));
    r.revised_at = s.column_text(3);
    r.revised_on = read_date(s.column_text(4));
    if (s.column_optional_text(5)) {
        r.author_account_id = s.column_int(5);
    }
    r.author_label = s.column_text(6);
    r.plan.supervision_group = s.column_text(7);
    r.plan.courses = s.column_text(8);
    r.plan.next_months = s.column_text(9);
    r.note = s.column_text(10);
    return r;
}

// Reads rows of (revision_id, arena, place, starts_on, ends_on, fte) into their revisions.
void read_planned_periods(Statement& s, std::vector<EducationPlanRevision>& revisions) {
    while (s.step()) {
        const std::int64_t revision_id = s.column_int(0);
        domain::PlannedPeriod p;
        p.arena = require(domain::parse_arena(s.column_text(1)));
        p.place = s.column_text(2);
        p.from = read_date(s.column_text(3));
        p.to = read_date(s.column_text(4));
        p.fte = static_cast<int>(s.column_int(5));
        for (auto& r : revisions) {
            if (r.id == revision_id) {
                r.plan.periods.push_back(std::move(p));
                break;
            }
        }
    }
}

}  // namespace

std::vector<EducationPlanRevision> SqliteStore::education_plan_revisions(std::int64_t person_id) {
    auto lease = reader();
    // Both reads in one transaction, so a revision written between them cannot split the answer.
    (*lease).exec("BEGIN");
    try {
        Statement s(*lease, sql::kEducationPlanRevisions);
        s.bind(1, person_id);
        auto revisions = all_rows<EducationPlanRevision>(s, read_plan_revision);
        Statement periods(*lease, sql::kEducationPlanPeriodsOfPerson);
        periods.bind(1, person_id);
        read_planned_periods(periods, revisions);
        (*lease).exec("COMMIT");
        return revisions;
    } catch (...) {
        (*lease).exec("ROLLBACK");
        throw;
    }
}

std::optional<EducationPlanRevision> SqliteStore::current_education_plan(std::int64_t person_id) {
    auto lease = reader();
    (*lease).exec("BEGIN");
    try {
        Statement s(*lease, sql::kCurrentEducationPlan);
        s.bind(1, person_id);
        std::vector<EducationPlanRevision> revisions;
        if (s.step()) {
            revisions.push_back(read_plan_revision(s));
            Statement periods(*lease, sql::kEducationPlanPeriodsOfRevision);
            periods.bind(1, revisions.front().id);
            read_planned_periods(periods, revisions);
        }
        (*lease).exec("COMMIT");
        if (revisions.empty()) {
            return std::nullopt;
        }
        return std::move(revisions.front());
    } catch (...) {
        (*lease).exec("ROLLBACK");
        throw;
    }
}

namespace {
// Whether a query of trainee_records takes the day as ?2.
enum class Day { unused, bound };
}  // namespace

std::vector<TraineeRecord> SqliteStore::trainee_records(const std::string& municipality_number,
                                                        Date day) {
    auto lease = reader();
    // One read transaction: the five queries see the same snapshot.
    (*lease).exec("BEGIN");
    struct End {
        Connection& connection;
        ~End() {
            try {
                connection.exec("COMMIT");
            } catch (const StoreError&) {
                // A read transaction has nothing to lose; the connection rolls back by itself.
            }
        }
    } end{*lease};
    const std::string day_text = date_text(day);
    std::vector<TraineeRecord> records;
    std::map<std::int64_t, std::size_t> index;
    {
        Statement s(*lease, sql::kTraineesEmployedBy);
        s.bind(1, municipality_number).bind(2, day_text);
        while (s.step()) {
            TraineeRecord record;
            record.person = read_person(s);
            index.emplace(record.person.id, records.size());
            records.push_back(std::move(record));
        }
    }
    std::string ids = "[";
    for (const auto& record : records) {
        if (ids.size() > 1) {
            ids += ',';
        }
        ids += std::to_string(record.person.id);
    }
    ids += "]";
    // Runs `query` for the listed trainees (?1) on the day (?2, where the query has it) and
    // hands each row to `add` with the record of the person in its first column.
    auto each = [&](const char* query, Day day, const auto& add) {
        Statement s(*lease, query);
        s.bind(1, ids);
        if (day == Day::bound) {
            s.bind(2, day_text);
        }
        while (s.step()) {
            const auto it = index.find(s.column_int(0));
            if (it != index.end()) {
                add(records[it->second], s);
            }
        }
    };
    each(sql::kEmploymentsOfTrainees, Day::unused, [](TraineeRecord& r, const Statement& s) {
        r.employments.push_back(read_employment(s, 1));
    });
    each(sql::kServicePeriodsOfTrainees, Day::unused, [](TraineeRecord& r, const Statement& s) {
        r.periods.push_back(read_service_period(s, 1));
    });
    each(sql::kLeavesOfTrainees, Day::unused,
         [](TraineeRecord& r, const Statement& s) { r.leaves.push_back(read_leave(s, 1)); });
    // Assignments current that day.
    each(sql::kSupervisorNamesOfTrainees, Day::bound, [](TraineeRecord& r, const Statement& s) {
        r.supervisor_names.push_back(s.column_text(1));
    });
    // The current individual education plans, with their planned periods.
    std::vector<EducationPlanRevision> plans;
    {
        Statement s(*lease, sql::kCurrentEducationPlansOfTrainees);
        s.bind(1, ids);
        plans = all_rows<EducationPlanRevision>(s, read_plan_revision);
        Statement periods(*lease, sql::kCurrentPlanPeriodsOfTrainees);
        periods.bind(1, ids);
        read_planned_periods(periods, plans);
    }
    for (auto& plan : plans) {
        if (const auto it = index.find(plan.person_id); it != index.end()) {
            records[it->second].plan = std::move(plan);
        }
    }
    return records;
}

int SqliteStore::count_people(TrainingStatus status) {
    auto lease = reader();
    Statement s(*lease, sql::kCountPeople);
    s.bind(1, to_string(status));
    s.step();
    return static_cast<int>(s.column_int(0));
}

// Supervisors (journey 5)
namespace {

Supervisor read_supervisor(const Statement& s) {
    Supervisor x;
    x.id = s.column_int(0);
    x.person_id = s.column_int(1);
    x.municipality_number = s.column_text(2);
    x.qualification = require(parse_supervisor_qualification(s.column_text(3)));
    x.approved_on = read_optional_date(s.column_optional_text(4));
    x.approval_reason = s.column_optional_text(5);
    x.office = s.column_text(6);
    x.home_municipality_number = s.column_text(7);
    x.agreement_reference = s.column_optional_text(8);
    x.agreement_date = read_optional_date(s.column_optional_text(9));
    x.registered_on = read_date(s.column_text(10));
    return x;
}

}  // namespace

// General education plans (journey 6).

namespace {

LearningArena read_learning_arena(const Statement& s) {
    LearningArena a;
    a.id = s.column_int(0);
    a.municipality_number = s.column_text(1);
    a.kind = require(parse_arena_kind(s.column_text(2)));
    a.name = s.column_text(3);
    a.offers = s.column_text(4);
    return a;
}

PlanResponsibility read_plan_responsibility(const Statement& s) {
    PlanResponsibility r;
    r.id = s.column_int(0);
    r.municipality_number = s.column_text(1);
    r.area = s.column_text(2);
    r.responsible = s.column_text(3);
    r.description = s.column_text(4);
    return r;
}

}  // namespace

std::vector<SupervisorSummary> SqliteStore::supervisors_for(const std::string& municipality_number,
                                                            Date day) {
    auto lease = reader();
    Statement s(*lease, sql::kSupervisorsFor);
    s.bind(1, municipality_number).bind(2, date_text(day));
    return all_rows<SupervisorSummary>(s, [](const Statement& row) {
        return SupervisorSummary{read_supervisor(row), row.column_text(11),
                                 static_cast<int>(row.column_int(12))};
    });
}

std::optional<Supervisor> SqliteStore::supervisor_registration(
    const std::string& municipality_number, std::int64_t person_id) {
    auto lease = reader();
    Statement s(*lease, sql::kSupervisorRegistration);
    s.bind(1, municipality_number).bind(2, person_id);
    if (!s.step()) {
        return std::nullopt;
    }
    return read_supervisor(s);
}

int SqliteStore::supervisor_capacity(const std::string& municipality_number) {
    auto lease = reader();
    Statement s(*lease, sql::kSupervisorCapacity);
    s.bind(1, municipality_number);
    return s.step() ? static_cast<int>(s.column_int(0)) : kDefaultSupervisorCapacity;
}

std::vector<SupervisorAssignment> SqliteStore::supervisor_assignments_of(
    std::int64_t trainee_person_id) {
    auto lease = reader();
    Statement s(*lease, sql::kSupervisorAssignmentsOf);
    s.bind(1, trainee_person_id);
    return all_rows<SupervisorAssignment>(s, [](const Statement& row) {
        SupervisorAssignment a;
        a.id = row.column_int(0);
        a.supervisor_person_id = row.column_int(1);
        a.trainee_person_id = row.column_int(2);
        a.starts_on = read_date(row.column_text(3));
        a.ends_on = read_optional_date(row.column_optional_text(4));
        return a;
    });
}

std::vector<RegionMunicipalityCounts> SqliteStore::region_counts(const std::string& alis_office,
                                                                 Date day) {
    auto lease = reader();
    Statement s(*lease, sql::kRegionCounts);
    s.bind(1, alis_office).bind(2, date_text(day)).bind(3, kDefaultSupervisorCapacity);
    return all_rows<RegionMunicipalityCounts>(s, [](const Statement& row) {
        return RegionMunicipalityCounts{read_municipality(row), static_cast<int>(row.column_int(6)),
                                        static_cast<int>(row.column_int(7)),
                                        static_cast<int>(row.column_int(8))};
    });
}

std::vector<EnterpriseStatusChange> SqliteStore::enterprise_status_history(
    const std::string& municipality_number) {
    auto lease = reader();
    Statement s(*lease, sql::kEnterpriseStatusHistory);
    s.bind(1, municipality_number);
    return all_rows<EnterpriseStatusChange>(s, [](const Statement& row) {
        EnterpriseStatusChange c;
        c.id = row.column_int(0);
        c.municipality_number = row.column_text(1);
        c.status = require(parse_enterprise_status(row.column_text(2)));
        c.valid_from = read_date(row.column_text(3));
        c.valid_until = read_optional_date(row.column_optional_text(4));
        c.applied_on = read_optional_date(row.column_optional_text(5));
        c.changed_at = row.column_text(6);
        c.changed_by = row.column_text(7);
        return c;
    });
}

std::vector<LearningArena> SqliteStore::learning_arenas(const std::string& municipality_number) {
    auto lease = reader();
    Statement s(*lease, sql::kLearningArenas);
    s.bind(1, municipality_number);
    return all_rows<LearningArena>(s, read_learning_arena);
}

std::optional<LearningArena> SqliteStore::learning_arena(std::int64_t arena_id) {
    auto lease = reader();
    Statement s(*lease, sql::kLearningArena);
    s.bind(1, arena_id);
    if (!s.step()) {
        return std::nullopt;
    }
    return read_learning_arena(s);
}

std::vector<PlanResponsibility> SqliteStore::plan_responsibilities(
    const std::string& municipality_number) {
    auto lease = reader();
    Statement s(*lease, sql::kPlanResponsibilities);
    s.bind(1, municipality_number);
    return all_rows<PlanResponsibility>(s, read_plan_responsibility);
}

std::optional<PlanResponsibility> SqliteStore::plan_responsibility(std::int64_t responsibility_id) {
    auto lease = reader();
    Statement s(*lease, sql::kPlanResponsibility);
    s.bind(1, responsibility_id);
    if (!s.step()) {
        return std::nullopt;
    }
    return read_plan_responsibility(s);
}

std::optional<GeneralPlanChange> SqliteStore::general_plan_change(
    const std::string& municipality_number) {
    auto lease = reader();
    Statement s(*lease, sql::kGeneralPlanChange);
    s.bind(1, municipality_number);
    if (!s.step()) {
        return std::nullopt;
    }
    return GeneralPlanChange{s.column_text(0), s.column_text(1), s.column_text(2)};
}

}  // namespace alis::store
