#include "store/municipalities.hpp"

#include "domain/supervisor.hpp"

namespace alis::store {
namespace {

#define ALIS_MUNICIPALITY_COLUMNS \
    "m.number, m.name, m.county, m.centrality_class, m.enterprise_status, m.alis_office"

constexpr const char* kMunicipalitiesByOffice =
    "SELECT " ALIS_MUNICIPALITY_COLUMNS " FROM municipalities m ORDER BY m.alis_office, m.name";
constexpr const char* kFindMunicipality =
    "SELECT " ALIS_MUNICIPALITY_COLUMNS " FROM municipalities m WHERE m.number = $1";
// Counts the people in training with an employment that covers the day $1.
constexpr const char* kSummaries =
    "SELECT " ALIS_MUNICIPALITY_COLUMNS
    ","
    " (SELECT count(DISTINCT e.person_id) FROM employments e JOIN people p ON p.id = e.person_id"
    "   WHERE e.municipality_number = m.number AND p.training_status = 'in_training'"
    "     AND e.starts_on <= $1 AND (e.ends_on IS NULL OR e.ends_on >= $1))"
    " FROM municipalities m ORDER BY m.alis_office, m.name";
// The distinct trainees of the supervisor person s.person_id on the day $2.
#define ALIS_SUPERVISOR_LOAD                                                    \
    "(SELECT count(DISTINCT a.trainee_person_id) FROM supervisor_assignments a" \
    " WHERE a.supervisor_person_id = s.person_id AND a.starts_on <= $2"         \
    " AND (a.ends_on IS NULL OR a.ends_on >= $2))"
// One row per municipality of the office $1 on the day $2; $3 is the default capacity.
constexpr const char* kRegionCounts =
    "SELECT " ALIS_MUNICIPALITY_COLUMNS
    ","
    " (SELECT count(*) FROM people p WHERE p.training_status = 'in_training'"
    "   AND p.id IN (SELECT e.person_id FROM employments e WHERE e.municipality_number = m.number"
    "     AND e.starts_on <= $2 AND (e.ends_on IS NULL OR e.ends_on >= $2))),"
    " (SELECT count(*) FROM people p WHERE p.training_status = 'in_training'"
    "   AND p.id IN (SELECT e.person_id FROM employments e WHERE e.municipality_number = m.number"
    "     AND e.starts_on <= $2 AND (e.ends_on IS NULL OR e.ends_on >= $2))"
    "   AND NOT EXISTS (SELECT 1 FROM supervisor_assignments a WHERE a.trainee_person_id = p.id"
    "     AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2))),"
    " (SELECT count(*) FROM supervisors s WHERE s.municipality_number = m.number"
    "   AND " ALIS_SUPERVISOR_LOAD
    " < coalesce((SELECT c.max_trainees FROM supervisor_capacity c"
    "     WHERE c.municipality_number = m.number), $3))"
    " FROM municipalities m WHERE m.alis_office = $1 ORDER BY m.name, m.number";
#undef ALIS_SUPERVISOR_LOAD
#undef ALIS_MUNICIPALITY_COLUMNS

constexpr const char* kPut =
    "INSERT INTO municipalities (number, name, county, centrality_class, enterprise_status,"
    " alis_office) VALUES ($1, $2, $3, $4, $5, $6)"
    " ON CONFLICT (number) DO UPDATE SET name = excluded.name, county = excluded.county,"
    " centrality_class = excluded.centrality_class,"
    " enterprise_status = excluded.enterprise_status, alis_office = excluded.alis_office";
constexpr const char* kAddStatusChange =
    "INSERT INTO enterprise_status_changes (municipality_number, status, valid_from, valid_until,"
    " applied_on, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kSetStatus =
    "UPDATE municipalities SET enterprise_status = $2 WHERE number = $1";
constexpr const char* kStatusHistory =
    "SELECT id, municipality_number, status, valid_from, valid_until, applied_on, changed_at,"
    " changed_by FROM enterprise_status_changes WHERE municipality_number = $1 ORDER BY id DESC";
constexpr const char* kAddLearningArena =
    "INSERT INTO learning_arenas (municipality_number, kind, name, offers)"
    " VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kUpdateLearningArena =
    "UPDATE learning_arenas SET kind = $2, name = $3, offers = $4 WHERE id = $1";
constexpr const char* kRemoveLearningArena = "DELETE FROM learning_arenas WHERE id = $1";
// By kind in the order of the ArenaKind enum, then by name.
constexpr const char* kLearningArenas =
    "SELECT id, municipality_number, kind, name, offers FROM learning_arenas"
    " WHERE municipality_number = $1 ORDER BY CASE kind WHEN 'gp_office' THEN 1"
    " WHEN 'nursing_home' THEN 2 WHEN 'out_of_hours_service' THEN 3"
    " WHEN 'child_health_clinic' THEN 4 WHEN 'hospital_by_agreement' THEN 5 ELSE 6 END,"
    " name, id";
constexpr const char* kFindLearningArena =
    "SELECT id, municipality_number, kind, name, offers FROM learning_arenas WHERE id = $1";
constexpr const char* kAddResponsibility =
    "INSERT INTO plan_responsibilities (municipality_number, area, responsible, description)"
    " VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kRemoveResponsibility = "DELETE FROM plan_responsibilities WHERE id = $1";
constexpr const char* kResponsibilities =
    "SELECT id, municipality_number, area, responsible, description FROM plan_responsibilities"
    " WHERE municipality_number = $1 ORDER BY id";
constexpr const char* kFindResponsibility =
    "SELECT id, municipality_number, area, responsible, description FROM plan_responsibilities"
    " WHERE id = $1";
constexpr const char* kMarkGeneralPlanChanged =
    "INSERT INTO general_education_plans (municipality_number, changed_at, changed_by)"
    " VALUES ($1, $2, $3) ON CONFLICT (municipality_number) DO UPDATE SET"
    " changed_at = excluded.changed_at, changed_by = excluded.changed_by";
constexpr const char* kGeneralPlanChange =
    "SELECT municipality_number, changed_at, changed_by FROM general_education_plans"
    " WHERE municipality_number = $1";

domain::LearningArena read_learning_arena(const Row& row) {
    domain::LearningArena a;
    a.id = row.integer(0);
    a.municipality_number = row.text(1);
    a.kind = row.enumeration<domain::ArenaKind>(2);
    a.name = row.text(3);
    a.offers = row.text(4);
    return a;
}

domain::PlanResponsibility read_responsibility(const Row& row) {
    domain::PlanResponsibility r;
    r.id = row.integer(0);
    r.municipality_number = row.text(1);
    r.area = row.text(2);
    r.responsible = row.text(3);
    r.description = row.text(4);
    return r;
}

domain::EnterpriseStatusChange read_status_change(const Row& row) {
    domain::EnterpriseStatusChange c;
    c.id = row.integer(0);
    c.municipality_number = row.text(1);
    c.status = row.enumeration<domain::EnterpriseStatus>(2);
    c.valid_from = row.date(3);
    c.valid_until = row.optional_date(4);
    c.applied_on = row.optional_date(5);
    c.changed_at = row.instant(6);
    c.changed_by = row.text(7);
    return c;
}

int count(const Row& row, int column) {
    return static_cast<int>(row.integer(column));
}

}  // namespace

domain::Municipality read_municipality(const Row& row, int first) {
    domain::Municipality m;
    m.number = row.text(first);
    m.name = row.text(first + 1);
    m.county = row.text(first + 2);
    m.centrality_class = static_cast<int>(row.integer(first + 3));
    m.enterprise_status = row.enumeration<domain::EnterpriseStatus>(first + 4);
    m.alis_office = row.text(first + 5);
    return m;
}

std::vector<domain::Municipality> Municipalities::all() const {
    return tx_.rows(kMunicipalitiesByOffice, {},
                    [](const Row& row) { return read_municipality(row); });
}

std::optional<domain::Municipality> Municipalities::find(const std::string& number) const {
    return tx_.row(kFindMunicipality, {number},
                   [](const Row& row) { return read_municipality(row); });
}

std::vector<domain::MunicipalitySummary> Municipalities::summaries(domain::Date day) const {
    return tx_.rows(kSummaries, {day}, [](const Row& row) {
        return domain::MunicipalitySummary{read_municipality(row), count(row, 6)};
    });
}

std::vector<domain::RegionMunicipalityCounts> Municipalities::region_counts(
    const std::string& alis_office, domain::Date day) const {
    return tx_.rows(kRegionCounts, {alis_office, day, domain::kDefaultSupervisorCapacity},
                    [](const Row& row) {
                        return domain::RegionMunicipalityCounts{
                            read_municipality(row), count(row, 6), count(row, 7), count(row, 8)};
                    });
}

std::vector<domain::EnterpriseStatusChange> Municipalities::status_history(
    const std::string& number) const {
    return tx_.rows(kStatusHistory, {number}, read_status_change);
}

std::vector<domain::LearningArena> Municipalities::learning_arenas(
    const std::string& number) const {
    return tx_.rows(kLearningArenas, {number}, read_learning_arena);
}

std::optional<domain::LearningArena> Municipalities::find_learning_arena(std::int64_t id) const {
    return tx_.row(kFindLearningArena, {id}, read_learning_arena);
}

std::vector<domain::PlanResponsibility> Municipalities::responsibilities(
    const std::string& number) const {
    return tx_.rows(kResponsibilities, {number}, read_responsibility);
}

std::optional<domain::PlanResponsibility> Municipalities::find_responsibility(
    std::int64_t id) const {
    return tx_.row(kFindResponsibility, {id}, read_responsibility);
}

std::optional<domain::GeneralPlanChange> Municipalities::general_plan_change(
    const std::string& number) const {
    return tx_.row(kGeneralPlanChange, {number}, [](const Row& row) {
        return domain::GeneralPlanChange{row.text(0), row.instant(1), row.text(2)};
    });
}

void Municipalities::put(const domain::Municipality& m) {
    tx_.execute(
        kPut, {m.number, m.name, m.county, m.centrality_class, m.enterprise_status, m.alis_office});
}

std::int64_t Municipalities::add_status_change(const domain::EnterpriseStatusChange& c) {
    const auto id =
        tx_.insert(kAddStatusChange, {c.municipality_number, c.status, c.valid_from, c.valid_until,
                                      c.applied_on, c.changed_at, c.changed_by});
    tx_.execute(kSetStatus, {c.municipality_number, c.status});
    return id;
}

std::int64_t Municipalities::add_learning_arena(const domain::LearningArena& a) {
    return tx_.insert(kAddLearningArena, {a.municipality_number, a.kind, a.name, a.offers});
}

void Municipalities::update_learning_arena(const domain::LearningArena& a) {
    tx_.execute(kUpdateLearningArena, {a.id, a.kind, a.name, a.offers});
}

void Municipalities::remove_learning_arena(std::int64_t id) {
    tx_.execute(kRemoveLearningArena, {id});
}

std::int64_t Municipalities::add_responsibility(const domain::PlanResponsibility& r) {
    return tx_.insert(kAddResponsibility,
                      {r.municipality_number, r.area, r.responsible, r.description});
}

void Municipalities::remove_responsibility(std::int64_t id) {
    tx_.execute(kRemoveResponsibility, {id});
}

void Municipalities::mark_general_plan_changed(const domain::GeneralPlanChange& c) {
    tx_.execute(kMarkGeneralPlanChanged, {c.municipality_number, c.changed_at, c.changed_by});
}

}  // namespace alis::store
