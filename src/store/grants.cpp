#include "store/grants.hpp"

#include <map>

#include "store/people.hpp"

namespace alis::store {
namespace {

// The employments of the scope ($1 municipality or null, $2 office or null) that touch [$3, $4].
#define ALIS_IN_SCOPE                                                 \
    " JOIN municipalities m ON m.number = e.municipality_number"      \
    " WHERE (CAST($1 AS text) IS NULL OR e.municipality_number = $1)" \
    " AND (CAST($2 AS text) IS NULL OR m.alis_office = $2)"           \
    " AND e.starts_on <= $4 AND (e.ends_on IS NULL OR e.ends_on >= $3)"
#define ALIS_AGREEMENT_COLUMNS                                                               \
    "a.id, a.employment_id, a.kind, a.template_version, a.national_template, a.covers_from," \
    " a.covers_to, a.status, a.signed_on, a.recorded_at, a.recorded_by"
#define ALIS_COST_COLUMNS                                                                \
    "list_length, other_gp_work_percent, zone, salary_ore, bonus_ore, office_ore,"       \
    " supervision_hours, supervision_rate_ore, courses_and_travel_ore, substitutes_ore," \
    " fee_for_service_ore, recorded_at, recorded_by"

// Employment columns 0-7, the person's name (8), the grant facts (9-11, null without a row).
constexpr const char* kClaimPosts =
    "SELECT e.id, e.person_id, e.municipality_number, e.starts_on, e.ends_on, e.fte, e.post_type,"
    " e.pay_model, p.full_name, g.grant_post_type, g.via_agency, g.substitute"
    " FROM employments e JOIN people p ON p.id = e.person_id"
    " LEFT JOIN grant_posts g ON g.employment_id = e.id" ALIS_IN_SCOPE
    " AND p.training_status <> 'not_in_training'"
    " ORDER BY p.full_name, e.starts_on, e.id";
constexpr const char* kAgreementsInScope =
    "SELECT " ALIS_AGREEMENT_COLUMNS
    " FROM agreements a JOIN employments e ON e.id = a.employment_id" ALIS_IN_SCOPE
    " ORDER BY a.employment_id, a.covers_from, a.id";
constexpr const char* kAgreementsOf =
    "SELECT " ALIS_AGREEMENT_COLUMNS
    " FROM agreements a JOIN employments e ON e.id = a.employment_id WHERE e.person_id = $1"
    " ORDER BY e.starts_on, e.id, a.covers_from, a.id";
constexpr const char* kFindAgreement =
    "SELECT " ALIS_AGREEMENT_COLUMNS " FROM agreements a WHERE a.id = $1";
constexpr const char* kAddAgreement =
    "INSERT INTO agreements (employment_id, kind, template_version, national_template,"
    " covers_from, covers_to, status, signed_on, recorded_at, recorded_by)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
constexpr const char* kUpdateAgreement =
    "UPDATE agreements SET kind = $2, template_version = $3, national_template = $4,"
    " covers_from = $5, covers_to = $6, status = $7, signed_on = $8, recorded_at = $9,"
    " recorded_by = $10 WHERE id = $1 RETURNING id";
constexpr const char* kFactsOf =
    "SELECT g.employment_id, g.grant_post_type, g.via_agency, g.substitute FROM grant_posts g"
    " JOIN employments e ON e.id = g.employment_id WHERE e.person_id = $1"
    " ORDER BY e.starts_on, e.id";
constexpr const char* kPutFacts =
    "INSERT INTO grant_posts (employment_id, grant_post_type, via_agency, substitute)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (employment_id) DO UPDATE SET"
    " grant_post_type = excluded.grant_post_type, via_agency = excluded.via_agency,"
    " substitute = excluded.substitute";
// Defaults (person null) and each ALIS's own, columns: person, municipality, ALIS_COST_COLUMNS.
constexpr const char* kCostEntries =
    "SELECT NULL, c.municipality_number, " ALIS_COST_COLUMNS
    " FROM cost_defaults c JOIN municipalities m ON m.number = c.municipality_number"
    " WHERE c.year = $3 AND (CAST($1 AS text) IS NULL OR c.municipality_number = $1)"
    " AND (CAST($2 AS text) IS NULL OR m.alis_office = $2)"
    " UNION ALL SELECT c.person_id, c.municipality_number, " ALIS_COST_COLUMNS
    " FROM alis_cost_inputs c JOIN municipalities m ON m.number = c.municipality_number"
    " WHERE c.year = $3 AND (CAST($1 AS text) IS NULL OR c.municipality_number = $1)"
    " AND (CAST($2 AS text) IS NULL OR m.alis_office = $2)"
    " ORDER BY 2, 1 NULLS FIRST";
#define ALIS_COST_VALUES "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15"
#define ALIS_COST_UPDATE                                                                           \
    " list_length = excluded.list_length, other_gp_work_percent = excluded.other_gp_work_percent," \
    " zone = excluded.zone, salary_ore = excluded.salary_ore, bonus_ore = excluded.bonus_ore,"     \
    " office_ore = excluded.office_ore, supervision_hours = excluded.supervision_hours,"           \
    " supervision_rate_ore = excluded.supervision_rate_ore,"                                       \
    " courses_and_travel_ore = excluded.courses_and_travel_ore,"                                   \
    " substitutes_ore = excluded.substitutes_ore,"                                                 \
    " fee_for_service_ore = excluded.fee_for_service_ore, recorded_at = excluded.recorded_at,"     \
    " recorded_by = excluded.recorded_by"
// $1 municipality, $2 year, then the cost columns; $16 the person.
constexpr const char* kPutCostDefaults =
    "INSERT INTO cost_defaults (municipality_number, year, " ALIS_COST_COLUMNS
    ") VALUES ($1, $2, " ALIS_COST_VALUES
    ") ON CONFLICT (municipality_number, year) DO UPDATE SET" ALIS_COST_UPDATE;
constexpr const char* kPutAlisCostInput =
    "INSERT INTO alis_cost_inputs (person_id, municipality_number, year, " ALIS_COST_COLUMNS
    ") VALUES ($16, $1, $2, " ALIS_COST_VALUES
    ") ON CONFLICT (person_id, municipality_number, year) DO UPDATE SET" ALIS_COST_UPDATE;
#undef ALIS_COST_UPDATE
#undef ALIS_COST_VALUES
#undef ALIS_COST_COLUMNS
#undef ALIS_AGREEMENT_COLUMNS
#undef ALIS_IN_SCOPE

domain::Agreement read_agreement(const Row& row) {
    domain::Agreement a;
    a.id = row.integer(0);
    a.employment_id = row.integer(1);
    a.kind = row.enumeration<domain::AgreementKind>(2);
    a.template_version = row.text(3);
    a.national_template = row.boolean(4);
    a.covers_from = row.date(5);
    a.covers_to = row.optional_date(6);
    a.status = row.enumeration<domain::AgreementStatus>(7);
    a.signed_on = row.optional_date(8);
    a.recorded_at = row.instant(9);
    a.recorded_by = row.text(10);
    return a;
}

std::optional<domain::GrantPostFacts> read_facts(const Row& row, int first,
                                                 std::int64_t employment_id) {
    if (row.is_null(first)) {
        return std::nullopt;
    }
    return domain::GrantPostFacts{employment_id, row.enumeration<domain::GrantPostType>(first),
                                  row.boolean(first + 1), row.boolean(first + 2)};
}

std::optional<int> optional_int(const Row& row, int column) {
    const auto value = row.optional_integer(column);
    return value ? std::optional(static_cast<int>(*value)) : std::nullopt;
}

std::optional<domain::Money> optional_money(const Row& row, int column) {
    const auto value = row.optional_integer(column);
    return value ? std::optional(domain::Money::ore(*value)) : std::nullopt;
}

domain::RecordedCostEntry read_cost_entry(const Row& row, int year) {
    domain::RecordedCostEntry r;
    r.person_id = row.optional_integer(0);
    r.municipality_number = row.text(1);
    r.year = year;
    auto& e = r.entry;
    e.list_length = optional_int(row, 2);
    e.other_gp_work_percent = optional_int(row, 3);
    if (!row.is_null(4)) {
        e.zone = row.enumeration<domain::ContributionZone>(4);
    }
    e.salary = optional_money(row, 5);
    e.bonus = optional_money(row, 6);
    e.office = optional_money(row, 7);
    e.supervision_hours = optional_int(row, 8);
    e.supervision_rate = optional_money(row, 9);
    e.courses_and_travel = optional_money(row, 10);
    e.substitutes = optional_money(row, 11);
    e.fee_for_service = optional_money(row, 12);
    r.recorded_at = row.instant(13);
    r.recorded_by = row.text(14);
    return r;
}

std::optional<std::int64_t> ore_of(const std::optional<domain::Money>& m) {
    return m ? std::optional(m->in_ore()) : std::nullopt;
}

}  // namespace

std::vector<domain::ClaimPost> Grants::claim_posts(const MoneyScope& scope, domain::Date from,
                                                   domain::Date to) const {
    std::vector<domain::ClaimPost> posts;
    std::map<std::int64_t, std::size_t> index;
    const std::initializer_list<Param> params{scope.municipality_number, scope.alis_office, from,
                                              to};
    tx_.each_row(kClaimPosts, params, [&](const Row& row) {
        domain::ClaimPost post;
        post.employment = read_employment(row);
        post.person_id = post.employment.person_id;
        post.full_name = row.text(8);
        post.facts = read_facts(row, 9, post.employment.id);
        index.emplace(post.employment.id, posts.size());
        posts.push_back(std::move(post));
    });
    tx_.each_row(kAgreementsInScope, params, [&](const Row& row) {
        auto agreement = read_agreement(row);
        if (const auto it = index.find(agreement.employment_id); it != index.end()) {
            posts[it->second].agreements.push_back(std::move(agreement));
        }
    });
    return posts;
}

std::vector<domain::Agreement> Grants::agreements_of(std::int64_t person_id) const {
    return tx_.rows(kAgreementsOf, {person_id}, read_agreement);
}

std::optional<domain::Agreement> Grants::find_agreement(std::int64_t id) const {
    return tx_.row(kFindAgreement, {id}, read_agreement);
}

std::int64_t Grants::add_agreement(const domain::Agreement& a) {
    return tx_.insert(kAddAgreement, {a.employment_id, a.kind, a.template_version,
                                      a.national_template, a.covers_from, a.covers_to, a.status,
                                      a.signed_on, a.recorded_at, a.recorded_by});
}

bool Grants::update_agreement(const domain::Agreement& a) {
    return tx_.rows(kUpdateAgreement,
                    {a.id, a.kind, a.template_version, a.national_template, a.covers_from,
                     a.covers_to, a.status, a.signed_on, a.recorded_at, a.recorded_by},
                    [](const Row& row) { return row.integer(0); })
               .size() == 1;
}

std::vector<domain::GrantPostFacts> Grants::facts_of(std::int64_t person_id) const {
    return tx_.rows(kFactsOf, {person_id},
                    [](const Row& row) { return *read_facts(row, 1, row.integer(0)); });
}

void Grants::put_facts(const domain::GrantPostFacts& f) {
    tx_.execute(kPutFacts, {f.employment_id, f.type, f.via_agency, f.substitute});
}

std::vector<domain::RecordedCostEntry> Grants::cost_entries(const MoneyScope& scope,
                                                            int year) const {
    return tx_.rows(kCostEntries, {scope.municipality_number, scope.alis_office, year},
                    [&](const Row& row) { return read_cost_entry(row, year); });
}

void Grants::put_cost_entry(const domain::RecordedCostEntry& r) {
    const auto& e = r.entry;
    const std::optional<std::string_view> zone =
        e.zone ? std::optional(domain::to_string(*e.zone)) : std::nullopt;
    const std::initializer_list<Param> params{r.municipality_number,
                                              r.year,
                                              e.list_length,
                                              e.other_gp_work_percent,
                                              zone,
                                              ore_of(e.salary),
                                              ore_of(e.bonus),
                                              ore_of(e.office),
                                              e.supervision_hours,
                                              ore_of(e.supervision_rate),
                                              ore_of(e.courses_and_travel),
                                              ore_of(e.substitutes),
                                              ore_of(e.fee_for_service),
                                              r.recorded_at,
                                              r.recorded_by,
                                              r.person_id};
    if (r.person_id) {
        tx_.execute(kPutAlisCostInput, params);
    } else {
        // The defaults' statement has no $16: bind only the first fifteen.
        tx_.query(kPutCostDefaults, std::span(params.begin(), 15), [](const Row&) {});
    }
}

}  // namespace alis::store
