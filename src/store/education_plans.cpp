#include "store/education_plans.hpp"

namespace alis::store {
namespace {

#define ALIS_REVISION_COLUMNS                                                         \
    "id, person_id, number, revised_at, revised_on, author_account_id, author_label," \
    " supervision_group, courses, next_months, note"
constexpr const char* kRevisionsOf = "SELECT " ALIS_REVISION_COLUMNS
                                     " FROM education_plan_revisions WHERE person_id = $1"
                                     " ORDER BY number";
constexpr const char* kCurrentOf = "SELECT " ALIS_REVISION_COLUMNS
                                   " FROM education_plan_revisions WHERE person_id = $1"
                                   " ORDER BY number DESC LIMIT 1";
constexpr const char* kPeriodsOfPerson =
    "SELECT p.revision_id, p.arena, p.place, p.starts_on, p.ends_on, p.fte"
    " FROM education_plan_periods p JOIN education_plan_revisions r ON r.id = p.revision_id"
    " WHERE r.person_id = $1 ORDER BY p.revision_id, p.position";
constexpr const char* kPeriodsOfRevision =
    "SELECT revision_id, arena, place, starts_on, ends_on, fte FROM education_plan_periods"
    " WHERE revision_id = $1 ORDER BY position";
// The current plan of each person whose id $1 lists.
#define ALIS_CURRENT_PLANS(listed)                                                               \
    " (SELECT r.id FROM education_plan_revisions r WHERE r.number = (SELECT max(x.number)"       \
    "   FROM education_plan_revisions x WHERE x.person_id = r.person_id) AND r.person_id" listed \
    ")"
#define ALIS_SQLITE_LISTED " IN (SELECT value FROM json_each($1))"
#define ALIS_POSTGRESQL_LISTED " = ANY($1::bigint[])"
const DialectSql kCurrentOfPeople{
    "SELECT " ALIS_REVISION_COLUMNS " FROM education_plan_revisions WHERE id IN" ALIS_CURRENT_PLANS(
        ALIS_SQLITE_LISTED) " ORDER BY id",
    "SELECT " ALIS_REVISION_COLUMNS " FROM education_plan_revisions WHERE id IN" ALIS_CURRENT_PLANS(
        ALIS_POSTGRESQL_LISTED) " ORDER BY id"};
const DialectSql kCurrentPeriodsOfPeople{
    "SELECT revision_id, arena, place, starts_on, ends_on, fte FROM education_plan_periods"
    " WHERE revision_id IN" ALIS_CURRENT_PLANS(
        ALIS_SQLITE_LISTED) " ORDER BY revision_id, position",
    "SELECT revision_id, arena, place, starts_on, ends_on, fte FROM education_plan_periods"
    " WHERE revision_id IN" ALIS_CURRENT_PLANS(
        ALIS_POSTGRESQL_LISTED) " ORDER BY revision_id, position"};
#undef ALIS_CURRENT_PLANS
#undef ALIS_SQLITE_LISTED
#undef ALIS_POSTGRESQL_LISTED
#undef ALIS_REVISION_COLUMNS

constexpr const char* kAddRevision =
    "INSERT INTO education_plan_revisions (person_id, number, revised_at, revised_on,"
    " author_account_id, author_label, supervision_group, courses, next_months, note)"
    " SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9"
    " FROM education_plan_revisions WHERE person_id = $1 RETURNING id";
constexpr const char* kAddPeriod =
    "INSERT INTO education_plan_periods (revision_id, position, arena, place, starts_on, ends_on,"
    " fte) VALUES ($1, $2, $3, $4, $5, $6, $7)";

domain::EducationPlanRevision read_revision(const Row& row) {
    domain::EducationPlanRevision r;
    r.id = row.integer(0);
    r.person_id = row.integer(1);
    r.number = static_cast<int>(row.integer(2));
    r.revised_at = row.instant(3);
    r.revised_on = row.date(4);
    r.author_account_id = row.optional_integer(5);
    r.author_label = row.text(6);
    r.plan.supervision_group = row.text(7);
    r.plan.courses = row.text(8);
    r.plan.next_months = row.text(9);
    r.note = row.text(10);
    return r;
}

// Hands rows of (revision_id, arena, place, starts_on, ends_on, fte) to their revisions.
std::function<void(const Row&)> into(std::vector<domain::EducationPlanRevision>& revisions) {
    return [&revisions](const Row& row) {
        const std::int64_t revision_id = row.integer(0);
        domain::PlannedPeriod p;
        p.arena = row.enumeration<domain::Arena>(1);
        p.place = row.text(2);
        p.from = row.date(3);
        p.to = row.date(4);
        p.fte = static_cast<int>(row.integer(5));
        for (auto& r : revisions) {
            if (r.id == revision_id) {
                r.plan.periods.push_back(std::move(p));
                break;
            }
        }
    };
}

}  // namespace

std::vector<domain::EducationPlanRevision> EducationPlans::revisions_of(
    std::int64_t person_id) const {
    auto revisions = tx_.rows(kRevisionsOf, {person_id}, read_revision);
    tx_.each_row(kPeriodsOfPerson, {person_id}, into(revisions));
    return revisions;
}

std::optional<domain::EducationPlanRevision> EducationPlans::current_of(
    std::int64_t person_id) const {
    auto current = tx_.rows(kCurrentOf, {person_id}, read_revision);
    if (current.empty()) {
        return std::nullopt;
    }
    tx_.each_row(kPeriodsOfRevision, {current.front().id}, into(current));
    return std::move(current.front());
}

std::vector<domain::EducationPlanRevision> EducationPlans::current_of(
    const std::vector<std::int64_t>& people) const {
    if (people.empty()) {
        return {};
    }
    const std::string ids = id_list(tx_.dialect(), people);
    auto plans = tx_.rows(tx_.pick(kCurrentOfPeople), {ids}, read_revision);
    tx_.each_row(tx_.pick(kCurrentPeriodsOfPeople), {ids}, into(plans));
    return plans;
}

std::int64_t EducationPlans::add_revision(const domain::EducationPlanRevision& r) {
    const std::int64_t id = tx_.insert(
        kAddRevision, {r.person_id, r.revised_at, r.revised_on, r.author_account_id, r.author_label,
                       r.plan.supervision_group, r.plan.courses, r.plan.next_months, r.note});
    int position = 0;
    for (const auto& p : r.plan.periods) {
        tx_.execute(kAddPeriod, {id, position++, p.arena, p.place, p.from, p.to, p.fte});
    }
    return id;
}

}  // namespace alis::store
