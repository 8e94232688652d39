#include "store/people.hpp"

namespace alis::store {
namespace {

#define ALIS_PERSON_COLUMNS "id, full_name, hpr_number, training_status, lis1_completed, ruleset"
#define ALIS_EMPLOYMENT_COLUMNS \
    "id, person_id, municipality_number, starts_on, ends_on, fte, post_type, pay_model"
#define ALIS_PERIOD_COLUMNS                                                \
    "id, person_id, employment_id, arena, place, starts_on, ends_on, fte," \
    " employer_registered"
#define ALIS_LEAVE_COLUMNS "id, person_id, starts_on, ends_on, kind"

constexpr const char* kFindPerson = "SELECT " ALIS_PERSON_COLUMNS " FROM people WHERE id = $1";
constexpr const char* kFindByHpr =
    "SELECT " ALIS_PERSON_COLUMNS " FROM people WHERE hpr_number = $1";
constexpr const char* kCount = "SELECT count(*) FROM people WHERE training_status = $1";
constexpr const char* kEmploymentsOf = "SELECT " ALIS_EMPLOYMENT_COLUMNS
                                       " FROM employments WHERE person_id = $1"
                                       " ORDER BY starts_on, id";
constexpr const char* kLeavesOf =
    "SELECT " ALIS_LEAVE_COLUMNS " FROM leaves WHERE person_id = $1 ORDER BY starts_on, id";
constexpr const char* kServicePeriodsOf = "SELECT " ALIS_PERIOD_COLUMNS
                                          " FROM service_periods WHERE person_id = $1"
                                          " ORDER BY starts_on, id";
constexpr const char* kEmployingMunicipalities =
    "SELECT DISTINCT municipality_number FROM employments WHERE person_id = $1"
    " AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2) ORDER BY municipality_number";
constexpr const char* kTraineesEmployedBy =
    "SELECT " ALIS_PERSON_COLUMNS
    " FROM people"
    " WHERE training_status = 'in_training' AND id IN (SELECT person_id FROM employments"
    "   WHERE municipality_number = $1 AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2))"
    " ORDER BY full_name, id";
// ALIS_PERSON_COLUMNS of p, then the employing municipality (column 6).
constexpr const char* kTraineesEmployedInRegion =
    "SELECT DISTINCT p.id, p.full_name, p.hpr_number, p.training_status, p.lis1_completed,"
    " p.ruleset, e.municipality_number"
    " FROM people p JOIN employments e ON e.person_id = p.id"
    " JOIN municipalities m ON m.number = e.municipality_number"
    " WHERE m.alis_office = $1 AND p.training_status = 'in_training'"
    " AND e.starts_on <= $2 AND (e.ends_on IS NULL OR e.ends_on >= $2)"
    " ORDER BY e.municipality_number, p.full_name, p.id";

// The people whose ids $1 lists (see id_list).
#define ALIS_FOR_LISTED(select, order)                                                   \
    DialectSql {                                                                         \
        select " WHERE" ALIS_LISTED_SQLITE("person_id", "$1") " ORDER BY " order,        \
            select " WHERE" ALIS_LISTED_POSTGRESQL("person_id", "$1") " ORDER BY " order \
    }
const DialectSql kEmploymentsOfPeople = ALIS_FOR_LISTED(
    "SELECT " ALIS_EMPLOYMENT_COLUMNS " FROM employments", "person_id, starts_on, id");
const DialectSql kServicePeriodsOfPeople = ALIS_FOR_LISTED(
    "SELECT " ALIS_PERIOD_COLUMNS " FROM service_periods", "person_id, starts_on, id");
const DialectSql kLeavesOfPeople =
    ALIS_FOR_LISTED("SELECT " ALIS_LEAVE_COLUMNS " FROM leaves", "person_id, starts_on, id");
#undef ALIS_FOR_LISTED

constexpr const char* kAddPerson =
    "INSERT INTO people (full_name, hpr_number, training_status, lis1_completed, ruleset)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr const char* kAddEmployment =
    "INSERT INTO employments (person_id, municipality_number, starts_on, ends_on, fte, post_type,"
    " pay_model) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kAddLeave =
    "INSERT INTO leaves (person_id, starts_on, ends_on, kind) VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kAddServicePeriod =
    "INSERT INTO service_periods (person_id, employment_id, arena, place, starts_on, ends_on, fte,"
    " employer_registered) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

constexpr const char* kPathLength =
    "SELECT (SELECT count(*) FROM service_periods WHERE person_id = $1)"
    " + (SELECT count(*) FROM leaves WHERE person_id = $1)";
constexpr const char* kUpdateEmployment =
    "UPDATE employments SET municipality_number = $3, starts_on = $4, ends_on = $5, fte = $6,"
    " post_type = $7, pay_model = $8 WHERE id = $1 AND person_id = $2 RETURNING id";
constexpr const char* kRemoveEmployment =
    "DELETE FROM employments WHERE id = $1 AND person_id = $2 RETURNING id";
constexpr const char* kUpdateServicePeriod =
    "UPDATE service_periods SET employment_id = $3, arena = $4, place = $5, starts_on = $6,"
    " ends_on = $7, fte = $8, employer_registered = $9 WHERE id = $1 AND person_id = $2"
    " RETURNING id";
constexpr const char* kRemoveServicePeriod =
    "DELETE FROM service_periods WHERE id = $1 AND person_id = $2 RETURNING id";
constexpr const char* kUpdateLeave =
    "UPDATE leaves SET starts_on = $3, ends_on = $4, kind = $5 WHERE id = $1 AND person_id = $2"
    " RETURNING id";
constexpr const char* kRemoveLeave =
    "DELETE FROM leaves WHERE id = $1 AND person_id = $2 RETURNING id";
constexpr const char* kAddCorrection =
    "INSERT INTO record_corrections (person_id, kind, record_id, action, before, after, reason,"
    " corrected_at, corrected_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kCorrectionsOf =
    "SELECT id, person_id, kind, record_id, action, before, after, reason, corrected_at,"
    " corrected_by FROM record_corrections WHERE person_id = $1 ORDER BY id DESC";

constexpr const char* kDeparturesOf =
    "SELECT d.employment_id, d.reason, d.destination, d.training_ended, d.recorded_at,"
    " d.recorded_by FROM departures d JOIN employments e ON e.id = d.employment_id"
    " WHERE e.person_id = $1 ORDER BY e.starts_on, e.id";
constexpr const char* kPutDeparture =
    "INSERT INTO departures (employment_id, reason, destination, training_ended, recorded_at,"
    " recorded_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (employment_id) DO UPDATE SET"
    " reason = excluded.reason, destination = excluded.destination,"
    " training_ended = excluded.training_ended, recorded_at = excluded.recorded_at,"
    " recorded_by = excluded.recorded_by";
constexpr const char* kAlisPosts =
    "SELECT e.person_id, e.id, e.municipality_number, m.alis_office, m.centrality_class,"
    " e.starts_on, e.ends_on, e.post_type, e.pay_model, p.training_status, d.reason,"
    " d.destination, d.training_ended, d.recorded_at, d.recorded_by"
    " FROM employments e JOIN municipalities m ON m.number = e.municipality_number"
    " JOIN people p ON p.id = e.person_id LEFT JOIN departures d ON d.employment_id = e.id"
    " WHERE e.post_type <> 'institution'"
    " AND (CAST($1 AS text) IS NULL OR e.municipality_number = $1)"
    " AND (CAST($2 AS text) IS NULL OR m.alis_office = $2)"
    " ORDER BY e.person_id, e.starts_on, e.id";
constexpr const char* kEndedEmployments =
    "SELECT e.id, e.person_id, e.municipality_number, e.starts_on, e.ends_on, e.fte, e.post_type,"
    " e.pay_model, p.full_name, d.reason, d.destination, d.training_ended, d.recorded_at,"
    " d.recorded_by FROM employments e JOIN people p ON p.id = e.person_id"
    " LEFT JOIN departures d ON d.employment_id = e.id"
    " WHERE e.municipality_number = $1 AND e.ends_on >= $2 AND e.ends_on <= $3"
    " ORDER BY e.ends_on DESC, e.id";
constexpr const char* kSetTrainingStatus =
    "UPDATE people SET training_status = $2 WHERE id = $1 RETURNING id";

#undef ALIS_PERSON_COLUMNS
#undef ALIS_EMPLOYMENT_COLUMNS
#undef ALIS_PERIOD_COLUMNS
#undef ALIS_LEAVE_COLUMNS

domain::Person read_person(const Row& row) {
    domain::Person p;
    p.id = row.integer(0);
    p.full_name = row.text(1);
    p.hpr_number = row.optional_text(2);
    p.training_status = row.enumeration<domain::TrainingStatus>(3);
    p.lis1_completed = row.optional_date(4);
    p.ruleset = row.optional_text(5);
    return p;
}

}  // namespace

domain::Employment read_employment(const Row& row) {
    domain::Employment e;
    e.id = row.integer(0);
    e.person_id = row.integer(1);
    e.municipality_number = row.text(2);
    e.starts_on = row.date(3);
    e.ends_on = row.optional_date(4);
    e.fte = static_cast<int>(row.integer(5));
    e.post_type = row.enumeration<domain::PostType>(6);
    e.pay_model = row.enumeration<domain::PayModel>(7);
    return e;
}

namespace {

// The departure from `employment_id` in the row's columns from `first` on (reason, destination,
// training_ended, recorded_at, recorded_by), or none when the reason is null (a LEFT JOIN found
// none).
std::optional<domain::Departure> read_departure(const Row& row, int first,
                                                std::int64_t employment_id) {
    if (row.is_null(first)) {
        return std::nullopt;
    }
    domain::Departure d;
    d.employment_id = employment_id;
    d.reason = row.enumeration<domain::DepartureReason>(first);
    d.destination = row.enumeration<domain::Destination>(first + 1);
    d.training_ended = row.boolean(first + 2);
    d.recorded_at = row.instant(first + 3);
    d.recorded_by = row.text(first + 4);
    return d;
}

domain::Leave read_leave(const Row& row) {
    domain::Leave l;
    l.id = row.integer(0);
    l.person_id = row.integer(1);
    l.starts_on = row.date(2);
    l.ends_on = row.date(3);
    l.kind = row.enumeration<domain::LeaveKind>(4);
    return l;
}

domain::ServicePeriod read_service_period(const Row& row) {
    domain::ServicePeriod p;
    p.id = row.integer(0);
    p.person_id = row.integer(1);
    p.employment_id = row.optional_integer(2);
    p.arena = row.enumeration<domain::Arena>(3);
    p.place = row.text(4);
    p.starts_on = row.date(5);
    p.ends_on = row.optional_date(6);
    p.fte = static_cast<int>(row.integer(7));
    p.employer_registered = row.boolean(8);
    return p;
}

domain::RecordCorrection read_correction(const Row& row) {
    domain::RecordCorrection c;
    c.id = row.integer(0);
    c.person_id = row.integer(1);
    c.kind = row.enumeration<domain::RecordKind>(2);
    c.record_id = row.integer(3);
    c.action = row.enumeration<domain::CorrectionAction>(4);
    c.before = row.text(5);
    c.after = row.optional_text(6);
    c.reason = row.text(7);
    c.corrected_at = row.instant(8);
    c.corrected_by = row.text(9);
    return c;
}

// Runs a query over the listed people and hands each row, read by `read`, to `each` with its
// person id (every record type here has person_id as its second column).
template <typename Read, typename Each>
void for_listed(Transaction& tx, const DialectSql& sql, const std::vector<std::int64_t>& people,
                Read read, const Each& each) {
    if (people.empty()) {
        return;
    }
    tx.each_row(tx.pick(sql), {id_list(tx.dialect(), people)},
                [&](const Row& row) { each(row.integer(1), read(row)); });
}

}  // namespace

std::optional<domain::Person> People::find(std::int64_t id) const {
    return tx_.row(kFindPerson, {id}, read_person);
}

std::optional<domain::Person> People::find_by_hpr(const std::string& hpr_number) const {
    return tx_.row(kFindByHpr, {hpr_number}, read_person);
}

int People::count(domain::TrainingStatus status) const {
    return static_cast<int>(tx_.integer(kCount, {status}));
}

std::vector<domain::Employment> People::employments_of(std::int64_t person_id) const {
    return tx_.rows(kEmploymentsOf, {person_id}, read_employment);
}

std::vector<domain::Leave> People::leaves_of(std::int64_t person_id) const {
    return tx_.rows(kLeavesOf, {person_id}, read_leave);
}

std::vector<domain::ServicePeriod> People::service_periods_of(std::int64_t person_id) const {
    return tx_.rows(kServicePeriodsOf, {person_id}, read_service_period);
}

std::vector<std::string> People::employing_municipalities(std::int64_t person_id,
                                                          domain::Date day) const {
    return tx_.rows(kEmployingMunicipalities, {person_id, day},
                    [](const Row& row) { return row.text(0); });
}

std::vector<domain::Person> People::trainees_employed_by(const std::string& municipality_number,
                                                         domain::Date day) const {
    return tx_.rows(kTraineesEmployedBy, {municipality_number, day}, read_person);
}

void People::trainees_employed_in_region(
    const std::string& alis_office, domain::Date day,
    const std::function<void(const std::string&, domain::Person)>& each) const {
    tx_.each_row(kTraineesEmployedInRegion, {alis_office, day},
                 [&](const Row& row) { each(row.text(6), read_person(row)); });
}

void People::employments_of(
    const std::vector<std::int64_t>& people,
    const std::function<void(std::int64_t, domain::Employment)>& each) const {
    for_listed(tx_, kEmploymentsOfPeople, people, read_employment, each);
}

void People::service_periods_of(
    const std::vector<std::int64_t>& people,
    const std::function<void(std::int64_t, domain::ServicePeriod)>& each) const {
    for_listed(tx_, kServicePeriodsOfPeople, people, read_service_period, each);
}

void People::leaves_of(const std::vector<std::int64_t>& people,
                       const std::function<void(std::int64_t, domain::Leave)>& each) const {
    for_listed(tx_, kLeavesOfPeople, people, read_leave, each);
}

std::int64_t People::add(const domain::Person& p) {
    return tx_.insert(kAddPerson,
                      {p.full_name, p.hpr_number, p.training_status, p.lis1_completed, p.ruleset});
}

std::int64_t People::add_employment(const domain::Employment& e) {
    return tx_.insert(kAddEmployment, {e.person_id, e.municipality_number, e.starts_on, e.ends_on,
                                       e.fte, e.post_type, e.pay_model});
}

std::int64_t People::add_leave(const domain::Leave& l) {
    return tx_.insert(kAddLeave, {l.person_id, l.starts_on, l.ends_on, l.kind});
}

std::int64_t People::add_service_period(const domain::ServicePeriod& p) {
    return tx_.insert(kAddServicePeriod, {p.person_id, p.employment_id, p.arena, p.place,
                                          p.starts_on, p.ends_on, p.fte, p.employer_registered});
}

int People::path_length(std::int64_t person_id) const {
    return static_cast<int>(tx_.integer(kPathLength, {person_id}));
}

bool People::update_employment(const domain::Employment& e) {
    return tx_.integer(kUpdateEmployment, {e.id, e.person_id, e.municipality_number, e.starts_on,
                                           e.ends_on, e.fte, e.post_type, e.pay_model}) != 0;
}

bool People::remove_employment(std::int64_t person_id, std::int64_t id) {
    return tx_.integer(kRemoveEmployment, {id, person_id}) != 0;
}

bool People::update_service_period(const domain::ServicePeriod& p) {
    return tx_.integer(kUpdateServicePeriod,
                       {p.id, p.person_id, p.employment_id, p.arena, p.place, p.starts_on,
                        p.ends_on, p.fte, p.employer_registered}) != 0;
}

bool People::remove_service_period(std::int64_t person_id, std::int64_t id) {
    return tx_.integer(kRemoveServicePeriod, {id, person_id}) != 0;
}

bool People::update_leave(const domain::Leave& l) {
    return tx_.integer(kUpdateLeave, {l.id, l.person_id, l.starts_on, l.ends_on, l.kind}) != 0;
}

bool People::remove_leave(std::int64_t person_id, std::int64_t id) {
    return tx_.integer(kRemoveLeave, {id, person_id}) != 0;
}

std::int64_t People::add_correction(const domain::RecordCorrection& c) {
    return tx_.insert(kAddCorrection, {c.person_id, c.kind, c.record_id, c.action, c.before,
                                       c.after, c.reason, c.corrected_at, c.corrected_by});
}

std::vector<domain::RecordCorrection> People::corrections_of(std::int64_t person_id) const {
    return tx_.rows(kCorrectionsOf, {person_id}, read_correction);
}

std::vector<domain::Departure> People::departures_of(std::int64_t person_id) const {
    return tx_.rows(kDeparturesOf, {person_id},
                    [](const Row& row) { return *read_departure(row, 1, row.integer(0)); });
}

void People::put_departure(const domain::Departure& d) {
    tx_.execute(kPutDeparture, {d.employment_id, d.reason, d.destination, d.training_ended,
                                d.recorded_at, d.recorded_by});
}

std::vector<domain::AlisPost> People::alis_posts(
    const std::optional<std::string>& municipality_number,
    const std::optional<std::string>& alis_office) const {
    return tx_.rows(kAlisPosts, {municipality_number, alis_office}, [](const Row& row) {
        domain::AlisPost p;
        p.person_id = row.integer(0);
        p.employment_id = row.integer(1);
        p.municipality_number = row.text(2);
        p.alis_office = row.text(3);
        p.centrality_class = static_cast<int>(row.integer(4));
        p.starts_on = row.date(5);
        p.ends_on = row.optional_date(6);
        p.post_type = row.enumeration<domain::PostType>(7);
        p.pay_model = row.enumeration<domain::PayModel>(8);
        p.training_status = row.enumeration<domain::TrainingStatus>(9);
        p.departure = read_departure(row, 10, p.employment_id);
        return p;
    });
}

std::vector<domain::EndedEmployment> People::ended_employments(
    const std::string& municipality_number, domain::Date from, domain::Date to) const {
    return tx_.rows(kEndedEmployments, {municipality_number, from, to}, [](const Row& row) {
        domain::EndedEmployment ended{read_employment(row), row.text(8), std::nullopt};
        ended.departure = read_departure(row, 9, ended.employment.id);
        return ended;
    });
}

bool People::set_training_status(std::int64_t person_id, domain::TrainingStatus status) {
    return tx_.integer(kSetTrainingStatus, {person_id, status}) != 0;
}

}  // namespace alis::store
