// The tables of a whole installation (store/installation.hpp): for each, its columns and the
// statements that count, read and add its rows, in the order a copy inserts them. A migration
// that adds a table adds it here too (tests/store/installation_test.cpp checks that every table
// of the schema is listed).
#include "store/installation.hpp"

namespace alis::store {
namespace {

// Each table's statements: its row count, its rows in key order, and its rows added from one JSON
// array of objects (RowBatch). SQLite reads each value out of the objects with ->>; PostgreSQL
// makes rows of the table's own type of them, and OVERRIDING SYSTEM VALUE keeps the ids of the
// source (it is accepted, and changes nothing, on a table without an identity).
#define ALIS_MUNICIPALITIES_COLUMNS \
    "number, name, county, centrality_class, enterprise_status, alis_office"
constexpr const char* kCountMunicipalities = "SELECT count(*) FROM municipalities";
constexpr const char* kAllMunicipalities =
    "SELECT " ALIS_MUNICIPALITIES_COLUMNS " FROM municipalities ORDER BY number";
const DialectSql kAddMunicipalities{
    "INSERT INTO municipalities (" ALIS_MUNICIPALITIES_COLUMNS
    ") SELECT value ->> 'number', value ->> 'name', value ->> 'county',"
    " value ->> 'centrality_class', value ->> 'enterprise_status',"
    " value ->> 'alis_office' FROM json_each($1)",
    "INSERT INTO municipalities OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::municipalities, $1)"};
constexpr Column kMunicipalitiesColumns[] = {{"number", ColumnKind::text},
                                             {"name", ColumnKind::text},
                                             {"county", ColumnKind::text},
                                             {"centrality_class", ColumnKind::integer},
                                             {"enterprise_status", ColumnKind::text},
                                             {"alis_office", ColumnKind::text}};
#undef ALIS_MUNICIPALITIES_COLUMNS

#define ALIS_PEOPLE_COLUMNS "id, full_name, hpr_number, training_status, lis1_completed, ruleset"
constexpr const char* kCountPeople = "SELECT count(*) FROM people";
constexpr const char* kAllPeople = "SELECT " ALIS_PEOPLE_COLUMNS " FROM people ORDER BY id";
const DialectSql kAddPeople{
    "INSERT INTO people (" ALIS_PEOPLE_COLUMNS
    ") SELECT value ->> 'id', value ->> 'full_name', value ->> 'hpr_number',"
    " value ->> 'training_status', value ->> 'lis1_completed',"
    " value ->> 'ruleset' FROM json_each($1)",
    "INSERT INTO people OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::people, $1)"};
constexpr Column kPeopleColumns[] = {
    {"id", ColumnKind::integer},          {"full_name", ColumnKind::text},
    {"hpr_number", ColumnKind::text},     {"training_status", ColumnKind::text},
    {"lis1_completed", ColumnKind::date}, {"ruleset", ColumnKind::text}};
#undef ALIS_PEOPLE_COLUMNS

#define ALIS_EMPLOYMENTS_COLUMNS \
    "id, person_id, municipality_number, starts_on, ends_on, fte, post_type, pay_model"
constexpr const char* kCountEmployments = "SELECT count(*) FROM employments";
constexpr const char* kAllEmployments =
    "SELECT " ALIS_EMPLOYMENTS_COLUMNS " FROM employments ORDER BY id";
const DialectSql kAddEmployments{
    "INSERT INTO employments (" ALIS_EMPLOYMENTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'municipality_number',"
    " value ->> 'starts_on', value ->> 'ends_on', value ->> 'fte', value ->> 'post_type',"
    " value ->> 'pay_model' FROM json_each($1)",
    "INSERT INTO employments OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::employments, $1)"};
constexpr Column kEmploymentsColumns[] = {{"id", ColumnKind::integer},
                                          {"person_id", ColumnKind::integer},
                                          {"municipality_number", ColumnKind::text},
                                          {"starts_on", ColumnKind::date},
                                          {"ends_on", ColumnKind::date},
                                          {"fte", ColumnKind::integer},
                                          {"post_type", ColumnKind::text},
                                          {"pay_model", ColumnKind::text}};
#undef ALIS_EMPLOYMENTS_COLUMNS

#define ALIS_LEAVES_COLUMNS "id, person_id, starts_on, ends_on, kind"
constexpr const char* kCountLeaves = "SELECT count(*) FROM leaves";
constexpr const char* kAllLeaves = "SELECT " ALIS_LEAVES_COLUMNS " FROM leaves ORDER BY id";
const DialectSql kAddLeaves{"INSERT INTO leaves (" ALIS_LEAVES_COLUMNS
                            ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'starts_on',"
                            " value ->> 'ends_on', value ->> 'kind' FROM json_each($1)",
                            "INSERT INTO leaves OVERRIDING SYSTEM VALUE"
                            " SELECT * FROM json_populate_recordset(NULL::leaves, $1)"};
constexpr Column kLeavesColumns[] = {{"id", ColumnKind::integer},
                                     {"person_id", ColumnKind::integer},
                                     {"starts_on", ColumnKind::date},
                                     {"ends_on", ColumnKind::date},
                                     {"kind", ColumnKind::text}};
#undef ALIS_LEAVES_COLUMNS

#define ALIS_ACCOUNTS_COLUMNS "id, email, display_name, person_id, password_hash, disabled"
constexpr const char* kCountAccounts = "SELECT count(*) FROM accounts";
constexpr const char* kAllAccounts = "SELECT " ALIS_ACCOUNTS_COLUMNS " FROM accounts ORDER BY id";
const DialectSql kAddAccounts{
    "INSERT INTO accounts (" ALIS_ACCOUNTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'email', value ->> 'display_name',"
    " value ->> 'person_id', value ->> 'password_hash',"
    " value ->> 'disabled' FROM json_each($1)",
    "INSERT INTO accounts OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::accounts, $1)"};
constexpr Column kAccountsColumns[] = {
    {"id", ColumnKind::integer},         {"email", ColumnKind::text},
    {"display_name", ColumnKind::text},  {"person_id", ColumnKind::integer},
    {"password_hash", ColumnKind::text}, {"disabled", ColumnKind::boolean}};
#undef ALIS_ACCOUNTS_COLUMNS

#define ALIS_ROLE_GRANTS_COLUMNS \
    "id, account_id, role, municipality_number, alis_office, starts_on, ends_on"
constexpr const char* kCountRoleGrants = "SELECT count(*) FROM role_grants";
constexpr const char* kAllRoleGrants =
    "SELECT " ALIS_ROLE_GRANTS_COLUMNS " FROM role_grants ORDER BY id";
const DialectSql kAddRoleGrants{
    "INSERT INTO role_grants (" ALIS_ROLE_GRANTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'account_id', value ->> 'role',"
    " value ->> 'municipality_number', value ->> 'alis_office', value ->> 'starts_on',"
    " value ->> 'ends_on' FROM json_each($1)",
    "INSERT INTO role_grants OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::role_grants, $1)"};
constexpr Column kRoleGrantsColumns[] = {
    {"id", ColumnKind::integer},       {"account_id", ColumnKind::integer},
    {"role", ColumnKind::text},        {"municipality_number", ColumnKind::text},
    {"alis_office", ColumnKind::text}, {"starts_on", ColumnKind::date},
    {"ends_on", ColumnKind::date}};
#undef ALIS_ROLE_GRANTS_COLUMNS

#define ALIS_SESSIONS_COLUMNS \
    "id_hash, account_id, csrf_token, created_at, last_seen, reauthenticated_at"
constexpr const char* kCountSessions = "SELECT count(*) FROM sessions";
constexpr const char* kAllSessions =
    "SELECT " ALIS_SESSIONS_COLUMNS " FROM sessions ORDER BY id_hash";
const DialectSql kAddSessions{
    "INSERT INTO sessions (" ALIS_SESSIONS_COLUMNS
    ") SELECT value ->> 'id_hash', value ->> 'account_id', value ->> 'csrf_token',"
    " value ->> 'created_at', value ->> 'last_seen',"
    " value ->> 'reauthenticated_at' FROM json_each($1)",
    "INSERT INTO sessions OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::sessions, $1)"};
constexpr Column kSessionsColumns[] = {
    {"id_hash", ColumnKind::text},      {"account_id", ColumnKind::integer},
    {"csrf_token", ColumnKind::text},   {"created_at", ColumnKind::integer},
    {"last_seen", ColumnKind::integer}, {"reauthenticated_at", ColumnKind::integer}};
#undef ALIS_SESSIONS_COLUMNS

#define ALIS_LOGIN_FAILURES_COLUMNS "id, email, address, at"
constexpr const char* kCountLoginFailures = "SELECT count(*) FROM login_failures";
constexpr const char* kAllLoginFailures =
    "SELECT " ALIS_LOGIN_FAILURES_COLUMNS " FROM login_failures ORDER BY id";
const DialectSql kAddLoginFailures{
    "INSERT INTO login_failures (" ALIS_LOGIN_FAILURES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'email', value ->> 'address',"
    " value ->> 'at' FROM json_each($1)",
    "INSERT INTO login_failures OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::login_failures, $1)"};
constexpr Column kLoginFailuresColumns[] = {{"id", ColumnKind::integer},
                                            {"email", ColumnKind::text},
                                            {"address", ColumnKind::text},
                                            {"at", ColumnKind::integer}};
#undef ALIS_LOGIN_FAILURES_COLUMNS

#define ALIS_SUPERVISOR_ASSIGNMENTS_COLUMNS \
    "id, supervisor_person_id, trainee_person_id, starts_on, ends_on"
constexpr const char* kCountSupervisorAssignments = "SELECT count(*) FROM supervisor_assignments";
constexpr const char* kAllSupervisorAssignments =
    "SELECT " ALIS_SUPERVISOR_ASSIGNMENTS_COLUMNS " FROM supervisor_assignments ORDER BY id";
const DialectSql kAddSupervisorAssignments{
    "INSERT INTO supervisor_assignments (" ALIS_SUPERVISOR_ASSIGNMENTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'supervisor_person_id',"
    " value ->> 'trainee_person_id', value ->> 'starts_on',"
    " value ->> 'ends_on' FROM json_each($1)",
    "INSERT INTO supervisor_assignments OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervisor_assignments, $1)"};
constexpr Column kSupervisorAssignmentsColumns[] = {{"id", ColumnKind::integer},
                                                    {"supervisor_person_id", ColumnKind::integer},
                                                    {"trainee_person_id", ColumnKind::integer},
                                                    {"starts_on", ColumnKind::date},
                                                    {"ends_on", ColumnKind::date}};
#undef ALIS_SUPERVISOR_ASSIGNMENTS_COLUMNS

#define ALIS_AUDIT_EVENTS_COLUMNS                                                        \
    "id, at, actor_account_id, actor_label, action, subject_person_id, target, outcome," \
    " address, prev_hash, hash"
constexpr const char* kCountAuditEvents = "SELECT count(*) FROM audit_events";
constexpr const char* kAllAuditEvents =
    "SELECT " ALIS_AUDIT_EVENTS_COLUMNS " FROM audit_events ORDER BY id";
const DialectSql kAddAuditEvents{
    "INSERT INTO audit_events (" ALIS_AUDIT_EVENTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'at', value ->> 'actor_account_id',"
    " value ->> 'actor_label', value ->> 'action', value ->> 'subject_person_id',"
    " value ->> 'target', value ->> 'outcome', value ->> 'address', value ->> 'prev_hash',"
    " value ->> 'hash' FROM json_each($1)",
    "INSERT INTO audit_events OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::audit_events, $1)"};
constexpr Column kAuditEventsColumns[] = {{"id", ColumnKind::integer},
                                          {"at", ColumnKind::instant},
                                          {"actor_account_id", ColumnKind::integer},
                                          {"actor_label", ColumnKind::text},
                                          {"action", ColumnKind::text},
                                          {"subject_person_id", ColumnKind::integer},
                                          {"target", ColumnKind::text},
                                          {"outcome", ColumnKind::text},
                                          {"address", ColumnKind::text},
                                          {"prev_hash", ColumnKind::text},
                                          {"hash", ColumnKind::text}};
#undef ALIS_AUDIT_EVENTS_COLUMNS

#define ALIS_SERVICE_PERIODS_COLUMNS                                       \
    "id, person_id, employment_id, arena, place, starts_on, ends_on, fte," \
    " employer_registered"
constexpr const char* kCountServicePeriods = "SELECT count(*) FROM service_periods";
constexpr const char* kAllServicePeriods =
    "SELECT " ALIS_SERVICE_PERIODS_COLUMNS " FROM service_periods ORDER BY id";
const DialectSql kAddServicePeriods{
    "INSERT INTO service_periods (" ALIS_SERVICE_PERIODS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'employment_id',"
    " value ->> 'arena', value ->> 'place', value ->> 'starts_on', value ->> 'ends_on',"
    " value ->> 'fte', value ->> 'employer_registered' FROM json_each($1)",
    "INSERT INTO service_periods OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::service_periods, $1)"};
constexpr Column kServicePeriodsColumns[] = {{"id", ColumnKind::integer},
                                             {"person_id", ColumnKind::integer},
                                             {"employment_id", ColumnKind::integer},
                                             {"arena", ColumnKind::text},
                                             {"place", ColumnKind::text},
                                             {"starts_on", ColumnKind::date},
                                             {"ends_on", ColumnKind::date},
                                             {"fte", ColumnKind::integer},
                                             {"employer_registered", ColumnKind::boolean}};
#undef ALIS_SERVICE_PERIODS_COLUMNS

#define ALIS_SUPERVISORS_COLUMNS                                                       \
    "id, person_id, municipality_number, qualification, approved_on, approval_reason," \
    " office, home_municipality_number, agreement_reference, agreement_date, registered_on"
constexpr const char* kCountSupervisors = "SELECT count(*) FROM supervisors";
constexpr const char* kAllSupervisors =
    "SELECT " ALIS_SUPERVISORS_COLUMNS " FROM supervisors ORDER BY id";
const DialectSql kAddSupervisors{
    "INSERT INTO supervisors (" ALIS_SUPERVISORS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'municipality_number',"
    " value ->> 'qualification', value ->> 'approved_on', value ->> 'approval_reason',"
    " value ->> 'office', value ->> 'home_municipality_number',"
    " value ->> 'agreement_reference', value ->> 'agreement_date',"
    " value ->> 'registered_on' FROM json_each($1)",
    "INSERT INTO supervisors OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervisors, $1)"};
constexpr Column kSupervisorsColumns[] = {{"id", ColumnKind::integer},
                                          {"person_id", ColumnKind::integer},
                                          {"municipality_number", ColumnKind::text},
                                          {"qualification", ColumnKind::text},
                                          {"approved_on", ColumnKind::date},
                                          {"approval_reason", ColumnKind::text},
                                          {"office", ColumnKind::text},
                                          {"home_municipality_number", ColumnKind::text},
                                          {"agreement_reference", ColumnKind::text},
                                          {"agreement_date", ColumnKind::date},
                                          {"registered_on", ColumnKind::date}};
#undef ALIS_SUPERVISORS_COLUMNS

#define ALIS_SUPERVISOR_CAPACITY_COLUMNS "municipality_number, max_trainees"
constexpr const char* kCountSupervisorCapacity = "SELECT count(*) FROM supervisor_capacity";
constexpr const char* kAllSupervisorCapacity =
    "SELECT " ALIS_SUPERVISOR_CAPACITY_COLUMNS
    " FROM supervisor_capacity ORDER BY municipality_number";
const DialectSql kAddSupervisorCapacity{
    "INSERT INTO supervisor_capacity (" ALIS_SUPERVISOR_CAPACITY_COLUMNS
    ") SELECT value ->> 'municipality_number', value ->> 'max_trainees' FROM json_each($1)",
    "INSERT INTO supervisor_capacity OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervisor_capacity, $1)"};
constexpr Column kSupervisorCapacityColumns[] = {{"municipality_number", ColumnKind::text},
                                                 {"max_trainees", ColumnKind::integer}};
#undef ALIS_SUPERVISOR_CAPACITY_COLUMNS

#define ALIS_GENERAL_EDUCATION_PLANS_COLUMNS "municipality_number, changed_at, changed_by"
constexpr const char* kCountGeneralEducationPlans = "SELECT count(*) FROM general_education_plans";
constexpr const char* kAllGeneralEducationPlans =
    "SELECT " ALIS_GENERAL_EDUCATION_PLANS_COLUMNS
    " FROM general_education_plans ORDER BY municipality_number";
const DialectSql kAddGeneralEducationPlans{
    "INSERT INTO general_education_plans (" ALIS_GENERAL_EDUCATION_PLANS_COLUMNS
    ") SELECT value ->> 'municipality_number', value ->> 'changed_at',"
    " value ->> 'changed_by' FROM json_each($1)",
    "INSERT INTO general_education_plans OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::general_education_plans, $1)"};
constexpr Column kGeneralEducationPlansColumns[] = {{"municipality_number", ColumnKind::text},
                                                    {"changed_at", ColumnKind::instant},
                                                    {"changed_by", ColumnKind::text}};
#undef ALIS_GENERAL_EDUCATION_PLANS_COLUMNS

#define ALIS_ENTERPRISE_STATUS_CHANGES_COLUMNS                                          \
    "id, municipality_number, status, valid_from, valid_until, applied_on, changed_at," \
    " changed_by"
constexpr const char* kCountEnterpriseStatusChanges =
    "SELECT count(*) FROM enterprise_status_changes";
constexpr const char* kAllEnterpriseStatusChanges =
    "SELECT " ALIS_ENTERPRISE_STATUS_CHANGES_COLUMNS " FROM enterprise_status_changes ORDER BY id";
const DialectSql kAddEnterpriseStatusChanges{
    "INSERT INTO enterprise_status_changes (" ALIS_ENTERPRISE_STATUS_CHANGES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'municipality_number', value ->> 'status',"
    " value ->> 'valid_from', value ->> 'valid_until', value ->> 'applied_on',"
    " value ->> 'changed_at', value ->> 'changed_by' FROM json_each($1)",
    "INSERT INTO enterprise_status_changes OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::enterprise_status_changes, $1)"};
constexpr Column kEnterpriseStatusChangesColumns[] = {
    {"id", ColumnKind::integer},         {"municipality_number", ColumnKind::text},
    {"status", ColumnKind::text},        {"valid_from", ColumnKind::date},
    {"valid_until", ColumnKind::date},   {"applied_on", ColumnKind::date},
    {"changed_at", ColumnKind::instant}, {"changed_by", ColumnKind::text}};
#undef ALIS_ENTERPRISE_STATUS_CHANGES_COLUMNS

#define ALIS_LEARNING_ARENAS_COLUMNS "id, municipality_number, kind, name, offers"
constexpr const char* kCountLearningArenas = "SELECT count(*) FROM learning_arenas";
constexpr const char* kAllLearningArenas =
    "SELECT " ALIS_LEARNING_ARENAS_COLUMNS " FROM learning_arenas ORDER BY id";
const DialectSql kAddLearningArenas{
    "INSERT INTO learning_arenas (" ALIS_LEARNING_ARENAS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'municipality_number', value ->> 'kind',"
    " value ->> 'name', value ->> 'offers' FROM json_each($1)",
    "INSERT INTO learning_arenas OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::learning_arenas, $1)"};
constexpr Column kLearningArenasColumns[] = {{"id", ColumnKind::integer},
                                             {"municipality_number", ColumnKind::text},
                                             {"kind", ColumnKind::text},
                                             {"name", ColumnKind::text},
                                             {"offers", ColumnKind::text}};
#undef ALIS_LEARNING_ARENAS_COLUMNS

#define ALIS_PLAN_RESPONSIBILITIES_COLUMNS "id, municipality_number, area, responsible, description"
constexpr const char* kCountPlanResponsibilities = "SELECT count(*) FROM plan_responsibilities";
constexpr const char* kAllPlanResponsibilities =
    "SELECT " ALIS_PLAN_RESPONSIBILITIES_COLUMNS " FROM plan_responsibilities ORDER BY id";
const DialectSql kAddPlanResponsibilities{
    "INSERT INTO plan_responsibilities (" ALIS_PLAN_RESPONSIBILITIES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'municipality_number', value ->> 'area',"
    " value ->> 'responsible', value ->> 'description' FROM json_each($1)",
    "INSERT INTO plan_responsibilities OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::plan_responsibilities, $1)"};
constexpr Column kPlanResponsibilitiesColumns[] = {{"id", ColumnKind::integer},
                                                   {"municipality_number", ColumnKind::text},
                                                   {"area", ColumnKind::text},
                                                   {"responsible", ColumnKind::text},
                                                   {"description", ColumnKind::text}};
#undef ALIS_PLAN_RESPONSIBILITIES_COLUMNS

#define ALIS_EDUCATION_PLAN_REVISIONS_COLUMNS                                         \
    "id, person_id, number, revised_at, revised_on, author_account_id, author_label," \
    " supervision_group, courses, next_months, note"
constexpr const char* kCountEducationPlanRevisions =
    "SELECT count(*) FROM education_plan_revisions";
constexpr const char* kAllEducationPlanRevisions =
    "SELECT " ALIS_EDUCATION_PLAN_REVISIONS_COLUMNS " FROM education_plan_revisions ORDER BY id";
const DialectSql kAddEducationPlanRevisions{
    "INSERT INTO education_plan_revisions (" ALIS_EDUCATION_PLAN_REVISIONS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'number',"
    " value ->> 'revised_at', value ->> 'revised_on', value ->> 'author_account_id',"
    " value ->> 'author_label', value ->> 'supervision_group', value ->> 'courses',"
    " value ->> 'next_months', value ->> 'note' FROM json_each($1)",
    "INSERT INTO education_plan_revisions OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::education_plan_revisions, $1)"};
constexpr Column kEducationPlanRevisionsColumns[] = {
    {"id", ColumnKind::integer},        {"person_id", ColumnKind::integer},
    {"number", ColumnKind::integer},    {"revised_at", ColumnKind::instant},
    {"revised_on", ColumnKind::date},   {"author_account_id", ColumnKind::integer},
    {"author_label", ColumnKind::text}, {"supervision_group", ColumnKind::text},
    {"courses", ColumnKind::text},      {"next_months", ColumnKind::text},
    {"note", ColumnKind::text}};
#undef ALIS_EDUCATION_PLAN_REVISIONS_COLUMNS

#define ALIS_EDUCATION_PLAN_PERIODS_COLUMNS \
    "revision_id, position, arena, place, starts_on, ends_on, fte"
constexpr const char* kCountEducationPlanPeriods = "SELECT count(*) FROM education_plan_periods";
constexpr const char* kAllEducationPlanPeriods =
    "SELECT " ALIS_EDUCATION_PLAN_PERIODS_COLUMNS
    " FROM education_plan_periods ORDER BY revision_id, position";
const DialectSql kAddEducationPlanPeriods{
    "INSERT INTO education_plan_periods (" ALIS_EDUCATION_PLAN_PERIODS_COLUMNS
    ") SELECT value ->> 'revision_id', value ->> 'position', value ->> 'arena',"
    " value ->> 'place', value ->> 'starts_on', value ->> 'ends_on',"
    " value ->> 'fte' FROM json_each($1)",
    "INSERT INTO education_plan_periods OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::education_plan_periods, $1)"};
constexpr Column kEducationPlanPeriodsColumns[] = {
    {"revision_id", ColumnKind::integer}, {"position", ColumnKind::integer},
    {"arena", ColumnKind::text},          {"place", ColumnKind::text},
    {"starts_on", ColumnKind::date},      {"ends_on", ColumnKind::date},
    {"fte", ColumnKind::integer}};
#undef ALIS_EDUCATION_PLAN_PERIODS_COLUMNS

#define ALIS_RECORD_CORRECTIONS_COLUMNS                                            \
    "id, person_id, kind, record_id, action, before, after, reason, corrected_at," \
    " corrected_by"
constexpr const char* kCountRecordCorrections = "SELECT count(*) FROM record_corrections";
constexpr const char* kAllRecordCorrections =
    "SELECT " ALIS_RECORD_CORRECTIONS_COLUMNS " FROM record_corrections ORDER BY id";
const DialectSql kAddRecordCorrections{
    "INSERT INTO record_corrections (" ALIS_RECORD_CORRECTIONS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'kind',"
    " value ->> 'record_id', value ->> 'action', value ->> 'before', value ->> 'after',"
    " value ->> 'reason', value ->> 'corrected_at',"
    " value ->> 'corrected_by' FROM json_each($1)",
    "INSERT INTO record_corrections OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::record_corrections, $1)"};
constexpr Column kRecordCorrectionsColumns[] = {{"id", ColumnKind::integer},
                                                {"person_id", ColumnKind::integer},
                                                {"kind", ColumnKind::text},
                                                {"record_id", ColumnKind::integer},
                                                {"action", ColumnKind::text},
                                                {"before", ColumnKind::text},
                                                {"after", ColumnKind::text},
                                                {"reason", ColumnKind::text},
                                                {"corrected_at", ColumnKind::instant},
                                                {"corrected_by", ColumnKind::text}};
#undef ALIS_RECORD_CORRECTIONS_COLUMNS

#define ALIS_DEPARTURES_COLUMNS \
    "employment_id, reason, destination, training_ended, recorded_at, recorded_by"
constexpr const char* kCountDepartures = "SELECT count(*) FROM departures";
constexpr const char* kAllDepartures =
    "SELECT " ALIS_DEPARTURES_COLUMNS " FROM departures ORDER BY employment_id";
const DialectSql kAddDepartures{
    "INSERT INTO departures (" ALIS_DEPARTURES_COLUMNS
    ") SELECT value ->> 'employment_id', value ->> 'reason', value ->> 'destination',"
    " value ->> 'training_ended', value ->> 'recorded_at', value ->> 'recorded_by'"
    " FROM json_each($1)",
    "INSERT INTO departures SELECT * FROM json_populate_recordset(NULL::departures, $1)"};
constexpr Column kDeparturesColumns[] = {
    {"employment_id", ColumnKind::integer}, {"reason", ColumnKind::text},
    {"destination", ColumnKind::text},      {"training_ended", ColumnKind::boolean},
    {"recorded_at", ColumnKind::instant},   {"recorded_by", ColumnKind::text}};
#undef ALIS_DEPARTURES_COLUMNS

#define ALIS_GRANT_POSTS_COLUMNS "employment_id, grant_post_type, via_agency, substitute"
constexpr const char* kCountGrantPosts = "SELECT count(*) FROM grant_posts";
constexpr const char* kAllGrantPosts =
    "SELECT " ALIS_GRANT_POSTS_COLUMNS " FROM grant_posts ORDER BY employment_id";
const DialectSql kAddGrantPosts{"INSERT INTO grant_posts (" ALIS_GRANT_POSTS_COLUMNS
                                ") SELECT value ->> 'employment_id', value ->> 'grant_post_type', "
                                "value ->> 'via_agency', value ->> 'substitute' FROM json_each($1)",
                                "INSERT INTO grant_posts OVERRIDING SYSTEM VALUE"
                                " SELECT * FROM json_populate_recordset(NULL::grant_posts, $1)"};
constexpr Column kGrantPostsColumns[] = {{"employment_id", ColumnKind::integer},
                                         {"grant_post_type", ColumnKind::text},
                                         {"via_agency", ColumnKind::boolean},
                                         {"substitute", ColumnKind::boolean}};
#undef ALIS_GRANT_POSTS_COLUMNS

#define ALIS_AGREEMENTS_COLUMNS                                                              \
    "id, employment_id, kind, template_version, national_template, covers_from, covers_to, " \
    "status, signed_on, recorded_at, recorded_by"
constexpr const char* kCountAgreements = "SELECT count(*) FROM agreements";
constexpr const char* kAllAgreements =
    "SELECT " ALIS_AGREEMENTS_COLUMNS " FROM agreements ORDER BY id";
const DialectSql kAddAgreements{
    "INSERT INTO agreements (" ALIS_AGREEMENTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'employment_id', value ->> 'kind', value ->> "
    "'template_version', value ->> 'national_template', value ->> 'covers_from', value ->> "
    "'covers_to', value ->> 'status', value ->> 'signed_on', value ->> 'recorded_at', value ->> "
    "'recorded_by' FROM json_each($1)",
    "INSERT INTO agreements OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::agreements, $1)"};
constexpr Column kAgreementsColumns[] = {{"id", ColumnKind::integer},
                                         {"employment_id", ColumnKind::integer},
                                         {"kind", ColumnKind::text},
                                         {"template_version", ColumnKind::text},
                                         {"national_template", ColumnKind::boolean},
                                         {"covers_from", ColumnKind::date},
                                         {"covers_to", ColumnKind::date},
                                         {"status", ColumnKind::text},
                                         {"signed_on", ColumnKind::date},
                                         {"recorded_at", ColumnKind::instant},
                                         {"recorded_by", ColumnKind::text}};
#undef ALIS_AGREEMENTS_COLUMNS

#define ALIS_COST_DEFAULTS_COLUMNS                                                                 \
    "municipality_number, year, list_length, other_gp_work_percent, zone, salary_ore, bonus_ore, " \
    "office_ore, supervision_hours, supervision_rate_ore, courses_and_travel_ore, "                \
    "substitutes_ore, fee_for_service_ore, recorded_at, recorded_by"
constexpr const char* kCountCostDefaults = "SELECT count(*) FROM cost_defaults";
constexpr const char* kAllCostDefaults =
    "SELECT " ALIS_COST_DEFAULTS_COLUMNS " FROM cost_defaults ORDER BY municipality_number, year";
const DialectSql kAddCostDefaults{
    "INSERT INTO cost_defaults (" ALIS_COST_DEFAULTS_COLUMNS
    ") SELECT value ->> 'municipality_number', value ->> 'year', value ->> 'list_length', value "
    "->> 'other_gp_work_percent', value ->> 'zone', value ->> 'salary_ore', value ->> 'bonus_ore', "
    "value ->> 'office_ore', value ->> 'supervision_hours', value ->> 'supervision_rate_ore', "
    "value ->> 'courses_and_travel_ore', value ->> 'substitutes_ore', value ->> "
    "'fee_for_service_ore', value ->> 'recorded_at', value ->> 'recorded_by' FROM json_each($1)",
    "INSERT INTO cost_defaults OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::cost_defaults, $1)"};
constexpr Column kCostDefaultsColumns[] = {{"municipality_number", ColumnKind::text},
                                           {"year", ColumnKind::integer},
                                           {"list_length", ColumnKind::integer},
                                           {"other_gp_work_percent", ColumnKind::integer},
                                           {"zone", ColumnKind::text},
                                           {"salary_ore", ColumnKind::integer},
                                           {"bonus_ore", ColumnKind::integer},
                                           {"office_ore", ColumnKind::integer},
                                           {"supervision_hours", ColumnKind::integer},
                                           {"supervision_rate_ore", ColumnKind::integer},
                                           {"courses_and_travel_ore", ColumnKind::integer},
                                           {"substitutes_ore", ColumnKind::integer},
                                           {"fee_for_service_ore", ColumnKind::integer},
                                           {"recorded_at", ColumnKind::instant},
                                           {"recorded_by", ColumnKind::text}};
#undef ALIS_COST_DEFAULTS_COLUMNS

#define ALIS_ALIS_COST_INPUTS_COLUMNS                                                              \
    "person_id, municipality_number, year, list_length, other_gp_work_percent, zone, salary_ore, " \
    "bonus_ore, office_ore, supervision_hours, supervision_rate_ore, courses_and_travel_ore, "     \
    "substitutes_ore, fee_for_service_ore, recorded_at, recorded_by"
constexpr const char* kCountAlisCostInputs = "SELECT count(*) FROM alis_cost_inputs";
constexpr const char* kAllAlisCostInputs =
    "SELECT " ALIS_ALIS_COST_INPUTS_COLUMNS
    " FROM alis_cost_inputs ORDER BY person_id, municipality_number, year";
const DialectSql kAddAlisCostInputs{
    "INSERT INTO alis_cost_inputs (" ALIS_ALIS_COST_INPUTS_COLUMNS
    ") SELECT value ->> 'person_id', value ->> 'municipality_number', value ->> 'year', value ->> "
    "'list_length', value ->> 'other_gp_work_percent', value ->> 'zone', value ->> 'salary_ore', "
    "value ->> 'bonus_ore', value ->> 'office_ore', value ->> 'supervision_hours', value ->> "
    "'supervision_rate_ore', value ->> 'courses_and_travel_ore', value ->> 'substitutes_ore', "
    "value ->> 'fee_for_service_ore', value ->> 'recorded_at', value ->> 'recorded_by' FROM "
    "json_each($1)",
    "INSERT INTO alis_cost_inputs OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::alis_cost_inputs, $1)"};
constexpr Column kAlisCostInputsColumns[] = {{"person_id", ColumnKind::integer},
                                             {"municipality_number", ColumnKind::text},
                                             {"year", ColumnKind::integer},
                                             {"list_length", ColumnKind::integer},
                                             {"other_gp_work_percent", ColumnKind::integer},
                                             {"zone", ColumnKind::text},
                                             {"salary_ore", ColumnKind::integer},
                                             {"bonus_ore", ColumnKind::integer},
                                             {"office_ore", ColumnKind::integer},
                                             {"supervision_hours", ColumnKind::integer},
                                             {"supervision_rate_ore", ColumnKind::integer},
                                             {"courses_and_travel_ore", ColumnKind::integer},
                                             {"substitutes_ore", ColumnKind::integer},
                                             {"fee_for_service_ore", ColumnKind::integer},
                                             {"recorded_at", ColumnKind::instant},
                                             {"recorded_by", ColumnKind::text}};
#undef ALIS_ALIS_COST_INPUTS_COLUMNS
#define ALIS_SUPERVISION_MEETINGS_COLUMNS                                                      \
    "id, trainee_person_id, supervisor_person_id, held_on, duration_minutes, topics, minutes," \
    " planned_at, planned_by, closed_at, closed_by"
constexpr const char* kCountSupervisionMeetings = "SELECT count(*) FROM supervision_meetings";
constexpr const char* kAllSupervisionMeetings =
    "SELECT " ALIS_SUPERVISION_MEETINGS_COLUMNS " FROM supervision_meetings ORDER BY id";
const DialectSql kAddSupervisionMeetings{
    "INSERT INTO supervision_meetings (" ALIS_SUPERVISION_MEETINGS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'trainee_person_id', value ->> 'supervisor_person_id',"
    " value ->> 'held_on', value ->> 'duration_minutes', value ->> 'topics', value ->> 'minutes',"
    " value ->> 'planned_at', value ->> 'planned_by', value ->> 'closed_at',"
    " value ->> 'closed_by' FROM json_each($1)",
    "INSERT INTO supervision_meetings OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervision_meetings, $1)"};
constexpr Column kSupervisionMeetingsColumns[] = {{"id", ColumnKind::integer},
                                                  {"trainee_person_id", ColumnKind::integer},
                                                  {"supervisor_person_id", ColumnKind::integer},
                                                  {"held_on", ColumnKind::date},
                                                  {"duration_minutes", ColumnKind::integer},
                                                  {"topics", ColumnKind::text},
                                                  {"minutes", ColumnKind::text},
                                                  {"planned_at", ColumnKind::instant},
                                                  {"planned_by", ColumnKind::text},
                                                  {"closed_at", ColumnKind::instant},
                                                  {"closed_by", ColumnKind::text}};
#undef ALIS_SUPERVISION_MEETINGS_COLUMNS

#define ALIS_SUPERVISION_ADDENDA_COLUMNS "id, meeting_id, text, written_at, written_by"
constexpr const char* kCountSupervisionAddenda = "SELECT count(*) FROM supervision_addenda";
constexpr const char* kAllSupervisionAddenda =
    "SELECT " ALIS_SUPERVISION_ADDENDA_COLUMNS " FROM supervision_addenda ORDER BY id";
const DialectSql kAddSupervisionAddenda{
    "INSERT INTO supervision_addenda (" ALIS_SUPERVISION_ADDENDA_COLUMNS
    ") SELECT value ->> 'id', value ->> 'meeting_id', value ->> 'text', value ->> 'written_at',"
    " value ->> 'written_by' FROM json_each($1)",
    "INSERT INTO supervision_addenda OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervision_addenda, $1)"};
constexpr Column kSupervisionAddendaColumns[] = {{"id", ColumnKind::integer},
                                                 {"meeting_id", ColumnKind::integer},
                                                 {"text", ColumnKind::text},
                                                 {"written_at", ColumnKind::instant},
                                                 {"written_by", ColumnKind::text}};
#undef ALIS_SUPERVISION_ADDENDA_COLUMNS

constexpr const char* kCountSupervisionNorms = "SELECT count(*) FROM supervision_norms";
constexpr const char* kAllSupervisionNorms =
    "SELECT municipality_number, norm FROM supervision_norms ORDER BY municipality_number";
const DialectSql kAddSupervisionNorms{
    "INSERT INTO supervision_norms (municipality_number, norm)"
    " SELECT value ->> 'municipality_number', value ->> 'norm' FROM json_each($1)",
    "INSERT INTO supervision_norms"
    " SELECT * FROM json_populate_recordset(NULL::supervision_norms, $1)"};
constexpr Column kSupervisionNormsColumns[] = {{"municipality_number", ColumnKind::text},
                                               {"norm", ColumnKind::text}};

#define ALIS_SUPERVISION_GROUPS_COLUMNS \
    "id, municipality_number, name, group_supervisor_person_id, starts_on"
constexpr const char* kCountSupervisionGroups = "SELECT count(*) FROM supervision_groups";
constexpr const char* kAllSupervisionGroups =
    "SELECT " ALIS_SUPERVISION_GROUPS_COLUMNS " FROM supervision_groups ORDER BY id";
const DialectSql kAddSupervisionGroups{
    "INSERT INTO supervision_groups (" ALIS_SUPERVISION_GROUPS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'municipality_number', value ->> 'name',"
    " value ->> 'group_supervisor_person_id', value ->> 'starts_on' FROM json_each($1)",
    "INSERT INTO supervision_groups OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervision_groups, $1)"};
constexpr Column kSupervisionGroupsColumns[] = {{"id", ColumnKind::integer},
                                                {"municipality_number", ColumnKind::text},
                                                {"name", ColumnKind::text},
                                                {"group_supervisor_person_id", ColumnKind::integer},
                                                {"starts_on", ColumnKind::date}};
#undef ALIS_SUPERVISION_GROUPS_COLUMNS

#define ALIS_SUPERVISION_GROUP_MEMBERS_COLUMNS "id, group_id, person_id, joined_on, left_on"
constexpr const char* kCountSupervisionGroupMembers =
    "SELECT count(*) FROM supervision_group_members";
constexpr const char* kAllSupervisionGroupMembers =
    "SELECT " ALIS_SUPERVISION_GROUP_MEMBERS_COLUMNS " FROM supervision_group_members ORDER BY id";
const DialectSql kAddSupervisionGroupMembers{
    "INSERT INTO supervision_group_members (" ALIS_SUPERVISION_GROUP_MEMBERS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'group_id', value ->> 'person_id',"
    " value ->> 'joined_on', value ->> 'left_on' FROM json_each($1)",
    "INSERT INTO supervision_group_members OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervision_group_members, $1)"};
constexpr Column kSupervisionGroupMembersColumns[] = {{"id", ColumnKind::integer},
                                                      {"group_id", ColumnKind::integer},
                                                      {"person_id", ColumnKind::integer},
                                                      {"joined_on", ColumnKind::date},
                                                      {"left_on", ColumnKind::date}};
#undef ALIS_SUPERVISION_GROUP_MEMBERS_COLUMNS

#define ALIS_SUPERVISION_GROUP_MEETINGS_COLUMNS "id, group_id, held_on, duration_minutes, topic"
constexpr const char* kCountSupervisionGroupMeetings =
    "SELECT count(*) FROM supervision_group_meetings";
constexpr const char* kAllSupervisionGroupMeetings =
    "SELECT " ALIS_SUPERVISION_GROUP_MEETINGS_COLUMNS
    " FROM supervision_group_meetings ORDER BY id";
const DialectSql kAddSupervisionGroupMeetings{
    "INSERT INTO supervision_group_meetings (" ALIS_SUPERVISION_GROUP_MEETINGS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'group_id', value ->> 'held_on',"
    " value ->> 'duration_minutes', value ->> 'topic' FROM json_each($1)",
    "INSERT INTO supervision_group_meetings OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::supervision_group_meetings, $1)"};
constexpr Column kSupervisionGroupMeetingsColumns[] = {{"id", ColumnKind::integer},
                                                       {"group_id", ColumnKind::integer},
                                                       {"held_on", ColumnKind::date},
                                                       {"duration_minutes", ColumnKind::integer},
                                                       {"topic", ColumnKind::text}};
#undef ALIS_SUPERVISION_GROUP_MEETINGS_COLUMNS

constexpr const char* kCountSupervisionGroupAttendance =
    "SELECT count(*) FROM supervision_group_attendance";
constexpr const char* kAllSupervisionGroupAttendance =
    "SELECT meeting_id, person_id FROM supervision_group_attendance"
    " ORDER BY meeting_id, person_id";
const DialectSql kAddSupervisionGroupAttendance{
    "INSERT INTO supervision_group_attendance (meeting_id, person_id)"
    " SELECT value ->> 'meeting_id', value ->> 'person_id' FROM json_each($1)",
    "INSERT INTO supervision_group_attendance"
    " SELECT * FROM json_populate_recordset(NULL::supervision_group_attendance, $1)"};
constexpr Column kSupervisionGroupAttendanceColumns[] = {{"meeting_id", ColumnKind::integer},
                                                         {"person_id", ColumnKind::integer}};

#define ALIS_DOCUMENTS_COLUMNS                                                           \
    "id, agreement_id, version, kind, template_version, title, content, content_sha256," \
    " created_at, created_by, supervisor_id"
constexpr const char* kCountDocuments = "SELECT count(*) FROM documents";
constexpr const char* kAllDocuments =
    "SELECT " ALIS_DOCUMENTS_COLUMNS " FROM documents ORDER BY id";
const DialectSql kAddDocuments{
    "INSERT INTO documents (" ALIS_DOCUMENTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'agreement_id', value ->> 'version', value ->> 'kind',"
    " value ->> 'template_version', value ->> 'title', value ->> 'content',"
    " value ->> 'content_sha256', value ->> 'created_at', value ->> 'created_by',"
    " value ->> 'supervisor_id' FROM json_each($1)",
    "INSERT INTO documents OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::documents, $1)"};
constexpr Column kDocumentsColumns[] = {{"id", ColumnKind::integer},
                                        {"agreement_id", ColumnKind::integer},
                                        {"version", ColumnKind::integer},
                                        {"kind", ColumnKind::text},
                                        {"template_version", ColumnKind::text},
                                        {"title", ColumnKind::text},
                                        {"content", ColumnKind::text},
                                        {"content_sha256", ColumnKind::text},
                                        {"created_at", ColumnKind::instant},
                                        {"created_by", ColumnKind::text},
                                        {"supervisor_id", ColumnKind::integer}};
#undef ALIS_DOCUMENTS_COLUMNS

#define ALIS_DOCUMENT_SIGNATURES_COLUMNS "id, document_id, party, account_id, signer, signed_at"
constexpr const char* kCountDocumentSignatures = "SELECT count(*) FROM document_signatures";
constexpr const char* kAllDocumentSignatures =
    "SELECT " ALIS_DOCUMENT_SIGNATURES_COLUMNS " FROM document_signatures ORDER BY id";
const DialectSql kAddDocumentSignatures{
    "INSERT INTO document_signatures (" ALIS_DOCUMENT_SIGNATURES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'document_id', value ->> 'party',"
    " value ->> 'account_id', value ->> 'signer', value ->> 'signed_at' FROM json_each($1)",
    "INSERT INTO document_signatures OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::document_signatures, $1)"};
constexpr Column kDocumentSignaturesColumns[] = {
    {"id", ColumnKind::integer},  {"document_id", ColumnKind::integer},
    {"party", ColumnKind::text},  {"account_id", ColumnKind::integer},
    {"signer", ColumnKind::text}, {"signed_at", ColumnKind::instant}};
#undef ALIS_DOCUMENT_SIGNATURES_COLUMNS

constexpr const char* kCountSignedDocuments = "SELECT count(*) FROM signed_documents";
constexpr const char* kAllSignedDocuments =
    "SELECT document_id, pdf_base64, pdf_sha256, signed_at FROM signed_documents"
    " ORDER BY document_id";
const DialectSql kAddSignedDocuments{
    "INSERT INTO signed_documents (document_id, pdf_base64, pdf_sha256, signed_at)"
    " SELECT value ->> 'document_id', value ->> 'pdf_base64', value ->> 'pdf_sha256',"
    " value ->> 'signed_at' FROM json_each($1)",
    "INSERT INTO signed_documents"
    " SELECT * FROM json_populate_recordset(NULL::signed_documents, $1)"};
constexpr Column kSignedDocumentsColumns[] = {{"document_id", ColumnKind::integer},
                                              {"pdf_base64", ColumnKind::text},
                                              {"pdf_sha256", ColumnKind::text},
                                              {"signed_at", ColumnKind::instant}};
#define ALIS_OBJECTIVE_CATALOGUE_EDITIONS_COLUMNS \
    "id, catalogue, edition, valid_from, demo, source, content_digest, imported_at, imported_by"
constexpr const char* kCountObjectiveCatalogueEditions =
    "SELECT count(*) FROM objective_catalogue_editions";
constexpr const char* kAllObjectiveCatalogueEditions =
    "SELECT " ALIS_OBJECTIVE_CATALOGUE_EDITIONS_COLUMNS
    " FROM objective_catalogue_editions ORDER BY id";
const DialectSql kAddObjectiveCatalogueEditions{
    "INSERT INTO objective_catalogue_editions (" ALIS_OBJECTIVE_CATALOGUE_EDITIONS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'catalogue', value ->> 'edition', value ->> 'valid_from', "
    "value ->> 'demo', value ->> 'source', value ->> 'content_digest', value ->> 'imported_at', "
    "value ->> 'imported_by'"
    " FROM json_each($1)",
    "INSERT INTO objective_catalogue_editions OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::objective_catalogue_editions, $1)"};
constexpr Column kObjectiveCatalogueEditionsColumns[] = {
    {"id", ColumnKind::integer},          {"catalogue", ColumnKind::text},
    {"edition", ColumnKind::text},        {"valid_from", ColumnKind::date},
    {"demo", ColumnKind::boolean},        {"source", ColumnKind::text},
    {"content_digest", ColumnKind::text}, {"imported_at", ColumnKind::instant},
    {"imported_by", ColumnKind::text}};
#undef ALIS_OBJECTIVE_CATALOGUE_EDITIONS_COLUMNS

#define ALIS_LEARNING_OBJECTIVES_COLUMNS                                                      \
    "id, edition_id, code, position, title, description, activities, signed_by, assessment, " \
    "arenas"
constexpr const char* kCountLearningObjectives = "SELECT count(*) FROM learning_objectives";
constexpr const char* kAllLearningObjectives =
    "SELECT " ALIS_LEARNING_OBJECTIVES_COLUMNS " FROM learning_objectives ORDER BY id";
const DialectSql kAddLearningObjectives{
    "INSERT INTO learning_objectives (" ALIS_LEARNING_OBJECTIVES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'edition_id', value ->> 'code', value ->> 'position', "
    "value ->> 'title', value ->> 'description', value ->> 'activities', value ->> 'signed_by', "
    "value ->> 'assessment', value ->> 'arenas'"
    " FROM json_each($1)",
    "INSERT INTO learning_objectives OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::learning_objectives, $1)"};
constexpr Column kLearningObjectivesColumns[] = {
    {"id", ColumnKind::integer},      {"edition_id", ColumnKind::integer},
    {"code", ColumnKind::text},       {"position", ColumnKind::integer},
    {"title", ColumnKind::text},      {"description", ColumnKind::text},
    {"activities", ColumnKind::text}, {"signed_by", ColumnKind::text},
    {"assessment", ColumnKind::text}, {"arenas", ColumnKind::text}};
#undef ALIS_LEARNING_OBJECTIVES_COLUMNS

#define ALIS_LEARNING_ACTIVITIES_COLUMNS \
    "id, person_id, kind, done_on, service_period_id, title, reflection, recorded_at, recorded_by"
constexpr const char* kCountLearningActivities = "SELECT count(*) FROM learning_activities";
constexpr const char* kAllLearningActivities =
    "SELECT " ALIS_LEARNING_ACTIVITIES_COLUMNS " FROM learning_activities ORDER BY id";
const DialectSql kAddLearningActivities{
    "INSERT INTO learning_activities (" ALIS_LEARNING_ACTIVITIES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'kind', value ->> 'done_on', value "
    "->> 'service_period_id', value ->> 'title', value ->> 'reflection', value ->> 'recorded_at', "
    "value ->> 'recorded_by'"
    " FROM json_each($1)",
    "INSERT INTO learning_activities OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::learning_activities, $1)"};
constexpr Column kLearningActivitiesColumns[] = {{"id", ColumnKind::integer},
                                                 {"person_id", ColumnKind::integer},
                                                 {"kind", ColumnKind::text},
                                                 {"done_on", ColumnKind::date},
                                                 {"service_period_id", ColumnKind::integer},
                                                 {"title", ColumnKind::text},
                                                 {"reflection", ColumnKind::text},
                                                 {"recorded_at", ColumnKind::instant},
                                                 {"recorded_by", ColumnKind::text}};
#undef ALIS_LEARNING_ACTIVITIES_COLUMNS

#define ALIS_LEARNING_ACTIVITY_OBJECTIVES_COLUMNS "activity_id, objective_id"
constexpr const char* kCountLearningActivityObjectives =
    "SELECT count(*) FROM learning_activity_objectives";
constexpr const char* kAllLearningActivityObjectives =
    "SELECT " ALIS_LEARNING_ACTIVITY_OBJECTIVES_COLUMNS
    " FROM learning_activity_objectives ORDER BY activity_id, objective_id";
const DialectSql kAddLearningActivityObjectives{
    "INSERT INTO learning_activity_objectives (" ALIS_LEARNING_ACTIVITY_OBJECTIVES_COLUMNS
    ") SELECT value ->> 'activity_id', value ->> 'objective_id'"
    " FROM json_each($1)",
    "INSERT INTO learning_activity_objectives OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::learning_activity_objectives, $1)"};
constexpr Column kLearningActivityObjectivesColumns[] = {{"activity_id", ColumnKind::integer},
                                                         {"objective_id", ColumnKind::integer}};
#undef ALIS_LEARNING_ACTIVITY_OBJECTIVES_COLUMNS

#define ALIS_ACTIVITY_SIGNATURES_COLUMNS \
    "id, activity_id, signer_person_id, signer_label, signed_at"
constexpr const char* kCountActivitySignatures = "SELECT count(*) FROM activity_signatures";
constexpr const char* kAllActivitySignatures =
    "SELECT " ALIS_ACTIVITY_SIGNATURES_COLUMNS " FROM activity_signatures ORDER BY id";
const DialectSql kAddActivitySignatures{
    "INSERT INTO activity_signatures (" ALIS_ACTIVITY_SIGNATURES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'activity_id', value ->> 'signer_person_id', value ->> "
    "'signer_label', value ->> 'signed_at'"
    " FROM json_each($1)",
    "INSERT INTO activity_signatures OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::activity_signatures, $1)"};
constexpr Column kActivitySignaturesColumns[] = {{"id", ColumnKind::integer},
                                                 {"activity_id", ColumnKind::integer},
                                                 {"signer_person_id", ColumnKind::integer},
                                                 {"signer_label", ColumnKind::text},
                                                 {"signed_at", ColumnKind::instant}};
#undef ALIS_ACTIVITY_SIGNATURES_COLUMNS

#define ALIS_OBJECTIVE_EVENTS_COLUMNS                                               \
    "id, person_id, objective_id, kind, actor_role, actor_person_id, actor_label, " \
    "municipality_number, at, reason"
constexpr const char* kCountObjectiveEvents = "SELECT count(*) FROM objective_events";
constexpr const char* kAllObjectiveEvents =
    "SELECT " ALIS_OBJECTIVE_EVENTS_COLUMNS " FROM objective_events ORDER BY id";
const DialectSql kAddObjectiveEvents{
    "INSERT INTO objective_events (" ALIS_OBJECTIVE_EVENTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'objective_id', value ->> 'kind', "
    "value ->> 'actor_role', value ->> 'actor_person_id', value ->> 'actor_label', value ->> "
    "'municipality_number', value ->> 'at', value ->> 'reason'"
    " FROM json_each($1)",
    "INSERT INTO objective_events OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::objective_events, $1)"};
constexpr Column kObjectiveEventsColumns[] = {
    {"id", ColumnKind::integer},           {"person_id", ColumnKind::integer},
    {"objective_id", ColumnKind::integer}, {"kind", ColumnKind::text},
    {"actor_role", ColumnKind::text},      {"actor_person_id", ColumnKind::integer},
    {"actor_label", ColumnKind::text},     {"municipality_number", ColumnKind::text},
    {"at", ColumnKind::instant},           {"reason", ColumnKind::text}};
#undef ALIS_OBJECTIVE_EVENTS_COLUMNS

#define ALIS_CLINICAL_SUPERVISOR_INVITATIONS_COLUMNS \
    "id, person_id, email, name, invited_at, invited_by, withdrawn_at"
constexpr const char* kCountClinicalSupervisorInvitations =
    "SELECT count(*) FROM clinical_supervisor_invitations";
constexpr const char* kAllClinicalSupervisorInvitations =
    "SELECT " ALIS_CLINICAL_SUPERVISOR_INVITATIONS_COLUMNS
    " FROM clinical_supervisor_invitations ORDER BY id";
const DialectSql kAddClinicalSupervisorInvitations{
    "INSERT INTO clinical_supervisor_invitations (" ALIS_CLINICAL_SUPERVISOR_INVITATIONS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'email', value ->> 'name',"
    " value ->> 'invited_at', value ->> 'invited_by', value ->> 'withdrawn_at'"
    " FROM json_each($1)",
    "INSERT INTO clinical_supervisor_invitations OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::clinical_supervisor_invitations, $1)"};
constexpr Column kClinicalSupervisorInvitationsColumns[] = {
    {"id", ColumnKind::integer},          {"person_id", ColumnKind::integer},
    {"email", ColumnKind::text},          {"name", ColumnKind::text},
    {"invited_at", ColumnKind::instant},  {"invited_by", ColumnKind::text},
    {"withdrawn_at", ColumnKind::instant}};
#undef ALIS_CLINICAL_SUPERVISOR_INVITATIONS_COLUMNS

#define ALIS_ACTIVITY_ATTACHMENTS_COLUMNS "attachment_id, activity_id, attached_at, attached_by"
constexpr const char* kCountActivityAttachments = "SELECT count(*) FROM activity_attachments";
constexpr const char* kAllActivityAttachments =
    "SELECT " ALIS_ACTIVITY_ATTACHMENTS_COLUMNS " FROM activity_attachments ORDER BY attachment_id";
const DialectSql kAddActivityAttachments{
    "INSERT INTO activity_attachments (" ALIS_ACTIVITY_ATTACHMENTS_COLUMNS
    ") SELECT value ->> 'attachment_id', value ->> 'activity_id', value ->> 'attached_at',"
    " value ->> 'attached_by' FROM json_each($1)",
    "INSERT INTO activity_attachments"
    " SELECT * FROM json_populate_recordset(NULL::activity_attachments, $1)"};
constexpr Column kActivityAttachmentsColumns[] = {{"attachment_id", ColumnKind::integer},
                                                  {"activity_id", ColumnKind::integer},
                                                  {"attached_at", ColumnKind::instant},
                                                  {"attached_by", ColumnKind::text}};
#undef ALIS_ACTIVITY_ATTACHMENTS_COLUMNS

#define ALIS_ACTIVITY_SIGN_REQUESTS_COLUMNS                                             \
    "id, activity_id, invitation_id, email, token_sha256, requested_at, requested_by, " \
    "expires_at, "                                                                      \
    "used_at"
constexpr const char* kCountActivitySignRequests = "SELECT count(*) FROM activity_sign_requests";
constexpr const char* kAllActivitySignRequests =
    "SELECT " ALIS_ACTIVITY_SIGN_REQUESTS_COLUMNS " FROM activity_sign_requests ORDER BY id";
const DialectSql kAddActivitySignRequests{
    "INSERT INTO activity_sign_requests (" ALIS_ACTIVITY_SIGN_REQUESTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'activity_id', value ->> 'invitation_id',"
    " value ->> 'email', value ->> 'token_sha256', value ->> 'requested_at',"
    " value ->> 'requested_by', value ->> 'expires_at', value ->> 'used_at' FROM json_each($1)",
    "INSERT INTO activity_sign_requests OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::activity_sign_requests, $1)"};
constexpr Column kActivitySignRequestsColumns[] = {{"id", ColumnKind::integer},
                                                   {"activity_id", ColumnKind::integer},
                                                   {"invitation_id", ColumnKind::integer},
                                                   {"email", ColumnKind::text},
                                                   {"token_sha256", ColumnKind::text},
                                                   {"requested_at", ColumnKind::instant},
                                                   {"requested_by", ColumnKind::text},
                                                   {"expires_at", ColumnKind::integer},
                                                   {"used_at", ColumnKind::instant}};
#undef ALIS_ACTIVITY_SIGN_REQUESTS_COLUMNS

#define ALIS_DOCUMENT_TEMPLATES_COLUMNS \
    "id, kind, version, source, source_sha256, recorded_at, recorded_by"
constexpr const char* kCountDocumentTemplates = "SELECT count(*) FROM document_templates";
constexpr const char* kAllDocumentTemplates =
    "SELECT " ALIS_DOCUMENT_TEMPLATES_COLUMNS " FROM document_templates ORDER BY id";
const DialectSql kAddDocumentTemplates{
    "INSERT INTO document_templates (" ALIS_DOCUMENT_TEMPLATES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'kind', value ->> 'version', value ->> 'source',"
    " value ->> 'source_sha256', value ->> 'recorded_at', value ->> 'recorded_by'"
    " FROM json_each($1)",
    "INSERT INTO document_templates OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::document_templates, $1)"};
constexpr Column kDocumentTemplatesColumns[] = {
    {"id", ColumnKind::integer},         {"kind", ColumnKind::text},
    {"version", ColumnKind::text},       {"source", ColumnKind::text},
    {"source_sha256", ColumnKind::text}, {"recorded_at", ColumnKind::instant},
    {"recorded_by", ColumnKind::text}};
#undef ALIS_DOCUMENT_TEMPLATES_COLUMNS

#define ALIS_ATTACHMENTS_COLUMNS \
    "id, sha256, media_type, byte_size, file_name, content_base64, uploaded_by, uploaded_at"
constexpr const char* kCountAttachments = "SELECT count(*) FROM attachments";
constexpr const char* kAllAttachments =
    "SELECT " ALIS_ATTACHMENTS_COLUMNS " FROM attachments ORDER BY id";
const DialectSql kAddAttachments{
    "INSERT INTO attachments (" ALIS_ATTACHMENTS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'sha256', value ->> 'media_type', value ->> 'byte_size',"
    " value ->> 'file_name', value ->> 'content_base64', value ->> 'uploaded_by',"
    " value ->> 'uploaded_at' FROM json_each($1)",
    "INSERT INTO attachments OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::attachments, $1)"};
constexpr Column kAttachmentsColumns[] = {
    {"id", ColumnKind::integer},       {"sha256", ColumnKind::text},
    {"media_type", ColumnKind::text},  {"byte_size", ColumnKind::integer},
    {"file_name", ColumnKind::text},   {"content_base64", ColumnKind::text},
    {"uploaded_by", ColumnKind::text}, {"uploaded_at", ColumnKind::instant}};
#undef ALIS_ATTACHMENTS_COLUMNS

#define ALIS_COMPLETED_COURSES_COLUMNS                                                 \
    "id, person_id, course_id, name, hours, completed_on, attachment_id, recorded_at," \
    " recorded_by, withdrawn_at, withdrawn_by"
constexpr const char* kCountCompletedCourses = "SELECT count(*) FROM completed_courses";
constexpr const char* kAllCompletedCourses =
    "SELECT " ALIS_COMPLETED_COURSES_COLUMNS " FROM completed_courses ORDER BY id";
const DialectSql kAddCompletedCourses{
    "INSERT INTO completed_courses (" ALIS_COMPLETED_COURSES_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'course_id', value ->> 'name',"
    " value ->> 'hours', value ->> 'completed_on', value ->> 'attachment_id',"
    " value ->> 'recorded_at', value ->> 'recorded_by', value ->> 'withdrawn_at',"
    " value ->> 'withdrawn_by' FROM json_each($1)",
    "INSERT INTO completed_courses OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::completed_courses, $1)"};
constexpr Column kCompletedCoursesColumns[] = {{"id", ColumnKind::integer},
                                               {"person_id", ColumnKind::integer},
                                               {"course_id", ColumnKind::text},
                                               {"name", ColumnKind::text},
                                               {"hours", ColumnKind::integer},
                                               {"completed_on", ColumnKind::date},
                                               {"attachment_id", ColumnKind::integer},
                                               {"recorded_at", ColumnKind::instant},
                                               {"recorded_by", ColumnKind::text},
                                               {"withdrawn_at", ColumnKind::instant},
                                               {"withdrawn_by", ColumnKind::text}};
#undef ALIS_COMPLETED_COURSES_COLUMNS

constexpr const char* kCountCalendarFeeds = "SELECT count(*) FROM calendar_feeds";
constexpr const char* kAllCalendarFeeds =
    "SELECT account_id, token_sha256, created_at FROM calendar_feeds ORDER BY account_id";
const DialectSql kAddCalendarFeeds{
    "INSERT INTO calendar_feeds (account_id, token_sha256, created_at)"
    " SELECT value ->> 'account_id', value ->> 'token_sha256', value ->> 'created_at'"
    " FROM json_each($1)",
    "INSERT INTO calendar_feeds SELECT * FROM json_populate_recordset(NULL::calendar_feeds, $1)"};
constexpr Column kCalendarFeedsColumns[] = {{"account_id", ColumnKind::integer},
                                            {"token_sha256", ColumnKind::text},
                                            {"created_at", ColumnKind::instant}};

#define ALIS_DIGEST_OPT_OUTS_COLUMNS "account_id, opted_out_at"
constexpr const char* kCountDigestOptOuts = "SELECT count(*) FROM digest_opt_outs";
constexpr const char* kAllDigestOptOuts =
    "SELECT " ALIS_DIGEST_OPT_OUTS_COLUMNS " FROM digest_opt_outs ORDER BY account_id";
const DialectSql kAddDigestOptOuts{
    "INSERT INTO digest_opt_outs (" ALIS_DIGEST_OPT_OUTS_COLUMNS
    ") SELECT value ->> 'account_id', value ->> 'opted_out_at' FROM json_each($1)",
    "INSERT INTO digest_opt_outs OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::digest_opt_outs, $1)"};
constexpr Column kDigestOptOutsColumns[] = {{"account_id", ColumnKind::integer},
                                            {"opted_out_at", ColumnKind::integer}};
#undef ALIS_DIGEST_OPT_OUTS_COLUMNS

#define ALIS_DIGEST_SENT_TASKS_COLUMNS "account_id, task_key, sent_on"
constexpr const char* kCountDigestSentTasks = "SELECT count(*) FROM digest_sent_tasks";
constexpr const char* kAllDigestSentTasks = "SELECT " ALIS_DIGEST_SENT_TASKS_COLUMNS
                                            " FROM digest_sent_tasks ORDER BY account_id, task_key";
const DialectSql kAddDigestSentTasks{
    "INSERT INTO digest_sent_tasks (" ALIS_DIGEST_SENT_TASKS_COLUMNS
    ") SELECT value ->> 'account_id', value ->> 'task_key', value ->> 'sent_on'"
    " FROM json_each($1)",
    "INSERT INTO digest_sent_tasks OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::digest_sent_tasks, $1)"};
constexpr Column kDigestSentTasksColumns[] = {{"account_id", ColumnKind::integer},
                                              {"task_key", ColumnKind::text},
                                              {"sent_on", ColumnKind::date}};
#undef ALIS_DIGEST_SENT_TASKS_COLUMNS

#define ALIS_MAIL_OUTBOX_COLUMNS                                                 \
    "id, account_id, digest_on, recipient, subject, body, queued_at, attempts, " \
    "next_attempt_at, claim_token, claimed_until, committing_at, sent_at, last_error"
constexpr const char* kCountMailOutbox = "SELECT count(*) FROM mail_outbox";
constexpr const char* kAllMailOutbox =
    "SELECT " ALIS_MAIL_OUTBOX_COLUMNS " FROM mail_outbox ORDER BY id";
const DialectSql kAddMailOutbox{
    "INSERT INTO mail_outbox (" ALIS_MAIL_OUTBOX_COLUMNS
    ") SELECT value ->> 'id', value ->> 'account_id', value ->> 'digest_on',"
    " value ->> 'recipient', value ->> 'subject', value ->> 'body', value ->> 'queued_at',"
    " value ->> 'attempts', value ->> 'next_attempt_at', value ->> 'claim_token',"
    " value ->> 'claimed_until', value ->> 'committing_at', value ->> 'sent_at',"
    " value ->> 'last_error' FROM json_each($1)",
    "INSERT INTO mail_outbox OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::mail_outbox, $1)"};
constexpr Column kMailOutboxColumns[] = {{"id", ColumnKind::integer},
                                         {"account_id", ColumnKind::integer},
                                         {"digest_on", ColumnKind::date},
                                         {"recipient", ColumnKind::text},
                                         {"subject", ColumnKind::text},
                                         {"body", ColumnKind::text},
                                         {"queued_at", ColumnKind::integer},
                                         {"attempts", ColumnKind::integer},
                                         {"next_attempt_at", ColumnKind::integer},
                                         {"claim_token", ColumnKind::text},
                                         {"claimed_until", ColumnKind::integer},
                                         {"committing_at", ColumnKind::integer},
                                         {"sent_at", ColumnKind::integer},
                                         {"last_error", ColumnKind::text}};
#undef ALIS_MAIL_OUTBOX_COLUMNS

#define ALIS_IMPORTED_TRAINING_RECORDS_COLUMNS \
    "id, person_id, record_json, sha256, signer_public_key, imported_by, imported_at"
constexpr const char* kCountImportedTrainingRecords =
    "SELECT count(*) FROM imported_training_records";
constexpr const char* kAllImportedTrainingRecords =
    "SELECT " ALIS_IMPORTED_TRAINING_RECORDS_COLUMNS " FROM imported_training_records ORDER BY id";
const DialectSql kAddImportedTrainingRecords{
    "INSERT INTO imported_training_records (" ALIS_IMPORTED_TRAINING_RECORDS_COLUMNS
    ") SELECT value ->> 'id', value ->> 'person_id', value ->> 'record_json', value ->> 'sha256',"
    " value ->> 'signer_public_key', value ->> 'imported_by', value ->> 'imported_at'"
    " FROM json_each($1)",
    "INSERT INTO imported_training_records OVERRIDING SYSTEM VALUE"
    " SELECT * FROM json_populate_recordset(NULL::imported_training_records, $1)"};
constexpr Column kImportedTrainingRecordsColumns[] = {{"id", ColumnKind::integer},
                                                      {"person_id", ColumnKind::integer},
                                                      {"record_json", ColumnKind::text},
                                                      {"sha256", ColumnKind::text},
                                                      {"signer_public_key", ColumnKind::text},
                                                      {"imported_by", ColumnKind::text},
                                                      {"imported_at", ColumnKind::instant}};
#undef ALIS_IMPORTED_TRAINING_RECORDS_COLUMNS

const Table kTables[] = {
    {"municipalities", kMunicipalitiesColumns, GeneratedId::no, kCountMunicipalities,
     kAllMunicipalities, kAddMunicipalities},
    {"people", kPeopleColumns, GeneratedId::yes, kCountPeople, kAllPeople, kAddPeople},
    {"employments", kEmploymentsColumns, GeneratedId::yes, kCountEmployments, kAllEmployments,
     kAddEmployments},
    {"leaves", kLeavesColumns, GeneratedId::yes, kCountLeaves, kAllLeaves, kAddLeaves},
    {"accounts", kAccountsColumns, GeneratedId::yes, kCountAccounts, kAllAccounts, kAddAccounts},
    {"role_grants", kRoleGrantsColumns, GeneratedId::yes, kCountRoleGrants, kAllRoleGrants,
     kAddRoleGrants},
    {"sessions", kSessionsColumns, GeneratedId::no, kCountSessions, kAllSessions, kAddSessions},
    {"login_failures", kLoginFailuresColumns, GeneratedId::yes, kCountLoginFailures,
     kAllLoginFailures, kAddLoginFailures},
    {"supervisor_assignments", kSupervisorAssignmentsColumns, GeneratedId::yes,
     kCountSupervisorAssignments, kAllSupervisorAssignments, kAddSupervisorAssignments},
    {"audit_events", kAuditEventsColumns, GeneratedId::no, kCountAuditEvents, kAllAuditEvents,
     kAddAuditEvents},
    {"service_periods", kServicePeriodsColumns, GeneratedId::yes, kCountServicePeriods,
     kAllServicePeriods, kAddServicePeriods},
    {"supervisors", kSupervisorsColumns, GeneratedId::yes, kCountSupervisors, kAllSupervisors,
     kAddSupervisors},
    {"supervisor_capacity", kSupervisorCapacityColumns, GeneratedId::no, kCountSupervisorCapacity,
     kAllSupervisorCapacity, kAddSupervisorCapacity},
    {"general_education_plans", kGeneralEducationPlansColumns, GeneratedId::no,
     kCountGeneralEducationPlans, kAllGeneralEducationPlans, kAddGeneralEducationPlans},
    {"enterprise_status_changes", kEnterpriseStatusChangesColumns, GeneratedId::yes,
     kCountEnterpriseStatusChanges, kAllEnterpriseStatusChanges, kAddEnterpriseStatusChanges},
    {"learning_arenas", kLearningArenasColumns, GeneratedId::yes, kCountLearningArenas,
     kAllLearningArenas, kAddLearningArenas},
    {"plan_responsibilities", kPlanResponsibilitiesColumns, GeneratedId::yes,
     kCountPlanResponsibilities, kAllPlanResponsibilities, kAddPlanResponsibilities},
    {"education_plan_revisions", kEducationPlanRevisionsColumns, GeneratedId::yes,
     kCountEducationPlanRevisions, kAllEducationPlanRevisions, kAddEducationPlanRevisions},
    {"education_plan_periods", kEducationPlanPeriodsColumns, GeneratedId::no,
     kCountEducationPlanPeriods, kAllEducationPlanPeriods, kAddEducationPlanPeriods},
    {"record_corrections", kRecordCorrectionsColumns, GeneratedId::yes, kCountRecordCorrections,
     kAllRecordCorrections, kAddRecordCorrections},
    {"departures", kDeparturesColumns, GeneratedId::no, kCountDepartures, kAllDepartures,
     kAddDepartures},
    {"grant_posts", kGrantPostsColumns, GeneratedId::no, kCountGrantPosts, kAllGrantPosts,
     kAddGrantPosts},
    {"agreements", kAgreementsColumns, GeneratedId::yes, kCountAgreements, kAllAgreements,
     kAddAgreements},
    {"cost_defaults", kCostDefaultsColumns, GeneratedId::no, kCountCostDefaults, kAllCostDefaults,
     kAddCostDefaults},
    {"alis_cost_inputs", kAlisCostInputsColumns, GeneratedId::no, kCountAlisCostInputs,
     kAllAlisCostInputs, kAddAlisCostInputs},
    {"supervision_meetings", kSupervisionMeetingsColumns, GeneratedId::yes,
     kCountSupervisionMeetings, kAllSupervisionMeetings, kAddSupervisionMeetings},
    {"supervision_addenda", kSupervisionAddendaColumns, GeneratedId::yes, kCountSupervisionAddenda,
     kAllSupervisionAddenda, kAddSupervisionAddenda},
    {"supervision_norms", kSupervisionNormsColumns, GeneratedId::no, kCountSupervisionNorms,
     kAllSupervisionNorms, kAddSupervisionNorms},
    {"supervision_groups", kSupervisionGroupsColumns, GeneratedId::yes, kCountSupervisionGroups,
     kAllSupervisionGroups, kAddSupervisionGroups},
    {"supervision_group_members", kSupervisionGroupMembersColumns, GeneratedId::yes,
     kCountSupervisionGroupMembers, kAllSupervisionGroupMembers, kAddSupervisionGroupMembers},
    {"supervision_group_meetings", kSupervisionGroupMeetingsColumns, GeneratedId::yes,
     kCountSupervisionGroupMeetings, kAllSupervisionGroupMeetings, kAddSupervisionGroupMeetings},
    {"supervision_group_attendance", kSupervisionGroupAttendanceColumns, GeneratedId::no,
     kCountSupervisionGroupAttendance, kAllSupervisionGroupAttendance,
     kAddSupervisionGroupAttendance},
    {"documents", kDocumentsColumns, GeneratedId::yes, kCountDocuments, kAllDocuments,
     kAddDocuments},
    {"document_signatures", kDocumentSignaturesColumns, GeneratedId::yes, kCountDocumentSignatures,
     kAllDocumentSignatures, kAddDocumentSignatures},
    {"signed_documents", kSignedDocumentsColumns, GeneratedId::no, kCountSignedDocuments,
     kAllSignedDocuments, kAddSignedDocuments},
    {"objective_catalogue_editions", kObjectiveCatalogueEditionsColumns, GeneratedId::yes,
     kCountObjectiveCatalogueEditions, kAllObjectiveCatalogueEditions,
     kAddObjectiveCatalogueEditions},
    {"learning_objectives", kLearningObjectivesColumns, GeneratedId::yes, kCountLearningObjectives,
     kAllLearningObjectives, kAddLearningObjectives},
    {"learning_activities", kLearningActivitiesColumns, GeneratedId::yes, kCountLearningActivities,
     kAllLearningActivities, kAddLearningActivities},
    {"learning_activity_objectives", kLearningActivityObjectivesColumns, GeneratedId::no,
     kCountLearningActivityObjectives, kAllLearningActivityObjectives,
     kAddLearningActivityObjectives},
    {"activity_signatures", kActivitySignaturesColumns, GeneratedId::yes, kCountActivitySignatures,
     kAllActivitySignatures, kAddActivitySignatures},
    {"objective_events", kObjectiveEventsColumns, GeneratedId::yes, kCountObjectiveEvents,
     kAllObjectiveEvents, kAddObjectiveEvents},
    {"clinical_supervisor_invitations", kClinicalSupervisorInvitationsColumns, GeneratedId::yes,
     kCountClinicalSupervisorInvitations, kAllClinicalSupervisorInvitations,
     kAddClinicalSupervisorInvitations},
    {"activity_sign_requests", kActivitySignRequestsColumns, GeneratedId::yes,
     kCountActivitySignRequests, kAllActivitySignRequests, kAddActivitySignRequests},
    {"document_templates", kDocumentTemplatesColumns, GeneratedId::yes, kCountDocumentTemplates,
     kAllDocumentTemplates, kAddDocumentTemplates},
    {"calendar_feeds", kCalendarFeedsColumns, GeneratedId::no, kCountCalendarFeeds,
     kAllCalendarFeeds, kAddCalendarFeeds},
    {"digest_opt_outs", kDigestOptOutsColumns, GeneratedId::no, kCountDigestOptOuts,
     kAllDigestOptOuts, kAddDigestOptOuts},
    {"digest_sent_tasks", kDigestSentTasksColumns, GeneratedId::no, kCountDigestSentTasks,
     kAllDigestSentTasks, kAddDigestSentTasks},
    {"mail_outbox", kMailOutboxColumns, GeneratedId::yes, kCountMailOutbox, kAllMailOutbox,
     kAddMailOutbox},
    {"attachments", kAttachmentsColumns, GeneratedId::yes, kCountAttachments, kAllAttachments,
     kAddAttachments},
    {"activity_attachments", kActivityAttachmentsColumns, GeneratedId::no,
     kCountActivityAttachments, kAllActivityAttachments, kAddActivityAttachments},
    {"completed_courses", kCompletedCoursesColumns, GeneratedId::yes, kCountCompletedCourses,
     kAllCompletedCourses, kAddCompletedCourses},
    {"imported_training_records", kImportedTrainingRecordsColumns, GeneratedId::yes,
     kCountImportedTrainingRecords, kAllImportedTrainingRecords, kAddImportedTrainingRecords},
};

}  // namespace

std::span<const Table> installation_tables() {
    return kTables;
}

}  // namespace alis::store
