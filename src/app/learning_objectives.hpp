#pragma once

// Learning objectives (issue 13): the catalogues' editions as versioned data. An edition is
// imported once, from Helsedirektoratet's file (`alis catalogue import`) or from the demo files
// alis ships (rules/objectives/), and never changed; which edition applies to a doctor is the
// rule of rules/objectives/editions.toml for their ruleset and start.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/audit_event.hpp"
#include "domain/date.hpp"
#include "domain/learning_objective.hpp"

namespace alis::app {

// The rules compiled into alis (rules/objectives/editions.toml), parsed once; throws
// domain::RulesetError when the file is broken (a bug of the build, caught by its test).
const domain::ObjectiveRules& objective_rules();

// The objectives of a demo edition's compiled-in file; throws domain::CatalogueFileError when it
// is broken (a bug of the build, caught by its test).
std::vector<domain::LearningObjective> demo_objectives(const domain::DemoEdition& demo);

// An edition to import: what it is and its objectives (parsed and checked by the caller).
struct CatalogueImport {
    domain::Catalogue catalogue = domain::Catalogue::alm;
    std::string edition;
    domain::Date valid_from;
    bool demo = false;
    std::string source;       // The file it was read from (1-1000 characters).
    std::string imported_by;  // Name and e-mail, or "alis" for a demo.
    std::vector<domain::LearningObjective> objectives;
};

enum class ImportOutcome {
    imported,          // Stored, with its audit event.
    already_imported,  // The same edition with the same content is stored: nothing written.
    edition_differs,   // An edition of that name is stored with other content or date: refused.
};

struct ImportResult {
    ImportOutcome outcome = ImportOutcome::imported;
    domain::CatalogueEdition edition;  // The stored one (for edition_differs: the one stored).
};

// Imports the edition and its objectives and appends `audit` (action "catalogue.imported"), in
// one unit of work; a second import of the same edition is a no-op.
ImportResult import_catalogue(Application& app, const CatalogueImport& edition,
                              domain::AuditEvent audit);

// Imports every demo edition of objective_rules() not stored yet, each audited as `audit`.
void import_demo_catalogues(Application& app, const domain::AuditEvent& audit);

// Every stored edition, by catalogue and valid_from.
std::vector<domain::CatalogueEdition> catalogue_editions(Application& app);

// The objectives of a stored edition, in its order.
std::vector<domain::LearningObjective> edition_objectives(Application& app,
                                                          std::int64_t edition_id);

}  // namespace alis::app
