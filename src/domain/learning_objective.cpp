#include "domain/learning_objective.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "domain/text.hpp"
#include "domain/toml_reader.hpp"

namespace alis::domain {
namespace {

// The fields of one record of the file and the line it starts on.
struct CsvRecord {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// The columns alis reads and the header names each is found by (compared without case and
// surrounding space): first the name docs/objectives.md gives, then the names of
// Helsedirektoratet's spreadsheets as far as public descriptions give them.
struct ObjectiveColumn {
    std::string_view name;
    std::vector<std::string_view> headers;
    bool required_text;  // An empty field is refused.
    std::size_t max_length;
};

const std::vector<ObjectiveColumn>& objective_columns() {
    static const std::vector<ObjectiveColumn> columns{
        {"Kode", {"kode", "læringsmålnummer", "nummer", "id"}, true, kMaxObjectiveCodeLength},
        {"Tittel", {"tittel", "læringsmål", "navn"}, true, kMaxObjectiveTitleLength},
        {"Beskrivelse", {"beskrivelse", "utdypning"}, false, kMaxObjectiveTextLength},
        {"Læringsaktiviteter",
         {"læringsaktiviteter", "anbefalte læringsaktiviteter"},
         false,
         kMaxObjectiveTextLength},
        {"Signeres av", {"signeres av", "signatur", "attesteres av"}, true, 40},
        {"Vurdering",
         {"vurdering", "vurderingsform", "vurderingsformer"},
         false,
         kMaxObjectiveTextLength},
        {"Arenaer", {"arenaer", "læringsarenaer", "arena"}, false, 500},
    };
    return columns;
}

// Lower case of ASCII letters and of Æ, Ø, Å (the letters of a Norwegian header), surrounding
// spaces removed.
std::string header_key(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            // Æ (C3 86), Ø (C3 98), Å (C3 85) have their lower case 0x20 above.
            const bool upper = next == 0x86 || next == 0x98 || next == 0x85;
            out.push_back(static_cast<char>(c));
            out.push_back(static_cast<char>(upper ? next + 0x20 : next));
            ++i;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

std::string trimmed_field(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return "";
    }
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// Splits the text from `pos` into records of fields separated by `separator`, with RFC 4180
// quotes (a quoted field may hold separators, line breaks and doubled quotes).
std::vector<CsvRecord> catalogue_records(std::string_view text, std::size_t pos, std::size_t line,
                                         char separator) {
    std::vector<CsvRecord> records;
    CsvRecord record{line, {}};
    std::string field;
    bool any = false;
    while (pos <= text.size()) {
        if (pos == text.size() || text[pos] == '\n' || text[pos] == '\r') {
            if (any || !field.empty()) {
                record.fields.push_back(trimmed_field(field));
                records.push_back(std::move(record));
            }
            if (pos < text.size() && text[pos] == '\r' && pos + 1 < text.size() &&
                text[pos + 1] == '\n') {
                ++pos;
            }
            ++pos;
            ++line;
            record = CsvRecord{line, {}};
            field.clear();
            any = false;
            continue;
        }
        const char c = text[pos];
        if (c == '"' && trimmed_field(field).empty()) {
            field.clear();
            ++pos;
            for (;;) {
                if (pos >= text.size()) {
                    throw CatalogueFileError(record.line, "", CatalogueFileProblem::open_quote, "");
                }
                if (text[pos] == '"') {
                    if (pos + 1 < text.size() && text[pos + 1] == '"') {
                        field.push_back('"');
                        pos += 2;
                        continue;
                    }
                    ++pos;
                    break;
                }
                if (text[pos] == '\n') {
                    ++line;
                }
                field.push_back(text[pos]);
                ++pos;
            }
            while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
                ++pos;
            }
            if (pos < text.size() && text[pos] != separator && text[pos] != '\n' &&
                text[pos] != '\r') {
                throw CatalogueFileError(record.line, "", CatalogueFileProblem::open_quote, "");
            }
            any = true;
            continue;
        }
        if (c == separator) {
            record.fields.push_back(trimmed_field(field));
            field.clear();
            any = true;
            ++pos;
            continue;
        }
        field.push_back(c);
        ++pos;
    }
    return records;
}

std::optional<SignedBy> parse_signed_by(std::string_view text) {
    const auto key = header_key(text);
    if (key == "supervisør" || key == "supervisor" || key == "clinical_supervisor") {
        return SignedBy::clinical_supervisor;
    }
    if (key == "veileder" || key == "supervisor_veileder") {
        return SignedBy::supervisor;
    }
    return std::nullopt;
}

// An arena of the file: the name alis gives it, or its Norwegian word.
std::optional<Arena> parse_objective_arena(std::string_view text) {
    const auto key = header_key(text);
    static const std::map<std::string, Arena, std::less<>> words{
        {"allmennpraksis", Arena::open_general_practice},
        {"åpen uselektert allmennpraksis", Arena::open_general_practice},
        {"annen allmennlegetjeneste", Arena::other_general_practice},
        {"annen allmennmedisin", Arena::other_general_practice},
        {"institusjon", Arena::institution},
        {"institusjonstjeneste", Arena::institution},
    };
    if (const auto it = words.find(key); it != words.end()) {
        return it->second;
    }
    const auto arena = parse_enum<Arena>(key);
    if (arena && std::find(kCountingArenas.begin(), kCountingArenas.end(), *arena) !=
                     kCountingArenas.end()) {
        return arena;
    }
    return std::nullopt;
}

bool is_objective_code(std::string_view code, Catalogue catalogue) {
    const auto prefix = std::string(to_string(catalogue)) + "-";
    if (!code.starts_with(prefix)) {
        return false;
    }
    const auto digits = code.substr(prefix.size());
    return !digits.empty() && digits.size() <= 4 &&
           std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void fnv_mix(std::uint64_t& hash, std::string_view text) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    // A separator no text holds, so that ("ab", "c") and ("a", "bc") differ.
    hash ^= 0xFFU;
    hash *= 1099511628211ULL;
}

// The objectives of a file's records, the header first (CatalogueFileError as documented).
std::vector<LearningObjective> objectives_of_records(const std::vector<CsvRecord>& records,
                                                     Catalogue catalogue);

}  // namespace

CatalogueFileError::CatalogueFileError(std::size_t row, std::string column,
                                       CatalogueFileProblem problem, std::string text)
    : std::runtime_error("catalogue file row " + std::to_string(row) + " column " + column + ": " +
                         std::string(to_string(problem))),
      row_(row),
      column_(std::move(column)),
      problem_(problem),
      text_(std::move(text)) {}

std::vector<LearningObjective> parse_catalogue_csv(std::string_view text, Catalogue catalogue) {
    if (text.starts_with("\xEF\xBB\xBF")) {  // The byte-order mark Excel writes.
        text.remove_prefix(3);
    }
    if (check_input(text) != TextProblem::none) {
        // Find the line at fault, so that the message names it.
        std::size_t line = 1;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i == text.size() || text[i] == '\n') {
                if (check_input(text.substr(start, i - start)) != TextProblem::none) {
                    break;
                }
                ++line;
                start = i + 1;
            }
        }
        throw CatalogueFileError(line, "", CatalogueFileProblem::text, "");
    }
    // Comment and empty lines before the header.
    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < text.size()) {
        const auto end = std::min(text.find('\n', pos), text.size());
        const auto content = trimmed_field(text.substr(pos, end - pos));
        if (!content.empty() && content != "\r" && !content.starts_with("#")) {
            break;
        }
        pos = end + 1;
        ++line;
    }
    const auto header_end = std::min(text.find('\n', std::min(pos, text.size())), text.size());
    const auto header_line =
        text.substr(std::min(pos, text.size()), header_end - std::min(pos, text.size()));
    const char separator = std::count(header_line.begin(), header_line.end(), ';') >
                                   std::count(header_line.begin(), header_line.end(), ',')
                               ? ';'
                               : ',';
    return objectives_of_records(
        catalogue_records(text, std::min(pos, text.size()), line, separator), catalogue);
}

