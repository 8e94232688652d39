#include "domain/document_template.hpp"

#include "domain/toml_reader.hpp"

namespace alis::domain {

DocumentTemplate parse_document_template(std::string_view text, std::string_view file) {
    const TomlReader reader(file);
    // The header ends at the first line that is exactly "+++".
    std::size_t end = text.starts_with("+++\n") ? 0 : text.find("\n+++\n");
    if (end == std::string_view::npos) {
        reader.fail("+++", "the header must end with a line +++ before the body",
                    DataFileProblem::missing);
    }
    const std::string_view header = text.substr(0, end);
    const std::string_view body = text.substr(end == 0 ? 4 : end + 5);
    const toml::table table = parse_toml(header, file);
    reader.refuse_unknown_keys(
        table, {"kind", "version", "title", "source", "unconfirmed", "note", "check"}, "");
    DocumentTemplate result;
    const std::string kind = reader.string_at(table, "kind", "kind");
    const auto parsed = parse_enum<DocumentKind>(kind);
    if (!parsed) {
        reader.fail("kind", "unknown document kind '" + kind + "'");
    }
    result.kind = *parsed;
    result.version = reader.string_at(table, "version", "version");
    result.title = reader.string_at(table, "title", "title");
    result.provenance = reader.provenance(table, "");
    if (const toml::node* check = table.get("check")) {
        const toml::array* items = check->as_array();
        if (items == nullptr) {
            reader.fail("check", "must be a list of texts");
        }
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto item = (*items)[i].value<std::string>();
            if (!item || item->empty()) {
                reader.fail("check[" + std::to_string(i) + "]", "must be a text");
            }
            result.check.push_back(*item);
        }
    }
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        reader.fail("+++", "the body is empty", DataFileProblem::missing);
    }
    result.body = std::string(body);
    return result;
}

}  // namespace alis::domain
