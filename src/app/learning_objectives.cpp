#include "app/learning_objectives.hpp"

#include "store/database.hpp"

namespace alis::app {
namespace {

constexpr std::string_view kObjectiveRulesFile = "rules/objectives/editions.toml";

}  // namespace

const domain::ObjectiveRules& objective_rules() {
    static const domain::ObjectiveRules rules =
        domain::parse_objective_rules(compiled_in_file(kObjectiveRulesFile), kObjectiveRulesFile);
    return rules;
}

std::vector<domain::LearningObjective> demo_objectives(const domain::DemoEdition& demo) {
    return domain::parse_catalogue_csv(compiled_in_file(demo.file), demo.catalogue);
}

ImportResult import_catalogue(Application& app, const CatalogueImport& edition,
                              domain::AuditEvent audit) {
    const auto digest = domain::objectives_digest(edition.objectives);
    return app.database().write([&](store::UnitOfWork& w) {
        auto& store = w.learning_objectives();
        if (const auto stored = store.find_edition(edition.catalogue, edition.edition)) {
            const bool same = stored->content_digest == digest &&
                              stored->valid_from == edition.valid_from &&
                              stored->demo == edition.demo;
            return ImportResult{
                same ? ImportOutcome::already_imported : ImportOutcome::edition_differs, *stored};
        }
        domain::CatalogueEdition e;
        e.catalogue = edition.catalogue;
        e.edition = edition.edition;
        e.valid_from = edition.valid_from;
        e.demo = edition.demo;
        e.source = edition.source;
        e.content_digest = digest;
        e.imported_at = audit.at;
        e.imported_by = edition.imported_by;
        e.id = store.append_edition(e);
        for (auto o : edition.objectives) {
            o.edition_id = e.id;
            store.append_objective(o);
        }
        audit.target = "catalogue " + std::string(domain::to_string(e.catalogue)) + " " + e.edition;
        w.audit().append(audit);
        return ImportResult{ImportOutcome::imported, e};
    });
}

void import_demo_catalogues(Application& app, const domain::AuditEvent& audit) {
    for (const auto& demo : objective_rules().demo_editions) {
        CatalogueImport edition;
        edition.catalogue = demo.catalogue;
        edition.edition = demo.edition;
        edition.valid_from = demo.valid_from;
        edition.demo = true;
        edition.source = demo.file;
        edition.imported_by = "alis";
        edition.objectives = demo_objectives(demo);
        import_catalogue(app, edition, audit);
    }
}

std::vector<domain::CatalogueEdition> catalogue_editions(Application& app) {
    return app.database().read(
        [](const store::Snapshot& s) { return s.learning_objectives().editions(); });
}

std::vector<domain::LearningObjective> edition_objectives(Application& app,
                                                          std::int64_t edition_id) {
    return app.database().read([&](const store::Snapshot& s) {
        return s.learning_objectives().objectives_of(edition_id);
    });
}

}  // namespace alis::app