std::vector<LearningObjective> parse_catalogue_rows(const std::vector<CatalogueRow>& rows,
                                                    Catalogue catalogue) {
    std::vector<CsvRecord> records;
    bool header_seen = false;
    for (const auto& row : rows) {
        if (std::any_of(row.cells.begin(), row.cells.end(), [](const std::string& cell) {
                return check_input(cell) != TextProblem::none;
            })) {
            throw CatalogueFileError(row.row, "", CatalogueFileProblem::text, "");
        }
        if (!header_seen) {
            // Comment and empty rows before the header, as in a CSV file.
            const bool empty =
                std::all_of(row.cells.begin(), row.cells.end(),
                            [](const std::string& c) { return trimmed_field(c).empty(); });
            if (empty || trimmed_field(row.cells.front()).starts_with('#')) {
                continue;
            }
            header_seen = true;
        }
        CsvRecord record{row.row, {}};
        for (const auto& cell : row.cells) {
            record.fields.push_back(trimmed_field(cell));  // As a CSV field is.
        }
        records.push_back(std::move(record));
    }
    return objectives_of_records(records, catalogue);
}

namespace {

std::vector<LearningObjective> objectives_of_records(const std::vector<CsvRecord>& records,
                                                     Catalogue catalogue) {
    if (records.empty()) {
        throw CatalogueFileError(0, "", CatalogueFileProblem::no_rows, "");
    }
    const auto& header = records.front();
    const auto& columns = objective_columns();
    std::vector<std::size_t> index(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto it =
            std::find_if(header.fields.begin(), header.fields.end(), [&](const auto& f) {
                const auto key = header_key(f);
                return std::find(columns[c].headers.begin(), columns[c].headers.end(), key) !=
                       columns[c].headers.end();
            });
        if (it == header.fields.end()) {
            throw CatalogueFileError(header.line, std::string(columns[c].name),
                                     CatalogueFileProblem::missing_column, "");
        }
        index[c] = static_cast<std::size_t>(it - header.fields.begin());
    }
    std::vector<LearningObjective> objectives;
    std::set<std::string> codes;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& record = records[r];
        if (record.fields.size() > header.fields.size()) {
            throw CatalogueFileError(record.line, "", CatalogueFileProblem::field_count,
                                     std::to_string(record.fields.size()));
        }
        if (std::all_of(record.fields.begin(), record.fields.end(),
                        [](const auto& f) { return f.empty(); })) {
            continue;  // A row of empty cells, as spreadsheets export below the data.
        }
        std::vector<std::string> values(columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto& column = header.fields[index[c]];
            values[c] = index[c] < record.fields.size() ? record.fields[index[c]] : "";
            if (columns[c].required_text && values[c].empty()) {
                throw CatalogueFileError(record.line, column, CatalogueFileProblem::required, "");
            }
            const auto length = utf8_code_points(values[c]).value_or(values[c].size());
            if (length > columns[c].max_length) {
                throw CatalogueFileError(record.line, column, CatalogueFileProblem::too_long,
                                         std::to_string(columns[c].max_length));
            }
            const auto kind = c == 0 || c == 1 || c == 4 ? TextKind::line : TextKind::lines;
            if (check_text(values[c], kind) != TextProblem::none) {
                throw CatalogueFileError(record.line, column, CatalogueFileProblem::text, "");
            }
        }
        LearningObjective o;
        o.code = values[0];
        if (!is_objective_code(o.code, catalogue)) {
            throw CatalogueFileError(record.line, header.fields[index[0]],
                                     CatalogueFileProblem::code, o.code);
        }
        if (!codes.insert(o.code).second) {
            throw CatalogueFileError(record.line, header.fields[index[0]],
                                     CatalogueFileProblem::duplicate_code, o.code);
        }
        o.position = static_cast<int>(objectives.size());
        o.title = values[1];
        o.description = values[2];
        o.activities = values[3];
        const auto signed_by = parse_signed_by(values[4]);
        if (!signed_by) {
            throw CatalogueFileError(record.line, header.fields[index[4]],
                                     CatalogueFileProblem::signed_by, values[4]);
        }
        o.signed_by = *signed_by;
        o.assessment = values[5];
        std::string_view arenas = values[6];
        while (!arenas.empty()) {
            const auto cut = std::min(arenas.find_first_of(",|/"), arenas.size());
            const auto word = trimmed_field(arenas.substr(0, cut));
            arenas.remove_prefix(std::min(cut + 1, arenas.size()));
            if (word.empty()) {
                continue;
            }
            const auto arena = parse_objective_arena(word);
            if (!arena) {
                throw CatalogueFileError(record.line, header.fields[index[6]],
                                         CatalogueFileProblem::arena, word);
            }
            if (std::find(o.arenas.begin(), o.arenas.end(), *arena) == o.arenas.end()) {
                o.arenas.push_back(*arena);
            }
        }
        objectives.push_back(std::move(o));
        if (objectives.size() > kMaxObjectivesPerEdition) {
            throw CatalogueFileError(record.line, "", CatalogueFileProblem::too_many,
                                     std::to_string(kMaxObjectivesPerEdition));
        }
    }
    if (objectives.empty()) {
        throw CatalogueFileError(0, "", CatalogueFileProblem::no_rows, "");
    }
    return objectives;
}

}  // namespace

