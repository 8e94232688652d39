#pragma once

// Learning objectives (issue 13): the catalogues (ALM, FKM) as versioned editions, each a list of
// objectives read from a CSV file laid out like Helsedirektoratet's spreadsheets
// (docs/objectives.md, "The catalogue file"), and the rules of rules/objectives/editions.toml:
// which demo editions alis ships and which edition applies to a doctor.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/provenance.hpp"
#include "domain/training_path.hpp"

namespace alis::domain {

// The catalogues of learning objectives of part 3: general practice and the common objectives.
enum class Catalogue { alm, fkm };

template <>
struct EnumNames<Catalogue> {
    static constexpr std::array<std::pair<Catalogue, std::string_view>, 2> names{{
        {Catalogue::alm, "ALM"},
        {Catalogue::fkm, "FKM"},
    }};
};

// Who signs the learning activities of an objective.
enum class SignedBy { clinical_supervisor, supervisor };

template <>
struct EnumNames<SignedBy> {
    static constexpr std::array<std::pair<SignedBy, std::string_view>, 2> names{{
        {SignedBy::clinical_supervisor, "clinical_supervisor"},
        {SignedBy::supervisor, "supervisor"},
    }};
};

// The longest texts an objective holds (the schema's CHECKs).
inline constexpr std::size_t kMaxObjectiveCodeLength = 20;
inline constexpr std::size_t kMaxObjectiveTitleLength = 500;
inline constexpr std::size_t kMaxObjectiveTextLength = 8000;
// The most objectives one edition may hold (FKM had 75 in all, ALM about 100).
inline constexpr std::size_t kMaxObjectivesPerEdition = 1000;

// One learning objective of an edition.
struct LearningObjective {
    std::int64_t id = 0;
    std::int64_t edition_id = 0;
    std::string code;  // "ALM-055": the catalogue's name, a hyphen and digits.
    int position = 0;  // Its place in the file, from 0.
    std::string title;
    std::string description;
    std::string activities;  // The recommended learning activities.
    SignedBy signed_by = SignedBy::clinical_supervisor;
    std::string assessment;     // How it is assessed.
    std::vector<Arena> arenas;  // Where it is typically reached; empty when anywhere.

    bool operator==(const LearningObjective&) const = default;
};

// One stored edition of a catalogue.
struct CatalogueEdition {
    std::int64_t id = 0;
    Catalogue catalogue = Catalogue::alm;
    std::string edition;  // Its name, e.g. "fkm-2026-demo".
    Date valid_from;
    bool demo = false;           // Shipped with paraphrased texts: never official.
    std::string source;          // Where it came from: the file named at import, or the demo's.
    std::string content_digest;  // objectives_digest of the objectives as imported.
    std::string imported_at;     // UTC instant.
    std::string imported_by;     // Name and e-mail, or "alis" for the demo.
};

// What is wrong with a catalogue file. The names are the message catalogue's keys
// ("catalogue.file.<name>").
enum class CatalogueFileProblem {
    missing_column,  // A required column has no header.
    open_quote,      // A quoted field without its closing quote, or text after it.
    field_count,     // More fields than the header names.
    text,            // Not strict UTF-8, or control characters.
    required,        // An empty field that must hold text.
    too_long,        // Longer than the column allows.
    code,            // Not the catalogue's name, a hyphen and 1-4 digits ("ALM-055").
    duplicate_code,  // A code listed before in the file.
    signed_by,       // Neither "supervisør" nor "veileder".
    arena,           // An arena alis does not know.
    no_rows,         // Not one objective in the file.
    too_many,        // More than kMaxObjectivesPerEdition objectives.
};

template <>
struct EnumNames<CatalogueFileProblem> {
    static constexpr std::array<std::pair<CatalogueFileProblem, std::string_view>, 12> names{{
        {CatalogueFileProblem::missing_column, "missing_column"},
        {CatalogueFileProblem::open_quote, "open_quote"},
        {CatalogueFileProblem::field_count, "field_count"},
        {CatalogueFileProblem::text, "text"},
        {CatalogueFileProblem::required, "required"},
        {CatalogueFileProblem::too_long, "too_long"},
        {CatalogueFileProblem::code, "code"},
        {CatalogueFileProblem::duplicate_code, "duplicate_code"},
        {CatalogueFileProblem::signed_by, "signed_by"},
        {CatalogueFileProblem::arena, "arena"},
        {CatalogueFileProblem::no_rows, "no_rows"},
        {CatalogueFileProblem::too_many, "too_many"},
    }};
};

// A catalogue file that cannot be read: the row (the file's line number where the record starts,
// from 1; 0 for the file as a whole), the column (its header name as the file writes it, or the
// name alis looks for when it is missing; empty when no column is at fault), the problem and the
// text at fault.
class CatalogueFileError : public std::runtime_error {
  public:
    CatalogueFileError(std::size_t row, std::string column, CatalogueFileProblem problem,
                       std::string text);

