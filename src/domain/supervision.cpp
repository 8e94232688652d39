#include "domain/supervision.hpp"

#include <cmath>

#include "domain/toml_reader.hpp"

namespace alis::domain {
namespace {

// Months a year in tenths, from a TOML integer (12) or float (10.5) of at most one decimal.
int months_in_tenths(const TomlReader& reader, const toml::node& node, const std::string& key) {
    std::optional<double> value;
    if (node.is_integer()) {
        value = static_cast<double>(node.as_integer()->get());
    } else if (node.is_floating_point()) {
        value = node.as_floating_point()->get();
    }
    const double tenths = value ? *value * 10 : -1;
    if (!value || tenths < 1 || tenths > 120 || std::abs(tenths - std::round(tenths)) > 1e-9) {
        reader.fail(key, "must be months a year above 0 and at most 12, with at most 1 decimal");
    }
    return static_cast<int>(std::lround(tenths));
}

SupervisionNorm read_norm(const TomlReader& reader, const toml::table& table,
                          const std::string& key) {
    reader.refuse_unknown_keys(table, {"id", "name", "hours_per_month", "months_per_year"},
                               key + ".");
    SupervisionNorm norm;
    norm.id = reader.string_at(table, "id", key + ".id");
    norm.name = reader.string_at(table, "name", key + ".name");
    const auto& hours = reader.sourced_value(table, "hours_per_month", key + ".hours_per_month",
                                             "value", norm.hours_source);
    norm.hours_per_month = static_cast<int>(reader.integer(hours, key + ".hours_per_month.value", 1,
                                                           40, "whole hours a month from 1 to 40"));
    const auto& months = reader.sourced_value(table, "months_per_year", key + ".months_per_year",
                                              "value", norm.months_source);
    norm.months_per_year_tenths = months_in_tenths(reader, months, key + ".months_per_year.value");
    return norm;
}

}  // namespace

const SupervisionNorm* SupervisionNorms::find(std::string_view id) const {
    for (const auto& norm : norms) {
        if (norm.id == id) {
            return &norm;
        }
    }
    return nullptr;
}

const SupervisionNorm& SupervisionNorms::chosen(std::string_view id) const {
    if (const auto* norm = find(id)) {
        return *norm;
    }
    return *find(default_id);
}

SupervisionNorms parse_supervision_norms(std::string_view toml_text, std::string_view file) {
    const TomlReader reader(file);
    const toml::table root = parse_toml(toml_text, file);
    reader.refuse_unknown_keys(root, {"default", "norms"}, "");
    SupervisionNorms result;
    result.default_id = reader.string_at(root, "default", "default");
    const toml::node& list = reader.require(root, "norms", "norms");
    if (!list.is_array() || list.as_array()->empty()) {
        reader.fail("norms", "must be a list of at least one [[norms]] table");
    }
    const toml::array& norms = *list.as_array();
    for (std::size_t i = 0; i < norms.size(); ++i) {
        const std::string key = "norms[" + std::to_string(i) + "]";
        if (!norms[i].is_table()) {
            reader.fail(key, "must be a table");
        }
        auto norm = read_norm(reader, *norms[i].as_table(), key);
        if (result.find(norm.id)) {
            reader.fail(key + ".id", "names a norm already listed: " + norm.id);
        }
        result.norms.push_back(std::move(norm));
    }
    if (!result.find(result.default_id)) {
        reader.fail("default", "names no norm of the file: " + result.default_id);
    }
    return result;
}

std::vector<SupervisionMonth> supervision_months(const std::vector<SupervisionMeeting>& meetings,
                                                 const SupervisionNorm& norm, Month from,
                                                 Month to) {
    std::vector<SupervisionMonth> months;
    const int count = months_between(from, to) + 1;
    for (int i = 0; i < count; ++i) {
        months.push_back(SupervisionMonth{from.plus(i), 0, 0, norm.minutes_per_month()});
    }
    for (const auto& m : meetings) {
        const int index = months_between(from, Month::of(m.held_on));
        if (index < 0 || index >= count) {
            continue;
        }
        (m.is_closed() ? months[index].held_minutes : months[index].open_minutes) +=
            m.duration_minutes;
    }
    return months;
}

NormWindow norm_window(const std::vector<SupervisionMeeting>& meetings, const SupervisionNorm& norm,
                       std::optional<Date> since, Date today) {
    const Month last = Month::of(today).plus(-1);
    Month first = last.plus(1 - kNormWindowMonths);
    if (since && Month::of(*since) > first) {
        first = Month::of(*since);
    }
    NormWindow window;
    if (first > last) {
        return window;
    }
    for (const auto& month : supervision_months(meetings, norm, first, last)) {
        ++window.months;
        window.held_minutes += month.held_minutes;
        window.norm_minutes += month.norm_minutes;
    }
    return window;
}

std::string format_hours(int minutes) {
    const bool negative = minutes < 0;
    const int m = negative ? -minutes : minutes;
    // Hundredths of an hour, rounded half up.
    const int hundredths = (m * 100 + 30) / 60;
    std::string text = (negative ? "-" : "") + std::to_string(hundredths / 100);
    const int rest = hundredths % 100;
    if (rest != 0) {
        text += ',';
        text += static_cast<char>('0' + rest / 10);
        if (rest % 10 != 0) {
            text += static_cast<char>('0' + rest % 10);
        }
    }
    return text;
}

}  // namespace alis::domain