std::string objectives_digest(const std::vector<LearningObjective>& objectives) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const auto& o : objectives) {
        for (const auto& text : {o.code, o.title, o.description, o.activities, o.assessment}) {
            fnv_mix(hash, text);
        }
        fnv_mix(hash, to_string(o.signed_by));
        for (const auto arena : o.arenas) {
            fnv_mix(hash, to_string(arena));
        }
        fnv_mix(hash, "|");
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

namespace {

Catalogue read_catalogue_name(const TomlReader& reader, const toml::table& table,
                              const std::string& key) {
    const auto name = reader.string_at(table, "catalogue", key + ".catalogue");
    const auto catalogue = parse_enum<Catalogue>(name);
    if (!catalogue) {
        reader.fail(key + ".catalogue", "must be ALM or FKM, not " + name);
    }
    return *catalogue;
}

const toml::array& table_list(const TomlReader& reader, const toml::table& root,
                              std::string_view name) {
    const toml::node& list = reader.require(root, name, std::string(name));
    if (!list.is_array() || list.as_array()->empty()) {
        reader.fail(std::string(name),
                    "must be a list of at least one [[" + std::string(name) + "]] table");
    }
    return *list.as_array();
}

}  // namespace

ObjectiveRules parse_objective_rules(std::string_view toml_text, std::string_view file) {
    const TomlReader reader(file);
    const toml::table root = parse_toml(toml_text, file);
    reader.refuse_unknown_keys(root, {"demo", "applies"}, "");
    ObjectiveRules rules;
    const auto& demos = table_list(reader, root, "demo");
    for (std::size_t i = 0; i < demos.size(); ++i) {
        const std::string key = "demo[" + std::to_string(i) + "]";
        if (!demos[i].is_table()) {
            reader.fail(key, "must be a table");
        }
        const auto& t = *demos[i].as_table();
        reader.refuse_unknown_keys(
            t, {"catalogue", "edition", "valid_from", "file", "source", "unconfirmed", "note"},
            key + ".");
        DemoEdition d;
        d.catalogue = read_catalogue_name(reader, t, key);
        d.edition = reader.string_at(t, "edition", key + ".edition");
        d.valid_from =
            reader.date(reader.require(t, "valid_from", key + ".valid_from"), key + ".valid_from");
        d.file = reader.string_at(t, "file", key + ".file");
        d.provenance = reader.provenance(t, key);
        if (!d.provenance.unconfirmed) {
            reader.fail(key + ".unconfirmed", "a demo edition must say unconfirmed = true");
        }
        rules.demo_editions.push_back(std::move(d));
    }
    const auto& applies = table_list(reader, root, "applies");
    for (std::size_t i = 0; i < applies.size(); ++i) {
        const std::string key = "applies[" + std::to_string(i) + "]";
        if (!applies[i].is_table()) {
            reader.fail(key, "must be a table");
        }
        const auto& t = *applies[i].as_table();
        reader.refuse_unknown_keys(t,
                                   {"ruleset", "catalogue", "started_from", "started_before",
                                    "edition_valid_on", "source", "unconfirmed", "note"},
                                   key + ".");
        EditionRule r;
        r.ruleset = reader.string_at(t, "ruleset", key + ".ruleset");
        r.catalogue = read_catalogue_name(reader, t, key);
        r.started_from = reader.optional_date(t, "started_from", key + ".started_from");
        r.started_before = reader.optional_date(t, "started_before", key + ".started_before");
        if (r.started_from && r.started_before && !(*r.started_from < *r.started_before)) {
            reader.fail(key + ".started_before", "must be after started_from");
        }
        r.edition_valid_on =
            reader.date(reader.require(t, "edition_valid_on", key + ".edition_valid_on"),
                        key + ".edition_valid_on");
        r.provenance = reader.provenance(t, key);
        rules.edition_rules.push_back(std::move(r));
    }
    return rules;
}

std::vector<EditionRule> edition_rules_for(const ObjectiveRules& rules, std::string_view ruleset,
                                           Date started_on) {
    std::vector<EditionRule> out;
    for (const auto catalogue : {Catalogue::alm, Catalogue::fkm}) {
        for (const auto& r : rules.edition_rules) {
            if (r.catalogue == catalogue && r.ruleset == ruleset &&
                (!r.started_from || !(started_on < *r.started_from)) &&
                (!r.started_before || started_on < *r.started_before)) {
                out.push_back(r);
                break;
            }
        }
    }
    return out;
}

const CatalogueEdition* edition_for(const std::vector<CatalogueEdition>& editions,
                                    const EditionRule& rule) {
    const CatalogueEdition* best = nullptr;
    for (const auto& e : editions) {
        if (e.catalogue != rule.catalogue || rule.edition_valid_on < e.valid_from) {
            continue;
        }
        if (!best || best->valid_from < e.valid_from ||
            (best->valid_from == e.valid_from && best->demo && !e.demo)) {
            best = &e;
        }
    }
    return best;
}

bool objective_at_risk(const LearningObjective& objective, const std::vector<Arena>& arenas) {
    return !objective.arenas.empty() &&
           std::none_of(objective.arenas.begin(), objective.arenas.end(), [&](Arena a) {
               return std::find(arenas.begin(), arenas.end(), a) != arenas.end();
           });
}

}  // namespace alis::domain
