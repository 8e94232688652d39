#include "store/sql.hpp"

namespace alis::store {

bool Row::boolean(int column) const {
    const std::string value = text(column);
    return value == "1" || value == "t" || value == "true";
}

domain::Date Row::date(int column) const {
    const auto d = domain::Date::parse_iso(text(column));
    if (!d) {
        throw StoreError("the database holds a malformed date");
    }
    return *d;
}

std::string Row::instant(int column) const {
    std::string value = text(column);
    // PostgreSQL: "2026-11-22 10:15:30+00" (or with fractions of a second, which alis never
    // writes); SQLite holds alis's own "2026-11-22T10:15:30Z".
    if (value.size() >= 19 && value[10] == ' ') {
        value[10] = 'T';
        value.resize(19);
        value += 'Z';
    }
    return value;
}

std::optional<std::int64_t> Row::optional_integer(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::int64_t>(integer(column));
}

std::optional<std::string> Row::optional_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
}

std::optional<domain::Date> Row::optional_date(int column) const {
    return is_null(column) ? std::nullopt : std::optional<domain::Date>(date(column));
}

void Transaction::execute(std::string_view sql, std::initializer_list<Param> params) {
    query(sql, std::span(params.begin(), params.size()), [](const Row&) {});
}

std::int64_t Transaction::insert(std::string_view sql, std::initializer_list<Param> params) {
    std::optional<std::int64_t> id;
    query(sql, std::span(params.begin(), params.size()),
          [&](const Row& row) { id = row.integer(0); });
    if (!id) {
        throw StoreError("an insert returned no id");
    }
    return *id;
}

std::int64_t Transaction::integer(std::string_view sql, std::initializer_list<Param> params) {
    std::int64_t value = 0;
    query(sql, std::span(params.begin(), params.size()),
          [&](const Row& row) { value = row.is_null(0) ? 0 : row.integer(0); });
    return value;
}

std::string id_list(Dialect dialect, const std::vector<std::int64_t>& ids) {
    std::string text(1, dialect == Dialect::sqlite ? '[' : '{');
    for (const auto id : ids) {
        if (text.size() > 1) {
            text += ',';
        }
        text += std::to_string(id);
    }
    text += dialect == Dialect::sqlite ? ']' : '}';
    return text;
}

}  // namespace alis::store
