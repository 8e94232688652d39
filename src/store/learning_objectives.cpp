#include "store/learning_objectives.hpp"

namespace alis::store {
namespace {

#define ALIS_EDITION_COLUMNS \
    "id, catalogue, edition, valid_from, demo, source, content_digest, imported_at, imported_by"
constexpr const char* kEditions = "SELECT " ALIS_EDITION_COLUMNS
                                  " FROM objective_catalogue_editions"
                                  " ORDER BY catalogue, valid_from, id";
constexpr const char* kFindEdition = "SELECT " ALIS_EDITION_COLUMNS
                                     " FROM objective_catalogue_editions"
                                     " WHERE catalogue = $1 AND edition = $2";
#undef ALIS_EDITION_COLUMNS
#define ALIS_OBJECTIVE_COLUMNS                                                                \
    "id, edition_id, code, position, title, description, activities, signed_by, assessment, " \
    "arenas"
constexpr const char* kObjectivesOf = "SELECT " ALIS_OBJECTIVE_COLUMNS
                                      " FROM learning_objectives WHERE edition_id = $1"
                                      " ORDER BY position, id";
constexpr const char* kFindObjective =
    "SELECT " ALIS_OBJECTIVE_COLUMNS " FROM learning_objectives WHERE id = $1";
#undef ALIS_OBJECTIVE_COLUMNS
constexpr const char* kAppendEdition =
    "INSERT INTO objective_catalogue_editions (catalogue, edition, valid_from, demo, source,"
    " content_digest, imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    " RETURNING id";
constexpr const char* kAppendObjective =
    "INSERT INTO learning_objectives (edition_id, code, position, title, description,"
    " activities, signed_by, assessment, arenas) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    " RETURNING id";

domain::CatalogueEdition read_edition(const Row& row) {
    domain::CatalogueEdition e;
    e.id = row.integer(0);
    e.catalogue = row.enumeration<domain::Catalogue>(1);
    e.edition = row.text(2);
    e.valid_from = row.date(3);
    e.demo = row.boolean(4);
    e.source = row.text(5);
    e.content_digest = row.text(6);
    e.imported_at = row.instant(7);
    e.imported_by = row.text(8);
    return e;
}

// The arenas as stored: their names, comma-separated.
std::string arena_list(const std::vector<domain::Arena>& arenas) {
    std::string out;
    for (const auto arena : arenas) {
        if (!out.empty()) {
            out += ",";
        }
        out += domain::to_string(arena);
    }
    return out;
}

std::vector<domain::Arena> read_arena_list(const std::string& text) {
    std::vector<domain::Arena> arenas;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (const auto arena = domain::parse_enum<domain::Arena>(text.substr(start, end - start))) {
            arenas.push_back(*arena);
        } else {
            throw StoreError("learning_objectives.arenas holds an unknown arena: " + text);
        }
        start = end + 1;
    }
    return arenas;
}

domain::LearningObjective read_learning_objective(const Row& row) {
    domain::LearningObjective o;
    o.id = row.integer(0);
    o.edition_id = row.integer(1);
    o.code = row.text(2);
    o.position = static_cast<int>(row.integer(3));
    o.title = row.text(4);
    o.description = row.text(5);
    o.activities = row.text(6);
    o.signed_by = row.enumeration<domain::SignedBy>(7);
    o.assessment = row.text(8);
    o.arenas = read_arena_list(row.text(9));
    return o;
}

}  // namespace

std::vector<domain::CatalogueEdition> LearningObjectives::editions() const {
    return tx_.rows(kEditions, {}, read_edition);
}

std::optional<domain::CatalogueEdition> LearningObjectives::find_edition(
    domain::Catalogue catalogue, const std::string& edition) const {
    return tx_.row(kFindEdition, {catalogue, edition}, read_edition);
}

std::vector<domain::LearningObjective> LearningObjectives::objectives_of(
    std::int64_t edition_id) const {
    return tx_.rows(kObjectivesOf, {edition_id}, read_learning_objective);
}

std::optional<domain::LearningObjective> LearningObjectives::find_objective(std::int64_t id) const {
    return tx_.row(kFindObjective, {id}, read_learning_objective);
}

std::int64_t LearningObjectives::append_edition(const domain::CatalogueEdition& e) {
    return tx_.insert(kAppendEdition, {e.catalogue, e.edition, e.valid_from, e.demo, e.source,
                                       e.content_digest, e.imported_at, e.imported_by});
}

std::int64_t LearningObjectives::append_objective(const domain::LearningObjective& o) {
    return tx_.insert(kAppendObjective,
                      {o.edition_id, o.code, o.position, o.title, o.description, o.activities,
                       o.signed_by, o.assessment, arena_list(o.arenas)});
}

}  // namespace alis::store
