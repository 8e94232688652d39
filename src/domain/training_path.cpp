#include "domain/training_path.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "domain/json_input.hpp"

namespace alis::domain {
namespace {

namespace json = boost::json;

[[noreturn]] void fail(std::string field, std::string reason) {
    throw TrainingPathError(std::move(field), std::move(reason));
}

std::string_view type_name(const json::value& value) {
    return json_type_name(value);
}

// Parses `text`; the value's memory comes from `storage`, which must outlive it.
json::value parse_json(std::string_view text, json::storage_ptr storage) {
    try {
        return parse_json_document(text, std::move(storage));
    } catch (const JsonSyntaxError& e) {
        fail("input", "malformed JSON at " + e.where() + ": " + e.message());
    }
}

// Names a field in errors, e.g. "periods[3].to"; the text is only built when there is an error.
struct Field {
    std::optional<std::size_t> period;  // the index in "periods", when inside one
    std::string_view name;              // empty for the period itself

    std::string text() const {
        if (!period) {
            return std::string(name);
        }
        std::string text = "periods[" + std::to_string(*period) + "]";
        return name.empty() ? text : text + "." + std::string(name);
    }
};

[[noreturn]] void fail(const Field& field, std::string reason) {
    fail(field.text(), std::move(reason));
}

Date parse_date(const json::value& value, const Field& field) {
    if (!value.is_string()) {
        fail(field, "must be a date written YYYY-MM-DD, not " + std::string(type_name(value)));
    }
    const std::string_view text = value.get_string();
    const auto date = Date::parse_iso(text);
    if (!date) {
        fail(field, "'" + std::string(text) + "' is not a date that exists (expected YYYY-MM-DD)");
    }
    return *date;
}

std::optional<Date> parse_optional_date(const json::value& value, const Field& field) {
    if (value.is_null()) {
        return std::nullopt;
    }
    return parse_date(value, field);
}

// A JSON number as a person wrote it: "60", "-20", "100.5" (not Boost's "1.005E2").
std::string number_text(const json::value& value) {
    if (!value.is_double()) {
        return json::serialize(value);
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.get_double());
    return std::string(buffer, result.ptr);
}

PositionPpm parse_fte(const json::value& value, const Field& field) {
    if (!value.is_number()) {
        fail(field, "must be a number (a percentage, 0 < fte <= 100), not " +
                        std::string(type_name(value)));
    }
    std::optional<PositionPpm> ppm;
    if (value.is_int64()) {
        const std::int64_t v = value.get_int64();
        if (v > 0 && v <= 100) {
            ppm = static_cast<PositionPpm>(v * (kFullTime / 100));
        }
    } else if (value.is_double()) {
        const double v = value.get_double();
        ppm = percent_to_ppm(v);
        if (!ppm && v > 0 && v <= 100) {
            fail(field, number_text(value) + " has more than 4 decimals");
        }
    }
    if (!ppm) {
        fail(field, number_text(value) + " is out of range (0 < fte <= 100)");
    }
    return *ppm;
}

void refuse_unknown_fields(const json::object& object,
                           std::initializer_list<std::string_view> known,
                           std::optional<std::size_t> period) {
    for (const auto& entry : object) {
        bool found = false;
        for (const std::string_view name : known) {
            found = found || entry.key() == name;
        }
        if (!found) {
            fail(Field{period, entry.key()}, "unknown field");
        }
    }
}

const json::value& require(const json::object& object, const Field& field,
                           std::string_view missing = "missing") {
    const json::value* value = object.if_contains(field.name);
    if (value == nullptr) {
        fail(field, std::string(missing));
    }
    return *value;
}

PathPeriod parse_period(const json::value& value, std::size_t index) {
    if (!value.is_object()) {
        fail(Field{index, ""}, "must be an object, not " + std::string(type_name(value)));
    }
    const json::object& object = value.get_object();
    refuse_unknown_fields(object, {"from", "to", "arena", "fte", "registered"}, index);
    PathPeriod period;

    const Field from{index, "from"};
    period.from = parse_date(require(object, from), from);

    const Field to{index, "to"};
    period.to =
        parse_optional_date(require(object, to, "missing (write null for an ongoing period)"), to);

    const Field arena_field{index, "arena"};
    const json::value& arena = require(object, arena_field);
    if (!arena.is_string()) {
        fail(arena_field, "must be a string, not " + std::string(type_name(arena)));
    }
    const auto arena_value = parse_enum<Arena>(arena.get_string());
    if (!arena_value) {
        fail(arena_field,
             "unknown arena '" + std::string(arena.get_string()) +
                 "' (expected open_general_practice, other_general_practice, institution, leave "
                 "or other)");
    }
    period.arena = *arena_value;

    if (const json::value* fte = object.if_contains("fte"); fte != nullptr) {
        period.fte = parse_fte(*fte, Field{index, "fte"});
    }
    if (const json::value* registered = object.if_contains("registered"); registered != nullptr) {
        if (!registered->is_bool()) {
            fail(Field{index, "registered"},
                 "must be true or false, not " + std::string(type_name(*registered)));
        }
        period.registered = registered->get_bool();
    }
    return period;
}

// The supported range as day numbers, so that checking a date needs no calendar conversion.
const std::int32_t kFirstDay = Date::from_ymd(kEarliestYear, 1, 1)->days_since_epoch();
const std::int32_t kLastDay = Date::from_ymd(kLatestYear, 12, 31)->days_since_epoch();

std::string period_field(std::size_t index, std::string_view name) {
    return Field{index, name}.text();
}

void check_date_range(Date date, const auto& field) {
    if (date.days_since_epoch() < kFirstDay || date.days_since_epoch() > kLastDay) {
        fail(field(), date.iso() + " is outside the supported years " +
                          std::to_string(kEarliestYear) + "-" + std::to_string(kLatestYear));
    }
}

// Checks one period; field names are only built when something is wrong.
void check_period(const PathPeriod& period, std::size_t index) {
    check_date_range(period.from, [&] { return period_field(index, "from"); });
    if (period.to) {
        check_date_range(*period.to, [&] { return period_field(index, "to"); });
        if (*period.to < period.from) {
            fail(period_field(index, "to"),
                 period.to->iso() + " is before from (" + period.from.iso() + ")");
        }
    }
    if (period.fte <= 0 || period.fte > kFullTime) {
        fail(period_field(index, "fte"), "is out of range (0 < fte <= 100)");
    }
}

void check_path_fields(const TrainingPath& path) {
    check_date_range(path.as_of, [] { return std::string("as_of"); });
    if (path.lis1_completed) {
        check_date_range(*path.lis1_completed, [] { return std::string("lis1_completed"); });
    }
}

void check_period_count(std::size_t count) {
    if (count > kMaxPeriods) {
        fail("periods", "has " + std::to_string(count) + " periods; at most " +
                            std::to_string(kMaxPeriods) + " are allowed");
    }
}

}  // namespace

TrainingPathError::TrainingPathError(std::string field, std::string reason)
    : std::runtime_error(field + ": " + reason),
      field_(std::move(field)),
      reason_(std::move(reason)) {}

std::optional<PositionPpm> percent_to_ppm(double percent) {
    if (!(percent > 0.0 && percent <= 100.0)) {
        return std::nullopt;
    }
    const double scaled = percent * (kFullTime / 100);
    const double rounded = std::round(scaled);
    // A percentage with at most 4 decimals lands within rounding noise of a whole ppm.
    if (std::fabs(scaled - rounded) > 1e-6 || rounded < 1.0) {
        return std::nullopt;
    }
    return static_cast<PositionPpm>(rounded);
}

TrainingPath parse_training_path(std::string_view text) {
    // One arena for the whole document instead of an allocation per value.
    json::monotonic_resource resource;
    const json::value root = parse_json(text, &resource);
    if (!root.is_object()) {
        fail("input", "must be a JSON object, not " + std::string(type_name(root)));
    }
    const json::object& object = root.get_object();
    refuse_unknown_fields(object, {"ruleset", "as_of", "lis1_completed", "periods"}, std::nullopt);
    TrainingPath path;

    if (const json::value* ruleset = object.if_contains("ruleset");
        ruleset != nullptr && !ruleset->is_null()) {
        if (!ruleset->is_string()) {
            fail("ruleset", "must be a string, not " + std::string(type_name(*ruleset)));
        }
        path.ruleset = std::string(ruleset->get_string());
    }

    const Field as_of{std::nullopt, "as_of"};
    path.as_of = parse_date(require(object, as_of), as_of);

    if (const json::value* lis1 = object.if_contains("lis1_completed"); lis1 != nullptr) {
        path.lis1_completed = parse_optional_date(*lis1, Field{std::nullopt, "lis1_completed"});
    }
    check_path_fields(path);

    const json::value& periods = require(object, Field{std::nullopt, "periods"});
    if (!periods.is_array()) {
        fail("periods", "must be a list, not " + std::string(type_name(periods)));
    }
    const json::array& list = periods.get_array();
    check_period_count(list.size());
    path.periods.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        path.periods.push_back(parse_period(list[i], i));
        check_period(path.periods.back(), i);
    }
    return path;
}

void check_training_path(const TrainingPath& path) {
    check_path_fields(path);
    check_period_count(path.periods.size());
    for (std::size_t i = 0; i < path.periods.size(); ++i) {
        check_period(path.periods[i], i);
    }
}

}  // namespace alis::domain
