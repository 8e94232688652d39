#include "store/supervisors.hpp"

namespace alis::store {
namespace {

#define ALIS_SUPERVISOR_COLUMNS                                                        \
    "s.id, s.person_id, s.municipality_number, s.qualification, s.approved_on,"        \
    " s.approval_reason, s.office, s.home_municipality_number, s.agreement_reference," \
    " s.agreement_date, s.registered_on"
// The distinct trainees of the supervisor person s.person_id on the day $2.
#define ALIS_SUPERVISOR_LOAD                                                    \
    "(SELECT count(DISTINCT a.trainee_person_id) FROM supervisor_assignments a" \
    " WHERE a.supervisor_person_id = s.person_id AND a.starts_on <= $2"         \
    " AND (a.ends_on IS NULL OR a.ends_on >= $2))"
constexpr const char* kRegisteredFor =
    "SELECT " ALIS_SUPERVISOR_COLUMNS ", p.full_name, " ALIS_SUPERVISOR_LOAD
    ", h.name"
    " FROM supervisors s JOIN people p ON p.id = s.person_id"
    " LEFT JOIN municipalities h ON h.number = s.home_municipality_number"
    " WHERE s.municipality_number = $1 ORDER BY p.full_name, s.id";
#undef ALIS_SUPERVISOR_LOAD
constexpr const char* kFindRegistration =
    "SELECT " ALIS_SUPERVISOR_COLUMNS
    " FROM supervisors s WHERE s.municipality_number = $1 AND s.person_id = $2";
constexpr const char* kFindRegistrationById =
    "SELECT " ALIS_SUPERVISOR_COLUMNS " FROM supervisors s WHERE s.id = $1";
#undef ALIS_SUPERVISOR_COLUMNS
constexpr const char* kCapacity =
    "SELECT max_trainees FROM supervisor_capacity WHERE municipality_number = $1";
constexpr const char* kAssignmentsOf =
    "SELECT id, supervisor_person_id, trainee_person_id, starts_on, ends_on"
    " FROM supervisor_assignments WHERE trainee_person_id = $1 ORDER BY starts_on, id";
constexpr const char* kSupervisorsOf =
    "SELECT DISTINCT supervisor_person_id FROM supervisor_assignments"
    " WHERE trainee_person_id = $1 AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2)"
    " ORDER BY supervisor_person_id";
constexpr const char* kTraineesOf =
    "SELECT DISTINCT trainee_person_id FROM supervisor_assignments"
    " WHERE supervisor_person_id = $1 AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2)"
    " ORDER BY trainee_person_id";
#define ALIS_NAMES_OF(listed)                                                          \
    "SELECT a.trainee_person_id, s.full_name FROM supervisor_assignments a"            \
    " JOIN people s ON s.id = a.supervisor_person_id WHERE a.trainee_person_id" listed \
    " AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2)"                \
    " ORDER BY a.trainee_person_id, s.full_name"
const DialectSql kSupervisorNamesOf{ALIS_NAMES_OF(" IN (SELECT value FROM json_each($1))"),
                                    ALIS_NAMES_OF(" = ANY($1::bigint[])")};
#undef ALIS_NAMES_OF

constexpr const char* kAddSupervisor =
    "INSERT INTO supervisors (person_id, municipality_number, qualification, approved_on,"
    " approval_reason, office, home_municipality_number, agreement_reference, agreement_date,"
    " registered_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
constexpr const char* kSetCapacity =
    "INSERT INTO supervisor_capacity (municipality_number, max_trainees) VALUES ($1, $2)"
    " ON CONFLICT (municipality_number) DO UPDATE SET max_trainees = excluded.max_trainees";
constexpr const char* kAddAssignment =
    "INSERT INTO supervisor_assignments (supervisor_person_id, trainee_person_id, starts_on,"
    " ends_on) VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kEndAssignment =
    "UPDATE supervisor_assignments SET ends_on = $2 WHERE id = $1";

domain::Supervisor read_supervisor(const Row& row) {
    domain::Supervisor x;
    x.id = row.integer(0);
    x.person_id = row.integer(1);
    x.municipality_number = row.text(2);
    x.qualification = row.enumeration<domain::SupervisorQualification>(3);
    x.approved_on = row.optional_date(4);
    x.approval_reason = row.optional_text(5);
    x.office = row.text(6);
    x.home_municipality_number = row.text(7);
    x.agreement_reference = row.optional_text(8);
    x.agreement_date = row.optional_date(9);
    x.registered_on = row.date(10);
    return x;
}

}  // namespace

std::vector<domain::SupervisorSummary> Supervisors::registered_for(
    const std::string& municipality_number, domain::Date day) const {
    return tx_.rows(kRegisteredFor, {municipality_number, day}, [](const Row& row) {
        return domain::SupervisorSummary{read_supervisor(row), row.text(11),
                                         static_cast<int>(row.integer(12)),
                                         row.optional_text(13).value_or("")};
    });
}

std::optional<domain::Supervisor> Supervisors::find_registration(
    const std::string& municipality_number, std::int64_t person_id) const {
    return tx_.row(kFindRegistration, {municipality_number, person_id}, read_supervisor);
}

std::optional<domain::Supervisor> Supervisors::find_registration(std::int64_t id) const {
    return tx_.row(kFindRegistrationById, {id}, read_supervisor);
}

int Supervisors::capacity(const std::string& municipality_number) const {
    const auto set = tx_.row(kCapacity, {municipality_number}, read_id);
    return set ? static_cast<int>(*set) : domain::kDefaultSupervisorCapacity;
}

std::vector<domain::SupervisorAssignment> Supervisors::assignments_of(
    std::int64_t trainee_person_id) const {
    return tx_.rows(kAssignmentsOf, {trainee_person_id}, [](const Row& row) {
        domain::SupervisorAssignment a;
        a.id = row.integer(0);
        a.supervisor_person_id = row.integer(1);
        a.trainee_person_id = row.integer(2);
        a.starts_on = row.date(3);
        a.ends_on = row.optional_date(4);
        return a;
    });
}

std::vector<std::int64_t> Supervisors::supervisors_of(std::int64_t trainee_person_id,
                                                      domain::Date day) const {
    return tx_.rows(kSupervisorsOf, {trainee_person_id, day}, read_id);
}

std::vector<std::int64_t> Supervisors::trainees_of(std::int64_t supervisor_person_id,
                                                   domain::Date day) const {
    return tx_.rows(kTraineesOf, {supervisor_person_id, day}, read_id);
}

void Supervisors::supervisor_names_of(
    const std::vector<std::int64_t>& trainees, domain::Date day,
    const std::function<void(std::int64_t, std::string)>& each) const {
    if (trainees.empty()) {
        return;
    }
    tx_.each_row(tx_.pick(kSupervisorNamesOf), {id_list(tx_.dialect(), trainees), day},
                 [&](const Row& row) { each(row.integer(0), row.text(1)); });
}

std::int64_t Supervisors::add(const domain::Supervisor& x) {
    return tx_.insert(kAddSupervisor,
                      {x.person_id, x.municipality_number, x.qualification, x.approved_on,
                       x.approval_reason, x.office, x.home_municipality_number,
                       x.agreement_reference, x.agreement_date, x.registered_on});
}

void Supervisors::set_capacity(const std::string& municipality_number, int max_trainees) {
    tx_.execute(kSetCapacity, {municipality_number, max_trainees});
}

std::int64_t Supervisors::add_assignment(const domain::SupervisorAssignment& a) {
    return tx_.insert(kAddAssignment,
                      {a.supervisor_person_id, a.trainee_person_id, a.starts_on, a.ends_on});
}

void Supervisors::end_assignment(std::int64_t assignment_id, domain::Date ends_on) {
    tx_.execute(kEndAssignment, {assignment_id, ends_on});
}

}  // namespace alis::store