    std::size_t row() const { return row_; }
    const std::string& column() const { return column_; }
    CatalogueFileProblem problem() const { return problem_; }
    const std::string& text() const { return text_; }

  private:
    std::size_t row_;
    std::string column_;
    CatalogueFileProblem problem_;
    std::string text_;
};

// The objectives of a catalogue file of `catalogue` (docs/objectives.md): lines starting with "#"
// before the header are comments, the separator is ";" or "," (whichever the header uses), the
// columns are found by their header names and other columns are ignored. Throws
// CatalogueFileError naming the first row and column at fault; ids and edition_id are 0.
std::vector<LearningObjective> parse_catalogue_csv(std::string_view text, Catalogue catalogue);

// One row of a spreadsheet: its number in the sheet (from 1) and its cells from column A, a
// missing cell empty.
struct CatalogueRow {
    std::size_t row = 0;
    std::vector<std::string> cells;
};

// The objectives of a catalogue's worksheet (an XLSX file's first sheet, web/xlsx_reader.hpp),
// by the same rules as parse_catalogue_csv: rows before the header that are empty or start with
// "#" are comments, the columns are found by their header names. The errors name the sheet's
// row numbers.
std::vector<LearningObjective> parse_catalogue_rows(const std::vector<CatalogueRow>& rows,
                                                    Catalogue catalogue);

// True when the objective is typically reached in arenas none of which the doctor's training path
// holds, served or planned (`arenas`): e.g. an institution-only objective with no institution
// service planned. An objective reached anywhere (no arenas) is never at risk.
bool objective_at_risk(const LearningObjective& objective, const std::vector<Arena>& arenas);

// A digest of the objectives' contents (FNV-1a 64 over every field, 16 hex digits): not a
// security measure, only how the same edition imported again is recognised whichever layout (column
// order, separator, comments) its file had.
std::string objectives_digest(const std::vector<LearningObjective>& objectives);

// A demo edition shipped with alis (rules/objectives/*.csv).
struct DemoEdition {
    Catalogue catalogue = Catalogue::alm;
    std::string edition;
    Date valid_from;
    std::string file;  // The path of its CSV under the source root, as compiled in.
    Provenance provenance;
};

// Which edition of a catalogue applies to a doctor of a ruleset: the stored edition valid on
// `edition_valid_on` (the latest valid_from on or before it), for a doctor whose part 3 started
// within [started_from, started_before).
struct EditionRule {
    std::string ruleset;
    Catalogue catalogue = Catalogue::alm;
    std::optional<Date> started_from;
    std::optional<Date> started_before;
    Date edition_valid_on;
    Provenance provenance;
};

struct ObjectiveRules {
    std::vector<DemoEdition> demo_editions;
    std::vector<EditionRule> edition_rules;
};

// Parses rules/objectives/editions.toml; throws DataFileError naming the key at fault.
ObjectiveRules parse_objective_rules(std::string_view toml_text, std::string_view file);

// The rules that apply to a doctor of `ruleset` whose part 3 started on `started_on`: one per
// catalogue at most, in catalogue order.
std::vector<EditionRule> edition_rules_for(const ObjectiveRules& rules, std::string_view ruleset,
                                           Date started_on);

// The edition of `editions` (all of one catalogue or not) that `rule` picks: of its catalogue,
// the latest valid_from on or before rule.edition_valid_on, an official one before a demo of the
// same day. Nullptr when none is stored.
const CatalogueEdition* edition_for(const std::vector<CatalogueEdition>& editions,
                                    const EditionRule& rule);

}  // namespace alis::domain
